// Two server processes on one database (two Erp instances here, each with its own pools and
// registry, as two `erp start` would have): a module installed through one is used by the other
// at its next request, and a session opened on one works on the other.

import t from 'tap';
import { Erp } from '../core/service.ts';
import { TEST_ADDONS } from './helpers/db.ts';
import { RpcClient, serve, testServer } from './helpers/http.ts';
import { readState } from './setup/state.ts';
import path from 'node:path';
import { ROOT } from './setup/state.ts';

const one = await testServer(t);
const erp2 = await Erp.start({ databaseUrl: readState()!.url, addonsPaths: [path.join(ROOT, 'addons'), TEST_ADDONS] });
t.teardown(() => erp2.stop());
const two = await serve(t, erp2, one.db.name);

const client1 = new RpcClient(one.url);
const info = await client1.authenticate(one.db.name);

t.test('a session opened on one server works on the other', async (t) => {
  const client2 = new RpcClient(two.url);
  client2.cookies.set('session_id', client1.cookies.get('session_id')!);
  t.equal((await client2.call('/web/session/get_session_info')).uid, info.uid);
});

t.test('a module installed through one server is used by the other at its next request', async (t) => {
  const client2 = new RpcClient(two.url);
  client2.cookies.set('session_id', client1.cookies.get('session_id')!);
  // Server 2 serves the registry it loaded: test.stage is unknown to it.
  const before = await client2.callKw('test.stage', 'search', [[]]).catch((e: Error) => e);
  t.match((before as Error).message, /Unknown model "test.stage"/);

  await client1.callKw('ir.module.module', 'update_list', []);
  const [mod] = await client1.callKw('ir.module.module', 'search', [[['name', '=', 'test_pipeline']]]);
  t.ok(mod, 'test_pipeline is listed');
  const action = await client1.callKw('ir.module.module', 'button_immediate_install', [[mod]]);
  t.same(action, { type: 'ir.actions.client', tag: 'reload' });

  // Server 2 has not been told: it notices the registry signal on its next request. (The test
  // addon grants no access rights to admin, so fields_get shows the model is there.)
  const fields = await client2.callKw('test.stage', 'fields_get', [], { attributes: ['type'] });
  t.same(fields.name, { type: 'char' });
  t.equal(await client2.callKw('test.stage', 'check_access_rights', ['read'], { raise_exception: false }), false);
});
