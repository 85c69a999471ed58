// `erp db dump|restore`: PostgreSQL's own custom-format archives (pg_dump -Fc / pg_restore), so a
// dump is usable with the standard tools too.

import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { withAdminClient } from '../../core/db/server.ts';
import { ErpError, errors } from '../../core/errors.ts';
import { checkDatabaseName } from '../../core/service.ts';
import { withErp } from '../config.ts';
import { globals } from '../globals.ts';
import { findPgTool, pgEnv, runPgTool, serverMajor } from '../pg_tools.ts';

export function registerDump(db: Command): void {
  db.command('dump')
    .description('dump a database to FILE (pg_dump custom format)')
    .argument('<name>', 'database name')
    .argument('<file>', 'archive to write')
    .action(async (name: string, file: string, _opts: object, cmd: Command) => {
      checkDatabaseName(name);
      await withErp(globals(cmd), async (erp) => {
        if (!(await erp.exists(name))) throw errors.unknownDatabase(name);
        const tool = await findPgTool('pg_dump', await serverMajor(erp.server));
        const target = path.resolve(file);
        // Written aside then renamed: a failed dump never leaves a truncated archive under FILE.
        const partial = `${target}.partial`;
        try {
          await runPgTool(tool, ['-Fc', '--no-password', '-f', partial, name], pgEnv(erp.server));
          renameSync(partial, target);
        } finally {
          rmSync(partial, { force: true });
        }
        console.log(`database "${name}" dumped to ${target}`);
      });
    });

  db.command('restore')
    .description('restore FILE (a pg_dump custom-format archive) into a new database NAME')
    .argument('<name>', 'database to create')
    .argument('<file>', 'archive to read')
    .action(async (name: string, file: string, _opts: object, cmd: Command) => {
      checkDatabaseName(name);
      const source = path.resolve(file);
      if (!existsSync(source)) throw new ErpError('ERP_NO_SUCH_FILE', `No such file: ${source}`);
      await withErp(globals(cmd), async (erp) => {
        if (await erp.exists(name)) throw errors.databaseExists(name);
        const tool = await findPgTool('pg_restore', await serverMajor(erp.server));
        await withAdminClient(erp.server, (client) => client.query(`CREATE DATABASE "${name}" ENCODING 'UTF8'`));
        try {
          await runPgTool(tool, ['--no-owner', '--no-password', '--exit-on-error', '-d', name, source], pgEnv(erp.server));
        } catch (error) {
          await erp.dropDatabase(name).catch(() => {});
          throw error;
        }
        console.log(`database "${name}" restored from ${source}`);
      });
    });
}
