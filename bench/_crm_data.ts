// The data of the CRM benchmark (bench/crm.ts): a database with `crm` installed, a few sales
// teams, salespeople and a sales manager through the records API (few rows, the normal path),
// then, set-based in SQL, 50,000 customer companies with a contact each, 1,000,000 crm.lead rows,
// their tags and an activity on one lead in ten.
//
// Every value derives from the row number by hashing (hashint4extended(g, seed), one seed per
// column), never from random(): two builds hold the same data. The stored computed columns of
// crm.lead (normalised email, email domain criterion, E.164 phone, prorated revenue, won status)
// are written as the model computes them, so the records API reads consistent rows.

import pg from 'pg';
import type { Database } from '../core/db/database.ts';
import type { Env } from '../core/models/env.ts';
import type { Erp } from '../core/service.ts';
import { formatInt, progress, timeMs } from './lib.ts';

export const DB_NAME = 'bench_crm';
const LOAD_KEY = 'bench_crm.load';
export const COMPANIES = 50_000;
export const TEAMS = ['Europe', 'Middle East', 'Americas', 'Asia Pacific'];
export const SALESPEOPLE = 50;
const TAGS = ['Product', 'Software', 'Services', 'Information', 'Design', 'Training', 'Consulting', 'Other',
  'Hardware', 'Support', 'Renewal', 'Upsell', 'Partner', 'Public Sector', 'Enterprise', 'SMB', 'Urgent', 'Trade Fair', 'Webinar', 'Referral'];
const CHUNK = 100_000;

export interface LoadInfo {
  rows: number;
  /** Inserting the leads only (the bulk path), ms. */
  leadsMs: number;
  /** Rebuilding crm_lead's indexes after the bulk insert, ms. */
  indexMs: number;
  /** Creating the database, installing, seeding, loading, indexing and analysing, ms. */
  totalMs: number;
  at: string;
}

interface Masters {
  users: number[];
  /** The team of each salesperson (same order as users). */
  userTeams: number[];
  stages: number[];
  companies: number[];
  contacts: number[];
  countries: number[];
  reasons: number[];
  company: number;
  tags: number[];
  activityTypes: number[];
  admin: number;
}

/** Reuses the database when a previous run completed it with the same row count. */
export async function ensureData(erp: Erp, rows: number, fresh: boolean): Promise<{ db: Database; load: LoadInfo; reused: boolean }> {
  if (await erp.exists(DB_NAME)) {
    const load = fresh ? null : await completedLoad(erp);
    if (load && load.rows === rows) return { db: (await erp.get(DB_NAME)).db, load, reused: true };
    progress(fresh ? `--fresh: dropping ${DB_NAME}` : `${DB_NAME} does not hold ${formatInt(rows)} complete rows: rebuilding it`);
    await erp.dropDatabase(DB_NAME);
  }
  return { ...(await build(erp, rows)), reused: false };
}

/** The load record of a finished build (written last), checked against the table itself. */
async function completedLoad(erp: Erp): Promise<LoadInfo | null> {
  try {
    const { db, modules } = await erp.get(DB_NAME);
    if (!(await modules.installed()).includes('crm')) return null;
    return await db.transaction(async (cr) => {
      const [param] = await cr.query<{ value: string }>('SELECT value FROM ir_config_parameter WHERE key = $1', [LOAD_KEY]);
      if (!param) return null;
      const load = JSON.parse(param.value) as LoadInfo;
      const [{ count }] = await cr.query<{ count: number }>('SELECT count(*)::int AS count FROM crm_lead');
      return count === load.rows ? load : null;
    });
  } catch (error) {
    progress(`cannot reuse ${DB_NAME}: ${(error as Error).message}`);
    return null;
  }
}

async function build(erp: Erp, rows: number): Promise<{ db: Database; load: LoadInfo }> {
  const started = process.hrtime.bigint();
  progress(`creating database ${DB_NAME} with crm`);
  const { db } = await erp.createDatabase(DB_NAME, { modules: ['crm'], progress: (m) => progress(`  ${m}`) });
  const masters = await db.withEnv(seedMasters);
  progress(`inserting ${formatInt(COMPANIES)} companies and ${formatInt(COMPANIES)} contacts`);
  await db.transaction((cr) => insertPartners(cr, masters));
  // Bulk loading: without its secondary indexes the table takes rows several times faster, and
  // building each index once afterwards costs less than maintaining it row by row.
  const indexes = await db.transaction((cr) => dropIndexes(cr, 'crm_lead'));
  const leadsMs = await timeMs(() => insertLeads(db, rows, masters));
  progress(`rebuilding ${indexes.length} indexes of crm_lead`);
  const indexMs = await timeMs(() => db.transaction(async (cr) => {
    await cr.execute("SET LOCAL maintenance_work_mem = '256MB'");
    for (const sql of indexes) await cr.execute(sql);
  }));
  progress('tags and activities');
  await db.transaction((cr) => insertTagsAndActivities(cr, masters));
  progress('VACUUM ANALYZE');
  await vacuumAnalyze(erp);
  const load: LoadInfo = { rows, leadsMs, indexMs, totalMs: Number(process.hrtime.bigint() - started) / 1e6, at: new Date().toISOString() };
  // Written last: its presence is what marks the database complete and reusable.
  await db.withEnv((env) => env.model('ir.config_parameter').create({ key: LOAD_KEY, value: JSON.stringify(load) }));
  return { db, load };
}

/** Teams, salespeople (one team each), a manager and tags through the records API. */
async function seedMasters(env: Env): Promise<Masters> {
  progress(`seeding ${TEAMS.length + 1} teams, ${SALESPEOPLE} salespeople, ${TAGS.length} tags`);
  const ref = (x: string) => env.refId(x);
  const salesman = await ref('crm.group_sale_salesman');
  const teams = [await ref('crm.team_sales_department'), ...await env.model('crm.team').create(TEAMS.map((name, i) => ({ name, sequence: 10 + i, use_leads: true })))];
  const users = await env.model('res.users').create(Array.from({ length: SALESPEOPLE }, (_, i) => ({
    login: `bench_sales_${i + 1}`, name: `Salesperson ${i + 1}`, groups_id: [[4, salesman]],
  })));
  const userTeams = users.map((_, i) => teams[i % teams.length]);
  await env.model('crm.team.member').create(users.map((user, i) => ({ crm_team_id: userTeams[i], user_id: user })));
  await env.model('res.users').create({ login: 'bench_sales_manager', name: 'Sales Manager', groups_id: [[4, await ref('crm.group_sale_manager')]] });
  const tags = await env.model('crm.tag').create(TAGS.map((name, i) => ({ name, color: 1 + (i % 11) })));
  const countries = await Promise.all(['base.ir', 'base.ir', 'base.ir', 'base.de', 'base.fr', 'base.us', 'base.uk', 'base.ae', 'base.tr', 'base.nl'].map(ref));
  const stages = (await env.cr.query<{ id: number }>('SELECT id FROM crm_stage ORDER BY sequence, id')).map((r) => r.id);
  const reasons = (await env.cr.query<{ id: number }>('SELECT id FROM crm_lost_reason ORDER BY id')).map((r) => r.id);
  const activityTypes = await Promise.all(['call', 'email', 'meeting', 'todo'].map((t) => ref(`mail.mail_activity_data_${t}`)));
  return {
    users, userTeams, stages, reasons, tags, countries, activityTypes, companies: [], contacts: [],
    company: await ref('base.main_company'), admin: await ref('base.user_admin'),
  };
}

const H = (seed: number, of = 'g') => `(hashint4extended(${of}, ${seed}) & 9223372036854775807)`;
/** The email domain of company k (1-based), as SQL. */
const DOMAIN = (k: string) => `'company' || ${k} || (ARRAY['.ir', '.com', '.de', '.co.uk'])[1 + ${k} % 4]`;
const NOW = "(now() AT TIME ZONE 'UTC')";

/** Companies (their own commercial entity) and one contact each, with emails and phones. */
async function insertPartners(cr: import('../core/db/cursor.ts').Cursor, m: Masters): Promise<void> {
  const companies = await cr.query<{ id: number }>(
    `INSERT INTO res_partner (name, complete_name, is_company, type, email, phone, country_id, city, company_id, active, create_uid, create_date, write_uid, write_date)
     SELECT 'Company ' || g, 'Company ' || g, true, 'contact', 'info@' || ${DOMAIN('g')}, '+98 21 ' || lpad(g::text, 8, '0'),
            ($2::int4[])[1 + g % cardinality($2::int4[])], 'City ' || (g % 300), $3, true, 1, ${NOW}, 1, ${NOW}
       FROM generate_series(1, $1::int4) AS g ORDER BY g RETURNING id`, [COMPANIES, m.countries, m.company]);
  m.companies = companies.map((r) => r.id).sort((a, b) => a - b);
  await cr.execute('UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY($1::int4[])', [m.companies]);
  const contacts = await cr.query<{ id: number }>(
    `INSERT INTO res_partner (name, complete_name, is_company, type, parent_id, commercial_partner_id, email, mobile, country_id, company_id, active, create_uid, create_date, write_uid, write_date)
     SELECT 'Contact ' || g, 'Company ' || g || ', Contact ' || g, false, 'contact', ($1::int4[])[g], ($1::int4[])[g],
            'contact' || g || '@' || ${DOMAIN('g')}, '+98 912 ' || lpad(g::text, 7, '0'),
            ($2::int4[])[1 + g % cardinality($2::int4[])], $3, true, 1, ${NOW}, 1, ${NOW}
       FROM generate_series(1, cardinality($1::int4[])) AS g ORDER BY g RETURNING id`, [m.companies, m.countries, m.company]);
  m.contacts = contacts.map((r) => r.id).sort((a, b) => a - b);
}

/** Drops the secondary indexes of a table (not those behind constraints); returns their DDL. */
async function dropIndexes(cr: import('../core/db/cursor.ts').Cursor, table: string): Promise<string[]> {
  const rows = await cr.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)`, [table]);
  for (const row of rows) await cr.execute(`DROP INDEX "${row.name}"`);
  return rows.map((r) => r.def);
}

// The shape of a pipeline: 15% leads (60% of them unassigned), opportunities 35% New, 25%
// Qualified, 20% Proposition, 20% Won; 8% lost (archived, probability 0, a reason). 70% have a
// customer (the company or its contact, who share the company's email domain and phone prefix);
// the others write from a free mail address (the criterion is then the whole address) or from a
// prospect's domain. Leads were created over three years, closing 1 to 4 months later.
const INSERT_LEADS = `
INSERT INTO crm_lead (name, type, user_id, team_id, company_id, stage_id, active, probability, automated_probability, won_status,
                      expected_revenue, prorated_revenue, recurring_revenue_monthly, recurring_revenue_monthly_prorated, priority, color,
                      partner_id, partner_name, contact_name, email_from, email_normalized, email_domain_criterion, email_state,
                      phone, phone_sanitized, phone_state, country_id, lost_reason_id,
                      date_deadline, date_open, date_closed, date_conversion, date_last_stage_update,
                      create_uid, create_date, write_uid, write_date)
SELECT CASE WHEN a.k IS NULL THEN 'Lead ' || g ELSE 'Company ' || a.k || ': deal ' || g END,
       CASE WHEN a.is_lead THEN 'lead' ELSE 'opportunity' END,
       CASE WHEN a.assigned THEN ($3::int4[])[1 + a.ui] END,
       ($4::int4[])[1 + a.ui],
       $5::int4,
       ($6::int4[])[1 + a.stage],
       NOT a.lost,
       b.probability, b.probability,
       CASE WHEN a.lost THEN 'lost' WHEN a.stage = 3 THEN 'won' ELSE 'pending' END,
       a.revenue, round(a.revenue * b.probability::numeric / 100, 2), 0, 0,
       (ARRAY['0','0','0','0','0','1','1','1','2','3'])[1 + ${H(10)} % 10], 0,
       CASE WHEN a.k IS NULL THEN NULL WHEN a.as_contact THEN ($7::int4[])[a.k] ELSE ($8::int4[])[a.k] END,
       CASE WHEN a.k IS NULL THEN 'Prospect ' || a.x ELSE 'Company ' || a.k END,
       CASE WHEN a.k IS NULL THEN 'Person ' || g WHEN a.as_contact THEN 'Contact ' || a.k END,
       b.email, b.email, b.criterion, 'correct',
       b.phone, b.phone_sanitized, 'correct',
       ($9::int4[])[1 + ${H(11)} % cardinality($9::int4[])],
       CASE WHEN a.lost THEN ($10::int4[])[1 + ${H(12)} % cardinality($10::int4[])] END,
       (a.created + make_interval(days => (30 + ${H(13)} % 90)::int))::date,
       CASE WHEN a.assigned THEN a.created END,
       CASE WHEN a.lost OR a.stage = 3 THEN a.created + make_interval(days => (20 + ${H(14)} % 60)::int) END,
       CASE WHEN NOT a.is_lead THEN a.created END,
       a.created + make_interval(days => (${H(15)} % 20)::int),
       1, a.created, 1, a.created
FROM generate_series($1::int4, $2::int4) AS g
CROSS JOIN LATERAL (
  SELECT ${H(1)} % 100 < 15 AS is_lead, ${H(2)} % 100 < 8 AS lost, ${H(3)} % 100 AS assign, ${H(4)} % $11::int4 AS ui,
         ${H(5)} % 100 AS st, CASE WHEN ${H(6)} % 100 < 70 THEN 1 + ${H(7)} % cardinality($8::int4[]) END AS k,
         ${H(8)} % 2 = 0 AS as_contact, ${H(9)} % 3 AS mail_kind, ${H(16)} % 150000 AS x,
         round((power((${H(17)} % 1000)::float8, 2) / 10)::numeric, 2) AS revenue,
         ${NOW} - make_interval(secs => (${H(18)} % 94608000)::int) AS created
) AS h
CROSS JOIN LATERAL (
  SELECT h.is_lead, h.lost, h.k, h.as_contact, h.x, h.revenue, h.created, h.ui,
         NOT h.is_lead OR h.assign >= 60 AS assigned,
         CASE WHEN h.is_lead THEN 0 WHEN h.lost THEN h.st % 3 WHEN h.st < 35 THEN 0 WHEN h.st < 60 THEN 1 WHEN h.st < 80 THEN 2 ELSE 3 END AS stage
) AS a
CROSS JOIN LATERAL (
  SELECT CASE WHEN a.lost THEN 0 WHEN a.stage = 3 THEN 100 ELSE (ARRAY[10, 30, 60])[1 + a.stage] + ${H(19)} % 10 END::float8 AS probability,
         CASE WHEN a.k IS NOT NULL THEN CASE WHEN a.as_contact THEN 'contact' || a.k ELSE 'info' END || '@' || ${DOMAIN('a.k')}
              WHEN h.mail_kind = 0 THEN 'sales@prospect' || (a.x % 60000) || '.com'
              ELSE 'user' || a.x || '@gmail.com' END AS email,
         CASE WHEN a.k IS NOT NULL THEN ${DOMAIN('a.k')}
              WHEN h.mail_kind = 0 THEN 'prospect' || (a.x % 60000) || '.com'
              ELSE 'user' || a.x || '@gmail.com' END AS criterion,
         CASE WHEN a.k IS NULL THEN '+98 935 ' || lpad((${H(20)} % 1000000)::text, 7, '0')
              WHEN a.as_contact THEN '+98 912 ' || lpad(a.k::text, 7, '0') ELSE '+98 21 ' || lpad(a.k::text, 8, '0') END AS phone,
         CASE WHEN a.k IS NULL THEN '+98935' || lpad((${H(20)} % 1000000)::text, 7, '0')
              WHEN a.as_contact THEN '+98912' || lpad(a.k::text, 7, '0') ELSE '+9821' || lpad(a.k::text, 8, '0') END AS phone_sanitized
) AS b`;

/** One INSERT ... SELECT FROM generate_series per chunk, each its own transaction. */
async function insertLeads(db: Database, rows: number, m: Masters): Promise<void> {
  const started = process.hrtime.bigint();
  for (let from = 1; from <= rows; from += CHUNK) {
    const to = Math.min(rows, from + CHUNK - 1);
    await db.transaction((cr) => cr.execute(INSERT_LEADS, [from, to, m.users, m.userTeams, m.company, m.stages, m.contacts, m.companies,
      m.countries, m.reasons, m.users.length]));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    progress(`  leads ${formatInt(to)} / ${formatInt(rows)}  (${formatInt(to / seconds)} rows/s)`);
  }
}

/** Tags on 30% of the leads (a second one on 10%), an activity on 10% of the open ones, due
 *  between ten days ago and twenty days ahead, owned by the salesperson (or the admin). */
async function insertTagsAndActivities(cr: import('../core/db/cursor.ts').Cursor, m: Masters): Promise<void> {
  await cr.execute(
    `INSERT INTO crm_tag_rel (lead_id, tag_id)
     SELECT id, ($1::int4[])[1 + ${H(21, 'id')} % cardinality($1::int4[])] FROM crm_lead WHERE ${H(22, 'id')} % 100 < 30
     UNION ALL
     SELECT id, ($1::int4[])[1 + (${H(21, 'id')} + 1 + ${H(23, 'id')} % (cardinality($1::int4[]) - 1)) % cardinality($1::int4[])]
       FROM crm_lead WHERE ${H(22, 'id')} % 100 < 10`, [m.tags]);
  await cr.execute(
    `INSERT INTO mail_activity (res_model, res_id, activity_type_id, summary, date_deadline, user_id, automated, create_uid, create_date, write_uid, write_date)
     SELECT 'crm.lead', id, ($1::int4[])[1 + ${H(24, 'id')} % 4], 'Follow up', (${NOW})::date + (${H(25, 'id')} % 30 - 10)::int,
            coalesce(user_id, $2), false, 1, ${NOW}, 1, ${NOW}
       FROM crm_lead WHERE active AND ${H(26, 'id')} % 100 < 10`, [m.activityTypes, m.admin]);
}

/** VACUUM cannot run in a transaction block, hence its own client. */
async function vacuumAnalyze(erp: Erp): Promise<void> {
  const client = new pg.Client({ connectionString: erp.server.url(DB_NAME) });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE) crm_lead, crm_tag_rel, mail_activity, res_partner, res_users');
  } finally {
    await client.end();
  }
}
