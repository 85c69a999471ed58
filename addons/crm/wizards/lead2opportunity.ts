// crm.lead2opportunity.partner: the "Convert to Opportunity" dialog of a lead (Odoo 17's wizard).
// It proposes to convert the lead, or to merge it with its duplicates (leads and opportunities of
// the same email or customer that are not won) and convert the result; the customer is created
// from the lead, chosen among the contacts, or left empty; the salesperson and team are assigned.
// A won or lost (archived) lead is refused with a message that says so.

import { defineModel, errors, fields, type Env, type Values } from '../../../core/index.ts';
import type { CrmLead } from '../models/lead.ts';
import type { CrmLeadConvert } from '../models/lead_convert.ts';
import type { CrmLeadMerge } from '../models/lead_merge.ts';
import { idOf, x2manyIds } from '../lib/kwargs.ts';
import { teamOfUser } from '../lib/team_of_user.ts';

type Leads = CrmLead & CrmLeadConvert & CrmLeadMerge;
const leadsOf = (env: Env): Leads => env.model<Leads>('crm.lead').with_context({ active_test: false });

export const CONVERT_ACTIONS: Array<[string, string]> = [
  ['create', 'Create a new customer'], ['exist', 'Link to an existing customer'], ['nothing', 'Do not link to a customer'],
];

/** The fields that follow from the lead (Odoo's computed fields of the wizard). */
const FROM_LEAD = ['action', 'partner_id', 'duplicated_lead_ids', 'name', 'user_id', 'team_id'];

/** The wizard's values for a lead, keeping those already `given` (Odoo's computes, in order). */
export async function valuesForLead(env: Env, leadId: number | false, given: Values = {}): Promise<Values> {
  const out: Values = { ...given };
  if (!leadId) return { action: 'nothing', partner_id: false, duplicated_lead_ids: [], name: 'convert', ...given };
  const leads = leadsOf(env);
  const [lead] = await leads.read(leadId, ['contact_name', 'email_from', 'user_id', 'team_id']);
  if (!lead) return out;
  let matching: number | false | undefined;
  const match = async () => (matching ??= await leads._find_matching_partner(leadId));
  if (out.action === undefined) out.action = (await match()) ? 'exist' : lead.contact_name ? 'create' : 'nothing';
  if (out.partner_id === undefined) out.partner_id = out.action === 'exist' ? await match() : false;
  if (out.duplicated_lead_ids === undefined) {
    out.duplicated_lead_ids = await leads._get_lead_duplicates(idOf(out.partner_id), (lead.email_from as string) || false, true);
  }
  if (out.name === undefined) out.name = x2manyIds(out.duplicated_lead_ids).length >= 2 ? 'merge' : 'convert';
  if (out.user_id === undefined) out.user_id = idOf(lead.user_id);
  if (out.team_id === undefined) out.team_id = idOf(lead.team_id);
  return out;
}

/** Refuses to convert a won or lost lead, naming it. */
async function checkConvertible(env: Env, leadId: number): Promise<void> {
  const [lead] = await leadsOf(env).read(leadId, ['name', 'active', 'probability', 'won_status']);
  if (!lead) throw errors.missing('crm.lead', [leadId]);
  if (lead.won_status === 'won' || Number(lead.probability) >= 100) {
    throw errors.userError(`"${String(lead.name)}" is won: a won lead cannot be converted into an opportunity.`);
  }
  if (!lead.active) throw errors.userError(`"${String(lead.name)}" is lost (archived): restore it before converting it into an opportunity.`);
}

export interface ConvertOptions {
  /** create / exist / nothing, or each_exist_or_create (mass conversion). */
  action: string;
  partnerId: number | false;
  userIds: number[];
  teamId: number | false;
  forceAssignment: boolean;
}

/** Odoo's `_convert_and_allocate`: the customer of each active lead, the conversion, then the
 *  salespeople (only on leads without one unless forced) and the team. */
export async function convertAndAllocate(env: Env, leadIds: number[], options: ConvertOptions): Promise<void> {
  const leads = leadsOf(env);
  const rows = await leads.read(leadIds, ['active', 'partner_id']);
  // New customers get the salesperson chosen (Odoo passes it as default_user_id).
  const withUser = options.userIds[0] ? leads.with_context({ default_user_id: options.userIds[0] }) : leads;
  for (const row of rows) {
    if (!row.active || options.action === 'nothing') continue;
    let action = options.action;
    let partner = options.partnerId || idOf(row.partner_id);
    if (action === 'each_exist_or_create') {
      partner = await leads._find_matching_partner(row.id, true);
      action = 'create';
    }
    await withUser._handle_partner_assignment([row.id], { force_partner_id: partner, create_missing: action === 'create' });
  }
  await leads.convert_opportunity(leadIds, false);
  const toAllocate = options.forceAssignment ? leadIds
    : (await leads.read(leadIds, ['user_id'])).filter((r) => !r.user_id).map((r) => r.id);
  if (toAllocate.length && (options.userIds.length || options.teamId)) {
    await leads._handle_salesmen_assignment(toAllocate, options.userIds, options.teamId);
  }
}

/** Odoo's `_action_merge`: the lead and its duplicates merged, the result restored when it was
 *  lost, converted (a lead) or given the salesperson (an opportunity), the others deleted. */
export async function mergeAndConvert(env: Env, toMerge: number[], options: ConvertOptions): Promise<number> {
  const leads = leadsOf(env);
  const result = await leads.merge_opportunity(toMerge, { auto_unlink: false });
  const [merged] = await leads.read(result, ['active', 'type', 'user_id']);
  if (!merged.active) await leads.action_restore([result]);
  if (merged.type === 'lead') await convertAndAllocate(env, [result], options);
  else if (!merged.user_id || options.forceAssignment) {
    await leads.write(result, { user_id: options.userIds[0] || false, team_id: options.teamId });
  }
  const others = toMerge.filter((id) => id !== result);
  if (others.length) await leads.sudo().unlink(others);
  return result;
}

export const Lead2Opportunity = defineModel({
  name: 'crm.lead2opportunity.partner',
  description: 'Convert Lead to Opportunity (not in mass)',
  transient: true,
  fields: {
    name: fields.selection([['convert', 'Convert to opportunity'], ['merge', 'Merge with existing opportunities']], { string: 'Conversion Action', required: true }),
    action: fields.selection(CONVERT_ACTIONS, { string: 'Related Customer', required: true }),
    lead_id: fields.many2one('crm.lead', { string: 'Associated Lead', required: true, ondelete: 'cascade' }),
    duplicated_lead_ids: fields.many2many('crm.lead', {
      string: 'Opportunities', relation: 'crm_convert_lead_duplicate_rel', column1: 'wizard_id', column2: 'lead_id',
    }),
    partner_id: fields.many2one('res.partner', { string: 'Customer', ondelete: 'cascade' }),
    user_id: fields.many2one('res.users', { string: 'Salesperson', ondelete: 'cascade' }),
    team_id: fields.many2one('crm.team', { string: 'Sales Team', ondelete: 'cascade' }),
    force_assignment: fields.boolean({ string: 'Force assignment', default: true, help: 'If checked, forces salesman to be updated on updated opportunities even if already set.' }),
  },
  onchange: {
    lead_id: '_onchange_lead_id',
    action: '_onchange_action',
    partner_id: '_onchange_partner_id',
    user_id: '_onchange_user_id',
  },
  methods: (Base) => class extends Base {
    /** The lead comes from `default_lead_id`, else from `active_id` (the form the dialog opened on). */
    override async default_get(names: string[]): Promise<Values> {
      const defaults = await super.default_get(names);
      const lead = idOf(defaults.lead_id) || idOf(activeLead(this.env));
      if (names.includes('lead_id')) defaults.lead_id = lead;
      const wanted = FROM_LEAD.filter((name) => names.includes(name) && defaults[name] === undefined);
      if (wanted.length) {
        const computed = await valuesForLead(this.env, lead, pick(defaults, FROM_LEAD));
        for (const name of wanted) defaults[name] = computed[name];
      }
      return defaults;
    }

    /** A wizard created with only its lead (as external clients do) gets the rest from the lead. */
    override async create(vals: Values | Values[]): Promise<any> {
      const list = await Promise.all((Array.isArray(vals) ? vals : [vals]).map(async (v) => {
        const lead = idOf(v.lead_id);
        return lead && FROM_LEAD.some((name) => v[name] === undefined) ? valuesForLead(this.env, lead, v) : v;
      }));
      const ids = await super.create(list) as number[];
      return Array.isArray(vals) ? ids : ids[0];
    }

    async _onchange_lead_id(values: Values) {
      return { value: await valuesForLead(this.env, idOf(values.lead_id)) };
    }

    async _onchange_action(values: Values) {
      const lead = idOf(values.lead_id);
      const partner = values.action === 'exist' && lead ? await leadsOf(this.env)._find_matching_partner(lead) : false;
      return { value: { partner_id: partner } };
    }

    async _onchange_partner_id(values: Values) {
      const lead = idOf(values.lead_id);
      if (!lead) return {};
      const [row] = await leadsOf(this.env).read(lead, ['email_from']);
      return { value: { duplicated_lead_ids: await leadsOf(this.env)._get_lead_duplicates(idOf(values.partner_id), (row?.email_from as string) || false, true) } };
    }

    async _onchange_user_id(values: Values) {
      return { value: { team_id: await teamOfUser(this.env, idOf(values.user_id), idOf(values.team_id)) } };
    }

    /** Converts, or merges then converts; opens the resulting opportunity. */
    async action_apply(ids: number[] | number): Promise<Values> {
      const id = Array.isArray(ids) ? ids[0] : ids;
      const [wizard] = await this.with_context({ active_test: false }).read(id, ['name', 'action', 'lead_id', 'duplicated_lead_ids', 'partner_id', 'user_id', 'team_id', 'force_assignment']);
      if (!wizard) throw errors.missing(this.meta.name, [id]);
      const leadId = idOf(wizard.lead_id) as number;
      await checkConvertible(this.env, leadId);
      const options: ConvertOptions = {
        action: String(wizard.action), partnerId: idOf(wizard.partner_id), userIds: [idOf(wizard.user_id)].filter(Boolean) as number[],
        teamId: idOf(wizard.team_id), forceAssignment: Boolean(wizard.force_assignment),
      };
      let result = leadId;
      if (wizard.name === 'merge') {
        const toMerge = [...new Set([leadId, ...x2manyIds(wizard.duplicated_lead_ids)])];
        result = await mergeAndConvert(this.env, toMerge, options);
      } else {
        await convertAndAllocate(this.env, [leadId], options);
      }
      return leadsOf(this.env).redirect_lead_opportunity_view(result);
    }
  },
});

/** `active_id` when the dialog was opened on a lead. */
export const activeLead = (env: Env): unknown =>
  (!env.context.active_model || env.context.active_model === 'crm.lead' ? env.context.active_id : false);

const pick = (values: Values, names: string[]): Values =>
  Object.fromEntries(names.filter((n) => values[n] !== undefined).map((n) => [n, values[n]]));

