import { ref, type DataRecord } from '../../../../core/index.ts';

const records: DataRecord[] = [
  { id: 'stage_new', model: 'test.stage', values: { name: 'New', sequence: 1 } },
  { id: 'stage_qualified', model: 'test.stage', values: { name: 'Qualified', sequence: 2 } },
  { id: 'stage_won', model: 'test.stage', values: { name: 'Won', sequence: 70, is_won: true } },
  { id: 'tag_hot', model: 'test.tag', values: { name: 'Hot' }, noupdate: true },
  { id: 'lead_seed', model: 'test.lead', values: { name: 'Seeded lead', stage_id: ref('stage_new'), tag_ids: [ref('tag_hot')] } },
];
export default records;
