// `erp shell`: a Node REPL on one database. Each `withEnv(fn)` call is one transaction, committed
// when `fn` succeeds and rolled back when it throws, the same rule as everywhere else.

import repl from 'node:repl';
import type { Command } from 'commander';
import type { Env } from '../../core/models/env.ts';
import { withErp } from '../config.ts';
import { globals } from '../globals.ts';

const HELP = 'available: erp, db, withEnv(async (env) => ...) e.g. await withEnv((env) => env.model(\'res.users\').search_read([], [\'login\'])); .exit to quit';

export function registerShell(program: Command): void {
  program.command('shell')
    .description('an interactive JavaScript shell on a database')
    .option('--db <name>', 'database', 'erp')
    .action(async (opts: { db: string }, cmd: Command) => {
      await withErp(globals(cmd), async (erp, session) => {
        const { db } = await erp.get(opts.db);
        console.log(`database "${opts.db}": ${HELP}`);
        const server = repl.start({ prompt: `${opts.db}> ` });
        Object.assign(server.context, {
          erp,
          db,
          withEnv: <T>(fn: (env: Env) => Promise<T>): Promise<T> => db.withEnv(fn),
        });
        const exited = new Promise<void>((resolve) => server.on('exit', () => resolve()));
        await Promise.race([exited, session.untilSignal()]);
        server.close();
      });
    });
}
