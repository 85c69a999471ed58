// The HTTP server's Odoo 17 JSON-RPC API, as the web client uses it: sessions, call_kw with
// Odoo's argument shapes, errors in Odoo's shape, one transaction per request, CSRF rules.

import t from 'tap';
import { RpcClient, RpcError, testServer } from './helpers/http.ts';

const server = await testServer(t);
const dbName = server.db.name;

async function rpcError(p: Promise<unknown>): Promise<RpcError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof RpcError) return error;
    throw error;
  }
  throw new Error('expected an RPC error');
}

async function loggedIn(): Promise<RpcClient> {
  const client = new RpcClient(server.url);
  await client.authenticate(dbName);
  return client;
}

t.test('version and database list need no session', async (t) => {
  const client = new RpcClient(server.url);
  const version = await client.call('/web/webclient/version_info');
  t.equal(version.server_serie, '17.0');
  t.same(version.server_version_info.slice(0, 2), [17, 0]);
  t.equal(version.protocol_version, 1);
  t.same(await client.call('/web/database/list'), [dbName]);
});

t.test('authenticate: session info and the session cookie', async (t) => {
  const client = new RpcClient(server.url);
  const info = await client.authenticate(dbName);
  t.equal(info.username, 'admin');
  t.equal(info.db, dbName);
  t.type(info.uid, 'number');
  t.equal(info.is_system, true);
  t.match(info.user_context, { lang: String, uid: info.uid });
  t.type(info.partner_id, 'number');
  const cookie = client.setCookies.find((c) => c.startsWith('session_id='));
  t.ok(cookie, 'sets session_id');
  t.match(cookie!, /HttpOnly/i);
  t.match(cookie!, /SameSite=Lax/i);
  t.match(cookie!, /Path=\//);
  t.equal((await client.call('/web/session/get_session_info')).uid, info.uid);
});

t.test('wrong password, unknown database, no session', async (t) => {
  const client = new RpcClient(server.url);
  const denied = await rpcError(client.authenticate(dbName, 'admin', 'wrong'));
  t.equal(denied.code, 200);
  t.equal(denied.data.name, 'odoo.exceptions.AccessDenied');
  t.same(denied.data.arguments, [denied.data.message]);
  t.equal(denied.data.debug, '');
  t.notOk(client.cookies.has('session_id'));
  t.equal((await rpcError(client.authenticate('nope', 'admin', 'admin'))).data.name, 'odoo.exceptions.AccessDenied');
  const expired = await rpcError(client.callKw('res.partner', 'search', [[]]));
  t.equal(expired.code, 100);
  t.equal(expired.data.name, 'odoo.http.SessionExpiredException');
  client.cookies.set('session_id', 'forged');
  t.equal((await rpcError(client.call('/web/session/get_session_info'))).code, 100);
});

t.test('call_kw: the standard methods with Odoo shapes', async (t) => {
  const client = await loggedIn();
  const id = await client.callKw('res.partner', 'create', [{ name: 'HTTP Partner', email: 'h@example.com', is_company: true }]);
  t.type(id, 'number', 'create with a dict returns an id');
  const ids = await client.callKw('res.partner', 'create', [[{ name: 'HTTP A' }, { name: 'HTTP B' }]]);
  t.equal(ids.length, 2, 'create with a list returns ids');

  const rows = await client.callKw('res.partner', 'search_read', [[['name', 'like', 'HTTP%']]], { fields: ['name', 'email'], order: 'name', limit: 2 });
  t.same(rows, [{ id: ids[0], name: 'HTTP A', email: false }, { id: ids[1], name: 'HTTP B', email: false }]);
  t.same(await client.callKw('res.partner', 'search', [[['name', 'like', 'HTTP%']], 1, 1, 'name']), [ids[1]], 'positional offset, limit, order');
  t.equal(await client.callKw('res.partner', 'search', [[['name', 'like', 'HTTP%']]], { count: true }), 3, 'search count=True');
  t.equal(await client.callKw('res.partner', 'search_count', [[['name', 'like', 'HTTP%']]]), 3);

  t.equal(await client.callKw('res.partner', 'write', [[id], { phone: '123' }]), true);
  t.same(await client.callKw('res.partner', 'read', [[id], ['phone', 'is_company']]), [{ id, phone: '123', is_company: true }]);
  t.same(await client.callKw('res.partner', 'read', [[id]], { fields: ['name'], load: '_classic_read' }), [{ id, name: 'HTTP Partner' }]);

  const found = await client.callKw('res.partner', 'name_search', [], { name: 'HTTP Part', limit: 5 });
  t.same(found, [[id, 'HTTP Partner']]);
  const people = await client.callKw('res.partner', 'name_search', ['HTTP', [['is_company', '=', false]], 'ilike', 10]);
  t.same(people.map((p: [number, string]) => p[1]).sort(), ['HTTP A', 'HTTP B'], 'positional name, args, operator, limit');

  const groups = await client.callKw('res.partner', 'read_group', [[['name', 'like', 'HTTP%']], ['is_company'], ['is_company']], { orderby: 'is_company' });
  t.same(groups.map((g: any) => [g.is_company, g.is_company_count]), [[false, 2], [true, 1]]);
  t.ok(Array.isArray(groups[0].__domain));

  const fields = await client.callKw('res.partner', 'fields_get', [['name', 'parent_id']], { attributes: ['type', 'string', 'relation'] });
  t.same(fields, { name: { type: 'char', string: 'Name' }, parent_id: { type: 'many2one', string: 'Related Company', relation: 'res.partner' } });
  t.equal(await client.callKw('res.partner', 'check_access_rights', ['read'], { raise_exception: false }), true);

  t.equal(await client.callKw('res.partner', 'unlink', [ids]), true);
  t.same(await client.callKw('res.partner', 'exists', [ids]), []);
});

t.test('call_kw: kwargs.context is the environment context', async (t) => {
  const client = await loggedIn();
  const active = await client.callKw('res.users', 'search', [[['login', '=', '__system__']]]);
  t.same(active, [], 'the inactive superuser is hidden by default');
  const all = await client.callKw('res.users', 'search', [[['login', '=', '__system__']]], { context: { active_test: false } });
  t.same(all, [1]);
});

t.test('call_kw: what may not be called, and clear errors', async (t) => {
  const client = await loggedIn();
  const priv = await rpcError(client.callKw('res.partner', '_display_names', [[1]]));
  t.equal(priv.data.name, 'odoo.exceptions.AccessError');
  t.match(priv.data.message, /Private methods/);
  t.equal((await rpcError(client.callKw('res.partner', '__proto__', [[1]]))).data.name, 'odoo.exceptions.AccessError');
  for (const name of ['sudo', 'with_context', 'withEnv', 'constructor', 'name', 'context', 'toString', 'no_such_method']) {
    const err = await rpcError(client.callKw('res.partner', name, [[1]]));
    t.match(err.data.message, /does not exist on model "res.partner"/, `${name} refused`);
  }
  const model = await rpcError(client.callKw('no.such.model', 'search', [[]]));
  t.equal(model.data.name, 'odoo.exceptions.UserError');
  t.match(model.data.message, /Unknown model "no.such.model"/);
  const field = await rpcError(client.callKw('res.partner', 'search_read', [[['nope', '=', 1]]]));
  t.match(field.data.message, /nope/);
  t.equal(field.data.debug, '', 'no stack trace');
  const kw = await rpcError(client.callKw('res.partner', 'search', [[]], { bogus: 1 }));
  t.equal(kw.data.name, 'builtins.TypeError');
  t.match(kw.data.message, /search\(\) got an unexpected keyword argument 'bogus'/);
  const missing = await rpcError(client.callKw('res.partner', 'write', [[1]]));
  t.match(missing.data.message, /missing 1 required positional argument: 'vals'/);
});

t.test('a failing request leaves nothing behind (one transaction)', async (t) => {
  const client = await loggedIn();
  // res.users.create makes the partner first, then the user, whose login is taken.
  const err = await rpcError(client.callKw('res.users', 'create', [{ name: 'Duplicate Admin', login: 'admin' }]));
  t.equal(err.data.name, 'odoo.exceptions.ValidationError');
  t.same(await client.callKw('res.partner', 'search', [[['name', '=', 'Duplicate Admin']]], { context: { active_test: false } }), []);
});

t.test('malformed requests are refused before anything runs', async (t) => {
  const client = await loggedIn();
  const before = await client.callKw('res.partner', 'search_count', [[]]);
  const bad = await client.post('/web/dataset/call_kw', '{"jsonrpc": "2.0", "params": {');
  t.equal(bad.status, 400);
  t.equal(bad.json.error.data.name, 'werkzeug.exceptions.BadRequest');
  t.match(bad.json.error.data.message, /Invalid JSON/);

  const body = JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { model: 'res.partner', method: 'create', args: [{ name: 'CSRF' }], kwargs: {} } });
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    const reply = await client.post('/web/dataset/call_kw', body, type);
    t.equal(reply.status, 415, `${type} refused`);
    t.equal(reply.json.error.data.name, 'werkzeug.exceptions.UnsupportedMediaType');
  }
  const noModel = await client.post('/web/dataset/call_kw', JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 7, params: { method: 'search' } }));
  t.equal(noModel.json.id, 7);
  t.equal(noModel.json.error.data.name, 'builtins.TypeError');
  t.match(noModel.json.error.data.message, /model/);
  const badArgs = await client.post('/web/dataset/call_kw', JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 8, params: { model: 'res.partner', method: 'search', args: 'x' } }));
  t.match(badArgs.json.error.data.message, /args/);
  const envelope = await client.post('/web/dataset/call_kw', JSON.stringify({ jsonrpc: '1.0', params: {} }));
  t.equal(envelope.status, 400);
  t.equal(await client.callKw('res.partner', 'search_count', [[]]), before, 'nothing written');
  const notFound = await client.post('/web/nothing', '{}');
  t.equal(notFound.status, 404);
});

t.test('/jsonrpc: common and object services', async (t) => {
  const client = new RpcClient(server.url);
  const rpc = (service: string, method: string, args: unknown[]) => client.call('/jsonrpc', { service, method, args });
  t.equal((await rpc('common', 'version', [])).server_version, '17.0');
  const uid = await rpc('common', 'login', [dbName, 'admin', 'admin']);
  t.type(uid, 'number');
  t.equal(await rpc('common', 'authenticate', [dbName, 'admin', 'wrong', {}]), false);
  const rows = await rpc('object', 'execute_kw', [dbName, uid, 'admin', 'res.users', 'search_read', [[['id', '=', uid]]], { fields: ['login'] }]);
  t.same(rows, [{ id: uid, login: 'admin' }]);
  t.same(await rpc('object', 'execute', [dbName, uid, 'admin', 'res.users', 'search', [['id', '=', uid]]]), [uid]);
  const denied = await rpcError(rpc('object', 'execute_kw', [dbName, uid, 'wrong', 'res.users', 'search', [[]]]));
  t.equal(denied.data.name, 'odoo.exceptions.AccessDenied');
  const unknown = await rpcError(rpc('common', 'nope', []));
  t.match(unknown.data.message, /nope/);
});

t.test('destroy ends the session', async (t) => {
  const client = await loggedIn();
  const sid = client.cookies.get('session_id')!;
  t.equal(await client.call('/web/session/destroy'), null);
  t.notOk(client.cookies.has('session_id'), 'cookie cleared');
  client.cookies.set('session_id', sid);
  t.equal((await rpcError(client.call('/web/session/get_session_info'))).code, 100, 'the old id no longer works');
});

t.test('error shapes: unexpected errors stay generic, conflicts are retried', async (t) => {
  const { describeError, isRetryable } = await import('../core/http/errors.ts');
  const hidden = describeError(new Error('connection string postgres://secret'), false);
  t.equal(hidden.data.name, 'builtins.Exception');
  t.notMatch(hidden.data.message, /secret/);
  t.equal(hidden.data.debug, '');
  t.ok(hidden.unexpected);
  t.match(describeError(new Error('boom'), true).data.debug, /boom/, 'development mode shows the stack');
  t.ok(isRetryable(Object.assign(new Error('serialize'), { code: '40001' })));
  t.ok(isRetryable(new Error('wrapped', { cause: Object.assign(new Error('deadlock'), { code: '40P01' }) })));
  t.notOk(isRetryable(Object.assign(new Error('unique'), { code: '23505' })));
});
