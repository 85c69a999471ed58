// The mail addon: activity states across time zones, chaining, plans, feedback messages, field
// tracking, cleanup on unlink, query counts, and calendar meetings linked to a record.

import path from 'node:path';
import t from 'tap';
import { testDb, TEST_ADDONS } from './helpers/db.ts';
import type { Env } from '../core/models/env.ts';
import { setClock } from '../core/clock.ts';
import type { MailActivity } from '../core/addons/mail/models/activity.ts';
import type { MailActivityPlan } from '../core/addons/mail/models/activity_plan.ts';
import type { CalendarEvent } from '../core/addons/mail/models/calendar_event.ts';
import type { MailActivityRecords, MailThread } from '../core/addons/mail/mixins.ts';

const db = await testDb(t, { modules: ['test_mail'], addonsPaths: [path.join(TEST_ADDONS, 'test_mail_addons')] });
t.teardown(() => setClock(null));

const cost = async (env: Env, fn: () => Promise<unknown>) => {
  const before = env.cr.queryCount;
  await fn();
  return env.cr.queryCount - before;
};
const user = (env: Env, login: string, tz: string | false) => env.model('res.users').create({ login, name: login, tz });
const activity = (env: Env, resId: number, vals: Record<string, unknown>) =>
  env.model('mail.activity').create({ res_model: 'test.lead', res_id: resId, ...vals });
const messagesOf = (env: Env, resId: number) =>
  env.model('mail.message').search_read([['res_model', '=', 'test.lead'], ['res_id', '=', resId]], ['body', 'message_type', 'mail_activity_type_id', 'tracking_value_ids', 'author_id']);

t.test('default activity types under Odoo external ids', async (t) => {
  await db.rollback(async (env) => {
    const [call] = await env.model('mail.activity.type').read(await env.refId('mail.mail_activity_data_call'), ['name', 'category', 'delay_count']);
    t.same([call.name, call.category, call.delay_count], ['Call', 'phonecall', 2]);
    const names = (await env.model('mail.activity.type').search_read([], ['name'])).map((r) => r.name);
    t.same(names, ['Email', 'Call', 'Meeting', 'To-Do', 'Upload Document']);
  });
});

t.test('activity state is computed in the owner\'s time zone against the clock', async (t) => {
  await db.rollback(async (env) => {
    // 23:00 UTC on March 9 is already 02:30 on March 10 in Tehran, still 15:00 on March 9 in Los Angeles.
    setClock('2024-03-09 23:00:00');
    const tehran = await user(env, 'tehran', 'Asia/Tehran');
    const la = await user(env, 'la', 'America/Los_Angeles');
    const lead = await env.model('test.lead').create({ name: 'Zones' });
    const cases: Array<[number | false, string, string]> = [
      [tehran, '2024-03-10', 'today'], [tehran, '2024-03-09', 'overdue'], [tehran, '2024-03-11', 'planned'],
      [1, '2024-03-10', 'planned'], [1, '2024-03-09', 'today'], [la, '2024-03-09', 'today'], [la, '2024-03-08', 'overdue'],
    ];
    const ids = await env.model('mail.activity').create(cases.map(([uid, date]) => ({ res_model: 'test.lead', res_id: lead, user_id: uid, date_deadline: date })));
    const states = (await env.model('mail.activity').read(ids, ['state'])).map((r) => r.state);
    t.same(states, cases.map((c) => c[2]));
    const later = await env.model('mail.activity').with_context({ now: '2024-03-10 12:00:00' }).read(ids[3], ['state']);
    t.equal(later[0].state, 'today', 'context.now overrides the clock for one call');
    await env.model('res.users').write(1, { tz: 'Asia/Tehran' });
    t.equal((await env.model('mail.activity').read(ids[3], ['state']))[0].state, 'today', 'the owner\'s zone decides');
    const defaulted = await env.model('mail.activity').with_context({ tz: 'Asia/Tehran' }).create({ res_model: 'test.lead', res_id: lead });
    t.equal((await env.model('mail.activity').read(defaulted, ['date_deadline']))[0].date_deadline, '2024-03-10', 'default deadline: today in the user\'s zone');
    setClock(null);
  });
});

t.test('a record shows its most urgent activity', async (t) => {
  await db.rollback(async (env) => {
    setClock('2024-05-15 10:00:00');
    const other = await user(env, 'other', false);
    const call = await env.refId('mail.mail_activity_data_call');
    const todo = await env.refId('mail.mail_activity_data_todo');
    const [busy, idle] = await env.model('test.lead').create([{ name: 'Busy' }, { name: 'Idle' }]);
    await activity(env, busy, { activity_type_id: todo, date_deadline: '2024-05-20', summary: 'Send offer', user_id: 1 });
    const first = await activity(env, busy, { activity_type_id: call, date_deadline: '2024-05-10', summary: 'Call back', user_id: other });
    const fields = ['activity_ids', 'activity_state', 'activity_date_deadline', 'activity_type_id', 'activity_user_id', 'activity_summary', 'my_activity_date_deadline'];
    const [b, i] = await env.model('test.lead').read([busy, idle], fields);
    t.equal(b.activity_state, 'overdue');
    t.equal(b.activity_date_deadline, '2024-05-10');
    t.same(b.activity_type_id, [call, 'Call']);
    t.same(b.activity_user_id, [other, 'other']);
    t.equal(b.activity_summary, 'Call back');
    t.equal(b.my_activity_date_deadline, '2024-05-20', 'the current user\'s own next deadline');
    t.equal((b.activity_ids as number[])[0], first);
    t.same([i.activity_state, i.activity_date_deadline, i.activity_type_id, i.activity_ids], [false, false, false, []]);
    setClock(null);
  });
});

t.test('marking done posts the feedback in the chatter and deletes the activity', async (t) => {
  await db.rollback(async (env) => {
    const call = await env.refId('mail.mail_activity_data_call');
    const lead = await env.model('test.lead').create({ name: 'Feedback' });
    const id = await activity(env, lead, { activity_type_id: call, summary: 'Discuss <pricing>', note: '<p>Ask for budget</p>', date_deadline: '2024-01-01' });
    const messageId = await env.model<MailActivity>('mail.activity').action_feedback([id], 'Customer agreed\nto a demo');
    t.same(await env.model('mail.activity').exists(id), [], 'the activity is gone');
    const [message] = await messagesOf(env, lead);
    t.equal(message.id, messageId);
    t.equal(message.body, '<p>Call done: Discuss &lt;pricing&gt;</p><p>Feedback: Customer agreed<br/>to a demo</p><p>Original note:</p><p>Ask for budget</p>');
    t.equal(message.message_type, 'notification');
    t.same(message.mail_activity_type_id, [call, 'Call']);
    const [admin] = await env.cr.query<{ partner_id: number }>('SELECT partner_id FROM res_users WHERE id = 1');
    t.equal((message.author_id as [number, string])[0], admin.partner_id, 'the author is the current user\'s partner');
    t.same((await env.model('test.lead').read(lead, ['message_ids']))[0].message_ids, [messageId]);
  });
});

t.test('chaining: trigger creates the next activity, suggest proposes types', async (t) => {
  await db.rollback(async (env) => {
    setClock('2024-03-09 23:00:00');
    const types = env.model('mail.activity.type');
    const followUp = await types.create({ name: 'Follow-up', delay_count: 3, delay_unit: 'days', delay_from: 'previous_activity', summary: 'Follow up' });
    const review = await types.create({ name: 'Review', delay_count: 1, delay_unit: 'weeks', delay_from: 'current_date' });
    const renewal = await types.create({ name: 'Renewal', delay_count: 1, delay_unit: 'months', delay_from: 'previous_activity' });
    const first = await types.create({ name: 'Demo', chaining_type: 'trigger', triggered_next_type_id: followUp });
    const second = await types.create({ name: 'Offer', chaining_type: 'trigger', triggered_next_type_id: review });
    const third = await types.create({ name: 'Contract', chaining_type: 'trigger', triggered_next_type_id: renewal });
    const suggesting = await types.create({ name: 'Qualify', chaining_type: 'suggest', suggested_next_type_ids: [review, renewal] });
    const lead = await env.model('test.lead').create({ name: 'Chain' });
    const ids = await env.model('mail.activity').create([
      { res_model: 'test.lead', res_id: lead, activity_type_id: first, date_deadline: '2024-03-01' },
      { res_model: 'test.lead', res_id: lead, activity_type_id: second, date_deadline: '2024-03-01' },
      { res_model: 'test.lead', res_id: lead, activity_type_id: third, date_deadline: '2024-01-31' },
      { res_model: 'test.lead', res_id: lead, activity_type_id: suggesting, date_deadline: '2024-03-01' },
    ]);
    const done = await env.model<MailActivity>('mail.activity').with_context({ tz: 'Asia/Tehran' })._action_done(ids, 'ok');
    t.equal(done.message_ids.length, 4);
    const next = await env.model('mail.activity').read(done.next_activity_ids, ['activity_type_id', 'date_deadline', 'summary', 'previous_activity_type_id']);
    t.same(next.map((a) => [(a.activity_type_id as [number])[0], a.date_deadline]), [
      [followUp, '2024-03-04'],   // previous deadline + 3 days
      [review, '2024-03-17'],     // completed on March 10 in Tehran + 1 week
      [renewal, '2024-02-29'],    // Jan 31 + 1 month, clamped to the month's end
    ]);
    t.equal(next[0].summary, 'Follow up', 'the type\'s default summary');
    t.same((next[0].previous_activity_type_id as [number])[0], first);
    t.same(done.suggestions.map((s) => [s.previous_activity_type_id, s.suggested_type_ids.sort()]), [[suggesting, [review, renewal].sort()]]);
    const again = await env.model('mail.activity').create({ res_model: 'test.lead', res_id: lead, activity_type_id: suggesting, date_deadline: '2024-03-01' });
    const proposal = await env.model<MailActivity>('mail.activity').action_feedback_schedule_next(again);
    t.same(proposal && [proposal.res_id, proposal.previous_activity_type_id], [lead, suggesting]);
    setClock(null);
  });
});

t.test('plans schedule every step on every record', async (t) => {
  await db.rollback(async (env) => {
    const fixed = await user(env, 'coach', false);
    const onDemand = await user(env, 'owner', false);
    const plan = await env.model('mail.activity.plan').create({
      name: 'Onboarding', res_model: 'test.lead',
      template_ids: [
        [0, 0, { sequence: 1, activity_type_id: await env.refId('mail.mail_activity_data_call'), summary: 'Intro call', responsible_type: 'on_demand', delay_count: 2, delay_from: 'before_plan_date' }],
        [0, 0, { sequence: 2, activity_type_id: await env.refId('mail.mail_activity_data_meeting'), summary: 'Kick-off', responsible_type: 'other', responsible_id: fixed, delay_count: 1, delay_unit: 'weeks', delay_from: 'after_plan_date' }],
      ],
    });
    const leads = await env.model('test.lead').create([{ name: 'P1' }, { name: 'P2' }, { name: 'P3' }]);
    const plans = env.model<MailActivityPlan>('mail.activity.plan');
    await t.rejects(plans.action_schedule_plan(plan, 'test.lead', leads, { date_plan_deadline: '2024-04-10' }), { code: 'ERP_ACTIVITY_PLAN_RESPONSIBLE' });
    await t.rejects(plans.action_schedule_plan(plan, 'res.partner', [1]), { code: 'ERP_ACTIVITY_PLAN_MODEL' });
    const ids = await plans.action_schedule_plan(plan, 'test.lead', leads, { date_plan_deadline: '2024-04-10', on_demand_user_id: onDemand });
    t.equal(ids.length, 6);
    const rows = await env.model('mail.activity').read(ids, ['res_id', 'summary', 'user_id', 'date_deadline']);
    t.same(rows.filter((r) => r.res_id === leads[0]).map((r) => [r.summary, (r.user_id as [number])[0], r.date_deadline]),
      [['Intro call', onDemand, '2024-04-08'], ['Kick-off', fixed, '2024-04-17']]);
    const [started] = await messagesOf(env, leads[2]);
    t.equal(started.body, '<p>The plan "Onboarding" has been started</p>');
  });
});

t.test('tracked fields log one message per record', async (t) => {
  await db.rollback(async (env) => {
    const leads = env.model<MailThread>('test.lead');
    const [newStage, won] = [await env.refId('test_pipeline.stage_new'), await env.refId('test_pipeline.stage_won')];
    const ids = await leads.create([{ name: 'T1', stage_id: newStage }, { name: 'T2', stage_id: newStage, priority: '2' }]);
    await leads.write(ids, { stage_id: won, priority: '2', probability: 90 });
    const [m1] = await messagesOf(env, ids[0]);
    const m2 = await messagesOf(env, ids[1]);
    t.equal(m1.body, '<ul><li>Priority: Low -> High</li><li>Stage: New -> Won</li></ul>', 'in the model\'s field order');
    t.equal(m2.length, 1, 'one message per record');
    t.equal(m2[0].body, '<ul><li>Stage: New -> Won</li></ul>', 'only what changed for that record');
    const values = await env.model('mail.tracking.value').read(m1.tracking_value_ids as number[], ['field_name', 'field_label', 'old_value', 'new_value']);
    t.same(values.map((v) => [v.field_name, v.field_label, v.old_value, v.new_value]), [['priority', 'Priority', 'Low', 'High'], ['stage_id', 'Stage', 'New', 'Won']]);
    await leads.write(ids, { probability: 10, stage_id: won });
    t.equal((await messagesOf(env, ids[0])).length, 1, 'no change, no message');
    await leads.write(ids[0], { user_id: false });
    t.match((await messagesOf(env, ids[0]))[0].body, 'Salesperson: System -> None');
    await leads.with_context({ tracking_disable: true }).write(ids[0], { priority: '3' });
    t.equal((await messagesOf(env, ids[0])).length, 2, 'tracking_disable in the context');
    const posted = await leads.message_post(ids[0], { body: '<p>Hello</p>', message_type: 'comment', subtype: 'comment' });
    t.equal(((await leads.read(ids[0], ['message_ids']))[0].message_ids as number[])[0], posted, 'newest first');
  });
});

t.test('deleting a record deletes its activities and messages', async (t) => {
  await db.rollback(async (env) => {
    const leads = env.model<MailThread>('test.lead');
    const [gone, kept] = await leads.create([{ name: 'Gone' }, { name: 'Kept' }]);
    await leads.write([gone, kept], { priority: '1' });
    await env.model<MailActivityRecords>('test.lead').activity_schedule([gone, kept], { activity_type: 'mail.mail_activity_data_todo' });
    await leads.unlink(gone);
    const left = async (model: string) => (await env.model(model).search_read([['res_model', '=', 'test.lead'], ['res_id', 'in', [gone, kept]]], ['res_id'])).map((r) => r.res_id);
    t.same(await left('mail.message'), [kept]);
    t.same(await left('mail.activity'), [kept]);
    t.equal(await env.model('mail.tracking.value').search_count([['mail_message_id.res_id', '=', gone]]), 0);
  });
});

t.test('query counts do not depend on the number of records', async (t) => {
  await db.rollback(async (env) => {
    setClock('2024-06-01 12:00:00');
    const tehran = await user(env, 'qc', 'Asia/Tehran');
    const leads = env.model('test.lead');
    const one = await leads.create([{ name: 'Q' }]);
    const many = await leads.create(Array.from({ length: 100 }, (_, i) => ({ name: `Q${i}` })));
    const vals = (ids: number[]) => ids.map((id, i) => ({ res_model: 'test.lead', res_id: id, user_id: i % 2 ? tehran : 1, date_deadline: '2024-06-01' }));
    t.equal(await cost(env, () => env.model('mail.activity').create(vals(many))), await cost(env, () => env.model('mail.activity').create(vals(one))), 'create 100 = create 1');
    const schedule = (ids: number[]) => env.model<MailActivityRecords>('test.lead').activity_schedule(ids, { activity_type: 'mail.mail_activity_data_call' });
    t.equal(await cost(env, () => schedule(many)), await cost(env, () => schedule(one)), 'activity_schedule 100 = 1');
    const fields = ['activity_state', 'activity_date_deadline', 'activity_user_id', 'my_activity_date_deadline'];
    const eighty = many.slice(0, 80);
    t.equal(await cost(env, () => leads.read(eighty, fields)), await cost(env, () => leads.read(one, fields)), 'activity_state of 80 = of 1');
    const acts = (ids: number[]) => env.model('mail.activity').search([['res_id', 'in', ids]]);
    const [manyActs, oneActs] = [await acts(many.slice(0, 40)), await acts(one)];
    const done = (ids: number[]) => env.model<MailActivity>('mail.activity').action_feedback(ids, 'done');
    t.equal(await cost(env, () => done(manyActs)), await cost(env, () => done(oneActs)), 'marking 80 done = 2');
    const write = (ids: number[]) => leads.write(ids, { priority: '3', stage_id: false });
    t.equal(await cost(env, () => write(many)), await cost(env, () => write(one)), 'tracking 100 = 1');
    setClock(null);
  });
});

t.test('meetings linked to a record: Meeting activity and next meeting', async (t) => {
  await db.rollback(async (env) => {
    setClock('2024-03-09 23:00:00');
    const tehran = await user(env, 'organizer', 'Asia/Tehran');
    const events = env.model<CalendarEvent>('calendar.event');
    const [lead, other] = await env.model('test.lead').create([{ name: 'Meet' }, { name: 'Nothing planned' }]);
    const partner = await env.model('res.partner').create({ name: 'Attendee' });
    const past = await events.create({ name: 'Kick-off', start: '2024-03-01 09:00:00', stop: '2024-03-01 10:00:00', res_model: 'test.lead', res_id: lead });
    const soon = await events.create({ name: 'Demo', start: '2024-03-09 22:00:00', duration: 2, user_id: tehran, partner_ids: [partner], res_model: 'test.lead', res_id: lead });
    const later = await events.create({ name: 'Workshop', allday: true, start_date: '2024-03-20', res_model: 'test.lead', res_id: lead });
    const [demo] = await events.read(soon, ['stop', 'duration', 'partner_ids', 'start_date']);
    t.same([demo.stop, demo.duration, demo.partner_ids], ['2024-03-10 00:00:00', 2, [partner]]);
    const [allday] = await events.read(later, ['start', 'stop', 'stop_date']);
    t.same([allday.start, allday.stop, allday.stop_date], ['2024-03-20 08:00:00', '2024-03-20 18:00:00', '2024-03-20']);
    const next = await events.next_meeting('test.lead', [lead, other]);
    t.same(next[lead] && [next[lead].id, next[lead].name], [soon, 'Demo'], 'the ongoing meeting, not the past one');
    t.equal(next[other], false);
    const meeting = await env.refId('mail.mail_activity_data_meeting');
    const acts = await env.model('mail.activity').search_read([['calendar_event_id', 'in', [past, soon, later]]], ['calendar_event_id', 'activity_type_id', 'date_deadline', 'summary', 'user_id'], { order: 'id' });
    t.same(acts.map((a) => [(a.calendar_event_id as [number])[0], (a.activity_type_id as [number])[0], a.date_deadline, a.summary]), [
      [past, meeting, '2024-03-01', 'Kick-off'], [soon, meeting, '2024-03-10', 'Demo'], [later, meeting, '2024-03-20', 'Workshop'],
    ], 'a Meeting activity per meeting, due on the organizer\'s local date');
    await events.unlink(soon);
    t.equal(await env.model('mail.activity').search_count([['calendar_event_id', '=', soon]]), 0, 'the activity goes with its meeting');
    const nextAfter = await events.with_context({ now: '2024-03-21 00:00:00' }).next_meeting('test.lead', [lead]);
    t.equal(nextAfter[lead], false, 'nothing left after the workshop');
    setClock(null);
  });
});

t.test('records are searched by their activities (state, deadline, owner, my activities)', async (t) => {
  await db.rollback(async (env) => {
    setClock('2024-05-10 09:00:00');
    const other = await user(env, 'other_owner', false);
    const [late, today, later, none] = await env.model('test.lead').create([{ name: 'Late' }, { name: 'Today' }, { name: 'Later' }, { name: 'None' }]);
    await activity(env, late, { date_deadline: '2024-05-01', user_id: other });
    await activity(env, late, { date_deadline: '2024-05-20' });
    await activity(env, today, { date_deadline: '2024-05-10' });
    await activity(env, later, { date_deadline: '2024-06-01', user_id: other });
    const leads = env.model('test.lead');
    const find = async (domain: unknown[]) => (await leads.search([['id', 'in', [late, today, later, none]], ...domain] as never)).sort((a, b) => a - b);
    t.same(await find([['activity_state', '=', 'overdue']]), [late]);
    t.same(await find([['activity_state', '=', 'today']]), [today]);
    t.same(await find([['activity_state', 'in', ['today', 'planned']]]), [today, later]);
    t.same(await find([['activity_state', '=', false]]), [none]);
    t.same(await find([['activity_state', '!=', 'overdue']]), [today, later, none]);
    t.same(await find([['activity_date_deadline', '<', '2024-05-11']]), [late, today]);
    t.same(await find([['activity_user_id', '=', other]]), [late, later]);
    t.same(await find([['activity_ids', '!=', false]]), [late, today, later]);
    t.same(await find([['my_activity_date_deadline', '!=', false]]), [late, today], 'the superuser owns the other two');
    t.same(await find(['!', ['activity_state', '=', 'overdue']]), [today, later, none]);
    const fields = await leads.fields_get(['activity_state'], ['searchable']);
    t.equal(fields.activity_state.searchable, true);
    setClock(null);
  });
});
