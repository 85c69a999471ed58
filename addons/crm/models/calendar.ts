// Meetings of an opportunity: calendar.event gets the opportunity it was scheduled from, and the
// lead gets its meetings and the next one (shown on the form).

import { extendModel, fields, now, type RecordValues, type Values } from '../../../core/index.ts';

export const CalendarEventCrm = extendModel('calendar.event', {
  fields: {
    opportunity_id: fields.many2one('crm.lead', { string: 'Opportunity', index: true, ondelete: 'set null' }),
  },
  methods: (Base) => class extends Base {
    /** A meeting created from an opportunity is also linked to it as a document (its chatter). */
    override async create(vals: Values | Values[]): Promise<any> {
      const list = (Array.isArray(vals) ? vals : [vals]).map((v) => {
        const lead = v.opportunity_id ?? this.env.context.default_opportunity_id;
        return lead && !v.res_model ? { ...v, opportunity_id: lead, res_model: 'crm.lead', res_id: lead } : v;
      });
      const ids = await super.create(list) as number[];
      return Array.isArray(vals) ? ids : ids[0];
    }
  },
});

export const LeadMeetings = extendModel('crm.lead', {
  fields: {
    calendar_event_ids: fields.one2many('calendar.event', 'opportunity_id', { string: 'Meetings' }),
    calendar_event_count: fields.integer({ string: '# Meetings', compute: '_compute_meeting_display' }),
    meeting_display_date: fields.date({ string: 'Meeting Display Date', compute: '_compute_meeting_display_date' }),
    meeting_display_label: fields.char({ string: 'Meeting Display Label', compute: '_compute_meeting_display_label' }),
  },
  methods: (Base) => class extends Base {
    /** Per lead: number of meetings, the next one to come (else the last one), for the form. */
    _meetings(records: RecordValues[]): Promise<Map<number, { count: number; next: string | null; last: string | null }>> {
      // The three meeting fields of a read share one query.
      return this._shared(`meetings:${records.map((r) => r.id).join(',')}`, () => this._read_meetings(records));
    }

    async _read_meetings(records: RecordValues[]): Promise<Map<number, { count: number; next: string | null; last: string | null }>> {
      const at = now(this.env.context).toISOString().slice(0, 19).replace('T', ' ');
      const rows = await this.env.cr.query<{ id: number; count: number; next: string | null; last: string | null }>(
        `SELECT opportunity_id AS id, count(*)::int AS count,
                to_char(min(start) FILTER (WHERE start >= $2::timestamp), 'YYYY-MM-DD') AS next,
                to_char(max(start) FILTER (WHERE start < $2::timestamp), 'YYYY-MM-DD') AS last
           FROM calendar_event WHERE opportunity_id = ANY($1::int4[]) AND active GROUP BY opportunity_id`, [records.map((r) => r.id), at]);
      return new Map(rows.map((r) => [r.id, r]));
    }

    async _compute_meeting_display(records: RecordValues[]): Promise<Map<number, unknown>> {
      const meetings = await this._meetings(records);
      return new Map(records.map((r) => [r.id, meetings.get(r.id)?.count ?? 0]));
    }

    async _compute_meeting_display_date(records: RecordValues[]): Promise<Map<number, unknown>> {
      const meetings = await this._meetings(records);
      return new Map(records.map((r) => [r.id, meetings.get(r.id)?.next ?? meetings.get(r.id)?.last ?? false]));
    }

    async _compute_meeting_display_label(records: RecordValues[]): Promise<Map<number, unknown>> {
      const meetings = await this._meetings(records);
      return new Map(records.map((r) => {
        const m = meetings.get(r.id);
        return [r.id, !m ? 'No Meeting' : m.next ? 'Next Meeting' : 'Last Meeting'];
      }));
    }

    /** The "Meeting" smart button: the calendar, with new meetings linked to this opportunity. */
    async action_schedule_meeting(ids: number[]) {
      const [lead] = await this.read(ids[0], ['partner_id', 'name', 'team_id']);
      const [me] = await this.env.cr.query<{ partner_id: number }>('SELECT partner_id FROM res_users WHERE id = $1', [this.env.uid]);
      const partners = [me?.partner_id ?? false, Array.isArray(lead.partner_id) ? lead.partner_id[0] : false].filter(Boolean);
      return {
        type: 'ir.actions.act_window', name: 'Meetings', res_model: 'calendar.event', view_mode: 'calendar,tree,form',
        views: [[false, 'calendar'], [false, 'list'], [false, 'form']],
        domain: [['opportunity_id', '=', ids[0]]],
        context: { default_opportunity_id: ids[0], default_partner_ids: partners, default_name: lead.name, default_res_model: 'crm.lead', default_res_id: ids[0] },
      };
    }
  },
});
