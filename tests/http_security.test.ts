// Record rules hold through every HTTP endpoint: a salesperson cannot read, write or unlink
// another salesperson's records through call_kw, /jsonrpc or /xmlrpc/2, and a refused call
// changes nothing. Uses the test_security addon (rule: own or unassigned documents).

import t, { type Test } from 'tap';
import xmlrpc from 'xmlrpc';
import { RpcClient, testServer } from './helpers/http.ts';

const server = await testServer(t, { modules: ['test_security'] });
const { db } = server;

const world = await db.commit(async (env) => {
  const salesman = await env.refId('test_security.group_salesman');
  const [sales1, sales2] = await env.model('res.users').create([
    { login: 'sales1', name: 'Sales One', password: 'pw-sales1', groups_id: [[4, salesman]] },
    { login: 'sales2', name: 'Sales Two', password: 'pw-sales2', groups_id: [[4, salesman]] },
  ]);
  const [mine, theirs, free] = await env.model('test.secure.doc').create([
    { name: 'Mine', user_id: sales1, amount: 10 },
    { name: 'Theirs', user_id: sales2, amount: 20 },
    { name: 'Unassigned', amount: 30 },
  ]);
  return { sales1, sales2, mine, theirs, free };
});

/** Expects `call` to fail with an error whose fields match `pattern` (Odoo's error data, or an XML-RPC fault). */
async function refused(t: Test, call: Promise<unknown>, pattern: Record<string, unknown>, message: string): Promise<void> {
  try {
    await call;
    t.fail(`${message}: the call succeeded`);
  } catch (error) {
    const fields = (error as { data?: Record<string, unknown> }).data ?? (error as Record<string, unknown>);
    t.match(fields, pattern, message);
  }
}

const theirsUnchanged = async (t: Test) => {
  const [row] = await db.commit((env) => env.model('test.secure.doc').read(world.theirs, ['name', 'amount']));
  t.same([row.name, row.amount], ['Theirs', 20], 'the other salesperson\'s record is untouched');
};

t.test('through /web/dataset/call_kw', async (t) => {
  const client = new RpcClient(server.url);
  await client.authenticate(db.name, 'sales1', 'pw-sales1');
  const names = (await client.callKw('test.secure.doc', 'search_read', [[]], { fields: ['name'] })).map((r: { name: string }) => r.name).sort();
  t.same(names, ['Mine', 'Unassigned'], 'search_read lists only own and unassigned records');
  t.equal(await client.callKw('test.secure.doc', 'search_count', [[]]), 2, 'search_count');
  const groups = await client.callKw('test.secure.doc', 'read_group', [[], ['amount:sum'], ['user_id']], { lazy: false });
  t.equal(groups.reduce((s: number, g: { amount: number }) => s + g.amount, 0), 40, 'read_group sums only what the rule allows');
  t.same(await client.callKw('test.secure.doc', 'name_search', ['Theirs']), [], 'name_search');
  for (const [method, args] of [['read', [[world.theirs], ['name']]], ['write', [[world.theirs], { name: 'Hacked' }]], ['unlink', [[world.theirs]]]] as const) {
    await refused(t, client.callKw('test.secure.doc', method, [...args]), { name: 'odoo.exceptions.AccessError', message: /test\.secure\.doc/ }, `${method} is refused with an AccessError`);
  }
  await refused(t, client.callKw('test.secure.doc', 'write', [[world.mine, world.theirs], { amount: 0 }]), { name: 'odoo.exceptions.AccessError' }, 'one forbidden record refuses the batch');
  await refused(t, client.callKw('test.secure.doc', 'create', [{ name: 'For someone else', user_id: world.sales2 }]),
    { name: 'odoo.exceptions.AccessError', message: /create "test\.secure\.doc"/ }, 'creating a record the rule forbids is refused');
  const own = await client.callKw('test.secure.doc', 'create', [{ name: 'My new one', user_id: world.sales1 }]);
  t.type(own, 'number', 'creating an allowed record works');
  t.equal(await client.callKw('test.secure.doc', 'unlink', [[own]]), true, 'and deleting it');
  t.equal(await db.commit((env) => env.model('test.secure.doc').search_count([['name', '=', 'For someone else']])), 0, 'the refused record was not kept');
  await theirsUnchanged(t);
  const [mine] = await db.commit((env) => env.model('test.secure.doc').read(world.mine, ['amount']));
  t.equal(mine.amount, 10, 'and the allowed record in the refused batch is untouched too');
});

t.test('through /jsonrpc object.execute_kw', async (t) => {
  const client = new RpcClient(server.url);
  const call = (method: string, args: unknown[]) => client.call('/jsonrpc', { service: 'object', method: 'execute_kw', args: [db.name, world.sales1, 'pw-sales1', 'test.secure.doc', method, ...args] });
  t.same((await call('search_read', [[[]], { fields: ['name'] }])).map((r: { name: string }) => r.name).sort(), ['Mine', 'Unassigned']);
  await refused(t, call('read', [[[world.theirs], ['name']]]), { name: 'odoo.exceptions.AccessError' }, 'read refused');
  await refused(t, call('write', [[[world.theirs], { name: 'Hacked' }]]), { name: 'odoo.exceptions.AccessError' }, 'write refused');
  await refused(t, call('unlink', [[[world.theirs]]]), { name: 'odoo.exceptions.AccessError' }, 'unlink refused');
  await refused(t, client.call('/jsonrpc', { service: 'object', method: 'execute_kw', args: [db.name, world.sales1, 'wrong', 'test.secure.doc', 'search', [[]]] }),
    { name: 'odoo.exceptions.AccessDenied' }, 'a wrong password is refused');
  await theirsUnchanged(t);
});

t.test('through /xmlrpc/2/object', async (t) => {
  const url = new URL(`${server.url}/xmlrpc/2/object`);
  const proxy = xmlrpc.createClient({ host: url.hostname, port: Number(url.port), path: url.pathname });
  const call = (method: string, args: unknown[]) => new Promise<unknown>((resolve, reject) =>
    proxy.methodCall('execute_kw', [db.name, world.sales1, 'pw-sales1', 'test.secure.doc', method, ...args], (error, value) => (error ? reject(error) : resolve(value))));
  t.same(((await call('search_read', [[[]], { fields: ['name'] }])) as Array<{ name: string }>).map((r) => r.name).sort(), ['Mine', 'Unassigned']);
  for (const [method, args] of [['read', [[world.theirs], ['name']]], ['write', [[world.theirs], { name: 'Hacked' }]], ['unlink', [[world.theirs]]]] as const) {
    await refused(t, call(method, [[...args]]), { faultCode: 4, faultString: /not allowed to .* "test\.secure\.doc"/ }, `${method} is refused with an access fault`);
  }
  await theirsUnchanged(t);
});
