// The current state of every setting (Odoo's `get_values`), read where it lives: the groups that
// internal users imply, the system parameters, the installed modules, the scheduled actions.
// A fixed number of queries whatever the number of settings.

import type { Env } from '../models/env.ts';
import type { Field } from '../models/types.ts';
import type { Values } from '../models/model.ts';
import type { ClassifiedFields } from './classify.ts';

export const INTERNAL_GROUP = 'base.group_user';

/** External ids -> ids (missing ones left out), in one query. */
export async function resolveXmlids(env: Env, xmlids: string[]): Promise<Map<string, number>> {
  if (!xmlids.length) return new Map();
  const rows = await env.cr.query<{ xmlid: string; res_id: number }>(
    "SELECT module || '.' || name AS xmlid, res_id FROM ir_model_data WHERE module || '.' || name = ANY($1::text[])", [xmlids]);
  return new Map(rows.map((r) => [r.xmlid, r.res_id]));
}

/** The groups `base.group_user` implies directly (Odoo compares with `implied_ids`). */
export async function impliedByInternal(env: Env): Promise<Set<number>> {
  const internal = (await resolveXmlids(env, [INTERNAL_GROUP])).get(INTERNAL_GROUP);
  if (!internal) return new Set();
  const [group] = await env.model('res.groups').sudo().read([internal], ['implied_ids']);
  return new Set((group?.implied_ids as number[] | undefined) ?? []);
}

/** What the records API reads for an empty field of this type. */
export function emptyValue(field: Field): unknown {
  if (field.type === 'many2many') return [];
  if (field.type === 'integer' || field.type === 'float' || field.type === 'monetary') return 0;
  return false;
}

/** A system parameter (text) as the field's value. */
export function fromParameter(field: Field, raw: unknown): unknown {
  if (raw === false || raw === null || raw === undefined) return emptyValue(field);
  const text = String(raw);
  switch (field.type) {
    case 'integer': return Number.parseInt(text, 10) || 0;
    case 'float': case 'monetary': return Number.parseFloat(text) || 0;
    case 'boolean': return !['', '0', 'false', 'False'].includes(text);
    case 'many2one': return Number.parseInt(text, 10) || false;
    case 'many2many': return text.split(',').map((s) => Number.parseInt(s, 10)).filter((n) => Number.isInteger(n) && n > 0);
    default: return text;
  }
}

async function configValues(env: Env, configs: ClassifiedFields['configs'], out: Values): Promise<void> {
  if (!configs.length) return;
  const rows = await env.model('ir.config_parameter').sudo().search_read([['key', 'in', configs.map((c) => c.key)]], ['key', 'value']);
  const byKey = new Map(rows.map((r) => [r.key as string, r.value]));
  for (const { field, key } of configs) {
    // No parameter yet: the field's own default, as Odoo's `get_param(key, field.default)`.
    const raw = byKey.has(key) ? byKey.get(key) : typeof field.default === 'function' ? undefined : field.default;
    out[field.name] = fromParameter(field, raw);
  }
}

async function cronValues(env: Env, classified: ClassifiedFields, out: Values): Promise<void> {
  const xmlids = [...classified.cronSwitches, ...classified.cronIntervals].map((c) => c.cron);
  if (!xmlids.length) return;
  const ids = await resolveXmlids(env, xmlids);
  const rows = ids.size ? await env.cr.query<{ id: number; active: boolean; interval_number: number; interval_type: string }>(
    'SELECT id, active, interval_number, interval_type FROM ir_cron WHERE id = ANY($1::int4[])', [[...ids.values()]]) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const { field, cron } of classified.cronSwitches) out[field.name] = Boolean(byId.get(ids.get(cron) ?? 0)?.active);
  for (const { field, cron, part } of classified.cronIntervals) {
    const row = byId.get(ids.get(cron) ?? 0);
    out[field.name] = row ? (part === 'number' ? row.interval_number : row.interval_type) : part === 'number' ? 0 : false;
  }
}

/** Every setting's current value, by field name. */
export async function getValues(env: Env, classified: ClassifiedFields): Promise<Values> {
  const out: Values = {};
  if (classified.groups.length) {
    const implied = await impliedByInternal(env);
    const ids = await resolveXmlids(env, classified.groups.map((g) => g.group));
    for (const { field, group } of classified.groups) out[field.name] = implied.has(ids.get(group) ?? 0);
  }
  await configValues(env, classified.configs, out);
  if (classified.modules.length) {
    const rows = await env.cr.query<{ name: string }>(
      "SELECT name FROM ir_module_module WHERE state = 'installed' AND name = ANY($1::text[])", [classified.modules.map((m) => m.module)]);
    const installed = new Set(rows.map((r) => r.name));
    for (const { field, module } of classified.modules) out[field.name] = installed.has(module);
  }
  await cronValues(env, classified, out);
  return out;
}
