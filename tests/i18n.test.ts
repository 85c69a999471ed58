// Model metadata and data in the user's language: with `lang: 'fa_IR'` in the context, field
// labels, view terms, menus, actions, settings and the names of translatable records come from
// the addons' i18n/fa_IR.json files (tests/addons/test_i18n, base, mail); without it, English.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import type { Env } from '../core/models/env.ts';
import type { Model } from '../core/models/model.ts';
import { catalogFor, readTranslationFile } from '../core/i18n/catalog.ts';
import { testDb } from './helpers/db.ts';
import { RpcClient, serve } from './helpers/http.ts';

interface UiMethods {
  load_action(ref: number | string): Promise<Record<string, unknown> | false>;
  load_menus(): Promise<Record<string, { name: string; xmlid: string }>>;
  get_settings_layout(): Promise<Array<{ module: string; title: string; settings: Array<Record<string, unknown>> }>>;
}
const ui = (env: Env, model: string) => env.model<Model & UiMethods>(model);

const FA = { lang: 'fa_IR' };
const db = await testDb(t, { modules: ['test_i18n', 'mail'] });

t.test('fields_get gives labels, helps and selection labels in the language of the context', async (t) => {
  await db.rollback(async (env) => {
    const names = ['hours', 'priority', 'create_uid'];
    const attributes = ['string', 'help', 'selection'];
    const fa = await env.model('test.i18n.ticket').with_context(FA).fields_get(names, attributes);
    t.same(fa.hours, { string: 'ساعت‌های صرف‌شده', help: 'زمان صرف‌شده برای تیکت، به ساعت' }, 'label and help of the addon');
    t.same(fa.priority.selection, [['0', 'عادی'], ['1', 'فوری']], 'selection labels, values unchanged');
    t.equal(fa.create_uid.string, 'ایجاد شده توسط', "a label every model has, from base's file");
    const en = await env.model('test.i18n.ticket').fields_get(names, attributes);
    t.same(en.hours, { string: 'Hours Spent', help: 'Time spent on the ticket, in hours' }, 'English without a language');
    t.same(en.priority.selection, [['0', 'Normal'], ['1', 'Urgent']]);
    t.same(await env.model('test.i18n.ticket').with_context({ lang: 'en_US' }).fields_get(names, attributes), en, 'English in en_US');
    t.same(await env.model('test.i18n.ticket').with_context({ lang: 'de_DE' }).fields_get(names, attributes), en, 'English in a language no addon translates');

    const label = async (model: string, field: string) => (await env.model(model).with_context(FA).fields_get([field], ['string']))[field].string;
    t.equal(await label('test.i18n.stage', 'name'), 'نام مرحله', 'a key of one model ("model:test.i18n.stage|Name") wins there');
    t.equal(await label('res.partner', 'name'), 'نام', 'and the plain key applies elsewhere');
    t.equal(await label('res.partner', 'state_id'), 'استان', "a partner's State is a province");
    t.equal(await label('ir.module.module', 'state'), 'وضعیت', "a module's State is a status");
    t.same(registryField(env), { string: 'Hours Spent' }, 'the registry itself stays in English');
  });
});

const registryField = (env: Env) => ({ string: env.registry.field('test.i18n.ticket', 'hours').string });

t.test('get_views translates the attributes and texts of the combined archs, and the fields', async (t) => {
  await db.rollback(async (env) => {
    const requests: Array<[false, string]> = [[false, 'form'], [false, 'list'], [false, 'search']];
    const fa = await env.model('test.i18n.ticket').with_context(FA).get_views(requests);
    const form = fa.views.form.arch;
    t.match(form, '<button name="action_solve" type="object" string="حل کردن" confirm="این تیکت حل شود؟"/>', 'a button\'s string and confirm');
    t.match(form, '<field name="name" placeholder="مثلاً چاپگر گیر کرده است"/>', 'a placeholder');
    t.match(form, '<group string="جزئیات">', "a group's string");
    t.match(form, '<field name="priority" string="اهمیت" invisible="0"/>', "an extension's string, once combined");
    t.match(form, '<div><span>صرف‌شده</span><field name="hours"/><span>ساعت</span></div>', 'texts of elements');
    t.match(form, '<page name="description" string="یادداشت‌های داخلی"><separator string="آنچه مشتری گفت"/>', 'a page and a separator');
    t.match(fa.views.list.arch, '<field name="hours" sum="جمع ساعت‌ها"/>', 'a sum');
    t.match(fa.views.search.arch, `<filter name="urgent" string="تیکت‌های فوری" help="تیکت‌هایی که باید اول پاسخ داد" domain="[('priority', '=', '1')]"/>`,
      'a filter, its domain untouched');
    t.equal(fa.models['test.i18n.ticket'].fields.stage_id.string, 'مرحله', 'the fields of the views');
    t.same(fa.models['test.i18n.ticket'].fields.priority.selection, [['0', 'عادی'], ['1', 'فوری']]);

    const en = await env.model('test.i18n.ticket').get_views(requests);
    t.match(en.views.form.arch, '<button name="action_solve" type="object" string="Solve" confirm="Solve this ticket?"/>', 'English without a language');
    t.match(en.views.form.arch, '<div><span>Spent</span><field name="hours"/><span>hours</span></div>');
    t.equal(en.models['test.i18n.ticket'].fields.stage_id.string, 'Stage');
    t.same(Object.keys(fa.views), Object.keys(en.views), 'the same views');

    const generated = await env.model('res.partner').with_context(FA).get_views([[false, 'form']]);
    t.match(generated.views.form.arch, '<sheet string="مخاطب">', 'a generated arch names the model in the language');
  });
});

t.test('load_menus and load_action give menu names, action names and helps in the language', async (t) => {
  await db.rollback(async (env) => {
    const admin = env.withUser(await env.refId('base.user_admin'));
    const byXmlid = (menus: Record<string, { name: string; xmlid: string }>) => Object.fromEntries(Object.values(menus).map((m) => [m.xmlid, m.name]));
    const fa = byXmlid(await ui(admin.withContext(FA), 'ir.ui.menu').load_menus());
    t.match(fa, { 'test_i18n.menu_root': 'میز خدمت', 'test_i18n.menu_tickets': 'تیکت‌ها', 'test_i18n.menu_config': 'پیکربندی', 'test_i18n.menu_stages': 'مراحل' }, "the addon's menus");
    t.match(fa, { 'base.menu_administration': 'تنظیمات', 'base.menu_apps': 'برنامه‌ها' }, "base's menus");
    const en = byXmlid(await ui(admin, 'ir.ui.menu').load_menus());
    t.match(en, { 'test_i18n.menu_root': 'Helpdesk', 'test_i18n.menu_tickets': 'Tickets', 'base.menu_administration': 'Settings' }, 'English without a language');

    const action = await ui(admin.withContext(FA), 'ir.actions.act_window').load_action('test_i18n.action_tickets');
    t.match(action, {
      name: 'تیکت‌ها', display_name: 'تیکت‌ها',
      help: '<p class="o_view_nocontent_smiling_face">نخستین تیکت خود را ایجاد کنید</p><p>تیکت‌ها درخواست‌های مشتریان شما هستند.</p>',
    }, 'name and help, term by term, the markup kept');
    t.match(await ui(admin, 'ir.actions.act_window').load_action('test_i18n.action_tickets'), {
      name: 'Tickets', help: '<p class="o_view_nocontent_smiling_face">Create your first ticket</p><p>Tickets are the requests of your customers.</p>',
    }, 'English without a language');
    t.match(await ui(admin.withContext(FA), 'ir.actions.client').load_action('base.action_settings'), { name: 'تنظیمات', tag: 'settings' }, 'a client action');
    const stored = await env.model('ir.actions.act_window').read(await env.refId('test_i18n.action_tickets'), ['name']);
    t.equal(stored[0].name, 'Tickets', 'the record keeps its source');
  });
});

t.test('records of translatable fields read in the language, in every way they are read', async (t) => {
  await db.rollback(async (env) => {
    const vip = await env.model('test.i18n.stage').create({ name: 'VIP', sequence: 9 });
    const progress = await env.refId('test_i18n.stage_progress');
    await env.model('test.i18n.ticket').create([{ name: 'Printer', stage_id: progress }, { name: 'Screen', stage_id: vip }]);
    const fa = env.withContext(FA);
    const stages = fa.model('test.i18n.stage');
    t.same((await stages.search_read([], ['name', 'display_name'])).map((s) => [s.name, s.display_name]),
      [['جدید', 'جدید'], ['در جریان', 'در جریان'], ['حل‌شده', 'حل‌شده'], ['VIP', 'VIP']], 'search_read and display_name; a name a user typed stays as typed');
    t.same(await stages.name_get([progress]), [[progress, 'در جریان']], 'name_get');
    t.same((await stages.read([progress], ['name']))[0].name, 'در جریان', 'read');
    t.same((await fa.model('test.i18n.ticket').search_read([], ['stage_id'], { order: 'id' })).map((r) => r.stage_id), [[progress, 'در جریان'], [vip, 'VIP']], 'many2one names');
    const groups = await fa.model('test.i18n.ticket').read_group([], ['hours'], ['stage_id']);
    t.same(groups.map((g) => g.stage_id), [[progress, 'در جریان'], [vip, 'VIP']], 'read_group labels (the kanban columns)');
    t.same(await stages.name_search('Progress'), [[progress, 'در جریان']], 'name_search finds the source and shows the translation');
    const call = await env.refId('mail.mail_activity_data_call');
    t.same(await fa.model('mail.activity.type').name_get([call]), [[call, 'تماس']], "mail's activity types");
    t.same((await env.model('test.i18n.stage').read([progress], ['name']))[0].name, 'In Progress', 'English without a language');

    const count = async (e: Env) => {
      const before = e.cr.queryCount;
      await e.model('test.i18n.ticket').search_read([], ['name', 'stage_id', 'priority']);
      await e.model('test.i18n.stage').search_read([], ['name', 'display_name']);
      return e.cr.queryCount - before;
    };
    t.equal(await count(fa), await count(env), 'translating costs no query');
  });
});

t.test('a value written in Persian is stored as typed; a copy and stored computes start from the source', async (t) => {
  await db.rollback(async (env) => {
    const fa = env.withContext(FA);
    const progress = await env.refId('test_i18n.stage_progress');
    const copy = await fa.model('test.i18n.stage').copy(progress);
    t.equal((await env.model('test.i18n.stage').read([copy], ['name']))[0].name, 'In Progress (copy)', 'the copy holds the source, not its translation');
    const solved = await env.refId('test_i18n.stage_solved');
    await fa.model('test.i18n.stage').write([solved], { name: 'بسته‌شده' });
    t.equal((await env.model('test.i18n.stage').read([solved], ['name']))[0].name, 'بسته‌شده', 'a write stores what the user typed, for every language');
    t.equal((await fa.model('test.i18n.stage').read([solved], ['name']))[0].name, 'بسته‌شده', 'and reads it back as typed');
    const ticket = await fa.model('test.i18n.ticket').create({ name: 'Printer', stage_id: progress });
    t.equal((await env.model('test.i18n.ticket').read([ticket], ['stage_name']))[0].stage_name, 'In Progress', 'a stored related field holds the source');
    t.equal((await fa.model('test.i18n.ticket').read([ticket], ['stage_name']))[0].stage_name, 'در جریان', 'and reads as its target does');
    const [partner] = await fa.model('res.partner').search_read([['id', '=', await env.refId('base.main_partner')]], ['complete_name']);
    t.equal(partner.complete_name, 'My Company', 'untranslatable values are untouched');
  });
});

t.test('the settings page shows labels, helps and section titles in the language', async (t) => {
  await db.rollback(async (env) => {
    const section = async (e: Env) => (await ui(e, 'res.config.settings').get_settings_layout()).find((s) => s.module === 'test_i18n')!;
    const fa = await section(env.withContext(FA));
    t.equal(fa.title, 'تیکت‌های میز خدمت', "the section title (the module's summary)");
    t.match(fa.settings.find((s) => s.name === 'ticket_reminders'), { string: 'یادآوری تیکت‌ها', help: 'یادآوری تیکت‌های باز به تیم' });
    const en = await section(env);
    t.equal(en.title, 'Helpdesk tickets');
    t.match(en.settings.find((s) => s.name === 'ticket_reminders'), { string: 'Ticket Reminders', help: 'Remind the team of tickets left open' });
  });
});

t.test('a change of language in the preferences applies to the open session', async (t) => {
  const { url } = await serve(t, db.erp, db.name);
  const client = new RpcClient(url);
  await client.authenticate(db.name);
  const names = async () => Object.values(await client.call('/web/webclient/load_menus') as Record<string, { xmlid: string; name: string }>)
    .find((m) => m.xmlid === 'test_i18n.menu_root')?.name;
  t.equal(await names(), 'Helpdesk', 'English first');
  await client.callKw('res.users', 'update_preferences', [{ lang: 'fa_IR' }]);
  t.equal(await names(), 'میز خدمت', 'Persian at once, without logging in again');
  const [field] = Object.values(await client.callKw('test.i18n.ticket', 'fields_get', [['hours']], { attributes: ['string'] }) as Record<string, { string: string }>);
  t.equal(field.string, 'ساعت‌های صرف‌شده', 'call_kw too');
  await client.callKw('res.users', 'update_preferences', [{ lang: 'en_US' }]);
  t.equal(await names(), 'Helpdesk', 'and back');
});

t.test('translation files are checked and read once per registry and language', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'erp-i18n-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  t.throws(() => readTranslationFile('shop', file('a.json', '{"Name": 1}')), { code: 'ERP_BAD_TRANSLATIONS', message: /Addon "shop", translation file .*a\.json: the translation of "Name" must be a non-empty string/ });
  t.throws(() => readTranslationFile('shop', file('b.json', '["Name"]')), { code: 'ERP_BAD_TRANSLATIONS', message: /must hold one object/ });
  t.throws(() => readTranslationFile('shop', file('c.json', '{"Name": "نام",}')), { code: 'ERP_BAD_TRANSLATIONS', message: /is not valid JSON/ });
  t.same([...readTranslationFile('shop', file('d.json', '{"Name": "نام"}'))], [['Name', 'نام']]);

  const registry = db.db.registry;
  t.equal(catalogFor(registry, 'en_US'), null, 'English is the source: nothing to load');
  t.equal(catalogFor(registry, 'de_DE'), null, 'nor for a language without files');
  t.equal(catalogFor(registry, 'fa_IR'), catalogFor(registry, 'fa_IR'), 'the same catalog for every call');
});
