import { ref, type DataRecord } from '../../../../core/index.ts';

const records: DataRecord[] = [
  { id: 'menu_root', model: 'ir.ui.menu', values: { name: 'Helpdesk', sequence: 30 } },
  { id: 'menu_tickets', model: 'ir.ui.menu', values: { name: 'Tickets', parent_id: ref('menu_root'), sequence: 1, action_model: 'ir.actions.act_window', action_id: ref('action_tickets') } },
  { id: 'menu_config', model: 'ir.ui.menu', values: { name: 'Configuration', parent_id: ref('menu_root'), sequence: 50 } },
  { id: 'menu_stages', model: 'ir.ui.menu', values: { name: 'Stages', parent_id: ref('menu_config'), sequence: 1, action_model: 'ir.actions.act_window', action_id: ref('action_stages') } },
];

export default records;
