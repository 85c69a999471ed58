// Creating many crm.lead at once (an import): the stored computed fields are computed before the
// INSERT and written by it, the scoring writes the probability and what follows it in one UPDATE,
// the customers' contact data is read once for the batch. The values must be those a recompute
// after the fact gives, and 1 or 100 leads cost the same number of queries.

import t from 'tap';
import { testDb } from '../../../tests/helpers/db.ts';
import type { Env } from '../../../core/models/env.ts';
import type { Values } from '../../../core/index.ts';

const db = await testDb(t, { modules: ['crm'] });

const COMPUTED = ['email_normalized', 'email_domain_criterion', 'email_state', 'phone_sanitized', 'phone_state', 'prorated_revenue',
  'recurring_revenue_monthly', 'recurring_revenue_monthly_prorated', 'won_status'];

/** Customers of different countries and languages, a plan, the won and an open stage. */
async function fixtures(env: Env) {
  const countries = await env.model('res.country').search([['code', 'in', ['IR', 'FR']]], { order: 'code' });
  const [lang] = await env.model('res.lang').with_context({ active_test: false }).search_read([], ['code'], { limit: 1 });
  const partners = await env.model('res.partner').create(Array.from({ length: 7 }, (_, i) => ({
    name: `Customer ${i}`, is_company: i % 2 === 0, email: `Buyer${i}@Shop${i}.example`, mobile: i % 3 ? '0912 345 6789' : false,
    phone: '021 2222 3333', country_id: countries[i % countries.length], city: `City ${i}`, lang: i % 2 ? lang.code : false,
  })));
  const [plan] = await env.model('crm.recurring.plan').create([{ name: 'Yearly', number_of_months: 12 }]);
  return { partners, plan, lang: lang.id, won: await env.refId('crm.stage_lead4'), open: await env.refId('crm.stage_lead2') };
}

function vals(n: number, f: Awaited<ReturnType<typeof fixtures>>): Values[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `Lead ${i}`, partner_id: f.partners[i % f.partners.length], expected_revenue: 1000 + i, recurring_revenue: i % 2 ? 1200 : 0,
    recurring_plan: i % 2 ? f.plan : false, stage_id: i % 5 ? f.open : f.won, ...(i % 4 === 1 ? { email_from: 'not an email' } : {}),
    ...(i % 6 === 2 ? { probability: 35, active: false } : {}),
  }));
}

t.test('bulk create: stored computes as a recompute gives them, contact data of every customer', async (t) => {
  await db.rollback(async (env) => {
    const f = await fixtures(env);
    const model = env.model('crm.lead');
    const ids = await model.create(vals(30, f)) as number[];
    const fields = [...COMPUTED, 'probability', 'automated_probability', 'email_from', 'phone', 'mobile', 'country_id', 'lang_id', 'partner_name', 'contact_name', 'city'];
    const created = await model.with_context({ active_test: false }).read(ids, fields);
    t.equal(created.filter((r) => r.won_status === 'won').length, 5, 'leads created in the won stage are won (but the archived one)');
    t.ok(created.every((r) => r.won_status !== 'won' || r.probability === 100));
    t.equal(created.filter((r) => r.won_status === 'lost').length, 0);
    t.ok(created.some((r) => r.recurring_revenue_monthly === 100), 'the plan\'s months are used before the INSERT');
    t.ok(created.some((r) => r.email_state === 'incorrect') && created.some((r) => r.email_state === 'correct'));
    t.ok(created.some((r) => typeof r.phone_sanitized === 'string' && String(r.phone_sanitized).startsWith('+98')), 'the customer\'s country reads the phone');
    t.same(created.filter((r) => r.lang_id).length, created.filter((_, i) => (i % 7) % 2 === 1).length, 'customers with a language give it');
    t.ok(created.every((r) => r.city), 'the customer\'s address is copied');
    // A recompute from the stored rows gives the same values.
    await model._modified(ids, ['email_from', 'phone', 'mobile', 'country_id', 'company_id', 'expected_revenue', 'probability', 'recurring_revenue', 'recurring_plan', 'active', 'stage_id']);
    const again = await model.with_context({ active_test: false }).read(ids, fields);
    t.same(created, again, 'computed before the INSERT = recomputed after it');
  });
});

t.test('bulk create: no UPDATE pass for the computes, and 1 or 100 leads cost the same', async (t) => {
  await db.rollback(async (env) => {
    const f = await fixtures(env);
    const model = env.model('crm.lead');
    const cr = env.cr as unknown as { query: (sql: string, params?: unknown[]) => Promise<unknown[]>; execute: (sql: string, params?: unknown[]) => Promise<number> };
    const updates: string[] = [];
    const watch = <K extends 'query' | 'execute'>(name: K) => {
      const original = cr[name].bind(cr) as (sql: string, params?: unknown[]) => Promise<never>;
      cr[name] = ((sql: string, params?: unknown[]) => {
        if (/^\s*UPDATE\s+"?crm_lead"?\s/i.test(sql)) updates.push(sql);
        return original(sql, params);
      }) as never;
      return () => { cr[name] = original as never; };
    };
    const restore = [watch('query'), watch('execute')];
    try {
      // The single lead has what costs a query when present (a customer's language, a plan).
      const cost = async (list: Values[]) => {
        updates.length = 0;
        const before = env.cr.queryCount;
        await model.create(list);
        return { queries: env.cr.queryCount - before, updates: updates.length };
      };
      // Open leads (a won one also counts in the scoring's frequency table), after a first
      // create has filled the caches of the environment.
      const open = (list: Values[]) => list.map(({ probability: _p, active: _a, ...v }) => ({ ...v, stage_id: f.open }));
      await model.create(open(vals(1, f)));
      const one = await cost(open(vals(2, f).slice(1)));
      const hundred = await cost(open(vals(100, f)));
      t.equal(hundred.queries, one.queries, `${one.queries} queries for 1 lead and ${hundred.queries} for 100`);
      t.equal(hundred.updates, 1, 'one UPDATE of crm_lead: the scoring, with the fields that follow the probability');
    } finally {
      for (const undo of restore) undo();
    }
  });
});
