// crm.lead.lost: the "Lost" dialog (Odoo 17's wizard). It marks the leads lost with the reason
// chosen and, when the user wrote a closing note, posts it in each lead's chatter with the reason.
// As in Odoo, any lead can be marked lost, won ones included.

import { defineModel, errors, fields, type Env } from '../../../core/index.ts';
import { escapeHtml } from '../../../core/addons/mail/mixins.ts';
import type { MailThread } from '../../../core/addons/mail/mixins.ts';
import type { CrmLead } from '../models/lead.ts';
import { idOf, idsOf } from '../lib/kwargs.ts';

/** The records a wizard opened from a list or a form works on (`active_ids` of crm.lead). */
export const activeLeadIds = (env: Env): number[] =>
  (!env.context.active_model || env.context.active_model === 'crm.lead' ? idsOf(env.context.active_ids ?? env.context.active_id) : []);

const htmlIsEmpty = (value: unknown): boolean =>
  typeof value !== 'string' || !value.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim();

export const LeadLost = defineModel({
  name: 'crm.lead.lost',
  description: 'Get Lost Reason',
  transient: true,
  fields: {
    lead_ids: fields.many2many('crm.lead', {
      string: 'Leads', relation: 'crm_lead_crm_lead_lost_rel', column1: 'crm_lead_lost_id', column2: 'crm_lead_id',
      default: (env: Env) => activeLeadIds(env),
    }),
    lost_reason_id: fields.many2one('crm.lost.reason', { string: 'Lost Reason', ondelete: 'cascade' }),
    lost_feedback: fields.html({ string: 'Closing Note' }),
  },
  methods: (Base) => class extends Base {
    /** Marks the leads lost with the reason; the closing note goes to their chatter first. */
    async action_lost_reason_apply(ids: number[] | number): Promise<true> {
      const id = Array.isArray(ids) ? ids[0] : ids;
      const [wizard] = await this.with_context({ active_test: false }).read(id, ['lead_ids', 'lost_reason_id', 'lost_feedback']);
      if (!wizard) throw errors.missing(this.meta.name, [id]);
      const leadIds = wizard.lead_ids as number[];
      if (!leadIds.length) throw errors.userError('Select the leads to mark as lost.');
      const reason = idOf(wizard.lost_reason_id);
      const leads = this.env.model<CrmLead & MailThread>('crm.lead').with_context({ active_test: false });
      if (!htmlIsEmpty(wizard.lost_feedback)) {
        const reasonLine = reason ? `<p>Lost Reason: ${escapeHtml(String((wizard.lost_reason_id as [number, string])[1]))}</p>` : '';
        await leads.message_post(leadIds, { body: `${reasonLine}${String(wizard.lost_feedback)}`, message_type: 'comment', subtype: 'note' });
      }
      return leads.action_set_lost(leadIds, { lost_reason_id: reason });
    }
  },
});
