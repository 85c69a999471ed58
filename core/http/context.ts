// What every route of the HTTP server shares: the running instance, the database it serves and
// the logger. Handed to each route plugin (ours and the addons') as its options.

import type { Logger } from 'pino';
import type { Erp, OpenDatabase } from '../service.ts';

export interface HttpContext {
  erp: Erp;
  /** Name of the database this server serves (one per server, as Odoo's `--database`). */
  dbName: string;
  log: Logger;
  /** Development mode: error replies carry the stack trace in `data.debug`. */
  dev: boolean;
}

/** The options every route plugin receives. */
export interface RouteOptions {
  ctx: HttpContext;
}

export function openDatabase(ctx: HttpContext): Promise<OpenDatabase> {
  return ctx.erp.get(ctx.dbName);
}
