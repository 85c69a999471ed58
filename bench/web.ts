// The web client's weight and speed: the bundle's size (raw and gzip), and the time from
// navigation to a usable view of 80 records (the home menu, then the app's first view filled),
// as a median over repeated runs in headless Chromium. The records are spread over the stages'
// columns (a column shows 40 cards before "Load more").
//
//   npm run bench -- web [--runs 15] [--records 80]

import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { pino } from 'pino';
import { buildWebClient } from '../core/web/build.ts';
import { startHttp } from '../core/http/server.ts';
import { Erp } from '../core/service.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { formatInt, formatMs, intFlag, isMain, parseFlags, progress, ROOT, summarize, table } from './lib.ts';

const DB_NAME = 'bench_web';

async function ensureDatabase(erp: Erp, records: number): Promise<void> {
  if (!(await erp.exists(DB_NAME))) {
    progress(`creating ${DB_NAME} with the test_views addon`);
    await erp.createDatabase(DB_NAME, { modules: ['test_views'] });
  }
  const { db } = await erp.get(DB_NAME);
  await db.withEnv(async (env) => {
    // The pipeline as CRM shows it: the kanban in stage columns (test_views' own has no group-by).
    const views = env.model('ir.ui.view');
    if (!(await views.search_count([['name', '=', 'bench.kanban.stages']]))) {
      await views.create({
        name: 'bench.kanban.stages', model: 'test.lead', inherit_id: await env.refId('test_views.test_lead_view_kanban'),
        arch: '<kanban position="attributes"><attribute name="default_group_by">stage_id</attribute></kanban>',
      });
    }
    const leads = env.model('test.lead');
    const missing = records - await leads.search_count([['name', '=like', 'Bench lead %']]);
    if (missing <= 0) return;
    const stages = await env.model('test.stage').search([]);
    const partners = await env.model('res.partner').create(Array.from({ length: 20 }, (_, i) => ({ name: `Bench customer ${i}` })));
    await leads.create(Array.from({ length: missing }, (_, i) => ({
      name: `Bench lead ${i}`, stage_id: stages[i % stages.length], partner_id: partners[i % partners.length],
      expected_revenue: 1000 + i * 10, priority: String(i % 4),
    })));
  });
}

/** Milliseconds from navigation to the app's first view (the kanban) showing `rows` cards. */
async function timeToView(url: string, cookie: { name: string; value: string }, rows: number, browser: import('playwright-core').Browser): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ ...cookie, url }]);
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(`${url}/web`);
  await page.getByRole('button', { name: 'Test Pipeline' }).click();
  await page.waitForFunction((n) => {
    const kanban = document.querySelector('erp-app')?.shadowRoot?.querySelector('erp-action')?.shadowRoot?.querySelector('erp-kanban-view');
    return (kanban?.shadowRoot?.querySelectorAll('article.card').length ?? 0) >= n;
  }, rows);
  const elapsed = performance.now() - started;
  await context.close();
  return elapsed;
}

async function login(url: string): Promise<{ name: string; value: string }> {
  const response = await fetch(`${url}/web/session/authenticate`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { db: DB_NAME, login: 'admin', password: 'admin' } }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('session_id='));
  if (!cookie) throw new Error(`login failed: ${await response.text()}`);
  const [name, value] = cookie.split(';')[0].split('=');
  return { name, value };
}

export default async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const flags = parseFlags(argv, ['--runs', '--records']);
  const runs = intFlag(flags, '--runs', 15);
  const records = intFlag(flags, '--records', 80);

  const bundle = await buildWebClient({ minify: true });
  const entry = bundle.files.get(bundle.entry)!;
  const raw = Buffer.byteLength(entry);
  const gzip = gzipSync(entry, { level: 9 }).length;
  const all = [...bundle.files.values()].reduce((sum, js) => sum + gzipSync(js, { level: 9 }).length, 0);

  const session = await launchBrowser();
  if ('missing' in session) throw new Error(session.missing);
  const erp = await Erp.start({ databaseUrl: process.env.DATABASE_URL, dataDir: path.join(ROOT, '.erp-bench'), addonsPaths: [path.join(ROOT, 'addons'), path.join(ROOT, 'tests', 'addons')] });
  try {
    await ensureDatabase(erp, records);
    const server = await startHttp({ erp, db: DB_NAME, host: '127.0.0.1', port: 0, log: pino({ level: 'silent' }) });
    try {
      const url = `http://127.0.0.1:${server.port}`;
      const cookie = await login(url);
      progress(`timing ${runs} runs (after 2 warm-ups) of navigation -> ${records} records on screen`);
      for (let i = 0; i < 2; i++) await timeToView(url, cookie, records, session.browser);
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) samples.push(await timeToView(url, cookie, records, session.browser));
      const s = summarize(samples);
      console.log(table(['measure', 'value'], [
        ['bundle loaded at start, minified', `${formatInt(raw)} bytes`],
        ['bundle loaded at start, gzip', `${formatInt(gzip)} bytes`],
        [`all ${bundle.files.size} files (charts on demand), gzip`, `${formatInt(all)} bytes`],
        [`navigation -> kanban with ${records} cards, median`, `${formatMs(s.median)} ms`],
        ['  p90', `${formatMs(s.p90)} ms`],
      ], ['left', 'right']));
    } finally {
      await server.close();
    }
  } finally {
    await session.close();
    await erp.stop();
  }
}

if (isMain(import.meta.url)) await main();
