// The CRM screens as data: every view of crm loads through get_views for an administrator and for
// a salesperson, every action loads, and the menus follow the groups and the "Leads" setting.

import t from 'tap';
import { testDb } from '../../../tests/helpers/db.ts';
import type { Env } from '../../../core/models/env.ts';
import type { Model } from '../../../core/models/model.ts';

interface UiMethods {
  load_action(ref: number | string): Promise<Record<string, unknown> | false>;
  load_menus(): Promise<Record<string, { name: string; children: number[]; xmlid: string; actionID: number | false }>>;
}
type ViewsReply = { views: Record<string, { arch: string; id: number | false }>; models: Record<string, { fields: Record<string, unknown> }> };
interface ViewMethods { get_views(requests: Array<[number | false, string]>): Promise<ViewsReply> }

const ui = (env: Env, model: string) => env.model<Model & UiMethods>(model);
const views = (env: Env, model: string) => env.model<Model & ViewMethods>(model);

const db = await testDb(t, { modules: ['crm'] });

/** A salesperson: sales "own documents" only, no administration. */
async function salesman(env: Env, login = 'sales.rep'): Promise<Env> {
  const uid = await env.model('res.users').create({ login, name: 'Sales Rep', groups_id: [[6, 0, [await env.refId('crm.group_sale_salesman')]]] });
  return env.withUser(uid);
}

async function admin(env: Env): Promise<Env> {
  return env.withUser(await env.refId('base.user_admin'));
}

/** The records of crm's data of one model, by external id. */
async function crmRecords(env: Env, model: string): Promise<Array<{ xmlid: string; id: number }>> {
  return env.cr.query<{ xmlid: string; id: number }>(
    "SELECT module || '.' || name AS xmlid, res_id AS id FROM ir_model_data WHERE module = 'crm' AND model = $1 ORDER BY id", [model]);
}

/** Menu names under `menus.root` as paths ('CRM/Sales/My Pipeline'). */
function menuPaths(menus: Awaited<ReturnType<UiMethods['load_menus']>>): string[] {
  const paths: string[] = [];
  const walk = (id: number, prefix: string) => {
    const menu = menus[String(id)];
    const path = prefix ? `${prefix}/${menu.name}` : menu.name;
    paths.push(path);
    for (const child of menu.children) walk(child, path);
  };
  for (const id of (menus.root as unknown as { children: number[] }).children) walk(id, '');
  return paths;
}

t.test('every view of crm loads for an administrator and a salesperson', async (t) => {
  await db.rollback(async (env) => {
    const users = { admin: await admin(env), salesman: await salesman(env) };
    const list = await crmRecords(env, 'ir.ui.view');
    const rows = await env.model('ir.ui.view').sudo().read(list.map((v) => v.id), ['model', 'type', 'mode', 'inherit_id']);
    t.ok(rows.length >= 25, `crm has its views (${rows.length})`);
    const types = new Set(rows.filter((r) => r.model === 'crm.lead').map((r) => r.type));
    for (const type of ['kanban', 'tree', 'form', 'calendar', 'pivot', 'graph', 'activity', 'search']) t.ok(types.has(type), `crm.lead has a ${type} view`);
    for (const [who, user] of Object.entries(users)) {
      for (const row of rows) {
        // An extension shows in its parent: load the primary view it belongs to.
        const id = row.inherit_id ? (row.inherit_id as [number, string])[0] : row.id;
        const reply = await views(user, String(row.model)).get_views([[id, String(row.type)]]);
        const arch = reply.views[String(row.type)]?.arch ?? '';
        t.ok(arch.length > 20, `${who}: ${list.find((v) => v.id === row.id)!.xmlid} (${row.model} ${row.type})`);
      }
    }
  });
});

t.test('the default views are CRM\'s, and groups trim what a salesperson sees', async (t) => {
  await db.rollback(async (env) => {
    const rep = await salesman(env);
    const reply = await views(rep, 'crm.lead').get_views([[false, 'kanban'], [false, 'form'], [false, 'list'], [false, 'search']]);
    t.match(reply.views.kanban.arch, /default_group_by="stage_id"/, 'the pipeline is grouped by stage');
    t.match(reply.views.kanban.arch, /<progressbar field="activity_state"[^>]*sum_field="expected_revenue"/, 'with the activities progress bar');
    t.match(reply.views.kanban.arch, /widget="kanban_activity"/, 'and the activity clock on cards');
    t.match(reply.views.form.arch, /name="action_set_won_rainbowman"/, 'the form has the Won button');
    t.match(reply.views.form.arch, /name="action_schedule_meeting"/, 'and the Meetings smart button');
    t.notMatch(reply.views.form.arch, /recurring_revenue"/, 'recurring revenues need their setting');
    t.match(reply.views.search.arch, /name="assigned_to_me"/, 'the search view has My Pipeline');
    t.ok(reply.models['crm.lead'].fields.activity_state, 'the fields of the archs are described');
    const partner = await views(rep, 'res.partner').get_views([[false, 'form']]);
    t.match(partner.views.form.arch, /name="action_view_opportunity"/, 'the contact form has the Opportunities button');
    t.match(partner.views.form.arch, /name="schedule_meeting"/, 'and the Meetings button');
  });
});

t.test('every action of crm loads', async (t) => {
  await db.rollback(async (env) => {
    const user = await admin(env);
    for (const model of ['ir.actions.act_window', 'ir.actions.client']) {
      for (const { xmlid } of await crmRecords(env, model)) {
        const action = await ui(user, 'ir.actions.act_window').load_action(xmlid);
        t.ok(action && action.type === model, `${xmlid} loads`);
      }
    }
    const pipeline = await ui(user, 'ir.actions.act_window').load_action('crm.crm_lead_action_pipeline') as Record<string, any>;
    t.equal(pipeline.res_model, 'crm.lead');
    t.same(pipeline.views[0], [await env.refId('crm.crm_case_kanban_view_leads'), 'kanban'], 'My Pipeline opens on the kanban');
    t.match(pipeline.context, /'search_default_assigned_to_me': 1/, 'assigned to me by default');
    const leads = await ui(user, 'ir.actions.act_window').load_action('crm.crm_lead_all_leads') as Record<string, any>;
    t.same(leads.views[0], [await env.refId('crm.crm_case_tree_view_leads'), 'tree'], 'Leads opens on the leads list');
  });
});

t.test('a salesperson sees Sales and My Pipeline, and Leads only with the Leads setting', async (t) => {
  await db.rollback(async (env) => {
    const rep = await salesman(env);
    let paths = menuPaths(await ui(rep, 'ir.ui.menu').load_menus());
    for (const path of ['CRM', 'CRM/Sales', 'CRM/Sales/My Pipeline', 'CRM/Sales/My Activities', 'CRM/Sales/Teams', 'CRM/Sales/Customers']) {
      t.ok(paths.includes(path), `${path} shows`);
    }
    t.notOk(paths.includes('CRM/Leads'), 'Leads does not show without the setting');
    t.notOk(paths.some((p) => p.startsWith('CRM/Configuration') || p.startsWith('CRM/Reporting')), 'nor Configuration and Reporting (administrators)');

    const settings = env.model<Model & { execute(ids: number | number[]): Promise<unknown> }>('res.config.settings');
    await settings.execute(await settings.create({ group_use_lead: true }));
    paths = menuPaths(await ui(rep, 'ir.ui.menu').load_menus());
    t.ok(paths.includes('CRM/Leads'), 'with the Leads setting, the Leads menu shows');

    const manager = menuPaths(await ui(await admin(env), 'ir.ui.menu').load_menus());
    for (const path of ['CRM/Reporting/Pipeline', 'CRM/Configuration/Settings', 'CRM/Configuration/Sales Teams', 'CRM/Configuration/Stages',
      'CRM/Configuration/Tags', 'CRM/Configuration/Lost Reasons', 'CRM/Configuration/Activity Types', 'CRM/Configuration/Activity Plans']) {
      t.ok(manager.includes(path), `the administrator sees ${path}`);
    }
    t.notOk(manager.includes('CRM/Configuration/Recurring Plans'), 'Recurring Plans needs its setting');
  });
});

t.test('the Qualification activity plan schedules a call, an email and a meeting', async (t) => {
  await db.rollback(async (env) => {
    const [plan] = await env.model('mail.activity.plan').search_read([['name', '=', 'Qualification']], ['res_model', 'template_ids']);
    t.equal(plan.res_model, 'crm.lead');
    const steps = await env.model('mail.activity.plan.template').read(plan.template_ids as number[], ['activity_type_id']);
    t.same(steps.map((s) => (s.activity_type_id as [number, string])[1]), ['Call', 'Email', 'Meeting']);
  });
});

t.test('the domains of the actions and of the search filters run', async (t) => {
  await db.rollback(async (env) => {
    const admin = env.withUser(await env.refId('base.user_admin'));
    const leads = admin.model<Model & { activity_schedule(ids: number[], values: Record<string, unknown>): Promise<unknown> }>('crm.lead');
    const won = await env.refId('crm.stage_lead4');
    const [late, open, closed] = await leads.create([
      { name: 'Late call', type: 'opportunity' }, { name: 'Nothing planned', type: 'opportunity' }, { name: 'Closed deal', type: 'opportunity', stage_id: won },
    ]);
    await leads.activity_schedule([late], { activity_type: 'mail.mail_activity_data_call', date_deadline: '2020-01-01' });
    const names = async (domain: unknown[]) => (await leads.search_read(domain as never, ['name'], { order: 'id' })).map((r) => r.name);
    // The action's domain is Odoo text, evaluated by /web/action/load; here it is written out.
    const action = await ui(admin, 'ir.actions.act_window').load_action('crm.crm_lead_action_my_activities') as { domain: string };
    t.equal(action.domain, "[('activity_ids', '!=', False)]");
    t.same(await names([['activity_ids', '!=', false]]), ['Late call'], 'My Activities: the opportunities with an activity');
    t.same(await names([['activity_user_id', '=', admin.uid]]), ['Late call'], 'the My Activities filter');
    t.same(await names([['activity_date_deadline', '<', '2026-01-01']]), ['Late call'], 'the Late Activities filter');
    t.same(await names(['&', ['active', '=', true], ['stage_id.is_won', '=', true]]), ['Closed deal'], 'the Won filter');
    t.same((await names([['won_status', '=', 'pending']])).filter((n) => n !== 'Closed deal'), ['Late call', 'Nothing planned'], 'the Open filter');
    t.ok(open && closed);
    const teams = await admin.model('crm.team').search_read(['|', ['user_id', '=', admin.uid], ['crm_team_member_ids.user_id', '=', admin.uid]], ['name']);
    t.same(teams.map((r) => r.name), ['Sales'], 'the My Teams filter of the teams');
  });
});
