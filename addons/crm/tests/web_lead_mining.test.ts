// Lead generation in headless Chromium, as a sales administrator uses it: the Leads and Lead
// Generation settings turned on, the directory imported from a workbook (Configuration > Lead
// Generation > Directory, "Import Directory"), then "Generate Leads" on the leads' list: the dialog
// filled (how many, which country, companies and their contacts, a preferred role), submitted,
// and the leads made are listed; the request is kept, and the company links to its lead.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../../tests/helpers/browser.ts';
import { logIn } from '../../../tests/helpers/web.ts';
import { testServer } from '../../../tests/helpers/http.ts';
import { ROOT } from '../../../tests/setup/state.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');
const WORKBOOK = path.join(import.meta.dirname, 'fixtures', 'lead_directory.xlsx');

const session = await launchBrowser();
if ('missing' in session) {
  t.test('lead generation in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  const server = await testServer(t, { modules: ['crm'] });
  mkdirSync(SCREENSHOTS, { recursive: true });

  const openMenu = async (page: Page, top: string, item: string) => {
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: top }).click();
    const entry = page.getByRole('menu', { name: top }).getByRole('menuitem', { name: item });
    await entry.waitFor();
    await entry.click();
  };
  const dialog = (page: Page) => page.getByRole('dialog');
  const rows = (page: Page) => page.locator('erp-list-view tbody tr[data-id]');

  t.test('turn lead generation on, import the directory, generate leads from the leads\' list', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1360, height: 900 } });
    t.teardown(() => page.close());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await logIn(page, server.url);
    await page.getByRole('button', { name: 'CRM' }).click();

    // Settings: Leads and Lead Generation.
    await openMenu(page, 'Configuration', 'Settings');
    const leads = page.getByRole('checkbox', { name: 'Leads', exact: true });
    await leads.waitFor();
    await leads.check();
    await page.getByRole('checkbox', { name: 'Lead Generation' }).check();
    // Group settings change menus and views: the client reloads after saving them.
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Save' }).click()]);
    const hasGroup = await server.db.commit(async (env) =>
      (env.withUser(await env.refId('base.user_admin')).model('res.users') as unknown as { has_group(x: string): Promise<boolean> }).has_group('crm.group_lead_mining'));
    t.ok(hasGroup, 'the administrator has lead generation');

    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Configuration' }).waitFor();
    await openMenu(page, 'Configuration', 'Directory');
    await page.getByRole('heading', { name: 'Directory' }).waitFor();
    await page.getByRole('button', { name: 'Import Directory' }).click();
    await dialog(page).getByRole('button', { name: 'Load' }).waitFor();
    await dialog(page).locator('input[type=file]').setInputFiles(WORKBOOK);
    await dialog(page).getByText('lead_directory.xlsx').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-lead-mining-import.png') });
    await dialog(page).getByRole('button', { name: 'Load' }).click();
    const toast = page.locator('erp-notifications .toast').filter({ hasText: 'Directory imported' });
    await toast.waitFor();
    t.match(await toast.innerText(), /8 companies and 11 contacts loaded/, 'a notification says what was loaded');
    await rows(page).filter({ hasText: 'Negin Soft' }).waitFor();
    t.equal(await rows(page).count(), 8, 'the directory lists the companies');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-lead-mining-directory.png') });

    // Generate Leads, from the leads' list.
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Leads', exact: true }).click();
    await page.getByRole('heading', { name: 'Leads' }).waitFor();
    await page.getByRole('button', { name: 'Generate Leads' }).click();
    const wizard = dialog(page);
    await wizard.getByRole('heading', { name: 'Need help reaching your target?' }).waitFor();
    await wizard.getByRole('button', { name: 'Generate Leads' }).waitFor();
    await wizard.getByRole('textbox', { name: 'Number of Leads' }).fill('2');
    await wizard.getByRole('textbox', { name: 'Number of Leads' }).press('Tab');
    const countries = wizard.getByRole('combobox', { name: 'Countries' });
    await countries.fill('Germ');
    await wizard.getByRole('option', { name: 'Germany' }).click();
    await wizard.getByRole('listitem').filter({ hasText: 'Germany' }).waitFor();
    await wizard.getByLabel('Target').selectOption({ label: 'Companies and their Contacts' });
    const role = wizard.getByRole('combobox', { name: 'Preferred Role' });
    await role.waitFor();
    await role.fill('Sal');
    await wizard.getByRole('option', { name: 'Sales' }).click();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-lead-mining-dialog.png') });
    await wizard.getByRole('button', { name: 'Generate Leads' }).click();

    // One German company has someone in sales: fewer leads than asked, and the list shows it.
    const warning = page.locator('erp-notifications .toast').filter({ hasText: 'Fewer leads than asked' });
    await warning.waitFor();
    t.match(await warning.innerText(), /Companies found: 1 of the 2 asked for\. A lead was made for each\./);
    // The leads made open over the list (a breadcrumb back to it).
    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('button', { name: 'Leads' }).waitFor();
    await rows(page).filter({ hasText: 'Elbe Logistics' }).waitFor();
    t.equal(await rows(page).count(), 1, 'the list shows the lead made');
    t.match(await rows(page).first().innerText(), /Maria Lang/, 'with the contact of the preferred role');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-lead-mining-leads.png') });
    const made = await server.db.commit((env) => env.model('crm.lead').search_read([['reveal_id', '!=', false]], ['name', 'type', 'contact_name', 'country_id']));
    t.match(made, [{ name: 'Elbe Logistics', type: 'lead', contact_name: 'Maria Lang', country_id: [Number, 'Germany'] }], 'the lead is saved');

    // The request is kept, done, under Configuration > Lead Generation > Requests.
    await openMenu(page, 'Configuration', 'Requests');
    await page.getByRole('heading', { name: 'Lead Mining Requests' }).waitFor();
    await rows(page).filter({ hasText: 'Companies and their Contacts' }).waitFor();
    t.equal(await rows(page).count(), 1);
    await rows(page).first().click();
    const form = page.locator('erp-form-view');
    await form.getByRole('heading', { name: /^Request \d{4}$/ }).waitFor();
    await t.resolves(form.locator('.oe_stat_button', { hasText: 'Leads' }).waitFor(), 'its leads are a click away');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-lead-mining-request.png') });

    // The company the lead came from is used, and links to it.
    await openMenu(page, 'Configuration', 'Directory');
    await page.getByRole('heading', { name: 'Directory' }).waitFor();
    await rows(page).filter({ hasText: 'Elbe Logistics' }).click();
    await form.getByRole('tab', { name: 'Generated Leads' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-lead-mining-company.png') });
    t.same(errors, [], 'no error in the page');
  });
}
