// `erp export <model> --fields a,b,partner_id/name [--domain "[...]"] --format xlsx|csv -o FILE
// --db X`: the records matching the domain, through export_data, as the web client's export
// dialog writes them. The domain may be JSON or Odoo's Python-style text
// (`[('stage_id.is_won', '=', True)]`). Headers are the fields' labels, or the paths themselves
// with --import-compat (a file `erp import` maps back exactly).

import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { ErpError, errors } from '../../core/errors.ts';
import type { Domain } from '../../core/models/types.ts';
import type { Env } from '../../core/models/env.ts';
import { domainContext } from '../../core/security/access.ts';
import { evalRuleDomain, parseRuleDomain } from '../../core/security/rule_domain.ts';
import { exportFile, exportMatrix } from '../../core/records/export_file.ts';
import { splitPath } from '../../core/records/export.ts';
import { catalogOf } from '../../core/i18n/catalog.ts';
import { splitList, withErp } from '../config.ts';
import { globals } from '../globals.ts';
import { userEnvOf } from './import.ts';

const DEFAULT_DB = 'erp';

interface ExportCliOptions {
  db: string;
  user: string;
  fields: string[];
  domain?: string;
  format: 'xlsx' | 'csv';
  output: string;
  importCompat?: boolean;
}

function fieldList(value: string): string[] {
  const list = splitList(value);
  if (!list.length) throw new InvalidArgumentError('expected field paths, comma-separated (name,partner_id/name)');
  return list;
}

/** JSON, or Odoo's Python literals (True, None, tuples, uid). */
async function parseDomain(env: Env, text: string | undefined): Promise<Domain> {
  if (!text?.trim()) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    if (Array.isArray(parsed)) return parsed as Domain;
  } catch { /* not JSON: Odoo's text */ }
  try {
    return evalRuleDomain(parseRuleDomain('--domain', text), await domainContext(env));
  } catch (error) {
    if (error instanceof ErpError) throw errors.userError(`Invalid --domain: ${error.message.replace(/^Record rule "--domain" has an invalid domain: /, '')}`);
    throw error;
  }
}

export function registerExport(program: Command): void {
  program.command('export')
    .description('export records to an Excel (.xlsx) or CSV file')
    .argument('<model>', 'model to export, e.g. crm.lead')
    .requiredOption('--fields <paths>', 'field paths, comma-separated: name,partner_id/name,tag_ids/id,id', fieldList)
    .option('--domain <domain>', 'which records (default: all), e.g. "[(\'type\', \'=\', \'opportunity\')]"')
    .addOption(new Option('--format <format>', 'file format').choices(['xlsx', 'csv']).default('xlsx'))
    .requiredOption('-o, --output <file>', 'file to write')
    .option('--import-compat', 'headers are the field paths and many2many stay in one cell, so that the file imports back')
    .option('--db <name>', 'database', DEFAULT_DB)
    .option('--user <login>', 'export as this user (rights, language, time zone)', 'admin')
    .action(async (modelName: string, opts: ExportCliOptions, cmd: Command) => {
      const matrix = await withErp(globals(cmd), async (erp) => {
        const { db } = await erp.get(opts.db);
        return db.withEnv(async (root) => {
          const env = await userEnvOf(root, opts.user);
          const model = env.model(modelName);
          const fields = opts.fields.map((name) => ({ name, label: labelOf(env, model.meta.name, name) }));
          return exportMatrix(env, { model: modelName, fields, domain: await parseDomain(env, opts.domain), import_compat: Boolean(opts.importCompat) });
        });
      });
      let file: Buffer;
      try {
        file = await exportFile(matrix, opts.format);
      } catch (error) {
        if (error instanceof RangeError) throw errors.userError(error.message);
        throw error;
      }
      writeFileSync(opts.output, file);
      console.log(`${matrix.datas.length} rows written to ${opts.output}`);
    });
}

/** A path's labels, joined as Odoo's export dialog does (`Customer/Email`), in the user's language. */
function labelOf(env: Env, model: string, path: string): string {
  const catalog = catalogOf(env);
  let meta = env.registry.get(model);
  return splitPath(path).map((name) => {
    if (name === 'id') return 'External ID';
    if (name === '.id') return 'ID';
    const field = meta.fields.get(name);
    if (!field) return name;
    if (field.comodel) meta = env.registry.get(field.comodel);
    return catalog ? catalog.get(field.string, field.model) : field.string;
  }).join('/');
}
