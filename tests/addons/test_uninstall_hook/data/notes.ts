import type { DataRecord } from '../../../../core/index.ts';

const records: DataRecord[] = [{ id: 'note_1', model: 'test.hook.note', values: { name: 'First note' } }];
export default records;
