// export_data as Odoo's export dialog uses it: field paths through relations, external ids
// created for records that have none, many2many in one cell when import-compatible and on lines
// of their own otherwise, one2many sub-fields on extra lines; and a cost that does not grow with
// the number of records.

import t from 'tap';
import { testDb } from '../../tests/helpers/db.ts';
import type { Env } from '../models/env.ts';

const db = await testDb(t, { modules: ['test_pipeline'] });

async function seed(env: Env) {
  const partner = await env.model('res.partner').create({ name: 'Acme', email: 'info@acme.example' });
  const [hot, cold] = await env.model('test.tag').create([{ name: 'Hot deal' }, { name: 'Cold' }]);
  const stage = await env.refId('test_pipeline.stage_qualified');
  const first = await env.model('test.lead').create({
    name: 'Desks', partner_id: partner, tag_ids: [hot, cold], stage_id: stage, priority: '2', probability: 50, color: 3,
    date_deadline: '2024-03-01', date_closed: '2024-03-01 08:30:00', won: true,
    line_ids: [[0, 0, { name: 'Desk', amount: 100 }], [0, 0, { name: 'Chair', amount: 20.5 }]],
  });
  const second = await env.model('test.lead').create({ name: 'Paper', stage_id: stage });
  return { partner, hot, cold, stage, first, second };
}

t.test('paths through relations give names, values and external ids', async (t) => {
  await db.rollback(async (env) => {
    const { first, second } = await seed(env);
    const { datas } = await env.model('test.lead').export_data([first, second],
      ['name', 'partner_id', 'partner_id/email', 'stage_id/id', 'priority', 'probability', 'color', 'date_deadline', 'won', 'tag_ids', '.id']);
    t.same(datas, [
      ['Desks', 'Acme', 'info@acme.example', 'test_pipeline.stage_qualified', 'High', 50, 3, '2024-03-01', true, 'Hot deal,Cold', first],
      ['Paper', '', '', 'test_pipeline.stage_qualified', 'Low', 0, 0, '', false, '', second],
    ]);
  });
});

t.test('records without an external id get an __export__ one, kept for the next export', async (t) => {
  await db.rollback(async (env) => {
    const { first, hot, cold } = await seed(env);
    const seeded = await env.refId('test_pipeline.lead_seed');
    const once = (await env.model('test.lead').export_data([seeded, first], ['id', 'name', 'tag_ids/id'])).datas;
    t.equal(once[0][0], 'test_pipeline.lead_seed', 'an existing external id is used');
    t.match(once[1][0], /^__export__\.test_lead_\d+_[0-9a-f]{8}$/, 'a new one is made for the record that had none');
    const tagIds = String(once[1][2]).split(',');
    t.equal(tagIds.length, 2, 'a many2many gives the external ids of its records in one cell');
    t.ok(tagIds.every((x) => /^__export__\.test_tag_\d+_/.test(x)));
    const again = (await env.model('test.lead').export_data([first], ['id', 'tag_ids/id'])).datas;
    t.same(again[0], [once[1][0], once[1][2]], 'the second export gives the same ids');
    const ledger = await env.model('ir.model.data').search_read([['module', '=', '__export__'], ['model', '=', 'test.tag'], ['res_id', 'in', [hot, cold]]], ['name']);
    t.equal(ledger.length, 2, 'they are in the ledger');
  });
});

t.test('x2many sub-fields add lines; import-compatible many2many stay in one cell', async (t) => {
  await db.rollback(async (env) => {
    const { first } = await seed(env);
    const leads = env.model('test.lead');
    const lines = (await leads.export_data([first], ['name', 'line_ids/name', 'line_ids/amount'])).datas;
    t.same(lines.map((l) => [l[0], l[1], l[2]]).sort(), [['', 'Chair', 20.5], ['Desks', 'Desk', 100]].sort(), 'one line per one2many record, the first shares the record\'s');
    const compat = (await leads.export_data([first], ['name', 'tag_ids/name'])).datas;
    t.same(compat, [['Desks', 'Hot deal,Cold']], 'import-compatible: names joined by commas');
    const expanded = (await leads.with_context({ import_compat: false }).export_data([first], ['name', 'tag_ids/name', 'tag_ids/color'])).datas;
    t.same(expanded, [['Desks', 'Hot deal', 0], ['', 'Cold', 0]], 'otherwise a line per tag');
  });
});

t.test('datetimes are exported in the user\'s time zone, selections by their label', async (t) => {
  await db.rollback(async (env) => {
    const { first } = await seed(env);
    const tehran = env.withContext({ tz: 'Asia/Tehran' }).model('test.lead');
    t.same((await tehran.export_data([first], ['date_closed', 'priority'])).datas, [['2024-03-01 12:00:00', 'High']]);
  });
});

t.test('unknown fields are refused with their name', async (t) => {
  await db.rollback(async (env) => {
    const { first } = await seed(env);
    await t.rejects(env.model('test.lead').export_data([first], ['nope/name']), { code: 'ERP_UNKNOWN_FIELD', message: /"nope"/ });
  });
});

t.test('exporting 100 records costs the same queries as 1', async (t) => {
  await db.rollback(async (env) => {
    const { partner, hot, stage } = await seed(env);
    const ids = await env.model('test.lead').create(Array.from({ length: 100 }, (_, i) => ({ name: `Lead ${i}`, partner_id: partner, tag_ids: [hot], stage_id: stage })));
    const fields = ['id', 'name', 'partner_id', 'partner_id/email', 'stage_id/id', 'tag_ids', 'tag_ids/id'];
    const leads = env.model('test.lead');
    await leads.export_data(ids, fields); // every record has its external id from here on
    const cost = async (list: number[]) => {
      const before = env.cr.queryCount;
      await leads.export_data(list, fields);
      return env.cr.queryCount - before;
    };
    t.equal(await cost(ids), await cost(ids.slice(0, 1)));
  });
});
