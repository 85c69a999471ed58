// The smaller parts of the records API: exists, name_search, fields_get, default_get, copy.

import { quote } from '../db/query.ts';
import { errors } from '../errors.ts';
import type { Model, Values } from '../models/model.ts';
import type { Domain, Field } from '../models/types.ts';
import { catalogOf, SOURCE_LANG } from '../i18n/catalog.ts';
import { translateFieldAttributes } from '../i18n/values.ts';

export async function exists(model: Model, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await model.env.cr.query<{ id: number }>(
    `SELECT "id" FROM ${quote(model.meta.table)} WHERE "id" = ANY($1::int4[])`, [[...new Set(ids)]]);
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => found.has(id));
}

export async function nameSearch(model: Model, name: string, domain: Domain, operator: string, limit: number | null): Promise<Array<[number, string]>> {
  const recName = model.meta.recName;
  const full: Domain = name && recName ? [...domain, [recName, operator, name]] : [...domain];
  const ids = await model.search(full, { limit });
  return model.name_get(ids);
}

/** Odoo's `fields_get` shape: `{ name: { type, string, required, relation, selection, ... } }`. */
export async function fieldsGet(model: Model, names?: string[], attributes?: string[]): Promise<Record<string, Values>> {
  const wanted = names?.length ? names : [...model.meta.fields.keys()];
  const catalog = catalogOf(model.env);
  const result: Record<string, Values> = {};
  for (const name of wanted) {
    const field = model.meta.fields.get(name);
    if (!field) continue; // Odoo ignores unknown names here
    const description = catalog ? translateFieldAttributes(describeField(field), field, catalog) : describeField(field);
    result[name] = attributes?.length ? Object.fromEntries(attributes.filter((a) => a in description).map((a) => [a, description[a]])) : description;
  }
  return result;
}

function describeField(field: Field): Values {
  const d: Values = {
    name: field.name,
    type: field.type,
    string: field.string,
    help: field.help ?? false,
    required: field.required,
    readonly: field.readonly,
    store: field.store,
    sortable: Boolean(field.column),
    searchable: Boolean(field.column) || field.type === 'one2many' || field.type === 'many2many' || Boolean(field.search) || Boolean(field.related),
    manual: false,
    depends: field.depends ?? (field.related ? [field.related] : []),
  };
  if (field.comodel) d.relation = field.comodel;
  if (field.inverseName) d.relation_field = field.inverseName;
  if (field.selection) d.selection = field.selection;
  if (field.domain) d.domain = field.domain;
  if (field.related) d.related = field.related;
  if (field.type === 'monetary') d.currency_field = field.currencyField;
  if (field.digits) d.digits = field.digits;
  if (field.groupOperator) d.group_operator = field.groupOperator;
  if (field.size) d.size = field.size;
  if (field.groups) d.groups = field.groups.join(',');
  if (field.compute) d.compute = typeof field.compute === 'string' ? field.compute : field.name;
  return d;
}

/** Default values: from the context (`default_<field>`), then the field's default. */
export async function defaultGet(model: Model, names: string[]): Promise<Values> {
  const result: Values = {};
  for (const name of names) {
    const field = model.meta.fields.get(name);
    if (!field) throw errors.unknownField(model.meta.name, name);
    const fromContext = model.context[`default_${name}`];
    if (fromContext !== undefined) result[name] = fromContext;
    else if (field.default !== undefined) {
      result[name] = typeof field.default === 'function' ? await (field.default as (env: unknown, model: Model) => unknown)(model.env, model) : field.default;
    }
  }
  return result;
}

/** The values a copy of the record starts from: copyable fields only, as Odoo's `copy_data`. */
export async function copyData(model: Model, id: number): Promise<Values> {
  const copyable = [...model.meta.fields.values()].filter((f) =>
    f.name !== 'id' && !['create_uid', 'create_date', 'write_uid', 'write_date', 'display_name'].includes(f.name)
    && (f.copy ?? (f.type !== 'one2many' && !f.compute && !f.related)) && (f.store || f.type === 'many2many' || f.type === 'one2many'));
  // The copy starts from the stored (source) values, not from their translations.
  const source = model.env.lang === SOURCE_LANG ? model : model.with_context({ lang: SOURCE_LANG });
  const [record] = await source.read([id], copyable.map((f) => f.name));
  const vals: Values = {};
  for (const field of copyable) {
    const value = record[field.name];
    if (field.type === 'many2one') vals[field.name] = Array.isArray(value) ? value[0] : false;
    else if (field.type === 'many2many') vals[field.name] = [[6, 0, value]];
    else if (field.type === 'one2many') {
      const comodel = model.env.model(field.comodel!);
      vals[field.name] = await Promise.all((value as number[]).map(async (lineId) => {
        const { [field.inverseName!]: _owner, ...line } = await copyData(comodel, lineId);
        return [0, 0, line];
      }));
    } else vals[field.name] = value;
  }
  return vals;
}

/** Duplicates a record; a char record name gets " (copy)" as in Odoo. */
export async function copy(model: Model, id: number, defaults: Values): Promise<number> {
  const vals = await copyData(model, id);
  const recName = model.meta.recName;
  if (recName && model.meta.fields.get(recName)?.type === 'char' && typeof vals[recName] === 'string' && !(recName in defaults)) {
    vals[recName] = `${vals[recName]} (copy)`;
  }
  return model.create({ ...vals, ...defaults });
}
