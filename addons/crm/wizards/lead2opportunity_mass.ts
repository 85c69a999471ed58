// crm.lead2opportunity.partner.mass: "Convert to Opportunities" on leads selected in a list
// (Odoo 17's mass wizard). Each lead may first be merged with its duplicates (deduplicate), then
// gets its customer (the contact with its email, else a new one, by default), is converted and
// given the salespeople chosen round-robin. Won and lost leads are left as they are.

import { defineModel, errors, fields, type Env, type Values } from '../../../core/index.ts';
import type { CrmLead } from '../models/lead.ts';
import type { CrmLeadConvert } from '../models/lead_convert.ts';
import type { CrmLeadMerge } from '../models/lead_merge.ts';
import { idOf, x2manyIds } from '../lib/kwargs.ts';
import { teamOfUser } from '../lib/team_of_user.ts';
import { activeLeadIds } from './lead_lost.ts';
import { CONVERT_ACTIONS, convertAndAllocate, type ConvertOptions } from './lead2opportunity.ts';

type Leads = CrmLead & CrmLeadConvert & CrmLeadMerge;
const leadsOf = (env: Env): Leads => env.model<Leads>('crm.lead').with_context({ active_test: false });

/** The lead's duplicates among open leads and opportunities (its own customer's, or its email's). */
async function openDuplicates(env: Env, lead: { partner_id: unknown; email_from: unknown; partner_email?: unknown }): Promise<number[]> {
  const email = (lead.partner_email || lead.email_from || false) as string | false;
  return leadsOf(env)._get_lead_duplicates(idOf(lead.partner_id), email, false);
}

interface LeadContact { id: number; partner_id: unknown; email_from: unknown; partner_email: unknown }

/** The leads to convert with their customer's email (Odoo looks duplicates up by it). */
async function readLeads(env: Env, ids: number[]): Promise<LeadContact[]> {
  const rows = await leadsOf(env).read(ids, ['partner_id', 'email_from']);
  const partners = [...new Set(rows.map((r) => idOf(r.partner_id)).filter(Boolean))] as number[];
  const emails = new Map((partners.length ? await env.model('res.partner').with_context({ active_test: false }).read(partners, ['email']) : [])
    .map((p) => [p.id, p.email]));
  return rows.map((r) => ({ id: r.id, partner_id: r.partner_id, email_from: r.email_from, partner_email: emails.get(idOf(r.partner_id) || 0) || false }));
}

export const Lead2OpportunityMass = defineModel({
  name: 'crm.lead2opportunity.partner.mass',
  description: 'Convert Lead to Opportunity (in mass)',
  transient: true,
  fields: {
    name: fields.selection([['convert', 'Convert to opportunity'], ['merge', 'Merge with existing opportunities']], { string: 'Conversion Action', required: true, default: 'convert' }),
    action: fields.selection([...CONVERT_ACTIONS, ['each_exist_or_create', 'Use existing partner or create']], { string: 'Related Customer', required: true, default: 'each_exist_or_create' }),
    lead_tomerge_ids: fields.many2many('crm.lead', {
      string: 'Active Leads', relation: 'crm_convert_lead_mass_lead_rel', column1: 'wizard_id', column2: 'lead_id',
      default: (env: Env) => activeLeadIds(env),
    }),
    duplicated_lead_ids: fields.many2many('crm.lead', {
      string: 'Duplicated leads', compute: '_compute_duplicated_lead_ids', depends: ['lead_tomerge_ids'],
      help: 'The leads selected that have duplicates (merged with them when deduplicating).',
    }),
    partner_id: fields.many2one('res.partner', { string: 'Customer', ondelete: 'cascade' }),
    user_ids: fields.many2many('res.users', { string: 'Salespersons', relation: 'crm_convert_lead_mass_user_rel', column1: 'wizard_id', column2: 'user_id' }),
    team_id: fields.many2one('crm.team', { string: 'Sales Team', ondelete: 'cascade' }),
    deduplicate: fields.boolean({ string: 'Apply deduplication', default: true, help: 'Merge with existing leads/opportunities of each partner' }),
    force_assignment: fields.boolean({ string: 'Force assignment', default: false, help: 'If checked, forces salesman to be updated on updated opportunities even if already set.' }),
  },
  onchange: { user_ids: '_onchange_user_ids' },
  methods: (Base) => class extends Base {
    async _compute_duplicated_lead_ids(records: Values[]): Promise<Map<number, unknown>> {
      const result = new Map<number, unknown>();
      for (const record of records) {
        const leads = await readLeads(this.env, x2manyIds(record.lead_tomerge_ids));
        const withDuplicates: number[] = [];
        for (const lead of leads) if ((await openDuplicates(this.env, lead)).length > 1) withDuplicates.push(lead.id);
        result.set(record.id as number, withDuplicates);
      }
      return result;
    }

    async _onchange_user_ids(values: Values) {
      const [user] = x2manyIds(values.user_ids);
      return { value: { team_id: await teamOfUser(this.env, user ?? this.env.uid, idOf(values.team_id)) } };
    }

    /** Merges each lead with its duplicates when asked, then converts them all; opens the first. */
    async action_mass_convert(ids: number[] | number): Promise<Values> {
      const id = Array.isArray(ids) ? ids[0] : ids;
      const [wizard] = await this.with_context({ active_test: false }).read(id, ['name', 'action', 'lead_tomerge_ids', 'partner_id', 'user_ids', 'team_id', 'deduplicate', 'force_assignment']);
      if (!wizard) throw errors.missing(this.meta.name, [id]);
      // In the order of the selection (the field reads in the leads' order).
      const given = activeLeadIds(this.env);
      const rank = (lead: number) => (given.includes(lead) ? given.indexOf(lead) : given.length + lead);
      let leadIds = (wizard.lead_tomerge_ids as number[]).slice().sort((x, y) => rank(x) - rank(y));
      if (!leadIds.length) throw errors.userError('Select the leads to convert.');
      if (wizard.name === 'convert' && wizard.deduplicate) {
        const merged = new Set<number>();
        const remaining: number[] = [];
        for (const lead of await readLeads(this.env, leadIds)) {
          if (merged.has(lead.id)) continue;
          const duplicates = await openDuplicates(this.env, lead);
          if (duplicates.length <= 1) continue;
          remaining.push(await leadsOf(this.env).merge_opportunity(duplicates));
          for (const duplicate of duplicates) merged.add(duplicate);
        }
        // The leads in the order given, then the results of the merges.
        leadIds = [...new Set([...leadIds.filter((lead) => !merged.has(lead)), ...remaining])];
      }
      const options: ConvertOptions = {
        action: String(wizard.action), partnerId: idOf(wizard.partner_id), userIds: wizard.user_ids as number[],
        teamId: idOf(wizard.team_id), forceAssignment: Boolean(wizard.force_assignment),
      };
      await convertAndAllocate(this.env, leadIds, options);
      return leadsOf(this.env).redirect_lead_opportunity_view(leadIds[0]);
    }
  },
});
