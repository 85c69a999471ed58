// The probability of an opportunity in headless Chromium: typing one by hand makes it manual,
// the form then shows the estimated (automated) probability and a "Switch to automatic
// probability" button, which puts the automated one back.

import t from 'tap';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../../tests/helpers/browser.ts';
import { logIn } from '../../../tests/helpers/web.ts';
import { testServer } from '../../../tests/helpers/http.ts';

const session = await launchBrowser();
if ('missing' in session) {
  t.test('the probability reset in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  const server = await testServer(t, { modules: ['crm'] });
  const lead = await server.db.commit(async (root) => {
    const env = root.sudo();
    const admin = await env.refId('base.user_admin');
    return env.withUser(admin).model('crm.lead').create({ name: 'Solar roof', expected_revenue: 9000 });
  });
  const read = () => server.db.commit(async (env) => (await env.model('crm.lead').read(lead, ['probability', 'automated_probability', 'is_automated_probability']))[0]);
  const form = (page: Page) => page.locator('erp-form-view');
  const input = (page: Page, name: string) => form(page).locator(`.o_field[data-name="${name}"]`).locator('input').first();

  t.test('a manual probability, then back to the automated one', async (t) => {
    const before = await read();
    t.equal(before.is_automated_probability, true, 'a new opportunity follows the automated probability');
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 860 } });
    t.teardown(() => page.close());
    await logIn(page, server.url);
    await page.getByRole('button', { name: 'CRM' }).click();
    await page.locator('erp-kanban-view article.card[aria-label="Solar roof"]').click();
    const reset = form(page).getByRole('button', { name: 'Switch to automatic probability' });
    await input(page, 'probability').waitFor();
    t.equal(await reset.count(), 0, 'no reset button while the probability is automated');
    await input(page, 'probability').fill('65');
    await input(page, 'probability').blur();
    // The form computes is_automated_probability at once (the button shows before saving).
    await reset.waitFor();
    const save = form(page).getByRole('button', { name: 'Save', exact: true });
    await save.click();
    await save.waitFor({ state: 'detached' });
    const manual = await read();
    t.same([manual.probability, manual.is_automated_probability], [65, false], 'saved as a manual probability');
    await reset.click();
    await t.resolves(reset.waitFor({ state: 'detached' }), 'the button goes once the probability is automated again');
    const after = await read();
    t.same([after.probability, after.is_automated_probability], [after.automated_probability, true], 'back to the automated probability');
    t.equal(await input(page, 'probability').inputValue(), Number(after.automated_probability).toFixed(2), 'the form shows it');
  });
}
