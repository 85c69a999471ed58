// Cross-process invalidation of the security caches, as Odoo's base_cache_signaling: every change
// to access rights, record rules, groups or group membership bumps the sequence
// `base_security_signaling`; each transaction reads it once (with the user's groups) and reloads
// the cached rows when it has moved.
//
// A sequence is not transactional: another process may see the new value before the change
// commits, reload the old rows and keep them under the new value for good. So a writer also holds
// a transaction-level advisory lock from its bump until its commit; a reader that finds the lock
// held uses what it loaded for its own transaction only, without caching it.

import type { Cursor } from '../db/cursor.ts';

export const SECURITY_SIGNAL = 'base_security_signaling';
// The two keys of the advisory lock (pg_locks shows them as classid / objid, objsubid = 2).
const LOCK = [20_17_0001, 1] as const;

/** The sequence's value (0 before the first change), as an SQL expression that never fails. */
export const SIGNAL_SQL = `COALESCE(pg_sequence_last_value(to_regclass('${SECURITY_SIGNAL}')), 0)::int8`;

/** Marks the security data as changed (call it in the transaction that changes it). */
export async function bumpSecuritySignal(cr: Cursor): Promise<void> {
  await cr.execute(`DO $$ BEGIN IF to_regclass('${SECURITY_SIGNAL}') IS NULL THEN CREATE SEQUENCE ${SECURITY_SIGNAL}; END IF; END $$`);
  await cr.query(`SELECT pg_advisory_xact_lock($1, $2), nextval('${SECURITY_SIGNAL}')`, [...LOCK]);
}

/** Whether some transaction (maybe this one) changed security data and has not committed yet. */
export async function changePending(cr: Cursor): Promise<boolean> {
  const rows = await cr.query<{ pending: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND objsubid = 2 AND granted) AS pending`,
    [...LOCK]);
  return rows[0].pending;
}
