import { ref, type DataRecord } from '../../../../core/index.ts';

const records: DataRecord[] = [
  { id: 'menu_root', model: 'ir.ui.menu', values: { name: 'Test Pipeline', sequence: 20, web_icon: 'test_views,static/description/icon.png' } },
  { id: 'menu_leads', model: 'ir.ui.menu', values: { name: 'Leads', parent_id: ref('menu_root'), sequence: 1, action_model: 'ir.actions.act_window', action_id: ref('action_test_leads') } },
  { id: 'menu_dashboard', model: 'ir.ui.menu', values: { name: 'Dashboard', parent_id: ref('menu_root'), sequence: 5, action_model: 'ir.actions.client', action_id: ref('action_test_dashboard') } },
  { id: 'menu_config', model: 'ir.ui.menu', values: { name: 'Configuration', parent_id: ref('menu_root'), sequence: 50, groups_id: [ref('base.group_system')] } },
  { id: 'menu_stages', model: 'ir.ui.menu', values: { name: 'Stages', parent_id: ref('menu_config'), sequence: 1, action_model: 'ir.actions.act_window', action_id: ref('action_test_stages') } },
  // A folder with nothing under it: never shown.
  { id: 'menu_empty', model: 'ir.ui.menu', values: { name: 'Empty', parent_id: ref('menu_root'), sequence: 60 } },
];

export default records;
