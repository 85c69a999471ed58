// Groups, access rights and record rules of CRM, as Odoo's sales_team and crm: salespeople see
// their own and unassigned leads, "All Documents" sees every lead, administrators configure.
// Administrators of the database (base.group_system) get the administrator rights too.

import { ref, type DataRecord } from '../../../core/index.ts';

const access = (id: string, model: string, group: string, perms: string): DataRecord => ({
  id, model: 'ir.model.access',
  values: {
    name: id, model_id: ref(`model_${model.replace(/\./g, '_')}`), group_id: ref(group),
    perm_read: perms.includes('r'), perm_write: perms.includes('w'), perm_create: perms.includes('c'), perm_unlink: perms.includes('u'),
  },
});

/** Rights for the three sales groups and the system administrators. */
const rights = (model: string, salesman: string, manager = 'rwcu', user = ''): DataRecord[] => {
  const key = model.replace(/\./g, '_');
  return [
    ...(user ? [access(`access_${key}_user`, model, 'base.group_user', user)] : []),
    access(`access_${key}_salesman`, model, 'group_sale_salesman', salesman),
    access(`access_${key}_manager`, model, 'group_sale_manager', manager),
    access(`access_${key}_system`, model, 'base.group_system', 'rwcu'),
  ];
};

const records: DataRecord[] = [
  { id: 'group_sale_salesman', model: 'res.groups', values: { name: 'User: Own Documents Only', category: 'Sales', implied_ids: [[4, ref('base.group_user')]], comment: 'the user will have access to his own data in the sales application.' } },
  { id: 'group_sale_salesman_all_leads', model: 'res.groups', values: { name: 'User: All Documents', category: 'Sales', implied_ids: [[4, ref('group_sale_salesman')]], comment: 'the user will have access to all records of everyone in the sales application.' } },
  { id: 'group_sale_manager', model: 'res.groups', values: { name: 'Administrator', category: 'Sales', implied_ids: [[4, ref('group_sale_salesman_all_leads')]], comment: 'the user will have an access to the sales configuration as well as statistic reports.' } },
  { id: 'group_use_lead', model: 'res.groups', values: { name: 'Show Lead Menu', category: 'Technical' } },
  { id: 'group_use_recurring_revenues', model: 'res.groups', values: { name: 'Show Recurring Revenues', category: 'Technical' } },

  ...rights('crm.lead', 'rwcu'),
  ...rights('crm.stage', 'r', 'rwcu', 'r'),
  ...rights('crm.team', 'r', 'rwcu', 'r'),
  ...rights('crm.team.member', 'r', 'rwcu', 'r'),
  ...rights('crm.tag', 'rwc'),
  ...rights('crm.lost.reason', 'r'),
  ...rights('crm.recurring.plan', 'r'),

  { id: 'crm_rule_personal_lead', model: 'ir.rule', values: {
    name: 'Personal Leads', model_id: ref('model_crm_lead'), groups: [[4, ref('group_sale_salesman')]],
    domain_force: "['|', ('user_id', '=', user.id), ('user_id', '=', False)]",
  } },
  { id: 'crm_rule_all_lead', model: 'ir.rule', values: {
    name: 'All Leads', model_id: ref('model_crm_lead'), groups: [[4, ref('group_sale_salesman_all_leads')], [4, ref('base.group_system')]],
    domain_force: '[(1, "=", 1)]',
  } },
  { id: 'crm_lead_company_rule', model: 'ir.rule', values: {
    name: 'CRM Lead Multi-Company', model_id: ref('model_crm_lead'),
    domain_force: "['|', ('company_id', '=', False), ('company_id', 'in', company_ids)]",
  } },
  { id: 'crm_team_company_rule', model: 'ir.rule', values: {
    name: 'Sales Team Multi-Company', model_id: ref('model_crm_team'),
    domain_force: "['|', ('company_id', '=', False), ('company_id', 'in', company_ids)]",
  } },
];

export default records;
