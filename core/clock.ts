// The framework's notion of "now". Time-dependent logic (activity states, deadlines, meetings)
// asks this module instead of `new Date()`, so that tests can pin the time (`setClock`) and a
// request can carry its own instant (`context.now`) without touching the process clock.

import { errors } from './errors.ts';

let fixed: Date | null = null;

/** Pins "now" to `date` (a Date, or an ISO / `YYYY-MM-DD HH:MM:SS` UTC string); null unpins. */
export function setClock(date: Date | string | null): void {
  fixed = date === null ? null : toDate(date);
}

/** The current instant: `context.now` when given, else the pinned clock, else the real time. */
export function now(context?: Readonly<Record<string, unknown>> | null): Date {
  const fromContext = context?.now;
  if (fromContext instanceof Date || typeof fromContext === 'string') return toDate(fromContext);
  return fixed ? new Date(fixed.getTime()) : new Date();
}

/** Accepts Odoo's naive UTC `YYYY-MM-DD HH:MM:SS` as well as ISO strings. */
function toDate(value: Date | string): Date {
  if (value instanceof Date) return new Date(value.getTime());
  const naive = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/.test(value);
  const date = new Date(naive ? `${value.replace(' ', 'T')}${value.length === 10 ? 'T00:00:00' : ''}Z` : value);
  if (Number.isNaN(date.getTime())) throw errors.invalidValue('context', 'now', `expected a date and time, got ${JSON.stringify(value)}`);
  return date;
}
