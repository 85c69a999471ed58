// `erp import` and `erp export`, run as users run them (`node bin/erp.js ...`) against the test
// PostgreSQL (--database-url), on a database with CRM: a dry run, an import refused because of a
// bad row (nothing imported, the row and column named), --skip-errors, progress on stderr, and an
// export to CSV and .xlsx filtered by a domain written as in Odoo.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import ExcelJS from 'exceljs';
import { testDb } from './helpers/db.ts';
import { readState, ROOT } from './setup/state.ts';

const BIN = path.join(ROOT, 'bin', 'erp.js');
const db = await testDb(t, { modules: ['crm'] });
const dir = mkdtempSync(path.join(os.tmpdir(), 'erp-impex-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && !k.startsWith('ERP_')));

function erp(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--database-url', readState()!.url, ...args], { cwd: ROOT, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const count = () => db.commit((env) => env.model('crm.lead').search_count([['name', 'like', 'CLI lead']]));
const SLOW = { timeout: 120000 };

const rows = Array.from({ length: 30 }, (_, i) => `CLI lead ${String(i).padStart(2, '0')},${i === 12 ? 'much' : i * 100},${i % 2 ? 'High' : 'Low'}`);
const file = path.join(dir, 'leads.csv');
writeFileSync(file, ['Opportunity,Expected Revenue,Priority', ...rows].join('\n'));

t.test('a file with a bad row imports nothing and says where the error is', SLOW, async (t) => {
  const dry = await erp(['import', 'crm.lead', file, '--db', db.name, '--dry-run', '--batch-size', '10']);
  t.equal(dry.code, 1, dry.stderr);
  t.match(dry.stderr, /… 30 rows to import into crm\.lead/);
  t.match(dry.stderr, /… 10 \/ 30 rows[\s\S]*… 30 \/ 30 rows \(100%/, 'progress on stderr, batch by batch');
  t.match(dry.stderr, /error: row 14, column "Expected Revenue": "much" is not a number/);
  t.match(dry.stderr, /1 of 30 rows have errors: nothing was imported/);
  const real = await erp(['import', 'crm.lead', file, '--db', db.name]);
  t.equal(real.code, 1);
  t.equal(await count(), 0, 'all or nothing');
});

t.test('--skip-errors imports the good rows', SLOW, async (t) => {
  const result = await erp(['import', 'crm.lead', file, '--db', db.name, '--skip-errors']);
  t.equal(result.code, 1, 'the skipped row still makes the exit code 1');
  t.match(result.stdout, /29 created, 0 updated, 1 rows skipped/);
  t.equal(await count(), 29);
  const fixed = path.join(dir, 'fixed.csv');
  writeFileSync(fixed, 'Opportunity,Expected Revenue\nCLI lead 12,"1,200"\n');
  const again = await erp(['import', 'crm.lead', fixed, '--db', db.name]);
  t.equal(again.code, 0, again.stderr);
  t.match(again.stdout, /^1 created, 0 updated$/m);
  t.equal(await count(), 30);
});

t.test('export to CSV and Excel with a domain in Odoo\'s syntax', SLOW, async (t) => {
  const csv = path.join(dir, 'out.csv');
  const result = await erp(['export', 'crm.lead', '--db', db.name, '--fields', 'name,expected_revenue,priority,stage_id,team_id/name',
    '--domain', "[('name', 'like', 'CLI lead 1'), ('priority', '=', '2')]", '--format', 'csv', '-o', csv]);
  t.equal(result.code, 0, result.stderr);
  t.match(result.stdout, /5 rows written/);
  const lines = readFileSync(csv, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
  t.equal(lines[0], 'Opportunity,Expected Revenue,Priority,Stage,Sales Team/Sales Team');
  t.ok(lines.includes('CLI lead 11,1100,High,New,Sales'), lines.join('\n'));

  const xlsx = path.join(dir, 'out.xlsx');
  const compat = await erp(['export', 'crm.lead', '--db', db.name, '--fields', 'id,name,expected_revenue', '--domain', '[["name", "=", "CLI lead 12"]]', '--import-compat', '-o', xlsx]);
  t.equal(compat.code, 0, compat.stderr);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  const sheet = workbook.worksheets[0];
  t.same((sheet.getRow(1).values as unknown[]).slice(1), ['id', 'name', 'expected_revenue'], 'import-compatible: the paths head the columns');
  t.match((sheet.getRow(2).values as unknown[]).slice(1), [/^__export__\.crm_lead_\d+_/, 'CLI lead 12', 1200]);

  const bad = await erp(['export', 'crm.lead', '--db', db.name, '--fields', 'name', '--domain', '[(', '-o', csv]);
  t.equal(bad.code, 1);
  t.match(bad.stderr, /error: Invalid --domain/);
});
