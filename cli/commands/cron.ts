// `erp cron list|run` on one database (default `erp`): the scheduled actions, and running one now.

import type { Command } from 'commander';
import { destination, pino } from 'pino';
import { runCron } from '../../core/cron/scheduler.ts';
import { withErp } from '../config.ts';
import { globals } from '../globals.ts';
import { table } from '../output.ts';

const DEFAULT_DB = 'erp';

interface DbOption { db: string }

const text = (v: unknown) => (v === false || v === null || v === undefined ? '' : String(v));

export function registerCron(program: Command): Command {
  const cron = program.command('cron').description('list and run scheduled actions (ir.cron)');

  cron.command('list')
    .description('the scheduled actions of a database, active or not')
    .option('--db <name>', 'database', DEFAULT_DB)
    .action(async (opts: DbOption, cmd: Command) => {
      const rows = await withErp(globals(cmd), async (erp) => (await erp.get(opts.db)).db.withEnv((env) =>
        env.model('ir.cron').with_context({ active_test: false }).search_read([],
          ['name', 'model_name', 'method', 'interval_number', 'interval_type', 'nextcall', 'lastcall', 'active'])));
      console.log(table(['name', 'call', 'every', 'next call (UTC)', 'last call (UTC)', 'active'], rows.map((r) => [
        text(r.name), `${text(r.model_name)}.${text(r.method)}()`, `${text(r.interval_number)} ${text(r.interval_type)}`,
        text(r.nextcall), text(r.lastcall), r.active ? 'yes' : 'no',
      ])));
    });

  cron.command('run')
    .description('run a scheduled action now, whether due or not (its next call is left alone)')
    .argument('<name>', 'its name, or its external id (base.autovacuum_job)')
    .option('--db <name>', 'database', DEFAULT_DB)
    .action(async (name: string, opts: DbOption, cmd: Command) => {
      // The run's log line goes to stderr, like progress; stdout keeps the result.
      const log = pino({ name: 'erp' }, destination(2));
      const result = await withErp(globals(cmd), (erp) => runCron(erp, opts.db, name, log));
      console.log(`ran: ${result.name} (${result.durationMs} ms)`);
    });

  return program;
}
