// The records every database starts with: the main company, the system and admin users, and the
// base groups. The admin's password is `admin` (hashed by res.users' create); change it with
// `erp user passwd admin`.

import { ref, type DataRecord } from '../../../modules/data.ts';

const records: DataRecord[] = [
  { id: 'group_user', model: 'res.groups', values: { name: 'Internal User', category: 'User types', comment: 'Employees: can use the applications they are given access to' } },
  { id: 'group_system', model: 'res.groups', values: { name: 'Settings', category: 'Administration', implied_ids: [[4, ref('group_user')]], comment: 'Administrators: manage settings, users and modules' } },
  { id: 'main_partner', model: 'res.partner', values: { name: 'My Company', is_company: true }, noupdate: true },
  { id: 'main_company', model: 'res.company', values: { name: 'My Company', partner_id: ref('main_partner'), currency_id: ref('USD') }, noupdate: true },
  { id: 'partner_root', model: 'res.partner', values: { name: 'System', company_id: ref('main_company'), active: false } },
  { id: 'user_root', model: 'res.users', values: { login: '__system__', partner_id: ref('partner_root'), company_id: ref('main_company'), active: false, groups_id: [[4, ref('group_system')]] } },
  { id: 'partner_admin', model: 'res.partner', values: { name: 'Administrator', email: 'admin@example.com', company_id: ref('main_company') }, noupdate: true },
  { id: 'user_admin', model: 'res.users', values: { login: 'admin', password: 'admin', partner_id: ref('partner_admin'), company_id: ref('main_company'), groups_id: [[4, ref('group_system')], [4, ref('group_user')]] }, noupdate: true },
];

export default records;
