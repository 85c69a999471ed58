// The kanban view in headless Chromium, as a salesperson uses a CRM pipeline: columns per stage
// (empty ones too) with their count and total, quick create in a column, drag and drop to another
// stage (kept after a reload, undone when the server refuses), priority stars, folding, "Load
// more", opening a card; a phone-sized screen too.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import type { Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.ts';
import { logIn, grantAll } from './helpers/web.ts';
import { testServer } from './helpers/http.ts';
import { ROOT } from './setup/state.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');

const KANBAN_ARCH = `<kanban default_group_by="stage_id" sample="1">
  <field name="stage_id"/>
  <field name="color"/>
  <field name="currency_id"/>
  <progressbar field="priority" colors='{"3": "success"}' sum_field="expected_revenue"/>
  <templates>
    <t t-name="kanban-box">
      <div class="oe_kanban_card">
        <strong class="o_kanban_record_title"><field name="name"/></strong>
        <div><field name="expected_revenue" widget="monetary"/></div>
        <div><field name="partner_id"/></div>
        <div><field name="tag_ids" widget="many2many_tags" options="{'color_field': 'color'}"/></div>
        <div class="o_kanban_record_bottom">
          <div class="oe_kanban_bottom_left"><field name="priority" widget="priority"/></div>
          <div class="oe_kanban_bottom_right"><field name="user_id" widget="many2one_avatar_user"/></div>
        </div>
      </div>
    </t>
  </templates>
</kanban>`;

const session = await launchBrowser();
if ('missing' in session) {
  t.test('the kanban view in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  const server = await testServer(t, { modules: ['test_views'] });
  const ids = await server.db.commit(async (root) => {
    const env = root.sudo();
    // Administrators get every right on the pipeline's models (test_views only grants reading).
    await grantAll(env, ['test.lead', 'test.stage', 'test.tag']);
    await env.model('ir.ui.view').write([await env.refId('test_views.test_lead_view_kanban')], { arch: KANBAN_ARCH });
    const stage = { new: await env.refId('test_pipeline.stage_new'), qualified: await env.refId('test_pipeline.stage_qualified'), won: await env.refId('test_pipeline.stage_won') };
    const usd = await env.refId('base.USD');
    const [azure, deco] = await env.model('res.partner').create([{ name: 'Azure Interior' }, { name: 'Deco Addict' }]);
    const hot = await env.refId('test_pipeline.tag_hot');
    await env.model('test.tag').write([hot], { color: 1 });
    const [big, design] = await env.model('test.tag').create([{ name: 'Big deal', color: 10 }, { name: 'Design', color: 4 }]);
    const [user] = await env.model('res.users').create([{ name: 'Marc Demo', login: 'marc' }]);
    await env.model('test.lead').create([
      { name: 'Office chairs', stage_id: stage.new, expected_revenue: 12000, currency_id: usd, partner_id: azure, tag_ids: [[6, 0, [hot, design]]], priority: '2', user_id: user },
      { name: 'Website redesign', stage_id: stage.new, expected_revenue: 4500, currency_id: usd, partner_id: deco, tag_ids: [[6, 0, [design]]], priority: '0', color: 4 },
      { name: 'Cloud migration', stage_id: stage.qualified, expected_revenue: 30000, currency_id: usd, partner_id: azure, tag_ids: [[6, 0, [big, hot]]], priority: '3', user_id: user },
      { name: 'Consulting hours', stage_id: stage.qualified, expected_revenue: 8000, currency_id: usd, priority: '1' },
      // More than a page (40) in Won: "Load more".
      ...Array.from({ length: 42 }, (_, i) => ({ name: `Closed deal ${String(i + 1).padStart(2, '0')}`, stage_id: stage.won, expected_revenue: 1000, currency_id: usd })),
    ]);
    // "Seeded lead" (stages data) is in New with no amount.
    return stage;
  });

  mkdirSync(SCREENSHOTS, { recursive: true });

  const leadBy = (name: string) => server.db.commit(async (env) => {
    const [row] = await env.model('test.lead').search_read([['name', '=', name]], ['stage_id', 'priority']);
    return row as { id: number; stage_id: [number, string] | false; priority: string } | undefined;
  });
  const stageOf = async (name: string) => {
    const stage = (await leadBy(name))?.stage_id;
    return stage ? stage[0] : false;
  };

  const openKanban = async (page: Page) => {
    await page.getByRole('button', { name: 'Test Pipeline' }).click();
    await page.getByRole('heading', { name: 'Leads' }).waitFor();
    await page.getByRole('button', { name: 'Kanban', exact: true }).click();
    await page.locator('erp-kanban-view section.column').first().waitFor();
  };
  const column = (page: Page, name: string) => page.locator(`erp-kanban-view section.column[aria-label="${name}"]`);
  const card = (page: Page, name: string) => page.locator(`erp-kanban-view article.card[aria-label="${name}"]`);

  t.test('a pipeline in columns: quick create, drag and drop, priority, fold, load more, open', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    t.teardown(() => page.close());
    await logIn(page, server.url);
    await openKanban(page);

    const columns = page.locator('erp-kanban-view section.column');
    t.same(await columns.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label'))), ['New', 'Qualified', 'Won'], 'one column per stage, in the stages\' order');
    t.equal(await column(page, 'New').locator('.count').textContent(), '(3)', 'New counts its 3 leads');
    t.equal(await column(page, 'New').locator('.sum').textContent(), '$\u00a016,500', 'and sums their expected revenue');
    t.equal(await column(page, 'Qualified').locator('.sum').textContent(), '$\u00a038,000');
    t.equal(await column(page, 'Qualified').locator('.bar span').getAttribute('title'), 'Very High: 1', 'the progressbar counts the values it colours');
    t.equal(await column(page, 'Won').locator('.count').textContent(), '(42)');
    const office = card(page, 'Office chairs');
    t.match(await office.textContent(), /\$\s12,000\.00/, 'a card shows its amount with the currency');
    t.match(await office.textContent(), /Azure Interior/, 'the customer');
    t.same(await office.locator('.tag').allTextContents(), ['Hot', 'Design'], 'the tags as chips');
    t.equal(await office.locator('.avatar').textContent(), 'MD', 'the salesperson\'s initials');
    t.equal(await office.locator('.star.on').count(), 2, 'two stars of priority');

    // Load more in Won: 40 cards first.
    t.equal(await column(page, 'Won').locator('article.card').count(), 40, 'a column shows 40 cards at first');
    await column(page, 'Won').getByRole('button', { name: /Load more/ }).click();
    await t.resolves(column(page, 'Won').locator('article.card').nth(41).waitFor(), '"Load more" brings the rest');
    t.equal(await column(page, 'Won').getByRole('button', { name: /Load more/ }).count(), 0, 'and goes away');

    // Quick create in New.
    await column(page, 'New').getByRole('button', { name: 'Quick create' }).click();
    const input = column(page, 'New').locator('form.quick input');
    t.ok(await input.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el), 'the quick create has the focus');
    await input.fill('Standing desks');
    await input.press('Enter');
    await t.resolves(column(page, 'New').locator('article.card[aria-label="Standing desks"]').waitFor(), 'Enter creates the card in the column');
    t.equal(await column(page, 'New').locator('.count').textContent(), '(4)', 'the count follows');
    t.equal(await stageOf('Standing desks'), ids.new, 'the record is in the column\'s stage');
    await input.fill('Never created');
    await input.press('Escape');
    await t.resolves(column(page, 'New').locator('form.quick').waitFor({ state: 'detached' }), 'Escape discards the quick create');
    t.equal(await leadBy('Never created'), undefined);

    await column(page, 'Won').locator('.cards').evaluate((el) => { el.scrollTop = 0; });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'kanban.png') });

    // Drag and drop to Qualified.
    await card(page, 'Standing desks').dragTo(column(page, 'Qualified').locator('.cards'));
    await t.resolves(column(page, 'Qualified').locator('article.card[aria-label="Standing desks"]').waitFor(), 'the card lands in Qualified');
    t.equal(await column(page, 'New').locator('.count').textContent(), '(3)');
    t.equal(await column(page, 'Qualified').locator('.count').textContent(), '(3)');
    for (let i = 0; i < 50 && (await stageOf('Standing desks')) !== ids.qualified; i++) await page.waitForTimeout(100);
    t.equal(await stageOf('Standing desks'), ids.qualified, 'the stage is written in the database');

    // A refused write puts the card back, with a message.
    await page.route('**/web/dataset/call_kw/test.lead/write', (route) => route.fulfill({
      contentType: 'application/json', body: JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: 200, message: 'Odoo Server Error', data: { name: 'AccessError', message: 'Not allowed to move this lead' } } }),
    }));
    await card(page, 'Consulting hours').dragTo(column(page, 'Won').locator('.cards'));
    await t.resolves(page.getByRole('alert').filter({ hasText: 'Not allowed to move this lead' }).waitFor(), 'the error is shown');
    await t.resolves(column(page, 'Qualified').locator('article.card[aria-label="Consulting hours"]').waitFor(), 'the card is back in its column');
    t.equal(await column(page, 'Won').locator('article.card[aria-label="Consulting hours"]').count(), 0);
    t.equal(await column(page, 'Qualified').locator('.count').textContent(), '(3)', 'the counts are back');
    await page.unroute('**/web/dataset/call_kw/test.lead/write');

    // Kept after a reload.
    await page.reload();
    await openKanban(page);
    await t.resolves(column(page, 'Qualified').locator('article.card[aria-label="Standing desks"]').waitFor(), 'after a reload the card is still in Qualified');

    // Priority stars.
    const desk = card(page, 'Standing desks');
    await desk.getByRole('button', { name: 'Priority: High' }).click();
    t.equal(await desk.locator('.star.on').count(), 2, 'a click on the second star sets two stars');
    for (let i = 0; i < 50 && (await leadBy('Standing desks'))?.priority !== '2'; i++) await page.waitForTimeout(100);
    t.equal((await leadBy('Standing desks'))?.priority, '2', 'the priority is written');

    // Fold and unfold.
    await column(page, 'Won').getByRole('button', { name: 'Fold' }).click();
    await t.resolves(page.locator('erp-kanban-view section.column.folded[aria-label="Won"]').waitFor(), 'a column folds');
    t.equal(await column(page, 'Won').locator('article.card').count(), 0, 'its cards are hidden');
    await column(page, 'Won').click();
    await t.resolves(column(page, 'Won').locator('article.card').first().waitFor(), 'and unfolds with a click');

    // Opening a card hands it to the action manager (the form view, breadcrumbs).
    const id = (await leadBy('Standing desks'))!.id;
    await desk.click();
    await t.resolves(page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('button', { name: 'Leads' }).waitFor(), 'the breadcrumbs lead back to the kanban');
    t.match(await page.getByRole('navigation', { name: 'Breadcrumbs' }).textContent(), new RegExp(`#${id}|Standing desks`), 'the card opened is named in the breadcrumbs');
  });

  t.test('on a phone the columns scroll sideways', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    t.teardown(() => page.close());
    await logIn(page, server.url);
    await openKanban(page);
    const width = await column(page, 'New').evaluate((el) => el.getBoundingClientRect().width);
    t.ok(width > 300 && width <= 390, `a column takes most of the screen (${width}px)`);
    const board = page.locator('erp-kanban-view .board');
    t.ok(await board.evaluate((el) => el.scrollWidth > el.clientWidth), 'the board scrolls sideways');
    t.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'the page itself does not');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'kanban-phone.png') });
  });
}
