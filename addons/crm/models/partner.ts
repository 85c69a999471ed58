// What CRM adds to contacts (res.partner): their sales team, their opportunities and meetings,
// with counts for the smart buttons of the customer form.

import { extendModel, fields, type RecordValues } from '../../../core/index.ts';

export const PartnerCrm = extendModel('res.partner', {
  fields: {
    team_id: fields.many2one('crm.team', { string: 'Sales Team', ondelete: 'set null', help: 'If set, this Sales Team will be used for sales and assignments related to this partner' }),
    opportunity_ids: fields.one2many('crm.lead', 'partner_id', { string: 'Opportunities' }),
    opportunity_count: fields.integer({ string: 'Opportunity Count', compute: '_compute_opportunity_count' }),
    meeting_count: fields.integer({ string: '# Meetings', compute: '_compute_meeting_count' }),
  },
  methods: (Base) => class extends Base {
    /** Opportunities of the partner and of its contacts (a company counts its people's). */
    async _compute_opportunity_count(records: RecordValues[]): Promise<Map<number, unknown>> {
      const rows = await this.env.cr.query<{ id: number; n: number }>(
        `SELECT p.id, count(l.id)::int AS n FROM res_partner p
           JOIN res_partner c ON c.id = p.id OR c.parent_id = p.id OR c.commercial_partner_id = p.id
           JOIN crm_lead l ON l.partner_id = c.id AND l.active AND l.type = 'opportunity'
          WHERE p.id = ANY($1::int4[]) GROUP BY p.id`, [records.map((r) => r.id)]);
      const counts = new Map(rows.map((r) => [r.id, r.n]));
      return new Map(records.map((r) => [r.id, counts.get(r.id) ?? 0]));
    }

    async _compute_meeting_count(records: RecordValues[]): Promise<Map<number, unknown>> {
      const rows = await this.env.cr.query<{ id: number; n: number }>(
        `SELECT r.res_partner_id AS id, count(DISTINCT e.id)::int AS n FROM calendar_event_res_partner_rel r
           JOIN calendar_event e ON e.id = r.calendar_event_id AND e.active
          WHERE r.res_partner_id = ANY($1::int4[]) GROUP BY r.res_partner_id`, [records.map((r) => r.id)]);
      const counts = new Map(rows.map((r) => [r.id, r.n]));
      return new Map(records.map((r) => [r.id, counts.get(r.id) ?? 0]));
    }

    /** The "Opportunities" smart button. */
    async action_view_opportunity(ids: number[]) {
      return {
        type: 'ir.actions.act_window', name: 'Opportunities', res_model: 'crm.lead', view_mode: 'kanban,tree,form',
        views: [[false, 'kanban'], [false, 'list'], [false, 'form']],
        domain: [['type', '=', 'opportunity'], '|', '|', ['partner_id', 'in', ids], ['partner_id.parent_id', 'in', ids], ['partner_id.commercial_partner_id', 'in', ids]],
        context: { default_type: 'opportunity', default_partner_id: ids[0] },
      };
    }

    /** The "Meetings" smart button. */
    async schedule_meeting(ids: number[]) {
      return {
        type: 'ir.actions.act_window', name: 'Meetings', res_model: 'calendar.event', view_mode: 'calendar,tree,form',
        views: [[false, 'calendar'], [false, 'list'], [false, 'form']],
        domain: [['partner_ids', 'in', ids]],
        context: { default_partner_ids: ids },
      };
    }
  },
});
