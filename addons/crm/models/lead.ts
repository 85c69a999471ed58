// crm.lead: leads and opportunities (Odoo 17's fields and names). A lead becomes an opportunity
// by conversion; an opportunity moves through the stages of its team to a won stage, or is lost
// (archived with probability 0) and may be restored.
//
// Everything here works on batches: create and write read what they need (teams, stages,
// partners) once for the whole list of records.

import { defineModel, errors, fields, now, type Env, type Model, type RecordValues, type Values } from '../../../core/index.ts';
import { emailDomainCriterion, emailState, normalizeEmail, phoneState, sanitizePhone } from '../lib/contact.ts';

export const PRIORITIES: Array<[string, string]> = [['0', 'Low'], ['1', 'Medium'], ['2', 'High'], ['3', 'Very High']];

/** The address fields, copied together from a partner and kept together by a merge. */
export const ADDRESS_FIELDS = ['street', 'street2', 'city', 'zip', 'state_id', 'country_id'] as const;

const m2oId = (value: unknown): number | false =>
  (Array.isArray(value) ? (value[0] as number) : typeof value === 'number' && value ? value : false);
const stamp = (date: Date): string => date.toISOString().slice(0, 19).replace('T', ' ');

/** What crm.lead adds to the records API, for callers: `env.model<CrmLead>('crm.lead')`. */
export interface CrmLead extends Model {
  action_set_won(ids: number[] | number): Promise<true>;
  action_set_lost(ids: number[] | number, values?: Values): Promise<true>;
  action_restore(ids: number[] | number): Promise<true>;
  _default_team(userIds: number[]): Promise<Map<number, number>>;
  _first_stages(teamIds: Array<number | false>): Promise<Map<number | false, number | false>>;
  _partner_values(partnerId: number | false): Promise<Values>;
  _partners_values(partnerIds: number[]): Promise<Map<number, Values>>;
}

/** The leads' own stage rows (is_won, sequence), read once per batch. */
async function stagesById(env: Env, ids: number[]): Promise<Map<number, { is_won: boolean; sequence: number; team_id: number | null }>> {
  if (!ids.length) return new Map();
  const rows = await env.cr.query<{ id: number; is_won: boolean; sequence: number; team_id: number | null }>(
    'SELECT id, coalesce(is_won, false) AS is_won, coalesce(sequence, 0) AS sequence, team_id FROM crm_stage WHERE id = ANY($1::int4[])', [ids]);
  return new Map(rows.map((r) => [r.id, r]));
}

export const Lead = defineModel({
  name: 'crm.lead',
  description: 'Lead/Opportunity',
  order: 'priority desc, id desc',
  fields: {
    name: fields.char({ string: 'Opportunity', required: true, index: true, tracking: true }),
    user_id: fields.many2one('res.users', { string: 'Salesperson', index: true, tracking: true, default: (env: Env) => env.uid }),
    user_company_ids: fields.many2many('res.company', { string: 'User Company', compute: '_compute_user_company_ids', depends: ['user_id'] }),
    user_email: fields.char({ string: 'User Email', related: 'user_id.login' }),
    team_id: fields.many2one('crm.team', { string: 'Sales Team', index: true, tracking: true, ondelete: 'set null' }),
    company_id: fields.many2one('res.company', { string: 'Company', index: true }),
    referred: fields.char({ string: 'Referred By' }),
    description: fields.html({ string: 'Notes' }),
    active: fields.boolean({ string: 'Active', default: true, tracking: true }),
    type: fields.selection([['lead', 'Lead'], ['opportunity', 'Opportunity']], {
      string: 'Type', required: true, index: true, default: async (env: Env) => (await env.model<Model & { has_group(x: string): Promise<boolean> }>('res.users').has_group('crm.group_use_lead') ? 'lead' : 'opportunity'),
    }),
    priority: fields.selection(PRIORITIES, { string: 'Priority', index: true, default: '0' }),
    stage_id: fields.many2one('crm.stage', { string: 'Stage', index: true, tracking: true, ondelete: 'restrict', copy: false }),
    tag_ids: fields.many2many('crm.tag', { string: 'Tags', relation: 'crm_tag_rel', column1: 'lead_id', column2: 'tag_id', help: 'Classify and analyze your lead/opportunity categories like: Training, Service' }),
    color: fields.integer({ string: 'Color Index', default: 0 }),
    // Revenues
    company_currency: fields.many2one('res.currency', { string: 'Currency', related: 'company_id.currency_id' }),
    expected_revenue: fields.monetary({ string: 'Expected Revenue', currencyField: 'company_currency', tracking: true }),
    prorated_revenue: fields.monetary({ string: 'Prorated Revenue', currencyField: 'company_currency', compute: '_compute_prorated_revenue', depends: ['expected_revenue', 'probability'], store: true }),
    recurring_revenue: fields.monetary({ string: 'Recurring Revenues', currencyField: 'company_currency' }),
    recurring_plan: fields.many2one('crm.recurring.plan', { string: 'Recurring Plan' }),
    recurring_revenue_monthly: fields.monetary({ string: 'Expected MRR', currencyField: 'company_currency', compute: '_compute_recurring_revenue_monthly', depends: ['recurring_revenue', 'recurring_plan.number_of_months'], store: true }),
    recurring_revenue_monthly_prorated: fields.monetary({ string: 'Prorated MRR', currencyField: 'company_currency', compute: '_compute_recurring_revenue_monthly_prorated', depends: ['recurring_revenue_monthly', 'probability'], store: true }),
    // Dates
    date_closed: fields.datetime({ string: 'Closed Date', readonly: true, copy: false, index: true }),
    date_open: fields.datetime({ string: 'Assignment Date', readonly: true, copy: false }),
    day_open: fields.float({ string: 'Days to Assign', compute: '_compute_day_open', depends: ['date_open', 'create_date'] }),
    day_close: fields.float({ string: 'Days to Close', compute: '_compute_day_close', depends: ['date_closed', 'create_date'] }),
    date_last_stage_update: fields.datetime({ string: 'Last Stage Update', index: true, copy: false }),
    date_conversion: fields.datetime({ string: 'Conversion Date', readonly: true, copy: false }),
    date_deadline: fields.date({ string: 'Expected Closing', help: 'Estimate of the date on which the opportunity will be won.' }),
    // Customer and contact
    partner_id: fields.many2one('res.partner', { string: 'Customer', index: true, tracking: true, ondelete: 'set null', help: 'Linked partner (optional). Usually created when converting the lead. You can find a partner by its Name, TIN, Email or Internal Reference.' }),
    commercial_partner_id: fields.many2one('res.partner', { string: 'Commercial Entity', related: 'partner_id.commercial_partner_id' }),
    contact_name: fields.char({ string: 'Contact Name', tracking: true }),
    partner_name: fields.char({ string: 'Company Name', tracking: true, index: true, help: 'The name of the future partner company that will be created while converting the lead into opportunity' }),
    function: fields.char({ string: 'Job Position' }),
    title: fields.char({ string: 'Title' }),
    email_from: fields.char({ string: 'Email', tracking: true, index: true }),
    email_normalized: fields.char({ string: 'Normalized Email', compute: '_compute_email_normalized', depends: ['email_from'], store: true, index: true }),
    email_domain_criterion: fields.char({ string: 'Email Domain Criterion', compute: '_compute_email_domain_criterion', depends: ['email_from'], store: true, index: true }),
    email_state: fields.selection([['correct', 'Correct'], ['incorrect', 'Incorrect']], { string: 'Email Quality', compute: '_compute_email_state', depends: ['email_from'], store: true }),
    phone: fields.char({ string: 'Phone', tracking: true }),
    mobile: fields.char({ string: 'Mobile' }),
    phone_sanitized: fields.char({ string: 'Sanitized Number', compute: '_compute_phone_sanitized', depends: ['phone', 'mobile', 'country_id', 'company_id'], store: true, index: true, help: 'The phone (or mobile) number in E.164 form, using the lead\'s country or the company\'s.' }),
    phone_state: fields.selection([['correct', 'Correct'], ['incorrect', 'Incorrect']], { string: 'Phone Quality', compute: '_compute_phone_state', depends: ['phone', 'country_id', 'company_id'], store: true }),
    website: fields.char({ string: 'Website', index: true, help: 'Website of the contact' }),
    lang_id: fields.many2one('res.lang', { string: 'Language' }),
    lang_code: fields.char({ string: 'Locale Code', related: 'lang_id.code' }),
    street: fields.char({ string: 'Street' }),
    street2: fields.char({ string: 'Street2' }),
    zip: fields.char({ string: 'Zip' }),
    city: fields.char({ string: 'City' }),
    state_id: fields.many2one('res.country.state', { string: 'State', ondelete: 'restrict' }),
    country_id: fields.many2one('res.country', { string: 'Country' }),
    // Probability
    probability: fields.float({ string: 'Probability', digits: [16, 2], index: true, default: 10 }),
    automated_probability: fields.float({ string: 'Automated Probability', digits: [16, 2], readonly: true, default: 10 }),
    is_automated_probability: fields.boolean({ string: 'Is automated probability?', compute: '_compute_is_automated_probability', depends: ['probability', 'automated_probability'] }),
    won_status: fields.selection([['won', 'Won'], ['lost', 'Lost'], ['pending', 'Pending']], {
      string: 'Is Won', compute: '_compute_won_status', depends: ['active', 'probability', 'stage_id.is_won'], store: true, index: true,
    }),
    lost_reason_id: fields.many2one('crm.lost.reason', { string: 'Lost Reason', index: true, ondelete: 'restrict', tracking: true }),
    // UTM
    campaign_id: fields.many2one('utm.campaign', { string: 'Campaign', ondelete: 'set null' }),
    medium_id: fields.many2one('utm.medium', { string: 'Medium', ondelete: 'set null' }),
    source_id: fields.many2one('utm.source', { string: 'Source', ondelete: 'set null' }),
  },
  sqlConstraints: [{
    name: 'check_probability', definition: 'check(probability >= 0 and probability <= 100)',
    message: 'The probability of closing the deal should be between 0% and 100%!',
  }],
  onchange: {
    partner_id: '_onchange_partner_id',
    user_id: '_onchange_user_id',
  },
  methods: (Base) => class extends Base {
    // ---------------------------------------------------------------------------------------
    // Computes
    // ---------------------------------------------------------------------------------------

    _compute_user_company_ids(records: RecordValues[]): Map<number, unknown> {
      return new Map(records.map((r) => [r.id, []]));
    }

    _compute_prorated_revenue(records: RecordValues[]): Map<number, unknown> {
      return new Map(records.map((r) => [r.id, Math.round(Number(r.expected_revenue || 0) * Number(r.probability || 0)) / 100]));
    }

    async _compute_recurring_revenue_monthly(records: RecordValues[]): Promise<Map<number, unknown>> {
      const plans = [...new Set(records.map((r) => m2oId(r.recurring_plan)).filter(Boolean))] as number[];
      const months = new Map((plans.length ? await this.env.model('crm.recurring.plan').sudo().with_context({ active_test: false }).read(plans, ['number_of_months']) : [])
        .map((p) => [p.id, Number(p.number_of_months) || 0]));
      return new Map(records.map((r) => {
        const n = months.get(m2oId(r.recurring_plan) || 0) ?? 0;
        return [r.id, n ? Number(r.recurring_revenue || 0) / n : 0];
      }));
    }

    _compute_recurring_revenue_monthly_prorated(records: RecordValues[]): Map<number, unknown> {
      return new Map(records.map((r) => [r.id, Number(r.recurring_revenue_monthly || 0) * Number(r.probability || 0) / 100]));
    }

    _compute_day_open(records: RecordValues[]): Map<number, unknown> {
      return new Map(records.map((r) => [r.id, daysBetween(r.create_date, r.date_open)]));
    }

    _compute_day_close(records: RecordValues[]): Map<number, unknown> {
      return new Map(records.map((r) => [r.id, daysBetween(r.create_date, r.date_closed)]));
    }

    _compute_email_normalized(records: RecordValues[]): Map<number, unknown> {
      return new Map(records.map((r) => [r.id, normalizeEmail(r.email_from)]));
    }

    _compute_email_domain_criterion(records: RecordValues[]): Map<number, unknown> {
      return new Map(records.map((r) => [r.id, emailDomainCriterion(r.email_from)]));
    }

    _compute_email_state(records: RecordValues[]): Map<number, unknown> {
      return new Map(records.map((r) => [r.id, emailState(r.email_from)]));
    }

    /** The country code each lead's numbers are read with: its own country, else its company's. */
    async _phone_countries(records: RecordValues[]): Promise<Map<number, string | false>> {
      const countries = new Set<number>();
      const companies = new Set<number>();
      for (const r of records) {
        const country = m2oId(r.country_id);
        if (country) countries.add(country);
        else if (m2oId(r.company_id)) companies.add(m2oId(r.company_id) as number);
      }
      const companyCountry = new Map<number, number>();
      if (companies.size) {
        const rows = await this.env.cr.query<{ id: number; country_id: number | null }>(
          'SELECT c.id, p.country_id FROM res_company c JOIN res_partner p ON p.id = c.partner_id WHERE c.id = ANY($1::int4[])', [[...companies]]);
        for (const row of rows) if (row.country_id) { companyCountry.set(row.id, row.country_id); countries.add(row.country_id); }
      }
      const codes = new Map<number, string>();
      if (countries.size) {
        const rows = await this.env.cr.query<{ id: number; code: string }>('SELECT id, code FROM res_country WHERE id = ANY($1::int4[])', [[...countries]]);
        for (const row of rows) codes.set(row.id, row.code);
      }
      return new Map(records.map((r) => {
        const country = m2oId(r.country_id) || companyCountry.get(m2oId(r.company_id) || 0);
        return [r.id, (country && codes.get(country)) || false];
      }));
    }

    async _compute_phone_sanitized(records: RecordValues[]): Promise<Map<number, unknown>> {
      const countries = await this._phone_countries(records);
      return new Map(records.map((r) => [r.id, sanitizePhone(r.mobile, countries.get(r.id)) || sanitizePhone(r.phone, countries.get(r.id))]));
    }

    async _compute_phone_state(records: RecordValues[]): Promise<Map<number, unknown>> {
      const countries = await this._phone_countries(records);
      return new Map(records.map((r) => [r.id, phoneState(r.phone, countries.get(r.id))]));
    }

    _compute_is_automated_probability(records: RecordValues[]): Map<number, unknown> {
      return new Map(records.map((r) => [r.id, Math.abs(Number(r.probability) - Number(r.automated_probability)) < 0.005]));
    }

    async _compute_won_status(records: RecordValues[]): Promise<Map<number, unknown>> {
      const stages = await stagesById(this.env, [...new Set(records.map((r) => m2oId(r.stage_id)).filter(Boolean))] as number[]);
      return new Map(records.map((r) => {
        const won = r.active && stages.get(m2oId(r.stage_id) || 0)?.is_won;
        return [r.id, won ? 'won' : !r.active && Number(r.probability) === 0 ? 'lost' : 'pending'];
      }));
    }

    // ---------------------------------------------------------------------------------------
    // Defaults: team of the salesperson, first stage of the team, contact data of the partner
    // ---------------------------------------------------------------------------------------

    /** The default team of each user: their first active membership (by team sequence). */
    async _default_team(userIds: number[]): Promise<Map<number, number>> {
      if (!userIds.length) return new Map();
      const rows = await this.env.cr.query<{ user_id: number; team: number }>(
        `SELECT DISTINCT ON (m.user_id) m.user_id, m.crm_team_id AS team
           FROM crm_team_member m JOIN crm_team t ON t.id = m.crm_team_id
          WHERE m.user_id = ANY($1::int4[]) AND m.active AND t.active
          ORDER BY m.user_id, t.sequence, t.id`, [userIds]);
      return new Map(rows.map((r) => [r.user_id, r.team]));
    }

    /** The first unfolded stage of each team (stages of the team or of no team), by sequence. */
    async _first_stages(teamIds: Array<number | false>): Promise<Map<number | false, number | false>> {
      const stages = await this.env.cr.query<{ id: number; team_id: number | null; fold: boolean | null }>(
        'SELECT id, team_id, fold FROM crm_stage ORDER BY sequence, name, id');
      const result = new Map<number | false, number | false>();
      for (const team of teamIds) {
        const usable = stages.filter((s) => s.team_id === null || s.team_id === team);
        result.set(team, (usable.find((s) => !s.fold) ?? usable[0])?.id ?? false);
      }
      return result;
    }

    /** The contact data a lead takes from its customer (Odoo's `_prepare_values_from_partner`). */
    async _partner_values(partnerId: number | false): Promise<Values> {
      if (!partnerId) return {};
      return (await this._partners_values([partnerId])).get(partnerId) ?? {};
    }

    /** `_partner_values` of several customers at once: one read of the partners, one of their
     *  languages, whatever their number (create takes those of a whole batch). */
    async _partners_values(partnerIds: number[]): Promise<Map<number, Values>> {
      const result = new Map<number, Values>();
      if (!partnerIds.length) return result;
      const partners = await this.env.model('res.partner').sudo().with_context({ active_test: false }).read(partnerIds,
        ['name', 'is_company', 'parent_id', 'email', 'phone', 'mobile', 'function', 'website', 'lang', ...ADDRESS_FIELDS]);
      const codes = [...new Set(partners.map((p) => p.lang).filter((code): code is string => typeof code === 'string' && Boolean(code)))];
      const langs = new Map<string, number>();
      if (codes.length) {
        const rows = await this.env.model('res.lang').sudo().with_context({ active_test: false }).search_read([['code', 'in', codes]], ['code'], { order: 'id' });
        for (const row of rows) if (!langs.has(String(row.code))) langs.set(String(row.code), row.id);
      }
      for (const p of partners) {
        const values: Values = {
          partner_name: p.is_company ? p.name : Array.isArray(p.parent_id) ? String(p.parent_id[1]).split(',')[0] : false,
          contact_name: p.is_company ? false : p.name,
          function: p.function || false,
          website: p.website || false,
        };
        if (p.email) values.email_from = p.email;
        if (p.phone) values.phone = p.phone;
        if (p.mobile) values.mobile = p.mobile;
        if (ADDRESS_FIELDS.some((f) => p[f])) for (const f of ADDRESS_FIELDS) values[f] = m2oId(p[f]) || (typeof p[f] === 'string' ? p[f] : false);
        if (p.lang && langs.has(String(p.lang))) values.lang_id = langs.get(String(p.lang));
        result.set(p.id, values);
      }
      return result;
    }

    // ---------------------------------------------------------------------------------------
    // Onchange: the form proposes a name from the customer, and the salesperson's team
    // ---------------------------------------------------------------------------------------

    async _onchange_partner_id(values: Record<string, unknown>) {
      const partner = values.partner_id as [number, string] | false;
      if (!partner) return {};
      const fromPartner = await this._partner_values(partner[0]);
      const shown: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(fromPartner)) shown[key] = value;
      // many2one values in the form are [id, name]: read the names of what changed.
      for (const field of ['state_id', 'country_id', 'lang_id'] as const) {
        const id = shown[field];
        if (typeof id === 'number') {
          const model = this.meta.fields.get(field)!.comodel!;
          const [row] = await this.env.model(model).sudo().read(id, ['display_name']);
          shown[field] = [id, row.display_name];
        }
      }
      if (!values.name) shown.name = `${partner[1]}'s opportunity`;
      return { value: shown };
    }

    async _onchange_user_id(values: Record<string, unknown>) {
      const user = m2oId(values.user_id);
      if (!user) return {};
      const team = (await this._default_team([user])).get(user);
      if (!team || m2oId(values.team_id) === team) return {};
      const [row] = await this.env.model('crm.team').sudo().read(team, ['display_name']);
      return { value: { team_id: [team, row.display_name] } };
    }

    // ---------------------------------------------------------------------------------------
    // create / write
    // ---------------------------------------------------------------------------------------

    override async create(vals: Values | Values[]): Promise<any> {
      const list = (Array.isArray(vals) ? vals : [vals]).map((v) => ({ ...v }));
      const ctx = this.env.context;
      const at = stamp(now(ctx));
      if (list.some((v) => !v.type) && !ctx.default_type) {
        const useLeads = await this.env.model<Model & { has_group(x: string): Promise<boolean> }>('res.users').has_group('crm.group_use_lead');
        for (const v of list) if (!v.type) v.type = useLeads ? 'lead' : 'opportunity';
      }
      const userOf = (v: Values): number | false => m2oId('user_id' in v ? v.user_id : ctx.default_user_id ?? this.env.uid);
      // Contact data from the customer, for the fields not given.
      const partnerIds = [...new Set(list.map((v) => m2oId(v.partner_id ?? ctx.default_partner_id)).filter(Boolean))] as number[];
      const partnerValues = await this._partners_values(partnerIds);
      // Teams: the salesperson's default team when none is given.
      const needTeam = list.filter((v) => !('team_id' in v) && !ctx.default_team_id);
      const teams = await this._default_team([...new Set(needTeam.map(userOf).filter(Boolean))] as number[]);
      for (const v of list) {
        const partner = m2oId(v.partner_id ?? ctx.default_partner_id);
        if (partner) for (const [key, value] of Object.entries(partnerValues.get(partner) ?? {})) if (!(key in v) && value !== false) v[key] = value;
        if (!v.name && partner) v.name = `${(partnerValues.get(partner)?.partner_name || partnerValues.get(partner)?.contact_name || '')}'s opportunity`;
        if (!('team_id' in v) && !ctx.default_team_id) v.team_id = teams.get(userOf(v) || 0) ?? false;
        if (userOf(v) && !v.date_open) v.date_open = at;
        if (!v.date_last_stage_update) v.date_last_stage_update = at;
      }
      // Stages: the first one of the team.
      const needStage = list.filter((v) => !v.stage_id && !ctx.default_stage_id);
      const firstStages = await this._first_stages([...new Set(needStage.map((v) => m2oId(v.team_id ?? ctx.default_team_id)))]);
      for (const v of needStage) v.stage_id = firstStages.get(m2oId(v.team_id ?? ctx.default_team_id)) ?? false;
      // Companies: the team's, else the current one.
      const teamCompanies = await this._team_companies(list.map((v) => m2oId(v.team_id ?? ctx.default_team_id)));
      const company = await this.env.company();
      for (const v of list) {
        if (!('company_id' in v) && !ctx.default_company_id) v.company_id = teamCompanies.get(m2oId(v.team_id ?? ctx.default_team_id) || 0) ?? company ?? false;
      }
      // Created in a won stage: won.
      const stages = await stagesById(this.env, [...new Set(list.map((v) => m2oId(v.stage_id ?? ctx.default_stage_id)).filter(Boolean))] as number[]);
      for (const v of list) {
        if (stages.get(m2oId(v.stage_id ?? ctx.default_stage_id) || 0)?.is_won) Object.assign(v, { probability: 100, automated_probability: 100, date_closed: v.date_closed || at });
        if ((v.type ?? ctx.default_type) === 'opportunity' && !v.date_conversion) v.date_conversion = at;
      }
      const ids = await super.create(list) as number[];
      return Array.isArray(vals) ? ids : ids[0];
    }

    async _team_companies(teamIds: Array<number | false>): Promise<Map<number, number>> {
      const ids = [...new Set(teamIds.filter(Boolean))] as number[];
      if (!ids.length) return new Map();
      const rows = await this.env.cr.query<{ id: number; company_id: number | null }>('SELECT id, company_id FROM crm_team WHERE id = ANY($1::int4[])', [ids]);
      return new Map(rows.filter((r) => r.company_id).map((r) => [r.id, r.company_id!]));
    }

    override async write(ids: number[] | number, vals: Values): Promise<true> {
      const list = Array.isArray(ids) ? ids : [ids];
      const v: Values = { ...vals };
      const at = stamp(now(this.env.context));
      let leavingWon: number[] = [];
      if ('stage_id' in v) {
        v.date_last_stage_update = at;
        const stage = m2oId(v.stage_id);
        const target = stage ? (await stagesById(this.env, [stage])).get(stage) : undefined;
        if (target?.is_won) Object.assign(v, { probability: 100, automated_probability: 100 });
        else if (list.length) {
          // Leaving a won stage reopens the deal: its probability goes back to the automated one.
          const rows = await this.env.cr.query<{ id: number }>(
            'SELECT l.id FROM crm_lead l JOIN crm_stage s ON s.id = l.stage_id WHERE l.id = ANY($1::int4[]) AND s.is_won', [list]);
          leavingWon = rows.map((r) => r.id);
        }
      }
      if ('user_id' in v) v.date_open = m2oId(v.user_id) ? at : false;
      if (v.type === 'opportunity' && !('date_conversion' in v)) v.date_conversion = at;
      if (typeof v.probability === 'number' && v.probability >= 100) { if (!('date_closed' in v)) v.date_closed = at; }
      else if (v.active === false) v.date_closed = v.date_closed || at;
      else if ((typeof v.probability === 'number' && v.probability > 0) || leavingWon.length) v.date_closed = false;
      if (m2oId(v.partner_id) && list.length) {
        for (const [key, value] of Object.entries(await this._partner_values(m2oId(v.partner_id)))) {
          if (!(key in v) && value !== false && ['email_from', 'phone', 'mobile', 'partner_name', 'contact_name'].includes(key)) v[key] = value;
        }
      }
      await super.write(ids, v);
      if (leavingWon.length && !('probability' in vals)) await this._write_automated(leavingWon, { date_closed: false }, true);
      return true;
    }

    /** Sets each record's probability to its automated one (one write per distinct value, so
     *  stored computes and tracking follow), with `extra` values. With `recompute`, the automated
     *  probability is computed again first (after a reopening or a restore). */
    async _write_automated(ids: number[], extra: Values = {}, recompute = false): Promise<void> {
      const values = recompute ? await this._automated_probabilities(ids) : new Map((await this.env.cr.query<{ id: number; p: number }>(
        'SELECT id, coalesce(automated_probability, 0)::float8 AS p FROM crm_lead WHERE id = ANY($1::int4[])', [ids])).map((r) => [r.id, Number(r.p)]));
      const groups = new Map<number, number[]>();
      for (const [id, p] of values) groups.set(p, [...(groups.get(p) ?? []), id]);
      for (const [p, group] of groups) {
        await this.with_context({ active_test: false }).write(group, { ...extra, ...(recompute ? { automated_probability: p } : {}), probability: p });
      }
    }

    /** The automated probability of each open record. Without predictive scoring data every
     *  record starts at 10%; the scoring (crm's predictive lead scoring) overrides this. */
    async _automated_probabilities(ids: number[]): Promise<Map<number, number>> {
      return new Map(ids.map((id) => [id, 10]));
    }

    // ---------------------------------------------------------------------------------------
    // Won, lost, restored
    // ---------------------------------------------------------------------------------------

    /** Moves the records to the first won stage of their team (or a shared one), probability 100. */
    async action_set_won(ids: number[] | number): Promise<true> {
      const list = Array.isArray(ids) ? ids : [ids];
      if (!list.length) return true;
      const rows = await this.with_context({ active_test: false }).read(list, ['team_id']);
      const stages = await this.env.cr.query<{ id: number; team_id: number | null }>(
        'SELECT id, team_id FROM crm_stage WHERE is_won ORDER BY sequence, name, id');
      const byStage = new Map<number, number[]>();
      for (const row of rows) {
        const team = m2oId(row.team_id);
        const stage = stages.find((s) => s.team_id === team) ?? stages.find((s) => s.team_id === null) ?? stages[0];
        if (!stage) throw errors.userError('There is no won stage: add a stage marked "Is Won Stage?" in the CRM configuration first.');
        byStage.set(stage.id, [...(byStage.get(stage.id) ?? []), row.id]);
      }
      for (const [stage, leadIds] of byStage) await this.write(leadIds, { active: true, stage_id: stage, probability: 100, lost_reason_id: false });
      return true;
    }

    /** The "Won" button of the form (Odoo shows a rainbow man; we return to the record). */
    async action_set_won_rainbowman(ids: number[] | number): Promise<true> {
      return this.action_set_won(ids);
    }

    /** Lost: archived with probability 0, with the lost reason and any other value given. */
    async action_set_lost(ids: number[] | number, values: Values = {}): Promise<true> {
      const list = Array.isArray(ids) ? ids : [ids];
      if (!list.length) return true;
      await this.write(list, { ...values, active: false, probability: 0, automated_probability: 0 });
      return true;
    }

    /** Restores lost records: active again, no lost reason, probability back to the automated one. */
    async action_restore(ids: number[] | number): Promise<true> {
      const list = Array.isArray(ids) ? ids : [ids];
      if (!list.length) return true;
      // Lost records had their automated probability set to 0: it is computed again.
      await this._write_automated(list, { active: true, lost_reason_id: false, date_closed: false }, true);
      return true;
    }

    override async action_unarchive(ids: number[] | number): Promise<true> {
      return this.action_restore(ids);
    }

    /** The "Lost" button of the form: the lost reason wizard. */
    async action_lost_wizard(ids: number[] | number) {
      return {
        type: 'ir.actions.act_window', name: 'Lost Reason', res_model: 'crm.lead.lost', view_mode: 'form',
        views: [[false, 'form']], target: 'new',
        context: { active_ids: Array.isArray(ids) ? ids : [ids], active_model: 'crm.lead', default_lead_ids: Array.isArray(ids) ? ids : [ids] },
      };
    }

    /** Resets the probability to the automated one (the button beside the probability). */
    async action_reset_probability(ids: number[] | number): Promise<true> {
      const list = Array.isArray(ids) ? ids : [ids];
      await this._write_automated(list);
      return true;
    }
  },
});

function daysBetween(start: unknown, end: unknown): number {
  if (!start || !end) return 0;
  const a = Date.parse(`${String(start).replace(' ', 'T')}Z`);
  const b = Date.parse(`${String(end).replace(' ', 'T')}Z`);
  return Math.round(Math.abs(b - a) / 864000) / 100;
}
