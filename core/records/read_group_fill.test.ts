// fill_temporal: the empty periods between read_group's date groups, and up to fill_from, fill_to
// and min_groups, with the bounds the SQL would give them (dates, and datetimes in a time zone
// across a daylight saving change).

import t from 'tap';
import { fillTemporal, nextPeriod, periodStart } from './read_group_fill.ts';

const row = (start: string, count: number) => ({ g0: start, g0_from: 'x', g0_to: 'y', __count: count });

t.test('months between the groups, from fill_from, at least min_groups', async (t) => {
  const rows = [row('2025-03-01 00:00:00', 2), row('2025-05-01 00:00:00', 1), { g0: null, __count: 4 }];
  const filled = fillTemporal(rows, { granularity: 'month', type: 'date', tz: null }, { fill_from: '2025-02-14', min_groups: 6 });
  t.same(filled.map((r) => [r.g0, r.__count]), [
    ['2025-02-01 00:00:00', 0], ['2025-03-01 00:00:00', 2], ['2025-04-01 00:00:00', 0], ['2025-05-01 00:00:00', 1],
    ['2025-06-01 00:00:00', 0], ['2025-07-01 00:00:00', 0], [null, 4],
  ], 'February (fill_from) to July (six periods), the group without a date last');
  t.same([filled[2].g0_from, filled[2].g0_to], ['2025-04-01', '2025-05-01'], 'a filled month of a date field has date bounds');
  t.equal(filled[1], rows[0], 'existing groups are kept as they are');
  t.same(fillTemporal([], { granularity: 'month', type: 'date', tz: null }, true), [], 'nothing to fill without groups or fill_from');
  t.same(fillTemporal([], { granularity: 'year', type: 'date', tz: null }, { fill_from: '2024-06-30', fill_to: '2026-01-01' }).map((r) => r.g0),
    ['2024-01-01 00:00:00', '2025-01-01 00:00:00', '2026-01-01 00:00:00'], 'fill_from and fill_to alone make the periods');
});

t.test('periods start where date_trunc starts them', async (t) => {
  t.equal(periodStart('2025-01-01', 'week'), '2024-12-30 00:00:00', 'ISO weeks start on Monday');
  t.equal(periodStart('2025-08-17 13:45:00', 'quarter'), '2025-07-01 00:00:00');
  t.equal(nextPeriod('2025-01-01 00:00:00', 'month'), '2025-02-01 00:00:00', 'the next month');
  t.equal(nextPeriod('2025-12-01 00:00:00', 'month'), '2026-01-01 00:00:00', 'across the year');
  t.equal(nextPeriod('2025-11-01 00:00:00', 'quarter'), '2026-02-01 00:00:00');
});

t.test('datetimes: the bounds of local periods in UTC, daylight saving included', async (t) => {
  const rows = [row('2025-03-24 00:00:00', 1), row('2025-04-07 00:00:00', 1)];
  const filled = fillTemporal(rows, { granularity: 'week', type: 'datetime', tz: 'Europe/Paris' }, true);
  t.same(filled[1], { g0: '2025-03-31 00:00:00', g0_from: '2025-03-30 22:00:00', g0_to: '2025-04-06 22:00:00', __count: 0 },
    'the week after the change starts at 22:00 UTC (Paris is UTC+2 from March 30)');
  const days = fillTemporal([row('2025-03-29 00:00:00', 1), row('2025-03-31 00:00:00', 1)], { granularity: 'day', type: 'datetime', tz: 'Europe/Paris' }, true);
  t.same([days[1].g0_from, days[1].g0_to], ['2025-03-29 23:00:00', '2025-03-30 22:00:00'], 'the short day of the change lasts 23 hours');
  const utc = fillTemporal([row('2025-01-01 00:00:00', 1), row('2025-01-03 00:00:00', 1)], { granularity: 'day', type: 'datetime', tz: null }, true);
  t.same([utc[1].g0_from, utc[1].g0_to], ['2025-01-02 00:00:00', '2025-01-03 00:00:00'], 'without a time zone, UTC');
});
