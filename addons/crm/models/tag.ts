// crm.tag (tags of leads) and crm.lost.reason (why a deal was lost), as in Odoo 17.

import { defineModel, fields } from '../../../core/index.ts';

export const Tag = defineModel({
  name: 'crm.tag',
  description: 'CRM Tag',
  order: 'name',
  fields: {
    name: fields.char({ string: 'Tag Name', required: true, translate: true }),
    color: fields.integer({ string: 'Color', default: () => 1 + Math.floor(Math.random() * 11) }),
  },
  sqlConstraints: [{ name: 'name_uniq', definition: 'unique(name)', message: 'Tag name already exists!' }],
});

export const LostReason = defineModel({
  name: 'crm.lost.reason',
  description: 'Opp. Lost Reason',
  order: 'name',
  fields: {
    name: fields.char({ string: 'Description', required: true, translate: true }),
    active: fields.boolean({ string: 'Active', default: true }),
    leads_count: fields.integer({ string: 'Leads Count', compute: '_compute_leads_count' }),
  },
  methods: (Base) => class extends Base {
    async _compute_leads_count(records: Array<{ id: number }>): Promise<Map<number, unknown>> {
      const rows = await this.env.cr.query<{ id: number; n: number }>(
        'SELECT lost_reason_id AS id, count(*)::int AS n FROM crm_lead WHERE lost_reason_id = ANY($1::int4[]) GROUP BY lost_reason_id', [records.map((r) => r.id)]);
      const counts = new Map(rows.map((r) => [r.id, r.n]));
      return new Map(records.map((r) => [r.id, counts.get(r.id) ?? 0]));
    }

    /** The smart button of a lost reason: its lost leads. */
    async action_lost_leads(ids: number[]) {
      return {
        type: 'ir.actions.act_window', name: 'Leads', res_model: 'crm.lead', view_mode: 'tree,form',
        views: [[false, 'list'], [false, 'form']],
        domain: [['lost_reason_id', 'in', ids], ['active', '=', false]], context: { create: false, active_test: false },
      };
    }
  },
});

export const RecurringPlan = defineModel({
  name: 'crm.recurring.plan',
  description: 'CRM Recurring revenue plans',
  order: 'sequence, id',
  fields: {
    name: fields.char({ string: 'Plan Name', required: true, translate: true }),
    number_of_months: fields.integer({ string: '# Months', required: true }),
    active: fields.boolean({ string: 'Active', default: true }),
    sequence: fields.integer({ string: 'Sequence', default: 10 }),
  },
  sqlConstraints: [{ name: 'check_number_of_months', definition: 'check(number_of_months >= 0)', message: 'The number of month can\'t be negative.' }],
});
