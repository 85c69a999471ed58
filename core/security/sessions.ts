// Sessions in PostgreSQL (res.users.session), shared by every server process. The session id is
// 32 random bytes, url-safe; only its SHA-256 is stored, so the table leaks no usable id.
// Expiry slides: each use pushes it to now + SESSION_TTL_SECONDS (written at most once a minute).

import { createHash, randomBytes } from 'node:crypto';
import type { Env } from '../models/env.ts';
import type { Context } from '../models/types.ts';

export const SESSION_TTL_SECONDS = 7 * 24 * 3600;

export interface SessionData {
  uid: number;
  /** The context stored at login. */
  context: Context;
  /** The user's language and time zone as they are now (a change of preferences applies to the
   *  sessions already open: the web client reloads, it does not log in again). */
  preferences: { lang?: string; tz?: string };
  expires: Date;
}

const NOW = `(now() AT TIME ZONE 'UTC')`;
const TTL = `make_interval(secs => ${SESSION_TTL_SECONDS})`;
const SID = /^[A-Za-z0-9_-]{43}$/;

const digest = (sid: string) => createHash('sha256').update(sid).digest('hex');

export async function createSession(env: Env, uid: number, context: Context = {}): Promise<string> {
  const sid = randomBytes(32).toString('base64url');
  await env.cr.execute(`DELETE FROM res_users_session WHERE expires <= ${NOW}`);
  await env.cr.execute(
    `INSERT INTO res_users_session (sid_hash, user_id, context, expires, create_date, write_date)
     VALUES ($1, $2, $3, ${NOW} + ${TTL}, ${NOW}, ${NOW})`,
    [digest(sid), uid, JSON.stringify(context ?? {})]);
  return sid;
}

/** The session, or null when it is unknown, expired (then deleted) or its user archived. */
export async function getSession(env: Env, sid: string): Promise<SessionData | null> {
  if (typeof sid !== 'string' || !SID.test(sid)) return null;
  const hash = digest(sid);
  const rows = await env.cr.query<{ user_id: number; context: Context | null; lang: string | null; tz: string | null; expires_ms: number; valid: boolean }>(
    `WITH s AS (
       SELECT s.id, s.user_id, s.context, u.lang, u.tz, s.expires, s.expires > ${NOW} AND u.active IS TRUE AS valid
       FROM res_users_session s JOIN res_users u ON u.id = s.user_id WHERE s.sid_hash = $1),
     slid AS (
       UPDATE res_users_session x SET expires = ${NOW} + ${TTL} FROM s
       WHERE x.id = s.id AND s.valid AND s.expires < ${NOW} + ${TTL} - interval '1 minute' RETURNING x.expires)
     SELECT s.user_id, s.context, s.lang, s.tz, s.valid,
            extract(epoch FROM COALESCE((SELECT expires FROM slid), s.expires)) * 1000 AS expires_ms FROM s`,
    [hash]);
  const row = rows[0];
  if (!row) return null;
  if (!row.valid) {
    await env.cr.execute('DELETE FROM res_users_session WHERE sid_hash = $1', [hash]);
    return null;
  }
  const preferences = { ...(row.lang ? { lang: row.lang } : {}), ...(row.tz ? { tz: row.tz } : {}) };
  return { uid: row.user_id, context: row.context ?? {}, preferences, expires: new Date(Number(row.expires_ms)) };
}

export async function destroySession(env: Env, sid: string): Promise<void> {
  if (typeof sid !== 'string' || !SID.test(sid)) return;
  await env.cr.execute('DELETE FROM res_users_session WHERE sid_hash = $1', [digest(sid)]);
}
