// The chatter under the form view in headless Chromium, on test.lead with the mail mixins
// (test_mail): log a note and see it, move the stage and see the tracking message, schedule an
// overdue activity (red), mark it done with feedback and see the "done" message, launch a plan.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { launchBrowser } from './helpers/browser.ts';
import { testServer } from './helpers/http.ts';
import { TEST_ADDONS } from './helpers/db.ts';
import { ROOT } from './setup/state.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');

const FORM_ARCH = `<form>
  <header><field name="stage_id" widget="statusbar"/></header>
  <sheet>
    <div class="oe_title"><h1><field name="name"/></h1></div>
    <group><group><field name="partner_id"/><field name="priority" widget="priority"/></group><group><field name="probability"/></group></group>
  </sheet>
  <div class="oe_chatter"/>
</form>`;

const session = await launchBrowser();
if ('missing' in session) {
  t.test('the chatter in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  const server = await testServer(t, { modules: ['test_mail', 'test_views'], addonsPaths: [path.join(TEST_ADDONS, 'test_mail_addons')] });
  await server.db.commit(async (env) => {
    const sudo = env.sudo();
    const admins = await sudo.refId('base.group_system');
    const models = await sudo.model('ir.model').search_read([['model', 'in', ['test.lead', 'test.stage', 'test.tag', 'test.line']]], ['model']);
    await sudo.model('ir.model.access').create(models.map((m) => ({
      name: `${m.model} admin (chatter test)`, model_id: m.id, group_id: admins, perm_read: true, perm_write: true, perm_create: true, perm_unlink: true,
    })));
    await sudo.model('ir.ui.view').create({ name: 'test.lead.form.chatter', model: 'test.lead', type: 'form', priority: 1, arch: FORM_ARCH });
    await sudo.model('test.lead').create({ name: 'Chatter deal', stage_id: await sudo.refId('test_pipeline.stage_qualified') });
    const plan = await sudo.model('mail.activity.plan').create({ name: 'Onboarding', res_model: 'test.lead' });
    await sudo.model('mail.activity.plan.template').create({
      plan_id: plan, activity_type_id: await sudo.refId('mail.mail_activity_data_todo'), summary: 'Kickoff meeting', responsible_type: 'on_demand', delay_count: 3,
    });
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const messages = (): Promise<Array<Record<string, any>>> => server.db.commit(async (env) => {
    const [lead] = await env.sudo().model('test.lead').search([['name', '=', 'Chatter deal']]);
    return env.sudo().model('mail.message').search_read([['res_model', '=', 'test.lead'], ['res_id', '=', lead]], ['body', 'message_type'], { order: 'id' });
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  t.test('notes, tracking, activities and plans in the chatter of a lead', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    t.teardown(() => page.close());
    await page.goto(`${server.url}/web`);
    await page.getByLabel('Login').fill('admin');
    await page.getByLabel('Password').fill('admin');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Test Pipeline' }).click();
    await page.getByRole('heading', { name: 'Leads' }).waitFor();
    const list = page.getByRole('button', { name: 'List', exact: true });
    if (await list.count()) await list.click();
    await page.locator('erp-list-view tbody tr', { hasText: 'Chatter deal' }).click();

    const chatter = page.locator('erp-form-view erp-chatter');
    await t.resolves(chatter.getByRole('button', { name: 'Log note' }).waitFor(), 'the chatter is under the form');
    t.ok(await chatter.getByText('No messages yet.').isVisible(), 'no message yet');

    // a note
    await chatter.getByRole('button', { name: 'Log note' }).click();
    await chatter.getByRole('textbox', { name: 'Log note' }).fill('Called the customer <b>twice</b>');
    await chatter.getByRole('button', { name: 'Log', exact: true }).click();
    const note = chatter.getByRole('listitem').filter({ hasText: 'Called the customer <b>twice</b>' });
    await t.resolves(note.waitFor(), 'the note is shown, as text');
    t.match(await note.textContent(), /Mitchell Admin|Administrator|admin/i, 'with its author');
    t.match(await note.locator('.o_date').textContent(), /\d{4}/, 'and its date');
    t.equal((await messages()).at(-1)?.body, '<p>Called the customer &lt;b&gt;twice&lt;/b&gt;</p>', 'posted, escaped');

    // tracking, after the status bar saves the stage
    await page.locator('erp-form-view').getByRole('radio', { name: 'Won' }).click();
    const tracking = chatter.locator('.o_message', { hasText: 'Stage: Qualified → Won' });
    await t.resolves(tracking.waitFor(), 'the tracking message appears after the save');
    t.equal(await chatter.locator('.o_message').first().locator('.o_tracking_value').textContent(), 'Stage: Qualified → Won', 'newest first');

    // an overdue activity, then done with feedback
    await chatter.getByRole('button', { name: 'Schedule activity' }).click();
    await chatter.getByRole('combobox', { name: 'Activity type' }).selectOption({ label: 'Call' });
    await chatter.getByRole('textbox', { name: 'Summary' }).fill('Discuss pricing');
    await chatter.getByLabel('Due date').fill('2020-01-15');
    await chatter.getByRole('button', { name: 'Schedule', exact: true }).click();
    const activity = chatter.locator('.o_activity', { hasText: 'Discuss pricing' });
    await t.resolves(activity.waitFor(), 'the activity is listed');
    t.equal(await activity.getAttribute('data-state'), 'overdue', 'overdue');
    t.equal(await activity.locator('.o_badge').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(220, 38, 38)', 'in red');

    await chatter.getByRole('button', { name: 'Launch plan' }).click();
    await chatter.getByRole('combobox', { name: 'Plan' }).selectOption({ label: 'Onboarding' });
    await chatter.getByRole('button', { name: 'Launch', exact: true }).click();
    await t.resolves(chatter.getByRole('listitem').filter({ hasText: 'The plan "Onboarding" has been started' }).waitFor(), 'the plan is started');
    await t.resolves(chatter.locator('.o_activity', { hasText: 'Kickoff meeting' }).waitFor(), 'its step is an activity');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'chatter.png'), fullPage: true });

    await activity.getByRole('button', { name: 'Mark Done' }).click();
    await activity.getByRole('textbox', { name: 'Feedback' }).fill('Customer agreed');
    await activity.getByRole('button', { name: 'Done', exact: true }).click();
    await t.resolves(chatter.getByRole('listitem').filter({ hasText: 'Call done: Discuss pricing' }).filter({ hasText: 'Customer agreed' }).waitFor(),
      'the "done" message shows with the feedback');
    await t.resolves(activity.waitFor({ state: 'detached' }), 'the activity is gone');
    t.equal(await chatter.locator('.o_activity').count(), 1, 'the plan\'s step remains');
    t.equal((await messages()).length, 4, 'note, tracking, plan, done');
  });
}
