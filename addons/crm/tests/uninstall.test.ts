// Uninstalling CRM gives back the database it found: installed with its demo data (users,
// partners, activities, meetings, notes), then uninstalled, the schema is identical to before
// (tables, columns, indexes, constraints, sequences), every table holds as many rows as before,
// and nothing of CRM is left (records, ledger entries, chatter of leads). Installing it again
// works. Once through the API, once through the `erp` command as an administrator runs it.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { testDb, type TestDb } from '../../../tests/helpers/db.ts';
import { readState } from '../../../tests/setup/state.ts';
import type { Cursor } from '../../../core/db/cursor.ts';
import { quote } from '../../../core/db/query.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SLOW = { timeout: 300000 };

/** Everything PostgreSQL knows about the public schema, as sorted text lines (as tests/modules.test.ts). */
async function catalog(cr: Cursor): Promise<string[]> {
  const columns = await cr.query<{ l: string }>(
    `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS l
     FROM information_schema.columns WHERE table_schema = 'public'`);
  const indexes = await cr.query<{ l: string }>("SELECT indexdef AS l FROM pg_indexes WHERE schemaname = 'public'");
  const constraints = await cr.query<{ l: string }>(
    `SELECT c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS l
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'`);
  const sequences = await cr.query<{ l: string }>("SELECT sequence_name AS l FROM information_schema.sequences WHERE sequence_schema = 'public'");
  return [...columns, ...indexes, ...constraints, ...sequences].map((r) => r.l).sort();
}

/** The exact number of rows of every table: records created by the demo data and not removed
 *  (a user's partner, an activity, a group membership) show up here. */
async function rowCounts(cr: Cursor): Promise<Record<string, number>> {
  const tables = await cr.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
  const rows = await cr.query<{ t: string; n: number }>(
    tables.map((r) => `SELECT '${r.t}' AS t, count(*)::int AS n FROM ${quote(r.t)}`).join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

/** What must be identical before the install and after the uninstall. */
async function snapshot(db: TestDb) {
  return db.commit(async (env) => ({
    catalog: await catalog(env.cr),
    rows: await rowCounts(env.cr),
    ledger: (await env.cr.query<{ x: string }>("SELECT module || '.' || name || ' ' || model AS x FROM ir_model_data ORDER BY 1")).map((r) => r.x),
    adminGroups: (await env.cr.query<{ gid: number }>('SELECT gid FROM res_groups_users_rel WHERE uid = 2 ORDER BY gid')).map((r) => r.gid),
    partners: (await env.cr.query<{ name: string }>('SELECT name FROM res_partner ORDER BY id')).map((r) => r.name),
  }));
}

/** Counts of what CRM leaves behind in the tables of the modules that stay (all must be 0). */
async function leftovers(db: TestDb): Promise<Record<string, number>> {
  return db.commit(async (env) => {
    const count = async (sql: string) => (await env.cr.query<{ n: number }>(sql))[0].n;
    const column = async (table: string, name: string) =>
      count(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '${table}' AND column_name = '${name}'`);
    return {
      'crm_lead table': await count("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'crm\\_%'"),
      'res_partner.team_id': await column('res_partner', 'team_id'),
      'calendar_event.opportunity_id': await column('calendar_event', 'opportunity_id'),
      'res_users columns of crm': await count(`SELECT count(*)::int AS n FROM ir_model_fields WHERE model = 'res.users' AND name IN ('crm_team_member_ids', 'crm_team_ids', 'sale_team_id')`),
      'ir_model_data of crm': await count("SELECT count(*)::int AS n FROM ir_model_data WHERE module = 'crm'"),
      'models of crm': await count("SELECT count(*)::int AS n FROM ir_model WHERE model LIKE 'crm.%'"),
      'groups of crm': await count(`SELECT count(*)::int AS n FROM res_groups WHERE name::text IN ('User: Own Documents Only', 'User: All Documents', 'Show Lead Menu', 'Show Recurring Revenues')`),
      'views of crm': await count("SELECT count(*)::int AS n FROM ir_ui_view WHERE model LIKE 'crm.%'"),
      'actions of crm': await count("SELECT count(*)::int AS n FROM ir_act_window WHERE res_model LIKE 'crm.%'"),
      'menus of crm': await count("SELECT count(*)::int AS n FROM ir_ui_menu WHERE action_model = 'ir.actions.act_window' AND action_id NOT IN (SELECT id FROM ir_act_window)"),
      'crons of crm': await count("SELECT count(*)::int AS n FROM ir_cron WHERE model_name LIKE 'crm.%'"),
      'settings of crm': await count("SELECT count(*)::int AS n FROM ir_config_parameter WHERE key LIKE 'crm.%' OR key LIKE 'sales_team.%'"),
      'messages of leads': await count("SELECT count(*)::int AS n FROM mail_message WHERE res_model LIKE 'crm.%'"),
      'activities of leads': await count("SELECT count(*)::int AS n FROM mail_activity WHERE res_model LIKE 'crm.%'"),
      'meetings of leads': await count("SELECT count(*)::int AS n FROM calendar_event WHERE res_model LIKE 'crm.%'"),
      'demo users': await count("SELECT count(*)::int AS n FROM res_users WHERE login IN ('mitchell', 'reza', 'shirin', 'emma', 'lukas')"),
    };
  });
}

const NOTHING_LEFT = {
  'crm_lead table': 0, 'res_partner.team_id': 0, 'calendar_event.opportunity_id': 0, 'res_users columns of crm': 0,
  'ir_model_data of crm': 0, 'models of crm': 0, 'groups of crm': 0, 'views of crm': 0, 'actions of crm': 0, 'menus of crm': 0,
  'crons of crm': 0, 'settings of crm': 0, 'messages of leads': 0, 'activities of leads': 0, 'meetings of leads': 0, 'demo users': 0,
};

/** A new opportunity gets its team and first stage: the reinstalled CRM works. */
async function createLead(db: TestDb): Promise<{ stage: string; team: string }> {
  return db.rollback(async (env) => {
    const admin = env.withUser(await env.refId('base.user_admin'));
    const id = await admin.model('crm.lead').create({ name: 'After reinstall', expected_revenue: 1000 });
    const [lead] = await admin.model('crm.lead').read(id, ['stage_id', 'team_id']);
    return { stage: (lead.stage_id as [number, string])[1], team: (lead.team_id as [number, string])[1] };
  });
}

t.test('install with demo data, uninstall, install again', SLOW, async (t) => {
  // CRM's dependencies stay installed: what the uninstall must restore is the state before CRM.
  const db = await testDb(t, { modules: ['mail', 'utm'] });
  const before = await snapshot(db);

  await db.modules.install(['crm'], { demo: true });
  const installed = await leftovers(db);
  t.ok(installed['ir_model_data of crm'] > 100 && installed['demo users'] === 5 && installed['activities of leads'] > 15 && installed['res_partner.team_id'] === 1,
    'the install added schema, records and demo data');

  const plan = await db.modules.uninstall(['crm'], { dryRun: true });
  t.same(plan.modules, ['crm']);
  t.ok(plan.tables.includes('crm_lead') && plan.tables.includes('crm_tag_rel'), 'its tables');
  t.ok(plan.columns.some((c) => c.table === 'res_partner' && c.column === 'team_id'), 'its columns on others\' tables');
  t.ok(plan.records['res.users']?.length === 5 && plan.records['res.partner']?.length > 20, 'its demo users and partners');

  await db.modules.uninstall(['crm']);
  t.same(await leftovers(db), NOTHING_LEFT, 'nothing of CRM is left');
  const after = await snapshot(db);
  t.same(after.catalog, before.catalog, 'the schema is identical');
  t.same(after.rows, before.rows, 'every table holds as many rows as before');
  t.same(after.ledger, before.ledger, 'the ledger is as before');
  t.same(after.adminGroups, before.adminGroups, 'the administrator has the groups of before');
  t.same(after.partners, before.partners, 'the same partners');
  t.notOk(db.db.registry.has('crm.lead'), 'the registry no longer has crm.lead');
  t.notOk(db.db.registry.get('res.partner').fields.has('team_id'), 'nor the fields CRM added');

  await db.modules.install(['crm'], { demo: true });
  t.same(await createLead(db), { stage: 'New', team: 'Sales' }, 'installed again, a new opportunity gets its stage and team');
  t.equal((await leftovers(db))['demo users'], 5, 'and the demo data loads again');
});

// ---- the same through `node bin/erp.js`, on the test run's PostgreSQL --------------------------

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

// The test run's own ERP_* variables must not redirect the command elsewhere.
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && !k.startsWith('ERP_')));

function erp(args: string[]): Promise<Result> {
  const url = readState()!.url;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'erp.js'), '--database-url', url, ...args], { cwd: ROOT, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

t.test('erp module install crm / module uninstall crm', SLOW, async (t) => {
  const db = await testDb(t, { modules: ['mail', 'utm'] });
  // A database created with demo data (`erp db create --demo`): modules installed later get theirs.
  await db.commit((env) => env.cr.execute("UPDATE ir_module_module SET demo = true WHERE name = 'base'"));
  const before = await snapshot(db);

  const installed = await erp(['module', 'install', 'crm', '--db', db.name]);
  t.equal(installed.code, 0, installed.stderr);
  t.match(installed.stdout, /^installed: crm$/m);
  t.match(installed.stderr, /… installing crm/);
  const demo = await db.commit((env) => env.cr.query<{ n: number }>("SELECT count(*)::int AS n FROM crm_lead"));
  t.ok(demo[0].n >= 50, `the demo leads are there (${demo[0].n})`);

  const dry = await erp(['module', 'uninstall', 'crm', '--db', db.name, '--dry-run']);
  t.equal(dry.code, 0, dry.stderr);
  t.match(dry.stdout, /^ {2}res\.users: 5$/m, 'the demo users are listed');
  t.match(dry.stdout, /^tables: .*\bcrm_lead\b/m);
  t.match(dry.stdout, /^columns: .*\bres_partner\.team_id\b.*/m);
  t.match(dry.stdout, /^columns: .*\bcalendar_event\.opportunity_id\b/m);
  t.match(dry.stdout, /dry run: nothing was changed/);

  const removed = await erp(['module', 'uninstall', 'crm', '--db', db.name]);
  t.equal(removed.code, 0, removed.stderr);
  t.match(removed.stdout, /^uninstalled: crm$/m);
  t.same(await leftovers(db), NOTHING_LEFT, 'nothing of CRM is left');
  const after = await snapshot(db);
  t.same(after.catalog, before.catalog, 'the schema is identical');
  t.same(after.rows, before.rows, 'every table holds as many rows as before');
  t.same(after.ledger, before.ledger, 'the ledger is as before');

  const again = await erp(['module', 'install', 'crm', '--db', db.name]);
  t.equal(again.code, 0, again.stderr);
  // This process notices that another one changed the modules, and loads CRM's models.
  t.ok(await db.modules.refreshIfChanged(), 'the registry follows the command');
  t.same(await createLead(db), { stage: 'New', team: 'Sales' }, 'installed again by the command, CRM works');
});
