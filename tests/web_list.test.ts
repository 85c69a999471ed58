// The list view in headless Chromium, as Odoo 17 users work with it: grouped by stage (counts,
// sums, a group opened), rows selected and archived, deleted or exported, footer sums, optional
// columns, the keyboard (arrows, Enter), and inline editing once the list is made editable.

import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import type { Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.ts';
import { testServer } from './helpers/http.ts';
import { ROOT } from './setup/state.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');

const LIST_ARCH = `<tree>
  <field name="name"/>
  <field name="stage_id"/>
  <field name="priority" optional="show"/>
  <field name="date_deadline" optional="hide"/>
  <field name="probability" sum="Total"/>
</tree>`;

const session = await launchBrowser();
if ('missing' in session) {
  t.test('the list view in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  const server = await testServer(t, { modules: ['test_views'] });
  const treeId = await server.db.commit(async (root) => {
    const env = root.sudo();
    // Administrators get every right on the pipeline's models (test_views only grants reading).
    for (const model of ['test_lead', 'test_stage']) {
      await env.model('ir.model.access').create({
        name: `${model} admin`, model_id: await env.refId(`test_pipeline.model_${model}`), group_id: await env.refId('base.group_system'),
        perm_read: true, perm_write: true, perm_create: true, perm_unlink: true,
      });
    }
    const tree = await env.refId('test_views.test_lead_view_tree');
    await env.model('ir.ui.view').write([tree], { arch: LIST_ARCH });
    const stage = { new: await env.refId('test_pipeline.stage_new'), qualified: await env.refId('test_pipeline.stage_qualified'), won: await env.refId('test_pipeline.stage_won') };
    await env.model('test.lead').create([
      ...['Office chairs', 'Website redesign', 'Standing desks', 'Printer paper', 'Coffee machine'].map((name, i) => ({ name, stage_id: stage.new, probability: 10 + i })),
      ...['Cloud migration', 'Consulting hours', 'Data center', 'Security audit'].map((name) => ({ name, stage_id: stage.qualified, probability: 50 })),
      ...['Won alpha', 'Won beta', 'Won gamma'].map((name) => ({ name, stage_id: stage.won, probability: 100 })),
    ]);
    return tree;
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  const lead = (name: string) => server.db.commit(async (env) => {
    const [row] = await env.model('test.lead').with_context({ active_test: false }).search_read([['name', '=', name]], ['active', 'name']);
    return row as { id: number; active: boolean; name: string } | undefined;
  });
  const until = async (check: () => Promise<boolean>) => { for (let i = 0; i < 50 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100)); };

  const openList = async (page: Page) => {
    await page.getByRole('button', { name: 'Test Pipeline' }).click();
    await page.getByRole('heading', { name: 'Leads' }).waitFor();
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await page.locator('erp-list-view tbody tr').first().waitFor();
  };
  const login = async (page: Page) => {
    await page.goto(`${server.url}/web`);
    await page.getByLabel('Login').fill('admin');
    await page.getByLabel('Password').fill('admin');
    await page.getByRole('button', { name: 'Log in' }).click();
    await openList(page);
  };
  const row = (page: Page, name: string) => page.locator('erp-list-view tbody tr[data-id]', { hasText: name });
  const group = (page: Page, name: string) => page.locator('erp-list-view tr.group', { hasText: name });

  t.test('grouped by stage, select and archive, delete, export, sums, optional columns, keyboard', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    t.teardown(() => page.close());
    await login(page);

    // Footer sum and optional columns.
    t.equal(await page.locator('erp-list-view tfoot td.number').last().textContent(), (60 + 200 + 300 + 0).toFixed(2), 'the footer sums the probabilities');
    t.equal(await page.locator('erp-list-view thead th:not(.picker)', { hasText: 'Deadline' }).count(), 0, 'an optional="hide" column is hidden');
    t.equal(await page.locator('erp-list-view thead th:not(.picker)', { hasText: 'Priority' }).count(), 1, 'an optional="show" column is shown');
    await page.getByRole('button', { name: 'Optional columns' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Deadline' }).check();
    await t.resolves(page.locator('erp-list-view thead th:not(.picker)', { hasText: 'Deadline' }).waitFor(), 'the picker shows a hidden column');
    await page.getByRole('menuitemcheckbox', { name: 'Priority' }).uncheck();
    await t.resolves(page.locator('erp-list-view thead th:not(.picker)', { hasText: 'Priority' }).waitFor({ state: 'detached' }), 'and hides a shown one');
    await page.getByRole('button', { name: 'Optional columns' }).click();

    // Group by stage from the search panel.
    await page.getByRole('button', { name: 'Toggle search panel' }).click();
    await page.getByLabel('Add Custom Group').selectOption('stage_id');
    await page.getByRole('button', { name: 'Toggle search panel' }).click();
    await group(page, 'Qualified').waitFor();
    t.same((await page.locator('erp-list-view tr.group th:first-child').allTextContents()).map((s) => s.replace(/[▸▾]/g, '')),
      ['New(6)', 'Qualified(4)', 'Won(3)'], 'one group per stage, with its count');
    t.equal(await group(page, 'Qualified').locator('th.number').last().textContent(), '200.00', 'a group sums its numeric columns');
    t.equal(await page.locator('erp-list-view tbody tr[data-id]').count(), 0, 'groups start folded');
    await group(page, 'Qualified').click();
    await t.resolves(row(page, 'Data center').waitFor(), 'opening a group loads its records');
    t.equal(await page.locator('erp-list-view tbody tr[data-id]').count(), 4, 'the group\'s records only');
    t.equal(await group(page, 'Qualified').getAttribute('aria-expanded'), 'true');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'list_grouped.png') });
    // Group by stage, then by priority (nested): the properties the search panel sets.
    await page.evaluate(() => {
      const list = document.querySelector('erp-app')!.shadowRoot!.querySelector('erp-action')!.shadowRoot!.querySelector('erp-list-view') as unknown as { groupBy: string[] };
      list.groupBy = ['stage_id', 'priority'];
    });
    await page.waitForFunction(() => !document.querySelector('erp-app')!.shadowRoot!.querySelector('erp-action')!.shadowRoot!.querySelector('erp-list-view')!
      .shadowRoot!.querySelector('tr.group[aria-expanded="true"]'));
    await group(page, 'Won').click();
    await t.resolves(group(page, 'Low').waitFor(), 'a group opens on sub-groups by the next group-by');
    t.equal(await page.locator('erp-list-view tbody tr[data-id]').count(), 0, 'sub-groups are folded too');
    await group(page, 'Low').click();
    await t.resolves(row(page, 'Won beta').waitFor(), 'a sub-group opens on its records');

    // Select two rows and archive them.
    await row(page, 'Won alpha').getByRole('checkbox', { name: 'Select' }).check();
    await row(page, 'Won beta').getByRole('checkbox', { name: 'Select' }).check();
    const actions = page.getByRole('toolbar', { name: 'Actions' });
    t.match(await actions.textContent(), /2 selected/, 'the action bar counts the selection');
    t.equal(await page.locator('erp-list-view tfoot td.number').last().textContent(), '200.00', 'the footer sums the selection');
    await actions.getByRole('button', { name: 'Export' }).click();
    // The export dialog starts from the visible columns and the selection; CSV is one click away.
    const dialog = page.getByRole('dialog', { name: 'Export Data' });
    await dialog.getByRole('radio', { name: 'CSV' }).check();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const csv = readFileSync(await (await download).path(), 'utf8').replace(/^\ufeff/, '');
    const [head, ...lines] = csv.trim().split(/\r\n/);
    t.same([head, ...lines.sort()], ['Opportunity,Stage,Date deadline,Probability', 'Won alpha,Won,,100', 'Won beta,Won,,100'], 'Export downloads the selected rows\' visible columns');
    await actions.getByRole('button', { name: 'Archive' }).click();
    await t.resolves(group(page, 'Won').filter({ hasText: '(1)' }).waitFor(), 'archived rows leave the list');
    t.equal((await lead('Won alpha'))?.active, false, 'Won alpha is archived in the database');
    t.equal((await lead('Won beta'))?.active, false, 'Won beta too');
    t.equal((await lead('Won gamma'))?.active, true, 'the others are not');

    // Ungrouped again: select all, then delete one after confirming.
    const box = page.getByRole('combobox', { name: 'Search' });
    await box.click();
    await box.press('Backspace');
    await row(page, 'Office chairs').waitFor();
    await page.getByRole('checkbox', { name: 'Select all' }).check();
    t.match(await actions.textContent(), /11 selected/, 'select all selects every row shown');
    await page.getByRole('checkbox', { name: 'Select all' }).uncheck();
    t.equal(await actions.count(), 0, 'and unselects them');
    await row(page, 'Printer paper').getByRole('checkbox', { name: 'Select' }).check();
    page.once('dialog', (dialog) => void dialog.accept());
    await actions.getByRole('button', { name: 'Delete' }).click();
    await t.resolves(row(page, 'Printer paper').waitFor({ state: 'detached' }), 'Delete removes the row after confirming');
    t.equal(await lead('Printer paper'), undefined, 'and the record');

    // Keyboard: down twice and Enter opens the second row.
    const second = (await page.locator('erp-list-view tbody tr[data-id] td:first-child').nth(1).textContent())!;
    await page.locator('erp-list-view table').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    t.equal(await page.locator('erp-list-view tbody tr.current').textContent().then((s) => s?.includes(second)), true, 'the arrows move the highlighted row');
    await page.keyboard.press('Enter');
    await t.resolves(page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('button', { name: 'Leads' }).waitFor(), 'Enter opens the form');
    t.match(await page.getByRole('navigation', { name: 'Breadcrumbs' }).textContent(), new RegExp(`${second}|#${(await lead(second))!.id}`), 'of the highlighted row');
  });

  t.test('an editable list edits a cell in place', async (t) => {
    await server.db.commit(async (env) => {
      await env.sudo().model('ir.ui.view').create({
        name: 'test.lead.list.editable', model: 'test.lead', inherit_id: treeId,
        arch: '<tree position="attributes"><attribute name="editable">bottom</attribute></tree>',
      });
    });
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    t.teardown(() => page.close());
    await login(page);
    const cell = row(page, 'Coffee machine').locator('td').first();
    await cell.click();
    const input = page.getByRole('textbox', { name: 'Opportunity' });
    await t.resolves(input.waitFor(), 'a click on a cell edits it in place');
    t.equal(await input.inputValue(), 'Coffee machine');
    await input.fill('Espresso machine');
    await input.press('Enter');
    await t.resolves(row(page, 'Espresso machine').waitFor(), 'Enter saves');
    await until(async () => (await lead('Espresso machine')) !== undefined);
    t.ok(await lead('Espresso machine'), 'the name is written');
    t.equal(await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('button', { name: 'Leads' }).count(), 0, 'the row is not opened');

    await row(page, 'Espresso machine').locator('td').first().click();
    await input.fill('');
    await input.press('Enter');
    await t.resolves(page.locator('erp-list-view tr.row-error[role="alert"]').waitFor(), 'the server\'s error shows on the row');
    await input.press('Escape');
    await t.resolves(input.waitFor({ state: 'detached' }), 'Escape cancels');
    t.equal(await page.locator('erp-list-view tr.row-error').count(), 0, 'and clears the error');
    t.ok(await lead('Espresso machine'), 'nothing was written');

    await row(page, 'Espresso machine').locator('td.number').click();
    const number = page.getByRole('spinbutton', { name: 'Probability' });
    await number.fill('42');
    await number.press('Enter');
    await t.resolves(row(page, 'Espresso machine').locator('td.number', { hasText: '42.00' }).waitFor(), 'a number is edited too');
  });
}
