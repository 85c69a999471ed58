// Installing and uninstalling `mail` (and an addon using its mixins) leaves the schema exactly as
// it was, and the mixins' fields go away with the addon that applied them.

import path from 'node:path';
import t from 'tap';
import { testDb, TEST_ADDONS } from './helpers/db.ts';
import type { Cursor } from '../core/db/cursor.ts';

/** Everything PostgreSQL knows about the public schema, as sorted text lines. */
async function catalog(cr: Cursor): Promise<string[]> {
  const rows = await cr.query<{ l: string }>(
    `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS l
       FROM information_schema.columns WHERE table_schema = 'public'
     UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
     UNION ALL SELECT c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'
     UNION ALL SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public'`);
  return rows.map((r) => r.l).sort();
}

t.test('mail installs and uninstalls cleanly, with an addon using its mixins', async (t) => {
  const db = await testDb(t, { addonsPaths: [path.join(TEST_ADDONS, 'test_mail_addons')] });
  const before = await db.commit((env) => catalog(env.cr));
  t.same(await db.modules.install(['test_mail']), ['mail', 'test_pipeline', 'test_mail']);
  await db.commit(async (env) => {
    const lead = await env.model('test.lead').create({ name: 'Tracked' });
    await env.model('test.lead').write(lead, { priority: '3' });
    t.equal(await env.model('mail.message').search_count([['res_model', '=', 'test.lead']]), 1);
    t.ok(env.registry.get('test.lead').fields.has('activity_state'));
  });
  const plan = await db.modules.uninstall(['test_mail'], { dryRun: true });
  t.same(plan.tables, [], 'the mixins add no table');
  t.same(plan.columns, [], 'nor columns');
  await db.modules.uninstall(['test_mail']);
  await db.commit(async (env) => t.notOk(env.registry.get('test.lead').fields.has('activity_state'), 'the mixin fields leave with the addon'));
  await db.modules.uninstall(['mail', 'test_pipeline']);
  t.same(await db.commit((env) => catalog(env.cr)), before, 'the catalog is identical');
});
