// The schema side of the ownership ledger: every model, field and SQL constraint a module
// contributes is a record (`ir.model`, `ir.model.fields`, `ir.model.constraint`) with an external
// id of that module. Several modules may own the same field; it goes when the last one does.

import type { Cursor } from '../db/cursor.ts';
import type { Registry } from '../models/registry.ts';

/** Writes (or refreshes) the ledger entries of `module`'s models, fields and constraints. */
export async function recordSchema(cr: Cursor, registry: Registry, module: string): Promise<void> {
  const models = [...registry.models.values()].filter((m) => m.modules.includes(module));
  if (!models.length) return;
  const modelRows = await cr.query<{ id: number; model: string }>(
    `INSERT INTO ir_model (model, name, "table", transient, modules, create_date, write_date)
     SELECT m, n, t, tr, mo, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM unnest($1::text[], $2::text[], $3::text[], $4::bool[], $5::text[]) AS v(m, n, t, tr, mo)
     ON CONFLICT (model) DO UPDATE SET name = EXCLUDED.name, modules = EXCLUDED.modules, write_date = EXCLUDED.write_date
     RETURNING id, model`,
    [models.map((m) => m.name), models.map((m) => m.description), models.map((m) => m.table), models.map((m) => m.transient), models.map((m) => m.modules.join(', '))]);
  const modelIds = new Map(modelRows.map((r) => [r.model, r.id]));

  const fields = models.flatMap((m) => [...m.fields.values()].filter((f) => f.modules.includes(module)));
  const fieldRows = await cr.query<{ id: number; model: string; name: string }>(
    `INSERT INTO ir_model_fields (name, model, model_id, field_description, ttype, relation, relation_table, column1, column2, store, required, readonly, modules, create_date, write_date)
     SELECT n, m, mid, fd, tt, rel, rt, c1, c2, st, rq, ro, mo, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
     FROM unnest($1::text[], $2::text[], $3::int4[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bool[], $11::bool[], $12::bool[], $13::text[])
       AS v(n, m, mid, fd, tt, rel, rt, c1, c2, st, rq, ro, mo)
     ON CONFLICT (model, name) DO UPDATE SET field_description = EXCLUDED.field_description, ttype = EXCLUDED.ttype, relation = EXCLUDED.relation,
       relation_table = EXCLUDED.relation_table, store = EXCLUDED.store, required = EXCLUDED.required, modules = EXCLUDED.modules, write_date = EXCLUDED.write_date
     RETURNING id, model, name`,
    [fields.map((f) => f.name), fields.map((f) => f.model), fields.map((f) => modelIds.get(f.model)), fields.map((f) => f.string), fields.map((f) => f.type),
      fields.map((f) => f.comodel ?? null), fields.map((f) => f.relation ?? null), fields.map((f) => f.column1 ?? null), fields.map((f) => f.column2 ?? null),
      fields.map((f) => f.store), fields.map((f) => f.required), fields.map((f) => f.readonly), fields.map((f) => f.modules.join(', '))]);

  const constraints = models.flatMap((m) => m.sqlConstraints.filter((c) => c.module === module).map((c) => ({ ...c, model: m.name, table: m.table, full: `${m.table}_${c.name}` })));
  const constraintRows = constraints.length ? await cr.query<{ id: number; name: string }>(
    `INSERT INTO ir_model_constraint (name, model, "table", definition, message, create_date, write_date)
     SELECT n, m, t, d, msg, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(n, m, t, d, msg)
     ON CONFLICT (name) DO UPDATE SET definition = EXCLUDED.definition, message = EXCLUDED.message
     RETURNING id, name`,
    [constraints.map((c) => c.full), constraints.map((c) => c.model), constraints.map((c) => c.table), constraints.map((c) => c.definition), constraints.map((c) => c.message)]) : [];

  const ledger = [
    ...modelRows.map((r) => [`model_${r.model.replace(/\./g, '_')}`, 'ir.model', r.id] as const),
    ...fieldRows.map((r) => [`field_${r.model.replace(/\./g, '_')}__${r.name}`, 'ir.model.fields', r.id] as const),
    ...constraintRows.map((r) => [`constraint_${r.name}`, 'ir.model.constraint', r.id] as const),
  ];
  await cr.execute(
    `INSERT INTO ir_model_data (module, name, model, res_id, noupdate, create_date, write_date)
     SELECT $1, n, m, r, false, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM unnest($2::text[], $3::text[], $4::int4[]) AS v(n, m, r)
     ON CONFLICT (module, name) DO UPDATE SET res_id = EXCLUDED.res_id`,
    [module, ledger.map((l) => l[0]), ledger.map((l) => l[1]), ledger.map((l) => l[2])]);
}
