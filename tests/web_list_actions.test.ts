// The list's Action menu in headless Chromium: the actions bound to the model for lists (Odoo's
// binding_model_id + binding_view_types) show once records are selected, and one opens with the
// selection as active_ids.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import type { Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.ts';
import { testServer } from './helpers/http.ts';
import { ROOT } from './setup/state.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');

const session = await launchBrowser();
if ('missing' in session) {
  t.test('the list\'s Action menu in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  const server = await testServer(t, { modules: ['test_views'] });
  await server.db.commit(async (root) => {
    const env = root.sudo();
    const [model] = await env.model('ir.model').search([['model', '=', 'test.lead']]);
    await env.model('ir.actions.act_window').create([
      // Shown in lists: opens the selected leads only (its domain reads active_ids).
      { name: 'Selected leads', res_model: 'test.lead', view_mode: 'list', domain: "[('id', 'in', active_ids)]", binding_model_id: model, binding_view_types: 'list' },
      // Bound to the form only: not in the list's menu.
      { name: 'Form only', res_model: 'test.stage', view_mode: 'list', binding_model_id: model, binding_view_types: 'form' },
    ]);
    const stage = await env.refId('test_pipeline.stage_new');
    await env.model('test.lead').create(['Chairs', 'Desks', 'Lamps'].map((name) => ({ name, stage_id: stage })));
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  const row = (page: Page, name: string) => page.locator('erp-list-view tbody tr[data-id]', { hasText: name });

  t.test('selected rows: the Action menu lists the list\'s bound actions and runs one on them', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    t.teardown(() => page.close());
    await page.goto(`${server.url}/web`);
    await page.getByLabel('Login').fill('admin');
    await page.getByLabel('Password').fill('admin');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Test Pipeline' }).click();
    await page.getByRole('heading', { name: 'Leads' }).waitFor();
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await row(page, 'Chairs').waitFor();

    t.equal(await page.getByRole('button', { name: /^Action/ }).count(), 0, 'no menu before a selection');
    await row(page, 'Chairs').getByRole('checkbox', { name: 'Select' }).check();
    await row(page, 'Lamps').getByRole('checkbox', { name: 'Select' }).check();
    const menu = page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: /^Action/ });
    await menu.click();
    const items = page.getByRole('menu').getByRole('menuitem');
    t.same(await items.allTextContents(), ['Selected leads'], 'the actions bound for lists, not those for forms');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'list_action_menu.png') });
    await items.first().click();
    await page.getByRole('heading', { name: 'Selected leads' }).waitFor();
    await row(page, 'Lamps').waitFor();
    t.same((await page.locator('erp-list-view tbody tr[data-id] td:first-child').allTextContents()).sort(), ['Chairs', 'Lamps'],
      'the action runs on the selection (active_ids)');
    t.equal(await page.locator('nav.breadcrumbs button', { hasText: 'Leads' }).count(), 1, 'with a way back to the list');
  });
}
