// write: the same values to a batch of records with ONE UPDATE, then the x2many commands, the
// stored fields that depend on what changed (here and on other models), and the constraints.

import { quote } from '../db/query.ts';
import { errors } from '../errors.ts';
import type { Model, Values } from '../models/model.ts';
import { toColumn } from './convert.ts';
import { inverseSensitive, recomputeAfterChange, recomputeInverses } from './compute.ts';
import { checkConstraints } from './constraints.ts';
import { linkedIds } from './create.ts';
import { mapSqlError } from './sql_errors.ts';
import { allowedIds } from './unlink.ts';
import { writeX2many } from './x2many.ts';

const NOT_WRITABLE = new Set(['id', 'create_uid', 'create_date', 'write_uid', 'write_date', 'display_name']);

export async function write(model: Model, ids: number[], vals: Values): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  if (model.meta.view) throw errors.readonlyModel(model.meta.name, 'write');
  await model.check_access_rights('write');
  const meta = model.meta;
  const names = Object.keys(vals).filter((name) => {
    if (!meta.fields.has(name)) throw errors.unknownField(meta.name, name);
    if (name === 'id') throw errors.readonlyField(meta.name, name);
    return !NOT_WRITABLE.has(name);
  });
  const fields = names.map((name) => meta.fields.get(name)!);
  const policy = model.env.registry.access;
  if (policy?.checkFields && !model.env.su) await policy.checkFields(model, 'write', fields, true);
  for (const field of fields) {
    const empty = vals[field.name] === false || vals[field.name] === null || vals[field.name] === '';
    if (field.required && field.column && field.type !== 'boolean' && empty) throw errors.requiredField(meta.name, field.name, field.string);
  }
  const columns = fields.filter((f) => f.column);
  const params: unknown[] = [unique, model.env.uid, ...columns.map((f) => toColumn(f, vals[f.name]))];

  const rules = await model._rule_domain('write');
  if (rules.length) await checkAllowed(model, unique);
  const m2o = inverseSensitive(model, names);
  const before = m2o.length ? await model.sudo().with_context({ active_test: false }).read(unique, m2o.map((f) => f.name)) : [];

  const sets = columns.map((f, i) => `${quote(f.column!)} = $${i + 3}`);
  let updated: number;
  try {
    updated = await model.env.cr.execute(
      `UPDATE ${quote(meta.table)} SET "write_uid" = $2, "write_date" = (now() AT TIME ZONE 'UTC')${sets.map((s) => `, ${s}`).join('')} WHERE "id" = ANY($1::int4[])`,
      params);
  } catch (error) {
    throw mapSqlError(model, error);
  }
  // Without record rules the row count says whether every record exists (no query beforehand).
  if (updated < unique.length) await checkAllowed(model, unique);
  for (const field of fields.filter((f) => f.type === 'one2many' || f.type === 'many2many')) {
    await writeX2many(model, field, unique, unique.map(() => vals[field.name]));
  }
  await recomputeAfterChange(model, unique, names);
  if (m2o.length) {
    const linked = linkedIds([...before, vals], m2o);
    await recomputeInverses(model, linked);
  }
  await checkConstraints(model, unique, names);
}

async function checkAllowed(model: Model, ids: number[]): Promise<void> {
  const allowed = await allowedIds(model, ids, 'write');
  if (allowed.length === ids.length) return;
  const existing = await model.sudo().with_context({ active_test: false }).exists(ids);
  if (existing.length < ids.length) throw errors.missing(model.meta.name, ids.filter((id) => !existing.includes(id)));
  throw errors.accessDenied(model.meta.name, 'write', 'record rules forbid some of these records');
}
