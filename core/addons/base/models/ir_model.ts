// Models, fields and SQL constraints as records, each owned through the ledger by the modules
// that declare them: the uninstaller drops a table, a column or a constraint when its last owner
// goes.

import { defineModel } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';

export const IrModel = defineModel({
  name: 'ir.model',
  description: 'Models',
  order: 'model',
  recName: 'model',
  fields: {
    model: fields.char({ string: 'Model', required: true }),
    name: fields.char({ string: 'Model Description' }),
    table: fields.char({ string: 'Table' }),
    transient: fields.boolean({ string: 'Transient Model' }),
    modules: fields.char({ string: 'In Apps' }),
    field_id: fields.one2many('ir.model.fields', 'model_id', { string: 'Fields' }),
  },
  sqlConstraints: [{ name: 'obj_name_uniq', definition: 'unique(model)', message: 'Each model must have a unique name.' }],
});

export const IrModelFields = defineModel({
  name: 'ir.model.fields',
  description: 'Fields',
  order: 'model, name',
  fields: {
    name: fields.char({ string: 'Field Name', required: true }),
    model: fields.char({ string: 'Model Name', required: true, index: true }),
    model_id: fields.many2one('ir.model', { string: 'Model', ondelete: 'cascade', index: true }),
    field_description: fields.char({ string: 'Field Label' }),
    ttype: fields.char({ string: 'Field Type' }),
    relation: fields.char({ string: 'Related Model' }),
    relation_table: fields.char({ string: 'Relation Table' }),
    column1: fields.char({ string: 'Column 1' }),
    column2: fields.char({ string: 'Column 2' }),
    store: fields.boolean({ string: 'Stored' }),
    required: fields.boolean({ string: 'Required' }),
    readonly: fields.boolean({ string: 'Readonly' }),
    modules: fields.char({ string: 'In Apps' }),
  },
  sqlConstraints: [{ name: 'name_unique', definition: 'unique(model, name)', message: 'Field names must be unique per model.' }],
});

export const IrModelConstraint = defineModel({
  name: 'ir.model.constraint',
  description: 'Model Constraint',
  fields: {
    name: fields.char({ string: 'Constraint', required: true, index: true }),
    model: fields.char({ string: 'Model', required: true }),
    table: fields.char({ string: 'Table', required: true }),
    definition: fields.char({ string: 'Definition' }),
    message: fields.char({ string: 'Message' }),
  },
  sqlConstraints: [{ name: 'name_uniq', definition: 'unique(name)', message: 'Constraints with the same name are unique.' }],
});

export const IrModelData = defineModel({
  name: 'ir.model.data',
  description: 'Model Data',
  order: 'module, model, name',
  recName: 'name',
  fields: {
    name: fields.char({ string: 'External Identifier', required: true }),
    module: fields.char({ string: 'Module', required: true }),
    model: fields.char({ string: 'Model Name', required: true }),
    res_id: fields.integer({ string: 'Record ID' }),
    noupdate: fields.boolean({ string: 'Non Updatable', default: false }),
  },
  sqlConstraints: [{ name: 'name_nospaces', definition: "check(name NOT LIKE '% %')", message: 'External IDs cannot contain spaces' },
    { name: 'module_name_uniq', definition: 'unique(module, name)', message: 'External IDs must be unique per module' }],
});

export const IrConfigParameter = defineModel({
  name: 'ir.config_parameter',
  description: 'System Parameter',
  order: 'key',
  recName: 'key',
  fields: {
    key: fields.char({ string: 'Key', required: true, index: true }),
    value: fields.text({ string: 'Value', required: true }),
  },
  sqlConstraints: [{ name: 'key_uniq', definition: 'unique(key)', message: 'Key must be unique.' }],
  methods: (Base) => class extends Base {
    /** Odoo's `get_param(key, default)`: the value as text, or the default. */
    async get_param(key: string, fallback: unknown = false): Promise<unknown> {
      const rows = await this.sudo().search_read([['key', '=', key]], ['value'], { limit: 1 });
      return rows.length ? rows[0].value : fallback;
    }

    /** Odoo's `set_param(key, value)`: creates, updates, or (with a false value) deletes. */
    async set_param(key: string, value: unknown): Promise<unknown> {
      const model = this.sudo();
      const ids = await model.search([['key', '=', key]], { limit: 1 });
      const old = ids.length ? (await model.read(ids, ['value']))[0].value : false;
      if (value === false || value === null || value === undefined) {
        if (ids.length) await model.unlink(ids);
      } else if (ids.length) await model.write(ids, { value: String(value) });
      else await model.create({ key, value: String(value) });
      return old;
    }
  },
});
