import t from 'tap';
import { testDb } from './helpers/db.ts';
import type { Cursor } from '../core/db/cursor.ts';
import { Erp } from '../core/service.ts';
import { readState } from './setup/state.ts';
import { TEST_ADDONS } from './helpers/db.ts';

/** Everything PostgreSQL knows about the public schema, as sorted text lines. */
async function catalog(cr: Cursor): Promise<string[]> {
  const columns = await cr.query<{ l: string }>(
    `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS l
     FROM information_schema.columns WHERE table_schema = 'public'`);
  const indexes = await cr.query<{ l: string }>("SELECT indexdef AS l FROM pg_indexes WHERE schemaname = 'public'");
  const constraints = await cr.query<{ l: string }>(
    `SELECT c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS l
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'`);
  const sequences = await cr.query<{ l: string }>("SELECT sequence_name AS l FROM information_schema.sequences WHERE sequence_schema = 'public'");
  return [...columns, ...indexes, ...constraints, ...sequences].map((r) => r.l).sort();
}

/** The state of the test pipeline's family of modules (other test addons come and go). */
const FAMILY = ['test_broken', 'test_ext_a', 'test_ext_b', 'test_ext_c', 'test_glue', 'test_pipeline'];
const states = async (cr: Cursor) =>
  Object.fromEntries((await cr.query<{ name: string; state: string }>('SELECT name, state FROM ir_module_module WHERE name = ANY($1::text[]) ORDER BY name', [FAMILY])).map((r) => [r.name, r.state]));

t.test('install then uninstall leaves the schema exactly as before', async (t) => {
  const db = await testDb(t);
  const before = await db.commit((env) => catalog(env.cr));
  await db.commit((env) => env.cr.execute('CREATE TABLE foreign_keep (id serial primary key, note text)'));
  const installed = await db.modules.install(['test_ext_b']);
  t.same(installed, ['test_pipeline', 'test_ext_a', 'test_ext_b'], 'dependencies first, in order');
  await db.commit(async (env) => {
    t.ok((await catalog(env.cr)).some((l) => l.startsWith('test_lead.x_a ')), 'columns added by an extension');
    t.ok((await catalog(env.cr)).some((l) => l.startsWith('res_partner.x_vip ')), 'columns added to a base table');
    t.ok((await env.cr.query("SELECT to_regclass('foreign_keep') AS t"))[0].t, 'a table no module owns survives an install');
  });
  await t.rejects(db.modules.uninstall(['test_pipeline']), { code: 'ERP_HAS_DEPENDENTS', message: /test_ext_a, test_ext_b/ });
  const plan = await db.modules.uninstall(['test_pipeline'], { cascade: true, dryRun: true });
  t.same(plan.modules, ['test_ext_b', 'test_ext_a', 'test_pipeline'], 'dry run: dependents first');
  t.ok(plan.tables.includes('test_lead') && plan.tables.includes('test_lead_test_tag_rel'), 'dry run lists tables');
  t.ok(plan.columns.some((c) => c.table === 'res_partner' && c.column === 'x_vip'), 'dry run lists columns added to others\' tables');
  t.equal(await db.commit(async (env) => (await env.cr.query<{ n: number }>("SELECT count(*)::int AS n FROM test_lead"))[0].n), 1, 'dry run changed nothing');
  await db.modules.uninstall(['test_pipeline'], { cascade: true });
  await db.commit((env) => env.cr.execute('DROP TABLE foreign_keep'));
  const after = await db.commit((env) => catalog(env.cr));
  t.same(after, before, 'the catalog is identical');
  await db.commit(async (env) => {
    t.same(await states(env.cr), { test_broken: 'uninstalled', test_ext_a: 'uninstalled', test_ext_b: 'uninstalled', test_ext_c: 'uninstalled', test_glue: 'uninstalled', test_pipeline: 'uninstalled' });
    t.equal((await env.cr.query<{ n: number }>("SELECT count(*)::int AS n FROM ir_model_data WHERE module LIKE 'test%'"))[0].n, 0, 'no ledger entries left');
    t.notOk(env.registry.has('test.lead'), 'the registry no longer knows the model');
  });
  await db.modules.install(['test_pipeline']);
  t.equal(await db.commit((env) => env.model('test.lead').search_count([])), 1, 'installing again works');
});

t.test('extensions compose methods in dependency order and glue modules install themselves', async (t) => {
  const db = await testDb(t, { modules: ['test_ext_b'] });
  t.equal(await db.commit(async (env) => env.model<any>('test.lead').action_win(await env.model('test.lead').search([]))), 'base>a>b');
  const added = await db.modules.install(['test_ext_c']);
  t.same(added, ['test_ext_c', 'test_glue'], 'the glue module comes with its last dependency');
  await db.commit(async (env) => {
    const leads = env.model<any>('test.lead');
    t.equal(await leads.action_win(await leads.search([])), 'base>a>c>b', 'three addons extend the same method');
    const meta = env.registry.get('test.lead');
    t.equal(meta.fields.get('name')!.string, 'Deal', 'a field redeclared by an extension takes its new options');
    t.same(meta.fields.get('name')!.modules, ['test_pipeline', 'test_ext_a'], 'and is owned by both modules');
    const id = await leads.create({ name: 'Glued', x_glue: true, x_b: 3 });
    const [row] = await leads.read(id, ['x_a', 'x_b', 'x_glue']);
    t.same(row, { id, x_a: 'a', x_b: 3, x_glue: true }, 'columns added by later modules are written (no stale ORM metadata)');
  });
});

t.test('a failing install rolls back completely and says why', async (t) => {
  const db = await testDb(t);
  const before = await db.commit((env) => catalog(env.cr));
  const statesBefore = await db.commit((env) => states(env.cr));
  await t.rejects(db.modules.install(['test_broken']), {
    code: 'ERP_MODULE_FAILED',
    message: /Module "test_broken" failed during loading data: Addon "test_broken", data file data\/bad.ts, record "bad": .*required/,
  });
  t.same(await db.commit((env) => catalog(env.cr)), before, 'the schema is as before, test_pipeline included');
  t.same(await db.commit((env) => states(env.cr)), statesBefore, 'module states are as before');
  t.notOk(db.db.registry.has('test.broken'), 'the registry is unchanged');
  await t.rejects(db.modules.install(['nope']), { code: 'ERP_UNKNOWN_ADDON', message: 'Unknown addon "nope"' });
});

t.test('upgrade reloads data, honours noupdate, removes obsolete records and runs migrations', async (t) => {
  const db = await testDb(t, { modules: ['test_pipeline'] });
  await db.commit(async (env) => {
    await env.model('test.stage').write(await env.refId('test_pipeline.stage_new'), { name: 'Renamed stage' });
    await env.model('test.tag').write(await env.refId('test_pipeline.tag_hot'), { name: 'Renamed tag' });
    const orphan = await env.model('test.stage').create({ name: 'Obsolete' });
    await env.model('ir.model.data').create({ module: 'test_pipeline', name: 'stage_obsolete', model: 'test.stage', res_id: orphan });
  });
  const upgraded = await db.modules.upgrade(['test_pipeline']);
  t.same(upgraded, ['test_pipeline']);
  await db.commit(async (env) => {
    const [stage] = await env.model('test.stage').read(await env.refId('test_pipeline.stage_new'), ['name']);
    t.equal(stage.name, 'New', 'data records are reloaded');
    const [tag] = await env.model('test.tag').read(await env.refId('test_pipeline.tag_hot'), ['name']);
    t.equal(tag.name, 'Renamed tag', 'noupdate records keep the user\'s changes');
    t.same(await env.model('test.stage').search([['name', '=', 'Obsolete']]), [], 'records the data no longer defines are removed');
  });
  await t.rejects(db.modules.upgrade(['test_ext_c']), { code: 'ERP_NOT_INSTALLED' });
});

t.test('demo data is loaded only in databases created with it', async (t) => {
  const plain = await testDb(t, { modules: ['test_pipeline'] });
  t.equal(await plain.commit((env) => env.model('test.lead').search_count([['name', '=', 'Demo lead']])), 0);
  const demo = await testDb(t, { modules: ['test_pipeline'], demo: true });
  t.equal(await demo.commit((env) => env.model('test.lead').search_count([['name', '=', 'Demo lead']])), 1);
});

t.test('another process sharing the database sees a module change at its next request', async (t) => {
  const db = await testDb(t);
  const other = await Erp.start({ databaseUrl: readState()!.url, addonsPaths: [TEST_ADDONS] });
  t.teardown(() => other.stop());
  const second = await other.get(db.name);
  t.notOk(second.db.registry.has('test.lead'));
  await db.modules.install(['test_pipeline']);
  t.notOk(second.db.registry.has('test.lead'), 'not yet: it has not checked');
  t.equal(await second.modules.refreshIfChanged(), true, 'it notices the change');
  t.ok(second.db.registry.has('test.lead'));
  t.equal(await second.db.withEnv((env) => env.model('test.lead').search_count([])), 1);
  t.equal(await second.modules.refreshIfChanged(), false, 'and reloads only once');
});

t.test('bad manifests are refused with the addon and the key', async (t) => {
  const { checkManifest } = await import('../core/modules/manifest.ts');
  t.throws(() => checkManifest('x', { name: 'x' }), { code: 'ERP_BAD_MANIFEST', message: 'Addon "x": manifest key "version" is missing' });
  t.throws(() => checkManifest('x', { name: 'x', version: '1.0', depnds: [] }), { message: 'Addon "x": manifest key "depnds" is not a manifest key' });
  t.throws(() => checkManifest('x', { name: 'x', version: 'one' }), { message: /manifest key "version" is malformed/ });
  t.throws(() => checkManifest('x', { name: 'x', version: '1.0', hooks: { postInstall: 3 } }), { message: 'Addon "x": manifest key "hooks.postInstall" must be a function' });
  t.throws(() => checkManifest('y', { name: 'x', version: '1.0' }), { message: /must match its folder name "y"/ });
});

t.test('ir.module.module offers Odoo\'s install, upgrade, uninstall and update_list', async (t) => {
  const db = await testDb(t);
  const modules = () => db.db.withEnv(async (env) => env.model<any>('ir.module.module'));
  const find = (name: string) => db.db.withEnv((env) => env.model('ir.module.module').search([['name', '=', name]]));
  const [, added] = await db.db.withEnv(async (env) => env.model<any>('ir.module.module').update_list());
  t.equal(await db.db.withEnv((env) => env.model('ir.module.module').search_count([])), db.erp.index.names().length, `every addon found on disk is listed (${added} new)`);
  const [id] = await find('test_pipeline');
  t.same(await db.db.withEnv((env) => env.model<any>('ir.module.module').button_immediate_install([id])), { type: 'ir.actions.client', tag: 'reload' });
  t.ok(db.db.registry.has('test.lead'), 'installed, and the registry follows');
  await db.db.withEnv((env) => env.model<any>('ir.module.module').button_immediate_upgrade([id]));
  await db.db.withEnv((env) => env.model<any>('ir.module.module').button_immediate_uninstall([id]));
  t.notOk(db.db.registry.has('test.lead'), 'uninstalled');
  const [row] = await db.db.withEnv((env) => env.model('ir.module.module').read(id, ['state', 'latest_version']));
  t.same([row.state, row.latest_version], ['uninstalled', false]);
  void modules;
});

t.test('a stored computed field added to an existing table is computed for its records', async (t) => {
  const db = await testDb(t, { modules: ['test_pipeline'] });
  const partner = await db.commit(async (env) => {
    const id = await env.model('res.partner').create({ name: 'Existing', is_company: true });
    await env.model('test.lead').create({ name: 'Before the extension', partner_id: id });
    return id;
  });
  await db.modules.install(['test_ext_a']);
  await db.commit(async (env) => {
    t.equal((await env.model('res.partner').read(partner, ['x_lead_count']))[0].x_lead_count, 1, 'computed at install for the existing partner');
    await env.model('test.lead').create({ name: 'After', partner_id: partner });
    t.equal((await env.model('res.partner').read(partner, ['x_lead_count']))[0].x_lead_count, 2, 'recomputed through the one2many inverse');
  });
  await db.modules.uninstall(['test_ext_a']);
  t.notOk(db.db.registry.get('res.partner').fields.has('x_lead_count'), 'uninstall after an extension that computes over partners');
});

t.test('several addons react to the same field in a form', async (t) => {
  const db = await testDb(t, { modules: ['test_ext_a'] });
  await db.rollback(async (env) => {
    const partner = await env.model('res.partner').create({ name: 'Both', email: 'b@example.com' });
    const reply = await env.model('test.lead').onchange({ partner_id: partner }, ['partner_id']);
    t.equal(reply.value.name, "Both's opportunity", 'the declaring addon\'s handler');
    t.equal(reply.value.x_a, 'with partner', 'and the extending addon\'s handler');
  });
});

t.test('a failing post-install hook rolls back the schema and data it came with', async (t) => {
  const db = await testDb(t);
  const before = await db.commit((env) => catalog(env.cr));
  await t.rejects(db.modules.install(['test_hook_fails']), {
    code: 'ERP_MODULE_FAILED',
    message: 'Module "test_hook_fails" failed during its post-install hook: the remote service is unreachable',
  });
  t.same(await db.commit((env) => catalog(env.cr)), before, 'no table, column or constraint left');
  t.notOk(db.db.registry.has('test.hooked'));
});

t.test('the environment knows its company', async (t) => {
  const db = await testDb(t);
  await db.rollback(async (env) => {
    const main = await env.refId('base.main_company');
    t.equal(await env.withUser(await env.refId('base.user_admin')).company(), main, 'the user\'s company');
    const other = await env.model('res.company').create({ name: 'Second Co', currency_id: await env.refId('base.EUR') });
    t.equal(await env.withContext({ company_id: other }).company(), other, 'or the one the context names');
  });
});

t.test('an uninstall hook may write to the tables that are about to go', async (t) => {
  const db = await testDb(t);
  const before = await db.commit((env) => catalog(env.cr));
  await db.modules.install(['test_uninstall_hook']);
  await db.modules.uninstall(['test_uninstall_hook']);
  t.same(await db.commit((env) => catalog(env.cr)), before, 'the table is dropped and the catalog is as before');
});
