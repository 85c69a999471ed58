// read and search_read. The stored columns come in one SELECT; then one query per many2one comodel
// (display names), one per x2many field, and the non-stored computed fields by batch. The number
// of queries depends on the fields asked for, never on the number of records.

import { Query, quote } from '../db/query.ts';
import { compileOrder } from '../db/order.ts';
import { errors } from '../errors.ts';
import type { Model, SearchOptions } from '../models/model.ts';
import type { Domain, Field, RecordValues } from '../models/types.ts';
import { fromColumn } from './convert.ts';
import { searchQuery } from './search.ts';
import { computeValues } from './compute.ts';
import { catalogOf } from '../i18n/catalog.ts';
import { translateValue } from '../i18n/values.ts';

/** The fields to read: the ones asked for (checked), or every field but binary ones. */
export function resolveFields(model: Model, names: string[] | undefined): Field[] {
  const all = model.meta.fields;
  if (!names || !names.length) return [...all.values()].filter((f) => f.type !== 'binary' || f.name === 'id');
  return names.map((name) => {
    const field = all.get(name);
    if (!field) throw errors.unknownField(model.meta.name, name);
    return field;
  });
}

/** resolveFields, minus the fields the user may not read (field `groups`, via the access policy). */
async function readableFields(model: Model, names: string[] | undefined): Promise<Field[]> {
  const fields = resolveFields(model, names);
  const policy = model.env.registry.access;
  return policy?.checkFields && !model.env.su ? policy.checkFields(model, 'read', fields, Boolean(names?.length)) : fields;
}

const storedColumns = (alias: string, fields: Field[]) => [
  `${quote(alias)}."id"`,
  ...fields.filter((f) => f.column && f.name !== 'id').map((f) => `${quote(alias)}.${quote(f.column!)}`),
];

export async function read(model: Model, ids: number[], names?: string[]): Promise<RecordValues[]> {
  if (!ids.length) return [];
  const fields = await readableFields(model, names);
  // Records asked for by id are read archived or not, as Odoo's read (active_test filters searches).
  const query = await searchQuery(model.with_context({ active_test: false }), [], 'read');
  query.where(`${quote(query.alias)}."id" = ANY(${query.param(ids)}::int4[])`);
  const { sql, params } = query.select(storedColumns(query.alias, fields));
  const rows = await model.env.cr.query<RecordValues>(sql, params);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const unique = [...new Set(ids)];
  if (byId.size < unique.length) {
    const missing = unique.filter((id) => !byId.has(id));
    const existing = await model.sudo().with_context({ active_test: false }).exists(missing);
    if (existing.length < missing.length) throw errors.missing(model.meta.name, missing.filter((id) => !existing.includes(id)));
    throw errors.accessDenied(model.meta.name, 'read', `record rules restrict access to ids ${existing.join(', ')}`);
  }
  return complete(model, unique.map((id) => byId.get(id)!), fields);
}

export async function searchRead(model: Model, domain: Domain, names: string[] | undefined, opts: SearchOptions): Promise<RecordValues[]> {
  const fields = await readableFields(model, names);
  const query = await searchQuery(model, domain, 'read');
  const orderBy = compileOrder(query, opts.order);
  const { sql, params } = query.select(storedColumns(query.alias, fields), { orderBy, limit: opts.limit, offset: opts.offset });
  const rows = await model.env.cr.query<RecordValues>(sql, params);
  return complete(model, rows, fields);
}

/** Turns raw rows into Odoo's read shape: names for many2one, ids for x2many, computed values. */
export async function complete(model: Model, rows: RecordValues[], fields: Field[]): Promise<RecordValues[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [names, x2many, computed] = await Promise.all([
    many2oneNames(model, rows, fields),
    x2manyIds(model, ids, fields),
    computeValues(model, rows.map((r) => r.id), fields.filter((f) => !f.store && Boolean(f.compute || f.related))),
  ]);
  // Stored translatable values read in the user's language (the values of non-stored computed
  // and related fields come from reads that already did so).
  const catalog = catalogOf(model.env);
  const translated = new Map(catalog ? fields.map((f) => [f.name, translatableSource(model, f)] as const).filter((e): e is [string, Field] => Boolean(e[1])) : []);
  return rows.map((row) => {
    const out: RecordValues = { id: row.id };
    for (const field of fields) {
      if (field.name === 'id') continue;
      if (computed.has(field.name)) out[field.name] = computed.get(field.name)!.get(row.id) ?? fromColumn(field, null);
      else if (field.type === 'many2one') {
        const id = row[field.name] as number | null;
        out[field.name] = id ? [id, names.get(field.comodel!)?.get(id) ?? ''] : false;
      } else if (field.type === 'one2many' || field.type === 'many2many') out[field.name] = x2many.get(field.name)?.get(row.id) ?? [];
      else if (translated.has(field.name)) out[field.name] = translateValue(translated.get(field.name)!, fromColumn(field, row[field.name]), catalog!);
      else out[field.name] = fromColumn(field, row[field.name]);
    }
    return out;
  });
}

/** The translatable field whose translations a stored field takes: itself, or the target of a
 *  stored related field (`stage_name` = `stage_id.name`), as Odoo's related fields inherit
 *  `translate`. */
function translatableSource(model: Model, field: Field): Field | null {
  if (!field.column) return null;
  if (field.translate) return field;
  if (!field.related) return null;
  const target = model.env.registry.relatedTarget(model.meta.name, field);
  return target.translate ? target : null;
}

async function many2oneNames(model: Model, rows: RecordValues[], fields: Field[]): Promise<Map<string, Map<number, string>>> {
  const idsByComodel = new Map<string, Set<number>>();
  for (const field of fields) {
    if (field.type !== 'many2one' || !field.column) continue;
    const set = idsByComodel.get(field.comodel!) ?? new Set<number>();
    for (const row of rows) if (row[field.name]) set.add(row[field.name] as number);
    idsByComodel.set(field.comodel!, set);
  }
  const result = new Map<string, Map<number, string>>();
  await Promise.all([...idsByComodel].filter(([, ids]) => ids.size).map(async ([comodel, ids]) => {
    // Names of linked records are shown even where the user could not open them (Odoo does too).
    const target = model.env.sudo().model(comodel);
    result.set(comodel, await target._display_names([...ids]));
  }));
  return result;
}

async function x2manyIds(model: Model, ids: number[], fields: Field[]): Promise<Map<string, Map<number, number[]>>> {
  const result = new Map<string, Map<number, number[]>>();
  // Computed x2many fields have no relation of their own: their compute gives the ids.
  const wanted = fields.filter((f) => (f.type === 'one2many' || f.type === 'many2many') && !f.compute && !f.related);
  await Promise.all(wanted.map(async (field) => result.set(field.name, await relatedIds(model, field, ids))));
  return result;
}

/** The ids an x2many field holds for each record, in the comodel's order, active ones only. */
export async function relatedIds(model: Model, field: Field, ids: number[]): Promise<Map<number, number[]>> {
  const registry = model.env.registry;
  const comodel = registry.get(field.comodel!);
  const query = new Query(registry, comodel.name, 'x');
  let owner: string;
  if (field.type === 'one2many') {
    owner = `"x".${quote(comodel.fields.get(field.inverseName!)!.column!)}`;
    query.where(`${owner} = ANY(${query.param(ids)}::int4[])`);
  } else {
    const rel = query.leftJoin('x', 'id', field.relation!, field.column2!);
    owner = `${quote(rel)}.${quote(field.column1!)}`;
    query.where(`${owner} = ANY(${query.param(ids)}::int4[])`);
  }
  if (comodel.fields.has('active') && model.context.active_test !== false) query.where('"x"."active" IS TRUE');
  const orderBy = compileOrder(query, null);
  const { sql, params } = query.select([`${owner} AS owner`, '"x"."id" AS id'], { orderBy });
  const rows = await model.env.cr.query<{ owner: number; id: number }>(sql, params);
  const map = new Map<number, number[]>();
  for (const row of rows) {
    const list = map.get(row.owner) ?? [];
    list.push(row.id);
    map.set(row.owner, list);
  }
  return map;
}

/** Default display names: the record-name column, or `model,id` when the model has none. */
export async function displayNames(model: Model, ids: number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  if (!ids.length) return names;
  const recName = model.meta.recName ? model.meta.fields.get(model.meta.recName) : undefined;
  if (!recName?.column) {
    for (const id of ids) names.set(id, `${model.meta.name},${id}`);
    return names;
  }
  const rows = await model.env.cr.query<{ id: number; name: string | null }>(
    `SELECT "id", ${quote(recName.column)}::text AS name FROM ${quote(model.meta.table)} WHERE "id" = ANY($1::int4[])`, [ids]);
  const catalog = recName.translate ? catalogOf(model.env) : null;
  for (const row of rows) names.set(row.id, catalog ? String(translateValue(recName, row.name ?? '', catalog)) : row.name ?? '');
  return names;
}
