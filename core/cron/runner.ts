// Running scheduled actions against one database: the due ones, each claimed by exactly one
// process (`FOR UPDATE SKIP LOCKED`), and one by name on demand (`erp cron run`).

import type { Logger } from 'pino';
import type { Cursor } from '../db/cursor.ts';
import type { Database } from '../db/database.ts';
import { errors } from '../errors.ts';
import { Env, SUPERUSER_ID } from '../models/env.ts';
import type { OpenDatabase } from '../service.ts';
import { formatUtc, nextCallAfter, parseUtc } from './interval.ts';
import { callJob, describeError, JOB_COLUMNS, lockJobs, type CronJob } from './job.ts';

export interface RunResult {
  id: number;
  name: string;
  ok: boolean;
  durationMs: number;
  /** The job's error when it failed (its work was rolled back). */
  error?: unknown;
}

/** The most jobs one tick runs: a job slower than its own interval is due again at once, and the
 *  tick must still end so that `stop()` is honoured. */
const MAX_RUNS_PER_TICK = 100;

const rootEnv = (db: Database, cr: Cursor) => new Env(cr, db.registry, SUPERUSER_ID, {}, true, db.services);

/** Runs the job in a savepoint of `cr`: a failure undoes the job's writes and nothing else. */
async function runInSavepoint(db: Database, cr: Cursor, job: CronJob): Promise<RunResult> {
  const started = performance.now();
  try {
    await cr.savepoint(() => callJob(rootEnv(db, cr), job));
    return { id: job.id, name: job.name, ok: true, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { id: job.id, name: job.name, ok: false, durationMs: Math.round(performance.now() - started), error };
  }
}

/** One line per run: name, duration and outcome. */
export function logRun(log: Logger | undefined, db: string, result: RunResult): void {
  if (!log) return;
  const fields = { db, cron: result.name, cron_id: result.id, duration_ms: result.durationMs, outcome: result.ok ? 'ok' : 'failed' };
  if (result.ok) log.info(fields, `cron "${result.name}" done in ${result.durationMs} ms`);
  else log.error({ ...fields, err: result.error }, `cron "${result.name}" failed after ${result.durationMs} ms: ${describeError(result.error)}`);
}

const nextCall = (job: CronJob, now: string) => formatUtc(nextCallAfter(parseUtc(job.nextcall), parseUtc(now), job.interval_number, job.interval_type));

/** Claims one due job that no other process holds, runs it and plans its next call, all in one
 *  transaction. Returns null when nothing is due. */
async function runOneDue(opened: OpenDatabase, log?: Logger): Promise<RunResult | null> {
  const { db } = opened;
  let claimed: CronJob | null = null;
  try {
    return await db.transaction(async (cr) => {
      const rows = await cr.query<CronJob & { db_now: string }>(
        `SELECT ${JOB_COLUMNS}, (now() AT TIME ZONE 'UTC')::timestamp AS db_now FROM ir_cron
         WHERE active AND nextcall <= (now() AT TIME ZONE 'UTC') ORDER BY priority, nextcall, id LIMIT 1 FOR UPDATE SKIP LOCKED`);
      if (!rows.length) return null;
      const job = claimed = rows[0];
      const result = await runInSavepoint(db, cr, job);
      await cr.execute(`UPDATE ir_cron SET nextcall = $2${result.ok ? ", lastcall = now() AT TIME ZONE 'UTC'" : ''} WHERE id = $1`,
        [job.id, nextCall(job, job.db_now)]);
      logRun(log, db.name, result);
      return result;
    });
  } catch (error) {
    // The transaction itself broke (lost connection, a failed commit): the job's work is gone.
    // Still move its next call, in a small transaction of its own, so it is tried again later
    // rather than at once in a loop.
    if (!claimed) throw error;
    const job: CronJob = claimed;
    await advanceAlone(db, job).catch(() => {});
    const result: RunResult = { id: job.id, name: job.name, ok: false, durationMs: 0, error };
    logRun(log, db.name, result);
    return result;
  }
}

async function advanceAlone(db: Database, job: CronJob): Promise<void> {
  await db.transaction(async (cr) => {
    const [{ now }] = await cr.query<{ now: string }>("SELECT (now() AT TIME ZONE 'UTC')::timestamp AS now");
    // Only if nobody moved it meanwhile.
    await cr.execute('UPDATE ir_cron SET nextcall = $2 WHERE id = $1 AND nextcall = $3', [job.id, nextCall(job, now), job.nextcall]);
  });
}

/** Runs every job due now in this database, each once; returns what ran. */
export async function runDueJobs(opened: OpenDatabase, log?: Logger): Promise<RunResult[]> {
  const results: RunResult[] = [];
  await opened.modules.refreshIfChanged();
  if (!opened.db.registry.has('ir.cron')) return results;
  for (let i = 0; i < MAX_RUNS_PER_TICK; i++) {
    const result = await runOneDue(opened, log);
    if (!result) break;
    results.push(result);
  }
  return results;
}

/** Finds a job by name, or by external id (`module.name`). */
async function findJob(cr: Cursor, name: string): Promise<number> {
  const byName = await cr.query<{ id: number }>('SELECT id FROM ir_cron WHERE name = $1 ORDER BY id', [name]);
  if (byName.length > 1) throw errors.ambiguousCron(name, byName.map((r) => r.id));
  if (byName.length) return byName[0].id;
  const dot = name.indexOf('.');
  const byXmlid = dot > 0 ? await cr.query<{ res_id: number }>(
    "SELECT res_id FROM ir_model_data WHERE model = 'ir.cron' AND module = $1 AND name = $2", [name.slice(0, dot), name.slice(dot + 1)]) : [];
  if (!byXmlid.length) throw errors.unknownCron(name);
  return byXmlid[0].res_id;
}

/** Runs one job now, whether due or not, leaving its planning alone (Odoo's "Run Manually"). A
 *  failure rolls its work back and raises `ERP_CRON_FAILED`; a job running elsewhere,
 *  `ERP_CRON_BUSY`. */
export async function runJobNow(opened: OpenDatabase, name: string, log?: Logger): Promise<RunResult> {
  await opened.modules.refreshIfChanged();
  const { db } = opened;
  const result = await db.transaction(async (cr) => {
    const [job] = await lockJobs(cr, [await findJob(cr, name)]);
    const run = await runInSavepoint(db, cr, job);
    if (run.ok) await cr.execute("UPDATE ir_cron SET lastcall = now() AT TIME ZONE 'UTC' WHERE id = $1", [job.id]);
    return run;
  });
  logRun(log, db.name, result);
  if (!result.ok) throw errors.cronFailed(result.name, result.error);
  return result;
}
