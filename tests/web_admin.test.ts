// The administrator's pages in headless Chromium: Settings (turn a feature on and see its menu
// appear) and Apps (install a module, then uninstall it after reading what would go).

import path from 'node:path';
import t from 'tap';
import { launchBrowser } from './helpers/browser.ts';
import { logIn } from './helpers/web.ts';
import { testServer } from './helpers/http.ts';
import { TEST_ADDONS } from './helpers/db.ts';
import { ROOT } from './setup/state.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');


const session = await launchBrowser();
if ('missing' in session) {
  t.test('the administrator\'s pages in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());

  t.test('turning a feature on in Settings shows its menu', async (t) => {
    const server = await testServer(t, { modules: ['test_web_settings'], addonsPaths: [path.join(TEST_ADDONS, 'test_settings_addons')] });
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    t.teardown(() => page.close());
    await logIn(page, server.url);
    t.notOk(await page.getByRole('button', { name: 'Feature Reports' }).isVisible(), 'the feature\'s menu is hidden at first');
    await page.getByRole('button', { name: 'Settings' }).click();
    const toggle = page.getByLabel('Use the feature');
    await toggle.waitFor();
    await page.getByLabel('Search settings').fill('feature');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'settings.png') });
    await toggle.check();
    // A group toggle changes the menus: saving reloads the client, as Odoo does.
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Save' }).click()]);
    await page.getByRole('button', { name: 'Home' }).click();
    await t.resolves(page.getByRole('button', { name: 'Feature Reports' }).waitFor(), 'after saving, the client reloads and the menu is there');
    const implied = await server.db.commit(async (env) => {
      const [user] = await env.model('res.groups').read(await env.refId('base.group_user'), ['implied_ids']);
      return (user.implied_ids as number[]).includes(await env.refId('test_settings.group_feature'));
    });
    t.ok(implied, 'internal users now imply the feature group');
  });

  t.test('installing and uninstalling a module from the Apps page', async (t) => {
    const server = await testServer(t);
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    t.teardown(() => page.close());
    await logIn(page, server.url);
    t.notOk(await page.getByRole('button', { name: 'Test Pipeline' }).isVisible(), 'no Test Pipeline app yet');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Apps' }).click();
    await page.getByRole('button', { name: 'Update Apps List' }).click();
    await page.getByLabel('Applications only').uncheck();
    await page.getByLabel('Search modules').fill('test_views');
    const card = page.locator('article[data-module="test_views"]');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'apps.png') });
    // Installing reloads the client: wait for that page load, not for the old page.
    await Promise.all([page.waitForEvent('load', { timeout: 60000 }), card.getByRole('button', { name: 'Install' }).click()]);
    await page.locator('article[data-module="test_views"]').getByText('Installed').waitFor();
    await page.getByRole('button', { name: 'Home' }).click();
    await t.resolves(page.getByRole('button', { name: 'Test Pipeline' }).waitFor(), 'the installed module\'s app is on the home menu');
    t.equal(await server.db.commit(async (env) => (await env.model('ir.module.module').search_read([['name', '=', 'test_views']], ['state']))[0].state), 'installed');

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Apps' }).click();
    await page.getByLabel('Search modules').fill('test_views');
    await page.locator('article[data-module="test_views"]').getByRole('button', { name: 'Uninstall' }).click();
    const dialog = page.getByRole('dialog');
    await t.resolves(dialog.getByText('test_views').first().waitFor(), 'the dialog names what would be uninstalled');
    t.match(await dialog.textContent(), /Records deleted:.*ir\.ui\.menu/s, 'and the records that would go');
    await Promise.all([page.waitForEvent('load', { timeout: 60000 }), dialog.getByRole('button', { name: 'Uninstall' }).click()]);
    await page.getByLabel('Applications only').uncheck();
    await page.getByLabel('Search modules').fill('test_views');
    await page.locator('article[data-module="test_views"]').getByRole('button', { name: 'Install' }).waitFor();
    await page.getByRole('button', { name: 'Home' }).click();
    await page.getByRole('button', { name: 'Settings' }).waitFor();
    await t.resolves(page.getByRole('button', { name: 'Test Pipeline' }).waitFor({ state: 'hidden' }), 'the app is gone');
    t.equal(await server.db.commit(async (env) => (await env.model('ir.module.module').search_read([['name', '=', 'test_views']], ['state']))[0].state), 'uninstalled');
  });
}
