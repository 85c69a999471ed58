// Security: access rights, record rules (no leak through any read path), field groups, implied
// groups, cache invalidation across processes, passwords, login rate limiting, sessions and
// `erp user passwd`. Uses the test_security addon (tests/addons/test_security).

import { spawn } from 'node:child_process';
import path from 'node:path';
import t from 'tap';
import { testDb, TEST_ADDONS } from './helpers/db.ts';
import { readState, ROOT } from './setup/state.ts';
import type { Env } from '../core/models/env.ts';
import { Erp } from '../core/service.ts';
import { authenticate, MAX_LOGIN_FAILURES } from '../core/security/auth.ts';
import { createSession, destroySession, getSession, SESSION_TTL_SECONDS } from '../core/security/sessions.ts';
import { hasGroup, userGroups } from '../core/security/groups.ts';
import { verifyPassword } from '../core/security/password.ts';
import { parseRuleDomain, evalRuleDomain } from '../core/security/rule_domain.ts';

const db = await testDb(t, { modules: ['test_security'] });

interface World { sales1: number; sales2: number; manager: number; internal: number; docs: Record<string, number>; main: number; other: number }

const world: World = await db.commit(async (env) => {
  const group = (x: string) => env.refId(x);
  const users = env.model('res.users');
  const main = await env.refId('base.main_company');
  const [sales1, sales2, manager, internal] = await users.create([
    { login: 'sales1', name: 'Sales One', password: 'pw-sales1', company_id: main, groups_id: [[4, await group('test_security.group_salesman')]] },
    { login: 'sales2', name: 'Sales Two', company_id: main, groups_id: [[4, await group('test_security.group_salesman')]] },
    { login: 'manager', name: 'Manager', company_id: main, groups_id: [[4, await group('test_security.group_manager')]] },
    { login: 'internal', name: 'Internal', password: 'pw-internal', company_id: main, groups_id: [[4, await group('base.group_user')]] },
  ]);
  const partner = await env.model('res.partner').create({ name: 'Other Co' });
  const other = await env.model('res.company').create({ name: 'Other Co', partner_id: partner, currency_id: await env.refId('base.USD') });
  const docs = env.model('test.secure.doc');
  const [mine, theirs, free, elsewhere] = await docs.create([
    { name: 'Mine', user_id: sales1, amount: 10, margin: 1 },
    { name: 'Theirs', user_id: sales2, amount: 20, margin: 2 },
    { name: 'Unassigned', amount: 30, margin: 3 },
    { name: 'Elsewhere', user_id: sales1, company_id: other, amount: 40 },
  ]);
  return { sales1, sales2, manager, internal, main, other, docs: { mine, theirs, free, elsewhere } };
});

const as = (env: Env, uid: number) => env.withUser(uid);
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

t.test('a salesperson sees and changes only their own or unassigned records', async (t) => {
  const { docs } = world;
  await db.rollback(async (env) => {
    const model = as(env, world.sales1).model('test.secure.doc');
    t.same(sorted(await model.search([])), sorted([docs.mine, docs.free]), 'search');
    t.equal(await model.search_count([]), 2, 'search_count');
    t.same(await model.search([['id', '=', docs.theirs]]), [], 'a domain naming the id does not bypass the rule');
    t.same((await model.search_read([], ['name'])).map((r) => r.name).sort(), ['Mine', 'Unassigned'], 'search_read');
    const groups = await model.read_group([], ['amount'], ['user_id']);
    t.equal(groups.reduce((s, g) => s + (g.user_id_count as number), 0), 2, 'read_group counts');
    t.equal(groups.reduce((s, g) => s + (g.amount as number), 0), 40, 'read_group sums');
    t.same((await model.name_search('')).map(([, n]) => n).sort(), ['Mine', 'Unassigned'], 'name_search');
    t.same((await model.name_search('Theirs')), [], 'name_search by name');
    await t.rejects(model.read([docs.theirs], ['name']), { code: 'ERP_ACCESS', message: /read "test\.secure\.doc"/ });
    await t.rejects(model.write([docs.theirs], { name: 'Hacked' }), { code: 'ERP_ACCESS', message: /write "test\.secure\.doc"/ });
    await t.rejects(model.unlink([docs.theirs]), { code: 'ERP_ACCESS', message: /delete "test\.secure\.doc"/ });
    await t.rejects(model.write([docs.mine, docs.theirs], { amount: 0 }), { code: 'ERP_ACCESS' }, 'one forbidden record refuses the batch');
    await model.write([docs.mine, docs.free], { amount: 5 });
    await model.unlink([docs.free]);
    t.same(await model.search([]), [docs.mine]);
  });
});

t.test('an access error changes nothing', async (t) => {
  await t.rejects(db.commit(async (env) => {
    const model = as(env, world.sales1).model('test.secure.doc');
    await model.write(world.docs.mine, { name: 'Changed' });
    await model.write(world.docs.theirs, { name: 'Changed' });
  }), { code: 'ERP_ACCESS' });
  const [row] = await db.rollback((env) => env.model('test.secure.doc').read(world.docs.mine, ['name']));
  t.equal(row.name, 'Mine');
});

t.test('group rules are OR-ed, global rules AND-ed, implied groups count', async (t) => {
  const { docs } = world;
  await db.rollback(async (env) => {
    const managerEnv = as(env, world.manager);
    const model = managerEnv.model('test.secure.doc');
    t.same(sorted(await model.search([])), sorted([docs.mine, docs.theirs, docs.free]), 'the manager rule widens the salesman rule, the company rule still applies');
    const wider = model.with_context({ allowed_company_ids: [world.main, world.other] });
    t.equal(await wider.search_count([]), 4, 'company_ids follow the allowed companies of the context');
    const groups = await userGroups(env, world.manager);
    t.ok(groups.has(await env.refId('test_security.group_salesman')), 'manager implies salesman');
    t.ok(groups.has(await env.refId('base.group_user')), 'and, transitively, internal user');
    t.ok(await hasGroup(managerEnv, 'test_security.group_salesman'));
    t.notOk(await hasGroup(as(env, world.sales1), 'test_security.group_manager'));
    const users = managerEnv.model('res.users') as unknown as { has_group(xmlid: string): Promise<boolean> };
    t.ok(await users.has_group('base.group_user'), 'res.users has_group');
  });
});

t.test('no access right: a clear error; sudo and the superuser bypass everything', async (t) => {
  await db.rollback(async (env) => {
    await t.rejects(as(env, world.internal).model('test.secure.doc').search([]),
      { code: 'ERP_ACCESS', odooName: 'odoo.exceptions.AccessError', message: /You are not allowed to read "test\.secure\.doc" records: no access right .* "internal"/ });
    await t.rejects(as(env, world.manager).model('test.secure.secret').create({ name: 'x' }), { code: 'ERP_ACCESS', message: /create "test\.secure\.secret"/ });
    t.equal(await as(env, world.sales1).model('test.secure.doc').sudo().search_count([]), 4, 'sudo');
    t.equal(await env.model('test.secure.doc').search_count([]), 4, 'superuser');
    const internal = as(env, world.internal);
    t.ok((await internal.model('res.country').search_count([])) > 100, 'internal users read countries');
    const partner = await internal.model('res.partner').create({ name: 'Made by an employee' });
    await internal.model('res.partner').write(partner, { name: 'Renamed' });
    await t.rejects(internal.model('res.partner').unlink(partner), { code: 'ERP_ACCESS', message: /delete "res\.partner"/ });
    await t.rejects(internal.model('res.country').write(await env.refId('base.us'), { name: 'X' }), { code: 'ERP_ACCESS' });
    const admin = as(env, await env.refId('base.user_admin'));
    t.ok(await admin.model('ir.model.access').search_count([]) > 0, 'Settings manage access rights');
  });
});

t.test('field groups: hidden unless asked, refused when asked', async (t) => {
  await db.rollback(async (env) => {
    const sales = as(env, world.sales1).model('test.secure.doc');
    const [row] = await sales.read(world.docs.mine);
    t.notOk('margin' in row, 'left out when no fields are given');
    t.equal(row.name, 'Mine');
    await t.rejects(sales.read(world.docs.mine, ['name', 'margin']), { code: 'ERP_FIELD_ACCESS', message: /"margin" of "test\.secure\.doc"/ });
    await t.rejects(sales.search_read([], ['margin']), { code: 'ERP_FIELD_ACCESS' });
    await t.rejects(sales.write(world.docs.mine, { margin: 9 }), { code: 'ERP_FIELD_ACCESS' });
    const [managed] = await as(env, world.manager).model('test.secure.doc').read(world.docs.mine, ['margin']);
    t.equal(managed.margin, 1, 'members of the group read it');
  });
});

t.test('changes to groups and rights apply at once, also in other processes', async (t) => {
  await db.rollback(async (env) => {
    const internal = as(env, world.internal);
    await t.rejects(internal.model('test.secure.doc').search([]), { code: 'ERP_ACCESS' });
    await env.model('res.users').write(world.internal, { groups_id: [[4, await env.refId('test_security.group_salesman')]] });
    t.same(await internal.model('test.secure.doc').search([]), [world.docs.free], 'membership changed in the same transaction');
  });
  // Another process (its own registry and caches) grants a right; this one must see it.
  const state = readState()!;
  const other = await Erp.start({ databaseUrl: state.url, addonsPaths: [path.join(ROOT, 'addons'), TEST_ADDONS] });
  t.teardown(() => other.stop());
  const secret = (env: Env) => as(env, world.internal).model('test.secure.secret');
  await t.rejects(db.rollback((env) => secret(env).search([])), { code: 'ERP_ACCESS' }, 'cached: no right yet');
  const opened = await other.get(db.name);
  const access = await opened.db.withEnv(async (env) => env.model('ir.model.access').create({
    name: 'secret for employees', model_id: (await env.ref('test_security.model_test_secure_secret'))!.id, group_id: await env.refId('base.group_user'), perm_read: true,
  }));
  t.same(await db.rollback((env) => secret(env).search([])), [], 'the right granted by the other process applies');
  await opened.db.withEnv((env) => env.model('ir.model.access').unlink(access));
  await t.rejects(db.rollback((env) => secret(env).search([])), { code: 'ERP_ACCESS' }, 'and its removal too');
});

t.test('record rule domains are parsed, never evaluated', async (t) => {
  const ctx = { uid: 7, login: 'x', companyId: 3, partnerId: 9, companyIds: [3, 4] };
  t.same(evalRuleDomain(parseRuleDomain('r', "[('user_id', 'in', [user.id, False])]"), ctx), [['user_id', 'in', [7, false]]]);
  t.same(evalRuleDomain(parseRuleDomain('r', "['|', ('company_id', '=', user.company_id.id), ('partner_id', '=', user.partner_id.id), ('x', 'in', company_ids), ('y', '=', None), ('z', '>', -1.5)]"), ctx),
    ['|', ['company_id', '=', 3], ['partner_id', '=', 9], ['x', 'in', [3, 4]], ['y', '=', false], ['z', '>', -1.5]]);
  t.same(evalRuleDomain(parseRuleDomain('r', ''), ctx), []);
  t.throws(() => parseRuleDomain('Evil', "[('a', '=', __import__('os'))]"), { code: 'ERP_INVALID_RULE', message: /"Evil".*unknown name "__import__"/ });
  t.throws(() => parseRuleDomain('Bad', "[('a', '=', user.password)]"), { code: 'ERP_INVALID_RULE', message: /user\.password/ });
  t.throws(() => parseRuleDomain('Open', "[('a', '=', 1)"), { code: 'ERP_INVALID_RULE', message: /"Open"/ });
  t.throws(() => parseRuleDomain('Shape', "[('a', '=')]"), { code: 'ERP_INVALID_RULE' });
  await db.rollback(async (env) => {
    await t.rejects(env.model('ir.rule').create({ name: 'Broken rule', model_id: (await env.ref('test_security.model_test_secure_doc'))!.id, domain_force: "[('user_id', '=', user.id" }),
      { code: 'ERP_INVALID_RULE', message: /"Broken rule"/ });
  });
});

t.test('passwords are stored hashed and never read back', async (t) => {
  await db.rollback(async (env) => {
    const admin = await env.refId('base.user_admin');
    const [row] = await env.model('res.users').read(admin, ['password', 'login']);
    t.equal(row.password, '', 'reading the password gives nothing');
    const [{ password: hash }] = await env.cr.query<{ password: string }>('SELECT password FROM res_users_credential WHERE user_id = $1', [admin]);
    t.match(hash, /^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/, 'hash with its parameters and salt');
    t.not(hash, 'admin');
    t.ok(await verifyPassword('admin', hash));
    t.notOk(await verifyPassword('Admin', hash));
    t.equal(await authenticate(env, 'admin', 'admin'), admin, 'admin / admin logs in');
    await t.rejects(authenticate(env, 'admin', 'nope', { ip: '10.1.1.1' }), { odooName: 'odoo.exceptions.AccessDenied', message: 'Wrong login/password' });
    await t.rejects(authenticate(env, 'nobody', 'admin', { ip: '10.1.1.1' }), { message: 'Wrong login/password' });
    await env.model('res.users').write(world.internal, { password: 'changed' });
    t.equal(await authenticate(env, 'internal', 'changed'), world.internal);
    await env.model('res.users').write(world.internal, { active: false });
    await t.rejects(authenticate(env, 'internal', 'changed', { ip: '10.1.1.1' }), { message: 'Wrong login/password' }, 'archived users are refused');
    t.same(await env.model('res.users').search([['login', '=', 'sales2']]).then((ids) => ids.length), 1);
  });
});

t.test('failed logins are rate-limited per login and per IP, across transactions', async (t) => {
  for (let i = 0; i < MAX_LOGIN_FAILURES; i++) {
    // Each attempt in a transaction that rolls back: the failures must still be counted.
    await t.rejects(db.rollback((env) => authenticate(env, 'sales1', `wrong-${i}`, { ip: `10.2.0.${i}` })), { message: 'Wrong login/password' });
  }
  await t.rejects(db.rollback((env) => authenticate(env, 'sales1', 'pw-sales1', { ip: '10.9.9.9' })),
    { code: 'ERP_TOO_MANY_LOGINS', odooName: 'odoo.exceptions.AccessDenied', message: /try again in \d+ seconds/ }, 'even the right password is refused for this login');
  for (let i = 0; i < MAX_LOGIN_FAILURES; i++) {
    await t.rejects(db.rollback((env) => authenticate(env, `ghost${i}`, 'x', { ip: '10.3.3.3' })), { message: 'Wrong login/password' });
  }
  await t.rejects(db.rollback((env) => authenticate(env, 'admin', 'admin', { ip: '10.3.3.3' })), { code: 'ERP_TOO_MANY_LOGINS' }, 'per IP');
  t.equal(await db.rollback((env) => authenticate(env, 'admin', 'admin', { ip: '10.4.4.4' })), await db.rollback((env) => env.refId('base.user_admin')), 'others still log in');
  await db.commit((env) => env.cr.execute("UPDATE res_users_login_attempt SET create_date = create_date - interval '2 minutes'"));
  t.equal(await db.rollback((env) => authenticate(env, 'sales1', 'pw-sales1', { ip: '10.9.9.9' })), world.sales1, 'allowed again after the cooldown');
});

t.test('sessions: create, get (sliding), expire, destroy', async (t) => {
  await db.rollback(async (env) => {
    const sid = await createSession(env, world.sales1, { lang: 'fr_FR' });
    t.match(sid, /^[A-Za-z0-9_-]{43,}$/, 'url-safe, 32 random bytes');
    const stored = await env.cr.query<{ sid_hash: string }>('SELECT sid_hash FROM res_users_session');
    t.notOk(stored.some((r) => r.sid_hash === sid), 'only a hash of the id is stored');
    const session = await getSession(env, sid);
    t.equal(session?.uid, world.sales1);
    t.same(session?.context, { lang: 'fr_FR' });
    t.ok(Math.abs(session!.expires.getTime() - Date.now() - SESSION_TTL_SECONDS * 1000) < 60_000, 'expires in 7 days');
    await env.cr.execute("UPDATE res_users_session SET expires = (now() AT TIME ZONE 'UTC') + interval '1 day'");
    const slid = await getSession(env, sid);
    t.ok(slid!.expires.getTime() - Date.now() > (SESSION_TTL_SECONDS - 120) * 1000, 'each use pushes the expiry back');
    t.equal(await getSession(env, 'not-a-session'), null);
    t.equal(await getSession(env, 'A'.repeat(43)), null);
    await env.cr.execute("UPDATE res_users_session SET expires = (now() AT TIME ZONE 'UTC') - interval '1 second'");
    t.equal(await getSession(env, sid), null, 'expired');
    t.same(await env.cr.query('SELECT id FROM res_users_session'), [], 'and deleted');
    const other = await createSession(env, world.sales2);
    t.equal((await getSession(env, other))?.uid, world.sales2);
    await destroySession(env, other);
    t.equal(await getSession(env, other), null, 'destroyed');
  });
});

t.test('a restricted read costs the same queries for 100 records as for 1', async (t) => {
  await db.rollback(async (env) => {
    await env.model('test.secure.doc').create(Array.from({ length: 100 }, (_, i) => ({ name: `Bulk ${i}`, user_id: world.sales1 })));
    const model = as(env, world.sales1).model('test.secure.doc');
    const ids = await model.search([['name', '=like', 'Bulk%']]);
    t.equal(ids.length, 100);
    const cost = async (fn: () => Promise<unknown>) => {
      const before = env.cr.queryCount;
      await fn();
      return env.cr.queryCount - before;
    };
    const one = await cost(() => model.read(ids.slice(0, 1), ['name', 'user_id', 'amount']));
    const hundred = await cost(() => model.read(ids, ['name', 'user_id', 'amount']));
    t.equal(hundred, one, `read: ${one} queries either way`);
    t.equal(await cost(() => model.search_count([])), 1, 'the checks cost no query once the transaction knows the user');
    await model.write(ids, { amount: 1 });
    t.equal(await cost(() => model.write(ids, { amount: 2 })), await cost(() => model.write(ids.slice(0, 1), { amount: 3 })), 'write too');
  });
});

function erp(args: string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && !k.startsWith('ERP_')));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'erp.js'), '--database-url', readState()!.url, '--addons-path', TEST_ADDONS, ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

t.test('erp user passwd', { timeout: 120000 }, async (t) => {
  const set = await erp(['user', 'passwd', 'admin', '--db', db.name, '--password', 'x']);
  t.equal(set.code, 0, set.stderr);
  t.match(set.stdout, /password changed for "admin"/);
  const admin = await db.rollback((env) => env.refId('base.user_admin'));
  t.equal(await db.rollback((env) => authenticate(env, 'admin', 'x')), admin);
  const piped = await erp(['user', 'passwd', 'admin', '--db', db.name], 's3cret from stdin\n');
  t.equal(piped.code, 0, piped.stderr);
  t.equal(await db.rollback((env) => authenticate(env, 'admin', 's3cret from stdin')), admin);
  const unknown = await erp(['user', 'passwd', 'nobody', '--db', db.name, '--password', 'x']);
  t.equal(unknown.code, 1);
  t.match(unknown.stderr, /No user with login "nobody"/);
});

t.test('uninstalling an addon removes its rights, rules and groups', async (t) => {
  const scratch = await testDb(t, { modules: ['test_security'] });
  await scratch.modules.uninstall(['test_security']);
  await scratch.commit(async (env) => {
    const count = async (sql: string) => (await env.cr.query<{ n: number }>(sql))[0].n;
    t.equal(await count("SELECT count(*)::int AS n FROM ir_model_access WHERE name LIKE 'doc %'"), 0);
    t.equal(await count("SELECT count(*)::int AS n FROM ir_rule r WHERE NOT EXISTS (SELECT 1 FROM ir_model_data d WHERE d.model = 'ir.rule' AND d.res_id = r.id AND d.module = 'base')"), 0,
      "only base's own rules (favorites) are left");
    t.equal(await count("SELECT count(*)::int AS n FROM res_groups WHERE category = 'Test'"), 0);
    const admin = env.withUser(await env.refId('base.user_admin'));
    t.ok(await admin.model('res.partner').search_count([]) > 0, 'base rights still work');
  });
});
