// Similar leads (duplicate_lead_ids / duplicate_lead_count, the "Similar Leads" smart button):
// Odoo 17's criteria, the limit past which a criterion is ignored, archived leads, record rules,
// and a cost that does not grow with the number of leads read.

import t from 'tap';
import { testDb } from '../../../tests/helpers/db.ts';
import type { Env } from '../../../core/models/env.ts';
import type { Model } from '../../../core/models/model.ts';
import type { CrmLead } from '../models/lead.ts';

const db = await testDb(t, { modules: ['crm'] });

type Leads = CrmLead & { action_show_potential_duplicates(ids: number[]): Promise<{ domain: unknown[]; context: Record<string, unknown>; res_model: string }> };
const leads = (env: Env) => env.model<Leads>('crm.lead');
const similar = async (env: Env, id: number) => {
  const [row] = await leads(env).with_context({ active_test: false }).read(id, ['duplicate_lead_ids', 'duplicate_lead_count']);
  return { ids: (row.duplicate_lead_ids as number[]).slice().sort((a, b) => a - b), count: row.duplicate_lead_count };
};
const sorted = (ids: number[]) => ids.slice().sort((a, b) => a - b);

t.test('same email domain: similar; the lead itself is not among its similar leads', async (t) => {
  await db.rollback(async (env) => {
    const [a, b, c, d] = await leads(env).create([
      { name: 'A', email_from: 'ann@acme.example' }, { name: 'B', email_from: 'Bob <BOB@Acme.Example>' },
      { name: 'C', email_from: 'carl@other.example' }, { name: 'D' },
    ]);
    t.same(await similar(env, a), { ids: [b], count: 1 });
    t.same(await similar(env, b), { ids: [a], count: 1 }, 'the domain is compared normalised');
    t.same(await similar(env, c), { ids: [], count: 0 });
    t.same(await similar(env, d), { ids: [], count: 0 }, 'no email, no phone, no customer: nothing to compare');
  });
});

t.test('free mail providers: only the same address is similar', async (t) => {
  await db.rollback(async (env) => {
    const [a, b, c] = await leads(env).create([
      { name: 'A', email_from: 'sara@gmail.com' }, { name: 'B', email_from: 'reza@gmail.com' }, { name: 'C', email_from: 'Sara <Sara@Gmail.com>' },
    ]);
    t.same(await similar(env, a), { ids: [c], count: 1 });
    t.same(await similar(env, b), { ids: [], count: 0 }, 'sharing gmail.com means nothing');
  });
});

t.test('customers under the same commercial entity are similar, whatever their email', async (t) => {
  await db.rollback(async (env) => {
    const partners = env.model('res.partner');
    const company = await partners.create({ name: 'Azadi Trading', is_company: true });
    const [sara, ali] = await partners.create([{ name: 'Sara', parent_id: company }, { name: 'Ali', parent_id: company }]);
    const branch = await partners.create({ name: 'Azadi Isfahan', is_company: true, parent_id: company });
    const stranger = await partners.create({ name: 'Stranger' });
    const [a, b, c, d, e] = await leads(env).create([
      { name: 'A', partner_id: sara, email_from: 'sara@gmail.com' }, { name: 'B', partner_id: ali, email_from: 'ali@yahoo.com' },
      { name: 'C', partner_id: company }, { name: 'D', partner_id: branch }, { name: 'E', partner_id: stranger },
    ]);
    t.same(await similar(env, a), { ids: sorted([b, c, d]), count: 3 }, 'the company, its people and its branches (child_of)');
    t.same(await similar(env, c), { ids: sorted([a, b, d]), count: 3 });
    t.same(await similar(env, e), { ids: [], count: 0 });
  });
});

t.test('the same phone number, written differently, is similar', async (t) => {
  await db.rollback(async (env) => {
    const [iran] = await env.model('res.country').search([['code', '=', 'IR']]);
    const [a, b, c] = await leads(env).create([
      { name: 'A', phone: '0912 345 6789', country_id: iran }, { name: 'B', mobile: '+98 912 345 6789' },
      { name: 'C', phone: '0912 000 0000', country_id: iran },
    ]);
    t.same(await similar(env, a), { ids: [b], count: 1 });
    t.same(await similar(env, c), { ids: [], count: 0 });
  });
});

t.test('a criterion shared by more than 20 other leads is ignored; archived leads count', async (t) => {
  await db.rollback(async (env) => {
    const many = (n: number, domain: string) => Array.from({ length: n }, (_, i) => ({ name: `${domain} ${i}`, email_from: `p${i}@${domain}` }));
    const twenty = await leads(env).create(many(21, 'twenty.example'));
    t.same(await similar(env, twenty[0]), { ids: sorted(twenty.slice(1)), count: 20 }, '20 others: still shown');
    const crowd = await leads(env).create(many(22, 'crowd.example'));
    t.same(await similar(env, crowd[0]), { ids: [], count: 0 }, '21 others: the domain says nothing');
    // Another criterion still counts for such a lead.
    const [iran] = await env.model('res.country').search([['code', '=', 'IR']]);
    await leads(env).write([crowd[0], crowd[1]], { phone: '0912 111 2233', country_id: iran });
    t.same(await similar(env, crowd[0]), { ids: [crowd[1]], count: 1 });
    // Lost (archived) leads are similar too.
    await leads(env).action_set_lost([twenty[1]], {});
    t.same((await similar(env, twenty[0])).count, 20, 'a lost lead is still listed');
    t.same((await similar(env, twenty[1])).count, 20, 'and a lost lead has its similar leads');
  });
});

t.test('email and phone look past the record rules; the customer criterion does not', async (t) => {
  await db.rollback(async (env) => {
    const groups = [[4, await env.refId('crm.group_sale_salesman')]];
    const [mine, theirs] = await env.model('res.users').create([{ login: 'mine', name: 'Mine', groups_id: groups }, { login: 'theirs', name: 'Theirs', groups_id: groups }]);
    const partner = await env.model('res.partner').create({ name: 'Shared Customer', is_company: true });
    const [own, byEmail, byPartner] = await leads(env).create([
      { name: 'Own', user_id: mine, partner_id: partner, email_from: 'x@shared.example' },
      { name: 'Theirs by email', user_id: theirs, email_from: 'y@shared.example' },
      { name: 'Theirs by customer', user_id: theirs, partner_id: partner, email_from: 'z@elsewhere.example' },
    ]);
    t.same(await similar(env, own), { ids: sorted([byEmail, byPartner]), count: 2 }, 'the manager sees both');
    t.same(await similar(env.withUser(mine), own), { ids: [byEmail], count: 1 },
      'a salesperson learns of the other salesperson\'s lead with the same domain, not of the one of the same customer');
  });
});

t.test('the smart button lists the lead with its similar leads, archived ones included', async (t) => {
  await db.rollback(async (env) => {
    const [a, b] = await leads(env).create([{ name: 'A', email_from: 'a@button.example' }, { name: 'B', email_from: 'b@button.example' }]);
    await leads(env).action_set_lost([b], {});
    const action = await leads(env).action_show_potential_duplicates([a]);
    t.equal(action.res_model, 'crm.lead');
    t.same(action.context.active_test, false);
    const shown = await leads(env).with_context(action.context).search(action.domain as never);
    t.same(sorted(shown), sorted([a, b]));
  });
});

t.test('a new lead\'s form shows its similar leads as the email is typed', async (t) => {
  await db.rollback(async (env) => {
    await leads(env).create([{ name: 'A', email_from: 'a@typed.example' }, { name: 'B', email_from: 'b@typed.example' }]);
    const reply = await (leads(env) as Model).onchange({ name: 'New', email_from: 'c@typed.example' }, ['email_from']);
    t.equal(reply.value.duplicate_lead_count, 2);
  });
});

t.test('query counts: reading the similar leads of 100 leads costs what 1 costs', async (t) => {
  await db.rollback(async (env) => {
    const count = async (fn: () => Promise<unknown>) => { const before = env.cr.queryCount; await fn(); return env.cr.queryCount - before; };
    const [iran] = await env.model('res.country').search([['code', '=', 'IR']]);
    const company = await env.model('res.partner').create({ name: 'Bulk Co', is_company: true });
    const ids = await leads(env).create(Array.from({ length: 100 }, (_, i) => ({
      name: `Deal ${i}`, email_from: `p${i % 30}@bulk${i % 7}.example`, phone: `0912 000 ${String(1000 + (i % 13))}`, country_id: iran,
      partner_id: i % 2 ? company : false,
    })));
    const user = env.withUser(await env.refId('base.user_admin'));
    for (const [label, as] of [['superuser', env], ['user', user]] as const) {
      const fields = ['name', 'duplicate_lead_count', 'duplicate_lead_ids'];
      await leads(as).read(ids[0], ['name']); // the user's rights and rules, read once per environment
      const one = await count(() => leads(as).read(ids.slice(1, 2), fields));
      const hundred = await count(() => leads(as).read(ids, fields));
      t.equal(hundred, one, `${label}: ${one} queries for 1 lead and for 100`);
    }
    const [first] = await leads(env).read(ids[1], ['duplicate_lead_count']);
    t.ok(Number(first.duplicate_lead_count) > 0, 'the leads do have similar leads');
  });
});
