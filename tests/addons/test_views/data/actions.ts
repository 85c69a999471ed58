import { ref, type DataRecord } from '../../../../core/index.ts';

const records: DataRecord[] = [
  { id: 'action_test_leads', model: 'ir.actions.act_window', values: {
    name: 'Leads', res_model: 'test.lead', view_mode: 'kanban,list,form',
    domain: "[('won', '=', False)]", context: "{'default_priority': '1'}",
    search_view_id: ref('test_lead_view_search'), limit: 40,
    help: '<p>Create your first lead</p>',
  } },
  { id: 'action_test_leads_kanban', model: 'ir.actions.act_window.view', values: {
    act_window_id: ref('action_test_leads'), view_mode: 'kanban', view_id: ref('test_lead_view_kanban'), sequence: 1,
  } },
  { id: 'action_test_stages', model: 'ir.actions.act_window', values: { name: 'Stages', res_model: 'test.stage', view_mode: 'list,form' } },
  { id: 'action_test_dashboard', model: 'ir.actions.client', values: { name: 'Dashboard', tag: 'test_dashboard', params: { period: 'month' } } },
];

export default records;
