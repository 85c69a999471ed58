// The `erp` command line: global options, one file per command group under ./commands, and the
// mapping of failures to exit codes (see ./exit.ts).

import { Command, Option } from 'commander';
import { registerDb } from './commands/db.ts';
import { registerDump } from './commands/dump.ts';
import { registerModule } from './commands/module.ts';
import { registerShell } from './commands/shell.ts';
import { registerStart } from './commands/start.ts';
import { registerUser } from './commands/user.ts';
import { registerCron } from './commands/cron.ts';
import { registerImport } from './commands/import.ts';
import { registerExport } from './commands/export.ts';
import { reportError } from './exit.ts';

export function buildProgram(): Command {
  const program = new Command('erp')
    .description('Run and administer the ERP: databases, modules, server')
    .addOption(new Option('--data-dir <dir>', 'folder of the embedded PostgreSQL').env('ERP_DATA_DIR').default('./.erp'))
    .addOption(new Option('--database-url <url>', 'use this PostgreSQL server instead of the embedded one').env('DATABASE_URL'))
    .addOption(new Option('--addons-path <paths>', 'extra addon folders, comma-separated').env('ERP_ADDONS_PATH'))
    .option('--verbose', 'show stack traces on errors')
    .showHelpAfterError('(run "erp --help" for usage)')
    // Throw instead of exiting so that main() decides the exit code and nothing skips erp.stop().
    .exitOverride();
  // Sub-commands copy these settings when created, so register them last.
  registerDump(registerDb(program));
  registerModule(program);
  registerStart(program);
  registerShell(program);
  registerUser(program);
  registerCron(program);
  registerImport(program);
  registerExport(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    const verbose = Boolean(program.opts().verbose) || argv.includes('--verbose');
    return reportError(error, verbose);
  }
}
