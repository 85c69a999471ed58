// The CRM reports, through the records API on known data: the pipeline analysis (read_group by
// stage and month of creation, prorated revenue, average probability), won/lost with the archived
// lost opportunities, the activity analysis (crm.activity.report, a SQL view of done and planned
// activities: read-only, its rows, states and record rules), the forecast by month of expected
// closing with the empty months filled in, the teams' forecast against their target, and the view
// dropped at uninstall.

import t from 'tap';
import { testDb } from '../../../tests/helpers/db.ts';
import type { Env } from '../../../core/models/env.ts';
import type { Model } from '../../../core/models/model.ts';
import type { Domain } from '../../../core/models/types.ts';
import type { CrmLead } from '../models/lead.ts';

const db = await testDb(t, { modules: ['crm'] });

type Activities = Model & { activity_schedule(ids: number[], options: Record<string, unknown>): Promise<number[]> };
type Feedback = Model & { action_feedback(ids: number[], feedback?: string): Promise<number | false> };

const m2o = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Today and month starts as PostgreSQL sees them (UTC), which the view and the dashboard use. */
async function calendar(env: Env) {
  const [row] = await env.cr.query<{ today: string }>("SELECT to_char((now() AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS today");
  const today = new Date(`${row.today}T00:00:00Z`);
  const month = (n: number) => iso(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + n, 1)));
  const day = (n: number) => iso(new Date(today.getTime() + n * 86_400_000));
  return { today: row.today, month, day };
}

/**
 * Two teams and six records: four opportunities in play or won, one lost (archived), one lead.
 * Created in January, February and March 2024 (create_date set in SQL: it is not writable).
 */
async function seed(env: Env) {
  const { month } = await calendar(env);
  const sudo = env.sudo();
  const admin = await env.refId('base.user_admin');
  const sales = await env.refId('crm.team_sales_department');
  const stage = (n: number) => env.refId(`crm.stage_lead${n}`);
  const marc = await sudo.model('res.users').create({ name: 'Marc Demo', login: 'marc', groups_id: [[6, 0, [await env.refId('crm.group_sale_salesman')]]] });
  const europe = await sudo.model('crm.team').create({ name: 'Europe', user_id: marc, invoiced_target: 30000 });
  await sudo.model('crm.team').write(sales, { invoiced_target: 5000 });
  const [iran, france] = await Promise.all([env.refId('base.ir'), env.refId('base.fr')]);
  const leads = env.withUser(admin).model<CrmLead>('crm.lead');
  const base = { type: 'opportunity', user_id: admin, team_id: sales };
  const [a, b, c, d, e, f] = await leads.create([
    { ...base, name: 'A chairs', stage_id: await stage(1), expected_revenue: 10000, probability: 10, country_id: iran, date_deadline: month(0) },
    { ...base, name: 'B desks', stage_id: await stage(2), expected_revenue: 20000, probability: 50, country_id: iran, date_deadline: month(1) },
    { ...base, name: 'C lobby', stage_id: await stage(3), expected_revenue: 30000, probability: 70, country_id: france, user_id: marc, team_id: europe, date_deadline: month(0) },
    { ...base, name: 'D sofas', stage_id: await stage(4), expected_revenue: 5000, country_id: france },
    { ...base, name: 'E lamps', stage_id: await stage(2), expected_revenue: 8000, probability: 30, date_deadline: month(0) },
    { type: 'lead', name: 'F enquiry', user_id: admin, team_id: sales, expected_revenue: 1000, probability: 5 },
  ]);
  await leads.action_set_lost([e], { lost_reason_id: await env.refId('crm.lost_reason_1') });
  const created: Array<[number, string]> = [[a, '2024-01-15'], [b, '2024-01-20'], [c, '2024-02-10'], [d, '2024-02-11'], [e, '2024-02-12'], [f, '2024-03-01']];
  await env.cr.execute(`UPDATE crm_lead SET create_date = v.d::timestamp FROM unnest($1::int4[], $2::text[]) AS v(i, d) WHERE crm_lead.id = v.i`,
    [created.map(([id]) => id), created.map(([, date]) => `${date} 10:00:00`)]);
  return { admin, marc, sales, europe, ids: { a, b, c, d, e, f } };
}

t.test('pipeline analysis: by stage and month of creation, revenues, average probability', async (t) => {
  await db.rollback(async (env) => {
    const { ids } = await seed(env);
    const leads = env.model('crm.lead').with_context({ active_test: false });
    const pipeline: Domain = [['type', '=', 'opportunity'], ['active', '=', true]];
    const byStage = await leads.read_group(pipeline, ['expected_revenue', 'prorated_revenue', 'probability', 'recurring_revenue_monthly'], ['stage_id']);
    t.same(byStage.map((g) => [(g.stage_id as [number, string])[1], g.stage_id_count, g.expected_revenue, g.prorated_revenue, g.probability]), [
      ['New', 1, 10000, 1000, 10],
      ['Qualified', 1, 20000, 10000, 50],
      ['Proposition', 1, 30000, 21000, 70],
      ['Won', 1, 5000, 5000, 100],
    ], 'count, expected and prorated revenue by stage; the probability is averaged');
    const [all] = await leads.read_group(pipeline, ['probability'], []);
    t.equal(all.probability, (10 + 50 + 70 + 100) / 4, 'the probability of all opportunities together is their average, not their sum');

    const cells = await leads.read_group(pipeline, ['expected_revenue'], ['stage_id', 'create_date:month'], { lazy: false });
    t.same(cells.map((g) => [(g.stage_id as [number, string])[1], g['create_date:month'], g.__count, g.expected_revenue]), [
      ['New', 'January 2024', 1, 10000],
      ['Qualified', 'January 2024', 1, 20000],
      ['Proposition', 'February 2024', 1, 30000],
      ['Won', 'February 2024', 1, 5000],
    ], 'the pivot\'s cells: rows by stage, columns by month of creation');

    const byTeam = await leads.read_group(pipeline, ['prorated_revenue'], ['team_id']);
    t.same(byTeam.map((g) => [(g.team_id as [number, string])[1], g.team_id_count, g.prorated_revenue]), [['Sales', 3, 16000], ['Europe', 1, 21000]], 'by team');
    const byCountry = await leads.read_group(pipeline, [], ['country_id']);
    t.same(byCountry.map((g) => [(g.country_id as [number, string])[1], g.country_id_count]), [['France', 2], ['Iran', 2]], 'by country');

    const lost = await leads.search([['active', '=', false], ['probability', '=', 0]]);
    t.same(lost, [ids.e], 'the Lost filter finds the archived lost opportunity (active_test off)');
    const leadsOnly = await leads.read_group([['type', '=', 'lead']], [], ['create_date:month']);
    t.same(leadsOnly.map((g) => [g['create_date:month'], g['create_date_count']]), [['March 2024', 1]], 'the leads analysis');
  });
});

t.test('won/lost analysis counts the archived lost opportunities, by lost reason', async (t) => {
  await db.rollback(async (env) => {
    await seed(env);
    const leads = env.model('crm.lead').with_context({ active_test: false });
    const closed: Domain = [['won_status', 'in', ['won', 'lost']]];
    const byStatus = await leads.read_group(closed, ['expected_revenue'], ['won_status']);
    t.same(byStatus.map((g) => [g.won_status, g.won_status_count, g.expected_revenue]), [['lost', 1, 8000], ['won', 1, 5000]]);
    const byReason = await leads.read_group(closed, ['expected_revenue'], ['won_status', 'lost_reason_id'], { lazy: false });
    t.same(byReason.map((g) => [g.won_status, m2o(g.lost_reason_id) && (g.lost_reason_id as [number, string])[1], g.__count]),
      [['lost', 'Too expensive', 1], ['won', false, 1]], 'the lost reason of each');
    const active = await env.model('crm.lead').read_group(closed, [], ['won_status']);
    t.same(active.map((g) => g.won_status), ['won'], 'without active_test off, the lost one would be missing');
  });
});

t.test('crm.activity.report: done and planned activities of leads, with their state', async (t) => {
  await db.rollback(async (env) => {
    const { admin, marc, ids } = await seed(env);
    const { day } = await calendar(env);
    const leads = env.withUser(admin).model<Activities>('crm.lead');
    const [overdue] = await leads.activity_schedule([ids.a], { activity_type: 'mail.mail_activity_data_call', summary: 'Call back', date_deadline: day(-2), user_id: admin });
    const [today] = await leads.activity_schedule([ids.b], { activity_type: 'mail.mail_activity_data_email', summary: 'Send the quote', date_deadline: day(0), user_id: admin });
    const [later] = await leads.activity_schedule([ids.c], { activity_type: 'mail.mail_activity_data_meeting', summary: 'Visit', date_deadline: day(5), user_id: marc });
    const [done] = await leads.activity_schedule([ids.a], { activity_type: 'mail.mail_activity_data_todo', summary: 'Prepare', date_deadline: day(-1), user_id: admin });
    const message = await env.withUser(admin).model<Feedback>('mail.activity').action_feedback([done], 'Prepared');
    t.ok(message, 'one activity is done');
    // Other chatter messages (tracking, notes) are no activities.
    await env.withUser(admin).model<Model & { message_post(ids: number[], v: Record<string, unknown>): Promise<unknown> }>('crm.lead').message_post([ids.a], { body: 'A note' });

    const report = env.withUser(admin).model('crm.activity.report');
    const rows = await report.search_read([], ['state', 'date_deadline', 'mail_activity_type_id', 'summary', 'lead_id', 'activity_user_id', 'user_id', 'team_id', 'stage_id', 'lead_type', 'author_id'], { order: 'id' });
    const type = async (xmlid: string) => env.refId(xmlid);
    const adminPartner = m2o((await env.model('res.users').read(admin, ['partner_id']))[0].partner_id);
    t.same(rows.map((r) => [r.id, r.state, r.date_deadline, m2o(r.mail_activity_type_id), r.summary, m2o(r.lead_id), m2o(r.activity_user_id), m2o(r.team_id), r.lead_type]).sort((x, y) => Number(x[0]) - Number(y[0])), [
      [(message as number) * 2, 'done', false, await type('mail.mail_activity_data_todo'), 'To-Do done: Prepare', ids.a, admin, m2o((await env.model('crm.lead').read(ids.a, ['team_id']))[0].team_id), 'opportunity'],
      [overdue * 2 + 1, 'overdue', day(-2), await type('mail.mail_activity_data_call'), 'Call back', ids.a, admin, m2o((await env.model('crm.lead').read(ids.a, ['team_id']))[0].team_id), 'opportunity'],
      [today * 2 + 1, 'today', day(0), await type('mail.mail_activity_data_email'), 'Send the quote', ids.b, admin, m2o((await env.model('crm.lead').read(ids.b, ['team_id']))[0].team_id), 'opportunity'],
      [later * 2 + 1, 'planned', day(5), await type('mail.mail_activity_data_meeting'), 'Visit', ids.c, marc, m2o((await env.model('crm.lead').read(ids.c, ['team_id']))[0].team_id), 'opportunity'],
    ].sort((x, y) => Number(x[0]) - Number(y[0])), 'one row per done activity (even id) and per planned one (odd id), with its lead\'s data');
    t.equal(m2o(rows.find((r) => r.state === 'done')!.author_id), adminPartner, 'the done one names who did it');

    const byState = await report.read_group([], [], ['state']);
    t.same(Object.fromEntries(byState.map((g) => [g.state, g.state_count])), { done: 1, overdue: 1, today: 1, planned: 1 }, 'grouped by state');
    const byType = await report.read_group([['state', '!=', 'done']], ['probability'], ['activity_user_id']);
    t.same(byType.map((g) => [m2o(g.activity_user_id), g.activity_user_id_count, g.probability]), [[admin, 2, 30], [marc, 1, 70]],
      'by assignee, the probability of their leads averaged');

    // Marc, a salesperson, sees the activities of his own and unassigned leads only.
    const asMarc = await env.withUser(marc).model('crm.activity.report').search_read([], ['lead_id']);
    t.same(asMarc.map((r) => m2o(r.lead_id)), [ids.c], 'record rules apply to the report');

    await t.rejects(report.create({ summary: 'x' }), { code: 'ERP_READONLY_MODEL', message: /crm\.activity\.report.*read-only.*create/ }, 'no create');
    await t.rejects(report.write([rows[0].id], { summary: 'x' }), { code: 'ERP_READONLY_MODEL', message: /write/ }, 'no write');
    await t.rejects(report.sudo().unlink([rows[0].id]), { code: 'ERP_READONLY_MODEL', message: /unlink/ }, 'no unlink, even as superuser');

    // The activities of a lost (archived) opportunity leave the report, as the opportunity leaves the pipeline.
    await env.model<CrmLead>('crm.lead').action_set_lost([ids.c]);
    t.equal(await report.search_count([]), 3, 'archived leads\' activities are hidden by default');
    t.equal(await report.with_context({ active_test: false }).search_count([]), 4, 'and shown with active_test off');
  });
});

t.test('forecast: open opportunities by month of expected closing, empty months filled, prorated sums', async (t) => {
  await db.rollback(async (env) => {
    const { sales, europe } = await seed(env);
    const { month } = await calendar(env);
    const leads = env.model('crm.lead').with_context({ fill_temporal: { fill_from: month(0), min_groups: 4 } });
    const forecast: Domain = [['type', '=', 'opportunity'], ['won_status', '=', 'pending'], ['date_deadline', '!=', false], ['date_deadline', '>=', month(0)]];
    const groups = await leads.read_group(forecast, ['prorated_revenue:sum'], ['date_deadline:month']);
    const label = (n: number) => new Date(`${month(n)}T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    t.same(groups.map((g) => [g['date_deadline:month'], g.date_deadline_count, g.prorated_revenue]), [
      [label(0), 2, 22000],
      [label(1), 1, 10000],
      [label(2), 0, false],
      [label(3), 0, false],
    ], 'this month (A and C), next month (B), and two empty months to reach four columns');
    t.same((groups[2].__range as Record<string, unknown>)['date_deadline:month'], { from: month(2), to: month(3) }, 'an empty month has its bounds');
    t.same((groups[2].__domain as unknown[]).slice(-3), ['&', ['date_deadline', '>=', month(2)], ['date_deadline', '<', month(3)]], 'and a domain');
    t.equal(await env.model('crm.lead').search_count(groups[2].__domain as never), 0, 'which finds nothing');
    const plain = await env.model('crm.lead').read_group(forecast, ['prorated_revenue:sum'], ['date_deadline:month']);
    t.equal(plain.length, 2, 'without fill_temporal, only the months with opportunities');

    const byTeam = await leads.read_group(forecast, ['prorated_revenue:sum'], ['team_id']);
    t.same(byTeam.map((g) => [m2o(g.team_id), g.team_id_count, g.prorated_revenue]), [[sales, 2, 11000], [europe, 1, 21000]], 'the forecast by team');

    // This month's forecast of each team, next to its target.
    const teams = await env.model('crm.team').read([sales, europe], ['forecast_prorated_revenue', 'invoiced_target']);
    t.same(teams.map((r) => [r.forecast_prorated_revenue, r.invoiced_target]), [[1000, 5000], [21000, 30000]],
      'Sales expects 1,000 this month (the lost one does not count), Europe 21,000');
    const before = env.cr.queryCount;
    await env.model('crm.team').read([sales], ['forecast_prorated_revenue']);
    const one = env.cr.queryCount - before;
    const all = await env.model('crm.team').sudo().create(Array.from({ length: 20 }, (_, i) => ({ name: `Team ${i}` })));
    const start = env.cr.queryCount;
    await env.model('crm.team').read([sales, ...all], ['forecast_prorated_revenue']);
    t.equal(env.cr.queryCount - start, one, 'one query whatever the number of teams');
  });
});

t.test('the report\'s SQL view follows the module: upgrade recreates it, uninstall drops it', { timeout: 300000 }, async (t) => {
  const exists = () => db.commit(async (env) => (await env.cr.query<{ t: string | null }>("SELECT to_regclass('crm_activity_report')::text AS t"))[0].t);
  const kind = () => db.commit(async (env) => (await env.cr.query<{ k: string }>("SELECT relkind::text AS k FROM pg_class WHERE relname = 'crm_activity_report'"))[0]?.k);
  t.equal(await kind(), 'v', 'installed: a view');
  await db.modules.upgrade(['crm']);
  t.equal(await kind(), 'v', 'upgraded: the view is there');
  t.equal(await db.commit((env) => env.model('crm.activity.report').search_count([])), 0, 'and reads');
  const plan = await db.modules.uninstall(['crm'], { dryRun: true });
  t.same(plan.views, ['crm_activity_report'], 'the removal plan lists it');
  t.notOk(plan.tables.includes('crm_activity_report'), 'as a view, not a table');
  await db.modules.uninstall(['crm']);
  t.equal(await exists(), null, 'uninstalled: the view is gone');
  t.equal(await db.commit(async (env) => (await env.cr.query<{ n: number }>("SELECT count(*)::int AS n FROM ir_model WHERE model = 'crm.activity.report'"))[0].n), 0, 'with its model');
});
