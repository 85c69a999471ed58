// crm.merge.opportunity: "Merge" on leads and opportunities selected in a list (Odoo 17's
// wizard). Won ones are left out of the selection; the salesperson and team chosen go to the
// result, whose form opens.

import { defineModel, errors, fields, type Env, type Values } from '../../../core/index.ts';
import type { CrmLeadConvert } from '../models/lead_convert.ts';
import type { CrmLeadMerge } from '../models/lead_merge.ts';
import { idOf } from '../lib/kwargs.ts';
import { teamOfUser } from '../lib/team_of_user.ts';
import { activeLeadIds } from './lead_lost.ts';

/** The selected records that are not won (probability below 100, as Odoo filters them). */
async function mergeableLeads(env: Env): Promise<number[]> {
  const ids = activeLeadIds(env);
  if (!ids.length) return [];
  return env.model('crm.lead').with_context({ active_test: false }).search([['id', 'in', ids], ['probability', '<', 100]], { order: 'id' });
}

export const MergeOpportunity = defineModel({
  name: 'crm.merge.opportunity',
  description: 'Merge Opportunities',
  transient: true,
  fields: {
    opportunity_ids: fields.many2many('crm.lead', {
      string: 'Leads/Opportunities', relation: 'merge_opportunity_rel', column1: 'merge_id', column2: 'opportunity_id',
      default: mergeableLeads,
    }),
    user_id: fields.many2one('res.users', { string: 'Salesperson', ondelete: 'cascade' }),
    team_id: fields.many2one('crm.team', { string: 'Sales Team', ondelete: 'cascade' }),
  },
  onchange: { user_id: '_onchange_user_id' },
  methods: (Base) => class extends Base {
    async _onchange_user_id(values: Values) {
      return { value: { team_id: await teamOfUser(this.env, idOf(values.user_id), idOf(values.team_id)) } };
    }

    /** Merges the records and opens the result. */
    async action_merge(ids: number[] | number): Promise<Values> {
      const id = Array.isArray(ids) ? ids[0] : ids;
      const [wizard] = await this.with_context({ active_test: false }).read(id, ['opportunity_ids', 'user_id', 'team_id']);
      if (!wizard) throw errors.missing(this.meta.name, [id]);
      const leads = this.env.model<CrmLeadMerge & CrmLeadConvert>('crm.lead');
      const result = await leads.merge_opportunity(wizard.opportunity_ids as number[], { user_id: idOf(wizard.user_id), team_id: idOf(wizard.team_id) });
      return leads.redirect_lead_opportunity_view(result);
    }
  },
});
