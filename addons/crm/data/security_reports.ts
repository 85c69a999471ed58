// Who reads the activity analysis (crm.activity.report, a SQL view: reading is all there is):
// salespeople see the activities of their own and unassigned leads, as with the leads themselves;
// "All Documents" and the administrators see every one; companies keep to their own.

import { ref, type DataRecord } from '../../../core/index.ts';

const access = (suffix: string, group: string): DataRecord => ({
  id: `access_crm_activity_report_${suffix}`, model: 'ir.model.access',
  values: {
    name: `access_crm_activity_report_${suffix}`, model_id: ref('model_crm_activity_report'), group_id: ref(group),
    perm_read: true, perm_write: false, perm_create: false, perm_unlink: false,
  },
});

const records: DataRecord[] = [
  access('salesman', 'group_sale_salesman'),
  access('manager', 'group_sale_manager'),
  access('system', 'base.group_system'),
  { id: 'crm_activity_report_rule_personal', model: 'ir.rule', values: {
    name: 'Personal Activities', model_id: ref('model_crm_activity_report'), groups: [[4, ref('group_sale_salesman')]],
    domain_force: "['|', ('user_id', '=', user.id), ('user_id', '=', False)]",
  } },
  { id: 'crm_activity_report_rule_all', model: 'ir.rule', values: {
    name: 'All Activities', model_id: ref('model_crm_activity_report'), groups: [[4, ref('group_sale_salesman_all_leads')], [4, ref('base.group_system')]],
    domain_force: '[(1, "=", 1)]',
  } },
  { id: 'crm_activity_report_company_rule', model: 'ir.rule', values: {
    name: 'CRM Activity Analysis Multi-Company', model_id: ref('model_crm_activity_report'),
    domain_force: "['|', ('company_id', '=', False), ('company_id', 'in', company_ids)]",
  } },
];

export default records;
