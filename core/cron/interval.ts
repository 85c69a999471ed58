// The arithmetic of a scheduled action's calls. Datetimes are naive UTC strings
// ('YYYY-MM-DD HH:MM:SS'), as everywhere in the records API.

export const INTERVAL_TYPES: Array<[IntervalType, string]> = [
  ['minutes', 'Minutes'], ['hours', 'Hours'], ['days', 'Days'], ['weeks', 'Weeks'], ['months', 'Months'],
];

export type IntervalType = 'minutes' | 'hours' | 'days' | 'weeks' | 'months';

const FIXED_MS: Record<Exclude<IntervalType, 'months'>, number> = {
  minutes: 60_000, hours: 3_600_000, days: 86_400_000, weeks: 7 * 86_400_000,
};

/** `'2024-01-31 10:00:00'` <-> Date, read and written as UTC. */
export function parseUtc(value: string): Date {
  return new Date(`${value.replace(' ', 'T')}Z`);
}

export function formatUtc(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** `date` plus `n` months, the day clamped to the month's last (Jan 31 + 1 month = Feb 28/29),
 *  as Python's relativedelta, which Odoo uses. */
function addMonths(date: Date, n: number): Date {
  const result = new Date(date.getTime());
  const day = date.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + n);
  const last = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, last));
  return result;
}

/** One interval later. */
export function addInterval(date: Date, number: number, type: IntervalType): Date {
  if (type === 'months') return addMonths(date, number);
  const unit = FIXED_MS[type];
  if (!unit) throw new Error(`unknown interval type "${type}"`);
  return new Date(date.getTime() + number * unit);
}

/** The next call after a run at `now`: Odoo adds the interval to the planned call until it is no
 *  longer in the past, so the calls missed while no scheduler ran are skipped, not caught up, and
 *  the job keeps its rhythm (a daily job planned at 03:00 stays at 03:00). The result is strictly
 *  after `now`, so a job never becomes due again in the tick that ran it. */
export function nextCallAfter(nextcall: Date, now: Date, number: number, type: IntervalType): Date {
  // A zero or negative interval would never move: Odoo refuses it; here the job waits a minute.
  if (number <= 0) return new Date(now.getTime() + FIXED_MS.minutes);
  if (type !== 'months') {
    const step = number * FIXED_MS[type];
    const periods = Math.max(1, Math.floor((now.getTime() - nextcall.getTime()) / step) + 1);
    return new Date(nextcall.getTime() + periods * step);
  }
  // Months have no fixed length: step, as relativedelta does (at most 12 steps a year missed).
  let next = addMonths(nextcall, number);
  while (next <= now) next = addMonths(next, number);
  return next;
}
