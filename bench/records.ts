// Records API against hand-written SQL on 1,000,000 crm.lead-like rows (addon bench_leads).
// For search_read, search_count and read_group it prints the median time of ours and of its
// raw-SQL twin sent on the same connection, and their ratio against the 1.5x target.
//
//   npm run bench -- records [--fresh] [--rows N] [--runs N] [--warmup N] [--explain]
//   npx tsx bench/records.ts [same flags]
//
// Data lives in an embedded PostgreSQL under .erp-bench (or on DATABASE_URL) and is reused by the
// next run when its row count matches; --fresh rebuilds it.

import path from 'node:path';
import pg from 'pg';
import type { Cursor } from '../core/db/cursor.ts';
import type { Database } from '../core/db/database.ts';
import type { Env } from '../core/models/env.ts';
import type { Domain } from '../core/models/types.ts';
import { Erp } from '../core/service.ts';
import {
  compare, formatInt, formatMs, formatSeconds, intFlag, isMain, parseFlags, progress, ROOT, summarize, table, timeMs,
  type Summary,
} from './lib.ts';

const DB_NAME = 'bench_records';
const LOAD_KEY = 'bench_records.load';
const PARTNERS = 5_000;
const USERS = 20;
const STAGES = ['New', 'Qualified', 'Proposition', 'Negotiation', 'Won', 'Lost'];
const CHUNK = 100_000;
const TARGET = 1.5;
const PAGE = 80;
const MIN_PROBABILITY = 20;

interface Options {
  rows: number;
  fresh: boolean;
  runs: number;
  warmup: number;
  explain: boolean;
}

interface LoadInfo {
  rows: number;
  /** Inserting the leads only (the bulk path), ms. */
  leadsMs: number;
  /** Creating the database, installing, seeding, loading and analysing, ms. */
  totalMs: number;
  at: string;
}

interface Masters {
  partners: number[];
  users: number[];
  stages: number[];
  currency: number;
}

export default async function main(argv: string[] = []): Promise<void> {
  const flags = parseFlags(argv, ['rows', 'runs', 'warmup']);
  const options: Options = {
    rows: intFlag(flags, 'rows', 1_000_000),
    fresh: flags.switches.has('fresh'),
    runs: intFlag(flags, 'runs', 30),
    warmup: intFlag(flags, 'warmup', 5),
    explain: flags.switches.has('explain'),
  };
  const erp = await Erp.start({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: path.join(ROOT, '.erp-bench'),
    addonsPaths: [path.join(ROOT, 'bench', 'addons')],
    log: progress,
  });
  try {
    const { db, load, reused } = await ensureData(erp, options);
    await runBenchmarks(db, load, reused, options);
  } finally {
    await erp.stop();
  }
}

// ---- the data --------------------------------------------------------------------------------

/** Reuses the database when a previous run completed it with the same row count. */
async function ensureData(erp: Erp, options: Options): Promise<{ db: Database; load: LoadInfo; reused: boolean }> {
  if (await erp.exists(DB_NAME)) {
    const load = options.fresh ? null : await completedLoad(erp);
    if (load && load.rows === options.rows) return { db: (await erp.get(DB_NAME)).db, load, reused: true };
    progress(options.fresh ? `--fresh: dropping ${DB_NAME}` : `${DB_NAME} does not hold ${formatInt(options.rows)} complete rows: rebuilding it`);
    await erp.dropDatabase(DB_NAME);
  }
  return { ...(await build(erp, options.rows)), reused: false };
}

/** The load record of a finished build (written last), checked against the table itself. */
async function completedLoad(erp: Erp): Promise<LoadInfo | null> {
  try {
    const { db, modules } = await erp.get(DB_NAME);
    if (!(await modules.installed()).includes('bench_leads')) return null;
    return await db.transaction(async (cr) => {
      const [param] = await cr.query<{ value: string }>('SELECT value FROM ir_config_parameter WHERE key = $1', [LOAD_KEY]);
      if (!param) return null;
      const load = JSON.parse(param.value) as LoadInfo;
      const [{ count }] = await cr.query<{ count: number }>('SELECT count(*)::int AS count FROM bench_lead');
      return count === load.rows ? load : null;
    });
  } catch (error) {
    progress(`cannot reuse ${DB_NAME}: ${(error as Error).message}`);
    return null;
  }
}

async function build(erp: Erp, rows: number): Promise<{ db: Database; load: LoadInfo }> {
  const started = process.hrtime.bigint();
  progress(`creating database ${DB_NAME}`);
  const { db } = await erp.createDatabase(DB_NAME, { modules: ['bench_leads'], progress: (m) => progress(`  ${m}`) });
  const masters = await db.withEnv(seedMasters);
  const leadsMs = await timeMs(() => insertLeads(db, rows, masters));
  progress('VACUUM ANALYZE');
  await vacuumAnalyze(erp);
  const load: LoadInfo = { rows, leadsMs, totalMs: Number(process.hrtime.bigint() - started) / 1e6, at: new Date().toISOString() };
  // Written last: its presence is what marks the database complete and reusable.
  await db.withEnv((env) => env.model('ir.config_parameter').create({ key: LOAD_KEY, value: JSON.stringify(load) }));
  return { db, load };
}

/** Stages, salespeople and customers through the records API: few rows, so the normal path. */
async function seedMasters(env: Env): Promise<Masters> {
  progress(`seeding ${STAGES.length} stages, ${USERS} users, ${formatInt(PARTNERS)} partners`);
  const stages = await env.model('bench.stage').create(STAGES.map((name, i) => ({ name, sequence: i + 1 })));
  const users = await env.model('res.users').create(
    Array.from({ length: USERS }, (_, i) => ({ login: `bench_user_${i + 1}`, name: `Salesperson ${i + 1}` })));
  const partners = await env.model('res.partner').create(Array.from({ length: PARTNERS }, (_, i) => ({
    name: `Customer ${String(i + 1).padStart(5, '0')}`, is_company: i % 5 === 0, email: `customer${i + 1}@example.com`,
  })));
  return { stages, users, partners, currency: await env.refId('base.USD') };
}

// Rows are derived from `g` by hashing (not random()), so every build holds the same data and
// two runs of the benchmark are comparable. hashint4extended(g, seed) gives one independent
// draw per column; `& max int8` keeps it non-negative. 5% of leads have no customer, 4% are
// archived; priorities skew low and create dates spread over three years, as in a real pipeline.
const INSERT_LEADS = `
INSERT INTO bench_lead (name, partner_id, user_id, stage_id, currency_id, expected_revenue, probability, priority,
                        active, create_uid, create_date, write_uid, write_date)
SELECT 'Opportunity ' || g,
       CASE WHEN h.p % 20 = 0 THEN NULL ELSE ($3::int4[])[1 + h.p % cardinality($3::int4[])] END,
       ($4::int4[])[1 + h.u % cardinality($4::int4[])],
       ($5::int4[])[1 + h.s % cardinality($5::int4[])],
       $6::int4,
       round((h.r % 5000000) / 100.0, 2),
       (h.q % 101)::float8,
       (ARRAY['0','0','0','0','0','0','1','1','2','3'])[1 + h.y % 10],
       g % 25 <> 0,
       1, h.created, 1, h.created
FROM generate_series($1::int4, $2::int4) AS g
CROSS JOIN LATERAL (
  SELECT hashint4extended(g, 1) & 9223372036854775807 AS p, hashint4extended(g, 2) & 9223372036854775807 AS u,
         hashint4extended(g, 3) & 9223372036854775807 AS s, hashint4extended(g, 4) & 9223372036854775807 AS r,
         hashint4extended(g, 5) & 9223372036854775807 AS q, hashint4extended(g, 6) & 9223372036854775807 AS y,
         (now() AT TIME ZONE 'UTC') - make_interval(secs => (hashint4extended(g, 7) & 9223372036854775807) % 94608000) AS created
) AS h`;

/** The bulk path: one INSERT ... SELECT FROM generate_series per chunk, each its own transaction
 *  so progress is real (committed) and a failure keeps nothing half-counted. */
async function insertLeads(db: Database, rows: number, m: Masters): Promise<void> {
  const started = process.hrtime.bigint();
  for (let from = 1; from <= rows; from += CHUNK) {
    const to = Math.min(rows, from + CHUNK - 1);
    await db.transaction((cr) => cr.execute(INSERT_LEADS, [from, to, m.partners, m.users, m.stages, m.currency]));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    progress(`  leads ${formatInt(to)} / ${formatInt(rows)}  (${formatInt(to / seconds)} rows/s)`);
  }
}

/** VACUUM cannot run in a transaction block, hence its own client. Besides the statistics the
 *  planner needs, it sets the visibility map and hint bits that a production table has long had,
 *  so the first run after a build measures the same thing as the next ones. */
async function vacuumAnalyze(erp: Erp): Promise<void> {
  const client = new pg.Client({ connectionString: erp.server.url(DB_NAME) });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE) bench_lead, bench_stage, res_partner, res_users');
  } finally {
    await client.end();
  }
}

// ---- the benchmarks --------------------------------------------------------------------------

/** One operation: the records API call and its hand-written twin, for the same parameters. */
interface Case {
  label: string;
  ours: (env: Env, round: number) => Promise<unknown>;
  raw: (cr: Cursor, round: number) => Promise<unknown>;
  /** The twin's SQL and parameters for a round (for --explain). */
  rawSql: (round: number) => [string, unknown[]];
  /** Compares the two results once, before timing: a twin that answers differently is no twin. */
  same: (ours: unknown, raw: unknown) => boolean;
}

interface Params {
  stages: number[];
  users: number[];
}

const stageOf = (p: Params, round: number) => p.stages[round % p.stages.length];
// A different stride than the stages, so the rounds walk through many (stage, user) pairs.
const userOf = (p: Params, round: number) => p.users[(round * 7) % p.users.length];

const pipelineDomain = (p: Params, round: number): Domain =>
  [['stage_id', '=', stageOf(p, round)], ['probability', '>=', MIN_PROBABILITY], ['user_id', '=', userOf(p, round)]];

const PIPELINE_WHERE = 'l.stage_id = $1 AND l.probability >= $2 AND l.user_id = $3 AND l.active';

function searchReadCase(p: Params): Case {
  // The page first, then the names of its 80 rows only: joining before the LIMIT would look up a
  // name for each of the ~6,500 matching rows, a slower twin than a careful hand would write.
  const sql = `SELECT l.id, l.name, l.partner_id, coalesce(p.complete_name, p.name) AS partner_name,
       l.expected_revenue, l.stage_id, s.name AS stage_name
  FROM (SELECT id, name, partner_id, expected_revenue, stage_id, priority
          FROM bench_lead l
         WHERE ${PIPELINE_WHERE}
         ORDER BY priority DESC, id DESC
         LIMIT ${PAGE}) AS l
  LEFT JOIN res_partner p ON p.id = l.partner_id
  LEFT JOIN bench_stage s ON s.id = l.stage_id
 ORDER BY l.priority DESC, l.id DESC`;
  const rawSql = (round: number): [string, unknown[]] => [sql, [stageOf(p, round), MIN_PROBABILITY, userOf(p, round)]];
  return {
    label: `search_read (${PAGE} rows, 3-term domain)`,
    ours: (env, round) => env.model('bench.lead').search_read(pipelineDomain(p, round), ['name', 'partner_id', 'expected_revenue', 'stage_id'], { limit: PAGE }),
    raw: (cr, round) => cr.query(...rawSql(round)),
    rawSql,
    same: (ours, raw) => {
      const a = ours as Array<{ id: number; partner_id: false | [number, string] }>;
      const b = raw as Array<{ id: number; partner_name: string | null }>;
      return a.length === b.length && a.every((r, i) => r.id === b[i].id && (r.partner_id ? r.partner_id[1] : null) === b[i].partner_name);
    },
  };
}

function searchCountCase(p: Params): Case {
  const sql = `SELECT count(*) AS count FROM bench_lead l WHERE ${PIPELINE_WHERE}`;
  const rawSql = (round: number): [string, unknown[]] => [sql, [stageOf(p, round), MIN_PROBABILITY, userOf(p, round)]];
  return {
    label: 'search_count (same domain)',
    ours: (env, round) => env.model('bench.lead').search_count(pipelineDomain(p, round)),
    raw: async (cr, round) => (await cr.query<{ count: number }>(...rawSql(round)))[0].count,
    rawSql,
    same: (ours, raw) => ours === raw,
  };
}

function readGroupCase(p: Params): Case {
  // A salesperson's pipeline kanban: their active leads in columns by stage, with totals. The
  // twin aggregates on the integer stage_id alone and joins the 6 names afterwards, rather than
  // grouping 48,000 rows by a text column too.
  const sql = `SELECT g.stage_id, s.name AS stage_name, g.count, g.expected_revenue
  FROM (SELECT stage_id, count(*)::int AS count, sum(expected_revenue) AS expected_revenue
          FROM bench_lead l
         WHERE l.user_id = $1 AND l.active
         GROUP BY stage_id) AS g
  LEFT JOIN bench_stage s ON s.id = g.stage_id
 ORDER BY s.sequence, g.stage_id`;
  const rawSql = (round: number): [string, unknown[]] => [sql, [userOf(p, round)]];
  return {
    label: 'read_group (by stage_id, expected_revenue:sum)',
    ours: (env, round) => env.model('bench.lead').read_group([['user_id', '=', userOf(p, round)]], ['expected_revenue:sum'], ['stage_id'], { lazy: true }),
    raw: (cr, round) => cr.query(...rawSql(round)),
    rawSql,
    same: (ours, raw) => {
      const a = ours as Array<Record<string, unknown>>;
      const b = raw as Array<{ count: number; expected_revenue: number }>;
      const count = (g: Record<string, unknown>) => Number(g.stage_id_count ?? g.__count);
      return a.length === b.length && a.every((g, i) => count(g) === b[i].count && Math.abs(Number(g.expected_revenue) - b[i].expected_revenue) < 0.01);
    },
  };
}

interface Row {
  label: string;
  ours?: Summary;
  raw?: Summary;
  note?: string;
}

async function runBenchmarks(db: Database, load: LoadInfo, reused: boolean, options: Options): Promise<void> {
  await db.withEnv(async (env) => {
    const params: Params = {
      stages: (await env.cr.query<{ id: number }>('SELECT id FROM bench_stage ORDER BY sequence, id')).map((r) => r.id),
      users: (await env.cr.query<{ id: number }>('SELECT DISTINCT user_id AS id FROM bench_lead WHERE user_id IS NOT NULL ORDER BY 1')).map((r) => r.id),
    };
    const cases = [searchReadCase(params), searchCountCase(params), readGroupCase(params)];
    const rows: Row[] = [];
    for (const c of cases) rows.push(await measureCase(env, c, options));
    await printReport(env, rows, load, reused, options);
    if (options.explain) for (const c of cases) await explainCase(env, c);
  });
}

async function measureCase(env: Env, c: Case, options: Options): Promise<Row> {
  let first: unknown;
  try {
    first = await c.ours(env, 0);
  } catch (error) {
    if (c.label.startsWith('read_group')) return { label: c.label, note: 'read_group: not available yet' };
    throw error;
  }
  const note = c.same(first, await c.raw(env.cr, 0)) ? undefined : 'WARNING: results differ from the raw twin';
  progress(`measuring ${c.label}: ${options.warmup} warm-ups + ${options.runs} runs`);
  const samples = await compare({ ours: (round) => c.ours(env, round), raw: (round) => c.raw(env.cr, round) }, options);
  return { label: c.label, ours: summarize(samples.ours), raw: summarize(samples.raw), note };
}

async function printReport(env: Env, rows: Row[], load: LoadInfo, reused: boolean, options: Options): Promise<void> {
  const [counts] = await env.cr.query<{ total: number; active: number }>(
    'SELECT count(*)::int AS total, count(*) FILTER (WHERE active)::int AS active FROM bench_lead');
  const origin = reused ? ` - built ${load.at.slice(0, 19).replace('T', ' ')} UTC, reused (--fresh rebuilds)` : '';
  console.log(`\nbench.lead: ${formatInt(counts.total)} rows (${formatInt(counts.active)} active), ${formatInt(PARTNERS)} partners, ${USERS} salespeople, ${STAGES.length} stages`);
  console.log(`load: ${formatInt(load.rows)} leads in ${formatSeconds(load.leadsMs)} (${formatInt(load.rows / (load.leadsMs / 1000))} rows/s); whole build ${formatSeconds(load.totalMs)}${origin}`);
  console.log(`timing: median and p90 of ${options.runs} runs after ${options.warmup} warm-ups, ours and raw interleaved on one connection\n`);
  const body = rows.map((r) => {
    if (!r.ours || !r.raw) return [r.label, '-', '-', '-', '-', '-', r.note ?? ''];
    const ratio = r.ours.median / r.raw.median;
    const verdict = `${ratio <= TARGET ? 'PASS' : 'FAIL'} (<= ${TARGET}x)`;
    return [r.label, formatMs(r.ours.median), formatMs(r.raw.median), `${ratio.toFixed(2)}x`, formatMs(r.ours.p90), formatMs(r.raw.p90), [verdict, r.note].filter(Boolean).join('; ')];
  });
  console.log(table(['operation', 'ours ms', 'raw ms', 'ratio', 'ours p90', 'raw p90', 'target'], body,
    ['left', 'right', 'right', 'right', 'right', 'right', 'left']));
}

/** Prints the statements our records API sends for one call (by wrapping the cursor) and the plans
 *  of both sides, to see where a ratio comes from. */
async function explainCase(env: Env, c: Case): Promise<void> {
  const sent: Array<[string, unknown[]]> = [];
  const cr = env.cr;
  const query = cr.query;
  cr.query = (async (sql: string, params: unknown[] = []) => {
    sent.push([sql, params]);
    return query.call(cr, sql, params);
  }) as Cursor['query'];
  try {
    await c.ours(env, 0);
  } catch (error) {
    console.log(`\n== ${c.label}: ${(error as Error).message}`);
    return;
  } finally {
    cr.query = query;
  }
  console.log(`\n== ${c.label}: ours sends ${sent.length} statement(s)`);
  for (const [sql, params] of sent) await explain(cr, 'ours', sql, params);
  await explain(cr, 'raw', ...c.rawSql(0));
}

async function explain(cr: Cursor, side: string, sql: string, params: unknown[]): Promise<void> {
  const plan = await cr.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  console.log(`\n-- ${side}: ${sql.replace(/\s+/g, ' ')}\n-- params: ${JSON.stringify(params).slice(0, 200)}`);
  console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
}

if (isMain(import.meta.url)) await main(process.argv.slice(2));
