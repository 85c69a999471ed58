// Tags every library starts with. `noupdate` on `tag_classic`: once created, upgrades leave it
// as the users edited it.

import type { DataRecord } from '../../../../core/index.ts';

const records: DataRecord[] = [
  { id: 'tag_classic', model: 'library.tag', values: { name: 'Classic', color: 1 }, noupdate: true },
  { id: 'tag_novel', model: 'library.tag', values: { name: 'Novel', color: 2 } },
  { id: 'tag_science', model: 'library.tag', values: { name: 'Science', color: 3 } },
];

export default records;
