// The search panel of the web client: the Python-literal evaluator of search archs (in Node), the
// search model, and the panel in headless Chromium as a person uses it: a field search picked
// from the suggestions, a filter and a group-by from the dropdown, Backspace, and a favorite kept
// across a reload.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { andDomains, evalContext, evalDomain, evaluate, normalizeDomain, orDomains, PyDate, PyEvalError } from '../core/web/src/search/pydomain.ts';
import { computeSearch, dateDomain, type SearchItem } from '../core/web/src/search/model.ts';
import { launchBrowser } from './helpers/browser.ts';
import { logIn, grantAll } from './helpers/web.ts';
import { testServer } from './helpers/http.ts';
import { ROOT } from './setup/state.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');

t.test('pydomain: Python literals', async (t) => {
  t.same(evaluate('[]'), []);
  t.same(evaluate("[('won', '=', False)]"), [['won', '=', false]]);
  t.same(evaluate("[('a', 'in', [1, 2.5, -3]), ('b', '!=', None), ('c', '=', True)]"), [['a', 'in', [1, 2.5, -3]], ['b', '!=', null], ['c', '=', true]]);
  t.same(evaluate(`['|', ("name", "ilike", 'it\\'s'), ('x', '=', (1,))]`), ['|', ['name', 'ilike', "it's"], ['x', '=', [1]]]);
  t.same(evaluate("{'group_by': 'stage_id', 'default_x': [1, 2],}"), { group_by: 'stage_id', default_x: [1, 2] });
  t.same(evaluate("(1)"), 1, 'parentheses are not a tuple');
  t.same(evaluate("'a' 'b'"), 'ab', 'adjacent strings concatenate');
  t.same(evaluate('1 + 2 - 4'), -1);
  t.same(evalDomain(''), []);
  t.same(evalContext("{'group_by': ['stage_id', 'user_id']}"), { group_by: ['stage_id', 'user_id'] });
});

t.test('pydomain: names given by the caller (uid, self)', async (t) => {
  t.same(evalDomain("[('user_id', '=', uid)]", { uid: 7 }), [['user_id', '=', 7]]);
  t.same(evalDomain("['|', ('name', 'ilike', self), ('email', 'ilike', self)]", { self: 'bob' }), ['|', ['name', 'ilike', 'bob'], ['email', 'ilike', 'bob']]);
  t.throws(() => evalDomain("[('user_id', '=', uid)]"), PyEvalError, 'an unknown name is refused');
});

t.test('pydomain: context_today() and date arithmetic', async (t) => {
  const today = new PyDate(2024, 3, 31);
  const ev = (text: string) => evaluate(text, {}, { today });
  t.equal(ev("context_today().strftime('%Y-%m-%d')"), '2024-03-31');
  t.equal(ev('context_today()'), '2024-03-31', 'a bare date is sent as YYYY-MM-DD');
  t.equal(ev("(context_today() - relativedelta(days=7)).strftime('%Y-%m-%d')"), '2024-03-24');
  t.equal(ev("(context_today() - relativedelta(weeks=2)).strftime('%Y-%m-%d')"), '2024-03-17');
  t.equal(ev("(context_today() - relativedelta(months=1)).strftime('%Y-%m-%d')"), '2024-02-29', 'months clamp to the end of the month');
  t.equal(ev("(context_today() + relativedelta(months=11)).strftime('%Y-%m-%d')"), '2025-02-28');
  t.equal(ev("(context_today() + relativedelta(years=1, days=1)).strftime('%Y-%m-%d')"), '2025-04-01');
  t.equal(ev("(context_today() - datetime.timedelta(days=31)).strftime('%Y-%m-%d')"), '2024-02-29');
  t.equal(ev("(context_today() + timedelta(days=1)).strftime('%d/%m/%Y')"), '01/04/2024');
  t.same(evalDomain("[('date', '>=', (context_today() - relativedelta(days=7)).strftime('%Y-%m-%d'))]", {}, { today }), [['date', '>=', '2024-03-24']]);
  t.equal(ev("context_today().strftime('%Y-%m-01')"), '2024-03-01');
});

t.test('pydomain: anything else is refused', async (t) => {
  const refused = [
    "__import__('os').system('true')",
    "[('a', '=', open('/etc/passwd'))]",
    "context_today().replace(day=1)",
    "datetime.datetime.now()",
    "[x for x in range(3)]",
    "[('a', '=', 1 if True else 2)]",
    "[('a', '=', not True)]",
    "[('a', '=', 'x'[0])]",
    "relativedelta(days=1)",
    "relativedelta(hours=1)",
    "relativedelta(days=1.5)",
    "context_today() + 1",
    "context_today().strftime('%A')",
    "lambda: 1",
    "[('a', '=', 1)",
    "'unterminated",
    "a = 1",
    "{'a': 1} ; 2",
    "time.strftime('%Y')",
  ];
  for (const text of refused) t.throws(() => evaluate(text, { uid: 1 }), PyEvalError, `refused: ${text}`);
  t.throws(() => evalDomain("{'a': 1}"), PyEvalError, 'a domain must be a list');
  t.throws(() => evalContext('[1]'), PyEvalError, 'a context must be a dict');
});

t.test('domains: normalize, AND, OR', async (t) => {
  t.same(normalizeDomain([['a', '=', 1], ['b', '=', 2]]), ['&', ['a', '=', 1], ['b', '=', 2]]);
  t.same(normalizeDomain(['|', ['a', '=', 1], ['b', '=', 2]]), ['|', ['a', '=', 1], ['b', '=', 2]]);
  t.same(normalizeDomain(['!', ['a', '=', 1], ['b', '=', 2]]), ['&', '!', ['a', '=', 1], ['b', '=', 2]]);
  t.same(orDomains([[['a', '=', 1]], [['b', '=', 2], ['c', '=', 3]], []]), ['|', ['a', '=', 1], '&', ['b', '=', 2], ['c', '=', 3]]);
  t.same(andDomains([[['a', '=', 1]], [], [['b', '=', 2]]]), ['&', ['a', '=', 1], ['b', '=', 2]]);
  t.same(andDomains([[], []]), []);
  t.throws(() => normalizeDomain(['|', ['a', '=', 1]]), PyEvalError);
});

t.test('search model: filters of a group are OR-ed, facets AND-ed, group-bys in order', async (t) => {
  const items = new Map<number, SearchItem>([
    [1, { id: 1, type: 'filter', groupId: 2, name: 'mine', description: 'Mine', invisible: false, domain: "[('user_id', '=', uid)]" }],
    [2, { id: 2, type: 'filter', groupId: 2, name: 'hot', description: 'Hot', invisible: false, domain: "[('priority', '=', '3')]", context: "{'hot': True}" }],
    [3, { id: 3, type: 'filter', groupId: 3, name: 'open', description: 'Open', invisible: false, domain: "[('won', '=', False)]" }],
    [4, { id: 4, type: 'dateFilter', groupId: 4, name: 'deadline', description: 'Deadline', invisible: false, domain: '', fieldName: 'date_deadline', fieldType: 'date' }],
  ]);
  const today = new PyDate(2024, 5, 10);
  const result = computeSearch([
    { type: 'filter', groupId: 2, itemIds: [1, 2] },
    { type: 'groupBy', entries: [{ field: 'stage_id', label: 'Stage' }, { field: 'user_id', label: 'Salesperson' }] },
    { type: 'filter', groupId: 3, itemIds: [3] },
    { type: 'field', itemId: 9, values: [{ label: 'x', domain: { value: [['name', 'ilike', 'x']] } }] },
  ], items, { uid: 2, today });
  t.same(result.domain, ['&', '&', '|', ['user_id', '=', 2], ['priority', '=', '3'], ['won', '=', false], ['name', 'ilike', 'x']]);
  t.same(result.groupBy, ['stage_id', 'user_id']);
  t.same(result.context, { hot: true });
  t.same(dateDomain('d', 'date', ['month_5', 'quarter_1', 'year_0'], today),
    ['|', '&', ['d', '>=', '2024-05-01'], ['d', '<', '2024-06-01'], '&', ['d', '>=', '2024-01-01'], ['d', '<', '2024-04-01']]);
  t.same(dateDomain('d', 'datetime', ['month_12', 'year_1'], today), ['&', ['d', '>=', '2023-12-01 00:00:00'], ['d', '<', '2024-01-01 00:00:00']]);
  t.same(dateDomain('d', 'date', ['year_0', 'year_2'], today),
    ['|', '&', ['d', '>=', '2024-01-01'], ['d', '<', '2025-01-01'], '&', ['d', '>=', '2022-01-01'], ['d', '<', '2023-01-01']]);
});

// ---- in the browser ---------------------------------------------------------------------------------

const SEARCH_ARCH = `<xpath expr="//filter[@name='won']" position="after">
  <field name="stage_id"/>
  <separator/>
  <filter name="high" string="High probability" domain="[('probability', '&gt;=', 50)]"/>
  <filter name="mine" string="My Leads" domain="[('user_id', '=', uid)]"/>
  <separator/>
  <filter name="recent" string="Created recently" domain="[('create_date', '&gt;=', (context_today() - relativedelta(days=7)).strftime('%Y-%m-%d'))]"/>
  <filter name="broken" string="Unsupported" domain="[('create_date', '&gt;=', datetime.datetime.now())]"/>
  <filter name="deadline" string="Deadline" date="date_deadline"/>
  <group expand="0" string="Group By">
    <filter name="group_stage" string="Stage" context="{'group_by': 'stage_id'}"/>
    <filter name="group_user" string="Salesperson" context="{'group_by': 'user_id'}"/>
  </group>
</xpath>`;

const session = await launchBrowser();
if ('missing' in session) {
  t.test('the search panel in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  const server = await testServer(t, { modules: ['test_views'] });
  await server.db.commit(async (env) => {
    const sudo = env.sudo();
    await grantAll(env, ['test.lead', 'test.stage'], 'base.group_user');
    await sudo.model('ir.ui.view').create({
      name: 'test.lead.search.more', model: 'test.lead', inherit_id: await env.refId('test_views.test_lead_view_search'), arch: SEARCH_ARCH,
    });
    const [qualified, fresh] = [await env.refId('test_pipeline.stage_qualified'), await env.refId('test_pipeline.stage_new')];
    const admin = await env.refId('base.user_admin');
    await sudo.model('test.lead').create([
      { name: 'Alpha deal', stage_id: qualified, probability: 90, user_id: admin },
      { name: 'Alpha small', stage_id: fresh, probability: 10, user_id: admin },
      { name: 'Beta deal', stage_id: fresh, probability: 60, user_id: admin },
      { name: 'Gamma deal', stage_id: qualified, probability: 20, user_id: admin },
      { name: 'Won already', won: true, user_id: admin },
    ]);
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  t.test('search, filter, group, Backspace and favorites in the app', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    t.teardown(() => page.close());
    const warnings: string[] = [];
    page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
    // Every search-change the panel dispatches, as the action manager receives it.
    await page.addInitScript(() => {
      (window as unknown as { searches: unknown[] }).searches = [];
      document.addEventListener('search-change', (e) => (window as unknown as { searches: unknown[] }).searches.push((e as CustomEvent).detail));
    });
    const lastSearch = () => page.evaluate(() => {
      const all = (window as unknown as { searches: Array<{ domain: unknown[]; groupBy: string[] }> }).searches;
      return all[all.length - 1] ?? null;
    });
    const searchCount = () => page.evaluate(() => (window as unknown as { searches: unknown[] }).searches.length);

    await logIn(page, server.url);
    await page.getByRole('button', { name: 'Test Pipeline' }).click();
    await page.getByRole('heading', { name: 'Leads' }).waitFor();
    // The action opens on its first view; the list is the one read here.
    const listButton = page.getByRole('button', { name: 'List', exact: true });
    if (await listButton.count()) await listButton.click();
    const rows = page.locator('erp-list-view tbody tr');
    const names = async () => (await rows.locator('td:first-child').allTextContents()).sort();
    // The list does not order its replies yet: a slow earlier reply could overwrite a later one,
    // so wait for the RPCs in flight before reading it.
    let inflight = 0;
    page.on('request', (r) => { if (r.url().includes('/web/dataset/')) inflight++; });
    const done = (r: { url(): string }) => { if (r.url().includes('/web/dataset/')) inflight--; };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    const settle = async () => {
      for (let i = 0; i < 100 && inflight > 0; i++) await page.waitForTimeout(20);
      await page.waitForTimeout(30);
    };
    const expectNames = async (expected: string[], message: string) => {
      await settle();
      await page.waitForFunction((want) => {
        const list = document.querySelector('erp-app')?.shadowRoot?.querySelector('erp-action')?.shadowRoot?.querySelector('erp-list-view');
        const cells = [...(list?.shadowRoot?.querySelectorAll('tbody td:first-child') ?? [])].map((c) => c.textContent ?? '').sort();
        return cells.join('|') === want.join('|');
      }, [...expected].sort(), { timeout: 5000 }).catch(() => {});
      t.same(await names(), [...expected].sort(), message);
    };
    await expectNames(['Alpha deal', 'Alpha small', 'Beta deal', 'Gamma deal', 'Seeded lead'], 'the list shows the open leads');
    await page.waitForFunction(() => (window as unknown as { searches: unknown[] }).searches.length > 0);
    t.same(await lastSearch(), { domain: [], groupBy: [], context: {} }, 'a first search-change with the (empty) defaults');
    t.ok(warnings.some((w) => w.includes('"broken"')), 'the filter with an unsupported domain is skipped with a warning');

    // A field search picked from the suggestions.
    const box = page.getByRole('combobox', { name: 'Search' });
    await box.fill('Alpha');
    const options = page.getByRole('option');
    await t.resolves(options.filter({ hasText: 'Search Opportunity for: Alpha' }).waitFor(), 'the suggestions offer the name');
    t.ok(await options.filter({ hasText: 'Search Customer for: Alpha' }).count(), 'and the customer (many2one)');
    t.equal(await options.first().getAttribute('aria-selected'), 'true', 'the first suggestion is highlighted');
    await box.press('Enter');
    await expectNames(['Alpha deal', 'Alpha small'], 'Enter picks "Search Opportunity for: Alpha" and the list is filtered');
    t.same((await lastSearch())!.domain, [['name', 'ilike', 'Alpha']]);
    t.equal(await page.locator('erp-search-panel .facet').count(), 1, 'one facet');

    // A many2one: the records matching the text, to pick one exactly.
    await box.fill('Qual');
    await page.getByRole('option', { name: /Search Stage for: Qual/ }).waitFor().catch(() => {});
    const stageOption = page.getByRole('option').filter({ hasText: 'Search Stage for: Qual' });
    await stageOption.waitFor();
    // Opportunity, Customer, Stage: down twice, then around and back up.
    await box.press('ArrowDown');
    await box.press('ArrowDown');
    await box.press('ArrowDown');
    await box.press('ArrowUp');
    t.equal(await stageOption.getAttribute('aria-selected'), 'true', 'the arrows move the highlight');
    await box.press('ArrowRight');
    await page.getByRole('option', { name: 'Qualified', exact: true }).waitFor();
    await page.getByRole('option', { name: 'Qualified', exact: true }).click();
    const qualified = await server.db.commit((env) => env.refId('test_pipeline.stage_qualified'));
    await expectNames(['Alpha deal'], 'a record picked under the many2one suggestion narrows the list');
    t.same((await lastSearch())!.domain, ['&', ['name', 'ilike', 'Alpha'], ['stage_id', '=', qualified]], 'it searches the record\'s id');
    await box.press('Backspace');
    await expectNames(['Alpha deal', 'Alpha small'], 'Backspace in the empty box removes the last facet');

    // A filter and a group-by from the dropdown.
    await page.getByRole('button', { name: 'Toggle search panel' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'High probability' }).click();
    await expectNames(['Alpha deal'], 'the filter from the dropdown applies with the field search (AND)');
    await page.getByRole('menuitemcheckbox', { name: 'My Leads' }).click();
    await expectNames(['Alpha deal', 'Alpha small'], 'filters of the same group are OR-ed (My Leads: uid from the session)');
    const admin = await server.db.commit((env) => env.refId('base.user_admin'));
    t.same((await lastSearch())!.domain, ['&', ['name', 'ilike', 'Alpha'], '|', ['probability', '>=', 50], ['user_id', '=', admin]], 'the combined domain');
    await page.getByRole('menuitemcheckbox', { name: 'My Leads' }).click();
    const before = await searchCount();
    await page.getByRole('menuitemcheckbox', { name: 'Stage' }).click();
    await page.waitForFunction((n) => (window as unknown as { searches: unknown[] }).searches.length > n, before);
    t.same((await lastSearch())!.groupBy, ['stage_id'], 'grouping by stage sends groupBy');
    await page.getByRole('combobox', { name: 'Add Custom Group' }).selectOption({ label: 'Salesperson' }).catch(async () => {
      await page.getByLabel('Add Custom Group').selectOption('user_id');
    });
    t.same((await lastSearch())!.groupBy, ['stage_id', 'user_id'], 'a custom group comes after, in facet order');
    const listGroupBy = await page.evaluate(() => (document.querySelector('erp-app')?.shadowRoot?.querySelector('erp-action')?.shadowRoot
      ?.querySelector('erp-list-view') as unknown as { groupBy?: string[] } | null)?.groupBy);
    t.same(listGroupBy, ['stage_id', 'user_id'], 'the list received the group-bys');
    t.same(await page.locator('erp-search-panel .facet').allInnerTexts().then((l) => l.map((s) => s.replace(/\s+/g, ' ').replace('×', '').trim())),
      ['Opportunity Alpha', 'High probability', 'Stage > Salesperson'], 'the facets: field, filter, group-by');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search.png') });

    // Save the search as a favorite; it comes back after a reload.
    await page.getByRole('button', { name: 'Save current search' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Big alphas');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('erp-search-panel .facet[data-type="favorite"]').waitFor(); // saved on the server first
    t.same(await page.locator('erp-search-panel .facet').allInnerTexts().then((l) => l.map((s) => s.replace(/\s+/g, ' ').replace('×', '').trim())),
      ['Big alphas'], 'the saved search becomes one favorite facet');
    await expectNames(['Alpha deal'], 'the favorite keeps the search');

    // Backspace removes facets one by one.
    await box.click();
    await box.press('Backspace');
    await expectNames(['Alpha deal', 'Alpha small', 'Beta deal', 'Gamma deal', 'Seeded lead'], 'Backspace removed the favorite facet');
    t.same(await lastSearch(), { domain: [], groupBy: [], context: {} });

    await page.reload();
    await page.getByRole('button', { name: 'Test Pipeline' }).click();
    await page.getByRole('heading', { name: 'Leads' }).waitFor();
    if (await listButton.count()) await listButton.click();
    await page.getByRole('button', { name: 'Toggle search panel' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Big alphas' }).click();
    await expectNames(['Alpha deal'], 'the favorite is re-applied after a reload');
    t.same((await lastSearch())!.groupBy, ['stage_id', 'user_id'], 'with its group-bys');
    await page.getByRole('button', { name: 'Toggle search panel' }).click();
    await box.click();
    await box.press('Backspace');
    await expectNames(['Alpha deal', 'Alpha small', 'Beta deal', 'Gamma deal', 'Seeded lead'], 'and removed with Backspace');

    // A custom filter, and a date filter by year.
    await page.getByRole('button', { name: 'Toggle search panel' }).click();
    await page.getByRole('button', { name: 'Add Custom Filter' }).click();
    await page.getByRole('combobox', { name: 'Field' }).selectOption({ label: 'Probability' });
    await page.getByRole('combobox', { name: 'Operator' }).selectOption({ label: 'greater than' });
    await page.getByRole('spinbutton', { name: 'Value' }).fill('50');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expectNames(['Alpha deal', 'Beta deal'], 'a custom filter (Probability greater than 50)');
    await page.getByRole('menuitemcheckbox', { name: 'Deadline' }).click();
    await page.getByRole('menuitemcheckbox', { name: String(new Date().getFullYear()), exact: true }).click();
    const year = new Date().getFullYear();
    t.same((await lastSearch())!.domain, ['&', ['probability', '>', 50], '&', ['date_deadline', '>=', `${year}-01-01`], ['date_deadline', '<', `${year + 1}-01-01`]],
      'a date filter by year');
    await expectNames([], 'no lead has a deadline');
  });
}
