// Views, actions and menus: combined archs and their extensions (tests/addons/test_views,
// test_views_ext, test_views_bad), get_views for a user, load_action and load_menus in Odoo 17's
// shapes, and the records going away with their module.

import t from 'tap';
import type { Env } from '../core/models/env.ts';
import type { Model } from '../core/models/model.ts';
import { testDb } from './helpers/db.ts';

interface UiMethods {
  load_action(ref: number | string): Promise<Record<string, unknown> | false>;
  load_menus(): Promise<Record<string, Record<string, unknown>>>;
  get_combined_arch(id: number): Promise<string>;
}
const ui = (env: Env, model: string) => env.model<Model & UiMethods>(model);

const db = await testDb(t, { modules: ['test_views'] });

/** A user in base.group_user only (Settings users are in group_system). */
async function internalUser(env: Env): Promise<Env> {
  const uid = await env.model('res.users').create({ login: 'viewer', name: 'Viewer', groups_id: [[6, 0, [await env.refId('base.group_user')]]] });
  return env.withUser(uid);
}

const FORM = '<form><header><button name="action_win" type="object" string="Win"/></header><sheet><group>'
  + '<field name="name"/><field name="partner_id"/><field name="stage_id"/><field name="user_id"/></group><notebook>'
  + '<page name="notes" string="Notes"><field name="notes"/></page>'
  + '<page name="lines" string="Lines"><field name="line_ids"><tree><field name="name"/><field name="amount"/></tree></field></page>'
  + '</notebook></sheet></form>';

t.test('get_views returns the default views, combined, with the fields they use', async (t) => {
  await db.rollback(async (env) => {
    const ids = Object.fromEntries(await Promise.all(['form', 'tree', 'kanban', 'search'].map(async (k) => [k, await env.refId(`test_views.test_lead_view_${k}`)])));
    const result = await env.model('test.lead').get_views([[false, 'kanban'], [false, 'list'], [false, 'form'], [false, 'search']]);
    t.same(Object.keys(result.views), ['kanban', 'list', 'form', 'search'], 'keyed by the requested types');
    t.same(result.views.form, { arch: FORM, id: ids.form, model: 'test.lead' }, 'the form with its own module\'s extension, groups attribute gone (superuser)');
    t.equal(result.views.list.arch, '<tree><field name="name"/><field name="partner_id"/><field name="stage_id"/></tree>');
    t.equal(result.views.list.id, ids.tree);
    t.equal(result.views.kanban.arch, '<kanban><field name="stage_id"/><templates><t t-name="kanban-box"><div><field name="name"/></div></t></templates></kanban>');
    t.equal(result.views.search.id, ids.search);
    t.same(Object.keys(result.models).sort(), ['test.lead', 'test.line'], 'the sub-view\'s model is described too');
    t.same(Object.keys(result.models['test.lead'].fields).sort(), ['line_ids', 'name', 'notes', 'partner_id', 'stage_id', 'user_id']);
    t.match(result.models['test.lead'].fields.partner_id, { type: 'many2one', relation: 'res.partner', string: 'Customer' });
    t.match(result.models['test.lead'].fields.line_ids, { type: 'one2many', relation: 'test.line', relation_field: 'lead_id' });
    t.same(Object.keys(result.models['test.line'].fields).sort(), ['amount', 'name']);
    const [tree] = await env.model('ir.ui.view').read(ids.tree, ['type', 'mode']);
    t.match(tree, { type: 'tree', mode: 'primary' }, "'list' is stored as Odoo 17's 'tree'");
    const [kanban] = await env.model('ir.ui.view').read(ids.kanban, ['type']);
    t.equal(kanban.type, 'kanban', 'the type comes from the arch when not given');
    const alt = await env.refId('test_views.test_lead_view_form_alt');
    const byId = await env.model('test.lead').get_views([[alt, 'form']]);
    t.same(byId.views.form, { arch: '<form><field name="name"/></form>', id: alt, model: 'test.lead' }, 'an explicit view id wins over priority');
  });
});

t.test('a model without views gets generated archs', async (t) => {
  await db.rollback(async (env) => {
    const result = await env.model('test.tag').get_views([[false, 'form'], [false, 'list'], [false, 'search'], [false, 'kanban']]);
    const desc = env.registry.get('test.tag').description;
    t.same(result.views.form, { arch: `<form><sheet string="${desc}"><group><group><field name="name"/><field name="active"/></group><group><field name="color"/></group></group></sheet></form>`, id: false, model: 'test.tag' });
    t.equal(result.views.list.arch, '<tree><field name="name"/></tree>');
    t.equal(result.views.search.arch, '<search><field name="name"/></search>');
    t.match(result.views.kanban.arch, /^<kanban><templates><t t-name="kanban-box">.*<field name="name"\/>.*<\/kanban>$/);
    t.same(Object.keys(result.models['test.tag'].fields).sort(), ['active', 'color', 'name']);
    const lead = await env.model('test.lead').get_views([[false, 'calendar'], [false, 'pivot']]);
    t.match(lead.views.calendar.arch, /<calendar string="Test Lead" date_start="date_deadline"><field name="name"\/><\/calendar>/);
    t.equal(lead.views.pivot.arch, '<pivot string="Test Lead"/>');
  });
});

t.test('nodes restricted to groups are removed for users outside them', async (t) => {
  await db.rollback(async (env) => {
    const user = await internalUser(env);
    const result = await user.model('test.lead').get_views([[false, 'form']]);
    t.equal(result.views.form.arch, FORM.replace('<field name="user_id"/>', ''), 'user_id is for base.group_system');
    t.notOk('user_id' in result.models['test.lead'].fields, 'and its metadata is not sent');
    const admin = await env.model('test.lead').with_context({}).withEnv(env.withUser(await env.refId('base.user_admin'))).get_views([[false, 'form']]);
    t.equal(admin.views.form.arch, FORM, 'an administrator sees it');
  });
});

t.test('load_action returns Odoo 17\'s /web/action/load shape', async (t) => {
  await db.rollback(async (env) => {
    const actions = ui(env, 'ir.actions.act_window');
    const id = await env.refId('test_views.action_test_leads');
    const kanban = await env.refId('test_views.test_lead_view_kanban');
    const search = await env.refId('test_views.test_lead_view_search');
    const byXmlid = await actions.load_action('test_views.action_test_leads');
    t.match(byXmlid, {
      id, type: 'ir.actions.act_window', xml_id: 'test_views.action_test_leads', name: 'Leads', display_name: 'Leads',
      res_model: 'test.lead', view_mode: 'kanban,tree,form', views: [[kanban, 'kanban'], [false, 'tree'], [false, 'form']],
      domain: "[('won', '=', False)]", context: "{'default_priority': '1'}", search_view_id: [search, 'test.lead.search'],
      target: 'current', limit: 40, view_id: false, help: '<p>Create your first lead</p>', binding_model_id: false, groups_id: [],
    });
    t.same(await actions.load_action(id), byXmlid, 'by id');
    t.same(await actions.load_action(String(id)), byXmlid, 'by id as a string');
    t.equal(await actions.load_action(999999), false, 'an unknown id gives false, as Odoo');
    await t.rejects(actions.load_action('test_views.nope'), { code: 'ERP_UNKNOWN_ACTION' });
    await t.rejects(actions.load_action('test_views.menu_root'), { code: 'ERP_UNKNOWN_ACTION' }, 'an external id of something else');
    t.match(await actions.load_action('test_views.action_test_dashboard'), {
      type: 'ir.actions.client', tag: 'test_dashboard', name: 'Dashboard', params: { period: 'month' }, context: '{}', target: 'current',
      xml_id: 'test_views.action_test_dashboard',
    }, 'a client action through its external id');
    t.match(await actions.load_action('base.open_module_tree'), { res_model: 'ir.module.module', views: [[false, 'kanban'], [false, 'tree'], [false, 'form']] });
    t.match(await actions.load_action('base.action_settings'), { type: 'ir.actions.client', tag: 'settings' });
  });
});

t.test('get_views with a toolbar lists the actions bound to the model', async (t) => {
  await db.rollback(async (env) => {
    const model = (await env.model('ir.model').search([['model', '=', 'test.lead']]))[0];
    await env.model('ir.actions.act_window').write(await env.refId('test_views.action_test_stages'), { binding_model_id: model });
    const result = await env.model('test.lead').get_views([[false, 'list'], [false, 'search']], { toolbar: true, load_filters: true });
    t.match(result.views.list.toolbar, { action: [{ name: 'Stages', string: 'Stages', type: 'ir.actions.act_window' }], print: [] });
    t.notOk(result.views.search.toolbar, 'no toolbar on the search view');
    t.same(result.views.search.filters, []);
  });
});

t.test('load_menus returns the visible menus in Odoo 17\'s shape', async (t) => {
  await db.rollback(async (env) => {
    const id = (x: string) => env.refId(x);
    const [root, leads, dashboard, config, stages, empty, settings, apps] = await Promise.all(
      ['menu_root', 'menu_leads', 'menu_dashboard', 'menu_config', 'menu_stages', 'menu_empty'].map((x) => id(`test_views.${x}`))
        .concat([id('base.menu_administration'), id('base.menu_apps')]));
    const leadsAction = await id('test_views.action_test_leads');
    const admin = await ui(env.withUser(await id('base.user_admin')), 'ir.ui.menu').load_menus();
    t.same(admin.root, { id: 'root', name: 'root', children: [root, settings], appID: false, xmlid: '', actionID: false, actionModel: false, webIcon: null, webIconData: null, webIconDataMimetype: null });
    t.same(admin[root], {
      id: root, name: 'Test Pipeline', children: [leads, dashboard, config], appID: root, xmlid: 'test_views.menu_root',
      actionID: leadsAction, actionModel: 'ir.actions.act_window', webIcon: 'test_views,static/description/icon.png', webIconData: false, webIconDataMimetype: false,
    }, 'an app opens the action of its first child');
    t.match(admin[config], { children: [stages], appID: root, actionID: false });
    t.match(admin[settings], { name: 'Settings', children: [apps], actionModel: 'ir.actions.client', actionID: await id('base.action_settings') });
    t.match(admin[apps], { name: 'Apps', appID: settings, actionModel: 'ir.actions.client', actionID: await id('base.action_apps') });
    t.notOk(empty in admin, 'a folder without visible children disappears');

    const user = await ui(await internalUser(env), 'ir.ui.menu').load_menus();
    t.same(user.root.children, [root], 'no Settings app for an internal user');
    t.same(user[root].children, [leads, dashboard], 'the Configuration folder is for base.group_system');
    t.same(Object.keys(user).sort(), ['root', String(root), String(leads), String(dashboard)].sort());
    t.same(Object.keys(await ui(env, 'ir.ui.menu').load_menus()).length, Object.keys(admin).length, 'the superuser sees what an administrator sees');
  });
});

t.test('a menu action can be given as Odoo\'s reference string', async (t) => {
  await db.rollback(async (env) => {
    const action = await env.refId('test_views.action_test_stages');
    const menu = await env.model('ir.ui.menu').create({ name: 'Stages again', action: `ir.actions.act_window,${action}` });
    t.match((await env.model('ir.ui.menu').read(menu, ['action', 'action_model', 'action_id']))[0],
      { action: `ir.actions.act_window,${action}`, action_model: 'ir.actions.act_window', action_id: action });
  });
});

t.test('views are checked when saved', async (t) => {
  const form = await db.commit((env) => env.refId('test_views.test_lead_view_form'));
  await db.rollback(async (env) => {
    await t.rejects(env.model('ir.ui.view').create({ name: 'Bad', inherit_id: form, arch: '<xpath expr="//field[@name=\'nope\']" position="after"><field name="color"/></xpath>' }),
      { code: 'ERP_INVALID_VIEW', message: /^View "Bad \(\d+\)": element '<xpath expr="\/\/field\[@name='nope'\]" position="after">' cannot be located in parent view$/ });
  });
  await db.rollback(async (env) => {
    await t.rejects(env.model('ir.ui.view').create({ name: 'Bad field', inherit_id: form, arch: '<field name="name" position="after"><field name="nope"/></field>' }),
      { code: 'ERP_INVALID_VIEW', message: /field "nope" does not exist in model "test.lead"/ });
    await t.rejects(env.model('ir.ui.view').create({ name: 'Bad xml', model: 'test.lead', type: 'form', arch: '<form><sheet></form>' }),
      { code: 'ERP_INVALID_VIEW', message: /View "Bad xml \(\d+\)": invalid XML/ });
    await t.rejects(env.model('ir.ui.view').create({ name: 'Bad position', inherit_id: form, arch: '<field name="name" position="around"/>' }),
      { code: 'ERP_INVALID_VIEW', message: /invalid position "around"/ });
  });
  await t.rejects(db.modules.install(['test_views_bad']), {
    code: 'ERP_MODULE_FAILED',
    message: /Module "test_views_bad" failed during loading data: .*record "test_lead_view_form_bad": View .*cannot be located in parent view/,
  }, 'an addon with a missing anchor does not install');
});

t.test('extensions of another module apply in dependency, priority, id order', async (t) => {
  await db.modules.install(['test_views_ext']);
  await db.rollback(async (env) => {
    const result = await env.model('test.lead').get_views([[false, 'form'], [false, 'list']]);
    t.equal(result.views.form.arch,
      '<form><header><button name="action_win" type="object" string="Win"/><button name="action_lost" type="object" string="Lost"/></header><sheet><group>'
      + '<field name="probability"/><field name="name" placeholder="e.g. Big deal" class="oe_inline"/><field name="partner_id"/><field name="partner_email"/>'
      + '<field name="color"/><field name="stage_id"/><field name="user_id"/></group><notebook>'
      + '<page name="notes" string="Notes"><field name="notes"/></page>'
      + '<page name="lines" string="Lines"><field name="line_ids"><tree><field name="name"/><field name="amount"/></tree></field></page>'
      + '<page name="extra" string="Extra"><field name="description"/></page></notebook></sheet></form>',
      'test_views first (stage_id), then color (priority 8), then the rest (priority 16, by id)');
    t.equal(result.views.list.arch, '<tree><field name="name"/><field name="partner_id"/></tree>', 'replace with nothing removes the node');
    t.ok(result.models['test.lead'].fields.partner_email, 'fields added by extensions are described');

    const user = await (await internalUser(env)).model('test.lead').get_views([[false, 'form']]);
    t.notMatch(user.views.form.arch, /probability|user_id/, 'the extension for administrators does not apply to an internal user');
    t.match(user.views.form.arch, /<field name="partner_email"\/>/);

    const simple = await env.refId('test_views_ext.test_lead_view_form_simple');
    const derived = await env.model('test.lead').get_views([[simple, 'form']]);
    t.equal(derived.views.form.arch,
      '<form><header><button name="action_win" type="object" string="Win"/><button name="action_lost" type="object" string="Lost"/></header><sheet><group>'
      + '<field name="probability"/><field name="name" placeholder="e.g. Big deal" class="oe_inline"/><field name="partner_id"/><field name="partner_email"/>'
      + '<field name="color"/><field name="stage_id"/><field name="user_id"/></group></sheet></form>',
      'a primary view derived from the form starts from its combined arch');
    const ext = await env.refId('test_views_ext.test_lead_view_form_ext');
    t.equal(await ui(env, 'ir.ui.view').get_combined_arch(ext),
      result.views.form.arch.replace('<field name="user_id"/>', '<field name="user_id" groups="base.group_system"/>'),
      'an extension\'s combined arch is its primary view\'s, before any per-user processing');

    const user2 = await ui(env.withUser(await env.refId('base.user_admin')), 'ir.ui.menu').load_menus();
    t.ok(user2[await env.refId('test_views_ext.menu_ext')], 'the extension\'s menu shows');
  });
  await db.rollback(async (env) => {
    const form = await env.refId('test_views.test_lead_view_form');
    await t.rejects(env.model('ir.ui.view').write(form, { arch: '<form><field name="name"/></form>' }),
      { code: 'ERP_INVALID_VIEW', message: /View "test_views\.test_lead_view_form_stage": element '<field name="partner_id" position="after">' cannot be located/ },
      'a parent may not drop what its extensions hang on');
  });
});

t.test('uninstalling the extension restores the arch and removes its records', async (t) => {
  await db.modules.uninstall(['test_views_ext']);
  await db.rollback(async (env) => {
    const result = await env.model('test.lead').get_views([[false, 'form'], [false, 'list']]);
    t.equal(result.views.form.arch, FORM);
    t.equal(result.views.list.arch, '<tree><field name="name"/><field name="partner_id"/><field name="stage_id"/></tree>');
    t.equal(await env.model('ir.ui.view').search_count([['name', 'like', 'test.lead.%.ext']]), 0);
    t.equal(await env.model('ir.ui.view').search_count([['name', 'in', ['test.lead.form.color', 'test.lead.form.admin', 'test.lead.form.simple']]]), 0);
    t.equal(await env.model('ir.ui.menu').search_count([['name', '=', 'Extra leads']]), 0);
    t.equal(await env.model('ir.ui.view').search_count([['model', '=', 'test.lead']]), 6, 'test_views\' own views stay');
  });
  await db.modules.uninstall(['test_views']);
  await db.rollback(async (env) => {
    t.equal(await env.model('ir.ui.view').search_count([['model', '=', 'test.lead']]), 0);
    t.equal(await env.model('ir.ui.menu').search_count([['name', 'in', ['Test Pipeline', 'Leads', 'Configuration']]]), 0);
    t.equal(await env.model('ir.actions.act_window').search_count([['res_model', '=', 'test.lead']]), 0);
    t.equal(await env.model('ir.actions.client').search_count([['tag', '=', 'test_dashboard']]), 0);
    t.same((await ui(env, 'ir.ui.menu').load_menus()).root.children, [await env.refId('base.menu_administration')], 'only base\'s Settings app is left');
  });
});
