// Smart buttons of the form view in headless Chromium: counts at the top of the sheet, a button
// hidden by its `invisible` expression, a click that saves the record then opens the list the
// method returns (breadcrumbs back to the record, Back in the browser too), a button opening an
// action by external id, and the row wrapping on a phone. Uses tests/addons/test_web_buttons.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import type { Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.ts';
import { logIn, grantAll } from './helpers/web.ts';
import { testServer } from './helpers/http.ts';
import { ROOT } from './setup/state.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');

const session = await launchBrowser();
if ('missing' in session) {
  t.test('smart buttons in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  const server = await testServer(t, { modules: ['test_web_buttons'] });
  const ids = await server.db.commit(async (env) => {
    const sudo = env.sudo();
    await grantAll(env, ['test.lead', 'test.stage']);
    const [acme, bolt] = await sudo.model('res.partner').create([
      { name: 'Acme Corp', email: 'info@acme.example' }, { name: 'Bolt Ltd', email: 'hello@bolt.example' },
    ]);
    await sudo.model('test.lead').create([
      { name: 'Acme chairs', partner_id: acme, expected_revenue: 1000 },
      { name: 'Acme desks', partner_id: acme, expected_revenue: 2500, won: true },
      { name: 'Acme lamps', partner_id: acme, expected_revenue: 400 },
      { name: 'Someone else', expected_revenue: 10 },
    ]);
    return { acme, bolt };
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  const crumbs = (page: Page) => page.getByRole('navigation', { name: 'Breadcrumbs' });
  const crumbText = async (page: Page) => (await crumbs(page).innerText()).replace(/\s*\/\s*/g, ' / ').replace(/\s+/g, ' ').trim();
  const box = (page: Page) => page.locator('erp-form-view').getByRole('toolbar', { name: 'Smart buttons' });

  async function openContact(page: Page, name: string): Promise<void> {
    await page.getByRole('button', { name: 'Contacts' }).click();
    await page.locator('erp-list-view tbody tr', { hasText: name }).click();
    await crumbs(page).getByText(name).waitFor();
  }

  t.test('the counts show at the top of the sheet; a click opens the related list with breadcrumbs', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    t.teardown(() => page.close());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await logIn(page, server.url);
    await openContact(page, 'Acme Corp');

    const opportunities = box(page).getByRole('button', { name: /Opportunities/ });
    await opportunities.waitFor();
    t.same((await box(page).locator('.oe_stat_button').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim()),
      ['3 Opportunities', '1 Won', '2,500.00 Won revenue', 'Stages', 'Meetings'], 'value over label, in the order of the arch');
    t.equal(await opportunities.getAttribute('title'), "The customer's opportunities", 'the help is the tooltip');
    const [boxRect, sheetRect, nameRect] = await Promise.all([box(page).boundingBox(), page.locator('erp-form-view .o_form_sheet').boundingBox(),
      page.locator('erp-form-view h1').boundingBox()]);
    t.ok(boxRect!.y < nameRect!.y, 'the buttons sit above the title');
    t.ok(Math.abs(boxRect!.x + boxRect!.width - (sheetRect!.x + sheetRect!.width)) < 2, 'the row reaches the right edge of the sheet');
    const last = await box(page).locator('.oe_stat_button').last().boundingBox();
    t.ok(Math.abs(last!.x + last!.width - (sheetRect!.x + sheetRect!.width)) < 3, 'the buttons are aligned to the right');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'form-smart-buttons.png') });

    // A change not saved yet is saved before the method runs, as with header buttons.
    const email = page.locator('erp-form-view .o_field[data-name="email"]').locator('input');
    await email.fill('sales@acme.example');
    await email.press('Tab');
    await opportunities.click();
    await page.locator('erp-list-view tbody tr').first().waitFor();
    const saved = await server.db.commit((env) => env.sudo().model('res.partner').read([ids.acme], ['email']));
    t.equal(saved[0].email, 'sales@acme.example', 'the dirty record was saved first');
    t.same((await page.locator('erp-list-view tbody tr').allInnerTexts()).map((r) => r.split('\t')[0].trim()).sort(), ['Acme chairs', 'Acme desks', 'Acme lamps'],
      'the list the method returned: the customer\'s leads only');
    t.equal(await crumbText(page), 'Contacts / Acme Corp / Opportunities', 'breadcrumbs: the action, the record, the new action');
    t.ok(page.url().includes('view_type=list'), 'the URL follows');

    // A lead opened from there: its name after the others; the context of the action came along.
    await page.locator('erp-list-view tbody tr', { hasText: 'Acme lamps' }).click();
    await crumbs(page).getByText('Acme lamps').waitFor();
    t.equal(await crumbText(page), 'Contacts / Acme Corp / Opportunities / Acme lamps');
    await crumbs(page).getByRole('button', { name: 'Opportunities' }).click();
    await crumbs(page).getByRole('heading', { name: 'Opportunities' }).waitFor();
    await page.locator('erp-action').getByRole('button', { name: 'New', exact: true }).click();
    await page.locator('erp-form-view').getByRole('combobox', { name: 'Customer' }).or(page.locator('erp-form-view .o_field[data-name="partner_id"]')).first().waitFor();
    await t.resolves(page.waitForFunction(() => {
      const action = document.querySelector('erp-app')?.shadowRoot?.querySelector('erp-action');
      const form = action?.shadowRoot?.querySelector('erp-form-view') as unknown as { context?: Record<string, unknown> } | null;
      return form?.context?.default_partner_id !== undefined && form.context.active_model === 'res.partner';
    }), 'the new lead gets the action\'s context (default customer) and the button\'s (active_model)');
    await page.locator('erp-form-view').getByRole('button', { name: 'Discard' }).click();
    await crumbs(page).getByRole('heading', { name: 'Opportunities' }).waitFor();

    // Back to the customer through the breadcrumbs: the form again, counts read anew.
    await crumbs(page).getByRole('button', { name: 'Acme Corp' }).click();
    await opportunities.waitFor();
    t.equal(await crumbText(page), 'Contacts / Acme Corp', 'the breadcrumb leads back to the record');

    // type="action": the action by external id, and the browser's Back returns to the record.
    await box(page).getByRole('button', { name: 'Stages' }).click();
    await crumbs(page).getByRole('heading', { name: 'Stages' }).waitFor();
    t.equal(await crumbText(page), 'Contacts / Acme Corp / Stages', 'an action named by external id opens over the record');
    await page.locator('erp-list-view tbody tr').first().waitFor();
    t.ok(await page.locator('erp-list-view tbody tr', { hasText: 'Qualified' }).count(), 'the stages are listed');
    await page.goBack();
    await opportunities.waitFor();
    t.equal(await crumbText(page), 'Contacts / Acme Corp', 'Back returns to the record');
    await crumbs(page).getByRole('button', { name: 'Contacts' }).click();
    await page.locator('erp-list-view tbody tr', { hasText: 'Bolt Ltd' }).waitFor();
    t.equal(await crumbText(page), 'Contacts', 'the first breadcrumb returns to the list');
    t.same(errors, [], 'no error in the page');
  });

  t.test('invisible buttons are left out; on a phone the row wraps', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    t.teardown(() => page.close());
    await logIn(page, server.url);
    await openContact(page, 'Bolt Ltd');
    await box(page).getByRole('button', { name: /Opportunities/ }).waitFor();
    t.same((await box(page).locator('.oe_stat_button').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim()),
      ['0 Opportunities', 'Stages', 'Meetings'], 'no lead won: the Won buttons are hidden');
    await crumbs(page).getByRole('button', { name: 'Contacts' }).click();
    await page.locator('erp-list-view tbody tr', { hasText: 'Acme Corp' }).click();
    await box(page).getByRole('button', { name: /Won revenue/ }).waitFor();
    const rects = await box(page).locator('.oe_stat_button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, right: r.right })));
    t.ok(new Set(rects.map((r) => Math.round(r.y))).size >= 2, 'the five buttons wrap on several lines');
    t.ok(rects.every((r) => r.x >= 0 && r.right <= 390), 'none overflows the screen');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'form-smart-buttons-phone.png') });
  });
}
