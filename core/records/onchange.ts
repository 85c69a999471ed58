// onchange: what a form shows after the user edits a field, before anything is saved. The
// handlers the addons declared for the edited fields run on the form's values; the computed and
// related fields that depend on what changed are recomputed on those values too; whatever
// changes cascades (a handler's change can trigger another handler), up to a fixed depth.

import { errors } from '../errors.ts';
import type { Model, Values } from '../models/model.ts';
import type { Field, OnchangeFn, OnchangeResult, RecordValues } from '../models/types.ts';
import { callCompute, directDepends, relatedValues } from './compute.ts';

const MAX_ROUNDS = 16;

export interface OnchangeReply {
  value: Values;
  warning?: { title: string; message: string };
}

/**
 * Odoo's `onchange(values, field_names, fields_spec)`: `values` are the form's values (a many2one
 * as an id or `[id, name]`), `fieldNames` the fields just edited (none: a new record, whose
 * defaults are returned). The reply holds only the fields whose value changed, in read shape.
 */
export async function onchange(model: Model, values: Values, fieldNames: string[]): Promise<OnchangeReply> {
  for (const name of [...Object.keys(values), ...fieldNames]) {
    if (name !== 'id' && !model.meta.fields.has(name)) throw errors.unknownField(model.meta.name, name);
  }
  const record: Values = await readShape(model, values);
  const reply: OnchangeReply = { value: {} };
  if (!fieldNames.length) {
    const missing = [...model.meta.fields.keys()].filter((f) => !(f in values) && f !== 'id');
    const defaults = await readShape(model, await model.default_get(missing));
    Object.assign(record, defaults);
    Object.assign(reply.value, defaults);
  }
  let edited = fieldNames.length ? fieldNames : Object.keys(reply.value);
  for (let round = 0; edited.length; round++) {
    if (round >= MAX_ROUNDS) throw errors.badModelDefinition(model.meta.name, 'onchange handlers keep changing each other\'s fields');
    const changes: Values = {};
    for (const field of edited) Object.assign(changes, await runHandlers(model, field, record, reply));
    Object.assign(changes, await recomputeOn(model, record, new Set([...edited, ...Object.keys(changes)])));
    edited = Object.keys(changes).filter((name) => !sameValue(record[name], changes[name]));
    for (const name of edited) {
      record[name] = changes[name];
      reply.value[name] = changes[name];
    }
  }
  return reply;
}

async function runHandlers(model: Model, field: string, record: Values, reply: OnchangeReply): Promise<Values> {
  const changes: Values = {};
  for (const handler of model.meta.onchanges.get(field) ?? []) {
    const fn = typeof handler === 'function' ? handler : (model as unknown as Record<string, OnchangeFn>)[handler];
    if (typeof fn !== 'function') throw errors.badModelDefinition(model.meta.name, `onchange method "${String(handler)}" for "${field}" does not exist`);
    const result: OnchangeResult = (await fn.call(model, { ...record, ...changes }, model.env)) ?? {};
    if (result.value) Object.assign(changes, await readShape(model, result.value));
    if (result.warning) reply.warning = result.warning;
  }
  return changes;
}

/** Computed and related fields that read one of `changed`, computed on the form's values. */
async function recomputeOn(model: Model, record: Values, changed: Set<string>): Promise<Values> {
  const result: Values = {};
  const id = typeof record.id === 'number' ? record.id : 0;
  for (const field of model.meta.fields.values()) {
    if (field.name === 'display_name') continue;
    if (field.related) {
      const [first, ...rest] = field.related.split('.');
      if (!changed.has(first)) continue;
      result[field.name] = await relatedOn(model, field, record[first], rest.join('.'));
    } else if (field.compute && directDepends(field).some((d) => changed.has(d))) {
      const values = await callCompute(model, field, [{ ...record, id } as RecordValues]);
      result[field.name] = values.get(id) ?? false;
    }
  }
  return readShape(model, result);
}

async function relatedOn(model: Model, field: Field, first: unknown, rest: string): Promise<unknown> {
  if (!rest) return first ?? false;
  const firstField = model.meta.fields.get(field.related!.split('.')[0])!;
  const id = Array.isArray(first) ? (first[0] as number) : null;
  if (!id || firstField.type !== 'many2one') return false;
  const comodel = model.env.model(firstField.comodel!);
  return (await relatedValues(comodel, [id], rest)).get(id) ?? false;
}

/** Values as `read` gives them: many2one as `[id, display name]` (one name query per comodel). */
async function readShape(model: Model, values: Values): Promise<Values> {
  const out: Values = { ...values };
  const byComodel = new Map<string, Array<[string, number]>>();
  for (const [name, value] of Object.entries(values)) {
    const field = model.meta.fields.get(name);
    if (field?.type !== 'many2one') continue;
    const id = Array.isArray(value) ? value[0] : value;
    if (typeof id !== 'number' || id <= 0) { out[name] = false; continue; }
    byComodel.set(field.comodel!, [...(byComodel.get(field.comodel!) ?? []), [name, id]]);
  }
  for (const [comodel, pairs] of byComodel) {
    const names = await model.env.sudo().model(comodel)._display_names(pairs.map(([, id]) => id));
    for (const [name, id] of pairs) out[name] = [id, names.get(id) ?? ''];
  }
  return out;
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? false) === JSON.stringify(b ?? false);
