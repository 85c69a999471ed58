// Base access rights. Internal users read the reference data (partners, countries, states,
// currencies, languages, companies, users, groups) and create and edit partners; Settings
// (administrators) have full rights on every model of base, including those other parts of base
// add (the list comes from base's manifest, so a new base model is covered without edits here),
// except the password hashes.

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

const records: DataRecord[] = [...forInternalUsers, ...forSettings];
export default records;
