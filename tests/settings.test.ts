// The settings wizard (res.config.settings): each kind of setting through create + execute, and
// read back through default_get / get_values, with the test_settings addons.

import path from 'node:path';
import t from 'tap';
import type { IrCron } from '../core/addons/base/models/scheduling.ts';
import type { ResConfigSettings } from '../core/addons/base/models/settings.ts';
import type { Env } from '../core/models/env.ts';
import { TEST_ADDONS, testDb } from './helpers/db.ts';

const SETTINGS_ADDONS = path.join(TEST_ADDONS, 'test_settings_addons');
const RELOAD = { type: 'ir.actions.client', tag: 'reload' };

const settings = (env: Env) => env.model<ResConfigSettings>('res.config.settings');

/** Odoo's client: a wizard with the given changes, saved. */
async function save(env: Env, vals: Record<string, unknown>): Promise<unknown> {
  const model = settings(env);
  return model.execute([await model.create(vals)]);
}

const param = async (env: Env, key: string) =>
  ((await env.model('ir.config_parameter').sudo().search_read([['key', '=', key]], ['value']))[0]?.value ?? false);

const groupsOf = async (env: Env, xmlid: string) =>
  (await env.model('res.users').with_context({ active_test: false }).read([await env.refId(xmlid)], ['groups_id']))[0].groups_id as number[];

t.test('settings', async (t) => {
  const db = await testDb(t, { modules: ['test_settings'], addonsPaths: [SETTINGS_ADDONS] });

  t.test('a group toggle: implied by internal users, given to them, taken back', async (t) => {
    await db.rollback(async (env) => {
      const feature = await env.refId('test_settings.group_feature');
      const sub = await env.refId('test_settings.group_feature_sub');
      const internal = await env.refId('base.group_user');
      t.same(await settings(env).default_get(['group_use_feature']), { group_use_feature: false });
      t.same(await save(env, { group_use_feature: true }), RELOAD);
      const [group] = await env.model('res.groups').read([internal], ['implied_ids']);
      t.ok((group.implied_ids as number[]).includes(feature), 'base.group_user implies the group');
      t.ok((await groupsOf(env, 'base.user_admin')).includes(feature), 'internal users have it');
      t.ok((await groupsOf(env, 'base.user_admin')).includes(sub), 'and what it implies');
      t.ok((await groupsOf(env, 'base.user_root')).includes(feature), 'administrators (group_system implies group_user) too');
      t.same(await settings(env).default_get(['group_use_feature']), { group_use_feature: true });
      t.equal((await settings(env).get_values()).group_use_feature, true);

      await save(env, {});
      t.equal((await settings(env).get_values()).group_use_feature, true, 'saving an untouched wizard keeps it');

      await save(env, { group_use_feature: false });
      const [after] = await env.model('res.groups').read([internal], ['implied_ids']);
      t.notOk((after.implied_ids as number[]).includes(feature), 'no longer implied');
      t.notOk((await groupsOf(env, 'base.user_admin')).includes(feature), 'taken from the users, as Odoo does');
      t.equal((await settings(env).get_values()).group_use_feature, false);
    });
  });

  t.test('config parameters of every type', async (t) => {
    await db.rollback(async (env) => {
      const defaults = await settings(env).default_get(['feature_start_date', 'feature_label', 'feature_limit', 'feature_enabled', 'feature_partner_ids']);
      t.same(defaults, { feature_start_date: false, feature_label: false, feature_limit: 7, feature_enabled: false, feature_partner_ids: [] },
        'no parameter yet: the field default');
      const [p1, p2] = await env.model('res.partner').create([{ name: 'P1' }, { name: 'P2' }]);
      await save(env, {
        feature_start_date: '2024-05-01', feature_label: '  Hello ', feature_limit: 12, feature_ratio: 0.5,
        feature_enabled: true, feature_partner_ids: [[6, 0, [p2, p1]]],
      });
      t.equal(await param(env, 'test_settings.start_date'), '2024-05-01');
      t.equal(await param(env, 'test_settings.label'), 'Hello', 'text is trimmed');
      t.equal(await param(env, 'test_settings.limit'), '12');
      t.equal(await param(env, 'test_settings.ratio'), '0.5');
      t.equal(await param(env, 'test_settings.enabled'), 'True');
      t.equal(await param(env, 'test_settings.partner_ids'), `${p1},${p2}`, 'many2many as comma-separated ids');
      const values = await settings(env).get_values();
      t.match(values, {
        feature_start_date: '2024-05-01', feature_label: 'Hello', feature_limit: 12, feature_ratio: 0.5,
        feature_enabled: true, feature_partner_ids: [p1, p2],
      });
      const wizard = await settings(env).create({});
      const [read] = await settings(env).read([wizard], ['feature_limit', 'feature_partner_ids', 'feature_label']);
      t.same(read, { id: wizard, feature_limit: 12, feature_partner_ids: [p1, p2], feature_label: 'Hello' }, 'a new wizard shows them');

      await save(env, { feature_label: '', feature_enabled: false, feature_limit: 0, feature_partner_ids: [] });
      for (const key of ['label', 'enabled', 'limit', 'partner_ids']) t.equal(await param(env, `test_settings.${key}`), false, `${key}: emptied, so deleted`);
      t.equal(await param(env, 'test_settings.start_date'), '2024-05-01', 'untouched ones stay');
    });
  });

  t.test('a scheduled action switched on and its interval set', async (t) => {
    await db.rollback(async (env) => {
      t.same(await settings(env).default_get(['digest_active', 'digest_interval_number', 'digest_interval_type']),
        { digest_active: false, digest_interval_number: 1, digest_interval_type: 'days' });
      await save(env, { digest_active: true, digest_interval_number: 3, digest_interval_type: 'hours' });
      const id = await env.refId('test_settings.ir_cron_digest');
      const [cron] = await env.model('ir.cron').with_context({ active_test: false }).read([id], ['active', 'interval_number', 'interval_type']);
      t.same(cron, { id, active: true, interval_number: 3, interval_type: 'hours' });
      t.match(await settings(env).get_values(), { digest_active: true, digest_interval_number: 3, digest_interval_type: 'hours' });
      await save(env, { digest_active: false });
      t.equal((await env.model('ir.cron').with_context({ active_test: false }).read([id], ['active']))[0].active, false, 'switched off');
    });
  });

  t.test('a module switch installs; unchecking uninstalls only once confirmed', async (t) => {
    const installed = async () => db.modules.installed();
    t.same(await db.commit((env) => settings(env).default_get(['module_test_settings_extra'])), { module_test_settings_extra: false });
    t.same(await db.commit((env) => save(env, { module_test_settings_extra: true })), RELOAD);
    t.ok((await installed()).includes('test_settings_extra'), 'installed');
    await db.commit(async (env) => {
      t.ok(env.registry.has('test.settings.note'), 'its model is there');
      t.ok(env.registry.get('res.config.settings').fields.has('extra_level'), 'and its own setting');
      t.equal((await settings(env).get_values()).module_test_settings_extra, true);
      await env.model('test.settings.note').create({ name: 'kept until uninstalled' });
    });
    await db.modules.install(['test_settings_extra_dep']);

    await t.rejects(db.commit((env) => save(env, { module_test_settings_extra: false })), {
      code: 'ERP_CONFIRM_UNINSTALL',
      message: /uninstalls "test_settings_extra_dep", "test_settings_extra", which removes the tables test_settings_note.*Confirm/,
    });
    t.ok((await installed()).includes('test_settings_extra'), 'refused: still installed');
    t.ok((await installed()).includes('test_settings_extra_dep'), 'and its dependent too');

    t.same(await db.commit((env) => save(env.withContext({ confirm_uninstall: true }), { module_test_settings_extra: false })), RELOAD);
    t.notOk((await installed()).includes('test_settings_extra'), 'uninstalled once confirmed');
    t.notOk((await installed()).includes('test_settings_extra_dep'), 'with its dependent');
    await db.commit(async (env) => {
      t.notOk(env.registry.get('res.config.settings').fields.has('extra_level'), 'its setting disappeared with it');
      const column = await env.cr.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'res_config_settings' AND column_name = 'extra_level'");
      t.equal(column.length, 0, 'and its column');
      t.equal((await settings(env).get_values()).module_test_settings_extra, false);
    });
  });

  t.test('wizards older than an hour are vacuumed by base.autovacuum_job', async (t) => {
    await db.rollback(async (env) => {
      const partner = await env.model('res.partner').create({ name: 'Vacuumed' });
      const old = await settings(env).create({ feature_partner_ids: [partner] });
      const fresh = await settings(env).create({});
      await env.cr.execute(
        "UPDATE res_config_settings SET create_date = create_date - interval '2 hours', write_date = write_date - interval '2 hours' WHERE id = $1", [old]);
      await env.model<IrCron>('ir.cron').method_direct_trigger([await env.refId('base.autovacuum_job')]);
      t.same(await settings(env).exists([old, fresh]), [fresh]);
    });
  });

  t.test('a setting option on the wrong type is refused', async (t) => {
    const { classifyFields } = await import('../core/settings/classify.ts');
    await db.rollback(async (env) => {
      const meta = env.registry.get('res.config.settings');
      const broken = { ...meta, fields: new Map([['x', { ...meta.fields.get('feature_label')!, name: 'x', impliedGroup: 'base.group_user' }]]) };
      t.throws(() => classifyFields(broken), { code: 'ERP_BAD_MODEL', message: /setting "x" has impliedGroup, so it must be a boolean/ });
    });
  });
});
