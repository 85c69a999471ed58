// Calendar arithmetic for activities and meetings. Deadlines are dates (no time), and whether one
// is "today" depends on the time zone of the person looking, so every "today" here is computed in
// an explicit IANA zone. Months follow dateutil's relativedelta: Jan 31 + 1 month = Feb 28/29.

import type { Env } from '../../../models/env.ts';

export type DelayUnit = 'days' | 'weeks' | 'months';

const DAY_MS = 86_400_000;

/** A valid IANA zone name, or UTC for empty and unknown names (as Odoo falls back to UTC). */
export function safeTz(tz: unknown): string {
  if (typeof tz !== 'string' || !tz) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    return 'UTC';
  }
}

/** The calendar date (`YYYY-MM-DD`) of `instant` as seen in time zone `tz`. */
export function dateInTz(instant: Date, tz: unknown): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: safeTz(tz), year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole days from date `a` to date `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** `date` moved by `count` units (negative moves back). */
export function addDelay(date: string, count: number, unit: DelayUnit): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (unit === 'months') {
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + count);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
  } else {
    d.setUTCDate(d.getUTCDate() + count * (unit === 'weeks' ? 7 : 1));
  }
  return d.toISOString().slice(0, 10);
}

/** Odoo's naive UTC datetime text: `YYYY-MM-DD HH:MM:SS`. */
export const toDatetime = (instant: Date): string => instant.toISOString().slice(0, 19).replace('T', ' ');

/** Parses Odoo's naive UTC datetime text. */
export const fromDatetime = (text: string): Date => new Date(`${text.replace(' ', 'T')}Z`);

/** The time zone of the user the environment acts for: `context.tz`, else `res.users.tz`. */
export async function envTz(env: Env): Promise<string> {
  if (typeof env.context.tz === 'string' && env.context.tz) return safeTz(env.context.tz);
  const rows = await env.cr.query<{ tz: string | null }>('SELECT tz FROM res_users WHERE id = $1', [env.uid]);
  return safeTz(rows[0]?.tz);
}

/** The time zones of several users in one query (UTC for users without one). */
export async function usersTz(env: Env, userIds: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(userIds)];
  if (!unique.length) return new Map();
  const rows = await env.cr.query<{ id: number; tz: string | null }>('SELECT id, tz FROM res_users WHERE id = ANY($1::int4[])', [unique]);
  return new Map(rows.map((r) => [r.id, safeTz(r.tz)]));
}
