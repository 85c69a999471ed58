// How an addon declares a model, or extends one declared by another addon.
//
//   export const Lead = defineModel({
//     name: 'crm.lead', description: 'Lead/Opportunity', order: 'priority desc, id desc',
//     fields: { name: fields.char({ required: true }), ... },
//     methods: (Base) => class extends Base { async action_set_won(ids: number[]) { ... } },
//   });
//   export const partnerExtension = extendModel('res.partner', {
//     fields: { opportunity_count: fields.integer({ compute: '_compute_opportunity_count' }) },
//     methods: (Base) => class extends Base { ... super.write(ids, vals) ... },
//   });

import type { FieldDef, ModelConstraint, OnchangeFn, SqlConstraint } from './types.ts';
import type { ModelClass } from './model.ts';
import { errors } from '../errors.ts';

/** A class factory applied on top of the previous addons' classes: methods compose via `super`. */
export type Mixin = (Base: ModelClass) => ModelClass;

export interface ModelExtensionDef {
  fields?: Record<string, FieldDef>;
  methods?: Mixin;
  sqlConstraints?: SqlConstraint[];
  constraints?: ModelConstraint[];
  order?: string;
  recName?: string;
  description?: string;
  /** `{ partner_id: '_onchange_partner_id' }`: run when the field is edited in a form. */
  onchange?: Record<string, string | OnchangeFn>;
}

export interface ModelDef extends ModelExtensionDef {
  name: string;
  /** SQL table; defaults to the name with dots replaced by underscores (`crm.lead` -> `crm_lead`). */
  table?: string;
  transient?: boolean;
  /**
   * A report: the model reads a PostgreSQL VIEW made of this SELECT (Odoo's `_auto = False` with
   * `init()`), created at install and upgrade, dropped at uninstall. The SELECT returns an `id`
   * and a column per stored field; the records cannot be created, written or deleted.
   */
  view?: string;
  fields: Record<string, FieldDef>;
}

export interface ModelDefinition extends ModelDef {
  readonly kind: 'model';
}

export interface ModelExtension extends ModelExtensionDef {
  readonly kind: 'extension';
  readonly name: string;
}

const MODEL_NAME = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
const FIELD_NAME = /^[a-z_][a-z0-9_]*$/;

function checkFields(model: string, defs: Record<string, FieldDef> | undefined): void {
  for (const [name, def] of Object.entries(defs ?? {})) {
    if (!FIELD_NAME.test(name)) throw errors.badModelDefinition(model, `field name "${name}" must be lower case letters, digits and "_"`);
    if (!def || typeof def !== 'object' || !def.type) throw errors.badModelDefinition(model, `field "${name}" has no type (use fields.char(), fields.many2one(), ...)`);
    if (['many2one', 'one2many', 'many2many'].includes(def.type) && !def.comodel) throw errors.badModelDefinition(model, `relational field "${name}" needs a comodel`);
    if (def.type === 'one2many' && !def.inverseName) throw errors.badModelDefinition(model, `one2many field "${name}" needs the inverse many2one field name`);
    if (def.type === 'selection' && !Array.isArray(def.selection)) throw errors.badModelDefinition(model, `selection field "${name}" needs a list of [value, label] pairs`);
    if (def.compute && def.related) throw errors.badModelDefinition(model, `field "${name}" cannot be both computed and related`);
  }
}

/** A view has nothing to store beside its columns: no relation table, constraint or wizard. */
function checkView(def: ModelDef): void {
  if (typeof def.view !== 'string' || !/^\s*(select|with)\b/i.test(def.view)) throw errors.badModelDefinition(def.name, 'view must be a SELECT statement');
  if (def.transient) throw errors.badModelDefinition(def.name, 'a model backed by a SQL view cannot be transient');
  if (def.sqlConstraints?.length) throw errors.badModelDefinition(def.name, 'a model backed by a SQL view cannot have SQL constraints');
  for (const [name, field] of Object.entries(def.fields)) {
    if (field.type === 'many2many' && !field.compute && !field.related && field.store !== false) {
      throw errors.badModelDefinition(def.name, `many2many field "${name}" needs a relation table, which a SQL view cannot have (make it related or computed)`);
    }
  }
}

export function defineModel(def: ModelDef): ModelDefinition {
  if (!MODEL_NAME.test(def.name)) throw errors.badModelDefinition(def.name, 'a model name is lower case words separated by dots, e.g. "crm.lead"');
  checkFields(def.name, def.fields);
  if (def.view !== undefined) checkView(def);
  return { ...def, kind: 'model' };
}

export function extendModel(name: string, def: ModelExtensionDef): ModelExtension {
  checkFields(name, def.fields);
  return { ...def, name, kind: 'extension' };
}
