// The scheduler: runs inside every server process and polls one database for due jobs. Several
// processes may poll the same database; each due job is claimed by one of them only (see
// runner.ts). Nothing a job does, and no database outage, may crash the process: every failure
// is logged and the next tick tries again.

import type { Logger } from 'pino';
import type { Erp } from '../service.ts';
import { runDueJobs, runJobNow, type RunResult } from './runner.ts';

export interface SchedulerOptions {
  erp: Erp;
  /** The database whose jobs it runs. */
  db: string;
  log: Logger;
  /** Time between two polls (default 60 s, as Odoo's cron threads). */
  pollMs?: number;
}

export interface Scheduler {
  /** Stops polling and waits for the jobs being run to end. */
  stop(): Promise<void>;
  /** Runs the due jobs now (also what each poll does); returns what ran. */
  tick(): Promise<RunResult[]>;
}

export function startScheduler(options: SchedulerOptions): Scheduler {
  const { erp, db, log } = options;
  const pollMs = options.pollMs ?? 60_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<RunResult[]> | null = null;

  const tick = (): Promise<RunResult[]> => {
    // One tick at a time in a process: a slow job delays the next poll instead of overlapping it.
    running ??= erp.get(db)
      .then((opened) => runDueJobs(opened, log))
      .catch((error: unknown) => {
        log.error({ db, err: error }, `cron scheduler: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      })
      .finally(() => { running = null; });
    return running;
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => { void tick().then(() => schedule(pollMs)); }, delay);
    // The scheduler alone does not keep the process alive: the server (or the test) does.
    timer.unref();
  };
  schedule(0);

  return {
    tick,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** Runs the job named `name` (or of that external id) now, for `erp cron run`. */
export async function runCron(erp: Erp, db: string, name: string, log?: Logger): Promise<RunResult> {
  return runJobNow(await erp.get(db), name, log);
}
