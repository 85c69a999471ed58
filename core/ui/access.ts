// Who sees what in views and menus: the user's groups (implied groups included, from the
// security layer) and Odoo's `groups="module.xmlid,!module.other"` expressions.

import { SUPERUSER_ID, type Env } from '../models/env.ts';
import { userGroups } from '../security/groups.ts';

/** The groups a user sees the interface with; `null` means everything (the superuser). It is
 *  the user's membership that counts, not sudo: a sudo environment shows the user's interface. */
export async function viewerGroups(env: Env): Promise<Set<number> | null> {
  if (env.uid === SUPERUSER_ID) return null;
  return userGroups(env, env.uid);
}

/** Group ids by external id, in one query (unknown external ids are left out). */
export async function groupIdsByXmlid(env: Env, xmlids: Iterable<string>): Promise<Map<string, number>> {
  const wanted = [...new Set(xmlids)];
  if (!wanted.length) return new Map();
  const rows = await env.cr.query<{ xmlid: string; res_id: number }>(
    `SELECT module || '.' || name AS xmlid, res_id FROM ir_model_data
     WHERE model = 'res.groups' AND module || '.' || name = ANY($1::text[])`, [wanted]);
  return new Map(rows.map((r) => [r.xmlid, r.res_id]));
}

/** The external ids an expression mentions, without their `!`. */
export function groupsOf(expression: string): string[] {
  return expression.split(',').map((g) => g.trim().replace(/^!/, '')).filter(Boolean);
}

/** Odoo's `user_has_groups`: false when the user is in a `!group`, else true when it is in one
 *  of the other groups, or when there are none. An unknown group counts as not held. */
export function matchesGroups(expression: string, userGroups: Set<number> | null, ids: Map<string, number>): boolean {
  if (userGroups === null) return true;
  const has = (xmlid: string) => ids.has(xmlid) && userGroups.has(ids.get(xmlid)!);
  const terms = expression.split(',').map((g) => g.trim()).filter(Boolean);
  const positive = terms.filter((g) => !g.startsWith('!'));
  if (terms.some((g) => g.startsWith('!') && has(g.slice(1)))) return false;
  return !positive.length || positive.some(has);
}

/** Whether a record restricted to `groupIds` (a menu, an extension view) is for this user:
 *  unrestricted records are for everyone. */
export function inGroups(groupIds: number[], userGroups: Set<number> | null): boolean {
  return userGroups === null || !groupIds.length || groupIds.some((id) => userGroups.has(id));
}
