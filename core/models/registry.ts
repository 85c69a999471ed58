// The registry of one database: every model of the installed addons, with each addon's fields and
// methods applied in dependency order. Rebuilt (never patched) when the set of modules changes.

import { errors } from '../errors.ts';
import type { ModelDefinition, ModelExtension, ModelExtensionDef, Mixin } from './define.ts';
import { Model, type ModelClass } from './model.ts';
import type { Domain, Field, FieldDef, ModelMeta, ModelResolver } from './types.ts';
import { AccessControl } from '../security/access.ts';

export interface AddonModels {
  name: string;
  /** The addon's folder, where its translations (`i18n/<lang>.json`) are looked up. */
  dir?: string;
  models?: ModelDefinition[];
  extend?: ModelExtension[];
}

export interface RegisteredModel extends ModelMeta {
  cls: ModelClass;
}

/** A stored computed field to recompute when `field` of `model` changes, found from the records
 *  of `model` by searching `target` on `path` (empty path: the changed records themselves). */
export interface Trigger {
  target: string;
  field: string;
  path: string;
}

const MAGIC: Record<string, FieldDef> = {
  id: { type: 'integer', string: 'ID', readonly: true },
  create_uid: { type: 'many2one', comodel: 'res.users', string: 'Created by', readonly: true, ondelete: 'set null', copy: false },
  create_date: { type: 'datetime', string: 'Created on', readonly: true, copy: false },
  write_uid: { type: 'many2one', comodel: 'res.users', string: 'Last Updated by', readonly: true, ondelete: 'set null', copy: false },
  write_date: { type: 'datetime', string: 'Last Updated on', readonly: true, copy: false },
};

const tableOf = (model: string) => model.replace(/\./g, '_');

const labelOf = (name: string) =>
  name.replace(/_ids?$/, '').split('_').filter(Boolean).map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w)).join(' ') || name;

/** Access rights and record rules, installed by the security layer; absent means no checks. */
export interface AccessPolicy {
  checkModel(model: Model, operation: 'read' | 'write' | 'create' | 'unlink', raiseException: boolean): Promise<boolean>;
  ruleDomain(model: Model, operation: 'read' | 'write' | 'create' | 'unlink'): Promise<Domain>;
  /** The fields among `fields` the user may read or write (field `groups`); a forbidden field
   *  raises when `explicit` (asked for by name), else it is left out. */
  checkFields?(model: Model, operation: 'read' | 'write', fields: Field[], explicit: boolean): Promise<Field[]>;
}

export class Registry implements ModelResolver {
  access?: AccessPolicy;
  readonly models = new Map<string, RegisteredModel>();
  /** `model -> field -> stored computed fields depending on it`. */
  readonly triggers = new Map<string, Map<string, Trigger[]>>();
  /** Installed addon names in load order. */
  readonly addons: string[];
  /** Folders of the addons that have one (core/i18n reads their translations from there). */
  readonly addonDirs: ReadonlyMap<string, string>;

  constructor(addons: AddonModels[]) {
    this.addons = addons.map((a) => a.name);
    this.addonDirs = new Map(addons.filter((a) => a.dir).map((a) => [a.name, a.dir!]));
    const mixins = new Map<string, Mixin[]>();
    for (const addon of addons) {
      for (const def of addon.models ?? []) this.declare(addon.name, def, mixins);
      for (const ext of addon.extend ?? []) this.extend(addon.name, ext, mixins);
    }
    for (const meta of this.models.values()) this.finish(meta);
    for (const meta of this.models.values()) this.checkRelations(meta);
    for (const meta of this.models.values()) {
      meta.cls = (mixins.get(meta.name) ?? []).reduce<ModelClass>((cls, mixin) => mixin(cls), Model);
    }
    this.buildTriggers();
    // Databases with base's security models get access rights, record rules and field groups.
    if (this.models.has('ir.model.access') && this.models.has('ir.rule')) this.access = new AccessControl();
  }

  get(model: string): RegisteredModel {
    const meta = this.models.get(model);
    if (!meta) throw errors.unknownModel(model);
    return meta;
  }

  has(model: string): boolean {
    return this.models.has(model);
  }

  field(model: string, field: string): Field {
    const f = this.get(model).fields.get(field);
    if (!f) throw errors.unknownField(model, field);
    return f;
  }

  private declare(addon: string, def: ModelDefinition, mixins: Map<string, Mixin[]>): void {
    if (this.models.has(def.name)) throw errors.badModelDefinition(def.name, `declared again by addon "${addon}"; use extendModel() to add to it`);
    const meta: RegisteredModel = {
      name: def.name,
      table: def.table ?? tableOf(def.name),
      description: def.description ?? def.name,
      order: def.order ?? 'id',
      recName: def.recName ?? null,
      fields: new Map(),
      sqlConstraints: (def.sqlConstraints ?? []).map((c) => ({ ...c, module: addon })),
      constraints: [...(def.constraints ?? [])],
      transient: def.transient ?? false,
      ...(def.view ? { view: def.view } : {}),
      onchanges: new Map(),
      modules: [addon],
      cls: Model,
    };
    this.models.set(def.name, meta);
    // A SQL view logs no access (Odoo's `_log_access` follows `_auto`): only `id` is magic.
    for (const [name, fdef] of Object.entries(MAGIC)) if (!def.view || name === 'id') this.addField(meta, addon, name, fdef);
    for (const [name, fdef] of Object.entries(def.fields)) this.addField(meta, addon, name, fdef);
    this.addOnchanges(meta, def.onchange);
    if (def.methods) mixins.set(def.name, [def.methods]);
  }

  private extend(addon: string, ext: ModelExtension, mixins: Map<string, Mixin[]>): void {
    const meta = this.models.get(ext.name);
    if (!meta) throw errors.badModelDefinition(ext.name, `addon "${addon}" extends it, but no installed addon declares it (is a dependency missing from the manifest?)`);
    if (meta.view && (ext.sqlConstraints?.length || Object.values(ext.fields ?? {}).some((f) => f.type === 'many2many' && !f.compute && !f.related && f.store !== false))) {
      throw errors.badModelDefinition(ext.name, `addon "${addon}" adds a relation table or a SQL constraint to a model backed by a SQL view`);
    }
    if (!meta.modules.includes(addon)) meta.modules.push(addon);
    if (ext.order) meta.order = ext.order;
    if (ext.recName) meta.recName = ext.recName;
    if (ext.description) meta.description = ext.description;
    meta.sqlConstraints.push(...(ext.sqlConstraints ?? []).map((c) => ({ ...c, module: addon })));
    meta.constraints.push(...(ext.constraints ?? []));
    for (const [name, fdef] of Object.entries(ext.fields ?? {})) this.addField(meta, addon, name, fdef);
    this.addOnchanges(meta, ext.onchange);
    if (ext.methods) mixins.set(ext.name, [...(mixins.get(ext.name) ?? []), ext.methods]);
  }

  /** Several addons may react to the same field: their handlers all run, in dependency order. */
  private addOnchanges(meta: RegisteredModel, handlers: ModelExtensionDef['onchange']): void {
    for (const [field, handler] of Object.entries(handlers ?? {})) {
      meta.onchanges.set(field, [...(meta.onchanges.get(field) ?? []), handler]);
    }
  }

  /** Adds a field, or merges a redeclaration into the existing one (Odoo's field override). */
  private addField(meta: RegisteredModel, addon: string, name: string, def: FieldDef): void {
    const previous = meta.fields.get(name);
    if (previous && previous.type !== def.type) {
      throw errors.badModelDefinition(meta.name, `addon "${addon}" redeclares field "${name}" as ${def.type}, but it is ${previous.type}`);
    }
    const merged = { ...(previous ?? {}), ...def } as FieldDef;
    // As in Odoo, x2many fields count as stored (their data lives in the comodel or a relation table).
    const store = def.store ?? previous?.store ?? !(merged.compute || merged.related);
    meta.fields.set(name, {
      ...merged,
      name,
      model: meta.name,
      store,
      column: null,
      string: merged.string ?? labelOf(name),
      required: merged.required ?? false,
      readonly: merged.readonly ?? Boolean(merged.compute || merged.related),
      modules: previous ? [...previous.modules, ...(previous.modules.includes(addon) ? [] : [addon])] : [addon],
    });
  }

  /** Derives columns, relation tables and the record name once every addon has spoken. */
  private finish(meta: RegisteredModel): void {
    for (const field of meta.fields.values()) {
      field.column = field.store && field.type !== 'one2many' && field.type !== 'many2many' ? field.name : null;
      if (field.type === 'many2many') this.finishMany2many(meta, field);
    }
    if (!meta.recName) meta.recName = meta.fields.has('name') ? 'name' : null;
    for (const field of meta.onchanges.keys()) {
      if (!meta.fields.has(field)) throw errors.badModelDefinition(meta.name, `onchange handler for "${field}", which is not a field`);
    }
    if (!meta.fields.has('display_name')) {
      meta.fields.set('display_name', {
        type: 'char', name: 'display_name', model: meta.name, store: false, column: null, string: 'Display Name',
        required: false, readonly: true, compute: '_compute_display_name', modules: [meta.modules[0]],
      });
    }
  }

  private finishMany2many(meta: RegisteredModel, field: Field): void {
    const otherTable = tableOf(field.comodel!);
    if (!field.relation) {
      const [a, b] = [meta.table, otherTable].sort();
      field.relation = `${a}_${b}_rel`;
    }
    if (!field.column1 || !field.column2) {
      const self = meta.table === otherTable;
      field.column1 ??= self ? `${meta.table}1_id` : `${meta.table}_id`;
      field.column2 ??= self ? `${otherTable}2_id` : `${otherTable}_id`;
    }
  }

  private checkRelations(meta: RegisteredModel): void {
    for (const field of meta.fields.values()) {
      if (!field.comodel) continue;
      if (!this.models.has(field.comodel)) {
        throw errors.badModelDefinition(meta.name, `field "${field.name}" points to model "${field.comodel}", which no installed addon declares`);
      }
      if (field.type === 'one2many') {
        const inverse = this.models.get(field.comodel)!.fields.get(field.inverseName!);
        if (!inverse || inverse.type !== 'many2one') {
          throw errors.badModelDefinition(meta.name, `one2many field "${field.name}" needs a many2one "${field.inverseName}" on "${field.comodel}"`);
        }
      }
      if (field.related) this.relatedTarget(meta.name, field);
    }
  }

  /** The field a related path ends on; checks the path exists. */
  relatedTarget(model: string, field: Field): Field {
    let current = this.get(model);
    const parts = field.related!.split('.');
    let target: Field | undefined;
    for (const [i, part] of parts.entries()) {
      target = current.fields.get(part);
      if (!target) throw errors.badModelDefinition(model, `related field "${field.name}": "${part}" is not a field of "${current.name}"`);
      if (i < parts.length - 1) {
        if (!target.comodel) throw errors.badModelDefinition(model, `related field "${field.name}": "${part}" is not relational`);
        current = this.get(target.comodel);
      }
    }
    return target!;
  }

  /** Computed stored fields depend on paths like `partner_id.email`: index them by the last hop. */
  private buildTriggers(): void {
    for (const meta of this.models.values()) {
      for (const field of meta.fields.values()) {
        if (!field.store || !(field.compute || field.related)) continue;
        const depends = field.related ? [field.related] : field.depends ?? [];
        for (const dep of depends) this.addTriggers(meta, field, dep);
      }
    }
  }

  private addTriggers(meta: RegisteredModel, field: Field, dependency: string): void {
    let current: RegisteredModel = meta;
    const parts = dependency.split('.');
    for (let i = 0; i < parts.length; i++) {
      const dep = current.fields.get(parts[i]);
      if (!dep) throw errors.badModelDefinition(meta.name, `field "${field.name}" depends on "${dependency}", but "${parts[i]}" is not a field of "${current.name}"`);
      const byField = this.triggers.get(current.name) ?? new Map<string, Trigger[]>();
      this.triggers.set(current.name, byField);
      const list = byField.get(dep.name) ?? [];
      list.push({ target: meta.name, field: field.name, path: parts.slice(0, i).join('.') });
      byField.set(dep.name, list);
      if (i < parts.length - 1) {
        if (!dep.comodel) throw errors.badModelDefinition(meta.name, `field "${field.name}" depends on "${dependency}", but "${parts[i]}" is not relational`);
        current = this.get(dep.comodel);
      }
    }
  }
}
