// Import and export of CRM leads over HTTP, as the web client and Odoo clients do it: the export
// dialog's fields, .xlsx and .csv files of selected records or of a domain, an import-compatible
// export imported back over the same records, the import's preview (English and Persian
// headers), Test and Import with progress as server-sent events, the template, and the routes'
// protections (session, JSON only).

import t from 'tap';
import ExcelJS from 'exceljs';
import { RpcClient, testServer } from './helpers/http.ts';

const server = await testServer(t, { modules: ['crm'] });
const client = new RpcClient(server.url);
await client.authenticate(server.db.name);

const { leadIds, tags } = await server.db.commit(async (env) => {
  const partner = await env.model('res.partner').create({ name: 'Azadi Trading', email: 'sales@azadi.example' });
  const tagIds = await env.model('crm.tag').create([{ name: 'Software' }, { name: 'Consulting' }]);
  const ids = await env.model('crm.lead').create([
    { name: 'ERP rollout', partner_id: partner, tag_ids: [[6, 0, tagIds]], expected_revenue: 125000, priority: '2', date_deadline: '2024-06-30', type: 'opportunity' },
    { name: 'Website', expected_revenue: 8000, priority: '1', type: 'opportunity' },
    { name: 'Training', expected_revenue: 3000, type: 'opportunity' },
  ]);
  return { leadIds: ids, tags: tagIds };
});

/** POSTs a JSON-RPC envelope and returns the raw reply (files are not JSON). */
async function post(path: string, params: Record<string, unknown>, headers: Record<string, string> = {}) {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return fetch(server.url + path, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie, ...headers },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params, id: 1 }),
  });
}

async function sheetRows(data: ArrayBuffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

t.test('the export dialog lists the fields, relations expandable once', async (t) => {
  const fields = await client.call('/web/export/get_fields', { model: 'crm.lead' });
  const partner = fields.find((f: { id: string }) => f.id === 'partner_id');
  t.match(partner, { string: 'Customer', field_type: 'many2one', children: true, params: { model: 'res.partner', prefix: 'partner_id' } });
  t.ok(fields.some((f: { id: string }) => f.id === 'prorated_revenue'), 'computed fields may be exported');
  const sub = await client.call('/web/export/get_fields', { model: 'res.partner', prefix: 'partner_id', parent_name: 'Customer' });
  t.match(sub.find((f: { id: string }) => f.id === 'partner_id/email'), { string: 'Customer/Email', children: false }, 'one level down, no further');
  const compat = await client.call('/web/export/get_fields', { model: 'crm.lead', import_compat: true });
  t.notOk(compat.some((f: { id: string }) => f.id === 'prorated_revenue'), 'import-compatible: only what an import can write');
  const compatSub = await client.call('/web/export/get_fields', { model: 'res.partner', prefix: 'partner_id', parent_name: 'Customer', import_compat: true, parent_field_type: 'many2one' });
  t.same(compatSub.map((f: { id: string }) => f.id), ['partner_id/id', 'partner_id/name'], 'and a relation by its external id or name');
});

t.test('export_data answers Odoo clients through call_kw', async (t) => {
  const reply = await client.callKw('crm.lead', 'export_data', [[leadIds[0]], ['name', 'partner_id/name', 'tag_ids']]);
  t.same(reply, { datas: [['ERP rollout', 'Azadi Trading', 'Consulting,Software']] });
});

t.test('selected leads export to .xlsx with labels, typed cells and related fields', async (t) => {
  const data = JSON.stringify({
    model: 'crm.lead', ids: leadIds.slice(0, 2), import_compat: false,
    fields: [{ name: 'name', label: 'Opportunity' }, { name: 'partner_id', label: 'Customer' }, { name: 'partner_id/email', label: 'Customer/Email' },
      { name: 'tag_ids/name', label: 'Tags' }, { name: 'expected_revenue', label: 'Expected Revenue' }, { name: 'date_deadline', label: 'Expected Closing' }],
  });
  const reply = await post('/web/export/xlsx', { data });
  t.equal(reply.status, 200);
  t.match(reply.headers.get('content-type'), /spreadsheetml/);
  t.match(reply.headers.get('content-disposition'), /filename\*=UTF-8''Lead%2FOpportunity%20\(crm\.lead\)\.xlsx/);
  const rows = await sheetRows(await reply.arrayBuffer());
  t.same(rows[0], ['Opportunity', 'Customer', 'Customer/Email', 'Tags', 'Expected Revenue', 'Expected Closing']);
  t.equal(rows[1][0], 'ERP rollout');
  t.equal(rows[1][1], 'Azadi Trading');
  t.equal(rows[1][4], 125000, 'numbers are numbers');
  t.ok(rows[1][5] instanceof Date && (rows[1][5] as Date).toISOString().startsWith('2024-06-30'), 'dates are dates');
  t.equal(rows[1][3], 'Consulting', 'tags in their model\'s order (by name)');
  t.equal(rows[2][3], 'Software', 'a second tag gets a line of its own when not import-compatible');
  t.equal(rows[3][0], 'Website');
});

t.test('an import-compatible CSV of a domain imports back over the same records', async (t) => {
  const data = { model: 'crm.lead', domain: [['name', 'in', ['ERP rollout', 'Website']]], import_compat: true,
    fields: [{ name: 'id' }, { name: 'name' }, { name: 'tag_ids' }, { name: 'expected_revenue' }, { name: 'priority' }] };
  const reply = await post('/web/export/csv', { data });
  t.equal(reply.status, 200);
  const text = (await reply.text()).replace(/^\ufeff/, '');
  const lines = text.trim().split(/\r\n/);
  t.equal(lines[0], 'id,name,tag_ids,expected_revenue,priority', 'headers are the paths');
  t.match(lines.find((l) => l.includes('ERP rollout')), /^__export__\.crm_lead_\d+_[0-9a-f]{8},ERP rollout,"Consulting,Software",125000,High$/);

  const changed = text.replace('125000', '130000').replace(',High', ',Very High');
  const preview = await client.call('/web/import/preview', { model: 'crm.lead', file: b64(changed), file_name: 'leads.csv' });
  t.same(preview.matches, ['id', 'name', 'tag_ids', 'expected_revenue', 'priority']);
  const result = await client.call('/web/import/execute', { model: 'crm.lead', file: b64(changed), file_name: 'leads.csv', columns: preview.matches });
  t.match(result, { ok: true, created: 0, updated: 2 });
  const [lead] = await client.callKw('crm.lead', 'read', [[leadIds[0]], ['expected_revenue', 'priority', 'tag_ids']]);
  t.match(lead, { expected_revenue: 130000, priority: '3' });
  t.same([...lead.tag_ids].sort(), [...tags].sort());
});

t.test('the preview proposes fields for English and Persian headers', async (t) => {
  const csv = 'Opportunity;مشتری;درآمد مورد انتظار;Nothing\nImported 1;Azadi Trading;1.500,50;x\n';
  const preview = await client.call('/web/import/preview', { model: 'crm.lead', file: b64(csv), file_name: 'leads.csv' });
  t.match(preview, { type: 'csv', separator: ';', encoding: 'utf-8', row_count: 1, headers: ['Opportunity', 'مشتری', 'درآمد مورد انتظار', 'Nothing'] });
  t.same(preview.matches, ['name', 'partner_id', 'expected_revenue', null]);
  t.same(preview.preview, [['Imported 1', 'Azadi Trading', '1.500,50', 'x']]);
  const persian = await client.call('/web/import/preview', { model: 'crm.lead', file: b64(csv), file_name: 'leads.csv', context: { lang: 'fa_IR' } });
  t.equal(persian.fields.find((f: { path: string }) => f.path === 'partner_id').label, 'مشتری', 'the fields come in the user\'s language');
});

t.test('Test and Import stream their progress, and a bad row stops everything', async (t) => {
  const rows = Array.from({ length: 25 }, (_, i) => `Streamed ${i},Azadi Trading,${i === 17 ? 'lots' : i * 10},Software`);
  const csv = ['name,partner_id,expected_revenue,tag_ids', ...rows].join('\n');
  const params = { model: 'crm.lead', file: b64(csv), file_name: 'leads.csv', columns: ['name', 'partner_id', 'expected_revenue', 'tag_ids'], options: { batch_size: 10 } };
  const events = async (extra: Record<string, unknown>) => {
    const reply = await post('/web/import/execute', { ...params, options: { ...params.options, ...extra } }, { accept: 'text/event-stream' });
    t.match(reply.headers.get('content-type'), /text\/event-stream/);
    return (await reply.text()).trim().split('\n\n').map((block) => {
      const [event, data] = block.split('\n');
      return { event: event.slice('event: '.length), data: JSON.parse(data.slice('data: '.length)) };
    });
  };
  const test = await events({ dry_run: true });
  t.same(test.filter((e) => e.event === 'progress').map((e) => e.data), [{ done: 10, total: 25 }, { done: 20, total: 25 }, { done: 25, total: 25 }]);
  const result = test.at(-1)!;
  t.equal(result.event, 'result');
  t.match(result.data, { ok: false, dryRun: true, skipped: 1, messages: [{ type: 'error', row: 19, column: 2, header: 'expected_revenue', message: '"lots" is not a number' }] });
  const count = () => client.callKw('crm.lead', 'search_count', [[['name', 'like', 'Streamed']]]);
  t.equal(await count(), 0);

  const skipped = await events({ skip_errors: true });
  t.match(skipped.at(-1)!.data, { ok: true, created: 24, skipped: 1 });
  t.equal(await count(), 24, 'skipping the bad row imports the others');
  const [lead] = await client.callKw('crm.lead', 'search_read', [[['name', '=', 'Streamed 3']], ['partner_id', 'tag_ids', 'expected_revenue']]);
  t.match(lead, { partner_id: [Number, 'Azadi Trading'], expected_revenue: 30, tag_ids: [tags[0]] });
});

t.test('Excel files import like CSV files', async (t) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Leads');
  sheet.addRow(['Opportunity', 'Expected Closing', 'Expected Revenue', 'Priority']);
  sheet.addRow(['From Excel', new Date(Date.UTC(2025, 0, 15)), 4200.5, 'High']);
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  const preview = await client.call('/web/import/preview', { model: 'crm.lead', file: b64(file), file_name: 'leads.xlsx' });
  t.match(preview, { type: 'xlsx', sheets: ['Leads'], sheet: 'Leads', matches: ['name', 'date_deadline', 'expected_revenue', 'priority'] });
  const result = await client.call('/web/import/execute', { model: 'crm.lead', file: b64(file), file_name: 'leads.xlsx', columns: preview.matches });
  t.match(result, { ok: true, created: 1 });
  const [lead] = await client.callKw('crm.lead', 'read', [result.ids, ['date_deadline', 'expected_revenue', 'priority']]);
  t.match(lead, { date_deadline: '2025-01-15', expected_revenue: 4200.5, priority: '2' });
});

t.test('the template is a workbook headed by the importable fields', async (t) => {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const reply = await fetch(`${server.url}/web/import/template?model=crm.lead`, { headers: { cookie } });
  t.equal(reply.status, 200);
  const [headers] = await sheetRows(await reply.arrayBuffer());
  t.equal(headers[0], 'Opportunity', 'required fields first');
  t.ok(headers.includes('Customer') && headers.includes('Tags') && headers.includes('Expected Revenue'));
  t.notOk(headers.includes('Prorated Revenue'), 'computed fields are not importable');
});

t.test('the routes need a session and JSON', async (t) => {
  const anonymous = new RpcClient(server.url);
  const expired = await anonymous.call('/web/import/preview', { model: 'crm.lead', file: b64('name\nx\n') }).catch((e: unknown) => e);
  t.match(expired, { data: { name: 'odoo.http.SessionExpiredException' } });
  const form = await fetch(`${server.url}/web/export/csv`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }, body: 'data=%7B%7D' });
  t.equal(form.status, 415, 'a form post (another site\'s) is refused');
  const bad = await post('/web/export/csv', { data: '{"model":"crm.lead"}' });
  t.match(await bad.json(), { error: { data: { name: 'werkzeug.exceptions.BadRequest' } } });
  const template = await fetch(`${server.url}/web/import/template?model=crm.lead`);
  t.match(await template.json(), { error: { data: { name: 'odoo.http.SessionExpiredException' } } });
});
