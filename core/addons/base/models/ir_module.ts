// The modules known to a database and their state (Odoo's `ir.module.module`).

import { defineModel } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';

export const MODULE_STATES: Array<[string, string]> = [
  ['uninstalled', 'Not Installed'], ['installed', 'Installed'], ['to upgrade', 'To be upgraded'],
  ['to remove', 'To be removed'], ['to install', 'To be installed'],
];

export const IrModule = defineModel({
  name: 'ir.module.module',
  description: 'Module',
  order: 'application desc, sequence, name',
  fields: {
    name: fields.char({ string: 'Technical Name', required: true, index: true }),
    shortdesc: fields.char({ string: 'Module Name' }),
    summary: fields.char({ string: 'Summary' }),
    description: fields.text({ string: 'Description' }),
    category: fields.char({ string: 'Category' }),
    author: fields.char({ string: 'Author' }),
    website: fields.char({ string: 'Website' }),
    license: fields.char({ string: 'License' }),
    state: fields.selection(MODULE_STATES, { string: 'Status', default: 'uninstalled', index: true }),
    latest_version: fields.char({ string: 'Installed Version' }),
    installed_version: fields.char({ string: 'Latest Version' }),
    application: fields.boolean({ string: 'Application' }),
    auto_install: fields.boolean({ string: 'Automatic Installation' }),
    demo: fields.boolean({ string: 'Demo Data' }),
    sequence: fields.integer({ default: 100 }),
    dependencies: fields.char({ string: 'Dependencies', help: 'Comma-separated names of the modules it depends on' }),
  },
  sqlConstraints: [{ name: 'name_uniq', definition: 'unique(name)', message: 'The name of the module must be unique!' }],
});
