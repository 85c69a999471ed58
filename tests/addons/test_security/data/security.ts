import { ref, type DataRecord } from '../../../../core/modules/data.ts';

const records: DataRecord[] = [
  { id: 'group_salesman', model: 'res.groups', values: { name: 'Salesman', category: 'Test', implied_ids: [[4, ref('base.group_user')]] } },
  { id: 'group_manager', model: 'res.groups', values: { name: 'Sales Manager', category: 'Test', implied_ids: [[4, ref('group_salesman')]] } },
  { id: 'access_doc_salesman', model: 'ir.model.access', values: { name: 'doc salesman', model_id: ref('model_test_secure_doc'), group_id: ref('group_salesman'), perm_read: true, perm_write: true, perm_create: true, perm_unlink: true } },
  { id: 'rule_doc_own', model: 'ir.rule', values: { name: 'Own or unassigned documents', model_id: ref('model_test_secure_doc'), groups: [[4, ref('group_salesman')]], domain_force: "[('user_id', 'in', [user.id, False])]" } },
  { id: 'rule_doc_all', model: 'ir.rule', values: { name: 'All documents', model_id: ref('model_test_secure_doc'), groups: [[4, ref('group_manager')]], domain_force: '[(1, "=", 1)]' } },
  { id: 'rule_doc_company', model: 'ir.rule', values: { name: 'Documents of my companies', model_id: ref('model_test_secure_doc'), domain_force: "['|', ('company_id', '=', False), ('company_id', 'in', company_ids)]" } },
];

export default records;
