// A user switches to Persian in their preferences: the page turns right-to-left, the interface
// speaks Persian, and dates are shown in the Jalali (Persian) calendar. Menus, field labels, view
// terms and translatable records come from the server in Persian too (the addons' i18n files).

import path from 'node:path';
import t from 'tap';
import { launchBrowser } from './helpers/browser.ts';
import { logIn } from './helpers/web.ts';
import { testServer } from './helpers/http.ts';
import { ROOT } from './setup/state.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');

const session = await launchBrowser();
if ('missing' in session) {
  t.test('Persian in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());

  t.test('switching to Persian: right-to-left, Persian words, Jalali dates', async (t) => {
    const server = await testServer(t, { modules: ['test_views'] });
    await server.db.commit(async (env) => {
      // The list shows the deadline too (an extension, as an addon would add it).
      await env.model('ir.ui.view').create({
        name: 'test.lead.list.deadline', model: 'test.lead', inherit_id: await env.refId('test_views.test_lead_view_tree'),
        arch: '<field name="stage_id" position="after"><field name="date_deadline"/></field>',
      });
      // 21 March 2026 is 1 Farvardin 1405, the Persian new year.
      await env.model('test.lead').create({ name: 'Nowruz deal', date_deadline: '2026-03-21' });
    });
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    t.teardown(() => page.close());
    await logIn(page, server.url);
    await page.getByRole('button', { name: 'Administrator' }).click();
    await page.getByLabel('Language').selectOption('fa_IR');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'خروج' }).waitFor();
    t.equal(await page.evaluate(() => document.documentElement.dir), 'rtl', 'the page is right-to-left');
    t.equal(await page.evaluate(() => document.documentElement.lang), 'fa', 'and says it is Persian');
    await page.getByRole('button', { name: 'Test Pipeline' }).click();
    await page.getByRole('button', { name: 'فهرست', exact: true }).click();
    const row = page.locator('erp-list-view tbody tr', { hasText: 'Nowruz deal' });
    await row.waitFor();
    const text = await row.textContent();
    t.match(text, /فروردین/, 'the month is Farvardin');
    t.match(text, /۱۴۰۵/, 'the year is 1405, in Persian digits');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'persian.png') });
    const lang = await server.db.commit(async (env) => (await env.model('res.users').read(await env.refId('base.user_admin'), ['lang']))[0].lang);
    t.equal(lang, 'fa_IR', 'the preference is saved on the user');
  });

  t.test('in Persian, menus, field labels, view terms and stage names come from the server in Persian', async (t) => {
    const server = await testServer(t, { modules: ['test_i18n'] });
    await server.db.commit(async (env) => {
      await env.model('res.users').write(await env.refId('base.user_admin'), { lang: 'fa_IR' });
      await env.model('test.i18n.ticket').create({ name: 'Printer jammed', stage_id: await env.refId('test_i18n.stage_progress'), priority: '1', hours: 2.5 });
    });
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    t.teardown(() => page.close());
    await page.goto(`${server.url}/web`);
    await page.getByLabel('Login').fill('admin');
    await page.getByLabel('Password').fill('admin');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('navigation', { name: 'منوی اصلی' }).waitFor();
    const apps = page.locator('erp-home');
    await apps.getByRole('button', { name: 'میز خدمت' }).waitFor();
    t.ok(await apps.getByRole('button', { name: 'تنظیمات' }).isVisible(), "base's Settings app is named in Persian");
    await page.screenshot({ path: path.join(SCREENSHOTS, 'persian_home.png') });
    await apps.getByRole('button', { name: 'میز خدمت' }).click();
    const row = page.locator('erp-list-view tbody tr', { hasText: 'Printer jammed' });
    await row.waitFor();
    const headers = (await page.locator('erp-list-view thead th').allTextContents()).map((h) => h.trim()).filter(Boolean);
    t.same(headers, ['موضوع', 'مرحله', 'اولویت', 'ساعت‌های صرف‌شده'], 'the column titles are the field labels in Persian');
    t.match(await row.textContent(), /در جریان.*فوری/, 'the stage name and the selection label in Persian');
    t.ok(await page.getByText('تیکت‌ها').first().isVisible(), "the app's menu (and the action) in Persian");
    await page.screenshot({ path: path.join(SCREENSHOTS, 'persian_list.png') });
    await row.getByText('Printer jammed').click();
    const form = page.locator('erp-form-view');
    await form.getByText('یادداشت‌های داخلی').waitFor();
    t.ok(await form.getByRole('button', { name: 'حل کردن' }).isVisible(), 'a button of the view');
    t.ok(await form.getByText('اهمیت', { exact: true }).isVisible(), "a label set by an extension view");
    t.ok(await form.getByText('صرف‌شده', { exact: true }).isVisible(), 'a text of the view');
    t.notOk(await form.getByText('Internal Notes').count(), 'no English term of the view is left');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'persian_form.png') });
  });
}
