// CRM > Reporting in headless Chromium, as a sales manager uses it: the pipeline analysis as a
// pivot (stages by month of creation) then a chart, the activities analysis (done and planned,
// by type and state), won/lost with the lost opportunities, and the forecast: a kanban by month
// of expected closing with every month from this one on, each column with its count and prorated
// total; a card dragged to another month gets that month's first day as expected closing. Then
// the teams' forecast against their target, in a list and on the team dashboard.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../../tests/helpers/browser.ts';
import { logIn } from '../../../tests/helpers/web.ts';
import { testServer } from '../../../tests/helpers/http.ts';
import { ROOT } from '../../../tests/setup/state.ts';
import type { Model } from '../../../core/models/model.ts';
import type { CrmLead } from '../models/lead.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');

type Activities = Model & { activity_schedule(ids: number[], options: Record<string, unknown>): Promise<number[]> };
type Feedback = Model & { action_feedback(ids: number[], feedback?: string): Promise<number | false> };

// The browser's "today" decides the forecast's months: the machine's clock, as the server's.
const now = new Date();
const monthStart = (n: number) => new Date(Date.UTC(now.getFullYear(), now.getMonth() + n, 1)).toISOString().slice(0, 10);
const monthLabel = (n: number) => new Date(`${monthStart(n)}T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const day = (n: number) => new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + n)).toISOString().slice(0, 10);

const session = await launchBrowser();
if ('missing' in session) {
  t.test('CRM reporting in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  const server = await testServer(t, { modules: ['crm'] });
  const ids = await server.db.commit(async (root) => {
    const env = root.sudo();
    const admin = await env.refId('base.user_admin');
    const sales = await env.refId('crm.team_sales_department');
    const stage = (n: number) => env.refId(`crm.stage_lead${n}`);
    await env.model('crm.team').write(sales, { invoiced_target: 40000 });
    const marc = await env.model('res.users').create({ name: 'Marc Demo', login: 'marc', groups_id: [[6, 0, [await env.refId('crm.group_sale_salesman')]]] });
    const europe = await env.model('crm.team').create({ name: 'Europe', user_id: marc, invoiced_target: 25000 });
    const [azure, deco] = await env.model('res.partner').create([{ name: 'Azure Interior', is_company: true }, { name: 'Deco Addict', is_company: true }]);
    const leads = env.withUser(admin).model<CrmLead & Activities>('crm.lead');
    const base = { type: 'opportunity', user_id: admin, team_id: sales };
    const [chairs, desks, lobby, sofas, lamps] = await leads.create([
      { ...base, name: 'Office chairs', partner_id: azure, stage_id: await stage(1), expected_revenue: 12000, probability: 20, date_deadline: day(0) },
      { ...base, name: 'Open space desks', partner_id: deco, stage_id: await stage(2), expected_revenue: 24000, probability: 50, date_deadline: monthStart(1) },
      { ...base, name: 'Hotel lobby', stage_id: await stage(3), expected_revenue: 30000, probability: 70, user_id: marc, team_id: europe, date_deadline: day(0) },
      { ...base, name: 'Lounge sofas', partner_id: azure, stage_id: await stage(4), expected_revenue: 9000 },
      { ...base, name: 'Reading lamps', partner_id: deco, stage_id: await stage(2), expected_revenue: 4000, probability: 30 },
    ]);
    await leads.action_set_lost([lamps], { lost_reason_id: await env.refId('crm.lost_reason_1') });
    await env.cr.execute(`UPDATE crm_lead SET create_date = v.d::timestamp FROM unnest($1::int4[], $2::text[]) AS v(i, d) WHERE crm_lead.id = v.i`,
      [[chairs, desks, lobby, sofas, lamps], ['2024-01-10 09:00:00', '2024-01-20 09:00:00', '2024-02-05 09:00:00', '2024-02-15 09:00:00', '2024-02-20 09:00:00']]);
    await leads.activity_schedule([chairs], { activity_type: 'mail.mail_activity_data_call', summary: 'Call about the fabric', date_deadline: day(-3), user_id: admin });
    await leads.activity_schedule([desks], { activity_type: 'mail.mail_activity_data_email', summary: 'Send the quote', date_deadline: day(4), user_id: admin });
    const [meeting] = await leads.activity_schedule([lobby], { activity_type: 'mail.mail_activity_data_meeting', summary: 'Visit the site', date_deadline: day(-1), user_id: admin });
    await env.withUser(admin).model<Feedback>('mail.activity').action_feedback([meeting], 'Measured the lobby');
    return { desks };
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  const crumbs = (page: Page) => page.getByRole('navigation', { name: 'Breadcrumbs' });
  const openReport = async (page: Page, item: string, screenshot?: string) => {
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Reporting' }).click();
    const entry = page.getByRole('menu', { name: 'Reporting' }).getByRole('menuitem', { name: item, exact: true });
    await entry.waitFor();
    if (screenshot) await page.screenshot({ path: path.join(SCREENSHOTS, screenshot) });
    await entry.click();
  };
  const switchTo = (page: Page, label: string) => page.locator('.switcher button', { hasText: label }).click();
  const rowsOf = (page: Page) => page.locator('erp-pivot-view tbody tr:not([data-path="[]"])').evaluateAll((rows) =>
    rows.map((r) => [r.querySelector('th .label')!.textContent!.trim(), ...[...r.querySelectorAll('td')].map((c) => c.textContent!.trim())]));

  t.test('Reporting: pipeline, activities, won/lost, forecast and forecast vs target', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1360, height: 860 } });
    t.teardown(() => page.close());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await logIn(page, server.url);
    await page.getByRole('button', { name: 'CRM' }).click();
    await page.locator('erp-kanban-view section.column').first().waitFor();

    // Pipeline: a pivot of the active opportunities, stages by month of creation.
    await openReport(page, 'Pipeline', 'crm-report-menu.png');
    t.same(await page.getByRole('menu', { name: 'Reporting' }).count(), 0, 'the menu closes');
    await crumbs(page).getByRole('heading', { name: 'Pipeline Analysis' }).waitFor();
    const pivot = page.locator('erp-pivot-view');
    await pivot.locator('tbody tr[data-path="[]"]').waitFor();
    await pivot.locator('thead th', { hasText: 'February 2024' }).first().waitFor();
    const rows = await rowsOf(page);
    t.same(rows.map((r) => r[0]), ['New', 'Qualified', 'Proposition', 'Won'], 'rows by stage (the lost opportunity is not in the active pipeline)');
    t.match(await pivot.locator('thead').innerText(), /January 2024[\s\S]*February 2024/, 'columns by month of creation');
    t.match(await pivot.locator('thead').innerText(), /Count[\s\S]*Expected Revenue/, 'count and expected revenue measured');
    const totals = () => pivot.locator('tbody tr[data-path="[]"]').evaluate((r) => [...r.querySelectorAll('td.total')].map((c) => c.textContent!.trim()));
    t.same(await totals(), ['4', '75,000.00'], 'the totals: 4 opportunities, 75,000 expected');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-report-pipeline.png') });
    // More measures: the prorated revenue, and the probability, averaged rather than summed.
    await pivot.getByRole('button', { name: /Measures/ }).click();
    for (const measure of ['Prorated Revenue', 'Probability']) {
      await pivot.getByRole('menuitemcheckbox', { name: measure, exact: true }).click();
      await pivot.locator('thead th', { hasText: measure }).first().waitFor();
    }
    await pivot.getByRole('button', { name: /Measures/ }).click();
    await t.resolveMatch(waitFor(async () => (await totals()).length === 4), true);
    t.same(await totals(), ['4', '75,000.00', '44,400.00', '60.00'], 'prorated: 44,400; probability: the average of 20, 50, 70 and 100');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-report-pipeline-measures.png') });

    // The same as a chart.
    await switchTo(page, 'Graph');
    const graph = page.locator('erp-graph-view');
    await graph.locator('canvas').waitFor();
    t.match(await graph.getByRole('button', { name: /Measure/ }).innerText(), /Expected Revenue/, 'the chart measures the expected revenue');
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-report-pipeline-graph.png') });

    // Activities: done and planned, by type and state.
    await openReport(page, 'Activities');
    await crumbs(page).getByRole('heading', { name: 'Activities Analysis' }).waitFor();
    await page.locator('erp-graph-view canvas').waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-report-activities-graph.png') });
    await switchTo(page, 'Pivot');
    await pivot.locator('tbody tr[data-path="[]"]').waitFor();
    await pivot.locator('thead th', { hasText: 'Overdue' }).first().waitFor();
    const activities = await rowsOf(page);
    t.same(activities.map((r) => r[0]).sort(), ['Call', 'Email', 'Meeting'], 'rows by activity type');
    t.match(await pivot.locator('thead').innerText(), /Overdue[\s\S]*Planned[\s\S]*Done|Done[\s\S]*Overdue/, 'columns by state, done included');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-report-activities.png') });
    await switchTo(page, 'List');
    const list = page.locator('erp-list-view');
    await list.locator('table').getByText('Call about the fabric').waitFor();
    const lines = await list.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    t.ok(lines.some((l) => /Overdue Call Call about the fabric Office chairs/.test(l)), `the overdue call, with its opportunity (${lines.join(' | ')})`);
    t.ok(lines.some((l) => /Done Meeting Meeting done: Visit the site Hotel lobby/.test(l)), 'the meeting done, summed up by its message');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-report-activities-list.png') });

    // Won/Lost: the lost opportunity is there, with its reason.
    await openReport(page, 'Won/Lost');
    await crumbs(page).getByRole('heading', { name: 'Won/Lost Analysis' }).waitFor();
    await pivot.locator('thead th', { hasText: 'Too expensive' }).first().waitFor();
    const wonLost = await rowsOf(page);
    t.same(wonLost.map((r) => r[0]).sort(), ['Lost', 'Won'], 'a row for won and one for lost');
    t.ok(wonLost.some((r) => r[0] === 'Lost' && r.includes('4,000.00')), 'the lost one (archived) with its expected revenue');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-report-won-lost.png') });

    // Forecast: a kanban by month of expected closing, from this month on, every month shown.
    await openReport(page, 'Forecast');
    await crumbs(page).getByRole('heading', { name: 'Forecast' }).waitFor();
    const column = (label: string) => page.locator(`erp-kanban-view section.column[aria-label="${label}"]`);
    await column(monthLabel(0)).waitFor();
    const labels = await page.locator('erp-kanban-view section.column').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));
    t.same(labels, [monthLabel(0), monthLabel(1), monthLabel(2), monthLabel(3)], 'four months from this one, the empty ones included');
    t.equal(await column(monthLabel(0)).locator('.count').textContent(), '(2)', 'this month: two opportunities');
    t.match(await column(monthLabel(0)).locator('.sum').innerText(), /23,400/, 'and their prorated revenue (2,400 + 21,000)');
    t.match(await column(monthLabel(1)).locator('.sum').innerText(), /12,000/, 'next month: 12,000 prorated');
    t.equal(await column(monthLabel(2)).locator('.count').textContent(), '(0)', 'an empty month');
    t.notOk(await page.locator('erp-kanban-view article.card[aria-label="Lounge sofas"]').count(), 'won deals and deals without a date are not forecast');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-report-forecast.png') });

    // Drag the desks to the month after next: the expected closing becomes its first day.
    const desks = page.locator('erp-kanban-view article.card[aria-label="Open space desks"]');
    await desks.dragTo(column(monthLabel(2)).locator('.cards'));
    await column(monthLabel(2)).locator('article.card[aria-label="Open space desks"]').waitFor();
    await t.resolveMatch(waitFor(async () => (await server.db.commit((env) => env.model('crm.lead').read(ids.desks, ['date_deadline'])))[0].date_deadline === monthStart(2)), true,
      'the moved card is written with the first day of its new month');
    t.equal(await column(monthLabel(2)).locator('.count').textContent(), '(1)', 'the month counts it');
    t.match(await column(monthLabel(2)).locator('.sum').innerText(), /12,000/, 'and its prorated revenue');
    t.equal(await column(monthLabel(1)).locator('.count').textContent(), '(0)', 'the month it left is empty');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-report-forecast-moved.png') });

    // Forecast vs Target: each team's prorated revenue this month, next to its target.
    await openReport(page, 'Forecast vs Target');
    await crumbs(page).getByRole('heading', { name: 'Forecast vs Target' }).waitFor();
    await list.getByText('Europe').waitFor();
    const teams = await list.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    t.ok(teams.some((r) => /Sales.*2,400\.00.*40,000\.00/.test(r)), `Sales: 2,400 forecast for a 40,000 target (${teams.join(' | ')})`);
    t.ok(teams.some((r) => /Europe.*21,000\.00.*25,000\.00/.test(r)), 'Europe: 21,000 for 25,000');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-report-forecast-target.png') });

    // The team dashboard shows the same forecast on each team's card, above its target.
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Sales' }).click();
    await page.getByRole('menu', { name: 'Sales' }).getByRole('menuitem', { name: 'Teams' }).click();
    const salesCard = page.locator('erp-kanban-view article.card[aria-label="Sales"]');
    await salesCard.waitFor();
    t.match((await salesCard.locator('.line[data-field="forecast_prorated_revenue"]').innerText()).replace(/\s+/g, ' '), /Forecast This Month \$ ?2,400/, 'the Sales card: this month\'s forecast');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-report-team-dashboard.png') });

    t.same(errors, [], 'no error in the page');
  });
}

/** Polls `check` until it holds (the write follows the drop asynchronously). */
async function waitFor(check: () => Promise<boolean>, timeout = 5000): Promise<boolean> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}
