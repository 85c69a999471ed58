import type { DataRecord } from '../../../../core/index.ts';

const records: DataRecord[] = [
  { id: 'ok', model: 'test.broken', values: { name: 'fine' } },
  { id: 'bad', model: 'test.broken', values: { name: false } },
];
export default records;
