// `startHttp`: serves one database over HTTP with Odoo 17's APIs (JSON-RPC for the web client,
// /jsonrpc and /xmlrpc/2 for external programs), and runs the scheduler when the core has one.
// `close()` stops taking requests, lets those in flight finish, then stops the scheduler.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import type { Erp } from '../service.ts';
import { addonRouteDirs, buildApp } from './app.ts';
import type { HttpContext } from './context.ts';

export interface StartHttpOptions {
  erp: Erp;
  /** Name of the database to serve. */
  db: string;
  host: string;
  /** 0 picks a free port (see the handle's `port`). */
  port: number;
  log?: Logger;
  /** Error replies carry stack traces (default: `ERP_DEV=1`). */
  dev?: boolean;
}

export interface HttpHandle {
  port: number;
  close(): Promise<void>;
}

interface Scheduler {
  stop(): Promise<void>;
}

const SCHEDULER = new URL('../cron/scheduler.ts', import.meta.url);

/** The scheduler is another part of the core, possibly absent from this version. */
async function startScheduler(ctx: HttpContext): Promise<Scheduler | null> {
  if (!existsSync(fileURLToPath(SCHEDULER))) return null;
  const loaded = (await import(SCHEDULER.href)) as { startScheduler?: (o: { erp: Erp; db: string; log: Logger }) => Scheduler | Promise<Scheduler> };
  if (typeof loaded.startScheduler !== 'function') return null;
  return loaded.startScheduler({ erp: ctx.erp, db: ctx.dbName, log: ctx.log.child({ component: 'cron' }) });
}

export async function startHttp(options: StartHttpOptions): Promise<HttpHandle> {
  const log = options.log ?? pino({ name: 'erp', level: process.env.ERP_LOG_LEVEL ?? 'info' });
  const ctx: HttpContext = { erp: options.erp, dbName: options.db, log, dev: options.dev ?? process.env.ERP_DEV === '1' };
  const { modules } = await options.erp.get(options.db);
  const installed = await modules.installed();
  const app = await buildApp(ctx, addonRouteDirs(installed.filter((m) => options.erp.index.has(m)).map((m) => options.erp.index.get(m).dir)));
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const scheduler = await startScheduler(ctx).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  let closing: Promise<void> | undefined;
  return {
    port,
    close: () => (closing ??= (async () => {
      await app.close();
      await scheduler?.stop();
    })()),
  };
}
