import { ref, type DataRecord } from '../../../../core/index.ts';

const records: DataRecord[] = [
  { id: 'action_feature_partners', model: 'ir.actions.act_window', values: { name: 'Feature Partners', res_model: 'res.partner', view_mode: 'list' } },
  { id: 'menu_feature', model: 'ir.ui.menu', values: {
    name: 'Feature Reports', sequence: 30, groups_id: [ref('test_settings.group_feature')],
    action_model: 'ir.actions.act_window', action_id: ref('action_feature_partners'),
  } },
];

export default records;
