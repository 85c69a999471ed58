// crm.iap.lead.mining.request: "Need help reaching your target?" (Odoo 17's lead generation,
// with Odoo's model and field names). The user says how many companies they want, where, in
// which industries and of which size, and for people searches which contacts; `action_submit`
// asks the lead provider (lib/lead_mining.ts; the company directory by default) and makes one lead
// or opportunity per company proposed, in one create, with the request's team, salesperson and
// tags. A company is never drawn twice: the directory marks it used, and no lead is made of a
// company some lead already came from (`reveal_id`).

import { defineModel, errors, fields, type Env, type Model, type RecordValues, type Values } from '../../../core/index.ts';
import { catalogOf } from '../../../core/index.ts';
import { currentLeadProvider, DEFAULT_PROVIDER, hasLeadProvider, registerLeadProvider, type CompanyProposal, type LeadCriteria } from '../lib/lead_mining.ts';
import { directoryProvider } from '../lib/lead_directory_search.ts';
import { leadValues } from '../lib/lead_mining_leads.ts';
import type { CrmLead } from './lead.ts';

// The built-in provider; the guard keeps a second evaluation of this module harmless.
if (!hasLeadProvider(DEFAULT_PROVIDER)) registerLeadProvider(DEFAULT_PROVIDER, directoryProvider);

export const MAX_LEAD = 200;
export const MAX_CONTACT = 5;

const m2oId = (value: unknown): number | false => (Array.isArray(value) ? (value[0] as number) : typeof value === 'number' && value ? value : false);

/** What the request adds to the records API, for callers. */
export interface LeadMiningRequest extends Model {
  action_submit(ids: number[] | number): Promise<Values>;
  action_get_lead_action(ids: number[] | number): Promise<Values>;
  action_draft(ids: number[] | number): Promise<true>;
}

interface Users extends Model { has_group(xmlid: string): Promise<boolean> }

async function defaultCountries(env: Env): Promise<number[]> {
  const rows = await env.cr.query<{ country_id: number | null }>(
    'SELECT p.country_id FROM res_company c JOIN res_partner p ON p.id = c.partner_id WHERE c.id = $1', [await env.company()]);
  return rows[0]?.country_id ? [rows[0].country_id] : [];
}

async function defaultTeam(env: Env): Promise<number | false> {
  return (await env.model<CrmLead>('crm.lead')._default_team([env.uid])).get(env.uid) ?? false;
}

/** The user's words, in their language when the CRM translates them. */
const translate = (env: Env, text: string): string => catalogOf(env)?.get(text) ?? text;

export const LeadMiningRequest = defineModel({
  name: 'crm.iap.lead.mining.request',
  description: 'CRM Lead Mining Request',
  order: 'id desc',
  fields: {
    name: fields.char({ string: 'Request Number', required: true, readonly: true, default: 'New', copy: false }),
    state: fields.selection([['draft', 'Draft'], ['error', 'Error'], ['done', 'Done']], { string: 'Status', required: true, default: 'draft', copy: false }),
    lead_number: fields.integer({ string: 'Number of Leads', required: true, default: 3 }),
    search_type: fields.selection([['companies', 'Companies'], ['people', 'Companies and their Contacts']], { string: 'Target', required: true, default: 'companies' }),
    error_message: fields.text({ string: 'Error', readonly: true, copy: false }),
    provider: fields.char({ string: 'Provider', readonly: true, copy: false, help: 'Where the companies came from (system parameter crm.lead_mining.provider).' }),
    // The leads
    lead_type: fields.selection([['lead', 'Leads'], ['opportunity', 'Opportunities']], {
      string: 'Type', required: true,
      default: async (env: Env) => (await env.model<Users>('res.users').has_group('crm.group_use_lead') ? 'lead' : 'opportunity'),
    }),
    team_id: fields.many2one('crm.team', { string: 'Sales Team', ondelete: 'set null', default: (env: Env) => defaultTeam(env) }),
    user_id: fields.many2one('res.users', { string: 'Salesperson', default: (env: Env) => env.uid }),
    tag_ids: fields.many2many('crm.tag', { string: 'Tags' }),
    lead_ids: fields.one2many('crm.lead', 'lead_mining_request_id', { string: 'Generated Lead / Opportunity' }),
    lead_count: fields.integer({ string: 'Number of Generated Leads', compute: '_compute_lead_count' }),
    // The companies
    filter_on_size: fields.boolean({ string: 'Filter on Size', default: false }),
    company_size_min: fields.integer({ string: 'Size', default: 1 }),
    company_size_max: fields.integer({ string: 'Company Size Max', default: 1000 }),
    country_ids: fields.many2many('res.country', { string: 'Countries', default: (env: Env) => defaultCountries(env) }),
    state_ids: fields.many2many('res.country.state', { string: 'States' }),
    industry_ids: fields.many2many('crm.lead.directory.industry', { string: 'Industries' }),
    // The contacts
    contact_number: fields.integer({ string: 'Number of Contacts', default: 3 }),
    contact_filter_type: fields.selection([['role', 'Role'], ['seniority', 'Seniority']], { string: 'Filter on', default: 'role' }),
    preferred_role_id: fields.many2one('crm.iap.lead.role', { string: 'Preferred Role' }),
    role_ids: fields.many2many('crm.iap.lead.role', { string: 'Other Roles' }),
    seniority_id: fields.many2one('crm.iap.lead.seniority', { string: 'Seniority' }),
  },
  constraints: [{
    fields: ['lead_number', 'contact_number', 'search_type', 'filter_on_size', 'company_size_min', 'company_size_max'],
    check(records: RecordValues[]) {
      for (const r of records) {
        const leads = Number(r.lead_number);
        if (!Number.isInteger(leads) || leads < 1 || leads > MAX_LEAD) {
          throw errors.constraint('crm.iap.lead.mining.request', `The number of leads must be between 1 and ${MAX_LEAD} (it is ${leads}).`, ['lead_number']);
        }
        const contacts = Number(r.contact_number);
        if (r.search_type === 'people' && (contacts < 1 || contacts > MAX_CONTACT)) {
          throw errors.constraint('crm.iap.lead.mining.request', `The number of contacts per company must be between 1 and ${MAX_CONTACT} (it is ${contacts}).`, ['contact_number']);
        }
        if (r.filter_on_size && (Number(r.company_size_min) < 0 || Number(r.company_size_max) < Number(r.company_size_min))) {
          throw errors.constraint('crm.iap.lead.mining.request',
            `The company size must go from a number of employees to a larger one (it is from ${r.company_size_min} to ${r.company_size_max}).`, ['company_size_min', 'company_size_max']);
        }
      }
    },
  }],
  onchange: {
    user_id: '_onchange_user_id',
    country_ids: '_onchange_country_ids',
  },
  methods: (Base) => class extends Base {
    async _compute_lead_count(records: RecordValues[]): Promise<Map<number, unknown>> {
      const rows = await this.env.cr.query<{ id: number; n: number }>(
        'SELECT lead_mining_request_id AS id, count(*)::int AS n FROM crm_lead WHERE lead_mining_request_id = ANY($1::int4[]) GROUP BY lead_mining_request_id',
        [records.map((r) => r.id)]);
      const counts = new Map(rows.map((r) => [r.id, r.n]));
      return new Map(records.map((r) => [r.id, counts.get(r.id) ?? 0]));
    }

    /** The salesperson's team, as on a lead. */
    async _onchange_user_id(values: Record<string, unknown>) {
      const user = m2oId(values.user_id);
      if (!user) return {};
      const team = (await this.env.model<CrmLead>('crm.lead')._default_team([user])).get(user);
      if (!team || m2oId(values.team_id) === team) return {};
      const [row] = await this.env.model('crm.team').sudo().read(team, ['display_name']);
      return { value: { team_id: [team, row.display_name] } };
    }

    /** States of countries no longer chosen go (Odoo clears them all; keeping the others is kinder). */
    async _onchange_country_ids(values: Record<string, unknown>) {
      const states = Array.isArray(values.state_ids) ? values.state_ids as unknown[] : [];
      const stateIds = states.map((s) => m2oId(s)).filter(Boolean) as number[];
      if (!stateIds.length) return {};
      const countries = (Array.isArray(values.country_ids) ? values.country_ids as unknown[] : []).map((c) => m2oId(c)).filter(Boolean) as number[];
      const kept = await this.env.model('res.country.state').search_read([['id', 'in', stateIds], ['country_id', 'in', countries]], ['display_name']);
      if (kept.length === stateIds.length) return {};
      return { value: { state_ids: kept.map((s) => [s.id, s.display_name]) } };
    }

    /** What the request asks for, with the ids and codes a provider may want (a few queries). */
    async _lead_criteria(request: RecordValues): Promise<LeadCriteria> {
      const env = this.env.sudo();
      const countryIds = request.country_ids as number[];
      const countries = countryIds.length ? await env.model('res.country').read(countryIds, ['code']) : [];
      const stateIds = request.state_ids as number[];
      const states = stateIds.length ? await env.cr.query<{ id: number; code: string; country_id: number; country_code: string }>(
        `SELECT s.id, s.code, s.country_id, upper(c.code) AS country_code FROM res_country_state s JOIN res_country c ON c.id = s.country_id
          WHERE s.id = ANY($1::int4[]) ORDER BY s.id`, [stateIds]) : [];
      const industryIds = request.industry_ids as number[];
      const industries = industryIds.length ? await env.cr.query<{ name: string }>(
        'SELECT name FROM crm_lead_directory_industry WHERE id = ANY($1::int4[]) ORDER BY sequence, name', [industryIds]) : [];
      const roleIds = [m2oId(request.preferred_role_id), ...(request.role_ids as number[])].filter(Boolean) as number[];
      const roleRows = roleIds.length ? await env.model('crm.iap.lead.role').read([...new Set(roleIds)], ['reveal_id']) : [];
      const roleKey = new Map(roleRows.map((r) => [r.id, String(r.reveal_id)]));
      const seniorityId = m2oId(request.seniority_id);
      const [seniority] = seniorityId ? await env.model('crm.iap.lead.seniority').read(seniorityId, ['reveal_id']) : [];
      return {
        search_type: request.search_type === 'people' ? 'people' : 'companies',
        country_ids: countryIds,
        country_codes: countries.map((c) => String(c.code).toUpperCase()),
        states,
        industry_ids: industryIds,
        industry_names: industries.map((i) => i.name),
        size_min: request.filter_on_size ? Number(request.company_size_min) || 0 : false,
        size_max: request.filter_on_size ? Number(request.company_size_max) : false,
        contact_number: Math.min(Math.max(Number(request.contact_number) || 1, 1), MAX_CONTACT),
        contact_filter_type: request.contact_filter_type === 'seniority' ? 'seniority' : 'role',
        roles: [...new Set(roleIds.map((id) => roleKey.get(id)).filter((k): k is string => Boolean(k)))],
        seniority: seniority ? String(seniority.reveal_id) : false,
      };
    }

    /** The proposals no lead was made of yet (one query over every lead: archived ones and other
     *  users' count too), without repeats, at most `limit`. */
    async _fresh_proposals(proposals: CompanyProposal[], limit: number): Promise<CompanyProposal[]> {
      const keys = [...new Set(proposals.map((p) => p.key).filter(Boolean))];
      const taken = new Set(keys.length ? (await this.env.cr.query<{ reveal_id: string }>(
        'SELECT DISTINCT reveal_id FROM crm_lead WHERE reveal_id = ANY($1::text[])', [keys])).map((r) => r.reveal_id) : []);
      const seen = new Set<string>();
      return proposals.filter((p) => {
        if (!p.key || !p.name || taken.has(p.key) || seen.has(p.key)) return false;
        seen.add(p.key);
        return true;
      }).slice(0, limit);
    }

    /**
     * Generates the leads: asks the provider for up to `lead_number` companies, makes one lead
     * per company (one create), lets the provider claim them, marks the request done and opens
     * the leads. Fewer companies than asked: the leads made, and a notification that says so;
     * none: an error (nothing is made, the request stays a draft). A provider that fails leaves
     * the request in error, with its message.
     */
    async action_submit(ids: number[] | number): Promise<Values> {
      const id = Array.isArray(ids) ? ids[0] : ids;
      const [request] = await this.read(id, [
        'name', 'state', 'lead_number', 'search_type', 'lead_type', 'team_id', 'user_id', 'tag_ids', 'filter_on_size', 'company_size_min',
        'company_size_max', 'country_ids', 'state_ids', 'industry_ids', 'contact_number', 'contact_filter_type', 'preferred_role_id', 'role_ids', 'seniority_id',
      ]);
      if (!request) throw errors.missing(this.meta.name, [id]);
      if (request.state === 'done') throw errors.userError(`The request ${request.name} was already submitted: its leads are made.`);
      const criteria = await this._lead_criteria(request);
      const { name: providerName, provider } = await currentLeadProvider(this.env);
      const limit = Number(request.lead_number);
      let proposals: CompanyProposal[];
      try {
        // The provider's own work is undone if it fails; the request then keeps the error.
        proposals = await this.env.cr.savepoint(() => provider.search(this.env, criteria, limit));
      } catch (error) {
        const message = (error as Error).message;
        await this.write(id, { state: 'error', error_message: message, provider: providerName });
        return {
          type: 'ir.actions.client', tag: 'display_notification',
          params: { type: 'danger', sticky: true, title: translate(this.env, 'Lead generation failed'), message: `${translate(this.env, 'Your request could not be executed:')} ${message}` },
        };
      }
      const fresh = await this._fresh_proposals(Array.isArray(proposals) ? proposals : [], limit);
      if (!fresh.length) throw errors.userError('Your request did not return any result. Try removing some filters.');
      const values = await leadValues(this.env, fresh, {
        requestId: id, type: request.lead_type === 'lead' ? 'lead' : 'opportunity', teamId: m2oId(request.team_id), userId: m2oId(request.user_id),
        tagIds: request.tag_ids as number[], people: criteria.search_type === 'people',
      });
      const leadIds = await this.env.model('crm.lead').create(values) as number[];
      await provider.claim?.(this.env, fresh, leadIds);
      await this.write(id, {
        state: 'done', error_message: false, provider: providerName,
        ...(request.name === 'New' ? { name: `${translate(this.env, 'Request')} ${String(id).padStart(4, '0')}` } : {}),
      });
      const action = await this.action_get_lead_action(id);
      if (fresh.length >= limit) return action;
      const message = translate(this.env, 'Companies found: {found} of the {asked} asked for. A lead was made for each.')
        .replaceAll('{found}', String(fresh.length)).replaceAll('{asked}', String(limit));
      return {
        type: 'ir.actions.client', tag: 'display_notification',
        params: { type: 'warning', sticky: false, title: translate(this.env, 'Fewer leads than asked'), message, next: action },
      };
    }

    /** Back to a draft after an error (Odoo's `action_draft`), to change it and submit again. */
    async action_draft(ids: number[] | number): Promise<true> {
      const list = Array.isArray(ids) ? ids : [ids];
      await this.write(list, { state: 'draft', error_message: false });
      return true;
    }

    /** The leads (or opportunities) the request made, in the Leads (or Pipeline) screens. */
    async action_get_lead_action(ids: number[] | number): Promise<Values> {
      const list = Array.isArray(ids) ? ids : [ids];
      const [request] = await this.read(list[0], ['lead_type']);
      const type = request?.lead_type === 'lead' ? 'lead' : 'opportunity';
      const leadIds = await this.env.model('crm.lead').with_context({ active_test: false }).search([['lead_mining_request_id', 'in', list]], { order: 'id' });
      const xmlid = type === 'lead' ? 'crm.crm_lead_all_leads' : 'crm.crm_lead_action_pipeline';
      const loaded = await (this.env.model('ir.actions.act_window') as Model & { load_action(ref: string): Promise<Values | false> }).load_action(xmlid);
      const base: Values = loaded || { type: 'ir.actions.act_window', name: type === 'lead' ? 'Leads' : 'Opportunities', res_model: 'crm.lead', view_mode: 'tree,kanban,form' };
      // The request's leads, whoever they are assigned to: without the screens' default filters.
      return { ...base, domain: [['id', 'in', leadIds], ['type', '=', type]], context: { default_type: type } };
    }
  },
});
