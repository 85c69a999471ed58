// Converting leads into opportunities: the "Convert to Opportunity" dialog of a lead
// (crm.lead2opportunity.partner: create a customer, link an existing one, none, merge with the
// duplicates), won and lost leads refused, crm.lead.convert_opportunity, and the mass conversion
// of a selection (crm.lead2opportunity.partner.mass).

import t from 'tap';
import { testDb } from '../../../tests/helpers/db.ts';
import { setClock } from '../../../core/clock.ts';
import type { Env } from '../../../core/models/env.ts';
import type { Model } from '../../../core/models/model.ts';
import type { CrmLead } from '../models/lead.ts';
import type { CrmLeadConvert } from '../models/lead_convert.ts';

const db = await testDb(t, { modules: ['crm'] });
t.teardown(() => setClock(null));

type Action = { type: string; res_model: string; res_id: number; views: unknown[] };
type Convert = Model & { action_apply(id: number): Promise<Action> };
type MassConvert = Model & { action_mass_convert(id: number): Promise<Action> };
const leads = (env: Env) => env.model<CrmLead & CrmLeadConvert>('crm.lead');
const convertOn = (env: Env, lead: number) => env.model<Convert>('crm.lead2opportunity.partner').with_context({ active_model: 'crm.lead', active_id: lead, active_ids: [lead] });
const one = async (env: Env, id: number, fields: string[]) => (await env.model('crm.lead').with_context({ active_test: false }).read(id, fields))[0];
const partner = async (env: Env, id: number, fields: string[]) => (await env.model('res.partner').read(id, fields))[0];
const m2o = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const sorted = (ids: number[]) => ids.slice().sort((a, b) => a - b);
const seller = async (env: Env, login: string) => env.model('res.users').create({ login, name: login, groups_id: [[4, await env.refId('crm.group_sale_salesman')]] });

t.test('converting a lead creates its customer: the company, and the contact under it', async (t) => {
  await db.rollback(async (env) => {
    setClock('2026-04-02 09:30:00');
    const [iran] = await env.model('res.country').search([['code', '=', 'IR']]);
    const user = await seller(env, 'kaveh');
    const team = await env.model('crm.team').create({ name: 'Export' });
    const teamStage = await env.model('crm.stage').create({ name: 'Export intake', sequence: 0, team_id: team });
    const lead = await leads(env).create({
      name: 'Office furniture', type: 'lead', partner_name: 'Kavir Steel', contact_name: 'Nima Karimi', email_from: 'Nima Karimi <nima@kavir.example>',
      phone: '021 8888 0000', mobile: '0912 000 1111', function: 'Buyer', street: 'Azadi 5', city: 'Yazd', country_id: iran,
      website: 'https://kavir.example', description: '<p>Wants 40 desks</p>', user_id: user, team_id: team, stage_id: false,
    });
    await env.model('crm.lead').write(lead, { stage_id: false });
    const wizards = convertOn(env, lead);
    const defaults = await wizards.default_get(['name', 'action', 'lead_id', 'partner_id', 'user_id', 'team_id', 'duplicated_lead_ids', 'force_assignment']);
    t.same(defaults, { name: 'convert', action: 'create', lead_id: lead, partner_id: false, user_id: user, team_id: team, duplicated_lead_ids: [lead], force_assignment: true },
      'the lead from active_id; no contact matches, so a new customer is proposed');
    const form = await wizards.onchange({}, []);
    t.match(form.value, { name: 'convert', action: 'create', lead_id: [lead, 'Office furniture'], user_id: [user, 'kaveh'], team_id: [team, 'Export'], duplicated_lead_ids: [lead] },
      'the dialog opens with the same values');
    const action = await wizards.action_apply(await wizards.create({}));
    t.match(action, { type: 'ir.actions.act_window', res_model: 'crm.lead', res_id: lead, views: [[false, 'form']] });
    const row = await one(env, lead, ['type', 'date_conversion', 'partner_id', 'stage_id', 'user_id', 'team_id', 'email_from', 'contact_name']);
    t.same([row.type, row.date_conversion, m2o(row.stage_id), m2o(row.user_id), m2o(row.team_id)], ['opportunity', '2026-04-02 09:30:00', teamStage, user, team]);
    const person = await partner(env, m2o(row.partner_id) as number, ['name', 'is_company', 'parent_id', 'email', 'phone', 'mobile', 'function', 'street', 'city', 'country_id', 'website', 'user_id', 'comment']);
    t.same([person.name, person.is_company, person.email, person.phone, person.mobile, person.function], ['Nima Karimi', false, 'nima@kavir.example', '021 8888 0000', '0912 000 1111', 'Buyer']);
    t.same([person.street, person.city, m2o(person.country_id), person.website, m2o(person.user_id), person.comment], ['Azadi 5', 'Yazd', iran, 'https://kavir.example', user, '<p>Wants 40 desks</p>']);
    const company = await partner(env, m2o(person.parent_id) as number, ['name', 'is_company', 'email', 'city']);
    t.same([company.name, company.is_company, company.email, company.city], ['Kavir Steel', true, 'nima@kavir.example', 'Yazd']);
    t.same([row.email_from, row.contact_name], ['Nima Karimi <nima@kavir.example>', 'Nima Karimi'], 'the lead keeps its own contact data');
    setClock(null);
  });
});

t.test('a contact with the lead\'s email is proposed and linked; no customer is created', async (t) => {
  await db.rollback(async (env) => {
    const existing = await env.model('res.partner').create({ name: 'Pars Tile', is_company: true, email: 'buy@parstile.example' });
    const lead = await leads(env).create({ name: 'Tiles', type: 'lead', contact_name: 'Someone', email_from: 'BUY@parstile.example' });
    const wizards = convertOn(env, lead);
    const defaults = await wizards.default_get(['action', 'partner_id']);
    t.same(defaults, { action: 'exist', partner_id: existing });
    const toCreate = await wizards.onchange({ lead_id: lead, action: 'create', partner_id: existing }, ['action']);
    t.same(toCreate.value.partner_id, false, 'choosing to create clears the customer');
    const toLink = await wizards.onchange({ lead_id: lead, action: 'exist', partner_id: false }, ['action']);
    t.same(toLink.value.partner_id, [existing, 'Pars Tile'], 'choosing to link proposes the contact again');
    const before = await env.model('res.partner').search_count([]);
    await wizards.action_apply(await wizards.create({}));
    t.equal(m2o((await one(env, lead, ['partner_id'])).partner_id), existing);
    t.equal(await env.model('res.partner').search_count([]), before, 'no new contact');
  });
});

t.test('"Do not link to a customer": converted without a customer', async (t) => {
  await db.rollback(async (env) => {
    const lead = await leads(env).create({ name: 'Anonymous inquiry', type: 'lead' });
    const wizards = convertOn(env, lead);
    t.equal((await wizards.default_get(['action'])).action, 'nothing', 'no contact name and no match: nothing to link');
    const created = await leads(env).create({ name: 'With a name', type: 'lead', contact_name: 'Dara' });
    const wizard = await convertOn(env, created).create({ action: 'nothing' });
    await convertOn(env, created).action_apply(wizard);
    await wizards.action_apply(await wizards.create({}));
    for (const id of [lead, created]) {
      const row = await one(env, id, ['type', 'partner_id']);
      t.same([row.type, row.partner_id], ['opportunity', false]);
    }
  });
});

t.test('merging with the duplicates: the opportunity of the same email is kept, lost leads and won deals stay out', async (t) => {
  await db.rollback(async (env) => {
    const user = await seller(env, 'mina');
    const qualified = await env.refId('crm.stage_lead2');
    const [opp, lostOpp, wonOpp, lostLead, lead] = await leads(env).create([
      { name: 'Existing deal', type: 'opportunity', email_from: 'ops@dup.example', stage_id: qualified, probability: 30 },
      { name: 'Lost deal', type: 'opportunity', email_from: 'ops@dup.example', probability: 20 },
      { name: 'Won deal', type: 'opportunity', email_from: 'ops@dup.example' },
      { name: 'Lost lead', type: 'lead', email_from: 'ops@dup.example' },
      { name: 'New inquiry', type: 'lead', email_from: 'Ops <OPS@dup.example>', contact_name: 'Ops', description: '<p>Second request</p>' },
    ]);
    await leads(env).action_set_lost([lostOpp, lostLead], {});
    await leads(env).action_set_won([wonOpp]);
    const wizards = convertOn(env, lead);
    const defaults = await wizards.default_get(['name', 'duplicated_lead_ids']);
    t.equal(defaults.name, 'merge');
    t.same(sorted(defaults.duplicated_lead_ids as number[]), sorted([opp, lostOpp, lead]));
    const action = await wizards.action_apply(await wizards.create({ user_id: user, team_id: false }));
    t.equal(action.res_id, opp, 'the result is the existing opportunity');
    const row = await one(env, opp, ['type', 'user_id', 'description', 'active', 'stage_id']);
    t.same([row.type, m2o(row.user_id), row.active, m2o(row.stage_id)], ['opportunity', user, true, qualified]);
    t.match(row.description, /Second request/);
    const left = await env.model('crm.lead').with_context({ active_test: false }).exists([lostOpp, wonOpp, lostLead, lead]);
    t.same(sorted(left), sorted([wonOpp, lostLead]), 'the merged ones are deleted, the won deal and the lost lead are left alone');
  });
});

t.test('merging leads only: the result is converted and gets its customer', async (t) => {
  await db.rollback(async (env) => {
    const [first, second] = await leads(env).create([
      { name: 'First', type: 'lead', email_from: 'roya@leadsonly.example', phone: '021 555', probability: 10 },
      { name: 'Second', type: 'lead', email_from: 'roya@leadsonly.example', contact_name: 'Roya', probability: 10 },
    ]);
    const wizards = convertOn(env, second);
    t.equal((await wizards.default_get(['action'])).action, 'create', 'the lead converted has a contact name');
    const action = await wizards.action_apply(await wizards.create({}));
    t.equal(action.res_id, first, 'the older lead is kept');
    const row = await one(env, first, ['type', 'partner_id', 'phone', 'contact_name']);
    t.same([row.type, row.phone, row.contact_name], ['opportunity', '021 555', 'Roya']);
    t.equal((await partner(env, m2o(row.partner_id) as number, ['name'])).name, 'Roya');
    t.same(await env.model('crm.lead').with_context({ active_test: false }).exists([second]), []);
  });
});

t.test('a won or lost lead cannot be converted: the message says why', async (t) => {
  await db.rollback(async (env) => {
    const [won, lost] = await leads(env).create([{ name: 'Signed lead', type: 'lead' }, { name: 'Dead lead', type: 'lead' }]);
    await leads(env).action_set_won([won]);
    await leads(env).action_set_lost([lost], {});
    const refuse = async (id: number) => convertOn(env, id).action_apply(await convertOn(env, id).create({}));
    await t.rejects(refuse(won), { code: 'ERP_USER_ERROR', message: '"Signed lead" is won: a won lead cannot be converted into an opportunity.' });
    await t.rejects(refuse(lost), { code: 'ERP_USER_ERROR', message: '"Dead lead" is lost (archived): restore it before converting it into an opportunity.' });
    t.equal((await one(env, lost, ['type'])).type, 'lead');
  });
});

t.test('convert_opportunity: salespeople dealt round-robin, won and lost leads skipped', async (t) => {
  await db.rollback(async (env) => {
    const [u1, u2] = [await seller(env, 'u1'), await seller(env, 'u2')];
    const team = await env.model('crm.team').create({ name: 'Round' });
    const customer = await env.model('res.partner').create({ name: 'Shared customer' });
    const ids = await leads(env).create([1, 2, 3].map((i) => ({ name: `L${i}`, type: 'lead' })));
    const [won, lost] = await leads(env).create([{ name: 'Won', type: 'lead' }, { name: 'Lost', type: 'lead' }]);
    await leads(env).action_set_won([won]);
    await leads(env).action_set_lost([lost], {});
    await leads(env).convert_opportunity([...ids, won, lost], customer, { user_ids: [u1, u2], team_id: team });
    const rows = await env.model('crm.lead').read(ids, ['type', 'user_id', 'team_id', 'partner_id']);
    t.same(rows.map((r) => [r.type, m2o(r.user_id), m2o(r.team_id), m2o(r.partner_id)]),
      [['opportunity', u1, team, customer], ['opportunity', u2, team, customer], ['opportunity', u1, team, customer]]);
    t.same([(await one(env, won, ['type'])).type, (await one(env, lost, ['type'])).type], ['lead', 'lead']);
  });
});

t.test('mass conversion: duplicates merged first, each lead gets its customer, salespeople round-robin', async (t) => {
  await db.rollback(async (env) => {
    const [u1, u2] = [await seller(env, 'm1'), await seller(env, 'm2')];
    const known = await env.model('res.partner').create({ name: 'Known', email: 'known@mass.example' });
    const [a, aDuplicate, b, c] = await leads(env).create([
      { name: 'A', type: 'lead', user_id: false, contact_name: 'Arash', email_from: 'arash@mass.example', probability: 10 },
      { name: 'A again', type: 'lead', user_id: false, email_from: 'arash@mass.example', probability: 10 },
      { name: 'B', type: 'lead', user_id: false, contact_name: 'Someone Else', email_from: 'known@mass.example' },
      { name: 'C', type: 'lead', user_id: false, partner_name: 'Cyrus Co' },
    ]);
    const wizards = env.model<MassConvert>('crm.lead2opportunity.partner.mass').with_context({ active_model: 'crm.lead', active_ids: [a, aDuplicate, b, c] });
    const id = await wizards.create({ user_ids: [u1, u2] });
    const [wizard] = await wizards.read(id, ['name', 'action', 'deduplicate', 'force_assignment', 'lead_tomerge_ids', 'duplicated_lead_ids']);
    t.same([wizard.name, wizard.action, wizard.deduplicate, wizard.force_assignment], ['convert', 'each_exist_or_create', true, false]);
    t.same(sorted(wizard.duplicated_lead_ids as number[]), sorted([a, aDuplicate]), 'the leads that have duplicates');
    const action = await wizards.action_mass_convert(id);
    t.equal(action.res_id, b, 'the first lead left, in the order given');
    t.same(await env.model('crm.lead').with_context({ active_test: false }).exists([aDuplicate]), [], 'merged into A');
    const rows = await env.model('crm.lead').read([b, c, a], ['type', 'user_id', 'partner_id']);
    t.same(rows.map((r) => [r.type, m2o(r.user_id)]), [['opportunity', u1], ['opportunity', u2], ['opportunity', u1]]);
    t.equal(m2o(rows[0].partner_id), known, 'B: the contact with its email');
    t.equal((await partner(env, m2o(rows[1].partner_id) as number, ['name'])).name, 'Cyrus Co', 'C: a new company');
    t.equal((await partner(env, m2o(rows[2].partner_id) as number, ['name'])).name, 'Arash', 'A: a new contact');
  });
});
