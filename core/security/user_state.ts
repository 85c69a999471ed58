// What the security checks need to know about a user, in ONE query per user and transaction:
// the groups (given plus implied, transitively, by a recursive CTE), the company and partner (for
// record rules) and the current value of the security signal (to validate the caches).

import type { Cursor } from '../db/cursor.ts';
import type { Env } from '../models/env.ts';
import { SIGNAL_SQL } from './signal.ts';

export interface UserState {
  uid: number;
  login: string | null;
  groups: ReadonlySet<number>;
  companyId: number | null;
  partnerId: number | null;
  /** `base_security_signaling` as this transaction saw it. */
  signal: number;
}

// Keyed by cursor: one transaction, so changes committed by others show from the next one.
const states = new WeakMap<Cursor, Map<number, Promise<UserState>>>();

const QUERY = `
  WITH RECURSIVE g(id) AS (
    SELECT gid FROM res_groups_users_rel WHERE uid = $1
    UNION
    SELECT r.hid FROM res_groups_implied_rel r JOIN g ON r.gid = g.id
  )
  SELECT ${SIGNAL_SQL} AS signal, ARRAY(SELECT id FROM g)::int4[] AS groups,
         u.login, u.company_id, u.partner_id
  FROM (VALUES (1)) AS one(x) LEFT JOIN res_users u ON u.id = $1`;

export function userState(env: Env, uid: number = env.uid): Promise<UserState> {
  let byUid = states.get(env.cr);
  if (!byUid) states.set(env.cr, (byUid = new Map()));
  let state = byUid.get(uid);
  if (!state) {
    state = load(env.cr, uid);
    byUid.set(uid, state);
    // A failed query must not stay cached for the rest of the transaction.
    state.catch(() => byUid!.delete(uid));
  }
  return state;
}

async function load(cr: Cursor, uid: number): Promise<UserState> {
  const [row] = await cr.query<{ signal: number; groups: number[]; login: string | null; company_id: number | null; partner_id: number | null }>(QUERY, [uid]);
  return {
    uid, login: row.login, groups: new Set(row.groups), companyId: row.company_id, partnerId: row.partner_id, signal: Number(row.signal),
  };
}

/** Forgets what this transaction knows about users (after it changed groups or memberships). */
export function forgetUserStates(cr: Cursor): void {
  states.delete(cr);
}
