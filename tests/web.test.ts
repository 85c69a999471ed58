// The web client in headless Chromium, as a person uses it: log in, see the apps, open one,
// read its list, sort it, log out.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { launchBrowser } from './helpers/browser.ts';
import { testServer } from './helpers/http.ts';
import { ROOT } from './setup/state.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');

const session = await launchBrowser();
if ('missing' in session) {
  t.test('the web client in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  const server = await testServer(t, { modules: ['test_views'] });
  await server.db.commit(async (env) => {
    const stage = await env.refId('test_pipeline.stage_qualified');
    await env.model('test.lead').create([
      { name: 'Zeta deal', stage_id: stage, probability: 10 },
      { name: 'Alpha deal', stage_id: stage, probability: 90 },
      { name: 'Won already', won: true },
    ]);
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  t.test('a user logs in, opens an app, reads and sorts its list, and logs out', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    t.teardown(() => page.close());
    await page.goto(`${server.url}/web`);
    await page.getByLabel('Login').fill('admin');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Log in' }).click();
    await t.resolves(page.getByRole('alert').filter({ hasText: 'Wrong login/password' }).waitFor(), 'a wrong password is refused with a message');
    await page.getByLabel('Password').fill('admin');
    await page.getByRole('button', { name: 'Log in' }).click();
    const app = page.getByRole('button', { name: 'Test Pipeline' });
    await app.waitFor();
    t.ok(await page.getByRole('button', { name: 'Settings' }).isVisible(), 'an administrator sees the Settings app');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'home.png') });
    await app.click();
    await page.getByRole('heading', { name: 'Leads' }).waitFor();
    await page.getByRole('button', { name: 'List', exact: true }).click();
    const rows = page.locator('erp-list-view tbody tr');
    await rows.first().waitFor();
    const names = await rows.locator('td:first-child').allTextContents();
    t.ok(names.includes('Alpha deal') && names.includes('Zeta deal'), 'the action\'s records are listed');
    t.notOk(names.includes('Won already'), 'the action\'s domain (won = False) applies');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'list.png') });
    const header = page.locator('erp-list-view th').first();
    await header.click();
    await t.resolves(page.waitForFunction(() => {
      const cells = [...document.querySelector('erp-app')!.shadowRoot!.querySelector('erp-action')!.shadowRoot!
        .querySelector('erp-list-view')!.shadowRoot!.querySelectorAll('tbody td:first-child')].map((c) => c.textContent);
      return cells.length > 1 && cells.join('|') === [...cells].sort().join('|');
    }), 'a click on a header sorts the list');
    t.match(page.url(), /#action=ir\.actions\.act_window%2C\d+/, 'the URL names the action');
    await page.reload();
    await t.resolves(page.locator('erp-list-view tbody tr', { hasText: 'Alpha deal' }).waitFor(), 'a reload (or a link) opens the same view');
    t.ok(await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Test Pipeline' }).isVisible(), 'with its app\'s top menu');
    await page.goBack();
    await t.resolves(page.locator('erp-kanban-view').waitFor(), 'back returns to the view shown before (the kanban)');
    await page.goBack();
    await t.resolves(page.getByRole('button', { name: 'Settings' }).waitFor(), 'and then to the home menu');
    await page.goForward();
    await page.goForward();
    await t.resolves(page.locator('erp-list-view tbody tr').first().waitFor(), 'forward leads to the list again');
    await page.getByRole('button', { name: 'Log out' }).click();
    await t.resolves(page.getByLabel('Password').waitFor(), 'back to the login page');
    await page.reload();
    await t.resolves(page.getByLabel('Password').waitFor(), 'the session is gone after a reload');
  });
}
