// `erp module list|install|upgrade|uninstall` on one database (default `erp`).

import { InvalidArgumentError, type Command } from 'commander';
import type { Erp, OpenDatabase } from '../../core/service.ts';
import { splitList, withErp } from '../config.ts';
import { globals } from '../globals.ts';
import { progress, table } from '../output.ts';
import { formatPlan } from '../plan.ts';

const DEFAULT_DB = 'erp';

interface DbOption { db: string }

function names(value: string): string[] {
  const list = splitList(value);
  if (!list.length) throw new InvalidArgumentError('expected module names, comma-separated');
  return list;
}

function onDatabase<T>(cmd: Command, fn: (opened: OpenDatabase, erp: Erp) => Promise<T>): Promise<T> {
  const { db } = cmd.opts<DbOption>();
  return withErp(globals(cmd), async (erp) => fn(await erp.get(db), erp));
}

export function registerModule(program: Command): void {
  const module = program.command('module').description('list, install, upgrade and uninstall modules');

  module.command('list')
    .description('the modules known to a database, with their state')
    .option('--db <name>', 'database', DEFAULT_DB)
    .action(async (_opts: DbOption, cmd: Command) => {
      const rows = await onDatabase(cmd, ({ db }) => db.withEnv((env) =>
        env.model('ir.module.module').search_read([], ['name', 'state', 'latest_version', 'summary'])));
      const text = (v: unknown) => (v === false || v === null || v === undefined ? '' : String(v));
      const cells = rows.map((r) => [text(r.name), text(r.state), text(r.latest_version), text(r.summary)])
        .sort((a, b) => a[0].localeCompare(b[0]));
      console.log(table(['name', 'state', 'version', 'summary'], cells));
    });

  module.command('install')
    .description('install modules (with their dependencies)')
    .argument('<names>', 'module names, comma-separated', names)
    .option('--db <name>', 'database', DEFAULT_DB)
    .action(async (list: string[], _opts: DbOption, cmd: Command) => {
      const done = await onDatabase(cmd, ({ modules }) => modules.install(list, { progress }));
      console.log(done.length ? `installed: ${done.join(', ')}` : 'nothing to install: already installed');
    });

  module.command('upgrade')
    .description('reload the code and data of installed modules (and their dependents)')
    .argument('<names>', 'module names, comma-separated', names)
    .option('--db <name>', 'database', DEFAULT_DB)
    .action(async (list: string[], _opts: DbOption, cmd: Command) => {
      const done = await onDatabase(cmd, ({ modules }) => modules.upgrade(list, { progress }));
      console.log(`upgraded: ${done.join(', ')}`);
    });

  module.command('uninstall')
    .description('uninstall modules, removing their records, tables and columns')
    .argument('<names>', 'module names, comma-separated', names)
    .option('--db <name>', 'database', DEFAULT_DB)
    .option('--dry-run', 'print what would be removed, change nothing')
    .option('--cascade', 'also uninstall the installed modules that depend on them')
    .action(async (list: string[], opts: DbOption & { dryRun?: boolean; cascade?: boolean }, cmd: Command) => {
      const plan = await onDatabase(cmd, ({ modules }) =>
        modules.uninstall(list, { cascade: Boolean(opts.cascade), dryRun: Boolean(opts.dryRun), progress }));
      console.log(formatPlan(plan));
      console.log(opts.dryRun ? 'dry run: nothing was changed' : `uninstalled: ${plan.modules.join(', ')}`);
    });
}
