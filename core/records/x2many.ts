// Writing one2many and many2many fields with Odoo's commands, set-based: the commands of all the
// records of a batch are gathered, then applied with one statement per kind of change.

import { quote } from '../db/query.ts';
import type { Model, Values } from '../models/model.ts';
import type { Field } from '../models/types.ts';
import { parseCommands } from './convert.ts';

interface Plan {
  clear: number[];
  remove: Array<[number, number]>;
  add: Array<[number, number]>;
  create: Array<[number, Values]>;
  update: Array<[number, Values]>;
  destroy: number[];
}

function plan(field: Field, ids: number[], values: unknown[]): Plan {
  const p: Plan = { clear: [], remove: [], add: [], create: [], update: [], destroy: [] };
  ids.forEach((id, i) => {
    if (values[i] === undefined) return;
    for (const command of parseCommands(field, values[i])) {
      switch (command.op) {
        case 'create': p.create.push([id, command.values]); break;
        case 'update': p.update.push([command.id, command.values]); break;
        case 'delete': p.destroy.push(command.id); p.remove.push([id, command.id]); break;
        case 'unlink': p.remove.push([id, command.id]); break;
        case 'link': p.add.push([id, command.id]); break;
        case 'clear': p.clear.push(id); break;
        case 'set': p.clear.push(id); for (const other of command.ids) p.add.push([id, other]); break;
      }
    }
  });
  return p;
}

export async function writeX2many(model: Model, field: Field, ids: number[], values: unknown[]): Promise<void> {
  const p = plan(field, ids, values);
  const comodel = model.env.model(field.comodel!);
  if (field.type === 'many2many') await applyMany2many(model, field, p, comodel);
  else await applyOne2many(field, p, comodel);
  for (const [id, vals] of p.update) await comodel.write([id], vals);
  if (p.destroy.length) await comodel.unlink([...new Set(p.destroy)]);
}

async function applyMany2many(model: Model, field: Field, p: Plan, comodel: Model): Promise<void> {
  const cr = model.env.cr;
  const [rel, c1, c2] = [quote(field.relation!), quote(field.column1!), quote(field.column2!)];
  if (p.create.length) {
    const created = await comodel.create(p.create.map(([, vals]) => vals));
    p.create.forEach(([owner], i) => p.add.push([owner, created[i]]));
  }
  if (p.clear.length) await cr.execute(`DELETE FROM ${rel} WHERE ${c1} = ANY($1::int4[])`, [[...new Set(p.clear)]]);
  if (p.remove.length) {
    await cr.execute(`DELETE FROM ${rel} WHERE (${c1}, ${c2}) IN (SELECT * FROM unnest($1::int4[], $2::int4[]))`,
      [p.remove.map((r) => r[0]), p.remove.map((r) => r[1])]);
  }
  if (p.add.length) {
    await cr.execute(`INSERT INTO ${rel} (${c1}, ${c2}) SELECT * FROM unnest($1::int4[], $2::int4[]) ON CONFLICT DO NOTHING`,
      [p.add.map((r) => r[0]), p.add.map((r) => r[1])]);
  }
}

async function applyOne2many(field: Field, p: Plan, comodel: Model): Promise<void> {
  const inverse = field.inverseName!;
  const inverseField = comodel.meta.fields.get(inverse)!;
  // Lines taken out of a record are deleted when they cannot exist alone, as in Odoo.
  const detach = async (lineIds: number[]) => {
    if (!lineIds.length) return;
    if (inverseField.required || inverseField.ondelete === 'cascade') await comodel.unlink(lineIds);
    else await comodel.write(lineIds, { [inverse]: false });
  };
  if (p.clear.length) {
    const keep = new Set(p.add.map(([, line]) => line));
    const lines = await comodel.with_context({ active_test: false }).search([[inverse, 'in', [...new Set(p.clear)]]]);
    await detach(lines.filter((id) => !keep.has(id)));
  }
  await detach(p.remove.map(([, line]) => line).filter((id) => !p.destroy.includes(id)));
  const byOwner = new Map<number, number[]>();
  for (const [owner, line] of p.add) byOwner.set(owner, [...(byOwner.get(owner) ?? []), line]);
  for (const [owner, lines] of byOwner) await comodel.write(lines, { [inverse]: owner });
  if (p.create.length) await comodel.create(p.create.map(([owner, vals]) => ({ ...vals, [inverse]: owner })));
}
