// Logging in: login + password -> uid, or Odoo's AccessDenied ("Wrong login/password") for an
// unknown login, a wrong password or an archived user alike. Failures are rate-limited per
// login and per IP address, counted in the database (res.users.login.attempt) because several
// server processes share it.

import type { Cursor } from '../db/cursor.ts';
import { errors } from '../errors.ts';
import type { Env } from '../models/env.ts';
import { findCredentials } from './credentials.ts';
import { dummyVerify, verifyPassword } from './password.ts';

/** At most this many failures per login, and per IP address, within the window... */
export const MAX_LOGIN_FAILURES = 10;
/** ...of this many seconds; then logins are refused until the oldest failure leaves it. */
export const LOGIN_WINDOW_SECONDS = 60;

const NOW = `(now() AT TIME ZONE 'UTC')`;
const TABLE = 'res_users_login_attempt';

/** Returns the uid; `env` is a superuser environment in the caller's transaction. */
export async function authenticate(env: Env, login: string, password: string, meta: { ip?: string } = {}): Promise<number> {
  const ip = meta.ip || null;
  const wait = await cooldown(env.cr, login, ip);
  if (wait > 0) throw errors.tooManyLogins(wait);
  const user = typeof login === 'string' && login ? await findCredentials(env.cr, login) : null;
  const ok = user && typeof password === 'string' ? await verifyPassword(password, user.hash) : (await dummyVerify(String(password ?? '')), false);
  if (!ok || !user?.active) {
    await recordFailure(env, login, ip);
    throw errors.wrongLogin();
  }
  await env.cr.execute(`DELETE FROM ${TABLE} WHERE login = $1`, [login]);
  return user.id;
}

/** Seconds before a login is accepted again for this login or IP (0: now). */
async function cooldown(cr: Cursor, login: string, ip: string | null): Promise<number> {
  const window = `make_interval(secs => $3)`;
  const nth = (column: string, param: string) => `(SELECT create_date FROM ${TABLE} WHERE ${column} = ${param}
      AND create_date > ${NOW} - ${window} ORDER BY create_date DESC OFFSET $4 LIMIT 1)`;
  const rows = await cr.query<{ wait: number | null }>(
    `SELECT ceil(extract(epoch FROM max(d) + ${window} - ${NOW}))::int AS wait
     FROM (SELECT ${nth('login', '$1')} UNION ALL SELECT ${nth('ip', '$2::varchar')}) AS s(d)`,
    [String(login ?? ''), ip, LOGIN_WINDOW_SECONDS, MAX_LOGIN_FAILURES - 1]);
  return Math.max(0, rows[0]?.wait ?? 0);
}

/**
 * The failure must outlive the caller's transaction, which usually rolls back when authenticate
 * throws: it is written in a transaction of its own when the environment leads to its database
 * (the module manager in env.services holds it), else in the caller's.
 */
async function recordFailure(env: Env, login: string, ip: string | null): Promise<void> {
  const insert = (cr: Cursor) => cr.execute(
    `INSERT INTO ${TABLE} (login, ip, create_date, write_date) VALUES ($1, $2, ${NOW}, ${NOW})`, [String(login ?? ''), ip]);
  const db = (env.services.modules as { db?: { transaction?: unknown } } | undefined)?.db;
  if (db && typeof db.transaction === 'function') {
    const transaction = db.transaction as (fn: (cr: Cursor) => Promise<unknown>) => Promise<unknown>;
    await transaction.call(db, async (cr: Cursor) => {
      await insert(cr);
      // Old failures are useless: keep the table small.
      await cr.execute(`DELETE FROM ${TABLE} WHERE create_date < ${NOW} - interval '1 day'`);
    });
  } else {
    await insert(env.cr);
  }
}
