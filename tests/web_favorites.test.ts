// Favorites saved on the server (ir.filters): their Python text (in Node), then in headless
// Chromium as a person uses them: save the current search as the default favorite, find it
// listed and applied after a reload, see a colleague's shared favorite but not their private
// one, delete it. The favorites come with the views: no call of their own.

import path from 'node:path';
import t from 'tap';
import type { Page } from 'playwright-core';
import { contextText, domainText, favoriteOf } from '../core/web/src/search/favorites.ts';
import { resolveDomain, type DomainSpec } from '../core/web/src/search/model.ts';
import { evalDomain, PyDate } from '../core/web/src/search/pydomain.ts';
import { launchBrowser } from './helpers/browser.ts';
import { logIn, grantAll } from './helpers/web.ts';
import { testServer } from './helpers/http.ts';
import { ROOT } from './setup/state.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');

t.test('a favorite keeps its domain as Python text: literal where it can, relative where it must', async (t) => {
  const names = { uid: 7, today: new PyDate(2024, 3, 31) };
  const won: DomainSpec = { or: [{ py: "[('won', '=', True)]" }] };
  const name: DomainSpec = { value: [['name', 'ilike', "O'Brien"]] };
  t.equal(domainText({ and: [won, name] }, names), "['&', ['won', '=', True], ['name', 'ilike', 'O\\'Brien']]", 'constant parts are written out');
  t.equal(domainText({ and: [] }, names), '[]', 'no facet, no domain');

  const recent: DomainSpec = { py: "[('create_date', '>=', (context_today() - relativedelta(days=7)).strftime('%Y-%m-%d'))]" };
  const two: DomainSpec = { value: [['a', '=', 1], ['b', '=', 2]] };
  const mine: DomainSpec = { py: "[('user_id', '=', uid)]" };
  const spec: DomainSpec = { and: [recent, two, { or: [mine, won] }] };
  const text = domainText(spec, names);
  t.match(text, /context_today\(\)/, 'the relative date stays an expression');
  t.match(text, /'=', uid\)/, 'uid stays a name');
  t.same(evalDomain(text, { uid: 7 }, { today: names.today }), resolveDomain(spec, names), 'read back, it is the same search');
  t.same(evalDomain(text, { uid: 9 }, { today: new PyDate(2024, 5, 10) }), resolveDomain(spec, { uid: 9, today: new PyDate(2024, 5, 10) }),
    'applied later by someone else, it follows the day and the user');

  const context = contextText(['stage_id', 'user_id'], { hot: true });
  t.equal(context, "{'hot': True, 'group_by': ['stage_id', 'user_id']}");
  const favorite = favoriteOf({ id: 3, name: 'Hot', domain: text, context, is_default: true, user_id: [7, 'Me'] }, names);
  t.same({ ...favorite, domain: undefined }, { id: 3, name: 'Hot', domain: undefined, groupBy: ['stage_id', 'user_id'], context: { hot: true }, isDefault: true, userId: 7 },
    'an ir.filters row becomes a favorite: group-bys apart from the context');
});

const session = await launchBrowser();
if ('missing' in session) {
  t.test('favorites in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  const server = await testServer(t, { modules: ['test_views'] });
  const ids = await server.db.commit(async (env) => {
    const sudo = env.sudo();
    await grantAll(env, ['test.lead', 'test.stage']);
    await sudo.model('test.lead').unlink(await sudo.model('test.lead').search([]));
    await sudo.model('test.lead').create([
      { name: 'Open one' }, { name: 'Open two' }, { name: 'Won big', won: true, probability: 100 }, { name: 'Won small', won: true, probability: 100 },
    ]);
    const action = await sudo.model('ir.actions.act_window').create({
      name: 'Deals', res_model: 'test.lead', view_mode: 'list,form', search_view_id: await env.refId('test_views.test_lead_view_search'),
    });
    await sudo.model('ir.ui.menu').create({ name: 'Deals', sequence: 1, action: `ir.actions.act_window,${action}` });
    const bob = await sudo.model('res.users').create({ login: 'bob', name: 'Bob', groups_id: [[4, await env.refId('base.group_user')]] });
    await sudo.model('ir.filters').create([
      { name: 'Team: won', model_id: 'test.lead', user_id: false, domain: "[('won', '=', True)]", action_id: action },
      { name: "Bob's secret", model_id: 'test.lead', user_id: bob, domain: '[]', action_id: action },
    ]);
    return { action, admin: await env.refId('base.user_admin') };
  });

  const rows = (page: Page) => page.locator('erp-list-view tbody tr');
  const names = async (page: Page) => (await rows(page).locator('td:first-child').allTextContents()).map((s) => s.trim()).sort();
  const expectNames = async (page: Page, expected: string[]) => {
    await page.waitForFunction((want) => {
      const list = document.querySelector('erp-app')?.shadowRoot?.querySelector('erp-action')?.shadowRoot?.querySelector('erp-list-view');
      return [...(list?.shadowRoot?.querySelectorAll('tbody td:first-child') ?? [])].map((c) => (c.textContent ?? '').trim()).sort().join('|') === want.join('|');
    }, [...expected].sort(), { timeout: 5000 }).catch(() => {});
    return names(page);
  };
  const facets = async (page: Page) => (await page.locator('erp-search-panel .facet').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').replace('×', '').trim());
  const toggle = (page: Page) => page.getByRole('button', { name: 'Toggle search panel' });
  const favorites = (page: Page) => page.locator('erp-search-panel').getByRole('region', { name: 'Favorites' }).or(page.locator('erp-search-panel section[aria-label="Favorites"]'));
  const stored = () => server.db.commit((env) => env.sudo().model('ir.filters').search_read([['user_id', '=', ids.admin]], ['name', 'domain', 'context', 'is_default', 'model_id', 'action_id']));

  t.test('save the search as the default favorite; after a reload it is listed and applied; delete it', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    t.teardown(() => page.close());
    const calls: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/web/dataset/call_kw')) calls.push(r.url().split('/call_kw/')[1] ?? ''); });
    page.on('dialog', (dialog) => void dialog.accept());
    await logIn(page, server.url);
    await page.getByRole('button', { name: 'Deals' }).click();
    t.same(await expectNames(page, ['Open one', 'Open two', 'Won big', 'Won small']), ['Open one', 'Open two', 'Won big', 'Won small'], 'no favorite applies at first');
    t.notOk(calls.some((c) => c.startsWith('ir.filters')), 'the favorites came with get_views, without a call of their own');

    await toggle(page).click();
    const section = favorites(page);
    t.same(await section.getByRole('menuitemcheckbox').allInnerTexts(), ['Team: won'], "a colleague's shared favorite is listed, their private one is not");
    t.equal(await section.getByRole('button', { name: /Delete favorite/ }).count(), 0, 'a shared favorite cannot be deleted by a user');

    await page.getByRole('menuitemcheckbox', { name: 'Won', exact: true }).click();
    t.same(await expectNames(page, ['Won big', 'Won small']), ['Won big', 'Won small'], 'the Won filter');
    await page.getByRole('button', { name: 'Save current search' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('My wins');
    await page.getByRole('checkbox', { name: 'Default filter' }).check();
    await t.resolves(page.getByRole('checkbox', { name: 'Shared' }).waitFor(), 'the favorite may be shared');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'favorites-save.png') });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('erp-search-panel .facet[data-type="favorite"]').waitFor();
    t.same(await facets(page), ['My wins'], 'the saved search becomes its favorite facet');
    const [saved] = await stored();
    t.same(saved, { id: saved.id, name: 'My wins', domain: "[['won', '=', True]]", context: '{}', is_default: true, model_id: 'test.lead', action_id: [ids.action, 'Deals'] },
      'an ir.filters of the user, for the model and the action, the default');

    await page.reload();
    await page.locator('erp-search-panel .facet[data-type="favorite"]').waitFor();
    t.same(await facets(page), ['My wins'], 'after a reload the default favorite is applied');
    t.same(await expectNames(page, ['Won big', 'Won small']), ['Won big', 'Won small'], 'and the list follows it');
    await toggle(page).click();
    t.same(await favorites(page).getByRole('menuitemcheckbox').allInnerTexts(), ['My wins', 'Team: won'], 'it is listed with the shared one');
    t.equal(await favorites(page).getByRole('menuitemcheckbox', { name: 'My wins' }).getAttribute('aria-checked'), 'true', 'and checked');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'favorites.png') });

    await favorites(page).getByRole('button', { name: 'Delete favorite My wins' }).click();
    await favorites(page).getByRole('menuitemcheckbox', { name: 'My wins' }).waitFor({ state: 'detached' });
    t.same(await facets(page), [], 'deleting the favorite removes its facet');
    t.same(await expectNames(page, ['Open one', 'Open two', 'Won big', 'Won small']), ['Open one', 'Open two', 'Won big', 'Won small'], 'and its filtering');
    t.same(await stored(), [], 'the ir.filters is gone');
    await page.reload();
    await toggle(page).click();
    t.same(await favorites(page).getByRole('menuitemcheckbox').allInnerTexts(), ['Team: won'], 'after a reload it is not listed');
    t.same(await facets(page), [], 'and nothing applies');
  });
}
