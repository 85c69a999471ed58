// `erp import <model> <file> --db X [--skip-errors] [--dry-run]`: imports a CSV or Excel file
// as the web client's import page does, as a user (admin by default, with their rights, language
// and time zone). Columns map to fields by technical name or label (English or Persian); a column
// that matches nothing is reported and left out. Progress goes to stderr, the summary to stdout;
// the exit code is 1 when rows failed (and, unless --skip-errors, nothing was imported).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { errors } from '../../core/errors.ts';
import type { Env } from '../../core/models/env.ts';
import { readFile } from '../../core/records/import/file.ts';
import { matchColumns } from '../../core/records/import/fields.ts';
import { importRecords, type ImportMessage, type ImportProgress } from '../../core/records/import/load.ts';
import { withErp } from '../config.ts';
import { globals } from '../globals.ts';

const DEFAULT_DB = 'erp';

interface ImportCliOptions {
  db: string;
  user: string;
  skipErrors?: boolean;
  dryRun?: boolean;
  separator?: string;
  encoding?: string;
  sheet?: string;
  batchSize?: number;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number above 0');
  return n;
}

/** The environment of `login`, with their language and time zone. */
export async function userEnvOf(root: Env, login: string): Promise<Env> {
  const [user] = await root.model('res.users').search_read([['login', '=', login]], ['lang', 'tz'], { limit: 1 });
  if (!user) throw errors.unknownLogin(login);
  const context: Record<string, unknown> = {};
  if (typeof user.lang === 'string' && user.lang) context.lang = user.lang;
  if (typeof user.tz === 'string' && user.tz) context.tz = user.tz;
  return root.withUser(user.id).withContext(context);
}

function progressLine(): (p: ImportProgress) => void {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  return ({ done, total }) => {
    const seconds = (Date.now() - started) / 1000;
    const line = `… ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} rows (${Math.round((100 * done) / Math.max(1, total))}%, ${seconds.toFixed(1)} s)`;
    process.stderr.write(tty ? `\r${line}${done >= total ? '\n' : ''}` : `${line}\n`);
  };
}

const describe = (m: ImportMessage) => `${m.row === null ? 'file' : `row ${m.row}`}${m.header !== null ? `, column "${m.header}"` : ''}: ${m.message}`;

export function registerImport(program: Command): void {
  program.command('import')
    .description('import records from a CSV or Excel (.xlsx) file')
    .argument('<model>', 'model to import into, e.g. crm.lead')
    .argument('<file>', 'a .csv or .xlsx file whose first row names the fields (technical names or labels)')
    .option('--db <name>', 'database', DEFAULT_DB)
    .option('--user <login>', 'import as this user (rights, language, time zone)', 'admin')
    .option('--skip-errors', 'import the good rows and report the bad ones (default: nothing is imported when a row fails)')
    .option('--dry-run', 'check every row, report, and import nothing')
    .option('--separator <char>', 'CSV separator (detected by default)')
    .option('--encoding <name>', 'CSV encoding, e.g. utf-8, windows-1256 (detected by default)')
    .option('--sheet <name>', 'the sheet of a workbook to read (the first one by default)')
    .option('--batch-size <rows>', 'rows per batch', positive)
    .action(async (modelName: string, file: string, opts: ImportCliOptions, cmd: Command) => {
      let data: Buffer;
      try {
        data = readFileSync(file);
      } catch (error) {
        throw errors.userError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
      }
      const read = await readFile(data, path.basename(file), { separator: opts.separator, encoding: opts.encoding, sheet: opts.sheet });
      const result = await withErp(globals(cmd), async (erp) => {
        const { db } = await erp.get(opts.db);
        return db.withEnv(async (root) => {
          const env = await userEnvOf(root, opts.user);
          const model = env.model(modelName);
          const mapping = matchColumns(model, read.headers);
          mapping.forEach((path, i) => { if (!path) process.stderr.write(`… column "${read.headers[i]}" matches no field of ${modelName}: left out\n`); });
          process.stderr.write(`… ${read.rows.length.toLocaleString('en-US')} rows to import into ${modelName}\n`);
          return importRecords(model, read, mapping, { skipErrors: opts.skipErrors, dryRun: opts.dryRun, batchSize: opts.batchSize, onProgress: progressLine() });
        });
      });
      for (const message of result.messages) process.stderr.write(`${message.type}: ${describe(message)}\n`);
      const counts = `${result.created} created, ${result.updated} updated${result.skipped ? `, ${result.skipped} rows skipped` : ''}`;
      if (result.ok) {
        console.log(opts.dryRun ? `dry run: ${counts}; nothing was saved` : counts);
        if (result.skipped) throw errors.userError(`${result.skipped} rows were skipped (see the errors above)`);
        return;
      }
      throw errors.userError(`${result.skipped} of ${result.total} rows have errors: nothing was imported${opts.skipErrors ? '' : ' (fix them, or use --skip-errors to import the others)'}`);
    });
}
