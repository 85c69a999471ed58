// Odoo's External API documentation, run unchanged with Python's xmlrpc.client against our
// server (tests/external_api.py), and the results compared with what Odoo gives.

import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { ROOT } from './setup/state.ts';
import { testServer } from './helpers/http.ts';

const run = promisify(execFile);

const python = await run('python3', ['--version']).then(() => true, () => false);
if (!python) {
  t.plan(0, 'skipped: python3 is not installed, so the External API script (tests/external_api.py) cannot run');
} else {
  const server = await testServer(t);
  // A dozen companies, so that the documentation's pagination (offset 10, limit 5) has a page.
  const companies = await server.db.commit(async (env) => env.model('res.partner').create(
    Array.from({ length: 12 }, (_, i) => ({ name: `Company ${String(i).padStart(2, '0')}`, is_company: true, email: `c${i}@example.com` }))));

  const { stdout } = await run('python3', [path.join(ROOT, 'tests', 'external_api.py'), server.url, server.db.name, 'admin', 'admin']);
  const out = JSON.parse(stdout);

  t.test('common: version and authenticate', async (t) => {
    t.equal(out.version.server_version, '17.0');
    t.same(out.version.server_version_info, [17, 0, 0, 'final', 0, '']);
    t.equal(out.version.protocol_version, 1);
    t.type(out.uid, 'number');
    t.equal(out.bad_login, false, 'a wrong password gives False, not a fault');
  });

  t.test('search, pagination, count', async (t) => {
    t.equal(out.check_access_rights, true);
    t.ok(out.search.length >= 13, 'the companies and the main company');
    t.ok(companies.every((id: number) => out.search.includes(id)));
    t.same(out.search_paged, out.search.slice(10, 15));
    t.equal(out.search_count, out.search.length);
  });

  t.test('read, fields_get, search_read', async (t) => {
    t.ok(out.read_all_fields_count > 10, 'read without fields returns every field');
    t.ok(out.read_has_name);
    const [record] = out.read_fields;
    t.same(Object.keys(record).sort(), ['country_id', 'email', 'id', 'name']);
    t.equal(record.country_id === false || Array.isArray(record.country_id), true, 'many2one: [id, name] or False (never None)');
    t.same(out.fields_get_name, { string: 'Name', help: out.fields_get_name.help, type: 'char' });
    t.equal(out.fields_get_country_id.type, 'many2one');
    t.equal(out.search_read.length, 5);
    t.same(out.search_read.map((r: { id: number }) => r.id), out.search.slice(0, 5));
  });

  t.test('create, write, name_search, read_group, unlink', async (t) => {
    t.type(out.create, 'number');
    t.equal(out.write, true);
    t.same(out.display_name, [{ id: out.create, display_name: 'Newer partner' }]);
    t.same(out.name_search, [[out.create, 'Newer partner']]);
    t.equal(out.read_group.length, 1);
    t.equal(out.read_group[0].is_company, true);
    t.equal(out.read_group[0].is_company_count, out.search_count);
    t.same(out.read_group[0].__domain.slice(-1), [['is_company', '=', true]]);
    t.equal(out.unlink, true);
    t.same(out.search_deleted, []);
  });

  t.test('faults carry Odoo\'s codes', async (t) => {
    t.equal(out.fault_wrong_password.faultCode, 3, 'AccessDenied');
    t.equal(out.fault_unknown_field.faultCode, 2, 'a user/validation error');
    t.match(out.fault_unknown_field.faultString, /no_such_field/);
    t.equal(out.fault_private.faultCode, 4, 'AccessError');
    t.match(out.fault_private.faultString, /Private methods/);
  });
}
