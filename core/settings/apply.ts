// Saving the settings that live elsewhere (Odoo's `set_values`): only those whose value differs
// from the current state are applied, so saving an untouched form changes nothing.

import type { Env } from '../models/env.ts';
import type { Values } from '../models/model.ts';
import type { Field } from '../models/types.ts';
import type { ClassifiedFields } from './classify.ts';
import { INTERNAL_GROUP, resolveXmlids } from './values.ts';

const m2oId = (value: unknown): number | false => (Array.isArray(value) ? (value[0] as number) : typeof value === 'number' ? value : false);

/** A field's value as the text of a system parameter (false: no parameter), as Odoo writes it. */
export function toParameter(field: Field, value: unknown): string | false {
  switch (field.type) {
    case 'char': case 'text': case 'html': return typeof value === 'string' ? value.trim() || false : false;
    case 'integer': case 'float': case 'monetary': return value ? String(value) : false;
    case 'boolean': return value ? 'True' : false;
    case 'many2one': { const id = m2oId(value); return id ? String(id) : false; }
    case 'many2many': return Array.isArray(value) && value.length ? [...value].sort((a, b) => a - b).join(',') : false;
    default: return value ? String(value) : false;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Users of `base.group_user`, and of the groups implying it (administrators are internal users
 *  even when only `base.group_system` was given to them). */
async function internalUsers(env: Env, internal: number): Promise<number[]> {
  const rows = await env.cr.query<{ uid: number }>(
    `WITH RECURSIVE implying(gid) AS (
       SELECT $1::int4 UNION SELECT r.gid FROM res_groups_implied_rel r JOIN implying i ON r.hid = i.gid)
     SELECT DISTINCT u.uid FROM res_groups_users_rel u JOIN implying i ON u.gid = i.gid ORDER BY u.uid`, [internal]);
  return rows.map((r) => r.uid);
}

/** The group and every group it implies, transitively. */
async function withImplied(env: Env, group: number): Promise<number[]> {
  const rows = await env.cr.query<{ gid: number }>(
    `WITH RECURSIVE implied(gid) AS (
       SELECT $1::int4 UNION SELECT r.hid FROM res_groups_implied_rel r JOIN implied i ON r.gid = i.gid)
     SELECT gid FROM implied ORDER BY gid`, [group]);
  return rows.map((r) => r.gid);
}

/** Odoo's `_apply_group` / `_remove_group` on `base.group_user`: the implication, and the users
 *  (checking gives internal users the group and what it implies; unchecking takes the group
 *  itself away from them). */
async function applyGroups(env: Env, classified: ClassifiedFields, vals: Values, current: Values): Promise<void> {
  const changed = classified.groups.filter(({ field }) => Boolean(vals[field.name]) !== Boolean(current[field.name]));
  if (!changed.length) return;
  const ids = await resolveXmlids(env, [INTERNAL_GROUP, ...changed.map((c) => c.group)]);
  const internal = ids.get(INTERNAL_GROUP);
  if (!internal) return;
  const groups = env.model('res.groups').sudo();
  const users = await internalUsers(env, internal);
  for (const { field, group } of changed) {
    const gid = ids.get(group);
    if (!gid) continue;
    if (vals[field.name]) {
      await groups.write([internal], { implied_ids: [[4, gid]] });
      if (users.length) await groups.write(await withImplied(env, gid), { users: users.map((u) => [4, u]) });
    } else {
      await groups.write([internal], { implied_ids: [[3, gid]] });
      if (users.length) await groups.write([gid], { users: users.map((u) => [3, u]) });
    }
  }
}

async function applyConfigs(env: Env, classified: ClassifiedFields, vals: Values, current: Values): Promise<void> {
  const params = env.model('ir.config_parameter').sudo() as unknown as { set_param(key: string, value: unknown): Promise<unknown> };
  for (const { field, key } of classified.configs) {
    if (!(field.name in vals)) continue;
    const value = toParameter(field, vals[field.name]);
    if (value === toParameter(field, current[field.name])) continue;
    await params.set_param(key, value);
  }
}

/** Scheduled actions: switched on/off, and their interval, in one write per action. */
async function applyCrons(env: Env, classified: ClassifiedFields, vals: Values, current: Values): Promise<void> {
  const changes = new Map<string, Values>();
  const change = (cron: string, key: string, value: unknown) => changes.set(cron, { ...(changes.get(cron) ?? {}), [key]: value });
  for (const { field, cron } of classified.cronSwitches) {
    if (field.name in vals && Boolean(vals[field.name]) !== Boolean(current[field.name])) change(cron, 'active', Boolean(vals[field.name]));
  }
  for (const { field, cron, part } of classified.cronIntervals) {
    const value = vals[field.name];
    // An empty interval is no interval: keep the action's own.
    if (!(field.name in vals) || !value || same(value, current[field.name])) continue;
    change(cron, part === 'number' ? 'interval_number' : 'interval_type', value);
  }
  if (!changes.size) return;
  const ids = await resolveXmlids(env, [...changes.keys()]);
  const crons = env.model('ir.cron').sudo().with_context({ active_test: false });
  for (const [cron, values] of changes) {
    const id = ids.get(cron);
    if (id) await crons.write([id], values);
  }
}

/** Applies the settings of `vals` (a saved wizard record, in read shape) that differ from `current`. */
export async function setValues(env: Env, classified: ClassifiedFields, vals: Values, current: Values): Promise<void> {
  await applyGroups(env, classified, vals, current);
  await applyConfigs(env, classified, vals, current);
  await applyCrons(env, classified, vals, current);
}
