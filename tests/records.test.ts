import t from 'tap';
import { testDb } from './helpers/db.ts';
import type { Env } from '../core/models/env.ts';

const db = await testDb(t, { modules: ['test_pipeline'] });

async function stage(env: Env, xmlid: string): Promise<number> {
  return env.refId(`test_pipeline.${xmlid}`);
}

t.test('create returns ids in order and read gives Odoo shapes', async (t) => {
  await db.rollback(async (env) => {
    const leads = env.model('test.lead');
    const partner = await env.model('res.partner').create({ name: 'Azure Interior', email: 'info@azure.example', is_company: true, country_id: await env.refId('base.ir') });
    const tag = await env.model('test.tag').create({ name: 'VIP' });
    const ids = await leads.create([
      { name: 'First', partner_id: partner, tag_ids: [[6, 0, [tag]]], probability: 10, expected_revenue: 1000.5, date_deadline: '2026-12-31', priority: '2' },
      { name: 'Second' },
    ]);
    t.equal(ids.length, 2);
    t.ok(ids[1] > ids[0], 'ids follow the order of the values');
    const [first, second] = await leads.read(ids, ['name', 'partner_id', 'tag_ids', 'probability', 'expected_revenue', 'date_deadline', 'priority', 'partner_email', 'partner_country_code', 'name_upper', 'user_id', 'active', 'notes', 'color', 'date_closed']);
    t.same(first.partner_id, [partner, 'Azure Interior'], 'a many2one reads as [id, display name]');
    t.same(first.tag_ids, [tag]);
    t.equal(first.probability, 10);
    t.equal(first.expected_revenue, 1000.5);
    t.equal(first.date_deadline, '2026-12-31');
    t.equal(first.priority, '2');
    t.equal(first.partner_email, 'info@azure.example', 'related field follows the many2one');
    t.equal(first.partner_country_code, 'IR', 'stored related field through two many2ones');
    t.equal(first.name_upper, 'FIRST', 'non-stored computed field is computed on read');
    t.same(first.user_id, [1, 'System'], 'callable default uses the environment');
    t.equal(second.partner_id, false, 'an empty many2one reads as false');
    t.equal(second.notes, false, 'empty text reads as false');
    t.equal(second.color, 0, 'empty integer reads as 0');
    t.equal(second.priority, '0', 'selection default');
    t.equal(second.active, true, 'boolean default');
    t.equal(second.date_closed, false);
  });
});

t.test('write updates a batch, recomputes dependents and refuses bad input', async (t) => {
  await db.rollback(async (env) => {
    const leads = env.model('test.lead');
    const partner = await env.model('res.partner').create({ name: 'Deco Addict', email: 'a@deco.example' });
    const ids = await leads.create([{ name: 'A', partner_id: partner }, { name: 'B', partner_id: partner }]);
    await leads.write(ids, { stage_id: await stage(env, 'stage_qualified'), probability: 50 });
    const rows = await leads.read(ids, ['stage_id', 'probability']);
    t.same(rows.map((r) => r.stage_id), [[await stage(env, 'stage_qualified'), 'Qualified'], [await stage(env, 'stage_qualified'), 'Qualified']]);
    await env.model('res.partner').write(partner, { country_id: await env.refId('base.us') });
    t.same((await leads.read(ids, ['partner_country_code'])).map((r) => r.partner_country_code), ['US', 'US'], 'stored related recomputed when the partner changes');
    await t.rejects(leads.write(ids, { probability: 'lots' }), { code: 'ERP_INVALID_VALUE', message: /probability.*test\.lead.*expected a number/ });
    await t.rejects(leads.write(ids, { nope: 1 }), { code: 'ERP_UNKNOWN_FIELD', message: /nope/ });
    await t.rejects(leads.write(ids, { priority: '9' }), { code: 'ERP_INVALID_VALUE', message: /"9" is not one of/ });
    await t.rejects(leads.write(ids, { name: false }), { code: 'ERP_REQUIRED_FIELD', message: /Opportunity/ });
    await t.rejects(leads.write(ids, { date_deadline: '31/12/2026' }), { code: 'ERP_INVALID_VALUE', message: /YYYY-MM-DD/ });
    await t.rejects(leads.write([999999], { name: 'x' }), { code: 'ERP_MISSING_RECORD' });
  });
});

t.test('a refused write changes nothing (one transaction)', async (t) => {
  const id = await db.commit((env) => env.model('test.lead').create({ name: 'Stable', probability: 20 }));
  await t.rejects(db.commit(async (env) => {
    await env.model('test.lead').write(id, { name: 'Changed' });
    await env.model('test.lead').write(id, { probability: 150 });
  }), { code: 'ERP_SQL_CONSTRAINT', message: 'The probability of closing the deal should be between 0% and 100%!' });
  const [row] = await db.commit((env) => env.model('test.lead').read(id, ['name', 'probability']));
  t.same([row.name, row.probability], ['Stable', 20]);
});

t.test('required fields and unique constraints give clear errors', async (t) => {
  await db.rollback(async (env) => {
    await t.rejects(env.model('test.lead').create({ probability: 5 }), { code: 'ERP_REQUIRED_FIELD', message: /"Opportunity" \(name\) is required on model "test.lead"/ });
  });
  await db.rollback(async (env) => {
    await env.model('test.tag').create({ name: 'Dup' });
    await t.rejects(env.model('test.tag').create({ name: 'Dup' }), { code: 'ERP_SQL_CONSTRAINT', message: 'Tag name already exists!' });
  });
  await db.rollback(async (env) => {
    const s = await env.model('test.stage').create({ name: 'Used' });
    await env.model('test.lead').create({ name: 'L', stage_id: s });
    await t.rejects(env.model('test.stage').unlink(s), { code: 'ERP_FOREIGN_KEY', message: /other records refer to it/ });
  });
});

t.test('one2many and many2many commands', async (t) => {
  await db.rollback(async (env) => {
    const leads = env.model('test.lead');
    const [t1, t2, t3] = await env.model('test.tag').create([{ name: 'T1' }, { name: 'T2' }, { name: 'T3' }]);
    const id = await leads.create({ name: 'Lines', tag_ids: [t1, t2], line_ids: [[0, 0, { name: 'a', amount: 10 }], [0, 0, { name: 'b', amount: 5 }]] });
    let [row] = await leads.read(id, ['tag_ids', 'line_ids', 'amount_total']);
    t.same([...(row.tag_ids as number[])].sort(), [t1, t2].sort());
    t.equal((row.line_ids as number[]).length, 2);
    t.equal(row.amount_total, 15, 'stored compute through a one2many');
    const [l1] = row.line_ids as number[];
    await leads.write(id, { tag_ids: [[3, t1], [4, t3]], line_ids: [[1, l1, { amount: 100 }], [0, 0, { name: 'c', amount: 1 }]] });
    [row] = await leads.read(id, ['tag_ids', 'line_ids', 'amount_total']);
    t.same([...(row.tag_ids as number[])].sort(), [t2, t3].sort());
    t.equal(row.amount_total, 106, 'recomputed when a line changes');
    await env.model('test.line').create({ lead_id: id, amount: 4 });
    t.equal((await leads.read(id, ['amount_total']))[0].amount_total, 110, 'recomputed when a line is created elsewhere');
    await env.model('test.line').unlink(l1);
    t.equal((await leads.read(id, ['amount_total']))[0].amount_total, 10, 'recomputed when a line is deleted');
    await leads.write(id, { tag_ids: [[5]], line_ids: [[5]] });
    [row] = await leads.read(id, ['tag_ids', 'line_ids']);
    t.same([row.tag_ids, row.line_ids], [[], []]);
    await t.rejects(leads.write(id, { tag_ids: [[9, 1]] }), { code: 'ERP_INVALID_VALUE', message: /unknown command/ });
  });
});

t.test('search, order, limit, count and archived records', async (t) => {
  await db.rollback(async (env) => {
    const leads = env.model('test.lead');
    const ids = await leads.create([
      { name: 'S1', priority: '1', probability: 10 }, { name: 'S2', priority: '3', probability: 90 },
      { name: 'S3', priority: '3', probability: 40, active: false },
    ]);
    const found = await leads.search([['id', 'in', ids]]);
    t.same(found, [ids[1], ids[0]], 'default order priority desc, id desc; archived hidden');
    t.same(await leads.search([['id', 'in', ids]], { order: 'probability asc' }), [ids[0], ids[1]]);
    t.same(await leads.with_context({ active_test: false }).search([['id', 'in', ids]], { order: 'name' }), ids);
    t.same(await leads.search([['id', 'in', ids], ['active', '=', false]]), [ids[2]], 'asking for active in the domain disables active_test');
    t.equal(await leads.search_count([['id', 'in', ids]]), 2);
    t.same(await leads.search([['id', 'in', ids]], { limit: 1, offset: 1 }), [ids[0]]);
    await t.rejects(leads.search([['nope', '=', 1]]), { code: 'ERP_UNKNOWN_FIELD' });
    await t.rejects(leads.search([['name', '===', 1]]), { code: 'ERP_INVALID_DOMAIN' });
    await t.rejects(leads.search([], { order: 'name; drop table x' }), { code: 'ERP_INVALID_ORDER' });
    await leads.action_archive(ids[0]);
    t.same(await leads.search([['id', 'in', ids]]), [ids[1]]);
  });
});

t.test('name_search, name_get, fields_get, default_get, copy, exists', async (t) => {
  await db.rollback(async (env) => {
    const leads = env.model('test.lead');
    const tag = await env.model('test.tag').create({ name: 'Copied' });
    const id = await leads.create({ name: 'Big Deal', tag_ids: [tag], line_ids: [[0, 0, { amount: 3 }]], won: true });
    t.same(await leads.name_search('big deal', [['id', '=', id]]), [[id, 'Big Deal']]);
    t.same(await leads.name_get([id]), [[id, 'Big Deal']]);
    const fields = await leads.fields_get(['partner_id', 'priority', 'tag_ids'], ['type', 'relation', 'selection', 'string']);
    t.same(fields.partner_id, { type: 'many2one', relation: 'res.partner', string: 'Customer' });
    t.same(fields.priority.selection, [['0', 'Low'], ['1', 'Medium'], ['2', 'High'], ['3', 'Very High']]);
    t.same(await leads.with_context({ default_color: 4 }).default_get(['color', 'priority', 'active']), { color: 4, priority: '0', active: true });
    const copyId = await leads.copy(id);
    const [copy] = await leads.read(copyId, ['name', 'tag_ids', 'won', 'amount_total']);
    t.same([copy.name, copy.tag_ids, copy.won], ['Big Deal (copy)', [tag], false], 'copy keeps many2many, skips copy=false fields');
    t.same(await leads.exists([id, 999999]), [id]);
  });
});

t.test('reading, creating and writing 100 records costs no more queries than 1', async (t) => {
  await db.rollback(async (env) => {
    const leads = env.model('test.lead');
    const partner = await env.model('res.partner').create({ name: 'Counter' });
    const [tag] = await env.model('test.tag').create([{ name: 'Count' }]);
    const cost = async (fn: () => Promise<unknown>) => {
      const before = env.cr.queryCount;
      await fn();
      return env.cr.queryCount - before;
    };
    const vals = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `L${i}`, partner_id: partner, tag_ids: [tag], stage_id: 1, line_ids: [[0, 0, { amount: i }]] }));
    let one: number[] = [];
    let hundred: number[] = [];
    const createOne = await cost(async () => { one = await leads.create(vals(1)); });
    const createHundred = await cost(async () => { hundred = await leads.create(vals(100)); });
    t.equal(createHundred, createOne, `create: ${createOne} queries for 1 and for 100`);
    const fields = ['name', 'partner_id', 'tag_ids', 'stage_id', 'user_id', 'amount_total', 'line_ids'];
    const readOne = await cost(() => leads.read(one, fields));
    const readHundred = await cost(() => leads.read(hundred, fields));
    t.equal(readHundred, readOne, `read: ${readOne} queries for 1 and for 100`);
    const sr = await cost(() => leads.search_read([['id', 'in', hundred]], ['name', 'partner_id', 'stage_id'], { limit: 80 }));
    t.ok(sr <= 3, `search_read of 80 records with two many2ones costs ${sr} queries`);
    const writeOne = await cost(() => leads.write(one, { probability: 5, partner_id: false }));
    const writeHundred = await cost(() => leads.write(hundred, { probability: 5, partner_id: false }));
    t.equal(writeHundred, writeOne, `write: ${writeOne} queries for 1 and for 100`);
    const unlinkOne = await cost(() => leads.unlink(one));
    const unlinkHundred = await cost(() => leads.unlink(hundred));
    t.equal(unlinkHundred, unlinkOne, `unlink: ${unlinkOne} queries for 1 and for 100`);
  });
});

t.test('onchange runs the handlers, recomputes dependents and saves nothing', async (t) => {
  await db.rollback(async (env) => {
    const leads = env.model('test.lead');
    const partner = await env.model('res.partner').create({ name: 'Gemini', email: 'g@gemini.example', country_id: await env.refId('base.ir') });
    const before = await leads.search_count([]);
    const reply = await leads.onchange({ name: false, partner_id: partner }, ['partner_id']);
    t.same(reply.value, {
      name: "Gemini's opportunity",
      partner_email: 'g@gemini.example',
      partner_country_code: 'IR',
      name_upper: "GEMINI'S OPPORTUNITY",
    }, 'the handler proposes a name, related and computed fields follow, cascading');
    t.equal(reply.warning, undefined);
    const kept = await leads.onchange({ name: 'Mine', partner_id: [partner, 'Gemini'] }, 'partner_id');
    t.notOk('name' in kept.value, 'a name already typed is kept');
    const bare = await env.model('res.partner').create({ name: 'No Mail' });
    const warned = await leads.onchange({ name: false, partner_id: bare }, ['partner_id']);
    t.same(warned.warning, { title: 'No email', message: 'No Mail has no email address' });
    const fresh = await leads.onchange({}, []);
    t.same([fresh.value.priority, fresh.value.active, fresh.value.user_id], ['0', true, [1, 'System']], 'no edited field: the defaults of a new record');
    await t.rejects(leads.onchange({ nope: 1 }, ['nope']), { code: 'ERP_UNKNOWN_FIELD' });
    t.equal(await leads.search_count([]), before, 'nothing was saved');
  });
});

t.test('a domain that collapses to a constant keeps its parameters in step with its SQL', async (t) => {
  await db.rollback(async (env) => {
    const leads = env.model('test.lead');
    const all = await leads.search_count([]);
    t.equal(await leads.search_count(['|', ['name', '=', 'nobody'], [1, '=', 1]]), all, 'x OR TRUE');
    t.equal(await leads.search_count(['&', ['name', '=', 'nobody'], [0, '=', 1]]), 0, 'x AND FALSE');
    t.equal(await leads.search_count(['&', ['name', '!=', 'a'], '|', ['name', '=', 'b'], [1, '=', 1]]), await leads.search_count([['name', '!=', 'a']]), 'nested, with a parameter before and after');
  });
});
