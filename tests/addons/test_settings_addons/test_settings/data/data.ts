import { ref, type DataRecord } from '../../../../../core/index.ts';

const records: DataRecord[] = [
  { id: 'group_feature_sub', model: 'res.groups', values: { name: 'Feature: reports' } },
  // Implies another group: internal users get both when the setting is checked.
  { id: 'group_feature', model: 'res.groups', values: { name: 'Feature', implied_ids: [[4, ref('group_feature_sub')]] } },
  { id: 'ir_cron_digest', model: 'ir.cron', values: { name: 'Test: digest', model_name: 'res.partner', method: 'search_count', active: false, interval_number: 1, interval_type: 'days', nextcall: '2999-01-01 00:00:00' } },
];
export default records;
