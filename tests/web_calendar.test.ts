// The calendar view in headless Chromium: leads on their deadline in a month grid, previous /
// next month, dragging a lead to another day (the date saved in the database), a click on an
// empty day to create one with that date, a click on an event to open it.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import type { Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.ts';
import { testServer } from './helpers/http.ts';
import { ROOT } from './setup/state.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');

const CALENDAR_ARCH = `<calendar string="Deadlines" date_start="date_deadline" mode="month" color="user_id">
  <field name="name"/>
  <field name="expected_revenue"/>
</calendar>`;

/** 'YYYY-MM-DD' of the current month's day `day` (months away from now). */
function dayOf(monthOffset: number, day: number): string {
  const d = new Date();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + monthOffset, day));
  return target.toISOString().slice(0, 10);
}

const session = await launchBrowser();
if ('missing' in session) {
  t.test('the calendar view in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  const server = await testServer(t, { modules: ['test_views'] });
  await server.db.commit(async (env) => {
    const modelId = async (model: string) => (await env.model('ir.model').sudo().search([['model', '=', model]]))[0];
    const admins = await env.refId('base.group_system');
    for (const model of ['test.lead', 'test.stage']) {
      await env.model('ir.model.access').sudo().create({
        name: `${model} admin`, model_id: await modelId(model), group_id: admins, perm_read: true, perm_write: true, perm_create: true, perm_unlink: true,
      });
    }
    const leads = env.model('test.lead').sudo();
    await leads.unlink(await leads.search([]));
    const [marc] = await env.model('res.users').sudo().create([{ name: 'Marc Demo', login: 'marc' }]);
    await leads.create([
      { name: 'Office chairs', date_deadline: dayOf(0, 10), expected_revenue: 12000 },
      { name: 'Website redesign', date_deadline: dayOf(0, 10), user_id: marc },
      { name: 'Cloud migration', date_deadline: dayOf(0, 20), user_id: marc },
      { name: 'Next month deal', date_deadline: dayOf(1, 5) },
      { name: 'No deadline' },
    ]);
    await env.model('ir.ui.view').sudo().create({ name: 'test.lead.calendar', model: 'test.lead', type: 'calendar', arch: CALENDAR_ARCH });
    const action = await env.model('ir.actions.act_window').sudo().create({ name: 'Deadlines', res_model: 'test.lead', view_mode: 'calendar,list,form' });
    const root = await env.model('ir.ui.menu').sudo().create({ name: 'Agenda', sequence: 95 });
    await env.model('ir.ui.menu').sudo().create({ name: 'Deadlines', parent_id: root, action: `ir.actions.act_window,${action}` });
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  const leadBy = (name: string) => server.db.commit(async (env) => {
    const [row] = await env.model('test.lead').sudo().search_read([['name', '=', name]], ['date_deadline']);
    return row as { id: number; date_deadline: string | false } | undefined;
  });
  const day = (page: Page, date: string) => page.locator(`erp-calendar-view .day[data-date="${date}"]`);
  const event = (page: Page, name: string) => page.locator(`erp-calendar-view .event[aria-label="${name}"]`);

  t.test('month view: events on their deadline, previous/next, drag to another day, click a day to create', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    t.teardown(() => page.close());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/web`);
    await page.getByLabel('Login').fill('admin');
    await page.getByLabel('Password').fill('admin');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Agenda' }).click();
    await page.getByRole('heading', { name: 'Deadlines' }).waitFor();
    await event(page, 'Office chairs').waitFor();

    const calendar = page.locator('erp-calendar-view');
    const monthTitle = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${dayOf(0, 1)}T00:00:00Z`));
    t.equal(await calendar.locator('.toolbar h2').textContent(), monthTitle, 'the title names the current month');
    t.equal(await calendar.locator('.day').count(), 42, 'six weeks of days');
    t.same(await day(page, dayOf(0, 10)).locator('.event').allTextContents(), ['Office chairs', 'Website redesign'], 'two leads on the 10th');
    t.same(await day(page, dayOf(0, 20)).locator('.event').allTextContents(), ['Cloud migration'], 'one on the 20th');
    t.equal(await calendar.locator('.event[aria-label="No deadline"]').count(), 0, 'a lead without a deadline is not shown');
    const colors = await Promise.all(['Office chairs', 'Website redesign'].map((n) => event(page, n).evaluate((el) => getComputedStyle(el).backgroundColor)));
    t.not(colors[0], colors[1], 'leads of different salespeople have different colours');

    // Next and previous month.
    await calendar.getByRole('button', { name: 'Next', exact: true }).click();
    const nextTitle = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${dayOf(1, 1)}T00:00:00Z`));
    await t.resolves(calendar.locator('.toolbar h2', { hasText: nextTitle }).waitFor(), 'next: the title names the next month');
    await t.resolves(event(page, 'Next month deal').waitFor(), 'next: the next month\'s lead');
    t.equal(await day(page, dayOf(1, 5)).locator('.event').count(), 1, 'on its day');
    t.equal(await calendar.locator('.event[aria-label="Cloud migration"]').count(), 0, 'this month\'s 20th is not in the grid any more');
    await calendar.getByRole('button', { name: 'Previous', exact: true }).click();
    await t.resolves(event(page, 'Cloud migration').waitFor(), 'previous: back to this month');
    await calendar.getByRole('button', { name: 'Previous', exact: true }).click();
    await t.resolves(calendar.locator(`.day[data-date="${dayOf(-1, 15)}"]`).waitFor(), 'previous again: last month');
    t.equal(await calendar.locator('.event').count(), 0, 'with no lead');
    await calendar.getByRole('button', { name: 'Today', exact: true }).click();
    await t.resolves(event(page, 'Office chairs').waitFor(), 'Today comes back to the current month');

    // Drag a lead to another day.
    await event(page, 'Cloud migration').dragTo(day(page, dayOf(0, 22)));
    await t.resolves(day(page, dayOf(0, 22)).locator('.event[aria-label="Cloud migration"]').waitFor(), 'the event lands on the 22nd');
    for (let i = 0; i < 50 && (await leadBy('Cloud migration'))?.date_deadline !== dayOf(0, 22); i++) await page.waitForTimeout(100);
    t.equal((await leadBy('Cloud migration'))?.date_deadline, dayOf(0, 22), 'the new deadline is written in the database');
    t.equal(await day(page, dayOf(0, 20)).locator('.event').count(), 0, 'the 20th is empty now');

    // Click an empty day: a name, Enter creates the lead on that day.
    await day(page, dayOf(0, 15)).click({ position: { x: 60, y: 60 } });
    const input = calendar.getByLabel('New event name');
    await input.waitFor();
    await input.fill('Trade fair');
    await input.press('Enter');
    await t.resolves(day(page, dayOf(0, 15)).locator('.event[aria-label="Trade fair"]').waitFor(), 'the new lead shows on the day clicked');
    t.equal((await leadBy('Trade fair'))?.date_deadline, dayOf(0, 15), 'created with that deadline');
    await day(page, dayOf(0, 16)).click({ position: { x: 60, y: 60 } });
    await input.fill('Never created');
    await input.press('Escape');
    await t.resolves(calendar.locator('form.quick').waitFor({ state: 'detached' }), 'Escape discards it');
    t.equal(await leadBy('Never created'), undefined);

    // Week and day modes.
    await calendar.getByRole('button', { name: 'Week', exact: true }).click();
    t.equal(await calendar.locator('.day').count(), 7, 'the week view shows seven days');
    t.equal(await calendar.locator(`.day[data-date="${new Date().toISOString().slice(0, 10)}"]`).count(), 1, 'the current week, today included');
    await calendar.getByRole('button', { name: 'Month', exact: true }).click();
    await event(page, 'Office chairs').waitFor();

    await page.screenshot({ path: path.join(SCREENSHOTS, 'calendar.png') });

    // A click on an event opens the record.
    const id = (await leadBy('Office chairs'))!.id;
    await event(page, 'Office chairs').click();
    await t.resolves(page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('button', { name: 'Deadlines' }).waitFor(), 'the form opens, with breadcrumbs back to the calendar');
    t.match(await page.getByRole('navigation', { name: 'Breadcrumbs' }).textContent(), new RegExp(`#${id}|Office chairs`));
    t.same(errors, [], 'no error in the page');
  });

  t.test('activity view: one row per lead with activities, one column per type, coloured by state', async (t) => {
    const mailServer = await testServer(t, { modules: ['test_views', 'mail'] });
    const today = new Date().toISOString().slice(0, 10);
    const shift = (n: number) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
    await mailServer.db.commit(async (env) => {
      const modelId = async (model: string) => (await env.model('ir.model').sudo().search([['model', '=', model]]))[0];
      await env.model('ir.model.access').sudo().create({
        name: 'test.lead admin', model_id: await modelId('test.lead'), group_id: await env.refId('base.group_system'), perm_read: true, perm_write: true, perm_create: true, perm_unlink: true,
      });
      const leads = env.model('test.lead').sudo();
      await leads.unlink(await leads.search([]));
      const [chairs, web] = await leads.create([{ name: 'Office chairs' }, { name: 'Website redesign' }, { name: 'Quiet lead' }]);
      const [call, mail] = await env.model('mail.activity.type').sudo().create([{ name: 'Lead call' }, { name: 'Lead email' }]);
      const admin = await env.refId('base.user_admin');
      await env.model('mail.activity').sudo().create([
        { res_model: 'test.lead', res_id: chairs, activity_type_id: call, date_deadline: shift(-2), user_id: admin },
        { res_model: 'test.lead', res_id: chairs, activity_type_id: call, date_deadline: shift(3), user_id: admin },
        { res_model: 'test.lead', res_id: chairs, activity_type_id: mail, date_deadline: today, user_id: admin },
        { res_model: 'test.lead', res_id: web, activity_type_id: mail, date_deadline: shift(5), user_id: admin },
      ]);
      await env.model('ir.ui.view').sudo().create({ name: 'test.lead.activity', model: 'test.lead', type: 'activity', arch: '<activity string="Leads"><templates/></activity>' });
      const action = await env.model('ir.actions.act_window').sudo().create({ name: 'Lead activities', res_model: 'test.lead', view_mode: 'activity,form' });
      const root = await env.model('ir.ui.menu').sudo().create({ name: 'Follow-up', sequence: 96 });
      await env.model('ir.ui.menu').sudo().create({ name: 'Lead activities', parent_id: root, action: `ir.actions.act_window,${action}` });
    });
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    t.teardown(() => page.close());
    await page.goto(`${mailServer.url}/web`);
    await page.getByLabel('Login').fill('admin');
    await page.getByLabel('Password').fill('admin');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Follow-up' }).click();
    const view = page.locator('erp-activity-view');
    await view.locator('tbody tr').first().waitFor();
    t.same(await view.locator('tbody th').allTextContents(), ['Office chairs', 'Website redesign'], 'a row per lead that has activities');
    const cell = (lead: string, type: string) => view.locator('tbody tr', { has: page.locator('th', { hasText: lead }) }).locator(`td[data-type="${type}"]`);
    const typeId = async (name: string) => view.locator('thead th', { hasText: new RegExp(`^${name}$`) }).getAttribute('data-type');
    const [callId, mailId] = [await typeId('Lead call'), await typeId('Lead email')];
    t.equal(await cell('Office chairs', callId!).getAttribute('class'), 'overdue', 'two calls, one overdue: red');
    t.equal(await cell('Office chairs', callId!).locator('.count').textContent(), '2', 'with their count');
    t.equal(await cell('Office chairs', mailId!).getAttribute('class'), 'today', 'an email due today: orange');
    t.equal(await cell('Website redesign', mailId!).getAttribute('class'), 'planned', 'a planned email: green');
    t.equal(await cell('Website redesign', callId!).locator('.count').count(), 0, 'no call: an empty cell');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'activity.png') });
  });
}
