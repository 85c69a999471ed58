// CRM in headless Chromium, as a salesperson opens it: the app from the home menu, My Pipeline as a
// kanban of the four stages with cards (amount, customer, tags, stars, activity clock,
// salesperson), an opportunity's form (Won/Lost, the stages, the Meetings button), the team
// dashboard (Sales > Teams) whose card opens the team's pipeline, and a customer (Sales >
// Customers) with its smart buttons.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../../tests/helpers/browser.ts';
import { logIn } from '../../../tests/helpers/web.ts';
import { testServer } from '../../../tests/helpers/http.ts';
import { ROOT } from '../../../tests/setup/state.ts';
import type { Model } from '../../../core/models/model.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');

const session = await launchBrowser();
if ('missing' in session) {
  t.test('CRM in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  const server = await testServer(t, { modules: ['crm'] });
  await server.db.commit(async (root) => {
    const env = root.sudo();
    const admin = await env.refId('base.user_admin');
    const stage = async (n: number) => env.refId(`crm.stage_lead${n}`);
    const [azure, deco, gemini] = await env.model('res.partner').create([
      { name: 'Azure Interior', is_company: true, email: 'info@azure.example', city: 'Tehran' },
      { name: 'Deco Addict', is_company: true, email: 'hello@deco.example' },
      { name: 'Gemini Furniture', is_company: true },
    ]);
    const [product, services] = await env.model('crm.tag').create([{ name: 'Product', color: 4 }, { name: 'Services', color: 10 }]);
    const leads = env.withUser(admin).model<Model & { activity_schedule(ids: number[], values: Record<string, unknown>): Promise<unknown> }>('crm.lead');
    const [chairs] = await leads.create([
      { name: 'Office chairs', partner_id: azure, expected_revenue: 12000, priority: '2', stage_id: await stage(1), tag_ids: [[6, 0, [product]]] },
      { name: 'Open space design', partner_id: deco, expected_revenue: 24000, priority: '1', stage_id: await stage(2), tag_ids: [[6, 0, [services]]] },
      { name: 'Conference tables', partner_id: azure, expected_revenue: 8500, priority: '3', stage_id: await stage(3), tag_ids: [[6, 0, [product, services]]] },
      { name: 'Lounge sofas', partner_id: gemini, expected_revenue: 40000, stage_id: await stage(4) },
      { name: 'Reception desk', partner_id: deco, expected_revenue: 3200, stage_id: await stage(1) },
    ]);
    await leads.activity_schedule([chairs], { activity_type: 'mail.mail_activity_data_call', summary: 'Call about the fabric', date_deadline: '2020-01-06' });
    // A second team, so that the dashboard shows more than one card.
    const marc = await env.model('res.users').create({ name: 'Marc Demo', login: 'marc', groups_id: [[6, 0, [await env.refId('crm.group_sale_salesman')]]] });
    const europe = await env.model('crm.team').create({ name: 'Europe', user_id: marc, invoiced_target: 50000 });
    await env.model('crm.team.member').create({ crm_team_id: europe, user_id: marc });
    await env.model('crm.lead').create({ name: 'Hotel lobby', partner_id: gemini, expected_revenue: 15000, user_id: marc, team_id: europe, date_deadline: '2020-02-01' });
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  const crumbs = (page: Page) => page.getByRole('navigation', { name: 'Breadcrumbs' });
  const column = (page: Page, name: string) => page.locator(`erp-kanban-view section.column[aria-label="${name}"]`);
  const card = (page: Page, name: string) => page.locator(`erp-kanban-view article.card[aria-label="${name}"]`);
  /** A menu of the app's top menu, through its dropdown ('Sales' then 'Teams'). */
  const openMenu = async (page: Page, top: string, item: string, screenshot?: string) => {
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: top }).click();
    const entry = page.getByRole('menu', { name: top }).getByRole('menuitem', { name: item });
    await entry.waitFor();
    if (screenshot) await page.screenshot({ path: path.join(SCREENSHOTS, screenshot) });
    await entry.click();
  };

  t.test('the pipeline, an opportunity, the teams and a customer', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1360, height: 860 } });
    t.teardown(() => page.close());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await logIn(page, server.url);

    // The CRM app opens on My Pipeline, a kanban by stage.
    await page.getByRole('button', { name: 'CRM' }).click();
    await column(page, 'Won').waitFor();
    t.same(await page.locator('erp-kanban-view section.column').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label'))),
      ['New', 'Qualified', 'Proposition', 'Won'], 'one column per stage');
    t.equal(await column(page, 'New').locator('.count').textContent(), '(2)', 'New has my two opportunities');
    await card(page, 'Office chairs').waitFor();
    const chairs = card(page, 'Office chairs');
    t.match(await chairs.textContent(), /12,000\.00/, 'the card shows the expected revenue');
    t.match(await chairs.textContent(), /Azure Interior/, 'the customer');
    t.same(await chairs.locator('.tag').allTextContents(), ['Product'], 'the tags');
    t.equal(await chairs.locator('.star.on').count(), 2, 'the priority');
    t.equal(await chairs.locator('erp-kanban-activity').count(), 1, 'the activity clock');
    t.equal(await chairs.locator('.avatar').getAttribute('title'), 'Administrator', 'the salesperson');
    t.ok(await column(page, 'New').locator('.bar span[data-value="overdue"]').count(), 'the progress bar counts the overdue activity');
    t.notOk(await page.locator('erp-kanban-view article.card[aria-label="Hotel lobby"]').count(), 'another salesperson\'s deal is not in My Pipeline');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-pipeline.png') });

    // An opportunity's form.
    await card(page, 'Conference tables').click();
    const form = page.locator('erp-form-view');
    await crumbs(page).getByText('Conference tables').waitFor();
    await form.locator('.o_form_statusbar button[data-name="action_set_won_rainbowman"]').waitFor();
    t.equal(await form.locator('.o_form_statusbar button[data-name="action_lost_wizard"]').count(), 1, 'Won and Lost in the header');
    t.equal(await form.locator('.o_form_statusbar button[data-name="action_restore"]').count(), 0, 'no Restore on an open deal');
    t.same(await form.locator('erp-field-statusbar').evaluate((el) => [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim())),
      ['New', 'Qualified', 'Proposition', 'Won'], 'the stages in the status bar');
    const meetings = form.getByRole('toolbar', { name: 'Smart buttons' }).getByRole('button', { name: /Meetings/ });
    t.equal((await meetings.innerText()).replace(/\s+/g, ' ').trim(), '0 Meetings', 'the Meetings smart button');
    t.ok(await form.getByRole('tab', { name: 'Extra Info' }).count(), 'the Extra Info tab');
    t.equal(await form.getByRole('status').filter({ hasText: /won|lost/i }).count(), 0, 'no Won/Lost ribbon on an open deal');
    // Winning it from the header shows the Won ribbon on the sheet.
    await form.locator('.o_form_statusbar button[data-name="action_set_won_rainbowman"]').click();
    await form.getByRole('status').filter({ hasText: /won/i }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-form.png') });

    // The team dashboard: a card per team; a click opens the team's pipeline.
    await openMenu(page, 'Sales', 'Teams');
    await crumbs(page).getByRole('heading', { name: 'Teams' }).waitFor();
    const sales = card(page, 'Sales');
    await sales.waitFor();
    t.ok(await card(page, 'Europe').count(), 'a card per team');
    t.equal(await page.getByRole('button', { name: 'New', exact: true }).count(), 0, 'no New button on the dashboard (create="0")');
    t.match((await sales.locator('.line[data-field="opportunities_count"]').innerText()).replace(/\s+/g, ' '), /Open Opportunities 3/, 'the open opportunities of the team (the one won above no longer counts)');
    t.match((await card(page, 'Europe').locator('.line[data-field="opportunities_overdue_count"]').innerText()).replace(/\s+/g, ' '), /Overdue Opportunities 1/, 'and the overdue ones');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-teams.png') });
    await card(page, 'Europe').click();
    await card(page, 'Hotel lobby').waitFor();
    t.match(await crumbs(page).innerText(), /Teams/, 'the breadcrumbs lead back to the teams');
    t.notOk(await card(page, 'Office chairs').count(), 'only the team\'s opportunities');

    // A customer, with its opportunities and meetings.
    await openMenu(page, 'Sales', 'Customers', 'crm-menu.png');
    await card(page, 'Azure Interior').click();
    await crumbs(page).getByText('Azure Interior').waitFor();
    const buttons = page.locator('erp-form-view').getByRole('toolbar', { name: 'Smart buttons' });
    await buttons.getByRole('button', { name: /Opportunities/ }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-customer.png') });
    t.same((await buttons.locator('.oe_stat_button').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim()),
      ['2 Opportunities', '0 Meetings'], 'the Opportunities and Meetings smart buttons');
    await buttons.getByRole('button', { name: /Opportunities/ }).click();
    await card(page, 'Conference tables').waitFor();
    t.ok(await card(page, 'Office chairs').count(), 'the customer\'s opportunities open');
    t.same(errors, [], 'no error in the page');
  });
}
