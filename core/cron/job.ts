// One scheduled action: how it is read from `ir_cron`, locked, and called. Shared by the scheduler,
// `erp cron run` and `ir.cron.method_direct_trigger` ("Run Manually").

import type { Cursor } from '../db/cursor.ts';
import { errors } from '../errors.ts';
import { SUPERUSER_ID, type Env } from '../models/env.ts';
import type { IntervalType } from './interval.ts';

export interface CronJob {
  id: number;
  name: string;
  model_name: string;
  method: string;
  args: unknown;
  user_id: number | null;
  interval_number: number;
  interval_type: IntervalType;
  nextcall: string;
  lastcall: string | null;
  priority: number;
}

export const JOB_COLUMNS = 'id, name, model_name, method, args, user_id, interval_number, interval_type, nextcall, lastcall, priority';

/** PostgreSQL's "could not obtain lock" (FOR UPDATE NOWAIT on a row another transaction holds). */
const LOCK_NOT_AVAILABLE = '55P03';

/** Locks the jobs for this transaction, or refuses at once when one is running elsewhere (Odoo's
 *  `_try_lock`): a running job holds its row until it ends, and waiting could take minutes. */
export async function lockJobs(cr: Cursor, ids: number[]): Promise<CronJob[]> {
  try {
    return await cr.savepoint(() => cr.query<CronJob>(
      `SELECT ${JOB_COLUMNS} FROM ir_cron WHERE id = ANY($1::int4[]) ORDER BY id FOR UPDATE NOWAIT`, [ids]));
  } catch (error) {
    if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error;
    const names = await cr.query<{ name: string }>('SELECT name FROM ir_cron WHERE id = ANY($1::int4[])', [ids]);
    throw errors.cronBusy(names.map((n) => n.name).join(', '));
  }
}

/** Calls `model[method](...args)` as the job's user, with Odoo's `lastcall` in the context. */
export async function callJob(env: Env, job: CronJob): Promise<unknown> {
  if (!env.registry.has(job.model_name)) {
    throw errors.cronBadTarget(job.name, job.model_name, job.method, 'no installed module declares that model');
  }
  const jobEnv = env.withUser(job.user_id ?? SUPERUSER_ID).withContext({ lastcall: job.lastcall ?? false });
  const model = jobEnv.model(job.model_name) as unknown as Record<string, unknown>;
  const fn = model[job.method];
  if (typeof fn !== 'function' || ['constructor', 'env', 'meta'].includes(job.method)) {
    throw errors.cronBadTarget(job.name, job.model_name, job.method, 'the model has no such method');
  }
  const args = Array.isArray(job.args) ? job.args : job.args === null || job.args === undefined ? [] : [job.args];
  return (fn as (...a: unknown[]) => unknown).apply(model, args);
}

/** A job's failure as one line for the log. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
