// `erp db create|list|drop`: databases on the server, each with `base` installed.

import type { Command } from 'commander';
import { splitList, withErp } from '../config.ts';
import { globals } from '../globals.ts';
import { progress } from '../output.ts';

export function registerDb(program: Command): Command {
  const db = program.command('db').description('create, list, drop, dump and restore databases');

  db.command('create')
    .description('create a database and install base (and --modules)')
    .argument('<name>', 'database name')
    .option('--demo', 'load demo data')
    .option('--modules <names>', 'modules to install besides base, comma-separated')
    .action(async (name: string, opts: { demo?: boolean; modules?: string }, cmd: Command) => {
      await withErp(globals(cmd), async (erp) => {
        const { modules } = await erp.createDatabase(name, { demo: Boolean(opts.demo), modules: splitList(opts.modules), progress });
        const installed = erp.index.order(await modules.installed());
        console.log(`database "${name}" created${opts.demo ? ' with demo data' : ''}; installed: ${installed.join(', ')}`);
      });
    });

  db.command('list')
    .description('list the databases of the server')
    .action(async (_opts: object, cmd: Command) => {
      await withErp(globals(cmd), async (erp) => {
        for (const name of await erp.listDatabases()) console.log(name);
      });
    });

  db.command('drop')
    .description('drop a database (closing its connections)')
    .argument('<name>', 'database name')
    .action(async (name: string, _opts: object, cmd: Command) => {
      await withErp(globals(cmd), async (erp) => {
        await erp.dropDatabase(name);
        console.log(`database "${name}" dropped`);
      });
    });

  return db;
}
