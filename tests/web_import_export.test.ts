// Import and export in headless Chromium, on CRM's pipeline list: two leads selected and exported
// to .xlsx through the export dialog (the list's columns, plus a field of the customer), then a
// CSV imported from the gear menu: Test lists the bad row with its row and column, Import
// imports nothing, skipping bad rows imports the others, and the list shows them.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.ts';
import { logIn } from './helpers/web.ts';
import { testServer } from './helpers/http.ts';
import { ROOT } from './setup/state.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');

const session = await launchBrowser();
if ('missing' in session) {
  t.test('import and export in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  const server = await testServer(t, { modules: ['crm'] });
  await server.db.commit(async (root) => {
    const env = root.withUser(await root.refId('base.user_admin'));
    const [azure, deco] = await env.model('res.partner').create([
      { name: 'Azure Interior', is_company: true, email: 'info@azure.example' },
      { name: 'Deco Addict', is_company: true, email: 'hello@deco.example' },
    ]);
    await env.model('crm.lead').create([
      { name: 'Office chairs', partner_id: azure, expected_revenue: 12000 },
      { name: 'Open space design', partner_id: deco, expected_revenue: 24000 },
      { name: 'Reception desk', partner_id: deco, expected_revenue: 3200 },
    ]);
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  const list = (page: Page) => page.locator('erp-list-view');
  const row = (page: Page, name: string) => list(page).locator('tbody tr[data-id]', { hasText: name });
  const imported = () => server.db.commit(async (env) => (await env.model('crm.lead').search_read([['name', 'like', 'Imported %']], ['name', 'partner_id', 'expected_revenue'], { order: 'name' })));

  t.test('export selected leads to Excel, import a CSV with a bad row', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1360, height: 860 }, acceptDownloads: true });
    t.teardown(() => page.close());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await logIn(page, server.url);
    await page.getByRole('button', { name: 'CRM' }).click();
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await row(page, 'Office chairs').waitFor();

    // Export: two rows selected, the dialog starts from the list's columns.
    await row(page, 'Office chairs').getByRole('checkbox', { name: 'Select' }).check();
    await row(page, 'Reception desk').getByRole('checkbox', { name: 'Select' }).check();
    await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export Data' });
    await dialog.waitFor();
    const chosen = dialog.locator('ul.chosen li .name');
    await chosen.first().waitFor();
    t.same((await chosen.allTextContents()).slice(0, 3), ['Opportunity', 'Customer', 'Email'], 'the list\'s visible columns are chosen');
    await t.resolves(dialog.getByRole('radio', { name: 'The 2 selected records' }).isChecked().then((on) => { if (!on) throw new Error('not checked'); }), 'the selection is what is exported');
    // A field of the customer: search, open the relation, add its email.
    await dialog.getByRole('searchbox', { name: 'Search fields' }).fill('cust');
    await dialog.getByRole('button', { name: 'Show sub-fields: Customer', exact: true }).click();
    await dialog.getByRole('searchbox', { name: 'Search fields' }).fill('');
    await dialog.getByRole('button', { name: 'Add: Customer/Email', exact: true }).click();
    await dialog.getByRole('button', { name: 'Remove: Phone' }).click();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'export_dialog.png') });
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    t.match(file.suggestedFilename(), /Opportunity \(crm\.lead\)\.xlsx$/, 'the file is named after the model');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    const rows: unknown[][] = [];
    workbook.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    t.same(rows[0].slice(0, 3), ['Opportunity', 'Customer', 'Email']);
    t.equal(rows[0].at(-1), 'Customer/Email', 'the added field comes last');
    t.same(rows.slice(1).map((r) => r.at(-1)).sort(), ['hello@deco.example', 'info@azure.example'], 'with the customers\' emails');
    t.notOk(rows[0].includes('Phone'), 'the removed one is gone');
    t.same(rows.slice(1).map((r) => [r[0], r[1]]).sort(), [['Office chairs', 'Azure Interior'], ['Reception desk', 'Deco Addict']], 'the two selected leads');
    const revenue = rows[0].indexOf('Expected Revenue');
    t.ok(rows.slice(1).some((r) => r[revenue] === 12000), 'amounts are numbers in the sheet');
    await dialog.waitFor({ state: 'detached' });

    // Import: from the gear menu, a CSV whose third line has a bad amount.
    await page.getByRole('button', { name: 'Import or export' }).click();
    await page.getByRole('menuitem', { name: 'Import records' }).click();
    const upload = page.getByLabel('Upload File');
    await upload.waitFor();
    const csv = (amount: string) => Buffer.from(`Opportunity,Customer,Expected Revenue\nImported one,Azure Interior,"1,500.50"\nImported two,Deco Addict,${amount}\nImported three,,700\n`);
    await upload.setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: csv('lots') });
    const mapping = page.getByRole('table', { name: 'Field mapping' });
    await mapping.waitFor();
    t.equal(await mapping.getByRole('combobox', { name: 'Field: Customer' }).inputValue(), 'partner_id', 'columns are matched to fields');
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    const message = page.locator('ul.messages li.error');
    await message.first().waitFor();
    t.match(await message.first().textContent(), /Row 3 · Expected Revenue\s*"lots" is not a number/, 'the error names its row and column');
    t.match(await page.locator('.summary').textContent(), /Rows with errors: 1\. They would not be imported/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'import_errors.png') });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('.summary', { hasText: 'Nothing was imported' }).waitFor();
    t.same(await imported(), [], 'all or nothing: no lead was created');

    // Skip the bad row: the others are imported, and the list shows them.
    await page.getByLabel('Skip rows with errors (import the others)').check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('.summary', { hasText: 'Records created: 2' }).waitFor();
    t.equal(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled(), true, 'a file imported cannot be imported twice by mistake');
    t.match(await imported(), [{ name: 'Imported one', partner_id: [Number, 'Azure Interior'], expected_revenue: 1500.5 }, { name: 'Imported three', expected_revenue: 700 }]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'import_skipped.png') });
    await page.getByRole('button', { name: 'Back to the list' }).click();
    await t.resolves(row(page, 'Imported one').waitFor(), 'the new leads are in the list');
    await page.getByRole('button', { name: 'Import or export' }).click();
    await page.getByRole('menuitem', { name: 'Export All' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'list_gear_menu.png') });
    await page.getByRole('button', { name: 'Import or export' }).click();

    // The row fixed, a clean import goes straight back to the list.
    await page.getByRole('button', { name: 'Import or export' }).click();
    await page.getByRole('menuitem', { name: 'Import records' }).click();
    await page.getByLabel('Upload File').setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from('Opportunity,Expected Revenue\nImported four,"2,000"\n') });
    await page.getByRole('table', { name: 'Field mapping' }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await t.resolves(row(page, 'Imported four').waitFor(), 'back on the list, with the record');
    t.same(errors, [], 'no script error');
  });
}
