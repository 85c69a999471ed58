// Access rights of mail's models. Internal users work with activities, meetings, messages and
// attachments (Odoo lets them post, not rewrite history); they read the types, plans and email
// aliases, which administrators (Settings) configure.

import { ref, type DataRecord } from '../../../modules/data.ts';

type Perms = [read: boolean, write: boolean, create: boolean, unlink: boolean];

const USER: Record<string, Perms> = {
  'mail.activity': [true, true, true, true],
  'calendar.event': [true, true, true, true],
  'mail.message': [true, false, true, false],
  'mail.tracking.value': [true, false, false, false],
  'mail.activity.type': [true, false, false, false],
  'mail.activity.plan': [true, false, false, false],
  'mail.activity.plan.template': [true, false, false, false],
  'ir.attachment': [true, true, true, true],
  'mail.alias': [true, false, false, false],
};

const slug = (model: string) => model.replace(/\./g, '_');

const row = (model: string, group: string, [read, write, create, unlink]: Perms): DataRecord => ({
  id: `access_${slug(model)}_${group.split('.')[1]}`,
  model: 'ir.model.access',
  values: { name: `${model} ${group}`, model_id: ref(`model_${slug(model)}`), group_id: ref(group), perm_read: read, perm_write: write, perm_create: create, perm_unlink: unlink },
});

const records: DataRecord[] = [
  ...Object.entries(USER).map(([model, perms]) => row(model, 'base.group_user', perms)),
  ...Object.keys(USER).map((model) => row(model, 'base.group_system', [true, true, true, true])),
];

export default records;
