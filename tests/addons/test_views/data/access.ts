// Internal users read leads and stages, so their menus show for them.
import { ref, type DataRecord } from '../../../../core/index.ts';

const records: DataRecord[] = ['test_lead', 'test_stage', 'test_line'].map((model) => ({
  id: `access_${model}_user`,
  model: 'ir.model.access',
  values: { name: `${model} user`, model_id: ref(`test_pipeline.model_${model}`), group_id: ref('base.group_user'), perm_read: true },
}));

export default records;
