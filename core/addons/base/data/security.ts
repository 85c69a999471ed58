// Base access rights. Internal users read the reference data (partners, countries, states,
// currencies, languages, companies, users, groups) and create and edit partners; Settings
// (administrators) have full rights on every model of base, including those other parts of base
// add (the list comes from base's manifest, so a new base model is covered without edits here),
// except the password hashes. Every internal user keeps favorites (ir.filters): record rules let
// them read their own and the shared ones, create either, and change or delete their own only.

import { ref, type DataRecord } from '../../../modules/data.ts';
import base from '../manifest.ts';
import { PRIVATE_MODELS } from '../models/security.ts';

const modelRef = (model: string) => ref(`model_${model.replace(/\./g, '_')}`);
const slug = (model: string) => model.replace(/\./g, '_');

const internalRead = ['res.partner', 'res.partner.category', 'res.country', 'res.country.state', 'res.currency', 'res.lang', 'res.company', 'res.users', 'res.groups'];
const internalWrite = new Set(['res.partner']);

const forInternalUsers: DataRecord[] = internalRead.map((model) => ({
  id: `access_${slug(model)}_group_user`,
  model: 'ir.model.access',
  values: {
    name: `${model} user`, model_id: modelRef(model), group_id: ref('group_user'),
    perm_read: true, perm_write: internalWrite.has(model), perm_create: internalWrite.has(model), perm_unlink: false,
  },
}));

const forSettings: DataRecord[] = (base.models ?? [])
  .map((m) => m.name)
  .filter((name) => (name.startsWith('ir.') || name.startsWith('res.')) && !PRIVATE_MODELS.has(name))
  .map((model) => ({
    id: `access_${slug(model)}_group_system`,
    model: 'ir.model.access',
    values: { name: `${model} system`, model_id: modelRef(model), group_id: ref('group_system'), perm_read: true, perm_write: true, perm_create: true, perm_unlink: true },
  }));

const rule = (id: string, name: string, group: string, domain: string, perms: string): DataRecord => ({
  id, model: 'ir.rule',
  values: {
    name, model_id: modelRef('ir.filters'), groups: [[4, ref(group)]], domain_force: domain,
    perm_read: perms.includes('r'), perm_write: perms.includes('w'), perm_create: perms.includes('c'), perm_unlink: perms.includes('u'),
  },
});

const filters: DataRecord[] = [
  { id: 'access_ir_filters_group_user', model: 'ir.model.access', values: {
    name: 'ir.filters user', model_id: modelRef('ir.filters'), group_id: ref('group_user'), perm_read: true, perm_write: true, perm_create: true, perm_unlink: true,
  } },
  rule('ir_filters_employee_rule', 'ir.filters: own and shared filters', 'group_user', "[('user_id', 'in', [False, user.id])]", 'rc'),
  rule('ir_filters_delete_own_rule', 'ir.filters: change and delete own filters', 'group_user', "[('user_id', '=', user.id)]", 'wu'),
  rule('ir_filters_admin_all_rights_rule', 'ir.filters: administrators, every filter', 'group_system', "[(1, '=', 1)]", 'rwcu'),
];

const records: DataRecord[] = [...forInternalUsers, ...forSettings, ...filters];
export default records;
