// utm.campaign, utm.medium and utm.source, with Odoo's fields: a name each, unique, so that an
// import or a web form can find them by name.

import { defineModel, fields } from '../../../core/index.ts';

export const Campaign = defineModel({
  name: 'utm.campaign',
  description: 'UTM Campaign',
  order: 'name',
  fields: {
    name: fields.char({ string: 'Campaign Name', required: true, translate: true }),
    user_id: fields.many2one('res.users', { string: 'Responsible', default: (env: { uid: number }) => env.uid }),
    active: fields.boolean({ default: true }),
    color: fields.integer({ string: 'Color Index' }),
  },
  sqlConstraints: [{ name: 'unique_name', definition: 'unique(name)', message: 'The name must be unique' }],
});

export const Medium = defineModel({
  name: 'utm.medium',
  description: 'UTM Medium',
  order: 'name',
  fields: {
    name: fields.char({ string: 'Medium Name', required: true, translate: true }),
    active: fields.boolean({ default: true }),
  },
  sqlConstraints: [{ name: 'unique_name', definition: 'unique(name)', message: 'The name must be unique' }],
});

export const Source = defineModel({
  name: 'utm.source',
  description: 'UTM Source',
  order: 'name',
  fields: {
    name: fields.char({ string: 'Source Name', required: true, translate: true }),
  },
  sqlConstraints: [{ name: 'unique_name', definition: 'unique(name)', message: 'The name must be unique' }],
});
