// Lead generation without a paid service: the company directory imported from a file (all or
// nothing, errors by row and column), lead mining requests drawing from it by country, state,
// industry, size, role and seniority, never the same company twice, the bounds of a request, its
// leads' type, team, salesperson and tags, a provider plugged by another addon, the cost in
// queries, and action_submit over JSON-RPC.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { RpcClient, RpcError, testServer } from '../../../tests/helpers/http.ts';
import { testDb } from '../../../tests/helpers/db.ts';
import type { Env } from '../../../core/models/env.ts';
import type { Model } from '../../../core/models/model.ts';
import { ErpError } from '../../../core/errors.ts';
import { registerLeadProvider, unregisterLeadProvider, type CompanyProposal, type LeadCriteria } from '../lib/lead_mining.ts';
import type { LeadMiningRequest } from '../models/lead_mining_request.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const CSV = readFileSync(path.join(FIXTURES, 'lead_directory.csv'));
const XLSX = readFileSync(path.join(FIXTURES, 'lead_directory.xlsx'));

const server = await testServer(t, { modules: ['crm'] });
const db = server.db;

interface Loader extends Model { action_load(ids: number | number[]): Promise<Record<string, any>> }
const requests = (env: Env) => env.model<LeadMiningRequest>('crm.iap.lead.mining.request');
const m2o = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** Loads a file through the Import Directory dialog, as the administrator. */
async function load(env: Env, data: Buffer, fileName: string) {
  const wizards = env.model<Loader>('crm.lead.directory.import');
  const id = await wizards.create({ file: data.toString('base64'), file_name: fileName });
  return wizards.action_load(id);
}

const companyId = async (env: Env, name: string) => (await env.model('crm.lead.directory.company').search([['name', '=', name]]))[0];
const roleId = (env: Env, key: string) => env.refId(`crm.lead_role_${key}`);
const industryId = (env: Env, slug: string) => env.refId(`crm.lead_industry_${slug}`);
const country = async (env: Env, code: string) => (await env.model('res.country').search([['code', '=', code]]))[0];

/** Submits a new request with `values`; returns the action and the leads made, by company name. */
async function submit(env: Env, values: Record<string, unknown>) {
  const id = await requests(env).create({ lead_type: 'lead', ...values }) as number;
  const action = await requests(env).action_submit(id);
  const leads = await env.model('crm.lead').search_read([['lead_mining_request_id', '=', id]],
    ['name', 'type', 'team_id', 'user_id', 'tag_ids', 'country_id', 'state_id', 'contact_name', 'email_from', 'function', 'description', 'reveal_id', 'directory_company_id', 'website', 'phone'],
    { order: 'id' });
  return { id, action, leads, names: leads.map((l) => l.name).sort() };
}

const errorOf = async (fn: () => Promise<unknown>): Promise<ErpError> => {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ErpError) return error;
    throw error;
  }
  throw new Error('no error was raised');
};

t.test('a file with bad rows loads nothing, and the error names each bad row and column', async (t) => {
  await db.rollback(async (env) => {
    const bad = CSV.toString()
      .replace('Tabriz Tiles,https://www.tabriztiles.example,Iran,', 'Tabriz Tiles,https://www.tabriztiles.example,Narnia,')
      .replace('Eva Krause,eva@rhinerobotics.example,,Human Resources,', 'Eva Krause,eva@rhinerobotics.example,,Astronaut,')
      .replace('Spree Apps,https://www.spreeapps.example,Germany,Berlin,Software & Services,15,', 'Spree Apps,https://www.spreeapps.example,Germany,Berlin,Software & Services,fifteen,');
    const error = await errorOf(() => load(env, Buffer.from(bad), 'directory.csv'));
    t.equal(error.code, 'ERP_USER_ERROR');
    t.match(error.message, /^Nothing was imported: the file has 3 errors\./);
    t.match(error.message, /Row 4, column "country": Unknown country "Narnia"/);
    t.match(error.message, /Row 7, column "size": The size "fifteen" is not a number of employees/);
    t.match(error.message, /Row 9, column "role": Unknown role "Astronaut"\. The roles are: CEO, /);
    t.same((error.details.issues as Array<{ row: number; column: string }>).map((i) => [i.row, i.column]), [[4, 'country'], [7, 'size'], [9, 'role']]);
    t.equal(await env.model('crm.lead.directory.company').search_count([]), 0, 'not even the good rows are loaded');
    t.equal(await env.model('crm.lead.directory.contact').search_count([]), 0);

    const conflicting = CSV.toString().replace('Elbe Logistics,,DE,DE-HH,', 'Elbe Logistics,,FR,,');
    const conflict = await errorOf(() => load(env, Buffer.from(conflicting), 'directory.csv'));
    t.match(conflict.message, /Row 6, column "country": "FR" differs from the country given for Elbe Logistics on row 5/, 'a company says the same on all its rows');
    const unknownColumn = await errorOf(() => load(env, Buffer.from('company,colour\nAcme,blue\n'), 'x.csv'));
    t.match(unknownColumn.message, /Row 1, column "colour": Unknown column "colour"/);
    t.equal(await env.model('crm.lead.directory.company').search_count([]), 0);
  });
});

t.test('a good CSV or XLSX file loads its companies and their contacts; loading it again adds nothing', async (t) => {
  for (const [data, fileName] of [[CSV, 'lead_directory.csv'], [XLSX, 'lead_directory.xlsx']] as const) {
    await db.rollback(async (env) => {
      const reply = await load(env, data, fileName);
      t.match(reply, { type: 'ir.actions.client', tag: 'display_notification', params: { type: 'success', title: 'Directory imported' } });
      t.match(reply.params.summary, { companies_created: 8, companies_existing: 0, contacts_created: 11 }, fileName);
      const [elbe] = await env.model('crm.lead.directory.company').search_read([['name', '=', 'Elbe Logistics']],
        ['website', 'country_id', 'state_id', 'industry_id', 'size', 'size_range', 'contact_ids', 'used']);
      t.match(elbe, { website: 'https://www.elbelog.example', country_id: [Number, 'Germany'], state_id: [Number, /Hamburg/], industry_id: [Number, 'Transportation'], size: 800, size_range: '501-1000', used: false });
      t.equal((elbe.contact_ids as number[]).length, 2, 'the company\'s second row adds its second contact');
      const contacts = await env.model('crm.lead.directory.contact').search_read([['company_id.name', '=', 'Austin Cloud']], ['name', 'role', 'seniority', 'phone']);
      t.same(contacts.map((c) => [c.name, c.role, c.seniority]), [['Kevin Moore', 'information_technology', 'director'], ['Laura White', 'marketing', 'executive']], 'roles and seniorities by their names');
      const [ankara] = await env.model('crm.lead.directory.company').search_read([['name', '=', 'Ankara Foods']], ['contact_count', 'state_id']);
      t.match(ankara, { contact_count: 0, state_id: [Number, /Ankara/] }, 'a row without a contact is a company alone');

      const again = await load(env, data, fileName);
      t.match(again.params.summary, { companies_created: 0, companies_existing: 8, contacts_created: 0, contacts_skipped: 11 });
      t.equal(await env.model('crm.lead.directory.company').search_count([]), 8);
    });
  }
});

t.test('a request draws the companies of its countries, states, industries and size', async (t) => {
  await db.rollback(async (env) => {
    await load(env, CSV, 'lead_directory.csv');
    const de = await country(env, 'DE');
    const germany = await submit(env, { country_ids: [[6, 0, [de]]], lead_number: 10 });
    t.same(germany.names, ['Elbe Logistics', 'Rhine Robotics', 'Spree Apps'], 'the German companies');
    t.match(germany.action, { tag: 'display_notification', params: { type: 'warning', message: 'Companies found: 3 of the 10 asked for. A lead was made for each.', next: { res_model: 'crm.lead', domain: [['id', 'in', Array]] } } },
      'fewer than asked: the leads are made, and a notification says so');
    t.match(germany.leads.find((l) => l.name === 'Elbe Logistics'), {
      country_id: [de, 'Germany'], state_id: [Number, /Hamburg/], website: 'https://www.elbelog.example', email_from: 'info@elbelog.example', phone: '+49 40 123 4560',
      reveal_id: /^directory:\d+$/, directory_company_id: [await companyId(env, 'Elbe Logistics'), 'Elbe Logistics'], contact_name: false,
    }, 'the company\'s data on its lead; a companies search names no contact');

    const software = await industryId(env, 'software_services');
    const small = await submit(env, { industry_ids: [[6, 0, [software]]], filter_on_size: true, company_size_min: 30, company_size_max: 100, country_ids: [[6, 0, []]] });
    t.same(small.names, ['Austin Cloud', 'Negin Soft'], 'software companies of 30 to 100 employees');

    const us = await country(env, 'US');
    const ma = (await env.model('res.country.state').search([['code', '=', 'MA'], ['country_id', '=', us]]))[0];
    const state = await submit(env, { country_ids: [[6, 0, [us, await country(env, 'TR')]]], state_ids: [[6, 0, [ma]]] });
    t.same(state.names, ['Ankara Foods', 'Boston Biotech'], 'Massachusetts only in the United States, all of Turkey');
  });
});

t.test('a people search draws companies with contacts of the role or seniority asked for, the best first', async (t) => {
  await db.rollback(async (env) => {
    await load(env, CSV, 'lead_directory.csv');
    const byRole = await submit(env, { search_type: 'people', preferred_role_id: await roleId(env, 'marketing'), contact_number: 2, country_ids: [[6, 0, []]] });
    t.same(byRole.names, ['Austin Cloud', 'Negin Soft'], 'the companies with someone in marketing');
    const negin = byRole.leads.find((l) => l.name === 'Negin Soft')!;
    t.match(negin, { contact_name: 'Roya Karimi', email_from: 'roya@neginsoft.example', function: 'Marketing' }, 'the preferred role\'s contact is the lead\'s contact');
    t.match(negin.description, /<b>Contacts<\/b>.*<li><b>Roya Karimi<\/b> \(Marketing, Manager\) roya@neginsoft.example · \+98 912 000 1111<\/li><\/ul>/,
      'the contacts chosen are in the notes');
    t.notMatch(negin.description, /Navid/, 'only the contacts of the roles asked for');

    const withOthers = await submit(env, {
      search_type: 'people', preferred_role_id: await roleId(env, 'sale'), role_ids: [[6, 0, [await roleId(env, 'operations')]]], contact_number: 2, country_ids: [[6, 0, []]],
    });
    t.same(withOthers.names, ['Elbe Logistics', 'Tabriz Tiles'], 'sales or operations');
    const elbe = withOthers.leads.find((l) => l.name === 'Elbe Logistics')!;
    t.match(elbe, { contact_name: 'Maria Lang', function: 'Sales' }, 'the preferred role first, even when entered second');
    t.match(elbe.description, /Maria Lang.*Jan Krüger/, 'then the other roles');

    const directors = await submit(env, {
      search_type: 'people', contact_filter_type: 'seniority', seniority_id: await env.refId('crm.lead_seniority_director'), contact_number: 1, lead_number: 10, country_ids: [[6, 0, []]],
    });
    t.same(directors.names, ['Boston Biotech', 'Rhine Robotics'], 'the companies not drawn yet with a director (Austin Cloud\'s went with the marketing request)');
    t.match(directors.leads.find((l) => l.name === 'Rhine Robotics'), { contact_name: 'Paul Zimmer' });
    t.notMatch(directors.leads.find((l) => l.name === 'Rhine Robotics')!.description, /Eva Krause/, 'one contact per company, as asked');
  });
});

t.test('no company is drawn twice, across requests', async (t) => {
  await db.rollback(async (env) => {
    await load(env, CSV, 'lead_directory.csv');
    const first = await submit(env, { lead_number: 5, country_ids: [[6, 0, []]] });
    t.equal(first.leads.length, 5);
    t.equal(first.action.type, 'ir.actions.act_window', 'as many as asked: the leads open at once');
    const second = await submit(env, { lead_number: 5, country_ids: [[6, 0, []]] });
    t.equal(second.leads.length, 3, 'the 3 companies left');
    t.same([...first.names, ...second.names].sort(), ['Ankara Foods', 'Austin Cloud', 'Boston Biotech', 'Elbe Logistics', 'Negin Soft', 'Rhine Robotics', 'Spree Apps', 'Tabriz Tiles']);
    t.equal(await env.model('crm.lead.directory.company').search_count([['used', '=', false]]), 0, 'every company is used now');
    const [elbe] = await env.model('crm.lead.directory.company').search_read([['name', '=', 'Elbe Logistics']], ['lead_ids']);
    t.equal((elbe.lead_ids as number[]).length, 1, 'the company links to its lead');
    const third = await requests(env).create({ lead_number: 5, country_ids: [[6, 0, []]] }) as number;
    const none = await errorOf(() => requests(env).action_submit(third));
    t.match(none, { code: 'ERP_USER_ERROR', message: 'Your request did not return any result. Try removing some filters.' }, 'none left: an error, nothing made');
    t.match((await requests(env).read(third, ['state']))[0], { state: 'draft' });
    const done = await errorOf(() => requests(env).action_submit(first.id));
    t.match(done.message, /was already submitted/);
  });
});

t.test('a request asks for 1 to 200 leads', async (t) => {
  await db.rollback(async (env) => {
    for (const count of [0, -3, 201]) {
      const error = await errorOf(() => requests(env).create({ lead_number: count }));
      t.match(error, { code: 'ERP_CONSTRAINT', message: `The number of leads must be between 1 and 200 (it is ${count}).` }, `${count} is refused`);
    }
    const id = await requests(env).create({ lead_number: 200 }) as number;
    t.match(await errorOf(() => requests(env).write(id, { lead_number: 500 })), { message: /between 1 and 200 \(it is 500\)/ });
    t.match(await errorOf(() => requests(env).create({ search_type: 'people', contact_number: 9 })), { message: /contacts per company must be between 1 and 5/ });
    t.match(await errorOf(() => requests(env).create({ filter_on_size: true, company_size_min: 500, company_size_max: 10 })), { message: /from 500 to 10/ });
  });
});

t.test('leads or opportunities, with the request\'s team, salesperson and tags', async (t) => {
  await db.rollback(async (env) => {
    await load(env, CSV, 'lead_directory.csv');
    const team = await env.model('crm.team').create({ name: 'Outbound' }) as number;
    const user = await env.model('res.users').create({ name: 'Sina Outbound', login: 'sina', groups_id: [[6, 0, [await env.refId('crm.group_sale_salesman')]]] }) as number;
    const tags = await env.model('crm.tag').create([{ name: 'Generated' }, { name: 'Cold' }]) as number[];
    const leads = await submit(env, { lead_type: 'lead', lead_number: 2, team_id: team, user_id: user, tag_ids: [[6, 0, tags]], country_ids: [[6, 0, []]] });
    t.equal(leads.leads.length, 2);
    for (const lead of leads.leads) {
      t.match(lead, { type: 'lead', team_id: [team, 'Outbound'], user_id: [user, 'Sina Outbound'] });
      t.same([...lead.tag_ids as number[]].sort(), [...tags].sort());
    }
    t.match(leads.action, { type: 'ir.actions.act_window', res_model: 'crm.lead', domain: [['id', 'in', leads.leads.map((l) => l.id)], ['type', '=', 'lead']], context: { default_type: 'lead' } },
      'the leads open, whoever they are assigned to');
    const [request] = await requests(env).read(leads.id, ['state', 'lead_count', 'name', 'provider']);
    t.match(request, { state: 'done', lead_count: 2, name: /^Request \d{4}$/, provider: 'directory' });

    const opportunities = await submit(env, { lead_type: 'opportunity', lead_number: 2, user_id: false, team_id: false, country_ids: [[6, 0, []]] });
    const rows = await env.model('crm.lead').read(opportunities.leads.map((l) => l.id), ['type', 'stage_id', 'user_id']);
    t.ok(rows.every((r) => r.type === 'opportunity' && Array.isArray(r.stage_id) && r.user_id === false), 'opportunities in the first stage, unassigned');
    t.match(await requests(env).action_get_lead_action(opportunities.id), { res_model: 'crm.lead', domain: [['id', 'in', Array], ['type', '=', 'opportunity']] });
  });
});

t.test('another addon plugs its own provider', async (t) => {
  const asked: Array<{ criteria: LeadCriteria; limit: number }> = [];
  const claimed: number[][] = [];
  registerLeadProvider('test_service', {
    label: 'Test data service',
    async search(_env, criteria, limit): Promise<CompanyProposal[]> {
      asked.push({ criteria, limit });
      return [
        { key: 'svc-1', name: 'Lumière SARL', country_code: 'fr', website: 'https://lumiere.example', email: 'bonjour@lumiere.example', industry: 'Media', size: 40,
          contacts: [{ name: 'Inès Laurent', email: 'ines@lumiere.example', role: 'marketing', seniority: 'director', title: 'Head of Marketing' }] },
        { key: 'svc-2', name: 'Nordlicht GmbH', country_code: 'DE', state_code: 'DE-BE', contacts: [{ name: 'Max Roth', role: 'ceo' }] },
        { key: 'svc-2', name: 'Nordlicht GmbH (again)' },
      ];
    },
    async claim(_env, proposals, leadIds) { claimed.push(leadIds); t.equal(proposals.length, leadIds.length); },
  });
  t.teardown(() => { unregisterLeadProvider('test_service'); });
  t.throws(() => registerLeadProvider('test_service', { search: async () => [] }), /already registered/, 'a name is taken once');

  await db.rollback(async (env) => {
    await env.model<Model & { set_param(k: string, v: unknown): Promise<unknown> }>('ir.config_parameter').set_param('crm.lead_mining.provider', 'test_service');
    const fr = await country(env, 'FR');
    const marketing = await roleId(env, 'marketing');
    const result = await submit(env, { search_type: 'people', lead_number: 3, country_ids: [[6, 0, [fr]]], preferred_role_id: marketing, contact_number: 2 });
    t.match(asked[0], { limit: 3, criteria: { search_type: 'people', country_codes: ['FR'], roles: ['marketing'], contact_number: 2, contact_filter_type: 'role' } }, 'the provider gets the criteria');
    t.same(result.names, ['Lumière SARL', 'Nordlicht GmbH'], 'a key proposed twice makes one lead');
    t.match(result.leads.find((l) => l.reveal_id === 'svc-1'), { country_id: [fr, 'France'], contact_name: 'Inès Laurent', function: 'Head of Marketing', email_from: 'ines@lumiere.example' });
    t.match(result.leads.find((l) => l.reveal_id === 'svc-2'), { country_id: [Number, 'Germany'], state_id: [Number, /Berlin/] }, 'countries and states by their codes');
    t.same(claimed, [result.leads.map((l) => l.id)], 'the provider claims the leads made');
    t.match((await requests(env).read(result.id, ['provider']))[0], { provider: 'test_service' });
    const again = await requests(env).create({ lead_number: 3 }) as number;
    t.match(await errorOf(() => requests(env).action_submit(again)), { message: /did not return any result/ }, 'a company a lead came from is not drawn again');
  });

  await db.rollback(async (env) => {
    const params = env.model<Model & { set_param(k: string, v: unknown): Promise<unknown> }>('ir.config_parameter');
    await params.set_param('crm.lead_mining.provider', 'nowhere');
    const id = await requests(env).create({}) as number;
    t.match(await errorOf(() => requests(env).action_submit(id)), { message: /The lead provider "nowhere" \(system parameter crm.lead_mining.provider\) is not available; choose one of: directory, test_service/ });
  });

  registerLeadProvider('failing_service', { async search() { throw new Error('the service is down'); } });
  t.teardown(() => { unregisterLeadProvider('failing_service'); });
  await db.rollback(async (env) => {
    await env.model<Model & { set_param(k: string, v: unknown): Promise<unknown> }>('ir.config_parameter').set_param('crm.lead_mining.provider', 'failing_service');
    const id = await requests(env).create({}) as number;
    const reply = await requests(env).action_submit(id);
    t.match(reply, { tag: 'display_notification', params: { type: 'danger', message: 'Your request could not be executed: the service is down' } });
    t.match((await requests(env).read(id, ['state', 'error_message']))[0], { state: 'error', error_message: 'the service is down' }, 'the request keeps the error');
  });
});

t.test('the form follows the salesperson\'s team, and drops the states of countries taken away', async (t) => {
  await db.rollback(async (env) => {
    const team = await env.model('crm.team').create({ name: 'Gulf' }) as number;
    const user = await env.model('res.users').create({ name: 'Hana Gulf', login: 'hana', groups_id: [[6, 0, [await env.refId('crm.group_sale_salesman')]]] }) as number;
    await env.model('crm.team.member').create({ crm_team_id: team, user_id: user });
    const byUser = await requests(env).onchange({ user_id: user, team_id: false }, ['user_id']);
    t.same(byUser.value.team_id, [team, 'Gulf']);
    const [de, us] = [await country(env, 'DE'), await country(env, 'US')];
    const berlin = (await env.model('res.country.state').search([['code', '=', 'DE-BE']]))[0];
    const texas = (await env.model('res.country.state').search([['code', '=', 'TX'], ['country_id', '=', us]]))[0];
    const byCountry = await requests(env).onchange({ country_ids: [de], state_ids: [berlin, texas] }, ['country_ids']);
    t.same((byCountry.value.state_ids as Array<[number, string]>).map(([id]) => id), [berlin], 'Texas goes with the United States');
  });
});

t.test('a demo database has a directory of 30 companies to draw from', async (t) => {
  const demo = await testDb(t, { modules: ['crm'], demo: true });
  await demo.rollback(async (env) => {
    t.equal(await env.model('crm.lead.directory.company').search_count([]), 30);
    t.ok(await env.model('crm.lead.directory.contact').search_count([]) >= 45, 'with their contacts');
    const result = await submit(env, { search_type: 'people', contact_filter_type: 'seniority', seniority_id: await env.refId('crm.lead_seniority_director'), lead_number: 5, country_ids: [[6, 0, [await country(env, 'IR')]]] });
    t.equal(result.leads.length, 5, 'the five Iranian companies with a director');
    t.ok(result.leads.every((l) => l.contact_name && Array.isArray(l.country_id) && l.country_id[1] === 'Iran'));
  });
});

t.test('generating 100 leads costs the same queries as 1', async (t) => {
  await db.rollback(async (env) => {
    const ir = await country(env, 'IR');
    const industry = await industryId(env, 'retailing');
    await env.model('crm.lead.directory.company').create(Array.from({ length: 101 }, (_, i) => ({
      name: `Shop ${i}`, country_id: ir, industry_id: industry, size: 10 + i, email: `shop${i}@shops.example`,
      contact_ids: [[0, 0, { name: `Owner ${i}`, role: 'owner', seniority: 'executive' }], [0, 0, { name: `Seller ${i}`, role: 'sale', seniority: 'manager' }]],
    })));
    const tag = await env.model('crm.tag').create({ name: 'Shops' }) as number;
    const cost = async (count: number) => {
      const id = await requests(env).create({
        lead_number: count, search_type: 'people', preferred_role_id: await roleId(env, 'sale'), contact_number: 2, industry_ids: [[6, 0, [industry]]], tag_ids: [[6, 0, [tag]]],
      }) as number;
      const before = env.cr.queryCount;
      await requests(env).action_submit(id);
      return env.cr.queryCount - before;
    };
    const one = await cost(1);
    const hundred = await cost(100);
    t.equal(hundred, one, `1 lead: ${one} queries; 100 leads: ${hundred}`);
    t.equal(await env.model('crm.lead').search_count([['reveal_id', 'like', 'directory:%']]), 101);
  });
});

t.test('action_submit over JSON-RPC, as the dialog calls it', async (t) => {
  await db.commit((env) => load(env, CSV, 'lead_directory.csv'));
  const client = new RpcClient(server.url);
  await client.authenticate(db.name);
  const action = await client.callKw('crm.lead', 'action_generate_leads', [[]], { context: { default_type: 'lead' } });
  t.match(action, { type: 'ir.actions.act_window', res_model: 'crm.iap.lead.mining.request', target: 'new', views: [[Number, 'form']], context: { is_modal: true, default_lead_type: 'lead' } });
  const context = action.context;
  const defaults = await client.callKw('crm.iap.lead.mining.request', 'default_get', [['lead_type', 'lead_number', 'user_id', 'search_type']], { context });
  t.match(defaults, { lead_type: 'lead', lead_number: 3, search_type: 'companies' });
  const id = await client.callKw('crm.iap.lead.mining.request', 'create', [{ ...defaults, lead_number: 2, country_ids: [[6, 0, []]] }], { context });
  const reply = await client.callKw('crm.iap.lead.mining.request', 'action_submit', [[id]], { context });
  t.match(reply, { type: 'ir.actions.act_window', res_model: 'crm.lead', domain: [['id', 'in', Array], ['type', '=', 'lead']] });
  const leads = await client.callKw('crm.lead', 'search_read', [reply.domain, ['name', 'lead_mining_request_id']]);
  t.equal(leads.length, 2);
  t.ok(leads.every((l: { lead_mining_request_id: unknown }) => m2o(l.lead_mining_request_id) === id));
  const refused = await client.callKw('crm.iap.lead.mining.request', 'create', [{ lead_number: 0 }]).catch((error: unknown) => error);
  t.ok(refused instanceof RpcError, 'a bad number of leads is refused');
  t.match((refused as RpcError).data, { name: 'odoo.exceptions.ValidationError', message: /between 1 and 200/ });
});
