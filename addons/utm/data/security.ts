// Everyone inside the company reads the trackers and may add new ones; administrators manage them.

import { ref, type DataRecord } from '../../../core/index.ts';

const access = (id: string, model: string, group: string, perms: string): DataRecord => ({
  id, model: 'ir.model.access',
  values: {
    name: id, model_id: ref(`model_${model.replace(/\./g, '_')}`), group_id: ref(group),
    perm_read: perms.includes('r'), perm_write: perms.includes('w'), perm_create: perms.includes('c'), perm_unlink: perms.includes('u'),
  },
});

const records: DataRecord[] = ['utm.campaign', 'utm.medium', 'utm.source'].flatMap((model) => {
  const key = model.replace('.', '_');
  return [access(`access_${key}_user`, model, 'base.group_user', 'rwc'), access(`access_${key}_system`, model, 'base.group_system', 'rwcu')];
});

export default records;
