// What uninstalling removes, derived from two registries (before and after) and the ledger: the
// records the modules seeded (unless a remaining module also owns them), the columns and SQL
// constraints they added to other modules' tables, and their own tables and views. Nothing else
// is dropped.

import type { Cursor } from '../db/cursor.ts';
import { quote } from '../db/query.ts';
import type { Env } from '../models/env.ts';
import type { Registry } from '../models/registry.ts';

export interface RemovalPlan {
  /** Modules to uninstall, dependents first. */
  modules: string[];
  /** Records to delete, per model (ids in reverse creation order). */
  records: Record<string, number[]>;
  tables: string[];
  /** SQL views of the report models that go (`defineModel({ view })`). */
  views: string[];
  columns: Array<{ table: string; column: string }>;
  constraints: Array<{ table: string; name: string }>;
}

const SCHEMA_MODELS = ['ir.model', 'ir.model.fields', 'ir.model.constraint'];

function relations(registry: Registry): Set<string> {
  const set = new Set<string>();
  for (const meta of registry.models.values()) for (const f of meta.fields.values()) if (f.type === 'many2many') set.add(f.relation!);
  return set;
}

export async function planRemoval(cr: Cursor, before: Registry, after: Registry, modules: string[]): Promise<RemovalPlan> {
  const plan: RemovalPlan = { modules, records: {}, tables: [], views: [], columns: [], constraints: [] };
  const keptRelations = relations(after);
  for (const rel of relations(before)) if (!keptRelations.has(rel)) plan.tables.push(rel);
  for (const meta of before.models.values()) {
    const survivor = after.models.get(meta.name);
    if (!survivor) {
      (meta.view ? plan.views : plan.tables).push(meta.table);
      continue;
    }
    for (const field of meta.fields.values()) {
      if (field.column && !survivor.fields.get(field.name)?.column) plan.columns.push({ table: meta.table, column: field.column });
    }
    const kept = new Set(survivor.sqlConstraints.map((c) => c.name));
    for (const c of meta.sqlConstraints) if (!kept.has(c.name)) plan.constraints.push({ table: meta.table, name: `${meta.table}_${c.name}` });
  }
  const rows = await cr.query<{ model: string; res_id: number }>(
    `SELECT d.model, d.res_id FROM ir_model_data d
     WHERE d.module = ANY($1::text[]) AND d.model <> ALL($2::text[])
       AND NOT EXISTS (SELECT 1 FROM ir_model_data o WHERE o.model = d.model AND o.res_id = d.res_id AND o.module <> ALL($1::text[]))
     ORDER BY d.id DESC`, [modules, SCHEMA_MODELS]);
  for (const row of rows) {
    if (!after.has(row.model)) continue; // its table goes entirely
    (plan.records[row.model] ??= []).push(row.res_id);
  }
  return plan;
}

export async function removeOwned(env: Env, plan: RemovalPlan): Promise<void> {
  const cr = env.cr;
  for (const [model, ids] of Object.entries(plan.records)) {
    const target = env.model(model).with_context({ active_test: false });
    const existing = await target.exists(ids);
    if (existing.length) await target.unlink(existing);
  }
  // Models go through the records API while every table still stands, so that addons can follow
  // them (mail deletes their messages and activities, as Odoo's mail does).
  const models = await cr.query<{ res_id: number }>(
    `SELECT d.res_id FROM ir_model_data d WHERE d.model = 'ir.model' AND d.module = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM ir_model_data o WHERE o.model = d.model AND o.res_id = d.res_id AND o.module <> ALL($1::text[]))`,
    [plan.modules]);
  if (models.length) await env.model('ir.model').unlink(models.map((r) => r.res_id));
  // Deferred checks (create_uid/write_uid) queued by the hooks or deletions above must run
  // before a table they concern can be dropped.
  await cr.execute('SET CONSTRAINTS ALL IMMEDIATE');
  // Views first: they read the tables and columns dropped below.
  for (const view of plan.views) await cr.execute(`DROP VIEW IF EXISTS ${quote(view)} CASCADE`);
  for (const c of plan.constraints) await cr.execute(`ALTER TABLE ${quote(c.table)} DROP CONSTRAINT IF EXISTS ${quote(c.name)}`);
  for (const c of plan.columns) await cr.execute(`ALTER TABLE ${quote(c.table)} DROP COLUMN IF EXISTS ${quote(c.column)} CASCADE`);
  for (const table of plan.tables) await cr.execute(`DROP TABLE IF EXISTS ${quote(table)} CASCADE`);
  for (const model of SCHEMA_MODELS) {
    const table = model.replace(/\./g, '_');
    await cr.execute(
      `DELETE FROM ${quote(table)} WHERE id IN (
         SELECT d.res_id FROM ir_model_data d WHERE d.model = $2 AND d.module = ANY($1::text[])
           AND NOT EXISTS (SELECT 1 FROM ir_model_data o WHERE o.model = d.model AND o.res_id = d.res_id AND o.module <> ALL($1::text[])))`,
      [plan.modules, model]);
  }
  await cr.execute('DELETE FROM ir_model_data WHERE module = ANY($1::text[])', [plan.modules]);
}
