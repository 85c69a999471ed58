// create: defaults, checks, then ONE `INSERT ... SELECT FROM unnest(...)` for the whole batch,
// one INSERT per many2many field, and the stored computed fields. Creating 100 records costs the
// same number of queries as creating one.

import { quote } from '../db/query.ts';
import { ErpError, errors } from '../errors.ts';
import type { Model, Values } from '../models/model.ts';
import type { Field } from '../models/types.ts';
import { columnType, toColumn } from './convert.ts';
import { callCompute, directDepends, inverseSensitive, recompute, recomputeAfterChange, recomputeInverses, storedComputed } from './compute.ts';
import { complete } from './read.ts';
import { SOURCE_LANG } from '../i18n/catalog.ts';
import { checkConstraints } from './constraints.ts';
import { mapSqlError } from './sql_errors.ts';
import { writeX2many } from './x2many.ts';
import { allowedIds } from './unlink.ts';

const MAGIC = new Set(['id', 'create_uid', 'create_date', 'write_uid', 'write_date', 'display_name']);

export async function create(model: Model, valsList: Values[]): Promise<number[]> {
  if (!valsList.length) return [];
  if (model.meta.view) throw errors.readonlyModel(model.meta.name, 'create');
  await model.check_access_rights('create');
  const meta = model.meta;
  const records = await withDefaults(model, valsList);
  const given = new Set<string>();
  for (const vals of records) {
    for (const name of Object.keys(vals)) {
      if (!meta.fields.has(name)) throw errors.unknownField(meta.name, name);
      if (!MAGIC.has(name)) given.add(name);
    }
  }
  const fields = [...given].map((name) => meta.fields.get(name)!);
  const policy = model.env.registry.access;
  if (policy?.checkFields && !model.env.su) {
    // Only what the caller wrote is checked: defaults of fields the user may not see still apply.
    const written = new Set(valsList.flatMap((vals) => Object.keys(vals)));
    await policy.checkFields(model, 'write', fields.filter((f) => written.has(f.name)), true);
  }
  const columns = fields.filter((f) => f.column);
  checkRequired(model, records, given);

  const toCompute = storedComputed(model).filter((f) => !given.has(f.name));
  const early = await precompute(model, records, given, toCompute);
  const ids = await insertRows(model, records, [...columns, ...early]);
  const x2many = fields.filter((f) => f.type === 'one2many' || f.type === 'many2many');
  for (const field of x2many) await writeX2many(model, field, ids, records.map((r) => r[field.name]));

  const late = toCompute.filter((f) => !early.includes(f));
  await recompute(model, ids, late);
  // Fields of these records computed above need no second pass; the fields computed before the
  // INSERT still notify the other models' fields that depend on them.
  await recomputeAfterChange(model, ids, [...given, ...early.map((f) => f.name)], 0, new Set(toCompute.map((f) => `${model.meta.name}.${f.name}`)));
  await recomputeInverses(model, linkedIds(records, inverseSensitive(model, given)));
  await checkConstraints(model, ids, [...given, ...toCompute.map((f) => f.name)], true);
  await checkCreateRules(model, ids);
  return ids;
}

/** A field whose value the new record holds before it exists: a plain stored column (no
 *  translation, no x2many) that is not computed, or is given, or was computed already. */
function plainValue(field: Field | undefined, ready: Set<string>): field is Field {
  if (!field?.column || field.translate || MAGIC.has(field.name)) return false;
  if (['one2many', 'many2many', 'json', 'binary'].includes(field.type)) return false;
  return !(field.compute || field.related) || ready.has(field.name);
}

/** Whether a dependency can be evaluated before the INSERT: a plain field of the record, or a
 *  path of plain many2one fields ending on a plain field of another record (`stage_id.is_won`).
 *  Plain fields of existing records cannot change because a record is added, whereas a computed
 *  one might (a count of the partner's leads), as might anything reached through an x2many. */
function earlyDependency(model: Model, path: string, ready: Set<string>): boolean {
  const [first, ...rest] = path.split('.');
  let field = model.meta.fields.get(first);
  if (!plainValue(field, ready)) return false;
  for (const name of rest) {
    if (field!.type !== 'many2one' || field!.compute || field!.related) return false;
    field = model.env.registry.get(field!.comodel!).fields.get(name);
    if (!plainValue(field, new Set())) return false;
  }
  return true;
}

/**
 * Computes, before the INSERT, the stored computed fields whose dependencies the new records
 * already hold (see `earlyDependency`), from the values being inserted (defaults included), and
 * puts them in `records`: the INSERT writes them, and no UPDATE pass is needed afterwards. A
 * field depending on another one computed here comes after it. The computes see the records in
 * read shape, under placeholder ids (-1, -2, ...) as the records do not exist yet. Returns the
 * fields computed; the others are computed after the INSERT, as before.
 */
async function precompute(model: Model, records: Values[], given: Set<string>, candidates: Field[]): Promise<Field[]> {
  const source = model.env.lang === SOURCE_LANG ? model : model.with_context({ lang: SOURCE_LANG });
  const reader = source.sudo().with_context({ active_test: false });
  const ready = new Set(given);
  const done: Field[] = [];
  let pending = candidates.filter((f) => f.compute && !f.related && f.depends?.length && !f.depends.includes(f.name));
  for (;;) {
    const round = pending.filter((f) => f.depends!.every((path) => earlyDependency(model, path, ready)));
    if (!round.length) return done;
    pending = pending.filter((f) => !round.includes(f));
    const depends = [...new Set(round.flatMap(directDepends))].map((name) => model.meta.fields.get(name)!);
    const rows = records.map((r, i) => {
      const row: Values = { id: -(i + 1) };
      for (const field of depends) {
        try {
          row[field.name] = field.name in r ? toColumn(field, r[field.name]) : null;
        } catch (error) {
          throw atRecord(error, i);
        }
      }
      return row;
    });
    const shaped = await complete(reader, rows as never, depends);
    for (const field of round) {
      const values = await callCompute(source, field, shaped);
      records.forEach((r, i) => { r[field.name] = values.get(-(i + 1)) ?? false; });
      ready.add(field.name);
      done.push(field);
    }
  }
}

/** The new records must satisfy the record rules for creation (the request then rolls back). */
async function checkCreateRules(model: Model, ids: number[]): Promise<void> {
  if (!(await model._rule_domain('create')).length) return;
  const allowed = await allowedIds(model, ids, 'create');
  if (allowed.length < ids.length) throw errors.accessDenied(model.meta.name, 'create', 'record rules forbid creating such records');
}

/** Fills missing fields from the context (`default_<field>`) and the fields' defaults. */
async function withDefaults(model: Model, valsList: Values[]): Promise<Values[]> {
  const missing = new Set<string>();
  for (const field of model.meta.fields.values()) {
    if (MAGIC.has(field.name)) continue;
    if (valsList.some((vals) => !(field.name in vals))) missing.add(field.name);
  }
  const defaults = missing.size ? await model.default_get([...missing]) : {};
  return valsList.map((vals) => ({ ...defaults, ...vals }));
}

function checkRequired(model: Model, records: Values[], given: Set<string>): void {
  for (const field of model.meta.fields.values()) {
    if (!field.required || !field.column || field.type === 'boolean' || field.compute || field.related) continue;
    const empty = (v: unknown) => v === undefined || v === null || v === false || v === '';
    const index = given.has(field.name) ? records.findIndex((r) => empty(r[field.name])) : 0;
    if (index >= 0) throw atRecord(errors.requiredField(model.meta.name, field.name, field.string), index);
  }
}

async function insertRows(model: Model, records: Values[], columns: Field[]): Promise<number[]> {
  const params: unknown[] = [model.env.uid];
  const arrays = columns.map((field) => {
    params.push(records.map((r, i) => {
      try {
        return field.name in r ? toColumn(field, r[field.name]) : null;
      } catch (error) {
        throw atRecord(error, i);
      }
    }));
    return `$${params.length}::${columnType(field)}[]`;
  });
  const names = columns.map((f) => quote(f.column!));
  const now = `(now() AT TIME ZONE 'UTC')`;
  let sql: string;
  if (columns.length) {
    sql = `INSERT INTO ${quote(model.meta.table)} ("create_uid", "create_date", "write_uid", "write_date"${names.map((n) => `, ${n}`).join('')})
      SELECT $1, ${now}, $1, ${now}${names.map((n) => `, v.${n}`).join('')} FROM unnest(${arrays.join(', ')}) AS v(${names.join(', ')}) RETURNING "id"`;
  } else {
    params.push(records.length);
    sql = `INSERT INTO ${quote(model.meta.table)} ("create_uid", "create_date", "write_uid", "write_date")
      SELECT $1, ${now}, $1, ${now} FROM generate_series(1, $2) RETURNING "id"`;
  }
  try {
    const rows = await model.env.cr.query<{ id: number }>(sql, params);
    return rows.map((r) => r.id);
  } catch (error) {
    throw mapSqlError(model, error);
  }
}

/** Notes which record of a batch was refused (`details.index`), so callers can name it. */
function atRecord(error: unknown, index: number): unknown {
  if (error instanceof ErpError) error.details.index = index;
  return error;
}

/** many2one field -> ids it points to, for the records just written. */
export function linkedIds(records: Values[], fields: Field[]): Map<string, Set<number>> {
  const linked = new Map<string, Set<number>>();
  for (const field of fields) {
    const set = new Set<number>();
    for (const r of records) {
      const v = r[field.name];
      const id = Array.isArray(v) ? v[0] : v;
      if (typeof id === 'number' && id > 0) set.add(id);
    }
    linked.set(field.name, set);
  }
  return linked;
}
