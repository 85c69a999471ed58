// unlink: one DELETE for the batch (many2one ondelete rules are enforced by the foreign keys),
// the ledger entries of the deleted records, and the stored fields that depended on them.

import { quote } from '../db/query.ts';
import { errors } from '../errors.ts';
import type { Model } from '../models/model.ts';
import { applyDomain } from '../db/domain.ts';
import { Query } from '../db/query.ts';
import { inverseSensitive, recomputeInverses } from './compute.ts';
import { mapSqlError } from './sql_errors.ts';

export async function unlink(model: Model, ids: number[]): Promise<void> {
  if (!ids.length) return;
  if (model.meta.view) throw errors.readonlyModel(model.meta.name, 'unlink');
  await model.check_access_rights('unlink');
  const unique = [...new Set(ids)];
  const rules = await model._rule_domain('unlink');
  if (rules.length) await checkDeletable(model, unique);
  const m2o = inverseSensitive(model, model.meta.fields.keys());
  let linked = new Map<string, Set<number>>();
  if (m2o.length) {
    const rows = await model.sudo().with_context({ active_test: false }).read(unique, m2o.map((f) => f.name));
    linked = new Map(m2o.map((f) => [f.name, new Set(rows.map((r) => (r[f.name] as [number] | false) && (r[f.name] as [number])[0]).filter((v): v is number => Boolean(v)))]));
  }
  let deleted: number;
  try {
    deleted = await model.env.cr.execute(`DELETE FROM ${quote(model.meta.table)} WHERE "id" = ANY($1::int4[])`, [unique]);
  } catch (error) {
    throw mapSqlError(model, error);
  }
  // Without record rules the row count says whether every record existed (no query beforehand).
  if (deleted < unique.length) await checkDeletable(model, unique);
  await model.env.cr.execute('DELETE FROM ir_model_data WHERE model = $1 AND res_id = ANY($2::int4[])', [model.meta.name, unique]);
  await recomputeInverses(model, linked);
}

async function checkDeletable(model: Model, ids: number[]): Promise<void> {
  const allowed = await allowedIds(model, ids, 'unlink');
  if (allowed.length === ids.length) return;
  const existing = await model.sudo().with_context({ active_test: false }).exists(ids);
  if (existing.length < ids.length) throw errors.missing(model.meta.name, ids.filter((id) => !existing.includes(id)));
  throw errors.accessDenied(model.meta.name, 'delete', 'record rules forbid some of these records');
}

/** The ids among `ids` that the record rules let the user touch for `operation`. */
export async function allowedIds(model: Model, ids: number[], operation: 'create' | 'write' | 'unlink'): Promise<number[]> {
  const rules = await model._rule_domain(operation);
  const query = new Query(model.env.registry, model.meta.name);
  query.where(`${quote(query.alias)}."id" = ANY(${query.param(ids)}::int4[])`);
  if (rules.length) applyDomain(query, rules, { activeTest: false });
  const { sql, params } = query.select([`${quote(query.alias)}."id"`]);
  return (await model.env.cr.query<{ id: number }>(sql, params)).map((r) => r.id);
}
