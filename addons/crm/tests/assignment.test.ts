// Rule-based lead assignment (Odoo 17's test_crm_lead_assignment.py, on the same teams): the
// quota of each salesperson, leads allocated to the teams whose domain they match and dealt to
// the members whose domain they match, duplicates merged, won, lost, assigned and too recent
// leads left alone, opt-out, rights, the domains refused when they cannot be read, the cost in
// queries, and the "Assign Leads" button over JSON-RPC. The draws are seeded
// (`crm_assignment_seed`), so that the totals of a run are the same every time.

import { spawn } from 'node:child_process';
import path from 'node:path';
import t from 'tap';
import { testDb } from '../../../tests/helpers/db.ts';
import { readState, ROOT } from '../../../tests/setup/state.ts';
import { RpcClient, RpcError, serve } from '../../../tests/helpers/http.ts';
import type { Env } from '../../../core/models/env.ts';
import type { Model } from '../../../core/models/model.ts';
import { assignmentQuota } from '../models/team_member_assign.ts';
import { workDaysOfInterval } from '../models/team_assign.ts';
import { createLeads, leadModel, members, setUpAssignment, teams, type AssignFixture } from './assignment_fixture.ts';

const db = await testDb(t, { modules: ['crm'] });
const SEED = { crm_assignment_seed: 1940 };

const m2o = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const readLeads = async (env: Env, ids: number[], fields = ['name', 'team_id', 'user_id', 'type', 'probability', 'priority']) =>
  leadModel(env).read(ids, fields);
const asManager = (env: Env, f: AssignFixture) => env.withUser(f.manager).withContext(SEED);
const monthCount = async (env: Env, id: number) => Number((await members(env).with_context({ active_test: false }).read(id, ['lead_month_count']))[0].lead_month_count);

t.test('the quota: the share of the monthly maximum for the days of work, plus a fifth of what is missing, rounded as Python does', async (t) => {
  t.equal(assignmentQuota(45, 0, 1), 10, '45 a month, nothing yet: 1.5 + 43.5 / 5 = 10.2');
  t.equal(assignmentQuota(45, 30, 1), 4, '30 already this month: 1.5 + 13.5 / 5 = 4.2');
  t.equal(assignmentQuota(15, 14, 1), 1, 'nearly full: 0.5 + 0.5 / 5');
  t.equal(assignmentQuota(45, 0, 30), 45, 'a month of work: the maximum');
  t.equal(assignmentQuota(5, 0, 11.25), 2, '2.5 rounds to the even 2, as Python\'s round()');
  t.equal(assignmentQuota(45, 45, 1), 2, '1.5 rounds to the even 2');
  t.same([workDaysOfInterval(19, 'hours'), workDaysOfInterval(2, 'hours'), workDaysOfInterval(2, 'days'), workDaysOfInterval(6, 'weeks'), workDaysOfInterval(1, 'months')],
    [19 / 24, 0.2, 2, 30, 30], 'the scheduled action assigns the days of work until its next run, within 0.2 and 30');
  await db.rollback(async (env) => {
    const f = await setUpAssignment(env);
    t.equal(await members(env)._get_assignment_quota(f.t1m1), 10);
    await createLeads(env, 30, { values: { user_id: f.leadsUser, team_id: f.team1 }, prefix: 'Existing' });
    t.equal(await monthCount(env, f.t1m1), 30, 'leads assigned to the member in the team these 30 days');
    t.same(await members(env)._get_assignment_quota([f.t1m1, f.t1m2]), [4, 3]);
    await t.rejects(members(env)._get_assignment_quota(f.t1m1, { work_days: 31 }), { code: 'ERP_USER_ERROR', message: /at least 0.2 or maximum 30 work days, not 31.00/ });
  });
});

t.test('archived and opted-out members get nothing; duplicates are merged while allocating; the member takes the most probable leads', async (t) => {
  await db.rollback(async (env) => {
    const f = await setUpAssignment(env);
    const contact = await env.model('res.partner').create({ name: 'Contact 1', email: 'contact1@customer.example' }) as number;
    const ids = await createLeads(env, 8, {
      prefix: 'Initial', partners: [false, false, false, contact],
      emails: ['i0@a.example', 'i1@b.example', 'i2@c.example', 'contact1@customer.example', 'i4@e.example', 'i5@f.example', 'i6@g.example', 'Contact <contact1@customer.example>'],
      probabilities: [0, 10, 20, 30, 40, 50, 60, 70],
    });
    await members(env).action_archive([f.t1m1]);
    await members(env).write([f.t1m2], { assignment_max: 45, assignment_optout: true });
    const existing = await createLeads(env, 14, { prefix: 'Existing', values: { user_id: f.salesman, team_id: f.team1, probability: 10 } });
    await leadModel(env).write(existing.slice(-2), { user_id: f.manager });
    t.equal(await monthCount(env, f.t1m3), 12);

    const { teams: byTeam, members: byMember } = await teams(asManager(env, f))._action_assign_leads([f.team1], { work_days: 4 });
    const name = async (list: number[]) => (await readLeads(env, list)).map((r) => r.name).sort();
    t.same(await name(byTeam[f.team1].assigned), ['Initial_0000', 'Initial_0001', 'Initial_0002', 'Initial_0004', 'Initial_0005', 'Initial_0006']);
    t.same(byTeam[f.team1].merged, [ids[7]], 'the more probable of the two leads of the same email is kept');
    t.same(byTeam[f.team1].duplicates, [ids[3]], 'the other one is merged into it');
    t.same(await leadModel(env).exists([ids[3]]), [], 'and deleted');
    t.same(Object.keys(byMember).map(Number), [f.t1m3], 'only the member neither archived nor opted out takes part');
    t.same(byMember[f.t1m3].assigned, [ids[6], ids[7]].sort((a, b) => a - b), '15 a month for 4 days, 12 already: 2 leads, the most probable');
    for (const lead of await readLeads(env, byMember[f.t1m3].assigned)) {
      t.match(lead, { team_id: [f.team1], user_id: [f.salesman], type: 'opportunity' }, `${lead.name} is the salesman's opportunity now`);
    }
    t.same([await monthCount(env, f.t1m1), await monthCount(env, f.t1m2), await monthCount(env, f.t1m3)], [0, 2, 14],
      'the archived member got nothing, the opted-out one kept its 2, the salesman got 2 more');
  });
});

t.test('won, lost and assigned leads are left alone; leads without a stage are taken', async (t) => {
  await db.rollback(async (env) => {
    const f = await setUpAssignment(env);
    const ids = await createLeads(env, 6, { probabilities: [30] });
    await leadModel(env).write([ids[0]], { stage_id: await env.refId('crm.stage_lead4') });
    await leadModel(env).write([ids[1], ids[2], ids[3]], { stage_id: false });
    await leadModel(env).write([ids[2]], { probability: 0 });
    await env.model<Model & { action_set_lost(ids: number[], v: object): Promise<unknown> }>('crm.lead').action_set_lost([ids[4]], {});
    await leadModel(env).write([ids[5]], { team_id: f.teamConvert, user_id: f.manager });
    await members(env).write([f.t1m1, f.t1m2, f.t1m3], { assignment_max: 45 });
    await teams(asManager(env, f))._action_assign_leads([f.team1]);
    const rows = await readLeads(env, ids);
    t.match(rows[0], { team_id: false, user_id: false }, 'won: not assigned');
    const team1Users = [f.leadsUser, f.manager, f.salesman];
    for (const row of rows.slice(1, 4)) {
      t.equal(m2o(row.team_id), f.team1, `${row.name}: the team`);
      t.ok(team1Users.includes(m2o(row.user_id) as number), `${row.name}: one of its salespersons`);
    }
    t.match(rows[4], { team_id: false, user_id: false }, 'lost: not assigned');
    t.match(rows[5], { team_id: [f.teamConvert], user_id: [f.manager] }, 'already assigned: not reassigned');
  });
});

t.test('two teams: every lead goes to one team matching its domain, duplicates merged, each member gets its quota within its domain, no lead twice', async (t) => {
  await db.rollback(async (env) => {
    const f = await setUpAssignment(env);
    const [c1, c2] = await env.model('res.partner').create([{ name: 'Customer 1', email: 'c1@one.example' }, { name: 'Customer 2', email: 'c2@two.example' }]) as number[];
    const ids = await createLeads(env, 200, {
      partners: [c1, c2, false, false, false],
      emails: Array.from({ length: 200 }, (_, i) => (i % 5 === 0 ? 'c1@one.example' : i % 5 === 1 ? '"C2" <c2@two.example>' : `lead${i}@x${i}.example`)),
    });
    // Odoo's probabilities: by fifth and by priority.
    for (let slice = 0; slice < 5; slice++) {
      const list = ids.filter((_, i) => i % 5 === slice);
      for (const priority of ['0', '1', '2', '3']) {
        const group = (await leadModel(env).search_read([['id', 'in', list], ['priority', '=', priority]], ['id'])).map((r) => r.id);
        if (group.length) await leadModel(env).write(group, { probability: (slice + 1) * 10 * ((Number(priority) + 1) / 2) });
      }
    }
    const { teams: byTeam, members: byMember } = await teams(asManager(env, f))._action_assign_leads([f.team1, f.teamConvert]);

    const left = await leadModel(env).exists(ids);
    t.equal(left.length, 122, 'the 40 leads of each customer are merged into one');
    const rows = await readLeads(env, left);
    t.equal(rows.filter((r) => !r.team_id).length, 0, 'every lead is allocated');
    const inTeam = (team: number) => rows.filter((r) => m2o(r.team_id) === team);
    t.equal(inTeam(f.team1).length + inTeam(f.teamConvert).length, 122);
    t.same([inTeam(f.team1).length, inTeam(f.teamConvert).length], [79, 43], 'the split drawn with this seed (capacities 75 and 90, the second team\'s domain narrower)');
    t.ok(inTeam(f.teamConvert).every((r) => ['1', '2', '3'].includes(String(r.priority))), 'the second team only has leads of its domain');
    t.equal(await leadModel(env).search_count([['id', 'in', left], ['partner_id', 'in', [c1, c2]]]), 2, 'one lead left per customer');
    const teamSets = [f.team1, f.teamConvert].map((team) => [...byTeam[team].assigned, ...byTeam[team].merged]);
    t.equal(new Set(teamSets.flat()).size, teamSets.flat().length, 'no lead allocated to two teams');
    t.equal(teamSets.flat().length, 122);

    const expected: Array<[number, number, number]> = [[f.t1m1, 10, 0], [f.t1m2, 3, 10], [f.t1m3, 3, 20], [f.tcm1, 7, 20], [f.tcm2, 14, 0]];
    const all: number[] = [];
    for (const [member, quota, minProbability] of expected) {
      const got = byMember[member].assigned;
      all.push(...got);
      t.equal(got.length, quota, `member ${member}: its quota`);
      const [row] = await members(env).read(member, ['user_id', 'crm_team_id']);
      t.equal(await leadModel(env).search_count([['id', 'in', got], ['user_id', '=', m2o(row.user_id)], ['team_id', '=', m2o(row.crm_team_id)],
        ['probability', '>=', minProbability], '|', ['type', '=', 'opportunity'], ['probability', '=', 100]]), quota,
        `member ${member}: its leads match its domain, converted (as in Odoo, not those at 100%)`);
    }
    t.equal(new Set(all).size, all.length, 'no lead assigned to two salespersons');
    t.equal(await leadModel(env).search_count([['id', 'in', left], ['user_id', '!=', false]]), all.length, 'and no other lead got a salesperson');
  });
});

t.test('a new lead duplicating an opportunity is merged into it; the opportunity keeps its team and salesperson', async (t) => {
  await db.rollback(async (env) => {
    const f = await setUpAssignment(env);
    const dupeTeam = await env.model('crm.team').create({ name: 'Sales Team Dupe', sequence: 15, use_leads: true, assignment_domain: '[]' }) as number;
    await env.model('crm.team.member').create({ user_id: f.salesman, crm_team_id: dupeTeam, assignment_max: 10, assignment_domain: '[]' });
    const contact = await env.model('res.partner').create({ name: 'Contact', email: 'master@customer.example' }) as number;
    const master = await env.model('crm.lead').create({ name: 'Master', type: 'opportunity', probability: 50, partner_id: contact, team_id: f.team1, user_id: f.manager }) as number;
    const [dupe] = await createLeads(env, 1, { emails: ['Duplicate Email <master@customer.example>'], probabilities: [10] });
    const { teams: byTeam } = await teams(env.withContext(SEED))._action_assign_leads([dupeTeam]);
    t.same(byTeam[dupeTeam], { assigned: [], merged: [master], duplicates: [dupe] });
    t.same(await leadModel(env).exists([dupe]), []);
    t.match((await readLeads(env, [master]))[0], { team_id: [f.team1], user_id: [f.manager] });
  });
});

t.test('leads younger than the assignment delay wait', async (t) => {
  await db.rollback(async (env) => {
    const f = await setUpAssignment(env);
    await env.sudo().model<Model & { set_param(k: string, v: unknown): Promise<unknown> }>('ir.config_parameter').set_param('crm.assignment.delay', '2');
    const ids = await createLeads(env, 3, { probabilities: [50] });
    const action = await teams(asManager(env, f)).action_assign_leads([f.team1]);
    t.match(action, { type: 'ir.actions.client', tag: 'display_notification',
      params: { type: 'success', title: 'Leads Assigned', message: 'No allocated leads to Sales Team 1 team and its salespersons because no unassigned lead matches its domain.' } });
    t.equal(await leadModel(env).search_count([['id', 'in', ids], ['team_id', '!=', false]]), 0);
    await env.cr.execute("UPDATE crm_lead SET create_date = create_date - interval '3 hours' WHERE id = ANY($1::int4[])", [ids.slice(0, 2)]);
    const { teams: byTeam } = await teams(asManager(env, f))._action_assign_leads([f.team1]);
    t.same(byTeam[f.team1].assigned, ids.slice(0, 2), 'the two leads older than 2 hours');
  });
});

t.test('the button notes what it did on the team and says it; a team without capacity is told so; salespeople may not assign', async (t) => {
  await db.rollback(async (env) => {
    const f = await setUpAssignment(env);
    await createLeads(env, 5, { probabilities: [50] });
    const action = await teams(asManager(env, f)).action_assign_leads([f.team1]);
    t.equal(action.params && (action.params as { message: string }).message, '5 leads allocated to Sales Team 1 team. 5 leads assigned among 3 salespersons.');
    const [note] = await env.model('mail.message').search_read([['res_model', '=', 'crm.team'], ['res_id', '=', f.team1]], ['body'], { order: 'id desc', limit: 1 });
    t.match(note.body, /Lead Assignment requested by Martin Sales Manager<br\s*\/?><br\s*\/?>5 leads allocated to Sales Team 1 team\.<br\s*\/?>5 leads assigned among 3 salespersons\./);
    const empty = await env.model('crm.team').create({ name: 'Empty Team' }) as number;
    const reply = await teams(asManager(env, f)).action_assign_leads([empty]);
    t.match(reply, { params: { message: 'No allocated leads to Empty Team team because it has no capacity. Add capacity to its salespersons.' } });
    await t.rejects(teams(env.withUser(f.salesman))._action_assign_leads([f.team1]),
      { code: 'ERP_USER_ERROR', message: 'Lead/Opportunities automatic assignment is limited to managers or administrators' });
  });
});

t.test('an assignment domain that cannot be read or searched is refused when saved, naming the team or member', async (t) => {
  await db.rollback(async (env) => {
    const f = await setUpAssignment(env);
    const team = teams(env);
    await t.rejects(team.write([f.team1], { assignment_domain: "[('probability', '>=', 10" }),
      { code: 'ERP_CONSTRAINT', message: /^Assignment domain for team Sales Team 1 is incorrectly formatted: / });
    await t.rejects(team.write([f.team1], { assignment_domain: "[('no_such_field', '=', 1)]" }), { message: /Sales Team 1 is incorrectly formatted: .*no_such_field/ });
    await t.rejects(team.write([f.team1], { assignment_domain: "[('user_id', '=', uid)]" }), { message: /only literal values may be used, not "uid"/ });
    await t.rejects(team.write([f.team1], { assignment_domain: "[('probability', '>=', 'high')]" }), { code: 'ERP_CONSTRAINT' },
      'a value the database refuses is refused too');
    await t.rejects(members(env).write([f.t1m2], { assignment_domain: "[('probability', 'between', 10)]" }),
      { code: 'ERP_CONSTRAINT', message: /^Member assignment domain for user Martin Sales Manager and team Sales Team 1 is incorrectly formatted: / });
    await team.write([f.team1], { assignment_domain: "['|', ('country_id', '=', False), ('probability', '>', 50.5)]" });
    t.equal((await team.read(f.team1, ['assignment_domain']))[0].assignment_domain, "['|', ('country_id', '=', False), ('probability', '>', 50.5)]", 'a good domain is kept as written');
  });
});

t.test('Settings: on and repeated, the scheduled action runs every interval, next one interval from now; otherwise it is off', async (t) => {
  await db.rollback(async (env) => {
    const settings = env.model<Model & { execute(ids: number[]): Promise<unknown> }>('res.config.settings');
    const cronId = await env.refId('crm.ir_cron_crm_lead_assign');
    const cron = async () => (await env.model('ir.cron').with_context({ active_test: false }).read(cronId, ['active', 'interval_number', 'interval_type', 'nextcall', 'model_name', 'method']))[0];
    const team = await env.model('crm.team').create({ name: 'Team' }) as number;
    const state = async () => (await teams(env).read(team, ['assignment_enabled', 'assignment_auto_enabled']))[0];
    t.match(await cron(), { active: false, model_name: 'crm.team', method: '_cron_assign_leads' }, 'off at install');
    t.match(await state(), { assignment_enabled: false, assignment_auto_enabled: false });
    const save = async (values: object) => settings.execute([await settings.create(values as never) as number]);
    const started = Date.now();
    await save({ crm_use_auto_assignment: true, crm_auto_assignment_action: 'auto', crm_auto_assignment_interval_number: 19, crm_auto_assignment_interval_type: 'hours' });
    const on = await cron();
    t.match(on, { active: true, interval_number: 19, interval_type: 'hours' });
    const next = Date.parse(`${String(on.nextcall).replace(' ', 'T')}Z`);
    t.ok(Math.abs(next - started - 19 * 3600000) < 120000, `the next run in 19 hours (${on.nextcall})`);
    t.match(await state(), { assignment_enabled: true, assignment_auto_enabled: true }, 'the teams know it (the button shows)');
    const member = await env.model('crm.team.member').create({ crm_team_id: team, user_id: await env.refId('base.user_admin') }) as number;
    t.match((await members(env).read(member, ['assignment_enabled']))[0], { assignment_enabled: true }, 'and their members');
    t.match(await settings.default_get(['crm_use_auto_assignment', 'crm_auto_assignment_action', 'crm_auto_assignment_interval_number', 'crm_auto_assignment_interval_type']),
      { crm_use_auto_assignment: true, crm_auto_assignment_action: 'auto', crm_auto_assignment_interval_number: 19, crm_auto_assignment_interval_type: 'hours' });
    await save({ crm_auto_assignment_action: 'manual' });
    t.match(await cron(), { active: false, interval_number: 19 }, 'manually: the action is off');
    t.match(await state(), { assignment_enabled: true, assignment_auto_enabled: false });
    await save({ crm_use_auto_assignment: false, crm_auto_assignment_action: 'auto' });
    t.match(await cron(), { active: false }, 'assignment off: the action is off whatever the mode');
    t.match(await state(), { assignment_enabled: false });
    await t.rejects(settings.create({ crm_auto_assignment_interval_number: 0 }), { message: 'Repeat frequency should be positive.' });
    await t.rejects(settings.create({ crm_auto_assignment_interval_number: 100 }), { message: /Consider changing frequency type/ });
  });
});

t.test('the scheduled action assigns for the days until its next run: every 30 days, a month of work', async (t) => {
  await db.rollback(async (env) => {
    const f = await setUpAssignment(env);
    const cronId = await env.refId('crm.ir_cron_crm_lead_assign');
    await env.model('ir.cron').with_context({ active_test: false }).write([cronId], { active: true, interval_number: 30, interval_type: 'days' });
    await teams(env).write([f.teamConvert], { assignment_optout: true });
    await members(env).write([f.t1m1, f.t1m2, f.t1m3], { assignment_max: 20, assignment_domain: false });
    await createLeads(env, 70, { probabilities: [50] });
    // "Run Manually", as the scheduler would run it (no active_test: false here, or the
    // archived teams would take part).
    await env.model<Model & { method_direct_trigger(ids: number[]): Promise<unknown> }>('ir.cron').with_context(SEED).method_direct_trigger([cronId]);
    t.same([await monthCount(env, f.t1m1), await monthCount(env, f.t1m2), await monthCount(env, f.t1m3)], [20, 20, 20], 'each member got its 20 of the month');
    t.equal(await leadModel(env).search_count([['name', 'like', 'TestLead_'], ['team_id', '=', f.teamConvert]]), 0, 'a team that skips auto assignment gets nothing');
    t.equal(await leadModel(env).search_count([['name', 'like', 'TestLead_'], ['team_id', '=', f.team1]]), 70, 'the other team gets every lead');
  });
});

t.test('assigning 100 leads costs the queries of assigning 10, within a few', async (t) => {
  const cost = async (count: number) => db.rollback(async (env) => {
    const f = await setUpAssignment(env);
    // One salesperson per team, so that both runs convert for the same number of members (a
    // conversion costs the same whatever the number of leads, but costs per member).
    await members(env).action_archive([f.t1m2, f.t1m3, f.tcm1]);
    await members(env).write([f.t1m1, f.tcm2], { assignment_max: 300 });
    await teams(env).write([f.teamConvert], { assignment_domain: false });
    await createLeads(env, count, { probabilities: [15, 25, 35, 45] });
    const manager = asManager(env, f);
    const before = env.cr.queryCount;
    const { members: byMember } = await teams(manager)._action_assign_leads([f.team1, f.teamConvert], { work_days: 30 });
    t.ok(byMember[f.t1m1].assigned.length && byMember[f.tcm2].assigned.length, 'both salespersons get leads');
    t.equal(byMember[f.t1m1].assigned.length + byMember[f.tcm2].assigned.length, count, `all ${count} leads reach a salesperson`);
    return env.cr.queryCount - before;
  });
  const [ten, hundred] = [await cost(10), await cost(100)];
  t.ok(hundred - ten <= 2, `10 leads: ${ten} queries, 100 leads: ${hundred} queries`);
});

t.test('the "Assign Leads" button over JSON-RPC, as the web client calls it', async (t) => {
  const f = await db.commit(async (env) => {
    const fixture = await setUpAssignment(env);
    await env.sudo().model('res.users').write([fixture.manager], { password: 'manager-pw' });
    await env.sudo().model('res.users').write([fixture.salesman], { password: 'salesman-pw' });
    await createLeads(env, 6, { probabilities: [40] });
    return fixture;
  });
  const { url } = await serve(t, db.erp, db.name);
  const client = new RpcClient(url);
  await client.authenticate(db.name, 'smanager', 'manager-pw');
  const action = await client.callKw('crm.team', 'action_assign_leads', [[f.team1]], { context: SEED });
  t.match(action, { type: 'ir.actions.client', tag: 'display_notification',
    params: { type: 'success', title: 'Leads Assigned', message: '6 leads allocated to Sales Team 1 team. 6 leads assigned among 3 salespersons.', next: { type: 'ir.actions.act_window_close' } } });
  const leads = await client.callKw('crm.lead', 'search_read', [[['team_id', '=', f.team1], ['user_id', '!=', false]], ['type']]);
  t.equal(leads.length, 6);
  t.ok(leads.every((l: { type: string }) => l.type === 'opportunity'));
  const privateCall = await client.callKw('crm.team', '_action_assign_leads', [[f.team1]]).catch((e: unknown) => e);
  t.match((privateCall as RpcError).data, { name: 'odoo.exceptions.AccessError' }, 'the private method is not reachable');
  const salesman = new RpcClient(url);
  await salesman.authenticate(db.name, 'ssalesman', 'salesman-pw');
  const refused = await salesman.callKw('crm.team', 'action_assign_leads', [[f.team1]]).catch((e: unknown) => e);
  t.ok(refused instanceof RpcError);
  t.match((refused as RpcError).data, { name: 'odoo.exceptions.UserError', message: /limited to managers or administrators/ });
});

t.test('`erp cron run crm.ir_cron_crm_lead_assign` assigns the waiting leads', async (t) => {
  const ids = await db.commit((env) => createLeads(env, 4, { probabilities: [60], prefix: 'Cli' }));
  // The command as users run it, on this test's database; the run's own variables must not
  // send it elsewhere.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && !k.startsWith('ERP_')));
  const args = [path.join(ROOT, 'bin', 'erp.js'), '--database-url', readState()!.url, 'cron', 'run', 'crm.ir_cron_crm_lead_assign', '--db', db.name];
  const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  t.equal(result.code, 0, result.stderr);
  t.match(result.stdout, /^ran: CRM: Lead Assignment \(\d+ ms\)/m);
  const rows = await db.commit((env) => readLeads(env, ids));
  t.ok(rows.every((r) => r.team_id && r.user_id && r.type === 'opportunity'), 'each lead has a team, a salesperson, and is an opportunity');
});
