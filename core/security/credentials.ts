// Where password hashes live: a table of their own (res.users.credential), not a field of
// res.users. The `password` field of res.users is computed and always reads empty, so no records
// call on users (read, search_read, read_group, export) can return a hash, and only the superuser
// can reach the credential table (no access right grants it to anyone).
// (Odoo keeps the hash in a hand-made res_users column; here a column added by hand would have
// to be created inside base's install transaction, where PostgreSQL refuses ALTER TABLE on
// res_users because of its pending deferred foreign-key checks.)

import type { Cursor } from '../db/cursor.ts';
import { hashPassword } from './password.ts';

/** Hashes and stores the passwords (same order as `ids`); an empty one removes the password. */
export async function storePasswords(cr: Cursor, ids: number[], passwords: unknown[]): Promise<void> {
  if (!ids.length) return;
  const hashes = await Promise.all(passwords.map((p) => (typeof p === 'string' && p ? hashPassword(p) : null)));
  const now = `(now() AT TIME ZONE 'UTC')`;
  await cr.execute(
    `INSERT INTO res_users_credential (user_id, password, create_date, write_date)
     SELECT v.id, v.hash, ${now}, ${now} FROM unnest($1::int4[], $2::varchar[]) AS v(id, hash)
     ON CONFLICT (user_id) DO UPDATE SET password = EXCLUDED.password, write_date = EXCLUDED.write_date`,
    [ids, hashes]);
}

/** The user behind `login` with its hash (null when it has none). */
export async function findCredentials(cr: Cursor, login: string): Promise<{ id: number; active: boolean; hash: string | null } | null> {
  const rows = await cr.query<{ id: number; active: boolean; hash: string | null }>(
    `SELECT u.id, u.active, c.password AS hash FROM res_users u LEFT JOIN res_users_credential c ON c.user_id = u.id WHERE u.login = $1`, [login]);
  return rows[0] ?? null;
}
