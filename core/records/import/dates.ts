// Dates and datetimes as people write them in spreadsheets, and the user's time zone: Odoo
// stores datetimes in UTC, exports them in the user's zone and reads imported ones in it too,
// so that an export re-imported gives the same instants.

export type DateOrder = 'ymd' | 'dmy' | 'mdy';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A valid calendar date (February 30 is not). */
function validDate(y: number, m: number, d: number): boolean {
  if (!(y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1)) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const DATE = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?$/i;

export interface DateParts { y: number; m: number; d: number }

/** `2024-03-01`, `2024/3/1`, `01/03/2024` (in `order`), `1.3.2024`; null when it is none of them. */
export function parseDateText(text: string, order: DateOrder): DateParts | null {
  const m = DATE.exec(text.trim());
  if (!m) return null;
  const [a, b, c] = [m[1], m[2], m[3]];
  let parts: DateParts;
  if (a.length === 4) parts = { y: +a, m: +b, d: +c };
  else if (c.length === 4 || c.length === 2) {
    const year = c.length === 2 ? 2000 + +c : +c;
    parts = order === 'mdy' ? { y: year, m: +a, d: +b } : { y: year, m: +b, d: +a };
  } else return null;
  return validDate(parts.y, parts.m, parts.d) ? parts : null;
}

/** The order of day and month that reads every value of a column, ISO first: a 13 in the first
 *  place rules out month-first, and so on. Day-first wins a tie (the more common order). */
export function guessDateOrder(samples: string[]): DateOrder {
  for (const order of ['dmy', 'mdy'] as const) {
    if (samples.every((s) => !DATE.test(s.trim().split(/[ T]/)[0]) || parseDateText(s.trim().split(/[ T]/)[0], order))) return order;
  }
  return 'dmy';
}

export const formatParts = ({ y, m, d }: DateParts) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** A time of day, 24-hour or with am/pm: [hours, minutes, seconds]. */
export function parseTimeText(text: string): [number, number, number] | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  let h = +m[1];
  const suffix = m[4]?.toLowerCase()[0];
  if (suffix) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (suffix === 'p' ? 12 : 0);
  }
  const [mi, s] = [+m[2], m[3] ? +m[3] : 0];
  return h < 24 && mi < 60 && s < 60 ? [h, mi, s] : null;
}

/** The offset of `tz` from UTC at an instant, in minutes (Tehran: +210). */
function offsetMinutes(instant: number, tz: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

/** A zone Intl knows, or UTC. */
export function knownZone(tz: unknown): string {
  if (typeof tz !== 'string' || !tz) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    return 'UTC';
  }
}

const formatUtc = (ms: number) => {
  const d = new Date(ms);
  return `${formatParts({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() })} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

/** Wall-clock time in `tz` -> the stored UTC text `YYYY-MM-DD HH:MM:SS`. */
export function localToUtc(date: DateParts, time: [number, number, number], tz: string): string {
  const wall = Date.UTC(date.y, date.m - 1, date.d, time[0], time[1], time[2]);
  if (tz === 'UTC') return formatUtc(wall);
  // The offset at the wall time read as UTC is right except within hours of a DST change;
  // taking it again at the first guess settles those.
  let utc = wall - offsetMinutes(wall, tz) * 60000;
  utc = wall - offsetMinutes(utc, tz) * 60000;
  return formatUtc(utc);
}

/** Stored UTC text -> wall-clock text in `tz`. */
export function utcToLocal(stored: string, tz: string): string {
  const ms = Date.parse(`${stored.replace(' ', 'T')}Z`);
  if (Number.isNaN(ms) || tz === 'UTC') return stored;
  return formatUtc(ms + offsetMinutes(ms, tz) * 60000);
}
