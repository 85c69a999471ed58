// Favorites (ir.filters): each user sees their own filters and the shared ones, never another
// user's private filter; create_or_replace replaces by name and keeps one default per user;
// get_views hands the filters to the search panel with the views (load_filters).

import t from 'tap';
import { testDb } from './helpers/db.ts';
import type { Env } from '../core/models/env.ts';
import type { IrFilters } from '../core/addons/base/models/ir_filters.ts';

const db = await testDb(t, { modules: ['test_views'] });

const world = await db.commit(async (env) => {
  const user = await env.refId('base.group_user');
  const [alice, bob] = await env.model('res.users').create([
    { login: 'alice', name: 'Alice', groups_id: [[4, user]] },
    { login: 'bob', name: 'Bob', groups_id: [[4, user]] },
  ]);
  const action = await env.refId('test_views.action_test_leads');
  const other = await env.refId('test_views.action_test_stages');
  const filters = env.model('ir.filters');
  const [alicePrivate, shared, bobPrivate, otherAction, elsewhere] = await filters.create([
    { name: 'Alice only', model_id: 'test.lead', user_id: alice, domain: "[('probability', '>', 50)]", action_id: action },
    { name: 'Everyone', model_id: 'test.lead', user_id: false, domain: "[('won', '=', False)]" },
    { name: 'Bob only', model_id: 'test.lead', user_id: bob, context: "{'group_by': ['stage_id']}" },
    { name: 'Of the stages action', model_id: 'test.lead', user_id: alice, action_id: other },
    { name: 'Another model', model_id: 'test.stage', user_id: alice },
  ]);
  return { alice, bob, action, alicePrivate, shared, bobPrivate, otherAction, elsewhere };
});

const as = (env: Env, uid: number) => env.withUser(uid).model<IrFilters>('ir.filters');
const names = (rows: Array<Record<string, unknown>>) => rows.map((r) => r.name).sort();

t.test('get_filters gives the user their own and the shared filters of the model and action', async (t) => {
  await db.rollback(async (env) => {
    t.same(names(await as(env, world.alice).get_filters('test.lead', world.action)), ['Alice only', 'Everyone'], 'with the action: its filters and those of no action');
    t.same(names(await as(env, world.alice).get_filters('test.lead')), ['Everyone'], 'without an action: only the filters of no action');
    t.same(names(await as(env, world.bob).get_filters('test.lead', world.action)), ['Bob only', 'Everyone'], "Bob never gets Alice's private filter");
    const [row] = (await as(env, world.bob).get_filters('test.lead', world.action)).filter((r) => r.name === 'Bob only');
    t.same(Object.keys(row).sort(), ['action_id', 'context', 'domain', 'id', 'is_default', 'name', 'sort', 'user_id'], 'the fields the search panel needs');
    t.same(row.user_id, [world.bob, 'Bob'], 'user_id as a many2one pair');
    t.equal(row.context, "{'group_by': ['stage_id']}", 'context kept as Python text');
    t.equal(row.domain, '[]', 'an empty domain by default');
  });
});

t.test("record rules: another user's private filter is invisible and untouchable", async (t) => {
  await db.rollback(async (env) => {
    const bob = as(env, world.bob);
    t.same((await bob.search([])).sort((a, b) => a - b), [world.shared, world.bobPrivate].sort((a, b) => a - b), 'search finds own and shared only');
    t.equal(await bob.search_count([['id', '=', world.alicePrivate]]), 0, 'naming the id does not bypass the rule');
    await t.rejects(bob.read([world.alicePrivate], ['name']), { code: 'ERP_ACCESS' }, 'reading it by id is refused');
    await t.rejects(bob.write([world.alicePrivate], { name: 'Mine now' }), { code: 'ERP_ACCESS' }, 'writing it is refused');
    await t.rejects(bob.unlink([world.alicePrivate]), { code: 'ERP_ACCESS' }, 'deleting it is refused');
    await t.rejects(bob.write([world.shared], { domain: '[]' }), { code: 'ERP_ACCESS' }, 'a shared filter is read-only for a user');
    await t.rejects(bob.unlink([world.shared]), { code: 'ERP_ACCESS' }, 'and cannot be deleted by them');
    await t.rejects(bob.create({ name: 'For Alice', model_id: 'test.lead', user_id: world.alice }), { code: 'ERP_ACCESS' }, 'nobody creates a filter for someone else');
    await t.rejects(bob.write([world.bobPrivate], { user_id: world.alice }), { code: 'ERP_ACCESS' }, 'nor hands their filter to someone else');
  });
  await db.rollback(async (env) => {
    const bob = as(env, world.bob);
    const shared = await bob.create({ name: 'Bob shares', model_id: 'test.lead', user_id: false });
    t.ok(shared, 'a user may share a filter with everyone');
    await bob.write([world.bobPrivate], { name: 'Bob renamed' });
    await bob.unlink([world.bobPrivate]);
    t.same(await env.sudo().model('ir.filters').search([['id', '=', world.bobPrivate]]), [], 'and changes and deletes their own');
  });
  await db.rollback(async (env) => {
    const admin = env.withUser(await env.refId('base.user_admin')).model('ir.filters');
    t.equal(await admin.search_count([]), 5, 'administrators see every filter');
    await admin.unlink([world.alicePrivate]);
    t.pass('and may delete any');
  });
});

t.test('create_or_replace replaces by name, and keeps one default', async (t) => {
  await db.rollback(async (env) => {
    const alice = as(env, world.alice);
    const vals = { model_id: 'test.lead', user_id: world.alice, action_id: world.action };
    const first = await alice.create_or_replace({ ...vals, name: 'Hot', domain: "[('priority', '=', '3')]", is_default: true });
    const again = await alice.create_or_replace({ ...vals, name: 'HOT', domain: "[('priority', '>=', '2')]", is_default: true });
    t.equal(again, first, 'the same name (any case) replaces the filter');
    const [row] = await alice.read([first], ['domain', 'is_default', 'name']);
    t.same(row, { id: first, domain: "[('priority', '>=', '2')]", is_default: true, name: 'HOT' });
    const other = await alice.create_or_replace({ ...vals, name: 'Cold', is_default: true });
    t.not(other, first, 'another name makes another filter');
    t.same((await alice.get_filters('test.lead', world.action)).filter((f) => f.is_default).map((f) => f.name), ['Cold'], 'the new default turns the previous one off');

    const bob = as(env, world.bob);
    await bob.create_or_replace({ model_id: 'test.lead', user_id: world.bob, name: 'Hot', action_id: world.action });
    t.pass("a name taken by Alice is free for Bob's own filter");

    const admin = env.withUser(await env.refId('base.user_admin')).model<IrFilters>('ir.filters');
    await admin.create_or_replace({ model_id: 'test.lead', user_id: false, name: 'Team default', is_default: true, action_id: world.action });
    await t.rejects(admin.create_or_replace({ model_id: 'test.lead', user_id: false, name: 'Second default', is_default: true, action_id: world.action }),
      { code: 'ERP_CONSTRAINT', message: /already a shared filter set as default/ }, 'a second shared default is refused');
    await t.resolves(admin.create_or_replace({ model_id: 'test.lead', user_id: false, name: 'Team default', is_default: true, action_id: world.action, domain: '[]' }),
      'the shared default itself may be saved again');
    await t.rejects(env.model('ir.filters').create({ model_id: 'test.lead', user_id: world.alice, action_id: world.action, name: 'cold' }),
      { code: 'ERP_CONSTRAINT', message: /unique/ }, 'two filters of one user, model and action cannot share a name');
  });
});

t.test('get_views with load_filters brings the filters with the search view', async (t) => {
  await db.rollback(async (env) => {
    const views = await env.withUser(world.alice).model('test.lead').get_views([[false, 'list'], [false, 'search']], { load_filters: true, action_id: world.action });
    t.same(names(views.views.search.filters ?? []), ['Alice only', 'Everyone'], 'the user\'s filters, in the same call');
    t.notOk('filters' in views.views.list, 'only the search view carries them');
    const without = await env.withUser(world.alice).model('test.lead').get_views([[false, 'search']], {});
    t.notOk('filters' in without.views.search, 'not asked, not loaded');
  });
});
