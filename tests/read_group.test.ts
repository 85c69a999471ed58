import t from 'tap';
import { testDb } from './helpers/db.ts';
import type { Env } from '../core/models/env.ts';
import type { Model, Values } from '../core/models/model.ts';
import type { Domain } from '../core/models/types.ts';

const db = await testDb(t, { modules: ['test_pipeline'] });

type StageKey = 'new' | 'qualified' | 'proposition' | 'won';
type TagKey = 'hot' | 'cold' | 'old';

interface Lead {
  id: number;
  stage: StageKey | null;
  user: 'alice' | 'zed';
  priority: string;
  probability: number;
  revenue: number;
  deadline: string | false;
  closed: string | false;
  won: boolean;
  tags: TagKey[];
  color: number;
}

interface Seeded {
  leads: Model;
  stages: Record<StageKey, number>;
  users: Record<'alice' | 'zed', number>;
  tags: Record<TagKey, number>;
  rows: Lead[];
}

// Dates chosen for the edges: ISO week 1 of 2026 starts in 2025, 2027-01-01 is in W53 2026,
// quarter and year boundaries.
const DEADLINES = ['2025-11-03', '2025-12-31', '2026-01-01', '2026-01-15', '2026-01-31', '2026-02-01', '2026-03-31', '2026-04-01', '2026-06-30', '2026-07-01', '2026-12-31', '2027-01-01', '2027-01-04'];
const CLOSED = ['2026-01-31 23:30:00', '2026-02-01 00:30:00', '2026-03-15 12:00:00', '2025-12-31 22:00:00', '2026-07-01 00:00:00'];
const STAGE_CYCLE: Array<StageKey | null> = ['new', 'qualified', 'proposition', 'won', null];

/** 30 active leads (and 3 archived ones that must never count), the seeded demo lead removed. */
async function seed(env: Env): Promise<Seeded> {
  const leads = env.model('test.lead');
  await leads.with_context({ active_test: false }).unlink(await leads.with_context({ active_test: false }).search([]));
  const stages: Record<StageKey, number> = {
    new: await env.refId('test_pipeline.stage_new'),
    qualified: await env.refId('test_pipeline.stage_qualified'),
    won: await env.refId('test_pipeline.stage_won'),
    // Created last but sorted before "Won": groups must follow the sequence, not the id.
    proposition: await env.model('test.stage').create({ name: 'Proposition', sequence: 3 }),
  };
  const [zed, alice] = await env.model('res.users').create([{ name: 'Zed', login: 'zed' }, { name: 'Alice', login: 'alice' }]);
  const [cold, old] = await env.model('test.tag').create([{ name: 'Cold' }, { name: 'Old', active: false }]);
  const tags: Record<TagKey, number> = { hot: await env.refId('test_pipeline.tag_hot'), cold, old };
  const rows: Lead[] = Array.from({ length: 30 }, (_, i) => ({
    id: 0,
    stage: STAGE_CYCLE[i % 5],
    user: i % 3 === 0 ? 'alice' : 'zed',
    priority: String(i % 4),
    probability: (i * 7) % 101,
    revenue: 1000 + 250 * i,
    deadline: i % 7 === 6 ? false : DEADLINES[i % DEADLINES.length],
    closed: i % 4 === 3 ? false : CLOSED[i % CLOSED.length],
    won: i % 4 === 0,
    tags: [...(i % 2 === 0 ? ['hot' as const] : []), ...(i % 3 === 0 ? ['cold' as const] : []), ...(i % 10 === 1 ? ['old' as const] : [])],
    color: i % 3,
  }));
  const users = { alice, zed };
  const ids = await leads.create(rows.map((r, i) => ({
    name: `Lead ${i}`, stage_id: r.stage ? stages[r.stage] : false, user_id: users[r.user], priority: r.priority,
    probability: r.probability, expected_revenue: r.revenue, date_deadline: r.deadline, date_closed: r.closed,
    won: r.won, tag_ids: r.tags.map((tag) => tags[tag]), color: r.color,
  })));
  ids.forEach((id, i) => { rows[i].id = id; });
  await leads.create([0, 1, 2].map((i) => ({
    name: `Archived ${i}`, active: false, stage_id: stages.new, user_id: alice, expected_revenue: 1_000_000,
    date_deadline: '2026-01-15', date_closed: '2026-01-31 23:30:00', tag_ids: [tags.hot], won: true,
  })));
  return { leads, stages, users, tags, rows };
}

const sum = <T>(rows: T[], pick: (r: T) => number) => rows.reduce((total, r) => total + pick(r), 0);
const ids = (rows: Values[], key: string) => rows.map((r) => (Array.isArray(r[key]) ? (r[key] as unknown[])[0] : r[key]));

async function cost(env: Env, fn: () => Promise<unknown>): Promise<number> {
  const before = env.cr.queryCount;
  await fn();
  return env.cr.queryCount - before;
}

t.test('groups by stage in the kanban order, with counts and sums', async (t) => {
  await db.rollback(async (env) => {
    const { leads, stages, rows } = await seed(env);
    const groups = await leads.read_group([], ['expected_revenue', 'probability:avg', 'name', 'stage_id'], ['stage_id']);
    const order: Array<StageKey | null> = ['new', 'qualified', 'proposition', 'won', null];
    t.same(ids(groups, 'stage_id'), order.map((s) => (s ? stages[s] : false)), 'stages by sequence, the empty stage last');
    t.same(groups.map((g) => g.stage_id), [[stages.new, 'New'], [stages.qualified, 'Qualified'], [stages.proposition, 'Proposition'], [stages.won, 'Won'], false]);
    for (const [i, stage] of order.entries()) {
      const members = rows.filter((r) => r.stage === stage);
      const g = groups[i];
      t.equal(g.stage_id_count, members.length, `count of ${stage}`);
      t.equal(g.expected_revenue, sum(members, (r) => r.revenue), `sum of ${stage}, archived leads excluded`);
      t.ok(Math.abs((g.probability as number) - sum(members, (r) => r.probability) / members.length) < 1e-9, `avg of ${stage}`);
      t.same(Object.keys(g).sort(), ['__domain', 'expected_revenue', 'probability', 'stage_id', 'stage_id_count'], 'no name, no __context, no __count');
    }
    t.same(groups[0].__domain, [['stage_id', '=', stages.new]]);
    t.same(groups[4].__domain, [['stage_id', '=', false]]);
    const filtered = await leads.read_group([['probability', '>=', 10], ['won', '=', false]], ['expected_revenue'], 'stage_id');
    t.same(filtered[0].__domain, ['&', '&', ['probability', '>=', 10], ['won', '=', false], ['stage_id', '=', stages.new]], 'the caller\'s domain (normalised) first, then the group');
    const all = await leads.with_context({ active_test: false }).read_group([], ['expected_revenue'], ['stage_id']);
    t.equal(all[0].stage_id_count, rows.filter((r) => r.stage === 'new').length + 3, 'active_test=false counts archived leads');
  });
});

t.test('lazy groups by the first group-by only; lazy=false by all of them', async (t) => {
  await db.rollback(async (env) => {
    const { leads, stages, users, rows } = await seed(env);
    const lazy = await leads.read_group([], ['expected_revenue'], ['stage_id', 'user_id']);
    t.equal(lazy.length, 5);
    t.same(lazy[0].__context, { group_by: ['user_id'] }, 'the remaining group-bys go to __context');
    t.notOk('user_id' in lazy[0]);
    const eager = await leads.read_group([['probability', '>', 0]], ['expected_revenue'], ['stage_id', 'user_id'], { lazy: false });
    const pairs = (['new', 'qualified', 'proposition', 'won', null] as const).flatMap((stage) => (['alice', 'zed'] as const)
      .map((user) => ({ stage, user, members: rows.filter((r) => r.stage === stage && r.user === user && r.probability > 0) }))
      .filter((p) => p.members.length));
    t.same(eager.map((g) => [g.stage_id ? (g.stage_id as unknown[])[1] : false, (g.user_id as unknown[])[1]]),
      pairs.map((p) => [p.stage ? { new: 'New', qualified: 'Qualified', proposition: 'Proposition', won: 'Won' }[p.stage] : false, p.user === 'alice' ? 'Alice' : 'Zed']),
      'stage by sequence, then users by name (Alice before Zed although created after)');
    t.same(eager.map((g) => g.__count), pairs.map((p) => p.members.length), 'the count is __count');
    t.same(eager.map((g) => g.expected_revenue), pairs.map((p) => sum(p.members, (r) => r.revenue)));
    t.notOk('__context' in eager[0]);
    t.notOk('stage_id_count' in eager[0]);
    t.same(eager[0].__domain, ['&', '&', ['probability', '>', 0], ['stage_id', '=', stages.new], ['user_id', '=', users.alice]]);
  });
});

t.test('date granularities: labels, ranges and order', async (t) => {
  await db.rollback(async (env) => {
    const { leads, rows } = await seed(env);
    const find = (groups: Values[], key: string, label: unknown) => groups.find((g) => g[key] === label)!;
    const count = (pred: (d: string) => boolean) => rows.filter((r) => r.deadline && pred(r.deadline)).length;

    const months = await leads.read_group([], [], ['date_deadline']);
    t.equal(months[0].date_deadline, 'November 2025', 'month by default, in date order');
    const january = find(months, 'date_deadline', 'January 2026');
    t.same(january.__range, { date_deadline: { from: '2026-01-01', to: '2026-02-01' } });
    t.equal(january.date_deadline_count, count((d) => d.startsWith('2026-01')));
    t.same(january.__domain, ['&', ['date_deadline', '>=', '2026-01-01'], ['date_deadline', '<', '2026-02-01']]);
    const empty = months[months.length - 1];
    t.same([empty.date_deadline, empty.__range, empty.__domain], [false, { date_deadline: false }, [['date_deadline', '=', false]]], 'the empty group comes last');
    t.equal(empty.date_deadline_count, rows.filter((r) => !r.deadline).length);

    const days = await leads.read_group([], [], ['date_deadline:day']);
    t.same(find(days, 'date_deadline:day', '31 Jan 2026').__range, { 'date_deadline:day': { from: '2026-01-31', to: '2026-02-01' } });
    t.equal(find(days, 'date_deadline:day', '31 Jan 2026').date_deadline_count, count((d) => d === '2026-01-31'), 'the count key drops the granularity');

    const weeks = await leads.read_group([], [], ['date_deadline:week']);
    const w1 = find(weeks, 'date_deadline:week', 'W1 2026');
    t.same(w1.__range, { 'date_deadline:week': { from: '2025-12-29', to: '2026-01-05' } }, 'ISO week 1 of 2026 starts on Monday 2025-12-29');
    t.equal(w1.date_deadline_count, count((d) => d === '2025-12-31' || d === '2026-01-01'));
    t.same(find(weeks, 'date_deadline:week', 'W53 2026').__range, { 'date_deadline:week': { from: '2026-12-28', to: '2027-01-04' } });
    t.ok(find(weeks, 'date_deadline:week', 'W1 2027'));
    t.ok(find(weeks, 'date_deadline:week', 'W5 2026'), '2026-01-31 is in W5 (unpadded, as Odoo)');

    const quarters = await leads.read_group([], [], ['date_deadline:quarter']);
    t.same(quarters.map((g) => g['date_deadline:quarter']), ['Q4 2025', 'Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026', 'Q1 2027', false]);
    t.same(find(quarters, 'date_deadline:quarter', 'Q1 2026').__range, { 'date_deadline:quarter': { from: '2026-01-01', to: '2026-04-01' } });
    t.equal(find(quarters, 'date_deadline:quarter', 'Q2 2026').date_deadline_count, count((d) => d >= '2026-04-01' && d < '2026-07-01'));

    const years = await leads.read_group([], ['expected_revenue'], ['date_deadline:year']);
    t.same(years.map((g) => g['date_deadline:year']), ['2025', '2026', '2027', false]);
    t.same(years[1].__range, { 'date_deadline:year': { from: '2026-01-01', to: '2027-01-01' } });
    t.equal(years[1].expected_revenue, sum(rows.filter((r) => r.deadline && r.deadline.startsWith('2026')), (r) => r.revenue));
  });
});

t.test('datetimes are grouped in UTC, or in the context timezone', async (t) => {
  await db.rollback(async (env) => {
    const { leads, rows } = await seed(env);
    const find = (groups: Values[], label: string) => groups.find((g) => g['date_closed:month'] === label)!;
    const utc = await leads.read_group([], [], ['date_closed:month']);
    t.same(find(utc, 'January 2026').__range, { 'date_closed:month': { from: '2026-01-01 00:00:00', to: '2026-02-01 00:00:00' } });
    t.equal(find(utc, 'January 2026').date_closed_count, rows.filter((r) => r.closed && r.closed.startsWith('2026-01')).length);

    const tokyo = await leads.with_context({ tz: 'Asia/Tokyo' }).read_group([], [], ['date_closed:month']);
    t.same(find(tokyo, 'February 2026').__range, { 'date_closed:month': { from: '2026-01-31 15:00:00', to: '2026-02-28 15:00:00' } }, 'local months, bounds in UTC');
    t.equal(find(tokyo, 'January 2026').date_closed_count, rows.filter((r) => r.closed === '2025-12-31 22:00:00').length, '22:00 UTC on Dec 31 is January in Tokyo');
    const brussels = await leads.with_context({ tz: 'Europe/Brussels' }).read_group([], [], ['date_closed:month']);
    t.same(find(brussels, 'March 2026').__range, { 'date_closed:month': { from: '2026-02-28 23:00:00', to: '2026-03-31 22:00:00' } }, 'the daylight saving change inside March moves the end bound');
    for (const groups of [utc, tokyo, brussels]) {
      for (const g of groups) t.equal(await leads.search_count(g.__domain as Domain), g.date_closed_count, `search_count(__domain) of ${String(g['date_closed:month'])}`);
    }
    const bogus = await leads.with_context({ tz: 'Mars/Olympus' }).read_group([], [], ['date_closed:month']);
    t.same(bogus, utc, 'an unknown timezone is ignored, as in Odoo');
    const hours = await leads.read_group([['date_closed', '=', '2026-01-31 23:30:00']], [], ['date_closed:hour']);
    t.same([hours[0]['date_closed:hour'], hours[0].__range], ['11:00 31 Jan', { 'date_closed:hour': { from: '2026-01-31 23:00:00', to: '2026-02-01 00:00:00' } }]);
  });
});

t.test('searching with each group\'s __domain finds exactly its records', async (t) => {
  await db.rollback(async (env) => {
    const { leads } = await seed(env);
    const base: Domain = ['|', ['probability', '>=', 20], ['won', '=', true]];
    const cases: Array<[string[], boolean]> = [
      [['stage_id'], true], [['user_id'], true], [['priority'], true], [['won'], true], [['tag_ids'], true],
      [['color'], true], [['id'], true], [['date_deadline:week'], true], [['date_closed:quarter'], true],
      [['stage_id', 'date_deadline:year'], false], [['tag_ids', 'won', 'user_id'], false],
    ];
    for (const [groupby, lazy] of cases) {
      for (const domain of [[], base] as Domain[]) {
        const groups = await leads.read_group(domain, [], groupby, { lazy });
        const countKey = lazy ? `${groupby[0].split(':')[0]}_count` : '__count';
        t.ok(groups.length > 1, `${groupby.join(', ')}: several groups`);
        for (const g of groups) {
          t.equal(await leads.search_count(g.__domain as Domain), g[countKey], `${groupby.join(', ')} ${JSON.stringify(groupby.map((k) => g[k]))}${domain.length ? ' with a domain' : ''}`);
        }
      }
    }
  });
});

t.test('aggregates: default, explicit, named; non-aggregatable fields ignored', async (t) => {
  await db.rollback(async (env) => {
    const { leads, stages, rows } = await seed(env);
    const fields = [
      'expected_revenue', 'color', 'name', 'stage_id', 'date_deadline', 'won', 'id', 'probability:avg', 'probability:min', 'probability:max',
      'user_id:count_distinct', 'id:count', 'total:sum(expected_revenue)', 'won:bool_or', 'all_won:bool_and(won)',
      'id:array_agg', 'last_deadline:max(date_deadline)', 'first_closed:min(date_closed)', '__count',
    ];
    const groups = await leads.read_group([], fields, ['stage_id']);
    const won = groups.find((g) => (g.stage_id as unknown[])?.[0] === stages.won)!;
    const members = rows.filter((r) => r.stage === 'won');
    t.same(Object.keys(won).sort(), [
      '__domain', 'all_won', 'color', 'expected_revenue', 'first_closed', 'id', 'last_deadline', 'probability', 'stage_id', 'stage_id_count', 'total', 'user_id', 'won',
    ], 'name, date_deadline and many2ones are not aggregated; "won" and "id" only as asked');
    t.equal(won.expected_revenue, sum(members, (r) => r.revenue));
    t.equal(won.total, won.expected_revenue, 'named aggregate');
    t.equal(won.color, sum(members, (r) => r.color), 'integers sum by default');
    t.equal(won.probability, Math.max(...members.map((r) => r.probability)), 'the last spec of a key wins, as in Odoo');
    t.equal(won.user_id, new Set(members.map((r) => r.user)).size);
    t.same(won.id, members.map((r) => r.id), 'array_agg in id order (id:count is overridden by the later id:array_agg)');
    t.equal(won.won, members.some((r) => r.won));
    t.equal(won.all_won, members.every((r) => r.won));
    t.equal(won.last_deadline, members.map((r) => r.deadline).filter(Boolean).sort().pop());
    t.equal(won.first_closed, members.map((r) => r.closed).filter(Boolean).sort()[0]);

    const [avg] = await leads.read_group([['stage_id', '=', stages.new]], ['probability:avg', 'probability:min', 'id:count', 'date_deadline:array_agg'], ['stage_id']);
    const news = rows.filter((r) => r.stage === 'new');
    t.equal(avg.probability, Math.min(...news.map((r) => r.probability)), 'probability:min replaces probability:avg under the same key');
    t.equal(avg.id, news.length);
    t.same(avg.date_deadline, news.map((r) => r.deadline || null), 'array_agg of dates gives date strings');

    const [total] = await leads.read_group([], ['expected_revenue', 'probability:max'], []);
    t.same(total, { __count: rows.length, expected_revenue: sum(rows, (r) => r.revenue), probability: Math.max(...rows.map((r) => r.probability)), __domain: [] }, 'no group-by: one group of everything');
    const [nothing] = await leads.read_group([['id', '=', -1]], ['expected_revenue', 'probability:avg', 'id:array_agg'], []);
    t.same(nothing, { __count: 0, expected_revenue: false, probability: false, id: [], __domain: [['id', '=', -1]] }, 'empty aggregates are false (counts 0, arrays [])');
    const byProbability = await leads.read_group([], ['probability'], ['probability']);
    for (const g of byProbability) t.equal(g.probability_count, rows.filter((r) => r.probability === g.probability).length, `a grouped field keeps its group value (${g.probability})`);
  });
});

t.test('many2many group-by: a record is in the group of each of its tags', async (t) => {
  await db.rollback(async (env) => {
    const { leads, tags, rows } = await seed(env);
    const groups = await leads.read_group([], ['expected_revenue'], ['tag_ids']);
    t.same(groups.map((g) => g.tag_ids), [[tags.hot, 'Hot'], [tags.cold, 'Cold'], [tags.old, 'Old'], false], 'tags in their order (id), archived tags too, then no tag');
    for (const [i, tag] of (['hot', 'cold', 'old', null] as const).entries()) {
      const members = rows.filter((r) => (tag ? r.tags.includes(tag) : !r.tags.length));
      t.equal(groups[i].tag_ids_count, members.length, `count of ${tag}`);
      t.equal(groups[i].expected_revenue, sum(members, (r) => r.revenue), `sum of ${tag}`);
    }
    t.ok(sum(groups, (g) => g.tag_ids_count as number) > rows.length, 'leads with two tags count twice');
    const eager = await leads.read_group([], [], ['stage_id', 'tag_ids'], { lazy: false });
    t.equal(sum(eager, (g) => g.__count as number), rows.reduce((n, r) => n + Math.max(1, r.tags.length), 0));
  });
});

t.test('orderby, offset and limit apply to the groups', async (t) => {
  await db.rollback(async (env) => {
    const { leads, stages, rows } = await seed(env);
    const revenue = (stage: StageKey | null) => sum(rows.filter((r) => r.stage === stage), (r) => r.revenue);
    const byRevenue = ([...STAGE_CYCLE]).sort((a, b) => revenue(b) - revenue(a)).map((s) => (s ? stages[s] : false));
    const desc = await leads.read_group([], ['expected_revenue'], ['stage_id'], { orderby: 'expected_revenue desc' });
    t.same(ids(desc, 'stage_id'), byRevenue, 'ordered by an aggregate');
    t.same(desc.map((g) => g.expected_revenue), [...desc.map((g) => g.expected_revenue as number)].sort((a, b) => b - a));
    const kanban = [stages.new, stages.qualified, stages.proposition, stages.won];
    t.same(ids(await leads.read_group([], [], ['stage_id'], { orderby: 'stage_id desc' }), 'stage_id'), [false, ...[...kanban].reverse()], 'stage_id desc reverses the sequence (NULL first, as PostgreSQL)');
    t.same(ids(await leads.read_group([], [], ['stage_id'], { orderby: 'stage_id desc nulls last' }), 'stage_id'), [...[...kanban].reverse(), false]);
    const byCount = await leads.read_group([['probability', '>', 30]], [], ['stage_id'], { orderby: 'stage_id_count desc, stage_id' });
    t.same(byCount.map((g) => g.stage_id_count), [...byCount.map((g) => g.stage_id_count as number)].sort((a, b) => b - a), 'ordered by the count');
    const ascending = await leads.read_group([], [], ['stage_id'], { orderby: '__count, stage_id' });
    t.same(ascending.map((g) => g.stage_id_count), [...ascending.map((g) => g.stage_id_count as number)].sort((a, b) => a - b), '__count names the count too');
    const byMax = await leads.read_group([], [], ['user_id'], { orderby: 'probability:max desc' });
    const maxOf = (user: 'alice' | 'zed') => Math.max(...rows.filter((r) => r.user === user).map((r) => r.probability));
    t.same(byMax.map((g) => (g.user_id as unknown[])[1]), maxOf('alice') >= maxOf('zed') ? ['Alice', 'Zed'] : ['Zed', 'Alice'], 'an aggregate not in fields');
    const page = await leads.read_group([], ['expected_revenue'], ['stage_id'], { orderby: 'expected_revenue desc', offset: 1, limit: 2 });
    t.same(ids(page, 'stage_id'), byRevenue.slice(1, 3), 'offset and limit count groups');
    t.same(await leads.read_group([], [], ['stage_id'], { limit: 0 }), []);
    const priorities = await leads.read_group([], [], ['priority'], { orderby: 'priority desc' });
    t.same(priorities.map((g) => g.priority), ['3', '2', '1', '0'], 'a selection is grouped by key');
    const dates = await leads.read_group([], [], ['date_deadline:year'], { orderby: 'date_deadline desc' });
    t.same(dates.map((g) => g['date_deadline:year']), [false, '2027', '2026', '2025'], 'a date group-by ordered by its field name');
    const byId = await leads.read_group([['id', 'in', [rows[1].id, rows[0].id]]], [], ['id']);
    t.same(byId.map((g) => g.id), [[rows[0].id, 'Lead 0'], [rows[1].id, 'Lead 1']], 'grouping by id names the records, as Odoo does');
    const booleans = await leads.read_group([], [], ['won']);
    t.same(booleans.map((g) => [g.won, g.won_count]), [[false, rows.filter((r) => !r.won).length], [true, rows.filter((r) => r.won).length]]);
  });
});

t.test('bad input gives clear errors', async (t) => {
  await db.rollback(async (env) => {
    const leads = env.model('test.lead');
    await t.rejects(leads.read_group([], [], ['nope']), { code: 'ERP_UNKNOWN_FIELD', message: /"nope" on model "test.lead"/ });
    await t.rejects(leads.read_group([], ['nope'], ['stage_id']), { code: 'ERP_UNKNOWN_FIELD', message: /"nope"/ });
    await t.rejects(leads.read_group([], ['x:sum(nope)'], ['stage_id']), { code: 'ERP_UNKNOWN_FIELD', message: /"nope"/ });
    await t.rejects(leads.read_group([], ['probability:median'], ['stage_id']), { code: 'ERP_INVALID_GROUP_SPEC', message: /"probability:median".*unknown aggregate "median"/ });
    await t.rejects(leads.read_group([], ['name:sum'], ['stage_id']), { code: 'ERP_INVALID_GROUP_SPEC', message: /"sum" needs a number, and "name" is char/ });
    await t.rejects(leads.read_group([], ['probability:bool_and'], ['stage_id']), { code: 'ERP_INVALID_GROUP_SPEC', message: /needs a boolean/ });
    await t.rejects(leads.read_group([], ['name_upper:max'], ['stage_id']), { code: 'ERP_INVALID_GROUP_SPEC', message: /"name_upper" has no column/ });
    await t.rejects(leads.read_group([], ['sum(probability)'], ['stage_id']), { code: 'ERP_INVALID_GROUP_SPEC', message: /expected "field"/ });
    await t.rejects(leads.read_group([], [], ['date_deadline:decade']), { code: 'ERP_INVALID_GROUP_SPEC', message: /unknown granularity "decade"/ });
    await t.rejects(leads.read_group([], [], ['date_deadline:hour']), { code: 'ERP_INVALID_GROUP_SPEC', message: /no hours/ });
    await t.rejects(leads.read_group([], [], ['stage_id:month']), { code: 'ERP_INVALID_GROUP_SPEC', message: /granularity only applies to date/ });
    await t.rejects(leads.read_group([], [], ['name_upper']), { code: 'ERP_INVALID_GROUP_SPEC', message: /non-stored field "name_upper"/ });
    await t.rejects(leads.read_group([], [], ['line_ids']), { code: 'ERP_INVALID_GROUP_SPEC', message: /one2many/ });
    await t.rejects(leads.read_group([], [], ['stage_id'], { orderby: 'name' }), { code: 'ERP_INVALID_ORDER', message: /"name" is neither a group-by nor an aggregate/ });
    await t.rejects(leads.read_group([], [], ['stage_id'], { orderby: 'stage_id; drop table x' }), { code: 'ERP_INVALID_ORDER' });
    await t.rejects(leads.read_group([], [], ['stage_id'], { limit: -1 }), { code: 'ERP_INVALID_GROUP_SPEC', message: /limit/ });
    await t.rejects(leads.read_group([['nope', '=', 1]], [], ['stage_id']), { code: 'ERP_UNKNOWN_FIELD' });
  });
});

t.test('values reach SQL as parameters only', async (t) => {
  await db.rollback(async (env) => {
    const { leads } = await seed(env);
    const seen: string[] = [];
    const cr = env.cr as unknown as { query: (sql: string, params?: unknown[]) => Promise<unknown[]> };
    const original = cr.query.bind(cr);
    cr.query = (sql, params) => { seen.push(sql); return original(sql, params); };
    try {
      await leads.with_context({ tz: "Europe/Brussels'; --" }).read_group([['name', 'like', "O'Brien"]], ['expected_revenue'], ['date_closed:week', 'stage_id'], { lazy: false });
      await leads.with_context({ tz: 'Asia/Tokyo' }).read_group([], [], ['date_closed:week']);
    } finally {
      cr.query = original;
    }
    t.notOk(seen.some((sql) => /O'Brien|Tokyo|week'|'7 days'/.test(sql)), 'names, timezones, granularities and intervals are parameters');
  });
});

t.test('the number of queries does not depend on the number of groups or records', async (t) => {
  await db.rollback(async (env) => {
    const leads = env.model('test.lead');
    const one = await cost(env, () => leads.read_group([], ['expected_revenue'], ['stage_id']));
    await seed(env);
    const many = await cost(env, () => leads.read_group([], ['expected_revenue'], ['stage_id']));
    t.ok(many <= 2, `read_group by stage with a sum: ${many} queries`);
    t.equal(many, one, 'the same with 1 lead and with 30');
    const eager = await cost(env, () => leads.read_group([], ['expected_revenue', 'probability:avg'], ['stage_id', 'user_id', 'date_deadline:week', 'tag_ids'], { lazy: false }));
    t.ok(eager <= 4, `four group-bys, three of them relational: ${eager} queries`);
    const dates = await cost(env, () => leads.read_group([], ['expected_revenue'], ['date_deadline:day'], { lazy: false }));
    t.equal(dates, 1, 'a date group-by needs no name query');
  });
});
