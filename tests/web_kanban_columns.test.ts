// The kanban's columns and cards as a salesperson rearranges a pipeline, in headless Chromium:
// add a stage as a column, rename it, delete it (and fail to delete a stage leads still use), no
// Edit/Delete when the columns are not records; reorder cards within a column (kept after a
// reload, through /web/dataset/resequence) and columns by their header; the activity clock on the
// cards, its popover, "Mark Done" and "Schedule an activity". Plus the resequence route's rights.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.ts';
import { logIn, grantAll } from './helpers/web.ts';
import { RpcClient, RpcError, testServer } from './helpers/http.ts';
import { TEST_ADDONS } from './helpers/db.ts';
import { ROOT } from './setup/state.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');

const KANBAN_ARCH = `<kanban default_group_by="stage_id">
  <field name="stage_id"/>
  <field name="activity_state"/>
  <progressbar field="activity_state" colors='{"planned": "success", "today": "warning", "overdue": "danger"}'/>
  <templates>
    <t t-name="kanban-box">
      <div class="oe_kanban_card">
        <strong class="o_kanban_record_title"><field name="name"/></strong>
        <div><field name="partner_id"/></div>
        <div class="o_kanban_record_bottom">
          <div class="oe_kanban_bottom_left"><field name="priority" widget="priority"/><field name="activity_ids" widget="kanban_activity"/></div>
          <div class="oe_kanban_bottom_right"><field name="user_id" widget="many2one_avatar_user"/></div>
        </div>
      </div>
    </t>
  </templates>
</kanban>`;

/** A date `days` from today (UTC, as the admin has no time zone), as the server writes dates. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const session = await launchBrowser();
const server = await testServer(t, { modules: ['test_kanban_activity', 'test_views'], addonsPaths: [path.join(TEST_ADDONS, 'test_kanban_activity')] });
const ids = await server.db.commit(async (root) => {
  const env = root.sudo();
  await grantAll(env, ['test.lead', 'test.stage', 'test.tag', 'test.line']);
  await env.model('ir.ui.view').write([await env.refId('test_views.test_lead_view_kanban')], { arch: KANBAN_ARCH });
  // A default that test.stage has (and test.lead has not): "Add a column" must pass it on.
  await env.model('ir.actions.act_window').write([await env.refId('test_views.action_test_leads')], { context: "{'default_priority': '1', 'default_is_won': True}" });
  const stage = { new: await env.refId('test_pipeline.stage_new'), qualified: await env.refId('test_pipeline.stage_qualified') };
  const [azure] = await env.model('res.partner').create([{ name: 'Azure Interior' }]);
  const leads = env.model('test.lead');
  const [alpha, bravo, charlie, overdue, quiet] = await leads.create([
    { name: 'Alpha', stage_id: stage.new, sequence: 1 },
    { name: 'Bravo', stage_id: stage.new, sequence: 2 },
    { name: 'Charlie', stage_id: stage.new, sequence: 3 },
    { name: 'Overdue deal', stage_id: stage.qualified, partner_id: azure, priority: '2', sequence: 1 },
    { name: 'Quiet deal', stage_id: stage.qualified, sequence: 2 },
  ]);
  const todo = await env.refId('mail.mail_activity_data_todo');
  const call = await env.refId('mail.mail_activity_data_call');
  const schedule = (id: number, options: Record<string, unknown>) => (leads as unknown as { activity_schedule(ids: number[], o: Record<string, unknown>): Promise<number[]> }).activity_schedule([id], options);
  const admin = await env.refId('base.user_admin');
  await schedule(overdue, { activity_type: todo, summary: 'Send the quote', date_deadline: day(-3), user_id: admin });
  await schedule(overdue, { activity_type: call, summary: 'Demo call', date_deadline: day(5), user_id: admin });
  const [{ name: adminName }] = await env.model('res.users').read([admin], ['name']);
  // Someone who may read leads (test_views) but not write them.
  const [viewer] = await env.model('res.users').create([{ name: 'Vera Viewer', login: 'viewer', password: 'viewer-pw', groups_id: [[6, 0, [await env.refId('base.group_user')]]] }]);
  return { stage, alpha, bravo, charlie, overdue, quiet, viewer, adminName: String(adminName) };
});

const read = (model: string, domain: unknown[], fields: string[]) => server.db.commit((env) => env.sudo().model(model).search_read(domain as never, fields, { order: 'id' }));
const stageOf = (rows: Array<Record<string, unknown>>) => (rows[0]?.stage_id as [number, string] | false | undefined || [0])[0];
const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 50 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  return check();
};

t.test('/web/dataset/resequence numbers records with the user\'s write rights; name_create', async (t) => {
  const viewer = new RpcClient(server.url);
  await viewer.authenticate(server.db.name, 'viewer', 'viewer-pw');
  const { alpha, bravo } = ids;
  t.same((await viewer.callKw('test.lead', 'read', [[alpha], ['name']]))[0].name, 'Alpha', 'the viewer reads leads');
  const refused = await viewer.call('/web/dataset/resequence', { model: 'test.lead', ids: [bravo, alpha] }).catch((error: RpcError) => error);
  t.type(refused, RpcError, 'without write rights the resequence is refused');
  t.equal((refused as RpcError).data.name, 'odoo.exceptions.AccessError', 'with an access error');
  t.same((await read('test.lead', [['id', 'in', [alpha, bravo]]], ['sequence'])).map((r) => r.sequence), [1, 2], 'and nothing changed');

  const admin = new RpcClient(server.url);
  await admin.authenticate(server.db.name);
  t.equal(await admin.call('/web/dataset/resequence', { model: 'test.lead', ids: [bravo, alpha], offset: 40 }), true, 'an administrator may');
  t.same((await read('test.lead', [['id', 'in', [alpha, bravo]]], ['name', 'sequence'])).map((r) => [r.name, r.sequence]), [['Alpha', 41], ['Bravo', 40]],
    'the records are numbered in the order given, from the offset');
  t.equal(await admin.call('/web/dataset/resequence', { model: 'test.tag', ids: [1] }), false, 'false when the model has no sequence (as Odoo)');
  t.equal(await admin.call('/web/dataset/resequence', { model: 'test.lead', ids: [alpha], field: 'name' }), false, 'or the field is no integer');
  await t.rejects(admin.call('/web/dataset/resequence', { model: 'test.lead', ids: ['x'] }), 'ids are checked');
  await admin.call('/web/dataset/resequence', { model: 'test.lead', ids: [alpha, bravo], offset: 1 });

  // name_create, which "Add a column" uses: the context's defaults fill the rest.
  const [lost, name] = await admin.callKw('test.stage', 'name_create', ['Lost'], { context: { default_sequence: 99 } });
  t.equal(name, 'Lost', 'name_create gives the id and display name');
  t.same((await read('test.stage', [['id', '=', lost]], ['name', 'sequence']))[0], { id: lost, name: 'Lost', sequence: 99 }, 'with the context\'s defaults');
  await admin.callKw('test.stage', 'unlink', [[lost]]);
  t.same((await read('test.lead', [['id', 'in', [alpha, bravo]]], ['sequence'])).map((r) => r.sequence), [1, 2]);
});

if ('missing' in session) {
  t.test('kanban columns and activities in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  mkdirSync(SCREENSHOTS, { recursive: true });

  const openKanban = async (page: Page) => {
    await page.getByRole('button', { name: 'Test Pipeline' }).click();
    await page.getByRole('heading', { name: 'Leads' }).waitFor();
    await page.getByRole('button', { name: 'Kanban', exact: true }).click();
    await page.locator('erp-kanban-view section.column').first().waitFor();
  };
  const columnNames = (page: Page) => page.locator('erp-kanban-view section.column').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));
  const column = (page: Page, name: string) => page.locator(`erp-kanban-view section.column[aria-label="${name}"]`);
  const card = (page: Page, name: string) => page.locator(`erp-kanban-view article.card[aria-label="${name}"]`);
  const cardNames = (page: Page, name: string) => column(page, name).locator('article.card').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));
  /** The element that has the focus, through the shadow roots. */
  const focused = (page: Page) => page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? { tag: el.tagName.toLowerCase(), label: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) } : null;
  });
  const stages = () => read('test.stage', [], ['name', 'is_won', 'sequence']);
  const settings = (col: Locator) => col.getByRole('button', { name: 'Column settings' });

  t.test('columns: add one, rename it, delete it, and a stage in use stays', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 800 } });
    t.teardown(() => page.close());
    await logIn(page, server.url);
    await openKanban(page);
    t.same(await columnNames(page), ['New', 'Qualified', 'Won']);

    // Add a column.
    await page.getByRole('button', { name: 'Add a column' }).click();
    const input = page.locator('erp-kanban-view .add-column').getByRole('textbox', { name: 'Stage' });
    t.same(await focused(page), { tag: 'input', label: 'Stage' }, 'the new column\'s name has the focus');
    await input.fill('Proposal');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'kanban-add-column.png') });
    await input.press('Enter');
    await t.resolves(column(page, 'Proposal').waitFor(), 'Enter shows the new column at once');
    t.same(await columnNames(page), ['New', 'Qualified', 'Won', 'Proposal'], 'after the others');
    t.equal(await column(page, 'Proposal').locator('.count').textContent(), '(0)', 'empty');
    const proposal = (await stages()).find((s) => s.name === 'Proposal');
    t.ok(proposal, 'the stage is created (name_create)');
    t.equal(proposal?.is_won, true, 'with the action\'s defaults that apply to stages');
    t.equal(await input.inputValue(), '', 'the input is ready for another one');
    await input.press('Escape');
    await t.resolves(page.locator('erp-kanban-view .add-column input').waitFor({ state: 'detached' }), 'Escape closes it');

    // A card can go to the new column.
    await card(page, 'Quiet deal').dragTo(column(page, 'Proposal').locator('.cards'));
    await t.resolves(column(page, 'Proposal').locator('article.card[aria-label="Quiet deal"]').waitFor(), 'a card moves into it');
    t.ok(await until(async () => stageOf(await read('test.lead', [['id', '=', ids.quiet]], ['stage_id'])) === proposal?.id));
    await card(page, 'Quiet deal').dragTo(column(page, 'Qualified').locator('.cards'));
    await column(page, 'Qualified').locator('article.card[aria-label="Quiet deal"]').waitFor();
    t.ok(await until(async () => stageOf(await read('test.lead', [['id', '=', ids.quiet]], ['stage_id'])) === ids.stage.qualified), 'and back');

    // Rename it from the cog menu.
    await settings(column(page, 'Proposal')).click();
    const menu = column(page, 'Proposal').getByRole('menu', { name: 'Column settings' });
    t.same(await menu.getByRole('menuitem').allTextContents(), ['Fold', 'Edit', 'Delete'], 'the cog menu: Fold, Edit, Delete');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'kanban-column-menu.png') });
    await menu.getByRole('menuitem', { name: 'Edit' }).click();
    const rename = column(page, 'Proposal').getByRole('textbox', { name: 'Column name' });
    t.equal(await rename.inputValue(), 'Proposal', 'Edit turns the title into an input');
    await rename.fill('Negotiation');
    await rename.press('Enter');
    await t.resolves(column(page, 'Negotiation').locator('h2', { hasText: 'Negotiation' }).waitFor(), 'Enter renames the column');
    t.ok(await until(async () => (await stages()).some((s) => s.id === proposal?.id && s.name === 'Negotiation')), 'and the stage');
    t.same(await focused(page), { tag: 'button', label: 'Column settings' }, 'the focus is back on the cog');
    await settings(column(page, 'Negotiation')).click();
    await column(page, 'Negotiation').getByRole('menuitem', { name: 'Edit' }).click();
    await column(page, 'Negotiation').getByRole('textbox', { name: 'Column name' }).fill('Never kept');
    await column(page, 'Negotiation').getByRole('textbox', { name: 'Column name' }).press('Escape');
    await t.resolves(column(page, 'Negotiation').locator('h2').waitFor(), 'Escape keeps the name');
    t.notOk((await stages()).some((s) => s.name === 'Never kept'));

    // Delete the empty column: confirmed, then gone.
    await settings(column(page, 'Negotiation')).click();
    await column(page, 'Negotiation').getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirmation' });
    await t.resolves(dialog.waitFor(), 'Delete asks first');
    t.match(await dialog.textContent(), /Are you sure that you want to remove this column\?/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    t.ok(await column(page, 'Negotiation').isVisible(), 'Cancel keeps it');
    await settings(column(page, 'Negotiation')).click();
    await column(page, 'Negotiation').getByRole('menuitem', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Ok' }).click();
    await t.resolves(column(page, 'Negotiation').waitFor({ state: 'detached' }), 'Ok deletes the column');
    t.notOk((await stages()).some((s) => s.id === proposal?.id), 'and the stage');

    // A stage that leads use: the server refuses, the column stays.
    await settings(column(page, 'New')).click();
    await column(page, 'New').getByRole('menuitem', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Ok' }).click();
    const alert = page.locator('erp-kanban-view').getByRole('alert');
    await t.resolves(alert.filter({ hasText: /cannot be deleted because other records refer to it/ }).waitFor(), 'the server\'s message is shown');
    t.match(await alert.textContent(), /Could not delete the column/);
    t.same(await columnNames(page), ['New', 'Qualified', 'Won'], 'the column stays');
    t.equal(await column(page, 'New').locator('article.card').count(), 4, 'with its cards');
    t.ok((await stages()).some((s) => s.id === ids.stage.new));

    // Grouped by a selection, columns are no records: Fold only, no "Add a column".
    await page.getByRole('button', { name: 'Toggle search panel' }).click();
    await page.getByLabel('Add Custom Group').selectOption('priority');
    await t.resolves(column(page, 'High').waitFor(), 'grouped by priority');
    await page.getByRole('button', { name: 'Toggle search panel' }).click();
    await settings(column(page, 'High')).click();
    t.same(await column(page, 'High').getByRole('menuitem').allTextContents(), ['Fold'], 'no Edit or Delete');
    t.equal(await page.getByRole('button', { name: 'Add a column' }).count(), 0, 'no "Add a column"');
  });

  t.test('cards: reordered within a column, kept after a reload; columns by their header', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 800 } });
    t.teardown(() => page.close());
    await logIn(page, server.url);
    await openKanban(page);
    t.same(await cardNames(page, 'New'), ['Alpha', 'Bravo', 'Charlie', 'Seeded lead'], 'in the order of their sequence');

    // Charlie onto the top half of Alpha: before it.
    const alpha = await card(page, 'Alpha').boundingBox();
    await card(page, 'Charlie').dragTo(card(page, 'Alpha'), { targetPosition: { x: alpha!.width / 2, y: 4 } });
    t.same(await cardNames(page, 'New'), ['Charlie', 'Alpha', 'Bravo', 'Seeded lead'], 'Charlie is now first');
    const order = async () => (await read('test.lead', [['stage_id', '=', ids.stage.new]], ['name', 'sequence']))
      .sort((a, b) => Number(a.sequence) - Number(b.sequence) || a.id - b.id).map((r) => r.name);
    t.ok(await until(async () => (await order())[0] === 'Charlie'), 'the sequence is written');
    t.same(await order(), ['Charlie', 'Alpha', 'Bravo', 'Seeded lead'], 'for the whole column');

    // Alpha onto the bottom half of Seeded lead: last.
    const seeded = await card(page, 'Seeded lead').boundingBox();
    await card(page, 'Alpha').dragTo(card(page, 'Seeded lead'), { targetPosition: { x: seeded!.width / 2, y: seeded!.height - 4 } });
    t.same(await cardNames(page, 'New'), ['Charlie', 'Bravo', 'Seeded lead', 'Alpha'], 'Alpha is now last');
    t.ok(await until(async () => (await order()).at(-1) === 'Alpha'));

    await page.reload();
    await openKanban(page);
    t.same(await cardNames(page, 'New'), ['Charlie', 'Bravo', 'Seeded lead', 'Alpha'], 'the order survives a reload');

    // A card dropped into another column lands where it is dropped.
    const overdue = await card(page, 'Overdue deal').boundingBox();
    await card(page, 'Bravo').dragTo(card(page, 'Overdue deal'), { targetPosition: { x: overdue!.width / 2, y: overdue!.height - 4 } });
    t.same(await cardNames(page, 'Qualified'), ['Overdue deal', 'Bravo', 'Quiet deal'], 'between the two cards of Qualified');
    t.ok(await until(async () => (await read('test.lead', [['stage_id', '=', ids.stage.qualified]], ['name', 'sequence']))
      .sort((a, b) => Number(a.sequence) - Number(b.sequence)).map((r) => r.name).join() === 'Overdue deal,Bravo,Quiet deal'), 'and stays there');

    // Columns by their header (test.stage has a sequence).
    const header = (name: string) => column(page, name).locator('header.grab');
    await header('Won').dragTo(header('New'), { targetPosition: { x: 10, y: 10 } });
    t.same(await columnNames(page), ['Won', 'New', 'Qualified'], 'Won dragged before New');
    t.ok(await until(async () => (await stages()).sort((a, b) => Number(a.sequence) - Number(b.sequence))[0].name === 'Won'), 'the stages\' sequence is written');
    await page.reload();
    await openKanban(page);
    t.same(await columnNames(page), ['Won', 'New', 'Qualified'], 'kept after a reload');
    await header('Won').dragTo(header('Qualified'), { targetPosition: { x: 280, y: 10 } });
    t.same(await columnNames(page), ['New', 'Qualified', 'Won'], 'and back at the end');
  });

  t.test('the activity clock: popover, Mark Done, Schedule an activity', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 800 } });
    t.teardown(() => page.close());
    await logIn(page, server.url);
    await openKanban(page);
    const qualified = column(page, 'Qualified');
    const deal = card(page, 'Overdue deal');
    const clock = deal.getByRole('button', { name: /^Activities:/ });
    const color = (l: Locator) => l.evaluate((el) => getComputedStyle(el).color);

    t.equal(await clock.getAttribute('aria-label'), 'Activities: Overdue', 'the clock tells the most urgent state');
    t.equal(await color(clock), 'rgb(220, 38, 38)', 'in red');
    const quietClock = card(page, 'Quiet deal').getByRole('button', { name: /^Activities:/ });
    t.equal(await quietClock.getAttribute('aria-label'), 'Activities: No activity');
    t.equal(await color(quietClock), 'rgb(156, 163, 175)', 'grey without activity');
    t.equal(await qualified.locator('.bar span[data-value="overdue"]').getAttribute('title'), 'Overdue: 1', 'the progressbar counts the overdue card');

    // The popover.
    await clock.click();
    const popover = deal.getByRole('dialog', { name: 'Activities' });
    await t.resolves(popover.getByText('Send the quote').waitFor(), 'a click opens the record\'s activities');
    t.same(await popover.locator('h3').allTextContents(), ['Overdue (1)', 'Planned (1)'], 'by urgency');
    const late = popover.getByRole('listitem').filter({ hasText: 'Send the quote' });
    t.match(await late.textContent(), /To-Do/, 'with the type');
    t.match(await late.textContent(), /Due /, 'the due date');
    t.match(await late.textContent(), ids.adminName, 'and who it is assigned to');
    t.equal(await late.getAttribute('data-state'), 'overdue');
    t.ok(await deal.isVisible(), 'the card did not open');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'kanban-activity-popover.png') });

    // Mark the overdue one done: the clock turns green, the bar follows, the focus is on the card.
    await late.getByRole('button', { name: 'Mark Done' }).click();
    await t.resolves(popover.waitFor({ state: 'hidden' }), 'the popover closes');
    await t.resolves(deal.getByRole('button', { name: 'Activities: Planned' }).waitFor(), 'the card\'s state follows');
    t.equal(await color(clock), 'rgb(22, 163, 74)', 'in green');
    t.equal(await qualified.locator('.bar span[data-value="overdue"]').count(), 0, 'no overdue segment left');
    t.equal(await qualified.locator('.bar span[data-value="planned"]').getAttribute('title'), 'Planned: 1', 'one planned');
    t.same(await focused(page), { tag: 'article', label: 'Overdue deal' }, 'the focus is back on the card');
    const left = await read('mail.activity', [['res_model', '=', 'test.lead'], ['res_id', '=', ids.overdue]], ['summary']);
    t.same(left.map((a) => a.summary), ['Demo call'], 'the activity is done (gone)');
    const done = await read('mail.message', [['res_model', '=', 'test.lead'], ['res_id', '=', ids.overdue]], ['body']);
    t.match(done.at(-1)?.body, /To-Do done: Send the quote/, 'and logged on the lead');

    // Schedule one from the popover of a card without activity.
    await quietClock.click();
    const quietPopover = card(page, 'Quiet deal').getByRole('dialog', { name: 'Activities' });
    await t.resolves(quietPopover.getByText('No activity yet.').waitFor());
    await quietPopover.getByRole('button', { name: 'Schedule an activity' }).click();
    const scheduleDialog = page.getByRole('dialog', { name: 'Schedule an activity' });
    await t.resolves(scheduleDialog.waitFor(), 'the schedule dialog opens');
    t.ok(await quietPopover.isHidden(), 'in place of the popover');
    await scheduleDialog.getByLabel('Activity type').selectOption({ label: 'Call' });
    await scheduleDialog.getByLabel('Summary').fill('Call back');
    const localToday = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    t.equal(await scheduleDialog.getByLabel('Due date').inputValue(), localToday, 'due today by default');
    // The admin has no time zone: "today" is the UTC day for the server.
    await scheduleDialog.getByLabel('Due date').fill(day(0));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'kanban-activity-schedule.png') });
    await scheduleDialog.getByRole('button', { name: 'Schedule' }).click();
    await t.resolves(scheduleDialog.waitFor({ state: 'hidden' }), 'the dialog closes');
    await t.resolves(card(page, 'Quiet deal').getByRole('button', { name: 'Activities: Today' }).waitFor(), 'the clock shows the new activity');
    t.equal(await color(quietClock), 'rgb(229, 154, 11)', 'in orange');
    t.equal(await qualified.locator('.bar span[data-value="today"]').getAttribute('title'), 'Today: 1', 'the bar counts it');
    t.same(await focused(page), { tag: 'article', label: 'Quiet deal' }, 'the focus is back on the card');
    const scheduled = await read('mail.activity', [['res_model', '=', 'test.lead'], ['res_id', '=', ids.quiet]], ['summary', 'date_deadline', 'activity_type_id']);
    t.same(scheduled.map((a) => [a.summary, String(a.date_deadline).slice(0, 10), (a.activity_type_id as [number, string])[1]]), [['Call back', day(0), 'Call']], 'the activity is scheduled');

    // Escape closes the popover and gives the focus back to the clock.
    await clock.click();
    await popover.getByText('Demo call').waitFor();
    await page.keyboard.press('Escape');
    await t.resolves(popover.waitFor({ state: 'hidden' }));
    t.same(await focused(page), { tag: 'button', label: 'Activities: Planned' }, 'Escape gives the focus back to the clock');
  });
}
