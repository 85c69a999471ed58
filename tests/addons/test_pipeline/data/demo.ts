import { ref, type DataRecord } from '../../../../core/index.ts';

const records: DataRecord[] = [
  { id: 'demo_lead_1', model: 'test.lead', values: { name: 'Demo lead', stage_id: ref('stage_qualified') } },
];
export default records;
