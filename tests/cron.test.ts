// Scheduled actions: the interval arithmetic, "Run Manually", the scheduler (exactly once with
// two processes, failures rolled back and retried), and `erp cron run|list`.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import t from 'tap';
import { formatUtc, nextCallAfter, parseUtc, type IntervalType } from '../core/cron/interval.ts';
import { startScheduler } from '../core/cron/scheduler.ts';
import type { IrCron } from '../core/addons/base/models/scheduling.ts';
import type { Env } from '../core/models/env.ts';
import { Erp } from '../core/service.ts';
import { TEST_ADDONS, testDb } from './helpers/db.ts';
import { readState, ROOT } from './setup/state.ts';

const CRON_ADDONS = path.join(TEST_ADDONS, 'test_cron_addons');
const addonsPaths = [path.join(ROOT, 'addons'), TEST_ADDONS, CRON_ADDONS];

/** A pino logger whose lines the test can read. */
function memoryLog(): { log: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } });
  return { log: pino({ level: 'info' }, stream), lines };
}

const count = async (env: Env, name: string) =>
  (await env.cr.query<{ count: number }>('SELECT count FROM test_cron_counter WHERE name = $1', [name]))[0].count;

const cronRow = async (env: Env, xmlid: string) =>
  (await env.cr.query<{ nextcall: string; lastcall: string | null; active: boolean }>(
    'SELECT nextcall, lastcall, active FROM ir_cron WHERE id = $1', [await env.refId(xmlid)]))[0];

/** Plans the job `ago` (a PostgreSQL interval) in the past, and returns that planned time. */
const makeDue = async (env: Env, xmlid: string, ago: string) =>
  (await env.cr.query<{ nextcall: string }>(
    `UPDATE ir_cron SET nextcall = (now() AT TIME ZONE 'UTC') - $2::interval WHERE id = $1 RETURNING nextcall`, [await env.refId(xmlid), ago]))[0].nextcall;

t.test('next call: one interval later, skipping the calls missed', async (t) => {
  const at = (s: string) => parseUtc(s);
  const next = (planned: string, now: string, n: number, type: IntervalType) => formatUtc(nextCallAfter(at(planned), at(now), n, type));
  t.equal(next('2024-03-10 08:00:00', '2024-03-10 08:00:30', 15, 'minutes'), '2024-03-10 08:15:00');
  t.equal(next('2024-03-10 08:00:00', '2024-03-10 08:47:00', 15, 'minutes'), '2024-03-10 09:00:00', 'three missed calls skipped');
  t.equal(next('2024-03-10 08:00:00', '2024-03-10 09:00:00', 15, 'minutes'), '2024-03-10 09:15:00', 'strictly after now');
  t.equal(next('2024-03-10 08:00:00', '2024-03-10 08:10:00', 2, 'hours'), '2024-03-10 10:00:00');
  t.equal(next('2024-03-10 03:00:00', '2024-03-14 12:00:00', 1, 'days'), '2024-03-15 03:00:00', 'a daily job keeps its hour');
  t.equal(next('2024-03-10 03:00:00', '2024-03-11 00:00:00', 1, 'weeks'), '2024-03-17 03:00:00');
  t.equal(next('2024-01-31 00:00:00', '2024-02-01 00:00:00', 1, 'months'), '2024-02-29 00:00:00', 'the day is clamped to the month');
  t.equal(next('2024-01-15 06:00:00', '2024-05-20 00:00:00', 1, 'months'), '2024-06-15 06:00:00', 'missed months skipped');
  t.equal(next('2023-11-30 00:00:00', '2023-12-01 00:00:00', 3, 'months'), '2024-02-29 00:00:00', 'across a year');
  t.equal(next('2024-03-10 08:00:00', '2024-03-01 00:00:00', 1, 'days'), '2024-03-11 08:00:00', 'run before its time: one interval on');
});

t.test('scheduled actions of a test addon', async (t) => {
  const db = await testDb(t, { modules: ['test_cron'], addonsPaths: [CRON_ADDONS] });

  t.test('method_direct_trigger runs the job now and leaves its planning alone', async (t) => {
    await db.rollback(async (env) => {
      const crons = env.model<IrCron>('ir.cron');
      const id = await env.refId('test_cron.ir_cron_args');
      const before = await cronRow(env, 'test_cron.ir_cron_args');
      await crons.method_direct_trigger([id]);
      t.equal(await count(env, 'args'), 10, 'called with its arguments (5 x 2)');
      const after = await cronRow(env, 'test_cron.ir_cron_args');
      t.equal(after.nextcall, before.nextcall, 'next call unchanged');
      t.ok(after.lastcall, 'last call recorded');
    });
    await db.rollback(async (env) => {
      await t.rejects(env.model<IrCron>('ir.cron').method_direct_trigger([await env.refId('test_cron.ir_cron_fail')]),
        { message: /the job broke after writing/ }, 'a failure reaches the caller');
    });
  });

  t.test('a due job runs once even when two schedulers tick at the same time', async (t) => {
    const planned = await db.commit((env) => makeDue(env, 'test_cron.ir_cron_increment', '25 hours'));
    const erp2 = await Erp.start({ databaseUrl: readState()!.url, addonsPaths });
    t.teardown(() => erp2.stop());
    // Opened beforehand, so that both first ticks start together.
    await erp2.get(db.name);
    const a = memoryLog();
    const b = memoryLog();
    // Both start with a tick at once; the job sleeps 0.3 s, so the ticks overlap.
    const s1 = startScheduler({ erp: db.erp, db: db.name, log: a.log, pollMs: 50 });
    const s2 = startScheduler({ erp: erp2, db: db.name, log: b.log, pollMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await Promise.all([s1.stop(), s2.stop()]);
    await db.commit(async (env) => {
      t.equal(await count(env, 'main'), 1, 'ran exactly once');
      const row = await cronRow(env, 'test_cron.ir_cron_increment');
      t.equal(row.nextcall, formatUtc(new Date(parseUtc(planned).getTime() + 2 * 86_400_000)), 'next call: the missed day skipped, the hour kept');
      t.ok(row.lastcall, 'last call recorded');
    });
    const runs = [...a.lines, ...b.lines].filter((l) => l.cron === 'Test: increment');
    t.equal(runs.length, 1, 'one log line for the run');
    t.match(runs[0], { outcome: 'ok', db: db.name, duration_ms: Number });
    t.ok((runs[0].duration_ms as number) >= 250, 'the duration is measured');
  });

  t.test('a failing job is rolled back, logged, planned again and retried', async (t) => {
    const planned = await db.commit(async (env) => {
      await makeDue(env, 'test_cron.ir_cron_args', '1 minute');
      return makeDue(env, 'test_cron.ir_cron_fail', '3 hours');
    });
    const { log, lines } = memoryLog();
    const scheduler = startScheduler({ erp: db.erp, db: db.name, log, pollMs: 60_000 });
    const ran = await scheduler.tick();
    t.same(ran.filter((r) => r.name.startsWith('Test:')).map((r) => [r.name, r.ok]).sort(), [['Test: add', true], ['Test: fail', false]],
      'both due jobs ran in the tick, one failed');
    await db.commit(async (env) => {
      t.equal(await count(env, 'fail'), 0, 'its partial write is gone');
      t.equal(await count(env, 'args'), 10, 'another due job of the same tick still ran');
      const row = await cronRow(env, 'test_cron.ir_cron_fail');
      t.equal(row.nextcall, formatUtc(new Date(parseUtc(planned).getTime() + 4 * 3_600_000)), 'next call advanced past now');
      t.equal(row.lastcall, null, 'last call is the last success only');
    });
    const failures = () => lines.filter((l) => l.cron === 'Test: fail');
    t.equal(failures().length, 1, 'logged once');
    t.match(failures()[0], { outcome: 'failed', level: 50, msg: /the job broke after writing/ });
    t.same(await scheduler.tick(), [], 'not retried before its next call');
    await db.commit((env) => makeDue(env, 'test_cron.ir_cron_fail', '1 second'));
    const retried = await scheduler.tick();
    t.same(retried.map((r) => [r.name, r.ok]), [['Test: fail', false]], 'retried at its next call');
    await scheduler.stop();
  });

  t.test('erp cron run and list', async (t) => {
    const url = readState()!.url;
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && !k.startsWith('ERP_')));
    const erp = (...args: string[]) => new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'erp.js'), '--database-url', url, '--addons-path', CRON_ADDONS, 'cron', ...args, '--db', db.name], { cwd: ROOT, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => { stdout += c; });
      child.stderr.on('data', (c: Buffer) => { stderr += c; });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    const before = await db.commit((e) => count(e, 'args'));
    const run = await erp('run', 'Test: add');
    t.equal(run.code, 0, run.stderr);
    t.match(run.stdout, /^ran: Test: add \(\d+ ms\)/);
    t.match(run.stderr, /"cron":"Test: add".*"outcome":"ok"/, 'the run is logged');
    const byXmlid = await erp('run', 'test_cron.ir_cron_args');
    t.equal(byXmlid.code, 0, byXmlid.stderr);
    t.equal(await db.commit((e) => count(e, 'args')), before + 20, 'ran twice, by name and by external id');
    const failed = await erp('run', 'Test: fail');
    t.equal(failed.code, 1);
    t.match(failed.stderr, /error: Scheduled action "Test: fail" failed: the job broke after writing/);
    t.equal(await db.commit((e) => count(e, 'fail')), 0, 'rolled back');
    const unknown = await erp('run', 'Nope');
    t.equal(unknown.code, 1);
    t.match(unknown.stderr, /No scheduled action is named "Nope"/);
    const list = await erp('list');
    t.equal(list.code, 0, list.stderr);
    t.match(list.stdout, /Test: increment\s+test\.cron\.counter\._cron_increment\(\)\s+1 days/);
    t.match(list.stdout, /Base: Auto-vacuum internal data/);
  });

  t.test('a job running elsewhere cannot be run or changed meanwhile', async (t) => {
    const id = await db.commit((env) => env.refId('test_cron.ir_cron_args'));
    let release = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => { locked = resolve; });
    const holder = db.db.transaction(async (cr) => {
      await cr.query('SELECT id FROM ir_cron WHERE id = $1 FOR UPDATE', [id]);
      locked();
      await held;
    });
    await isLocked;
    await db.rollback(async (env) => {
      await t.rejects(env.model<IrCron>('ir.cron').method_direct_trigger([id]), { code: 'ERP_CRON_BUSY' });
    });
    await db.rollback(async (env) => {
      await t.rejects(env.model('ir.cron').write([id], { interval_number: 3 }), { code: 'ERP_CRON_BUSY' });
    });
    release();
    await holder;
  });
});
