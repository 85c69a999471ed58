// The "Lost" dialog (crm.lead.lost): the leads it opens on, the reason, the closing note in the
// chatter, and what a salesperson may do with it.

import t from 'tap';
import { testDb } from '../../../tests/helpers/db.ts';
import type { Env } from '../../../core/models/env.ts';
import type { Model } from '../../../core/models/model.ts';
import type { CrmLead } from '../models/lead.ts';

const db = await testDb(t, { modules: ['crm'] });

type LostWizard = Model & { action_lost_reason_apply(ids: number[] | number): Promise<unknown> };
const wizards = (env: Env) => env.model<LostWizard>('crm.lead.lost');
const leads = (env: Env) => env.model<CrmLead & { action_lost_wizard(ids: number[]): Promise<{ context: Record<string, unknown>; res_model: string; target: string }> }>('crm.lead');
const one = async (env: Env, id: number, fields: string[]) => (await env.model('crm.lead').with_context({ active_test: false }).read(id, fields))[0];
const bodies = async (env: Env, id: number) =>
  (await env.model('mail.message').search_read([['res_model', '=', 'crm.lead'], ['res_id', '=', id]], ['body'])).map((m) => String(m.body));

t.test('marking leads lost from a list: the reason on each, the closing note in each chatter', async (t) => {
  await db.rollback(async (env) => {
    const reason = await env.refId('crm.lost_reason_1');
    const [a, b, other] = await leads(env).create([{ name: 'Desks', probability: 40 }, { name: 'Chairs' }, { name: 'Untouched' }]);
    const lost = wizards(env).with_context({ active_model: 'crm.lead', active_ids: [a, b] });
    const id = await lost.create({ lost_reason_id: reason, lost_feedback: '<p>They chose a <b>cheaper</b> supplier.</p>' });
    t.same(((await lost.read(id, ['lead_ids']))[0].lead_ids as number[]).sort(), [a, b].sort(), 'the selected leads come from active_ids');
    await lost.action_lost_reason_apply(id);
    for (const lead of [a, b]) {
      const row = await one(env, lead, ['active', 'probability', 'lost_reason_id', 'won_status']);
      t.same([row.active, row.probability, (row.lost_reason_id as [number, string])[0], row.won_status], [false, 0, reason, 'lost']);
      const note = (await bodies(env, lead)).find((body) => body.includes('cheaper'));
      t.ok(note, 'the closing note is in the chatter');
      t.match(note, /<p>Lost Reason: Too expensive<\/p><p>They chose a <b>cheaper<\/b> supplier.<\/p>/, 'with the reason first');
    }
    t.equal((await one(env, other, ['active'])).active, true, 'a lead not selected stays open');
  });
});

t.test('the Lost button opens the dialog on its lead; without a note nothing is posted but the change', async (t) => {
  await db.rollback(async (env) => {
    const id = await leads(env).create({ name: 'Lamp' });
    const action = await leads(env).action_lost_wizard([id]);
    t.same([action.res_model, action.target], ['crm.lead.lost', 'new']);
    const lost = wizards(env).with_context(action.context);
    const defaults = await lost.default_get(['lead_ids']);
    t.same(defaults.lead_ids, [id]);
    const wizard = await lost.create({ lost_reason_id: await env.refId('crm.lost_reason_2'), lost_feedback: '<p><br></p>' });
    const before = await bodies(env, id);
    await lost.action_lost_reason_apply(wizard);
    const added = (await bodies(env, id)).filter((body) => !before.includes(body));
    t.equal(added.length, 1, 'one message: the tracking of the change');
    t.match(added[0], /^<ul>.*Lost Reason: None -> We don't have people\/skills/, 'the reason shows in the tracking');
    t.notOk(added[0].includes('<p>Lost Reason'), 'an empty note posts no message of its own');
    t.equal((await one(env, id, ['won_status'])).won_status, 'lost');
  });
});

t.test('a won opportunity can be marked lost too (as in Odoo)', async (t) => {
  await db.rollback(async (env) => {
    const id = await leads(env).create({ name: 'Signed' });
    await leads(env).action_set_won([id]);
    const lost = wizards(env).with_context({ active_model: 'crm.lead', active_ids: [id] });
    await lost.action_lost_reason_apply(await lost.create({}));
    const row = await one(env, id, ['active', 'probability', 'won_status', 'lost_reason_id']);
    t.same([row.active, row.probability, row.won_status, row.lost_reason_id], [false, 0, 'lost', false]);
  });
});

t.test('a salesperson uses the dialog on their own leads', async (t) => {
  await db.rollback(async (env) => {
    const seller = await env.model('res.users').create({ login: 'seller', name: 'Seller', groups_id: [[4, await env.refId('crm.group_sale_salesman')]] });
    const id = await leads(env).create({ name: 'Mine', user_id: seller });
    const as = env.withUser(seller);
    const lost = wizards(as).with_context({ active_model: 'crm.lead', active_ids: [id] });
    await lost.action_lost_reason_apply(await lost.create({ lost_reason_id: await env.refId('crm.lost_reason_3'), lost_feedback: '<p>No stock</p>' }));
    t.equal((await one(env, id, ['won_status'])).won_status, 'lost');
    await t.rejects(wizards(as).with_context({ active_ids: [] }).action_lost_reason_apply(await wizards(as).create({})), { code: 'ERP_USER_ERROR', message: /Select the leads/ });
  });
});
