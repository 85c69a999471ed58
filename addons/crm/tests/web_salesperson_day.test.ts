// A salesperson's day in CRM, in headless Chromium, clicked as a user would: a deal quick-created
// on My Pipeline and dragged to Won; another marked lost with a reason, found again with the
// "Lost" filter and restored; an activity due today (orange clock) that becomes overdue (red)
// when the server's clock moves on; three similar leads merged from the "Similar Leads" button;
// then the sales administrator turns Leads on, converts a lead with a new customer, and creates a
// second team whose pipeline is its own.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t, { type Test } from 'tap';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../../tests/helpers/browser.ts';
import { logIn } from '../../../tests/helpers/web.ts';
import { testServer } from '../../../tests/helpers/http.ts';
import { ROOT } from '../../../tests/setup/state.ts';
import { setClock } from '../../../core/clock.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `crm-day-${name}.png`) });

const session = await launchBrowser();
if ('missing' in session) {
  t.test('a salesperson\'s day in CRM', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  t.teardown(() => setClock(null));
  const server = await testServer(t, { modules: ['crm'] });
  const ids = await server.db.commit(async (root) => {
    const env = root.sudo();
    const salesTeam = await env.refId('crm.team_sales_department');
    const [sally, marc] = await env.model('res.users').create([
      { name: 'Sally Seller', login: 'sally', password: 'sally-pw', tz: 'UTC', groups_id: [[6, 0, [await env.refId('crm.group_sale_salesman_all_leads')]]] },
      { name: 'Marc Demo', login: 'marc', password: 'marc-pw', tz: 'UTC', groups_id: [[6, 0, [await env.refId('crm.group_sale_salesman')]]] },
    ]);
    await env.model('crm.team.member').create({ crm_team_id: salesTeam, user_id: sally });
    const [chairs, desks, lamps] = await env.model('crm.tag').create([{ name: 'Chairs', color: 2 }, { name: 'Desks', color: 4 }, { name: 'Lamps', color: 6 }]);
    const leads = env.withUser(sally).model('crm.lead');
    const [shelving] = await leads.create([
      { name: 'Warehouse shelving', type: 'opportunity', expected_revenue: 7000 },
      { name: 'Fleet tracking', type: 'opportunity', expected_revenue: 5000 },
      { name: 'Globex chairs', type: 'opportunity', email_from: 'anna@globex.example', contact_name: 'Anna', tag_ids: [[6, 0, [chairs]]], description: '<p>Forty chairs for the new office</p>', expected_revenue: 4000 },
      { name: 'Globex desks', type: 'opportunity', email_from: 'bob@globex.example', tag_ids: [[6, 0, [desks]]], description: '<p>Standing desks, delivery in May</p>', expected_revenue: 6000 },
      { name: 'Globex lamps', type: 'opportunity', email_from: 'carl@globex.example', tag_ids: [[6, 0, [lamps, chairs]]], expected_revenue: 900 },
    ]);
    return { sally, marc, salesTeam, shelving, tags: { chairs, desks, lamps } };
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  const crumbs = (page: Page) => page.getByRole('navigation', { name: 'Breadcrumbs' });
  const kanban = (page: Page) => page.locator('erp-kanban-view');
  const column = (page: Page, name: string) => kanban(page).locator(`section.column[aria-label="${name}"]`);
  const card = (page: Page, name: string) => kanban(page).locator(`article.card[aria-label="${name}"]`);
  const form = (page: Page) => page.locator('erp-form-view');
  const fieldInput = (page: Page, name: string) => form(page).locator(`.o_field[data-name="${name}"]`).locator('input, textarea').first();
  /** A menu of the app's top menu, through its dropdown ('Sales' then 'Teams'). */
  const openMenu = async (page: Page, top: string, item: string) => {
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: top }).click();
    await page.getByRole('menu', { name: top }).getByRole('menuitem', { name: item }).click();
  };
  /** A fresh page, logged in, with the page's errors collected. */
  const open = async (t: Test, login = 'sally', password = 'sally-pw') => {
    const page = await session.browser.newPage({ viewport: { width: 1360, height: 860 } });
    t.teardown(async () => {
      if (!t.passing()) await shot(page, `failed-${t.name.slice(0, 2).replace(/\W/g, '')}`);
      await page.close();
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await logIn(page, server.url, login, password);
    return { page, errors };
  };
  const openPipeline = async (page: Page) => {
    await page.getByRole('button', { name: 'CRM' }).click();
    await column(page, 'Won').waitFor();
  };
  const dragTo = async (page: Page, name: string, stage: string) => {
    await card(page, name).dragTo(column(page, stage).locator('.cards'));
    await column(page, stage).locator(`article.card[aria-label="${name}"]`).waitFor();
  };

  t.test('1. a new deal, quick-created on My Pipeline, dragged to Won', async (t) => {
    const { page, errors } = await open(t);
    await openPipeline(page);
    t.ok(await card(page, 'Warehouse shelving').count(), 'my pipeline shows my deals');
    await column(page, 'New').getByRole('button', { name: 'Quick create' }).click();
    const quick = column(page, 'New').getByRole('form', { name: 'Quick create' });
    await quick.getByRole('textbox').fill('Solar panels for the roof');
    await quick.getByRole('textbox').press('Enter');
    await column(page, 'New').locator('article.card[aria-label="Solar panels for the roof"]').waitFor();
    await shot(page, '1-quick-create');
    for (const stage of ['Qualified', 'Proposition', 'Won']) await dragTo(page, 'Solar panels for the roof', stage);
    await page.reload();
    await column(page, 'Won').locator('article.card[aria-label="Solar panels for the roof"]').waitFor();
    t.equal(await column(page, 'New').locator('article.card[aria-label="Solar panels for the roof"]').count(), 0, 'after a reload, the deal is in Won');
    const [row] = await server.db.commit((env) => env.sudo().model('crm.lead').search_read([['name', '=', 'Solar panels for the roof']], ['probability', 'user_id', 'team_id']));
    t.equal(row.probability, 100, 'won at 100%');
    t.same([(row.user_id as [number, string])[0], (row.team_id as [number, string])[0]], [ids.sally, ids.salesTeam], 'mine, in my team');
    await card(page, 'Solar panels for the roof').click();
    await crumbs(page).getByText('Solar panels for the roof').waitFor();
    t.equal(await fieldInput(page, 'probability').inputValue(), '100.00', 'the form says 100%');
    t.equal(await form(page).getByRole('radio', { checked: true }).innerText(), 'Won', 'the status bar says Won');
    const ribbon = form(page).locator('.o_ribbon');
    if (await ribbon.count()) t.equal((await ribbon.innerText()).trim().toLowerCase(), 'won', 'the Won ribbon');
    else t.comment('the form draws no ribbon (yet): the Won ribbon is not checked');
    t.equal(await form(page).locator('.o_form_statusbar button[data-name="action_set_won_rainbowman"]').count(), 0, 'no Won button on a won deal');
    await shot(page, '1-won');
    t.same(errors, [], 'no error in the page');
  });

  t.test('2. a deal lost with a reason, found with the Lost filter, restored', async (t) => {
    const { page, errors } = await open(t);
    await openPipeline(page);
    await card(page, 'Warehouse shelving').click();
    await crumbs(page).getByText('Warehouse shelving').waitFor();
    const lostButton = form(page).locator('.o_form_statusbar button[data-name="action_lost_wizard"]');
    const dialog = page.getByRole('dialog', { name: 'Lost Reason' });
    // Cancel closes the dialog and changes nothing.
    await lostButton.click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    t.equal(await lostButton.count(), 1, 'cancelled: the deal is still open');
    await lostButton.click();
    await dialog.getByRole('combobox', { name: 'Lost Reason' }).fill('Too exp');
    await dialog.getByRole('option', { name: 'Too expensive' }).click();
    await dialog.getByRole('textbox', { name: 'Closing Note' }).fill('They chose the cheaper racks of a competitor.');
    await shot(page, '2-lost-dialog');
    await dialog.getByRole('button', { name: 'Mark as Lost' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The form under the dialog shows the deal lost.
    await form(page).locator('.o_form_statusbar button[data-name="action_restore"]').waitFor();
    t.equal(await form(page).locator('.o_form_statusbar button[data-name="action_lost_wizard"]').count(), 0, 'no Lost button on a lost deal');
    t.equal(await form(page).getByRole('combobox', { name: 'Lost Reason' }).inputValue(), 'Too expensive', 'the lost reason on the form');
    const ribbon = form(page).locator('.o_ribbon');
    if (await ribbon.count()) t.equal((await ribbon.innerText()).trim().toLowerCase(), 'lost', 'the Lost ribbon');
    else t.comment('the form draws no ribbon (yet): the Lost ribbon is not checked');
    const [lost] = await server.db.commit((env) => env.sudo().model('crm.lead').with_context({ active_test: false })
      .read(ids.shelving, ['active', 'probability', 'lost_reason_id']));
    t.same([lost.active, lost.probability, (lost.lost_reason_id as [number, string])[1]], [false, 0, 'Too expensive'], 'archived at 0% with its reason');
    const notes = await server.db.commit((env) => env.sudo().model('mail.message')
      .search_read([['res_model', '=', 'crm.lead'], ['res_id', '=', ids.shelving], ['body', 'ilike', 'cheaper racks']], ['body']));
    t.equal(notes.length, 1, 'the closing note is in the chatter');
    t.notMatch(String(notes[0]?.body), /<!--/, 'as the text typed, without the editor\'s markers');

    // Back on the pipeline it is gone; the Lost filter finds it.
    await crumbs(page).getByRole('button', { name: 'Pipeline' }).click();
    await card(page, 'Fleet tracking').waitFor();
    t.equal(await card(page, 'Warehouse shelving').count(), 0, 'a lost deal leaves the pipeline');
    await page.getByRole('button', { name: 'Toggle search panel' }).click();
    await page.getByRole('menu', { name: 'Toggle search panel' }).getByRole('menuitemcheckbox', { name: 'Lost', exact: true }).click();
    await card(page, 'Warehouse shelving').waitFor();
    t.equal(await card(page, 'Fleet tracking').count(), 0, 'the Lost filter shows only lost deals');
    await shot(page, '2-lost-filter');
    await page.getByRole('button', { name: 'Toggle search panel' }).click();
    await card(page, 'Warehouse shelving').click();
    await form(page).locator('.o_form_statusbar button[data-name="action_restore"]').click();
    await form(page).locator('.o_form_statusbar button[data-name="action_lost_wizard"]').waitFor();
    t.equal(await form(page).locator('.o_form_statusbar button[data-name="action_restore"]').count(), 0, 'restored: Lost again, no Restore');
    await crumbs(page).getByRole('button', { name: 'Pipeline' }).click();
    await page.getByRole('group', { name: 'Lost' }).getByRole('button', { name: 'Remove' }).click();
    await card(page, 'Warehouse shelving').waitFor();
    t.ok(await card(page, 'Fleet tracking').count(), 'it is back in the pipeline');
    t.same(errors, [], 'no error in the page');
  });

  t.test('3. an activity due today is orange on the card, red once the day has passed', async (t) => {
    // The server's clock (the test server runs in this process): noon today, then noon tomorrow.
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86400000).toISOString().slice(0, 10);
    setClock(`${today} 12:00:00`);
    t.teardown(() => setClock(null));
    const { page, errors } = await open(t);
    await openPipeline(page);
    const clock = card(page, 'Fleet tracking').locator('erp-kanban-activity .o_activity_btn');
    t.equal(await clock.getAttribute('data-state'), 'none', 'no activity yet: a grey clock');
    await clock.click();
    await page.getByRole('dialog', { name: 'Activities' }).getByRole('button', { name: /Schedule an activity/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Schedule an activity' });
    await dialog.getByRole('combobox', { name: 'Activity type' }).selectOption({ label: 'Call' });
    await dialog.getByRole('textbox', { name: 'Summary' }).fill('Call about the trackers');
    await dialog.getByLabel('Due date').fill(today);
    await shot(page, '3-schedule');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card(page, 'Fleet tracking').locator('erp-kanban-activity .o_activity_btn[data-state="today"]').waitFor();
    const color = () => clock.evaluate((el) => getComputedStyle(el).color);
    t.equal(await color(), 'rgb(229, 154, 11)', 'due today: an orange clock');
    await shot(page, '3-today');

    setClock(`${tomorrow} 12:00:00`);
    await page.reload();
    await card(page, 'Fleet tracking').locator('erp-kanban-activity .o_activity_btn[data-state="overdue"]').waitFor();
    t.equal(await color(), 'rgb(220, 38, 38)', 'a day later: a red clock');
    t.ok(await column(page, 'New').locator('.bar span[data-value="overdue"]').count(), 'the column\'s bar counts it overdue');
    await clock.click();
    const popover = page.getByRole('dialog', { name: 'Activities' });
    t.match(await popover.locator('.o_activity[data-state="overdue"]').innerText(), /Call about the trackers/, 'the popover lists it overdue');
    await shot(page, '3-overdue');
    t.same(errors, [], 'no error in the page');
  });

  t.test('4. three similar leads, found from one of them and merged from their list', async (t) => {
    const { page, errors } = await open(t);
    await openPipeline(page);
    await card(page, 'Globex desks').click();
    await crumbs(page).getByText('Globex desks').waitFor();
    const similar = form(page).getByRole('toolbar', { name: 'Smart buttons' }).getByRole('button', { name: /Similar Leads/ });
    t.equal((await similar.innerText()).replace(/\s+/g, ' ').trim(), '2 Similar Leads', 'two other deals share the email domain');
    await shot(page, '4-similar');
    await similar.click();
    const rows = page.locator('erp-list-view tbody tr[data-id]');
    await rows.filter({ hasText: 'Globex lamps' }).waitFor();
    const names = (await rows.allInnerTexts()).map((text) => /Globex \w+/.exec(text)?.[0]).sort();
    t.same(names, ['Globex chairs', 'Globex desks', 'Globex lamps'], 'the list shows the deal and its two similar ones');
    await page.locator('erp-list-view').getByRole('checkbox', { name: 'Select all' }).check();
    await page.getByRole('button', { name: /^Action/ }).click();
    await page.getByRole('menuitem', { name: 'Merge' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge' });
    await dialog.getByText('Globex lamps').waitFor();
    await shot(page, '4-merge-dialog');
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const remaining = await server.db.commit((env) => env.sudo().model('crm.lead').with_context({ active_test: false })
      .search_read([['name', 'like', 'Globex']], ['name', 'tag_ids', 'description']));
    t.equal(remaining.length, 1, 'one deal remains');
    const [merged] = remaining;
    t.same((merged.tag_ids as number[]).sort(), [ids.tags.chairs, ids.tags.desks, ids.tags.lamps].sort(), 'with the tags of the three');
    t.match(String(merged.description), /Forty chairs.*Standing desks|Standing desks.*Forty chairs/s, 'and their descriptions joined');
    await crumbs(page).getByText(String(merged.name)).waitFor();
    const tags = await form(page).getByRole('list', { name: 'Tags' }).getByRole('listitem').allInnerTexts();
    t.same(tags.map((tag) => tag.replace('×', '').trim()).sort(), ['Chairs', 'Desks', 'Lamps'], 'the form shows the tags united');
    await shot(page, '4-merged');
    t.same(errors, [], 'no error in the page');
  });

  t.test('5. with Leads turned on in Settings, a lead is converted with a new customer', async (t) => {
    const { page, errors } = await open(t, 'admin', 'admin');
    await page.getByRole('button', { name: 'CRM' }).click();
    await column(page, 'Won').waitFor();
    const mainMenu = page.getByRole('navigation', { name: 'Main menu' });
    t.equal(await mainMenu.getByRole('button', { name: 'Leads' }).count(), 0, 'no Leads menu at first');
    await openMenu(page, 'Configuration', 'Settings');
    await page.getByLabel('Leads', { exact: true }).check();
    await shot(page, '5-settings');
    // Saving a group toggle reloads the client (as Odoo does), so the new menu is there.
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Save' }).click()]);
    await mainMenu.getByRole('button', { name: 'Leads' }).click();
    await page.getByRole('heading', { name: 'Leads' }).waitFor();
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await fieldInput(page, 'name').fill('Plants for the lobby');
    await form(page).getByRole('textbox', { name: 'Contact Name' }).first().fill('Jane Green');
    await form(page).getByRole('textbox', { name: 'Email' }).first().fill('jane@greenleaf.example');
    await form(page).getByRole('button', { name: 'Save', exact: true }).click();
    await crumbs(page).getByText('Plants for the lobby').waitFor();
    t.equal(await form(page).locator('.o_form_statusbar button[data-name="action_set_won_rainbowman"]').count(), 0, 'a lead has no Won button');
    await form(page).getByRole('button', { name: 'Convert to Opportunity' }).click();
    const dialog = page.getByRole('dialog', { name: 'Convert to opportunity' });
    await dialog.getByRole('combobox', { name: 'Related Customer' }).selectOption({ label: 'Create a new customer' });
    await shot(page, '5-convert');
    await dialog.getByRole('button', { name: 'Create Opportunity' }).click();
    await dialog.waitFor({ state: 'detached' });
    await form(page).locator('.o_form_statusbar button[data-name="action_set_won_rainbowman"]').waitFor();
    t.equal(await form(page).getByRole('combobox', { name: 'Customer' }).inputValue(), 'Jane Green', 'the opportunity\'s customer is the new contact');
    await shot(page, '5-opportunity');
    const [lead] = await server.db.commit((env) => env.sudo().model('crm.lead').search_read([['name', '=', 'Plants for the lobby']], ['type', 'partner_id']));
    t.same([lead.type, (lead.partner_id as [number, string])[1]], ['opportunity', 'Jane Green'], 'the lead is now an opportunity of the new customer');

    await openMenu(page, 'Sales', 'Customers');
    await t.resolves(card(page, 'Jane Green').waitFor(), 'the new customer is among the customers');
    t.same(errors, [], 'no error in the page');
  });

  t.test('6. a second sales team, with its own salesperson: the pipeline splits by team', async (t) => {
    const { page, errors } = await open(t, 'admin', 'admin');
    await page.getByRole('button', { name: 'CRM' }).click();
    await column(page, 'Won').waitFor();
    await openMenu(page, 'Configuration', 'Sales Teams');
    await page.locator('erp-list-view tbody tr[data-id]', { hasText: 'Sales' }).first().waitFor();
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await fieldInput(page, 'name').fill('Europe');
    await form(page).getByRole('button', { name: 'Add a line' }).click();
    const members = form(page).getByRole('table', { name: 'Sales Team Members' });
    await members.getByRole('combobox', { name: 'Salesperson' }).fill('Marc');
    await members.getByRole('option', { name: 'Marc Demo' }).click();
    await shot(page, '6-team');
    await form(page).getByRole('button', { name: 'Save', exact: true }).click();
    await crumbs(page).getByText('Europe').waitFor();
    const [europe] = await server.db.commit((env) => env.sudo().model('crm.team').search_read([['name', '=', 'Europe']], ['member_ids', 'crm_team_member_ids']));
    t.ok(europe, 'the team is created');
    t.same(europe.member_ids, [ids.marc], 'with Marc as its member');

    // Marc's new deal goes to his team.
    const hotel = await server.db.commit((env) => env.sudo().withUser(ids.marc).model('crm.lead')
      .create({ name: 'Hotel lobby', type: 'opportunity', expected_revenue: 15000 }));
    const [row] = await server.db.commit((env) => env.sudo().model('crm.lead').read(hotel, ['team_id']));
    t.equal((row.team_id as [number, string])[1], 'Europe', 'a deal of Marc\'s is in his team');

    // The pipeline of everyone, by team.
    await openMenu(page, 'Sales', 'My Pipeline');
    await column(page, 'Won').waitFor();
    await page.getByRole('group', { name: 'My Pipeline' }).getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('button', { name: 'Toggle search panel' }).click();
    await page.getByRole('menu', { name: 'Toggle search panel' }).getByRole('menuitemcheckbox', { name: 'Sales Team' }).click();
    await page.getByRole('button', { name: 'Toggle search panel' }).click();
    await column(page, 'Europe').locator('article.card[aria-label="Hotel lobby"]').waitFor();
    t.same(await column(page, 'Europe').locator('article.card').evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label'))), ['Hotel lobby'],
      'the Europe column has the Europe deals only');
    t.ok(await column(page, 'Sales').locator('article.card[aria-label="Fleet tracking"]').count(), 'the Sales column has the Sales deals');
    t.equal(await column(page, 'Sales').locator('article.card[aria-label="Hotel lobby"]').count(), 0, 'and not Marc\'s');
    await shot(page, '6-by-team');

    // The team dashboard: a card per team, each opening its own pipeline.
    await openMenu(page, 'Sales', 'Teams');
    await card(page, 'Europe').click();
    await card(page, 'Hotel lobby').waitFor();
    t.equal(await card(page, 'Fleet tracking').count(), 0, 'the Europe pipeline has only the Europe deals');
    t.same(errors, [], 'no error in the page');
  });
}
