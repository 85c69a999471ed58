// Importing 100,000 crm.lead rows, from CSV and from Excel, through the import of the web client
// and of `erp import` (core/records/import): the file read, every cell converted, customers,
// stages and tags found by name (one query per batch and field), then `create` by batches of
// 2,000 with crm.lead's defaults, stored computes and constraints. Beside it, PostgreSQL's COPY
// of the same rows (leads and their tags, values already resolved) into the same tables: the
// floor no import can go under. The table also shows how much of the import is reading the file
// and how much is crm.lead's `create` itself (the rest is converting and looking up).
//
//   npm run bench -- import [--rows N] [--runs N] [--batch N] [--fresh]
//   npx tsx bench/import.ts [same flags]
//
// The database (bench_import, crm installed, 50 customers, 8 tags) lives in the embedded
// PostgreSQL under .erp-bench (or on DATABASE_URL) and is reused; crm_lead is emptied after each
// run, and the CSV and Excel runs alternate which goes first. COPY reads its files on the server
// side, which needs a local server and a superuser (the embedded one); otherwise it is skipped.

import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../core/db/database.ts';
import type { Env } from '../core/models/env.ts';
import { Erp } from '../core/service.ts';
import { readFile } from '../core/records/import/file.ts';
import { matchColumns } from '../core/records/import/fields.ts';
import { importRecords } from '../core/records/import/load.ts';
import { toCsv, toXlsx } from '../core/records/spreadsheet.ts';
import { formatInt, formatSeconds, intFlag, isMain, median, parseFlags, progress, ROOT, table, timeMs } from './lib.ts';

const DB_NAME = 'bench_import';
const CUSTOMERS = 50;
const TAGS = ['Product', 'Software', 'Services', 'Design', 'Training', 'Consulting', 'Hardware', 'Support'];
const PRIORITIES = ['Low', 'Medium', 'High', 'Very High'];
const HEADERS = ['Opportunity', 'Customer', 'Email', 'Phone', 'Expected Revenue', 'Priority', 'Tags', 'Expected Closing', 'Stage', 'City'];

interface Masters { admin: number; company: number; team: number; stages: Map<string, number>; customers: Map<string, number>; tags: Map<string, number> }

async function ensureDatabase(erp: Erp, fresh: boolean): Promise<Database> {
  if (fresh && (await erp.exists(DB_NAME))) await erp.dropDatabase(DB_NAME);
  if (!(await erp.exists(DB_NAME))) {
    progress(`creating ${DB_NAME} with crm…`);
    const { db } = await erp.createDatabase(DB_NAME, { modules: ['crm'], demo: false });
    await db.withEnv(async (env) => {
      await env.model('res.partner').create(Array.from({ length: CUSTOMERS }, (_, i) => ({ name: `Customer ${i}`, is_company: true })));
      await env.model('crm.tag').create(TAGS.map((name) => ({ name })));
    });
  }
  return (await erp.get(DB_NAME)).db;
}

async function masters(env: Env): Promise<Masters> {
  const pairs = async (model: string, domain: unknown[] = []) =>
    new Map((await env.model(model).search_read(domain as never, ['name'])).map((r) => [String(r.name), r.id]));
  return {
    admin: await env.refId('base.user_admin'),
    company: await env.refId('base.main_company'),
    team: await env.refId('crm.team_sales_department'),
    stages: await pairs('crm.stage'),
    customers: await pairs('res.partner', [['name', '=like', 'Customer %']]),
    tags: await pairs('crm.tag'),
  };
}

/** The rows of the file, as a person would type them (labels, names, thousands separators). */
function rows(count: number, stages: string[]): string[][] {
  return Array.from({ length: count }, (_, i) => {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    return [
      `Bench lead ${i}`, `Customer ${i % CUSTOMERS}`, `contact${i}@example${i % 997}.com`, `+98 912 ${String(1000000 + i).slice(-7)}`,
      ((i * 37) % 100000 + 0.5).toLocaleString('en-US', { minimumFractionDigits: 2 }), PRIORITIES[i % 4],
      `${TAGS[i % TAGS.length]},${TAGS[(i + 3) % TAGS.length]}`, `2025-${month}-${day}`, stages[i % stages.length], ['Tehran', 'Shiraz', 'Tabriz', 'Paris'][i % 4],
    ];
  });
}

interface Measure { ms: number; readMs: number; createMs: number; queries: number; created: number }

async function runImport(db: Database, data: Buffer, name: string, batch: number): Promise<Measure> {
  return db.withEnv(async (root) => {
    const env = root.withUser(await root.refId('base.user_admin'));
    const model = env.model('crm.lead');
    const before = env.cr.queryCount;
    let readMs = 0;
    let createMs = 0;
    let created = 0;
    // The time spent in crm.lead's create (defaults, INSERT, stored computes, scoring), apart.
    const proto = Object.getPrototypeOf(model) as { create: (vals: unknown) => Promise<unknown> };
    const create = proto.create;
    proto.create = async function timed(this: unknown, vals: unknown) {
      const start = performance.now();
      try { return await create.call(this, vals); } finally { createMs += performance.now() - start; }
    };
    try {
      const ms = await timeMs(async () => {
        let file!: Awaited<ReturnType<typeof readFile>>;
        readMs = await timeMs(async () => { file = await readFile(data, name); });
        const result = await importRecords(model, file, matchColumns(model, file.headers), { batchSize: batch });
        if (!result.ok) throw new Error(`the import failed: ${JSON.stringify(result.messages.slice(0, 3))}`);
        created = result.created;
      });
      return { ms, readMs, createMs, queries: env.cr.queryCount - before, created };
    } finally {
      proto.create = create;
    }
  });
}

/** COPY of the same rows, values resolved, into crm_lead and crm_tag_rel (ids reserved first). */
async function runCopy(db: Database, m: Masters, data: string[][], dir: string): Promise<number | null> {
  return db.withEnv(async (env) => {
    const [{ superuser }] = await env.cr.query<{ superuser: boolean }>("SELECT current_setting('is_superuser') = 'on' AS superuser");
    if (!superuser) return null;
    const ids = (await env.cr.query<{ id: number }>(`SELECT nextval('crm_lead_id_seq')::int AS id FROM generate_series(1, $1)`, [data.length])).map((r) => r.id);
    const now = new Date().toISOString().slice(0, 19).replace('T', ' ');
    const leads = data.map((r, i) => [ids[i], r[0], m.customers.get(r[1]), r[2], r[3], Number(r[4].replace(/,/g, '')), String(PRIORITIES.indexOf(r[5])),
      r[7], m.stages.get(r[8]), r[9], 'opportunity', true, m.admin, m.team, m.company, 10, m.admin, now, m.admin, now].join('\t'));
    const tags = data.flatMap((r, i) => r[6].split(',').map((tag) => `${ids[i]}\t${m.tags.get(tag)}`));
    const leadFile = path.join(dir, 'leads.tsv');
    const tagFile = path.join(dir, 'tags.tsv');
    writeFileSync(leadFile, `${leads.join('\n')}\n`);
    writeFileSync(tagFile, `${tags.join('\n')}\n`);
    for (const file of [leadFile, tagFile]) chmodSync(file, 0o644);
    return timeMs(async () => {
      await env.cr.execute(`COPY crm_lead (id, name, partner_id, email_from, phone, expected_revenue, priority, date_deadline, stage_id, city, type, active,
        user_id, team_id, company_id, probability, create_uid, create_date, write_uid, write_date) FROM '${leadFile}'`);
      await env.cr.execute(`COPY crm_tag_rel (lead_id, tag_id) FROM '${tagFile}'`);
    });
  });
}

/** Empties crm_lead for the next run; TRUNCATE rather than DELETE, so that no run pays for the
 *  dead rows and index entries of the one before. */
async function clear(db: Database): Promise<void> {
  await db.withEnv(async (env) => {
    await env.cr.execute("DELETE FROM ir_model_data WHERE model = 'crm.lead'");
    await env.cr.execute('TRUNCATE crm_lead CASCADE');
  });
}

export default async function main(argv: string[] = []): Promise<void> {
  const flags = parseFlags(argv, ['rows', 'runs', 'batch']);
  const count = intFlag(flags, 'rows', 100_000);
  const runs = Math.max(1, intFlag(flags, 'runs', 1));
  const batch = intFlag(flags, 'batch', 2000);
  const erp = await Erp.start({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: path.join(ROOT, '.erp-bench'),
    addonsPaths: [path.join(ROOT, 'addons')],
    log: progress,
  });
  // The server (the `postgres` user when run as root) reads COPY's files.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'erp-bench-import-'));
  chmodSync(dir, 0o755);
  try {
    const db = await ensureDatabase(erp, flags.switches.has('fresh'));
    await clear(db);
    const m = await db.withEnv(masters);
    const data = rows(count, [...m.stages.keys()].filter((s) => s !== 'Won'));
    progress(`writing ${formatInt(count)} rows as CSV and .xlsx…`);
    const csv = toCsv(HEADERS, data);
    const xlsx = await toXlsx(HEADERS, data);
    progress(`CSV ${(csv.length / 1e6).toFixed(1)} MB, .xlsx ${(xlsx.length / 1e6).toFixed(1)} MB`);

    const samples: Record<'csv' | 'xlsx' | 'copy', number[]> = { csv: [], xlsx: [], copy: [] };
    const details: Record<'csv' | 'xlsx', Measure[]> = { csv: [], xlsx: [] };
    for (let run = 0; run < runs; run++) {
      for (const [kind, file] of (run % 2 ? [['csv', csv], ['xlsx', xlsx]] : [['xlsx', xlsx], ['csv', csv]]) as Array<['csv' | 'xlsx', Buffer]>) {
        progress(`run ${run + 1}/${runs}: importing ${formatInt(count)} rows from ${kind}…`);
        const measure = await runImport(db, file, `leads.${kind}`, batch);
        if (measure.created !== count) throw new Error(`${kind}: ${measure.created} records created, ${count} expected`);
        samples[kind].push(measure.ms);
        details[kind].push(measure);
        await clear(db);
      }
      progress(`run ${run + 1}/${runs}: COPY of the same rows…`);
      const copy = await runCopy(db, m, data, dir);
      if (copy !== null) samples.copy.push(copy);
      await clear(db);
    }

    const copyMs = samples.copy.length ? median(samples.copy) : NaN;
    const line = (kind: 'csv' | 'xlsx') => {
      const ms = median(samples[kind]);
      const d = details[kind];
      return [kind === 'csv' ? 'import from CSV' : 'import from .xlsx', formatSeconds(ms), formatInt((count / ms) * 1000),
        formatSeconds(median(d.map((m) => m.readMs))), formatSeconds(median(d.map((m) => m.createMs))),
        formatSeconds(median(d.map((m) => m.ms - m.readMs - m.createMs))), formatInt(d[0].queries), Number.isNaN(copyMs) ? '-' : `${(ms / copyMs).toFixed(1)}x`];
    };
    console.log(`\n${formatInt(count)} crm.lead rows (${HEADERS.length} columns: customer, stage and 2 tags by name), batches of ${formatInt(batch)}, median of ${runs} run(s)\n`);
    console.log(table(['', 'time', 'rows/s', 'reading the file', 'crm.lead create', 'converting, lookups', 'queries', 'vs COPY'], [
      line('csv'), line('xlsx'),
      ['PostgreSQL COPY (leads + tags)', Number.isNaN(copyMs) ? 'skipped (needs a local superuser)' : formatSeconds(copyMs), Number.isNaN(copyMs) ? '-' : formatInt((count / copyMs) * 1000), '-', '-', '-', '2', '1.0x'],
    ], ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right']));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await erp.stop();
  }
}

if (isMain(import.meta.url)) await main(process.argv.slice(2));
