// The CRM dialogs in headless Chromium, as a salesperson uses them: Lost on an opportunity (reason
// and closing note), Merge on two opportunities selected in the list (its Action menu), and
// Convert to Opportunity on a lead (a new customer from the lead's names).

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../../tests/helpers/browser.ts';
import { testServer } from '../../../tests/helpers/http.ts';
import { ROOT } from '../../../tests/setup/state.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');

const session = await launchBrowser();
if ('missing' in session) {
  t.test('the CRM dialogs in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  const server = await testServer(t, { modules: ['crm'] });
  const ids = await server.db.commit(async (env) => {
    const admin = await env.refId('base.user_admin');
    const [lostOne, mergeA, mergeB, lead] = await env.model('crm.lead').create([
      { name: 'Gamma printers', type: 'opportunity', user_id: admin, probability: 30 },
      { name: 'Alpha desks', type: 'opportunity', email_from: 'a@alpha.example', probability: 20, user_id: admin },
      { name: 'Alpha chairs', type: 'opportunity', phone: '021 7777', probability: 60, user_id: admin },
      { name: 'Beta inquiry', type: 'lead', contact_name: 'Bita Rad', partner_name: 'Beta Co', email_from: 'bita@beta.example', user_id: admin },
    ]);
    return { lostOne, mergeA, mergeB, lead };
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  const lead = (id: number, fields: string[]) => server.db.commit(async (env) =>
    (await env.model('crm.lead').with_context({ active_test: false }).search_read([['id', '=', id]], fields))[0]);
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 50; i++) { if (await check()) return true; await new Promise((r) => setTimeout(r, 100)); }
    return false;
  };
  const login = async (page: Page) => {
    await page.goto(`${server.url}/web`);
    await page.getByLabel('Login').fill('admin');
    await page.getByLabel('Password').fill('admin');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
  };
  const dialog = (page: Page) => page.getByRole('dialog');

  t.test('Lost: a reason and a closing note from the opportunity\'s form', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    t.teardown(() => page.close());
    await login(page);
    await page.goto(`${server.url}/web#action=crm.crm_lead_action_pipeline&view_type=form&id=${ids.lostOne}`);
    await page.getByRole('button', { name: 'Lost', exact: true }).click();
    const reason = dialog(page).getByRole('combobox', { name: 'Lost Reason' });
    await reason.fill('Too');
    await dialog(page).getByRole('option', { name: 'Too expensive' }).click();
    await dialog(page).getByRole('textbox', { name: 'Closing Note' }).fill('They found a cheaper supplier.');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm_lost_dialog.png') });
    await dialog(page).getByRole('button', { name: 'Mark as Lost' }).click();
    t.ok(await until(async () => (await lead(ids.lostOne, ['won_status'])).won_status === 'lost'), 'the opportunity is lost');
    t.match((await lead(ids.lostOne, ['lost_reason_id'])).lost_reason_id, [Number, 'Too expensive']);
    await t.resolves(page.getByText('They found a cheaper supplier.').first().waitFor(), 'the note shows in the chatter');
  });

  t.test('Merge: two opportunities selected in the list become one', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    t.teardown(() => page.close());
    await login(page);
    await page.goto(`${server.url}/web#action=crm.crm_lead_action_pipeline&view_type=list`);
    const row = (name: string) => page.locator('erp-list-view tbody tr[data-id]', { hasText: name });
    await row('Alpha desks').getByRole('checkbox', { name: 'Select' }).check();
    await row('Alpha chairs').getByRole('checkbox', { name: 'Select' }).check();
    await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: /^Action/ }).click();
    await page.getByRole('menuitem', { name: 'Merge' }).click();
    await dialog(page).getByText('Alpha desks').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm_merge_dialog.png') });
    await dialog(page).getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByRole('heading', { name: 'Alpha chairs' }).or(page.getByText('Merged with the following leads/opportunities:')).first().waitFor();
    t.ok(await until(async () => !(await lead(ids.mergeA, ['id']))), 'the less advanced one is deleted');
    t.match(await lead(ids.mergeB, ['email_from', 'phone']), { email_from: 'a@alpha.example', phone: '021 7777' }, 'the kept one has both\'s data');
    await t.resolves(page.getByText('Merged with the following leads/opportunities:').waitFor(), 'the kept opportunity opens, with the merge note');
  });

  t.test('Convert to Opportunity: the lead becomes an opportunity of a new customer', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    t.teardown(() => page.close());
    await login(page);
    await page.goto(`${server.url}/web#action=crm.crm_lead_all_leads&view_type=form&id=${ids.lead}`);
    await page.getByRole('button', { name: 'Convert to Opportunity' }).click();
    await dialog(page).getByRole('button', { name: 'Create Opportunity' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm_convert_dialog.png') });
    await dialog(page).getByRole('button', { name: 'Create Opportunity' }).click();
    t.ok(await until(async () => (await lead(ids.lead, ['type'])).type === 'opportunity'), 'converted');
    const converted = await lead(ids.lead, ['partner_id']);
    t.match(converted.partner_id, [Number, 'Beta Co, Bita Rad'], 'the contact under its new company');
  });
}
