// CRM on 1,000,000 crm.lead rows: the calls of the screens salespeople open all day, each beside
// its raw-SQL twin (hand-written SQL returning the same data, sent on the same connection),
// with the median time of both and their ratio.
//
//   (a) "My pipeline": the kanban's read_group by stage (count, sum of expected revenue) on
//       [type = opportunity, user_id = me], then the first 80 cards of each column with the
//       kanban's fields (names, tags, activities, currency), as the salesperson (record rules);
//   (b) similar leads of one lead: reading duplicate_lead_count and duplicate_lead_ids, as the
//       sales manager (same email domain, same commercial entity, same phone);
//   (c) the kanban's progress bar: activity_state of every card of the pipeline (a field the
//       database cannot group by, so the client reads it for each record, as Odoo's does);
//   (d), (e) the batch jobs: predictive lead scoring's daily rebuild on the 1M leads and
//       rule-based assignment of 10,000 leads to 50 salespeople (bench/_crm_batch.ts).
//
//   npm run bench -- crm [--fresh] [--rows N] [--runs N] [--warmup N] [--batch-runs N] [--explain]
//                        [--no-batch] [--batch-only]
//   npx tsx bench/crm.ts [same flags]
//
// Data (bench/_crm_data.ts) lives in the embedded PostgreSQL under .erp-bench (or on
// DATABASE_URL), database bench_crm, reused by the next run when its row count matches.

import path from 'node:path';
import type { Cursor } from '../core/db/cursor.ts';
import type { Database } from '../core/db/database.ts';
import type { Env } from '../core/models/env.ts';
import type { Domain } from '../core/models/types.ts';
import { Erp } from '../core/service.ts';
import { measureAssignment, measurePls, type BatchResult } from './_crm_batch.ts';
import { COMPANIES, DB_NAME, ensureData, SALESPEOPLE, TEAMS, type LoadInfo } from './_crm_data.ts';
import { compare, formatInt, formatMs, formatSeconds, intFlag, isMain, parseFlags, progress, ROOT, summarize, table, type Summary } from './lib.ts';

const PAGE = 80;
/** The kanban's fields (addons/crm/data/views_lead.ts, crm_case_kanban_view_leads). */
const KANBAN_FIELDS = ['stage_id', 'probability', 'color', 'active', 'company_currency', 'activity_state', 'team_id', 'name',
  'expected_revenue', 'partner_id', 'tag_ids', 'priority', 'activity_ids', 'user_id'];
/** Indexes the queries measured here rely on (columns of crm_lead declared `index: true`). */
const NEEDED_INDEXES = ['stage_id', 'user_id', 'type', 'partner_id', 'email_domain_criterion', 'phone_sanitized'];

interface Options {
  rows: number;
  fresh: boolean;
  runs: number;
  warmup: number;
  explain: boolean;
  /** Rounds of the batch jobs (each one is long). */
  batchRuns: number;
  batch: boolean;
  screens: boolean;
}

export default async function main(argv: string[] = []): Promise<void> {
  const flags = parseFlags(argv, ['rows', 'runs', 'warmup', 'batch-runs']);
  const options: Options = {
    rows: intFlag(flags, 'rows', 1_000_000),
    fresh: flags.switches.has('fresh'),
    runs: intFlag(flags, 'runs', 30),
    warmup: intFlag(flags, 'warmup', 5),
    explain: flags.switches.has('explain'),
    batchRuns: Math.max(1, intFlag(flags, 'batch-runs', 3)),
    batch: !flags.switches.has('no-batch'),
    screens: !flags.switches.has('batch-only'),
  };
  const erp = await Erp.start({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: path.join(ROOT, '.erp-bench'),
    addonsPaths: [path.join(ROOT, 'addons')],
    log: progress,
  });
  try {
    const { db, load, reused } = await ensureData(erp, options.rows, options.fresh);
    // A reused database may predate columns and tables the code has since gained (the batch
    // jobs write through the whole ORM): upgrading crm applies the schema difference in place.
    if (reused && options.batch) {
      progress('upgrading crm in the reused database (schema changes since it was built)');
      await (await erp.get(DB_NAME)).modules.upgrade(['crm'], { progress: (m) => progress(`  ${m}`) });
    }
    if (options.screens) await runBenchmarks(db, load, reused, options);
    if (options.batch) printBatch([...await measurePls(db, options.batchRuns), await measureAssignment(db, options.batchRuns)]);
  } finally {
    await erp.stop();
  }
}

// ---- the cases -------------------------------------------------------------------------------

/** One screen's calls through the records API and their hand-written twin, for a round. */
interface Case {
  label: string;
  who: string;
  ours: (round: number) => Promise<unknown>;
  raw: (round: number) => Promise<unknown>;
  /** Compares the two results once, before timing: a twin that answers differently is no twin. */
  same: (ours: unknown, raw: unknown) => boolean;
  /** Rounds cycle through this many inputs: the warm-up covers each once. */
  inputs: number;
  runs?: number;
}

interface Params {
  /** Salespeople whose pipelines are opened, in turn. */
  users: number[];
  manager: number;
  /** Open leads with a customer, email and phone, whose similar leads are looked up in turn. */
  probes: number[];
  today: string;
}

const userOf = (p: Params, round: number) => p.users[round % p.users.length];
const pipeline = (uid: number): Domain => [['type', '=', 'opportunity'], ['user_id', '=', uid]];

const RAW_GROUPS = `SELECT g.stage_id, g.count, g.expected_revenue
  FROM (SELECT stage_id, count(*)::int AS count, sum(expected_revenue)::float8 AS expected_revenue
          FROM crm_lead WHERE type = 'opportunity' AND user_id = $1 AND active GROUP BY stage_id) AS g
  LEFT JOIN crm_stage s ON s.id = g.stage_id
 ORDER BY s.sequence, s.id`;

// The page of the column first, then names, tags and activities for its 80 rows only.
const RAW_CARDS = `SELECT l.id, l.name, l.stage_id, l.probability, l.color, l.active, l.expected_revenue::float8 AS expected_revenue, l.priority,
       l.partner_id, coalesce(p.complete_name, p.name) AS partner_name, l.user_id, u.name AS user_name,
       l.team_id, t.name AS team_name, c.currency_id, cur.name AS currency_name,
       coalesce((SELECT array_agg(r.tag_id ORDER BY r.tag_id) FROM crm_tag_rel r WHERE r.lead_id = l.id), '{}') AS tag_ids,
       coalesce(act.ids, '{}') AS activity_ids,
       CASE WHEN act.deadline IS NULL THEN NULL WHEN act.deadline < $3::date THEN 'overdue' WHEN act.deadline = $3::date THEN 'today' ELSE 'planned' END AS activity_state
  FROM (SELECT id, name, stage_id, probability, color, active, expected_revenue, priority, partner_id, user_id, team_id, company_id
          FROM crm_lead WHERE type = 'opportunity' AND user_id = $1 AND active AND stage_id = $2
         ORDER BY priority DESC, id DESC LIMIT ${PAGE}) AS l
  LEFT JOIN res_partner p ON p.id = l.partner_id
  LEFT JOIN res_users u ON u.id = l.user_id
  LEFT JOIN crm_team t ON t.id = l.team_id
  LEFT JOIN res_company c ON c.id = l.company_id
  LEFT JOIN res_currency cur ON cur.id = c.currency_id
  LEFT JOIN LATERAL (SELECT array_agg(a.id ORDER BY a.date_deadline, a.id) AS ids, min(a.date_deadline) AS deadline
                       FROM mail_activity a WHERE a.res_model = 'crm.lead' AND a.res_id = l.id) AS act ON true
 ORDER BY l.priority DESC, l.id DESC`;

type Row = Record<string, unknown>;
const m2oId = (v: unknown) => (Array.isArray(v) ? v[0] : v || null);
const ids = (v: unknown) => [...((v as number[] | null) ?? [])].sort((a, b) => a - b).join(',');

function pipelineCase(env: Env, p: Params): Case {
  return {
    label: `My pipeline: read_group by stage + ${PAGE} cards per column`,
    who: 'salesperson',
    inputs: p.users.length,
    ours: async (round) => {
      const uid = userOf(p, round);
      const leads = env.withUser(uid).model('crm.lead');
      const groups = await leads.read_group(pipeline(uid), ['expected_revenue:sum'], ['stage_id'], { lazy: true });
      const columns: Row[][] = [];
      for (const g of groups) columns.push(await leads.search_read(g.__domain as Domain, KANBAN_FIELDS, { limit: PAGE }));
      return { groups, columns };
    },
    raw: async (round) => {
      const uid = userOf(p, round);
      const groups = await env.cr.query<Row>(RAW_GROUPS, [uid]);
      const columns: Row[][] = [];
      for (const g of groups) columns.push(await env.cr.query<Row>(RAW_CARDS, [uid, g.stage_id, p.today]));
      return { groups, columns };
    },
    same: (a, b) => {
      const ours = a as { groups: Row[]; columns: Row[][] };
      const raw = b as { groups: Row[]; columns: Row[][] };
      const groupsSame = ours.groups.length === raw.groups.length && ours.groups.every((g, i) => m2oId(g.stage_id) === raw.groups[i].stage_id
        && Number(g.stage_id_count) === raw.groups[i].count && Math.abs(Number(g.expected_revenue) - Number(raw.groups[i].expected_revenue)) < 0.01);
      const cardsSame = ours.columns.every((col, i) => col.length === raw.columns[i].length && col.every((r, j) => {
        const t = raw.columns[i][j];
        return r.id === t.id && (Array.isArray(r.partner_id) ? r.partner_id[1] : null) === t.partner_name && ids(r.tag_ids) === ids(t.tag_ids)
          && ids(r.activity_ids) === ids(t.activity_ids) && (r.activity_state || null) === t.activity_state && m2oId(r.company_currency) === t.currency_id;
      }));
      return groupsSame && cardsSame;
    },
  };
}

// Odoo's three criteria, each ignored when it matches more than 20 other leads; the customer's
// whole commercial entity (its partners share commercial_partner_id).
const RAW_SIMILAR = `WITH me AS (
    SELECT l.id, l.email_domain_criterion AS domain, l.phone_sanitized AS phone, p.commercial_partner_id AS entity
      FROM crm_lead l LEFT JOIN res_partner p ON p.id = l.partner_id WHERE l.id = $1
  ), by_email AS (
    SELECT l.id FROM crm_lead l, me WHERE l.email_domain_criterion = me.domain AND l.id <> me.id LIMIT 21
  ), by_phone AS (
    SELECT l.id FROM crm_lead l, me WHERE l.phone_sanitized = me.phone AND l.id <> me.id LIMIT 21
  ), by_entity AS (
    SELECT l.id FROM me JOIN res_partner p ON p.commercial_partner_id = me.entity JOIN crm_lead l ON l.partner_id = p.id WHERE l.id <> me.id
  )
SELECT coalesce(array_agg(id ORDER BY id), '{}') AS ids, count(*)::int AS count FROM (
  SELECT id FROM by_email WHERE (SELECT count(*) FROM by_email) < 21
  UNION SELECT id FROM by_phone WHERE (SELECT count(*) FROM by_phone) < 21
  UNION SELECT id FROM by_entity) AS s`;

function similarCase(env: Env, p: Params): Case {
  const leads = env.withUser(p.manager).model('crm.lead');
  const hasField = env.registry.get('crm.lead').fields.has('duplicate_lead_ids');
  return {
    label: 'similar leads of one lead (duplicate_lead_count, _ids)',
    who: 'sales manager',
    inputs: p.probes.length,
    ours: async (round) => {
      if (!hasField) throw new Error('crm.lead has no duplicate_lead_ids (addons/crm/models/lead_duplicates.ts)');
      return (await leads.read([p.probes[round % p.probes.length]], ['duplicate_lead_count', 'duplicate_lead_ids']))[0];
    },
    raw: async (round) => (await env.cr.query<Row>(RAW_SIMILAR, [p.probes[round % p.probes.length]]))[0],
    same: (a, b) => {
      const ours = a as Row;
      const raw = b as Row;
      return ours.duplicate_lead_count === raw.count && ids(ours.duplicate_lead_ids) === ids(raw.ids);
    },
  };
}

const RAW_PROGRESS = `SELECT l.stage_id,
       CASE WHEN a.deadline IS NULL THEN NULL WHEN a.deadline < $2::date THEN 'overdue' WHEN a.deadline = $2::date THEN 'today' ELSE 'planned' END AS state,
       count(*)::int AS count
  FROM crm_lead l
  LEFT JOIN (SELECT res_id, min(date_deadline) AS deadline FROM mail_activity WHERE res_model = 'crm.lead' GROUP BY res_id) AS a ON a.res_id = l.id
 WHERE l.type = 'opportunity' AND l.user_id = $1 AND l.active
 GROUP BY 1, 2`;

function progressCase(env: Env, p: Params): Case {
  const counts = (rows: Array<{ stage: unknown; state: unknown; n: number }>) => {
    const map = new Map<string, number>();
    for (const r of rows) map.set(`${r.stage}/${r.state || ''}`, (map.get(`${r.stage}/${r.state || ''}`) ?? 0) + r.n);
    return [...map].sort(([x], [y]) => x.localeCompare(y)).map(([k, n]) => `${k}=${n}`).join(' ');
  };
  return {
    // What the web client does since the activity fields are searchable: one read_group by stage
    // per activity state (a search on activity_state), instead of reading every card.
    label: 'kanban progress bar: grouped count per activity state',
    who: 'salesperson',
    inputs: p.users.length,
    runs: 10,
    ours: async (round) => {
      const uid = userOf(p, round);
      const model = env.withUser(uid).model('crm.lead');
      const rows: Array<{ stage: unknown; state: unknown; n: number }> = [];
      for (const state of ['overdue', 'today', 'planned']) {
        const groups = await model.read_group([...pipeline(uid), ['activity_state', '=', state]] as never, [], ['stage_id'], { lazy: false });
        for (const g of groups) rows.push({ stage: m2oId(g.stage_id), state, n: Number(g.__count) });
      }
      return rows;
    },
    raw: (round) => env.cr.query<Row>(RAW_PROGRESS, [userOf(p, round), p.today]),
    same: (a, b) => counts((a as Array<{ stage: unknown; state: unknown; n: number }>))
      === counts((b as Row[]).filter((r) => r.state).map((r) => ({ stage: r.stage_id, state: r.state, n: Number(r.count) }))),
  };
}

// ---- running and reporting -------------------------------------------------------------------

interface Result {
  label: string;
  who: string;
  ours?: Summary;
  raw?: Summary;
  queries?: number;
  note?: string;
}

async function runBenchmarks(db: Database, load: LoadInfo, reused: boolean, options: Options): Promise<void> {
  await db.withEnv(async (env) => {
    const params = await chooseParams(env);
    const missing = await missingIndexes(env.cr);
    const cases = [pipelineCase(env, params), similarCase(env, params), progressCase(env, params)];
    const results: Result[] = [];
    for (const c of cases) results.push(await measure(env, c, options));
    await printReport(env, results, load, reused, missing, options);
    if (options.explain) {
      const uid = userOf(params, 0);
      const stage = (await env.cr.query<{ id: number }>('SELECT id FROM crm_stage ORDER BY sequence, id LIMIT 1'))[0].id;
      await explain(env.cr, 'pipeline groups', RAW_GROUPS, [uid]);
      await explain(env.cr, 'pipeline cards', RAW_CARDS, [uid, stage, params.today]);
      await explain(env.cr, 'similar leads', RAW_SIMILAR, [params.probes[0]]);
    }
  });
}

async function chooseParams(env: Env): Promise<Params> {
  const users = await env.cr.query<{ id: number }>("SELECT id FROM res_users WHERE login LIKE 'bench\\_sales\\_%' AND login <> 'bench_sales_manager' ORDER BY id LIMIT 5");
  const [manager] = await env.cr.query<{ id: number }>("SELECT id FROM res_users WHERE login = 'bench_sales_manager'");
  // Deterministic, spread over the table: the leads whose id hashes lowest among those with a customer.
  const probes = await env.cr.query<{ id: number }>(
    `SELECT id FROM crm_lead WHERE active AND partner_id IS NOT NULL AND phone_sanitized IS NOT NULL AND email_domain_criterion IS NOT NULL
      ORDER BY hashint4(id), id LIMIT 10`);
  const [{ today }] = await env.cr.query<{ today: string }>("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS today");
  return { users: users.map((r) => r.id), manager: manager.id, probes: probes.map((r) => r.id), today };
}

async function missingIndexes(cr: Cursor): Promise<string[]> {
  const rows = await cr.query<{ col: string }>(
    `SELECT a.attname AS col FROM pg_index x JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]
      WHERE x.indrelid = 'crm_lead'::regclass`);
  const indexed = new Set(rows.map((r) => r.col));
  return NEEDED_INDEXES.filter((c) => !indexed.has(c));
}

async function measure(env: Env, c: Case, options: Options): Promise<Result> {
  let first: unknown;
  const before = env.cr.queryCount;
  try {
    first = await c.ours(0);
  } catch (error) {
    return { label: c.label, who: c.who, note: `not measured: ${(error as Error).message}` };
  }
  const queries = env.cr.queryCount - before;
  const note = c.same(first, await c.raw(0)) ? undefined : 'WARNING: results differ from the raw twin';
  const runs = Math.min(options.runs, c.runs ?? options.runs);
  const warmup = Math.max(options.warmup, c.inputs);
  progress(`measuring ${c.label}: ${warmup} warm-ups + ${runs} runs`);
  const samples = await compare({ ours: (round) => c.ours(round), raw: (round) => c.raw(round) }, { warmup, runs });
  return { label: c.label, who: c.who, ours: summarize(samples.ours), raw: summarize(samples.raw), queries, note };
}

async function printReport(env: Env, results: Result[], load: LoadInfo, reused: boolean, missing: string[], options: Options): Promise<void> {
  const [counts] = await env.cr.query<Record<string, number>>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE active)::int AS active, count(*) FILTER (WHERE type = 'opportunity')::int AS opportunities,
            count(*) FILTER (WHERE won_status = 'won')::int AS won, count(*) FILTER (WHERE won_status = 'lost')::int AS lost FROM crm_lead`);
  const [mine] = await env.cr.query<{ n: number }>(
    `SELECT round(avg(n))::int AS n FROM (SELECT count(*) AS n FROM crm_lead WHERE type = 'opportunity' AND active AND user_id IS NOT NULL GROUP BY user_id) s`);
  const [activities] = await env.cr.query<{ n: number }>("SELECT count(*)::int AS n FROM mail_activity WHERE res_model = 'crm.lead'");
  const origin = reused ? ` - built ${load.at.slice(0, 19).replace('T', ' ')} UTC, reused (--fresh rebuilds)` : '';
  console.log(`\n${DB_NAME}: ${formatInt(counts.total)} crm.lead rows (${formatInt(counts.active)} active, ${formatInt(counts.opportunities)} opportunities, `
    + `${formatInt(counts.won)} won, ${formatInt(counts.lost)} lost), ${formatInt(COMPANIES)} companies + ${formatInt(COMPANIES)} contacts, `
    + `${SALESPEOPLE} salespeople in ${TEAMS.length + 1} teams (~${formatInt(mine.n)} open opportunities each), ${formatInt(activities.n)} activities`);
  console.log(`load: ${formatInt(load.rows)} leads in ${formatSeconds(load.leadsMs)} (${formatInt(load.rows / (load.leadsMs / 1000))} rows/s), `
    + `indexes rebuilt in ${formatSeconds(load.indexMs)}; whole build ${formatSeconds(load.totalMs)}${origin}`);
  console.log(missing.length ? `WARNING: no index on crm_lead.${missing.join(', crm_lead.')}` : `indexes: crm_lead.${NEEDED_INDEXES.join(', ')} are indexed`);
  console.log(`timing: median and p90 after warm-ups, ours (records API, as the user named) and raw interleaved on one connection; `
    + `${options.runs} runs unless noted\n`);
  const body = results.map((r) => {
    if (!r.ours || !r.raw) return [r.label, r.who, '-', '-', '-', '-', '-', '-', r.note ?? ''];
    return [r.label, r.who, formatMs(r.ours.median), formatMs(r.raw.median), `${(r.ours.median / r.raw.median).toFixed(2)}x`,
      formatMs(r.ours.p90), formatMs(r.raw.p90), String(r.queries), [`${r.ours.runs} runs`, r.note].filter(Boolean).join('; ')];
  });
  console.log(table(['operation', 'as', 'ours ms', 'raw ms', 'ratio', 'ours p90', 'raw p90', 'queries', 'note'], body,
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left']));
}

function printBatch(results: BatchResult[]): void {
  console.log(`\nbatch jobs on the same data (records API as superuser vs raw SQL; each run a transaction rolled back afterwards)\n`);
  console.log(table(['operation', 'ours ms', 'raw ms', 'ratio', 'runs', 'queries', 'note'],
    results.map((r) => [r.label, formatMs(r.ours), formatMs(r.raw), `${(r.ours / r.raw).toFixed(2)}x`, String(r.runs), String(r.queries ?? '-'), r.note]),
    ['left', 'right', 'right', 'right', 'right', 'right', 'left']));
}

async function explain(cr: Cursor, label: string, sql: string, params: unknown[]): Promise<void> {
  const plan = await cr.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  console.log(`\n== raw ${label}; params: ${JSON.stringify(params)}`);
  console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
}

if (isMain(import.meta.url)) await main(process.argv.slice(2));
