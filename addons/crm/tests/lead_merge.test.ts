// Merging leads and opportunities (crm.lead.merge_opportunity and the Merge dialog,
// crm.merge.opportunity): which record is kept, how the fields combine, what moves to it, what
// is deleted, and the limit of five at once.

import t from 'tap';
import { testDb } from '../../../tests/helpers/db.ts';
import type { Env } from '../../../core/models/env.ts';
import type { Model, Values } from '../../../core/models/model.ts';
import type { MailActivityRecords, MailThread } from '../../../core/addons/mail/mixins.ts';
import type { CrmLead } from '../models/lead.ts';
import type { CrmLeadMerge } from '../models/lead_merge.ts';

const db = await testDb(t, { modules: ['crm'] });

type Leads = CrmLead & CrmLeadMerge & MailThread & MailActivityRecords;
const leads = (env: Env) => env.model<Leads>('crm.lead');
const one = async (env: Env, id: number, fields: string[]) => (await env.model('crm.lead').with_context({ active_test: false }).read(id, fields))[0];
const exists = async (env: Env, ids: number[]) => env.model('crm.lead').with_context({ active_test: false }).exists(ids);
const m2o = (v: unknown) => (Array.isArray(v) ? v[0] : v);

t.test('the most advanced record is kept: opportunity, active, later stage, higher probability, older', async (t) => {
  await db.rollback(async (env) => {
    const [s1, s2, s3] = await Promise.all(['crm.stage_lead1', 'crm.stage_lead2', 'crm.stage_lead3'].map((x) => env.refId(x)));
    const merge = async (vals: Values[]) => {
      const ids = await leads(env).create(vals);
      return ids.indexOf(await leads(env).merge_opportunity(ids));
    };
    t.equal(await merge([{ name: 'Lead', type: 'lead', stage_id: s3, probability: 90 }, { name: 'Opp', type: 'opportunity', stage_id: s1, probability: 5 }]), 1,
      'an opportunity before a lead, whatever its stage');
    t.equal(await merge([{ name: 'Early', type: 'opportunity', stage_id: s1, probability: 90 }, { name: 'Late', type: 'opportunity', stage_id: s3, probability: 10 }]), 1,
      'then the later stage');
    t.equal(await merge([{ name: 'Low', type: 'opportunity', stage_id: s2, probability: 20 }, { name: 'High', type: 'opportunity', stage_id: s2, probability: 60 }]), 1,
      'then the higher probability');
    t.equal(await merge([{ name: 'Older', type: 'opportunity', stage_id: s2, probability: 20 }, { name: 'Newer', type: 'opportunity', stage_id: s2, probability: 20 }]), 0,
      'then the older record');
    const [lostLead, openLead] = await leads(env).create([{ name: 'Lost lead', type: 'lead', stage_id: s3 }, { name: 'Open lead', type: 'lead', stage_id: s1 }]);
    await leads(env).action_set_lost([lostLead], {});
    t.equal(await leads(env).merge_opportunity([lostLead, openLead]), openLead, 'an active lead before a lost one');
  });
});

t.test('fields: the kept record\'s first, then the others\'; notes joined, tags united, highest priority', async (t) => {
  await db.rollback(async (env) => {
    const [t1, t2, t3] = await env.model('crm.tag').create([{ name: 'T1' }, { name: 'T2' }, { name: 'T3' }]);
    const s3 = await env.refId('crm.stage_lead3');
    const [head, tail1, tail2] = await leads(env).create([
      { name: 'Head', type: 'opportunity', stage_id: s3, probability: 50, description: '<p>Head notes</p>', tag_ids: [t1], priority: '1', expected_revenue: 0 },
      { name: 'Tail 1', type: 'opportunity', phone: '021 111', contact_name: 'Sara', description: '<p>Tail notes</p>', tag_ids: [t2], priority: '3', expected_revenue: 700 },
      { name: 'Tail 2', type: 'lead', phone: '021 222', partner_name: 'Azadi', function: 'CEO', tag_ids: [t2, t3], priority: '0', referred: 'Ali' },
    ]);
    t.equal(await leads(env).merge_opportunity([tail2, head, tail1]), head);
    const row = await one(env, head, ['name', 'phone', 'contact_name', 'partner_name', 'function', 'referred', 'description', 'tag_ids', 'priority', 'expected_revenue', 'type', 'stage_id']);
    t.equal(row.name, 'Head');
    t.equal(row.phone, '021 111', 'the first value set, most advanced record first');
    t.same([row.contact_name, row.partner_name, row.function, row.referred], ['Sara', 'Azadi', 'CEO', 'Ali']);
    t.equal(row.description, '<p>Head notes</p><br/><br/><p>Tail notes</p>');
    t.same((row.tag_ids as number[]).sort(), [t1, t2, t3].sort());
    t.equal(row.priority, '3');
    t.equal(row.expected_revenue, 700);
    t.equal(m2o(row.stage_id), s3);
    t.same(await exists(env, [tail1, tail2]), [], 'the others are deleted');
  });
});

t.test('the address comes whole from the record with the most address fields', async (t) => {
  await db.rollback(async (env) => {
    const [iran] = await env.model('res.country').search([['code', '=', 'IR']]);
    const [head, tail] = await leads(env).create([
      { name: 'Head', type: 'opportunity', probability: 80, city: 'Shiraz' },
      { name: 'Tail', type: 'opportunity', probability: 10, street: 'Valiasr 12', city: 'Tehran', zip: '1234', country_id: iran },
    ]);
    await leads(env).merge_opportunity([head, tail]);
    const row = await one(env, head, ['street', 'city', 'zip', 'country_id', 'street2']);
    t.same([row.street, row.city, row.zip, m2o(row.country_id), row.street2], ['Valiasr 12', 'Tehran', '1234', iran, false], 'never Shiraz with Valiasr 12');
  });
});

t.test('a lead merged into an opportunity makes an opportunity; a lost reason stays only on a lost result', async (t) => {
  await db.rollback(async (env) => {
    const reason = await env.refId('crm.lost_reason_1');
    const [a, b] = await leads(env).create([{ name: 'A', type: 'lead', probability: 30 }, { name: 'B', type: 'lead', probability: 10 }]);
    await leads(env).action_set_lost([b], { lost_reason_id: reason });
    t.equal(await leads(env).merge_opportunity([a, b]), a);
    const row = await one(env, a, ['type', 'lost_reason_id', 'active']);
    t.same([row.type, row.lost_reason_id, row.active], ['lead', false, true]);
  });
});

t.test('the team forced: its salesperson and team; a stage the team does not use becomes its first', async (t) => {
  await db.rollback(async (env) => {
    const [east, west] = await env.model('crm.team').create([{ name: 'East' }, { name: 'West' }]);
    const [eastStage, westFirst] = await env.model('crm.stage').create([
      { name: 'East only', sequence: 5, team_id: east }, { name: 'West first', sequence: 0, team_id: west },
    ]);
    const seller = await env.model('res.users').create({ login: 'seller', name: 'Seller' });
    const [a, b] = await leads(env).create([
      { name: 'A', type: 'opportunity', team_id: east, stage_id: eastStage, probability: 50 }, { name: 'B', type: 'opportunity', team_id: east, probability: 10 },
    ]);
    const kept = await leads(env).merge_opportunity([a, b], { user_id: seller, team_id: west });
    const row = await one(env, kept, ['user_id', 'team_id', 'stage_id']);
    t.same([m2o(row.user_id), m2o(row.team_id), m2o(row.stage_id)], [seller, west, westFirst]);
    // A shared stage is kept.
    const [c, d] = await leads(env).create([{ name: 'C', type: 'opportunity', stage_id: await env.refId('crm.stage_lead3'), probability: 50 }, { name: 'D', type: 'opportunity', probability: 50 }]);
    const kept2 = await leads(env).merge_opportunity([c, d], { team_id: west });
    t.equal(m2o((await one(env, kept2, ['stage_id'])).stage_id), await env.refId('crm.stage_lead3'));
  });
});

t.test('messages, activities and meetings move to the kept record; a note lists what was merged', async (t) => {
  await db.rollback(async (env) => {
    const [head, tail] = await leads(env).create([{ name: 'Head', type: 'opportunity', probability: 60 }, { name: 'Old deal', type: 'opportunity', probability: 5, email_from: 'x@old.example' }]);
    const message = await leads(env).message_post(tail, { body: '<p>Called them</p>' });
    await env.model('mail.message').write(message, { subject: 'Call' });
    const plain = await leads(env).message_post(tail, { body: '<p>No subject</p>' });
    const [activity] = await leads(env).activity_schedule([tail], { activity_type: 'mail.mail_activity_data_call', summary: 'Call back' });
    const meeting = await env.model('calendar.event').with_context({ default_opportunity_id: tail }).create({ name: 'Demo', start: '2026-05-20 10:00:00', stop: '2026-05-20 11:00:00' });
    const linkedOnly = await env.model('calendar.event').create({ name: 'Linked', start: '2026-05-21 10:00:00', stop: '2026-05-21 11:00:00', res_model: 'crm.lead', res_id: tail });
    await leads(env).merge_opportunity([head, tail]);
    const messages = await env.model('mail.message').read([message, plain], ['res_id', 'subject']);
    t.same(messages.map((m) => [m.res_id, m.subject]), [[head, 'From Old deal: Call'], [head, 'From Old deal']]);
    t.equal((await env.model('mail.activity').read(activity, ['res_id']))[0].res_id, head);
    const events = await env.model('calendar.event').read([meeting, linkedOnly], ['opportunity_id', 'res_id', 'res_model']);
    t.same(events.map((e) => [m2o(e.opportunity_id), e.res_id, e.res_model]), [[head, head, 'crm.lead'], [head, head, 'crm.lead']]);
    const summary = await env.model('mail.message').search_read([['res_model', '=', 'crm.lead'], ['res_id', '=', head], ['body', 'ilike', 'Merged with']], ['body']);
    t.equal(summary.length, 1);
    t.match(summary[0].body, /<b>Old deal<\/b>.*Email: x@old.example/);
    t.same(await exists(env, [tail]), []);
    t.same(await env.model('mail.message').search([['res_model', '=', 'crm.lead'], ['res_id', '=', tail]]), [], 'nothing points to the deleted record');
    t.equal((await one(env, head, ['calendar_event_count'])).calendar_event_count, 2, 'both meetings are the kept opportunity\'s');
  });
});

t.test('at most five at once, unless the limit is lifted; at least two', async (t) => {
  await db.rollback(async (env) => {
    const admin = env.withUser(await env.refId('base.user_admin'));
    const ids = await leads(admin).create(Array.from({ length: 6 }, (_, i) => ({ name: `L${i}` })));
    await t.rejects(leads(admin).merge_opportunity(ids), { code: 'ERP_USER_ERROR', message: 'To prevent data loss, Leads and Opportunities can only be merged by groups of 5.' });
    await t.rejects(leads(admin).merge_opportunity(ids.slice(0, 1)), { code: 'ERP_USER_ERROR', message: /at least two/ });
    t.same((await exists(env, ids)).length, 6, 'nothing merged');
    const kept = await leads(admin).merge_opportunity(ids, { max_length: 0 });
    t.same(await exists(env, ids), [kept], 'max_length 0 lifts the limit');
    const more = await leads(env).create(Array.from({ length: 7 }, (_, i) => ({ name: `M${i}` })));
    t.ok(await leads(env).merge_opportunity(more), 'the superuser has no limit (as in Odoo)');
  });
});

t.test('auto_unlink false keeps the others (the conversion dialog deletes them itself)', async (t) => {
  await db.rollback(async (env) => {
    const ids = await leads(env).create([{ name: 'A' }, { name: 'B' }]);
    await leads(env).merge_opportunity(ids, false, false, false);
    t.same((await exists(env, ids)).sort(), ids.sort());
  });
});

t.test('the Merge dialog: won records left out, salesperson and team applied, the result opened', async (t) => {
  await db.rollback(async (env) => {
    type Wizard = Model & { action_merge(id: number): Promise<{ res_model: string; res_id: number; views: unknown[] }> };
    const [a, b, won] = await leads(env).create([{ name: 'A', type: 'opportunity', probability: 40 }, { name: 'B', type: 'opportunity', probability: 10 }, { name: 'Won' }]);
    await leads(env).action_set_won([won]);
    const team = await env.model('crm.team').create({ name: 'Merge team' });
    const seller = await env.model('res.users').create({ login: 'merger', name: 'Merger' });
    await env.model('crm.team.member').create({ crm_team_id: team, user_id: seller });
    const wizards = env.model<Wizard>('crm.merge.opportunity').with_context({ active_model: 'crm.lead', active_ids: [a, b, won] });
    t.same(((await wizards.default_get(['opportunity_ids'])).opportunity_ids as number[]).sort(), [a, b].sort());
    const onchange = await wizards.onchange({ user_id: seller, team_id: false }, ['user_id']);
    t.same(onchange.value.team_id, [team, 'Merge team'], 'the salesperson\'s team is proposed');
    const wizard = await wizards.create({ user_id: seller, team_id: team });
    const action = await wizards.action_merge(wizard);
    t.match(action, { res_model: 'crm.lead', res_id: a, views: [[false, 'form']] });
    const row = await one(env, a, ['user_id', 'team_id']);
    t.same([m2o(row.user_id), m2o(row.team_id)], [seller, team]);
    t.same(await exists(env, [b]), []);
    t.same(await exists(env, [won]), [won], 'the won opportunity was not merged');
  });
});
