// Computed and related fields. Non-stored ones are computed on read, by batch. Stored ones are
// recomputed when a field they depend on changes, also through many2one and x2many paths:
// `recomputeAfterChange` follows the registry's triggers from the changed records to the records
// whose values depend on them, and writes the new values back in one UPDATE per model.

import { quote } from '../db/query.ts';
import { errors } from '../errors.ts';
import type { Model } from '../models/model.ts';
import type { ComputeFn, Field, RecordValues } from '../models/types.ts';
import { columnType, toColumn } from './convert.ts';
import { SOURCE_LANG } from '../i18n/catalog.ts';

const MAX_DEPTH = 16;

/** Values of computed or related fields for `ids`: field name -> id -> value (API shape). */
export async function computeValues(model: Model, ids: number[], fields: Field[]): Promise<Map<string, Map<number, unknown>>> {
  const result = new Map<string, Map<number, unknown>>();
  if (!ids.length) return result;
  // The computes of this batch share lookups through `model._shared` (a count and its ids...).
  const previous = model._computeScratch;
  model._computeScratch = new Map();
  try {
    for (const field of fields) {
      result.set(field.name, field.related ? await relatedValues(model, ids, field.related) : await runCompute(model, ids, field));
    }
  } finally {
    model._computeScratch = previous;
  }
  return result;
}

/** The fields of the record itself a compute reads (the first step of each dependency). */
export const directDepends = (field: Field): string[] =>
  [...new Set((field.depends ?? []).map((d) => d.split('.')[0]).filter((d) => d !== field.name))];

async function runCompute(model: Model, ids: number[], field: Field): Promise<Map<number, unknown>> {
  const depends = directDepends(field);
  const records: RecordValues[] = depends.length ? await model.sudo().with_context({ active_test: false }).read(ids, depends) : ids.map((id) => ({ id }));
  return callCompute(model, field, records);
}

/** Runs a field's compute on records already holding its dependencies (read shape). */
export async function callCompute(model: Model, field: Field, records: RecordValues[]): Promise<Map<number, unknown>> {
  let fn: ComputeFn;
  if (typeof field.compute === 'function') fn = field.compute;
  else {
    const method = (model as unknown as Record<string, unknown>)[field.compute!];
    if (typeof method !== 'function') throw errors.badModelDefinition(model.meta.name, `compute method "${field.compute}" of field "${field.name}" does not exist`);
    fn = (recs) => (method as ComputeFn).call(model, recs, model.env);
  }
  const values = await fn(records, model.env);
  if (!(values instanceof Map)) throw errors.badModelDefinition(model.meta.name, `compute of field "${field.name}" must return a Map of id -> value`);
  return values;
}

/** Follows a path of many2one fields (`partner_id.country_id.code`), one read per hop. */
export async function relatedValues(model: Model, ids: number[], path: string): Promise<Map<number, unknown>> {
  const parts = path.split('.');
  let current = model.sudo().with_context({ active_test: false });
  // For each starting id, the id reached so far along the path.
  let reached = new Map<number, number | null>(ids.map((id) => [id, id]));
  for (const [i, part] of parts.entries()) {
    const targets = [...new Set([...reached.values()].filter((v): v is number => Boolean(v)))];
    const rows = targets.length ? await current.read(targets, [part]) : [];
    const byId = new Map(rows.map((r) => [r.id, r[part]]));
    if (i === parts.length - 1) {
      const last = current.meta.fields.get(part)!;
      return new Map(ids.map((id) => {
        const at = reached.get(id);
        return [id, at && byId.has(at) ? byId.get(at) : last.type === 'one2many' || last.type === 'many2many' ? [] : false];
      }));
    }
    const field = current.meta.fields.get(part)!;
    reached = new Map(ids.map((id) => {
      const value = reached.get(id) ? byId.get(reached.get(id)!) : null;
      const next = Array.isArray(value) ? (field.type === 'many2one' ? value[0] : value[0] ?? null) : null;
      return [id, (next as number | null) ?? null];
    }));
    current = current.env.model(field.comodel!).sudo().with_context({ active_test: false });
  }
  return new Map();
}

/** Computes stored computed fields of `ids` and writes them in one UPDATE. */
export async function recompute(model: Model, ids: number[], fields: Field[], depth = 0): Promise<void> {
  if (!ids.length || !fields.length) return;
  // Stored values are source values: compute from untranslated dependencies, whatever the
  // language of the call that triggered it.
  const values = await computeValues(model.env.lang === SOURCE_LANG ? model : model.with_context({ lang: SOURCE_LANG }), ids, fields);
  const params: unknown[] = [ids];
  const sets: string[] = [];
  const columns: string[] = ['id'];
  for (const field of fields) {
    const byId = values.get(field.name)!;
    params.push(ids.map((id) => toColumn(field, byId.get(id) ?? false)));
    columns.push(quote(field.column!));
    sets.push(`${quote(field.column!)} = v.${quote(field.column!)}`);
  }
  const unnest = fields.map((f, i) => `$${i + 2}::${columnType(f)}[]`).join(', ');
  // Rows whose values did not change are left alone: rewriting them costs a new row version and
  // new index entries each (most rows, when a recompute follows a change that moves few values).
  const changed = fields.map((f) => `t.${quote(f.column!)} IS DISTINCT FROM v.${quote(f.column!)}`).join(' OR ');
  await model.env.cr.execute(
    `UPDATE ${quote(model.meta.table)} AS t SET ${sets.join(', ')} FROM unnest($1::int4[], ${unnest}) AS v(${columns.join(', ')})
      WHERE t."id" = v."id" AND (${changed})`,
    params);
  await recomputeAfterChange(model, ids, fields.map((f) => f.name), depth + 1);
}

/**
 * Writes stored fields that code sets itself (`names`; `update` gives each record's new values
 * from its current ones, read with `names` and `extra`) and, in the same UPDATE, the stored
 * computed fields of these records that depend on them, computed in memory in dependency order;
 * then what depends on all of them elsewhere. One read and one UPDATE where a raw UPDATE followed
 * by `_modified` costs two full passes. The number of queries does not depend on the values.
 */
export async function writeWithDependents(model: Model, ids: number[], names: string[], update: (record: RecordValues) => Record<string, unknown>, extra: string[] = []): Promise<void> {
  if (!ids.length) return;
  const meta = model.meta;
  const triggers = model.env.registry.triggers.get(meta.name);
  // The stored fields of the same records that follow, directly or through one another.
  const dependents: Field[] = [];
  const seen = new Set(names);
  for (let i = 0, queue = [...names]; i < queue.length; i++) {
    for (const trigger of triggers?.get(queue[i]) ?? []) {
      const field = meta.fields.get(trigger.field);
      if (trigger.path || trigger.target !== meta.name || seen.has(trigger.field) || !field?.store || !field.column || field.related) continue;
      seen.add(field.name);
      dependents.push(field);
      queue.push(field.name);
    }
  }
  const ordered: Field[] = [];
  for (let pending = dependents; pending.length;) {
    const next = pending.filter((f) => !directDepends(f).some((d) => pending.some((p) => p.name === d)));
    // A cycle: these fields are left to the usual recompute.
    if (!next.length) break;
    ordered.push(...next);
    pending = pending.filter((f) => !next.includes(f));
  }
  const source = model.env.lang === SOURCE_LANG ? model : model.with_context({ lang: SOURCE_LANG });
  const reading = [...new Set([...names, ...extra, ...ordered.flatMap(directDepends)])];
  const records = await source.sudo().with_context({ active_test: false }).read(ids, reading);
  for (const record of records) Object.assign(record, update(record));
  for (const field of ordered) {
    const values = await callCompute(source, field, records);
    for (const record of records) record[field.name] = values.get(record.id) ?? false;
  }
  const fields = [...names.map((name) => meta.fields.get(name)!), ...ordered];
  const params: unknown[] = [records.map((r) => r.id), ...fields.map((f) => records.map((r) => toColumn(f, r[f.name])))];
  const columns = fields.map((f) => quote(f.column!));
  await model.env.cr.execute(
    `UPDATE ${quote(meta.table)} AS t SET ${columns.map((c) => `${c} = v.${c}`).join(', ')}
       FROM unnest($1::int4[], ${fields.map((f, i) => `$${i + 2}::${columnType(f)}[]`).join(', ')}) AS v("id", ${columns.join(', ')})
      WHERE t."id" = v."id" AND (${columns.map((c) => `t.${c} IS DISTINCT FROM v.${c}`).join(' OR ')})`, params);
  await recomputeAfterChange(model, ids, fields.map((f) => f.name), 0, new Set(ordered.map((f) => `${meta.name}.${f.name}`)));
}

/**
 * After `changed` fields of `ids` were written (or the records created or deleted), recomputes
 * every stored field that depends on them, on this model and on others.
 */
export async function recomputeAfterChange(model: Model, ids: number[], changed: string[], depth = 0, skip?: Set<string>): Promise<void> {
  if (depth > MAX_DEPTH) throw errors.badModelDefinition(model.meta.name, 'computed fields depend on each other in a cycle');
  const registry = model.env.registry;
  const byField = registry.triggers.get(model.meta.name);
  // target model -> field name -> ids to recompute
  const todo = new Map<string, Map<string, Set<number>>>();
  const add = (target: string, field: string, targetIds: Iterable<number>) => {
    const fieldsOf = todo.get(target) ?? new Map<string, Set<number>>();
    todo.set(target, fieldsOf);
    const set = fieldsOf.get(field) ?? new Set<number>();
    for (const id of targetIds) set.add(id);
    fieldsOf.set(field, set);
  };
  const sudo = model.env.sudo().withContext({ active_test: false });
  // Several fields often depend on the same path: search each (model, path) once.
  const found = new Map<string, Promise<number[]>>();
  const dependents = (target: string, path: string) => {
    const key = `${target}|${path}`;
    if (!found.has(key)) found.set(key, sudo.model(target).search([[path, 'in', ids]]));
    return found.get(key)!;
  };
  for (const name of changed) {
    for (const trigger of byField?.get(name) ?? []) {
      if (!trigger.path && skip?.has(`${trigger.target}.${trigger.field}`)) continue;
      add(trigger.target, trigger.field, trigger.path ? await dependents(trigger.target, trigger.path) : ids);
    }
  }
  for (const [target, fieldsOf] of todo) {
    const targetModel = sudo.model(target);
    // Group fields that share the same ids, so one UPDATE covers them.
    const groups = new Map<string, { ids: number[]; fields: Field[] }>();
    for (const [fieldName, set] of fieldsOf) {
      const list = [...set].sort((a, b) => a - b);
      const key = list.join(',');
      const group = groups.get(key) ?? { ids: list, fields: [] };
      group.fields.push(targetModel.meta.fields.get(fieldName)!);
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      const live = await targetModel.exists(group.ids);
      await recompute(targetModel, live, group.fields, depth);
    }
  }
}

/**
 * A many2one change also changes the one2many on the other side (lead.partner_id moves the lead
 * between two partners' opportunity_ids): recompute what depends on those one2many fields, for
 * the records linked before and after (`linked`: many2one field name -> comodel ids).
 */
export async function recomputeInverses(model: Model, linked: Map<string, Set<number>>): Promise<void> {
  const registry = model.env.registry;
  for (const [fieldName, comodelIds] of linked) {
    if (!comodelIds.size) continue;
    const field = model.meta.fields.get(fieldName)!;
    const comodel = registry.get(field.comodel!);
    const triggers = registry.triggers.get(comodel.name);
    if (!triggers) continue;
    const inverses = [...comodel.fields.values()]
      .filter((f) => f.type === 'one2many' && f.comodel === model.meta.name && f.inverseName === fieldName && triggers.has(f.name))
      .map((f) => f.name);
    if (inverses.length) await recomputeAfterChange(model.env.sudo().model(comodel.name), [...comodelIds], inverses);
  }
}

/** The many2one fields among `names` whose comodel has one2many inverses with dependents. */
export function inverseSensitive(model: Model, names: Iterable<string>): Field[] {
  const registry = model.env.registry;
  const result: Field[] = [];
  for (const name of names) {
    const field = model.meta.fields.get(name);
    if (field?.type !== 'many2one' || !field.column) continue;
    const triggers = registry.triggers.get(field.comodel!);
    if (!triggers) continue;
    const comodel = registry.get(field.comodel!);
    if ([...comodel.fields.values()].some((f) => f.type === 'one2many' && f.inverseName === name && f.comodel === model.meta.name && triggers.has(f.name))) result.push(field);
  }
  return result;
}

/** Stored computed fields of a model (computed on create). */
export const storedComputed = (model: Model): Field[] =>
  [...model.meta.fields.values()].filter((f) => f.store && f.column && Boolean(f.compute || f.related));
