// Odoo's `fill_temporal` context key for read_group: grouped by a date with a granularity, the
// periods without records show too, as groups of count 0 (a forecast by month shows every month,
// empty or not). `fill_temporal: { fill_from, fill_to, min_groups }` widens the range: from the
// period of `fill_from` (or the first group, whichever comes first) to that of `fill_to` (or the
// last group), and at least `min_groups` periods. The rows are the raw rows of read_group's one
// query, completed in memory: filling costs no query.

export type Granularity = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface FillOptions {
  fill_from?: string;
  fill_to?: string;
  min_groups?: number;
}

/** What the filler needs to know of the group-by (read_group's alias `g0` and its bounds). */
export interface TemporalGroup {
  granularity: Granularity;
  type: 'date' | 'datetime';
  /** The timezone a datetime is grouped in (null: UTC). */
  tz: string | null;
}

type Row = Record<string, unknown>;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const stamp = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:00:00`;

/** A naive local 'YYYY-MM-DD[ HH:MM:SS]' as a Date read in UTC (wall-clock arithmetic). */
function wall(value: string): Date {
  const [y, m, d, h] = [value.slice(0, 4), value.slice(5, 7), value.slice(8, 10), value.slice(11, 13) || '0'].map(Number);
  return new Date(Date.UTC(y, m - 1, d, h));
}

/** The start of the period holding `value`, as PostgreSQL's date_trunc gives it. */
export function periodStart(value: string, granularity: Granularity): string {
  const d = wall(value);
  const [y, m] = [d.getUTCFullYear(), d.getUTCMonth()];
  switch (granularity) {
    case 'hour': return stamp(d);
    case 'day': return stamp(new Date(Date.UTC(y, m, d.getUTCDate())));
    case 'week': return stamp(new Date(Date.UTC(y, m, d.getUTCDate() - ((d.getUTCDay() + 6) % 7))));
    case 'month': return stamp(new Date(Date.UTC(y, m, 1)));
    case 'quarter': return stamp(new Date(Date.UTC(y, m - (m % 3), 1)));
    case 'year': return stamp(new Date(Date.UTC(y, 0, 1)));
  }
}

export function nextPeriod(start: string, granularity: Granularity): string {
  const d = wall(start);
  const [y, m, day, h] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours()];
  switch (granularity) {
    case 'hour': return stamp(new Date(Date.UTC(y, m, day, h + 1)));
    case 'day': return stamp(new Date(Date.UTC(y, m, day + 1)));
    case 'week': return stamp(new Date(Date.UTC(y, m, day + 7)));
    case 'month': return stamp(new Date(Date.UTC(y, m + 1, 1)));
    case 'quarter': return stamp(new Date(Date.UTC(y, m + 3, 1)));
    case 'year': return stamp(new Date(Date.UTC(y + 1, 0, 1)));
  }
}

/** The UTC instant of a wall-clock time in `tz` (two passes settle daylight saving changes). */
function utcOf(local: string, tz: string): string {
  const guess = wall(local).getTime();
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
    return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - instant;
  };
  let utc = guess - offsetAt(guess);
  utc = guess - offsetAt(utc);
  return new Date(utc).toISOString().slice(0, 19).replace('T', ' ');
}

/** The bounds read_group puts in `__range` and `__domain`, as its SQL computes them. */
function bounds(group: TemporalGroup, start: string): { from: string; to: string } {
  const next = nextPeriod(start, group.granularity);
  if (group.type === 'date') return { from: start.slice(0, 10), to: next.slice(0, 10) };
  return group.tz ? { from: utcOf(start, group.tz), to: utcOf(next, group.tz) } : { from: start, to: next };
}

/** The rows with the missing periods added, in ascending order (groups without a date last). */
export function fillTemporal(rows: Row[], group: TemporalGroup, options: FillOptions | true): Row[] {
  const { fill_from: from, fill_to: to, min_groups: minGroups = 0 } = options === true ? {} : options;
  const dated = rows.filter((r) => r.g0 !== null && r.g0 !== undefined);
  const starts = dated.map((r) => String(r.g0)).sort();
  let first = starts[0];
  let last = starts[starts.length - 1];
  if (typeof from === 'string' && from) first = [periodStart(from, group.granularity), first].filter(Boolean).sort()[0];
  if (typeof to === 'string' && to) last = [periodStart(to, group.granularity), last].filter(Boolean).sort().reverse()[0];
  if (!first) return rows;
  last ??= first;
  const byStart = new Map(dated.map((r) => [String(r.g0), r]));
  const filled: Row[] = [];
  for (let start = first, n = 0; start <= last || n < Number(minGroups); start = nextPeriod(start, group.granularity), n++) {
    const range = bounds(group, start);
    filled.push(byStart.get(start) ?? { g0: start, g0_from: range.from, g0_to: range.to, __count: 0 });
    // A safety net against a malformed bound: no read_group needs more than this many periods.
    if (filled.length > 10000) break;
  }
  return [...filled, ...rows.filter((r) => r.g0 === null || r.g0 === undefined)];
}
