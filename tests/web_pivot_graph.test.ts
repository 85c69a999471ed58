// The pivot and graph views in headless Chromium: totals equal to the data, a header expanded by
// another field, axes flipped, measures switched, the table downloaded as .xlsx (read back with
// exceljs); a bar chart with one bar per stage, then a pie.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import type { Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.ts';
import { logIn, grantAll } from './helpers/web.ts';
import { RpcClient, testServer } from './helpers/http.ts';
import { ROOT } from './setup/state.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');

/** A property of the first element with this tag, searched through every shadow root. */
async function prop(page: Page, tag: string, expression: string): Promise<any> {
  return page.evaluate(([tag, expression]) => {
    const find = (root: Document | ShadowRoot): Element | null => {
      const hit = root.querySelector(tag);
      if (hit) return hit;
      for (const el of root.querySelectorAll('*')) {
        const found = el.shadowRoot ? find(el.shadowRoot) : null;
        if (found) return found;
      }
      return null;
    };
    const el = find(document) as any;
    // eslint-disable-next-line no-new-func
    return el ? new Function('el', `return (${expression});`)(el) : undefined;
  }, [tag, expression] as const);
}

const session = await launchBrowser();
if ('missing' in session) {
  t.test('pivot and graph views in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  const server = await testServer(t, { modules: ['test_views'] });
  await server.db.commit(async (env) => {
    const ref = (xmlid: string) => env.refId(xmlid);
    const [newStage, qualified, won] = [await ref('test_pipeline.stage_new'), await ref('test_pipeline.stage_qualified'), await ref('test_pipeline.stage_won')];
    await grantAll(env, ['test.lead', 'test.stage']);
    const leads = env.model('test.lead').sudo();
    await leads.unlink(await leads.search([]));
    await leads.create([
      { name: 'A', stage_id: newStage, expected_revenue: 1000, date_deadline: '2024-01-10', priority: '0' },
      { name: 'B', stage_id: newStage, expected_revenue: 2000, date_deadline: '2024-02-05', priority: '2' },
      { name: 'C', stage_id: qualified, expected_revenue: 500, date_deadline: '2024-01-20', priority: '1' },
      { name: 'D', stage_id: qualified, expected_revenue: 1500, date_deadline: '2024-03-02', priority: '2' },
      { name: 'E', stage_id: qualified, expected_revenue: 2500, date_deadline: '2024-03-28', priority: '2' },
      { name: 'F', stage_id: won, expected_revenue: 4000, date_deadline: '2024-02-14', priority: '3' },
    ]);
    const views = env.model('ir.ui.view').sudo();
    await views.create({ name: 'test.lead.pivot', model: 'test.lead', type: 'pivot', arch:
      '<pivot string="Revenue"><field name="stage_id" type="row"/><field name="date_deadline" interval="month" type="col"/><field name="expected_revenue" type="measure"/></pivot>' });
    await views.create({ name: 'test.lead.graph', model: 'test.lead', type: 'graph', arch:
      '<graph string="Revenue"><field name="stage_id"/><field name="expected_revenue" type="measure"/></graph>' });
    const action = await env.model('ir.actions.act_window').sudo().create({ name: 'Revenue Analysis', res_model: 'test.lead', view_mode: 'pivot,graph' });
    const root = await env.model('ir.ui.menu').sudo().create({ name: 'Revenue', sequence: 90 });
    await env.model('ir.ui.menu').sudo().create({ name: 'Analysis', parent_id: root, action: `ir.actions.act_window,${action}` });
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  t.test('pivot: totals, expand a header, flip axes, switch measures; graph: bars, then a pie', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    t.teardown(() => page.close());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await logIn(page, server.url);
    await page.getByRole('button', { name: 'Revenue' }).click();
    await page.getByRole('heading', { name: 'Revenue Analysis' }).waitFor();

    // ---- pivot ----
    const pivot = page.locator('erp-pivot-view');
    const grand = pivot.locator('tbody tr[data-path="[]"] td.total');
    await grand.waitFor();
    t.equal(await grand.textContent(), '11,500.00', 'the grand total is the sum of the seeded revenues');
    const byStage = await pivot.locator('tbody tr:not([data-path="[]"])').evaluateAll((rows) => rows.map((r) => [r.querySelector('th .label')!.textContent, r.querySelector('td.total')!.textContent]));
    t.same(byStage, [['New', '3,000.00'], ['Qualified', '4,500.00'], ['Won', '4,000.00']], 'one row per stage (in stage order) with its total');
    const months = await pivot.locator('thead th.header .label').allTextContents();
    t.same(months, ['Total', 'January 2024', 'February 2024', 'March 2024'], 'columns: the months of the deadlines');
    const monthTotals = await pivot.locator('tbody tr[data-path="[]"] td').allTextContents();
    t.same(monthTotals, ['1,500.00', '6,000.00', '4,000.00', '11,500.00'], 'totals per column, and the grand total');
    t.equal(await prop(page, 'erp-pivot-view', 'el.data.calls'), 4, 'one read_group per pair of levels (2 row levels x 2 column levels)');

    // Expand "Qualified" by priority: a menu of groupable fields, one more level.
    await pivot.locator('tbody th.header', { hasText: 'Qualified' }).click();
    const menu = pivot.getByRole('menu', { name: 'Group by' });
    await menu.waitFor();
    await menu.getByRole('menuitem', { name: 'Priority' }).click();
    await pivot.locator('tbody th.header', { hasText: 'Very High' }).or(pivot.locator('tbody th.header', { hasText: 'High' })).first().waitFor();
    const expanded = await pivot.locator('tbody tr').evaluateAll((rows) => rows.map((r) => `${JSON.parse(r.getAttribute('data-path')!).length}:${r.querySelector('th .label')!.textContent}=${r.querySelector('td.total')!.textContent}`));
    t.same(expanded, ['0:Total=11,500.00', '1:New=3,000.00', '1:Qualified=4,500.00', '2:Medium=500.00', '2:High=4,000.00', '1:Won=4,000.00'],
      'Qualified opens on its priorities, with their sums');
    t.equal(await prop(page, 'erp-pivot-view', 'el.data.calls'), 6, 'expanding costs one read_group per column level, not one per cell');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pivot.png') });

    // Collapse it again.
    await pivot.locator('tbody th.header', { hasText: 'Qualified' }).click();
    t.equal(await pivot.locator('tbody tr').count(), 4, 'a click on an open header closes it');

    // Flip axes: stages become columns, months rows.
    await pivot.getByRole('button', { name: 'Flip axis' }).click();
    const cols = (await pivot.locator('thead th.header .label').allTextContents());
    t.same(cols, ['Total', 'New', 'Qualified', 'Won'], 'after the flip, the stages are the columns');
    const rows = (await pivot.locator('tbody th.header .label').allTextContents());
    t.same(rows, ['Total', 'January 2024', 'February 2024', 'March 2024'], 'and the months the rows');
    t.equal(await grand.textContent(), '11,500.00', 'the grand total does not move');

    // Switch measures: add Count, remove Expected Revenue.
    await pivot.getByRole('button', { name: /Measures/ }).click();
    await pivot.getByRole('menuitemcheckbox', { name: 'Count' }).click();
    await pivot.locator('thead th.measure', { hasText: 'Count' }).first().waitFor();
    await pivot.getByRole('menuitemcheckbox', { name: 'Expected revenue' }).click();
    await t.resolves(page.waitForFunction(() => {
      const find = (root: Document | ShadowRoot): Element | null => root.querySelector('erp-pivot-view')
        ?? [...root.querySelectorAll('*')].map((el) => (el.shadowRoot ? find(el.shadowRoot) : null)).find(Boolean) ?? null;
      const cells = find(document)?.shadowRoot?.querySelectorAll('tbody tr[data-path="[]"] td');
      return cells && [...cells].map((c) => c.textContent).join('|') === '2|3|1|6';
    }), 'with Count alone, the totals count the leads (per stage column, and 6 in all)');
    t.same(await pivot.locator('thead th.measure').allTextContents(), ['Count', 'Count', 'Count', 'Count'], 'one measure column per header');

    // Collapse all, expand all.
    await pivot.getByRole('button', { name: 'Collapse all' }).click();
    t.equal(await pivot.locator('tbody tr').count(), 1, 'collapse all: the Total row alone');
    await pivot.getByRole('button', { name: 'Expand all' }).click();
    await pivot.locator('tbody tr').nth(3).waitFor();
    t.equal(await pivot.locator('tbody tr').count(), 4, 'expand all: back to the months');
    const exported = await prop(page, 'erp-pivot-view', 'el.exportTable()');
    t.same(exported.rows[1], { title: 'January 2024', indent: 1, values: [1, 1, null, 2].map((value, i) => ({ value, is_bold: i === 3 })) },
      'the table to download holds the rows as shown');

    // ---- graph ----
    await page.locator('erp-action .switcher button', { hasText: 'Graph' }).click();
    const graph = page.locator('erp-graph-view');
    await graph.locator('canvas').waitFor();
    await t.resolves(page.waitForFunction(() => {
      const find = (root: Document | ShadowRoot): any => root.querySelector('erp-graph-view')
        ?? [...root.querySelectorAll('*')].map((el) => (el.shadowRoot ? find(el.shadowRoot) : null)).find(Boolean) ?? null;
      return find(document)?.chart?.getDatasetMeta(0)?.data?.length === 3;
    }), 'the chart is drawn');
    const data = await prop(page, 'erp-graph-view', 'el.chartData');
    t.same(data, { type: 'bar', stacked: true, measure: 'expected_revenue', labels: ['New', 'Qualified', 'Won'], datasets: [{ label: 'Expected revenue', data: [3000, 4500, 4000] }] },
      'one bar per stage, its height the stage\'s revenue');
    t.equal(await prop(page, 'erp-graph-view', 'el.chart.getDatasetMeta(0).data.length'), 3, 'three bars on the canvas');
    t.ok(await prop(page, 'erp-graph-view', '(() => { const c = el.shadowRoot.querySelector("canvas"); const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data; for (let i = 3; i < d.length; i += 4) if (d[i]) return true; return false; })()'),
      'the canvas has pixels drawn');
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'graph.png') });

    // Count instead of revenue, then a pie.
    await graph.getByRole('button', { name: /Measure/ }).click();
    await graph.getByRole('menuitemradio', { name: 'Count' }).click();
    await t.resolves(page.waitForFunction(() => {
      const find = (root: Document | ShadowRoot): any => root.querySelector('erp-graph-view')
        ?? [...root.querySelectorAll('*')].map((el) => (el.shadowRoot ? find(el.shadowRoot) : null)).find(Boolean) ?? null;
      return JSON.stringify(find(document)?.chartData?.datasets?.[0]?.data) === '[2,3,1]';
    }), 'the measure switches to Count');
    await graph.getByRole('button', { name: 'Pie' }).click();
    await t.resolves(page.waitForFunction(() => {
      const find = (root: Document | ShadowRoot): any => root.querySelector('erp-graph-view')
        ?? [...root.querySelectorAll('*')].map((el) => (el.shadowRoot ? find(el.shadowRoot) : null)).find(Boolean) ?? null;
      const chart = find(document)?.chart;
      return chart?.config.type === 'pie' && chart.getDatasetMeta(0).data.length === 3;
    }), 'a pie with one slice per stage');
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'graph_pie.png') });
    // Two group-bys (as the search panel gives them): one dataset per priority, stacked bars.
    await graph.getByRole('button', { name: 'Bar' }).click();
    await prop(page, 'erp-graph-view', "(el.groupBy = ['stage_id', 'priority'], true)");
    await t.resolves(page.waitForFunction(() => {
      const find = (root: Document | ShadowRoot): any => root.querySelector('erp-graph-view')
        ?? [...root.querySelectorAll('*')].map((el) => (el.shadowRoot ? find(el.shadowRoot) : null)).find(Boolean) ?? null;
      const chart = find(document)?.chart;
      return chart?.config.type === 'bar' && chart.data.datasets.length === 4 && chart.options.scales.x.stacked === true;
    }), 'two group-bys: one stacked dataset per priority');
    t.same((await prop(page, 'erp-graph-view', 'el.chartData')).datasets.map((d: { label: string }) => d.label).sort(), ['High', 'Low', 'Medium', 'Very High'], 'the datasets are the priorities');
    // No data: a message instead of an empty chart.
    await prop(page, 'erp-graph-view', "(el.domain = [['id', '=', 0]], true)");
    await t.resolves(graph.getByRole('status').filter({ hasText: 'No data to display' }).waitFor(), 'no data: a message');
    t.same(errors, [], 'no error in the page');
  });

  t.test('pivot: "Download xlsx" gives the table as shown, nested headers, measures and totals', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    t.teardown(() => page.close());
    await logIn(page, server.url);
    await page.getByRole('button', { name: 'Revenue' }).click();
    const pivot = page.locator('erp-pivot-view');
    await pivot.locator('tbody tr[data-path="[]"] td.total').waitFor();
    await pivot.locator('tbody th.header', { hasText: 'Qualified' }).click();
    await pivot.getByRole('menu', { name: 'Group by' }).getByRole('menuitem', { name: 'Priority' }).click();
    await pivot.locator('tbody th.header', { hasText: 'Medium' }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), pivot.getByRole('button', { name: 'Download xlsx' }).click()]);
    t.equal(download.suggestedFilename(), 'Revenue Analysis.xlsx', 'named after the action');
    const dir = mkdtempSync(path.join(tmpdir(), 'erp-xlsx-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'pivot.xlsx');
    await download.saveAs(file);

    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    t.equal(sheet.name, 'Revenue Analysis');
    const text = (address: string) => { const v = sheet.getCell(address).value; return v === null ? null : typeof v === 'object' ? JSON.stringify(v) : v; };
    t.same(['B1', 'B2', 'C2', 'D2'].map(text), ['Total', 'January 2024', 'February 2024', 'March 2024'], 'the column headers, the months under Total');
    t.ok(sheet.getCell('B1').isMerged && sheet.getCell('D1').isMerged && sheet.getCell('D1').master.address === 'B1', 'Total spans the three months');
    t.equal(sheet.getCell('A3').master.address, 'A1', 'the corner spans the header rows');
    t.equal(sheet.getCell('E2').master.address, 'E1', 'the grand total column has a blank header as tall as the others');
    t.same(['B3', 'C3', 'D3', 'E3'].map(text), Array(4).fill('Expected revenue'), 'one measure header per column');
    const rows = [];
    for (let r = 4; r <= sheet.rowCount; r++) rows.push([1, 2, 3, 4, 5].map((c) => sheet.getCell(r, c).value));
    t.same(rows, [
      ['Total', 1500, 6000, 4000, 11500],
      ['New', 1000, 2000, null, 3000],
      ['Qualified', 500, null, 4000, 4500],
      ['Medium', 500, null, null, 500],
      ['High', null, null, 4000, 4000],
      ['Won', null, 4000, null, 4000],
    ], 'the rows as shown, Qualified opened on its priorities, with the totals');
    t.same([4, 5, 6, 7].map((r) => sheet.getCell(r, 1).alignment?.indent ?? 0), [0, 1, 1, 2], 'row headers indented by depth');
    t.ok(sheet.getCell('B4').font?.bold && sheet.getCell('E5').font?.bold && !sheet.getCell('B5').font?.bold, 'totals in bold');
    t.equal(sheet.getCell('B5').numFmt, '#,##0.00', 'amounts with two decimals');
  });

  t.test('/web/pivot/export_xlsx: JSON only, with a session', async (t) => {
    const table = { title: 'T', col_group_headers: [[{ title: 'Total', width: 1, height: 1 }]], measure_headers: [{ title: 'Count' }], rows: [{ title: 'Total', indent: 0, values: [{ value: 3 }] }] };
    const envelope = JSON.stringify({ jsonrpc: '2.0', method: 'call', params: table, id: 1 });
    const client = new RpcClient(server.url);
    const anonymous = await client.post('/web/pivot/export_xlsx', envelope);
    t.equal(anonymous.json?.error?.data?.name, 'odoo.http.SessionExpiredException', 'no session, no file');
    await client.authenticate(server.db.name);
    const form = await client.post('/web/pivot/export_xlsx', envelope, 'text/plain');
    t.equal(form.status, 415, 'a cross-site form post (text/plain) is refused');
    const bad = await client.post('/web/pivot/export_xlsx', JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { title: 'T' }, id: 1 }));
    t.match(bad.json?.error?.data?.message, /Invalid request/, 'a malformed table is refused');
    const ok = await client.post('/web/pivot/export_xlsx', envelope);
    t.equal(ok.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    t.match(ok.headers.get('content-disposition'), /attachment; filename="T\.xlsx"/);
  });
}
