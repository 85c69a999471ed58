// The CRM benchmark's batch jobs (issue 6), on the 1,000,000 leads of bench/_crm_data.ts, each
// beside a raw-SQL twin on the same connection:
//
//   (d) predictive lead scoring: crm.lead `_rebuild_pls_frequency_table()` against one
//       hand-written GROUP BY over crm_lead / crm_tag_rel writing the same won/lost counts per
//       team, variable and value; and the whole daily job `_cron_update_automated_probabilities()`
//       against that GROUP BY plus the UPDATE ... FROM unnest of the same probabilities;
//   (e) rule-based assignment: crm.team `_action_assign_leads` of 10,000 unassigned leads to 50
//       salespeople of 3 teams, against one UPDATE dealing the leads round-robin (no quota, no
//       domain, no duplicate merge: a lower bound, not a twin).
//
// Every timed run is its own transaction, rolled back afterwards: each starts from the same rows
// (the scoring rewrites ~750,000 leads, the assignment writes tracking messages and followers),
// and the 1M table keeps its row count, which is how bench/_crm_data.ts recognises it.

import type { Database } from '../core/db/database.ts';
import type { Env } from '../core/models/env.ts';
import type { Model } from '../core/index.ts';
import type { CrmLeadPls } from '../addons/crm/models/lead_scoring.ts';
import type { CrmTeamAssign } from '../addons/crm/models/team_assign.ts';
import { median, progress, timeMs } from './lib.ts';

const PREP_KEY = 'bench_crm.pls_prep';
const PLS_START = '2000-01-01';
/** Odoo's default variables, plus the tags, so that crm_tag_rel is part of the job. */
const PLS_FIELDS = 'phone_state,email_state,tag_ids';
const ASSIGN_LEADS = 10_000;
const ASSIGN_USERS = 50;
const ASSIGN_MAX = 300;
/** Team domains: two by priority, one taking everything (overlapping, as in real setups). */
const ASSIGN_TEAMS: Array<[string, string | false]> = [
  ['Bench Assign High', "[('priority', 'in', ['2', '3'])]"],
  ['Bench Assign Low', "[('priority', 'in', ['0', '1'])]"],
  ['Bench Assign All', false],
];

export interface BatchResult {
  label: string;
  ours: number;
  raw: number;
  runs: number;
  queries?: number;
  note: string;
}

/** Thrown to roll a timed run back once its figures are taken. */
class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rollback');
  }
}

/** Runs `fn` in a transaction that is always rolled back; returns what it produced. */
async function rolledBack<T>(db: Database, fn: (env: Env) => Promise<T>): Promise<T> {
  try {
    await db.withEnv(async (env) => {
      throw new Rollback(await fn(env));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.value as T;
    throw error;
  }
  throw new Error('unreachable');
}

interface Timed<D> { ms: number; queries: number; digest: D }

/** One variant run: `setup` untimed, `run` timed (with its query count), `digest` untimed. */
function variant<S, D>(db: Database, setup: (env: Env) => Promise<S>, run: (env: Env, s: S) => Promise<unknown>, digest: (env: Env, s: S) => Promise<D>) {
  return () => rolledBack(db, async (env): Promise<Timed<D>> => {
    const s = await setup(env);
    const before = env.cr.queryCount;
    const ms = await timeMs(() => run(env, s));
    const queries = env.cr.queryCount - before;
    return { ms, queries, digest: await digest(env, s) };
  });
}

/** Alternates the order of the two variants round by round (ours first in round 0). */
async function rounds<A, B>(runs: number, label: string, ours: () => Promise<Timed<A>>, raw: () => Promise<Timed<B>>)
  : Promise<{ ours: Array<Timed<A>>; raw: Array<Timed<B>> }> {
  const result = { ours: [] as Array<Timed<A>>, raw: [] as Array<Timed<B>> };
  for (let round = 0; round < runs; round++) {
    progress(`measuring ${label}: round ${round + 1} / ${runs}`);
    if (round % 2 === 0) {
      result.ours.push(await ours());
      result.raw.push(await raw());
    } else {
      result.raw.push(await raw());
      result.ours.push(await ours());
    }
  }
  return result;
}

// ---- predictive lead scoring -----------------------------------------------------------------

/**
 * Once per database (committed, marked by a parameter): the scoring parameters (a start date
 * before every lead, the variables) and varied email and phone qualities, the lost leads more
 * often wrong, so that the variables weigh something. Won (probability 100 in the won stage) and
 * lost (archived, probability 0) leads are already in the data.
 */
export async function preparePls(db: Database): Promise<void> {
  await db.withEnv(async (env) => {
    const params = env.model<Model & { get_param(k: string): Promise<unknown>; set_param(k: string, v: unknown): Promise<unknown> }>('ir.config_parameter');
    // Every run: the crm data of an upgrade may have put the defaults back.
    await params.set_param('crm.pls_start_date', PLS_START);
    await params.set_param('crm.pls_fields', PLS_FIELDS);
    if (await params.get_param(PREP_KEY)) return;
    progress('preparing predictive lead scoring data (email/phone qualities of 1M leads, once)');
    const h = (seed: number) => `((hashint4extended(id, ${seed}) & 9223372036854775807) % 100)`;
    await env.cr.execute(
      `UPDATE crm_lead SET
         email_state = CASE WHEN ${h(31)} < CASE WHEN probability = 0 THEN 25 ELSE 6 END THEN 'incorrect'
                            WHEN ${h(31)} >= 92 THEN NULL ELSE 'correct' END,
         phone_state = CASE WHEN ${h(32)} < CASE WHEN probability = 0 THEN 30 ELSE 8 END THEN 'incorrect'
                            WHEN ${h(32)} >= 90 THEN NULL ELSE 'correct' END`);
    await env.cr.execute('ANALYZE crm_lead');
    await params.set_param(PREP_KEY, new Date().toISOString());
  });
}

// Odoo's counting (lib/pls.ts prepareFrequencies): per team (none = NULL), a won lead counts as
// won for every stage, a lost lead as lost for its stage and those before it (by sequence);
// empty qualities count as the value 'False'; each tag is a value of 'tag_id'. Every new couple
// starts at its counts + 0.1.
const RAW_REBUILD = `
WITH closed AS (
  SELECT l.id, l.team_id, l.stage_id, l.phone_state, l.email_state,
         (l.probability = 100)::int AS won, (l.probability = 0)::int AS lost
    FROM crm_lead l
   WHERE l.create_date >= $1::timestamp AND (l.probability = 100 OR (l.probability = 0 AND NOT coalesce(l.active, false)))
), couples AS (
  SELECT team_id, 'phone_state' AS variable, coalesce(phone_state, 'False') AS value, won, lost FROM closed
  UNION ALL SELECT team_id, 'email_state', coalesce(email_state, 'False'), won, lost FROM closed
  UNION ALL SELECT c.team_id, 'stage_id', s.id::text, c.won, c.lost
              FROM closed c JOIN crm_stage cs ON cs.id = c.stage_id
              JOIN crm_stage s ON c.won = 1 OR coalesce(s.sequence, 0) <= coalesce(cs.sequence, 0)
  UNION ALL SELECT c.team_id, 'tag_id', r.tag_id::text, c.won, c.lost FROM closed c JOIN crm_tag_rel r ON r.lead_id = c.id
)
INSERT INTO crm_lead_scoring_frequency (variable, value, won_count, lost_count, team_id, create_uid, create_date, write_uid, write_date)
SELECT variable, value, sum(won) + 0.1, sum(lost) + 0.1, team_id, 1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC'
  FROM couples GROUP BY team_id, variable, value`;

// The same UPDATE as `_update_automated_probabilities`, with the probabilities it computed.
const RAW_SCORE = `UPDATE crm_lead l SET automated_probability = u.p,
       probability = CASE WHEN (l.probability = l.automated_probability OR l.probability IS NULL) THEN u.p ELSE l.probability END
  FROM unnest($1::int4[], $2::float8[]) AS u(id, p)
 WHERE l.id = u.id AND (l.automated_probability IS DISTINCT FROM u.p
       OR ((l.probability = l.automated_probability OR l.probability IS NULL) AND l.probability IS DISTINCT FROM u.p))`;

const OPEN = `active AND stage_id IS NOT NULL AND create_date >= '${PLS_START}'::timestamp AND (probability IS NULL OR (probability < 100 AND probability > 0))`;

/** The frequency table, sorted, as one text (what both variants must agree on). */
async function frequencyDigest(env: Env): Promise<string> {
  const rows = await env.cr.query<{ k: string }>(
    `SELECT coalesce(team_id, 0) || '/' || variable || '/' || value || '=' || round(won_count::numeric, 1) || '/' || round(lost_count::numeric, 1) AS k
       FROM crm_lead_scoring_frequency ORDER BY 1`);
  return rows.map((r) => r.k).join('\n');
}

export async function measurePls(db: Database, runs: number): Promise<BatchResult[]> {
  await preparePls(db);
  const leads = (env: Env) => env.model<CrmLeadPls>('crm.lead');
  const none = async () => undefined;
  const rawRebuild = async (env: Env) => {
    await env.cr.execute('DELETE FROM crm_lead_scoring_frequency');
    await env.cr.execute(RAW_REBUILD, [PLS_START]);
  };

  const rebuild = await rounds(runs, 'PLS frequency table rebuild',
    variant(db, none, (env) => leads(env)._rebuild_pls_frequency_table(), frequencyDigest),
    variant(db, none, rawRebuild, frequencyDigest));

  // The probabilities the raw twin writes: those the cron computed, taken from its first run.
  const seen: { scores?: { ids: number[]; p: number[] }; report?: { closed: number; scored: number; updated: number } } = {};
  const ours = variant(db, none, async (env) => {
    const r = await leads(env)._cron_update_automated_probabilities();
    seen.report ??= { closed: r.closed_leads, scored: r.scored_leads, updated: r.updated_leads };
  }, async (env) => {
    if (!seen.scores) {
      const rows = await env.cr.query<{ id: number; p: number }>(`SELECT id, automated_probability::float8 AS p FROM crm_lead WHERE ${OPEN} ORDER BY id`);
      seen.scores = { ids: rows.map((r) => r.id), p: rows.map((r) => r.p) };
    }
    return `${await frequencyDigest(env)}\n${(await probabilitySum(env)).toFixed(3)}`;
  });
  const raw = variant(db, none, async (env) => {
    await rawRebuild(env);
    await env.cr.execute(RAW_SCORE, [seen.scores!.ids, seen.scores!.p]);
  }, async (env) => `${await frequencyDigest(env)}\n${(await probabilitySum(env)).toFixed(3)}`);
  const cron = await rounds(runs, 'PLS daily job (rebuild + rescoring)', ours, raw);

  const agree = (a: Array<Timed<string>>, b: Array<Timed<string>>) => (a[0].digest === b[0].digest ? '' : 'WARNING: results differ from the raw twin; ');
  const rows = rebuild.ours[0].digest.split('\n').length;
  const { report } = seen;
  return [
    {
      label: '_rebuild_pls_frequency_table()', ours: median(rebuild.ours.map((t) => t.ms)), raw: median(rebuild.raw.map((t) => t.ms)), runs,
      queries: rebuild.ours[0].queries, note: `${agree(rebuild.ours, rebuild.raw)}${report ? `${report.closed.toLocaleString('en-US')} closed leads, ` : ''}${rows} frequency rows`,
    },
    {
      label: '_cron_update_automated_probabilities()', ours: median(cron.ours.map((t) => t.ms)), raw: median(cron.raw.map((t) => t.ms)), runs,
      queries: cron.ours[0].queries,
      note: `${agree(cron.ours, cron.raw)}${report ? `${report.scored.toLocaleString('en-US')} open leads scored, ${report.updated.toLocaleString('en-US')} rows updated` : ''}`,
    },
  ];
}

const probabilitySum = async (env: Env): Promise<number> =>
  (await env.cr.query<{ s: number }>(`SELECT coalesce(sum(automated_probability), 0)::float8 AS s FROM crm_lead WHERE active`))[0].s;

// ---- rule-based assignment -------------------------------------------------------------------

interface AssignSetup { teams: number[]; users: number[] }

/** Once per database (committed): 50 salespeople, members of 3 teams with 300 leads a month each. */
async function prepareAssignment(db: Database): Promise<AssignSetup> {
  return db.withEnv(async (env) => {
    const found = await env.model('crm.team').search([['name', 'in', ASSIGN_TEAMS.map(([n]) => n)]], { order: 'id' });
    const users = async () => (await env.cr.query<{ id: number }>("SELECT id FROM res_users WHERE login LIKE 'bench\\_assign\\_%' ORDER BY id")).map((r) => r.id);
    if (found.length === ASSIGN_TEAMS.length) return { teams: found, users: await users() };
    progress(`seeding ${ASSIGN_TEAMS.length} assignment teams and ${ASSIGN_USERS} salespeople (once)`);
    const salesman = await env.refId('crm.group_sale_salesman');
    // In SQL: a database built by an older version may lack tables the team's create touches
    // (its mail alias); the teams need nothing but their rows here.
    const [{ type }] = await env.cr.query<{ type: string }>(
      "SELECT data_type AS type FROM information_schema.columns WHERE table_name = 'crm_team' AND column_name = 'name'");
    const teams = (await env.cr.query<{ id: number }>(
      `INSERT INTO crm_team (name, sequence, use_leads, active, assignment_domain, create_uid, create_date, write_uid, write_date)
       SELECT ${type === 'jsonb' ? "jsonb_build_object('en_US', t.name)" : 't.name'}, 100 + t.n, true, true, t.domain, 1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC'
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(name, domain, n) ORDER BY t.n RETURNING id`,
      [ASSIGN_TEAMS.map(([n]) => n), ASSIGN_TEAMS.map(([, d]) => d || null)])).map((r) => r.id);
    const created: number[] = await env.model('res.users').create(Array.from({ length: ASSIGN_USERS }, (_, i) => ({
      login: `bench_assign_${i + 1}`, name: `Assignee ${i + 1}`, groups_id: [[4, salesman]],
    })));
    // One member in ten only takes leads with a probability above 20 (a member domain).
    await env.model('crm.team.member').create(created.map((user, i) => ({
      crm_team_id: teams[i % teams.length], user_id: user, assignment_max: ASSIGN_MAX,
      assignment_domain: i % 10 === 9 ? "[('probability', '>', 20)]" : false,
    })));
    await env.model<Model & { set_param(k: string, v: unknown): Promise<unknown> }>('ir.config_parameter').set_param('crm.assignment.delay', '1');
    return { teams, users: created };
  });
}

/** 10,000 unassigned leads (no team, no salesperson, two days old, not won, unique emails), in
 *  the run's transaction; their ids. */
async function insertAssignLeads(env: Env): Promise<number[]> {
  const [{ company }] = await env.cr.query<{ company: number }>('SELECT id AS company FROM res_company ORDER BY id LIMIT 1');
  const rows = await env.cr.query<{ id: number }>(
    `INSERT INTO crm_lead (name, type, company_id, active, probability, automated_probability, won_status, expected_revenue, prorated_revenue,
                           recurring_revenue_monthly, recurring_revenue_monthly_prorated, priority, color, contact_name, email_from, email_normalized,
                           email_domain_criterion, email_state, create_uid, create_date, write_uid, write_date)
     SELECT 'Inbound lead ' || g, 'lead', $2, true, p, p, 'pending', 1000, 10 * p, 0, 0,
            (ARRAY['0','0','1','1','2','3'])[1 + (hashint4(g) & 2147483647) % 6], 0, 'Visitor ' || g,
            'visitor' || g || '@inbound' || (g % 97) || '.example', 'visitor' || g || '@inbound' || (g % 97) || '.example',
            'inbound' || (g % 97) || '.example', 'correct', 1, now() AT TIME ZONE 'UTC' - interval '2 days', 1, now() AT TIME ZONE 'UTC' - interval '2 days'
       FROM generate_series(1, $1::int4) AS g, LATERAL (SELECT (5 + (hashint4(g + 7) & 2147483647) % 85)::float8 AS p) AS x
      RETURNING id`, [ASSIGN_LEADS, company]);
  return rows.map((r) => r.id);
}

// The lower bound: the same leads dealt round-robin, highest probability first, to the members,
// as opportunities in their team's first stage; no quota, domain, duplicate or tracking.
const RAW_ASSIGN = `
WITH m AS (SELECT user_id, crm_team_id AS team_id, (row_number() OVER (ORDER BY id) - 1)::int AS k
             FROM crm_team_member WHERE crm_team_id = ANY($1::int4[]) AND active),
     l AS (SELECT id, ((row_number() OVER (ORDER BY probability DESC, id) - 1) % (SELECT count(*) FROM m))::int AS k
             FROM crm_lead WHERE team_id IS NULL AND user_id IS NULL AND active AND type = 'lead'
              AND create_date <= now() AT TIME ZONE 'UTC' - interval '1 hour'),
     st AS (SELECT id FROM crm_stage WHERE NOT coalesce(is_won, false) ORDER BY sequence, id LIMIT 1)
UPDATE crm_lead c SET user_id = m.user_id, team_id = m.team_id, type = 'opportunity', stage_id = (SELECT id FROM st),
       date_open = now() AT TIME ZONE 'UTC', date_conversion = now() AT TIME ZONE 'UTC', write_date = now() AT TIME ZONE 'UTC'
  FROM l JOIN m USING (k) WHERE c.id = l.id`;

export async function measureAssignment(db: Database, runs: number): Promise<BatchResult> {
  const setup = await prepareAssignment(db);
  const assigned = async (env: Env, ids: number[]) =>
    (await env.cr.query<{ n: number }>('SELECT count(*)::int AS n FROM crm_lead WHERE id = ANY($1::int4[]) AND user_id = ANY($2::int4[])', [ids, setup.users]))[0].n;
  const teams = (env: Env) => env.model<CrmTeamAssign>('crm.team').with_context({ crm_assignment_seed: 42 });
  const result = await rounds(runs, `assignment of ${ASSIGN_LEADS.toLocaleString('en-US')} leads to ${ASSIGN_USERS} salespeople`,
    variant(db, insertAssignLeads, (env) => teams(env)._action_assign_leads(setup.teams, { work_days: 30 }), assigned),
    variant(db, insertAssignLeads, (env) => env.cr.execute(RAW_ASSIGN, [setup.teams]), assigned));
  const ours = median(result.ours.map((t) => t.ms));
  const raw = median(result.raw.map((t) => t.ms));
  const done = result.ours[0].digest;
  return {
    label: `_action_assign_leads(): ${ASSIGN_LEADS.toLocaleString('en-US')} leads, ${ASSIGN_USERS} salespeople`, ours, raw, runs,
    queries: result.ours[0].queries,
    note: `${done.toLocaleString('en-US')} leads assigned (raw: ${result.raw[0].digest.toLocaleString('en-US')}), `
      + `${Math.round(done / (ours / 1000)).toLocaleString('en-US')} leads/s (raw ${Math.round(result.raw[0].digest / (raw / 1000)).toLocaleString('en-US')}/s); `
      + 'raw is a LOWER BOUND: round-robin UPDATE without quotas, domains, duplicate merges or tracking',
  };
}
