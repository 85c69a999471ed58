// The import as the import page and `erp import` use it: reading CSV and Excel files, proposing
// a field for each column (English and Persian labels, technical names), converting cells
// (numbers, dates, selections, yes/no), finding related records by name or external id, errors
// per row and column, all or nothing, skipping bad rows, the dry run, updates through external
// ids, and a number of queries that depends on the batches, not on the rows.

import t from 'tap';
import { testDb } from '../../../tests/helpers/db.ts';
import type { Env } from '../../models/env.ts';
import { toXlsx } from '../spreadsheet.ts';
import { detectSeparator, readFile } from './file.ts';
import { importableFields, matchColumns } from './fields.ts';
import { importRecords, type ImportOptions } from './load.ts';
import { parseNumber } from './values.ts';

const db = await testDb(t, { modules: ['test_pipeline', 'test_i18n'] });

const csv = (text: string) => readFile(Buffer.from(text, 'utf8'), 'leads.csv');

async function run(env: Env, model: string, text: string, options: ImportOptions = {}, mapping?: Array<string | null>) {
  const file = await csv(text);
  const columns = mapping ?? matchColumns(env.model(model), file.headers);
  return importRecords(env.model(model), file, columns, options);
}

const names = async (env: Env) => (await env.model('test.lead').search_read([['name', 'like', 'Imp %']], ['name'], { order: 'name' })).map((r) => r.name);

t.test('columns are matched by technical name or label, in English or Persian, ignoring case and spaces', async (t) => {
  await db.rollback(async (env) => {
    const tickets = env.model('test.i18n.ticket');
    t.same(matchColumns(tickets, ['name', ' Stage ', 'HOURS   spent', 'priority', 'Whatever']), ['name', 'stage_id', 'hours', 'priority', null]);
    t.same(matchColumns(tickets, ['موضوع', 'مرحله', 'ساعت‌های صرف‌شده', 'ساعت های صرف شده']), ['name', 'stage_id', 'hours', null],
      'Persian labels match, with or without the zero-width non-joiner; a field is proposed once');
    t.same(matchColumns(tickets, ['Stage / External ID', 'stage_id:id', 'id']), ['stage_id/id', null, 'id'], 'sub-fields and the record\'s external id');
    const persian = importableFields(tickets.with_context({ lang: 'fa_IR' }));
    t.equal(persian.find((f) => f.path === 'stage_id')?.label, 'مرحله', 'labels come in the user\'s language');
    t.equal(persian.find((f) => f.path === 'stage_id/id')?.label, 'مرحله / شناسه خارجی');
    t.notOk(importableFields(env.model('test.lead')).some((f) => ['amount_total', 'name_upper', 'partner_email', 'create_date', 'line_ids'].includes(f.path)),
      'computed, related, magic and one2many fields are not offered');
  });
});

t.test('CSV files: separator and encoding are detected', async (t) => {
  t.equal(detectSeparator('a;b;c\n1;"x;y";3\n', '"'), ';');
  t.equal(detectSeparator('a\tb\n1\t2\n', '"'), '\t');
  t.equal(detectSeparator('name,amount\n"Smith, J.",1\n', '"'), ',');
  const windows = Buffer.from([0xe4, 0xed, 0xe3, 0x3b, 0x31, 0x0a, 0xd3, 0xe1, 0xc7, 0xe3, 0x3b, 0x32, 0x0a]); // "نيم;1\nسلام;2" in windows-1256
  const file = await readFile(windows, 'fa.csv', { has_headers: false });
  t.equal(file.encoding, 'windows-1256');
  t.equal(file.separator, ';');
  t.same(file.rows.map((r) => r.cells), [['نيم', '1'], ['سلام', '2']]);
  const bom = await readFile(Buffer.from('\ufeffname\n\nDesk\n', 'utf8'), 'x.csv');
  t.same([bom.headers, bom.rows], [['name'], [{ row: 3, cells: ['Desk'] }]], 'the BOM goes, empty rows are skipped but keep the numbering');
});

t.test('numbers with thousands separators, currency signs and Persian digits', async (t) => {
  t.equal(parseNumber('1,234.50'), 1234.5);
  t.equal(parseNumber('1.234,50'), 1234.5);
  t.equal(parseNumber('1,234'), 1234);
  t.equal(parseNumber('1,5'), 1.5);
  t.equal(parseNumber('1.234', ','), 1234);
  t.equal(parseNumber('(12)'), -12);
  t.equal(parseNumber('$ 1 200'), 1200);
  t.equal(parseNumber('۱۲٬۳۴۵٫۵'), 12345.5);
  t.equal(parseNumber('12abc'), null);
  t.equal(parseNumber('12 €'), 12);
  t.equal(parseNumber('۱۲۰۰ ریال'), 1200);
  t.equal(parseNumber('1,2,3'), null);
});

t.test('values: many2one by name or external id, many2many by names, selections, dates, numbers', async (t) => {
  await db.rollback(async (env) => {
    await env.model('res.partner').create({ name: 'Acme' });
    await env.model('test.tag').create([{ name: 'Big' }, { name: 'Urgent' }]);
    const result = await run(env, 'test.lead', [
      'Opportunity,Customer,stage_id/id,Tag,Priority,Probability,Expected Revenue,Date Deadline,Date Closed,Won',
      'Imp A,Acme,test_pipeline.stage_won,"Big, Urgent",High,"12.5","1,250,000.75",2024-03-01,2024-03-01 08:30,yes',
      'Imp B,,test_pipeline.stage_new,,3,0,0,31/12/2024,,0',
    ].join('\n'), {}, ['name', 'partner_id', 'stage_id/id', 'tag_ids', 'priority', 'probability', 'expected_revenue', 'date_deadline', 'date_closed', 'won']);
    t.same(result.messages, []);
    t.match(result, { ok: true, created: 2, skipped: 0 });
    const rows = await env.model('test.lead').read(result.ids, ['name', 'partner_id', 'stage_id', 'tag_ids', 'priority', 'probability', 'expected_revenue', 'date_deadline', 'date_closed', 'won']);
    const tags = await env.model('test.tag').search([['name', 'in', ['Big', 'Urgent']]], { order: 'id' });
    t.match(rows[0], { name: 'Imp A', partner_id: [Number, 'Acme'], stage_id: [await env.refId('test_pipeline.stage_won'), 'Won'], priority: '2', probability: 12.5, expected_revenue: 1250000.75, date_deadline: '2024-03-01', date_closed: '2024-03-01 08:30:00', won: true });
    t.same([...(rows[0].tag_ids as number[])].sort(), tags);
    t.match(rows[1], { name: 'Imp B', partner_id: false, priority: '3', date_deadline: '2024-12-31', date_closed: false, won: false });
  });
});

t.test('datetimes are read in the user\'s time zone', async (t) => {
  await db.rollback(async (env) => {
    const result = await run(env.withContext({ tz: 'Asia/Tehran' }), 'test.lead', 'name,date_closed\nImp T,2024-03-01 12:00:00\n');
    const [row] = await env.model('test.lead').read(result.ids, ['date_closed']);
    t.equal(row.date_closed, '2024-03-01 08:30:00');
  });
});

t.test('errors name the row and the column; nothing is imported when one row fails', async (t) => {
  await db.rollback(async (env) => {
    const text = 'name,stage_id,probability,priority\nImp 1,New,10,Low\nImp 2,Nowhere,abc,Huge\n,New,5,Low\nImp 4,Won,150,Low\n';
    const result = await run(env, 'test.lead', text);
    t.equal(result.ok, false);
    t.match(result, { created: 0, skipped: 3, ids: [] });
    const errors = result.messages.filter((m) => m.type === 'error').map((m) => [m.row, m.header, m.message]);
    t.match(errors, [
      [3, 'stage_id', /No .* record is named "Nowhere"/],
      [3, 'probability', /"abc" is not a number/],
      [3, 'priority', /"Huge" is not one of "Low", "Medium", "High", "Very High"/],
      [4, 'name', /Opportunity is required/],
      [5, null, /probability of closing the deal should be between 0% and 100%/],
    ]);
    t.match(result.messages[0], { code: 'unknown_name', values: { model: 'test.stage', value: 'Nowhere' } }, 'a code and values let clients translate the message');
    t.same(await names(env), [], 'all or nothing: no record was created');
  });
});

t.test('skipping bad rows imports the good ones', async (t) => {
  await db.rollback(async (env) => {
    const text = 'name,probability\nImp 1,10\nImp 2,abc\nImp 3,150\nImp 4,40\n';
    const result = await run(env, 'test.lead', text, { skipErrors: true, batchSize: 10 });
    t.match(result, { ok: true, created: 2, skipped: 2 });
    t.same(result.messages.map((m) => m.row), [3, 4]);
    t.same(await names(env), ['Imp 1', 'Imp 4']);
  });
});

t.test('a dry run reports what would happen and keeps nothing', async (t) => {
  await db.rollback(async (env) => {
    const result = await run(env, 'test.lead', 'name,tag_ids\nImp 1,Hot\nImp 2,\n', { dryRun: true });
    t.match(result, { ok: true, dryRun: true, created: 2, skipped: 0 });
    t.same(await names(env), []);
    const bad = await run(env, 'test.lead', 'name,tag_ids\nImp 1,Nope\n', { dryRun: true });
    t.match(bad, { ok: false, created: 0, skipped: 1 });
  });
});

t.test('external ids: new rows get them, known ones update their record', async (t) => {
  await db.rollback(async (env) => {
    const first = await run(env, 'test.lead', 'id,name,probability\nlead_x,Imp X,10\ntest_pipeline.lead_seed,Seeded lead (imported),20\n');
    t.match(first, { ok: true, created: 1, updated: 1 });
    t.equal((await env.ref('__import__.lead_x'))?.id, first.ids[0], 'a bare external id goes to the __import__ module');
    const [seed] = await env.model('test.lead').read(await env.refId('test_pipeline.lead_seed'), ['name', 'probability']);
    t.match(seed, { name: 'Seeded lead (imported)', probability: 20 });
    const again = await run(env, 'test.lead', 'id,name\nlead_x,Imp X2\n');
    t.match(again, { ok: true, created: 0, updated: 1, ids: first.ids.slice(0, 1) }, 'importing the file again updates instead of duplicating');
    const twice = await run(env, 'test.lead', 'id,name\nlead_y,Imp Y\nlead_y,Imp Y again\n');
    t.match(twice.messages, [{ row: 3, header: 'id', message: /appears on several rows/ }]);
  });
});

t.test('a required field no column gives is one clear error for the file', async (t) => {
  await db.rollback(async (env) => {
    await t.rejects(run(env, 'test.lead', 'probability\n10\n20\n'), { code: 'ERP_USER_ERROR', message: /"Opportunity" is required and no column gives it/ });
  });
});

t.test('Excel workbooks: typed cells (numbers, dates, booleans) are read as they are', async (t) => {
  await db.rollback(async (env) => {
    const data = await toXlsx(['Opportunity', 'Probability', 'Date Deadline', 'Won'], [['Imp XL', 33.5, '2024-05-06', true]], [null, null, 'date', null]);
    const file = await readFile(data, 'leads.xlsx');
    t.equal(file.type, 'xlsx');
    t.equal(file.rows[0].cells[2] instanceof Date, true, 'a date cell is a date');
    const result = await importRecords(env.model('test.lead'), file, matchColumns(env.model('test.lead'), file.headers));
    const [row] = await env.model('test.lead').read(result.ids, ['name', 'probability', 'date_deadline', 'won']);
    t.match(row, { name: 'Imp XL', probability: 33.5, date_deadline: '2024-05-06', won: true });
  });
});

t.test('Persian files: Persian headers, digits and selection labels', async (t) => {
  await db.rollback(async (env) => {
    const fa = env.withContext({ lang: 'fa_IR' });
    const result = await run(fa, 'test.i18n.ticket', 'موضوع,مرحله,اولویت,ساعت‌های صرف‌شده\nچاپگر,New,فوری,۱٫۵\n');
    t.same(result.messages, []);
    const [row] = await env.model('test.i18n.ticket').read(result.ids, ['name', 'stage_id', 'priority', 'hours']);
    t.match(row, { name: 'چاپگر', stage_id: [Number, 'New'], priority: '1', hours: 1.5 });
  });
});

t.test('importing 1,000 rows costs the queries of its batch, not of its rows', async (t) => {
  await db.rollback(async (env) => {
    await env.model('res.partner').create([{ name: 'P1' }, { name: 'P2' }]);
    await env.model('test.tag').create([{ name: 'T1' }, { name: 'T2' }]);
    const file = (n: number) => ['name,partner_id,stage_id/id,tag_ids,probability,date_deadline',
      ...Array.from({ length: n }, (_, i) => `Imp ${i},P${(i % 2) + 1},test_pipeline.stage_new,"T1,T2",${i % 100},2024-01-${String((i % 28) + 1).padStart(2, '0')}`)].join('\n');
    const cost = async (n: number) => {
      const before = env.cr.queryCount;
      const result = await run(env, 'test.lead', file(n), { batchSize: 1000 });
      t.equal(result.created, n);
      return env.cr.queryCount - before;
    };
    await cost(5); // warm the caches the first call fills (access rules, the user)
    const small = await cost(10);
    const large = await cost(1000);
    t.equal(large, small, `1,000 rows cost ${large} queries, as 10 do`);
    t.ok(large < 40, `a batch is a small constant number of queries (${large})`);
    const two = await cost(2000);
    t.ok(two < 2 * large, `two batches cost at most twice one (${two})`);
  });
});
