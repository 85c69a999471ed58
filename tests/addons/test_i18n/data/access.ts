import { ref, type DataRecord } from '../../../../core/index.ts';

const records: DataRecord[] = ['test_i18n_stage', 'test_i18n_ticket'].map((model) => ({
  id: `access_${model}_user`,
  model: 'ir.model.access',
  values: { name: `${model} user`, model_id: ref(`model_${model}`), group_id: ref('base.group_user'), perm_read: true, perm_write: true, perm_create: true, perm_unlink: true },
}));

export default records;
