// crm.team: a sales team with its leader, members, target and pipeline figures (the team
// dashboard: one card per team). Members are crm.team.member rows, so each member carries an
// assignment domain and maximum (rule-based assignment).

import { defineModel, fields, now, type ComputeFn, type Env, type RecordValues } from '../../../core/index.ts';

type DashboardField = 'opportunities_count' | 'opportunities_amount' | 'opportunities_overdue_count'
  | 'opportunities_overdue_amount' | 'unassigned_leads_count' | 'lead_all_assigned_month_count';

/** Open opportunities (count, amount, overdue), unassigned leads and this month's assignments
 *  of each team, from one aggregation over crm_lead; each dashboard field picks its figure. */
const dashboard = (name: DashboardField): ComputeFn => async (records, env) => {
  const e = env as Env;
  const today = now(e.context).toISOString().slice(0, 10);
  const ids = records.map((r) => r.id);
  // The six figures of one read share this aggregation.
  const rows = await e.model('crm.team')._shared(`dashboard:${ids.join(',')}`, () => e.cr.query<Record<string, number>>(
    `SELECT l.team_id AS team,
            count(*) FILTER (WHERE open AND l.type = 'opportunity')::int AS opportunities_count,
            coalesce(sum(l.expected_revenue) FILTER (WHERE open AND l.type = 'opportunity'), 0)::float8 AS opportunities_amount,
            count(*) FILTER (WHERE open AND l.type = 'opportunity' AND l.date_deadline < $2::date)::int AS opportunities_overdue_count,
            coalesce(sum(l.expected_revenue) FILTER (WHERE open AND l.type = 'opportunity' AND l.date_deadline < $2::date), 0)::float8 AS opportunities_overdue_amount,
            count(*) FILTER (WHERE l.type = 'lead' AND l.user_id IS NULL)::int AS unassigned_leads_count,
            count(*) FILTER (WHERE l.date_open >= date_trunc('month', $2::date))::int AS lead_all_assigned_month_count
       FROM (SELECT l.*, NOT coalesce(s.is_won, false) AS open FROM crm_lead l LEFT JOIN crm_stage s ON s.id = l.stage_id
              WHERE l.team_id = ANY($1::int4[]) AND l.active) l
      GROUP BY l.team_id`, [ids, today]));
  const byTeam = new Map(rows.map((r) => [r.team, r]));
  return new Map(records.map((r) => [r.id, byTeam.get(r.id)?.[name] ?? 0]));
};

export const Team = defineModel({
  name: 'crm.team',
  description: 'Sales Team',
  order: 'sequence ASC, create_date DESC, id DESC',
  fields: {
    name: fields.char({ string: 'Sales Team', required: true, translate: true }),
    sequence: fields.integer({ string: 'Sequence', default: 10 }),
    active: fields.boolean({ default: true, help: 'If the active field is set to false, it will allow you to hide the Sales Team without removing it.' }),
    company_id: fields.many2one('res.company', { string: 'Company', index: true, default: async (env: Env) => env.company() }),
    currency_id: fields.many2one('res.currency', { string: 'Currency', related: 'company_id.currency_id' }),
    user_id: fields.many2one('res.users', { string: 'Team Leader', tracking: true }),
    crm_team_member_ids: fields.one2many('crm.team.member', 'crm_team_id', { string: 'Sales Team Members' }),
    member_ids: fields.many2many('res.users', { string: 'Salespersons', compute: '_compute_member_ids', help: 'Users assigned to this team.' }),
    color: fields.integer({ string: 'Color Index' }),
    use_leads: fields.boolean({ string: 'Leads', help: 'Check this box to filter and qualify incoming requests as leads before converting them into opportunities and assigning them to a salesperson.' }),
    use_opportunities: fields.boolean({ string: 'Pipeline', default: true, help: 'Check this box to manage a presales process with opportunities.' }),
    invoiced_target: fields.monetary({ string: 'Invoicing Target', help: 'Revenue target for the current month (untaxed total of confirmed invoices).' }),
    assignment_domain: fields.char({ string: 'Assignment Domain', tracking: true }),
    assignment_optout: fields.boolean({ string: 'Skip auto assignment' }),
    assignment_max: fields.integer({ string: 'Lead Average Capacity', compute: '_compute_assignment_max', help: 'Monthly average leads capacity for all salesmen belonging to the team' }),
    // The team dashboard (computed together, one query per batch).
    opportunities_count: fields.integer({ string: '# Opportunities', compute: dashboard('opportunities_count') }),
    opportunities_amount: fields.monetary({ string: 'Opportunities Revenues', compute: dashboard('opportunities_amount') }),
    opportunities_overdue_count: fields.integer({ string: '# Overdue Opportunities', compute: dashboard('opportunities_overdue_count') }),
    opportunities_overdue_amount: fields.monetary({ string: 'Overdue Opportunities Revenues', compute: dashboard('opportunities_overdue_amount') }),
    unassigned_leads_count: fields.integer({ string: 'Unassigned Leads', compute: dashboard('unassigned_leads_count') }),
    lead_all_assigned_month_count: fields.integer({ string: '# Leads/Opps assigned this month', compute: dashboard('lead_all_assigned_month_count') }),
  },
  methods: (Base) => class extends Base {
    async _compute_member_ids(records: RecordValues[]): Promise<Map<number, unknown>> {
      const rows = await this.env.cr.query<{ team: number; users: number[] }>(
        `SELECT crm_team_id AS team, array_agg(user_id ORDER BY id) AS users FROM crm_team_member
          WHERE crm_team_id = ANY($1::int4[]) AND active GROUP BY crm_team_id`, [records.map((r) => r.id)]);
      const byTeam = new Map(rows.map((r) => [r.team, r.users]));
      return new Map(records.map((r) => [r.id, byTeam.get(r.id) ?? []]));
    }

    async _compute_assignment_max(records: RecordValues[]): Promise<Map<number, unknown>> {
      const rows = await this.env.cr.query<{ team: number; total: number }>(
        `SELECT crm_team_id AS team, sum(assignment_max)::int AS total FROM crm_team_member
          WHERE crm_team_id = ANY($1::int4[]) AND active GROUP BY crm_team_id`, [records.map((r) => r.id)]);
      const byTeam = new Map(rows.map((r) => [r.team, r.total]));
      return new Map(records.map((r) => [r.id, byTeam.get(r.id) ?? 0]));
    }

    /** The team's pipeline, from its dashboard card. */
    async action_open_pipeline(ids: number[]) {
      return {
        type: 'ir.actions.act_window', name: 'Pipeline', res_model: 'crm.lead', view_mode: 'kanban,tree,form,calendar,pivot,graph,activity',
        views: [[false, 'kanban'], [false, 'list'], [false, 'form'], [false, 'calendar'], [false, 'pivot'], [false, 'graph'], [false, 'activity']],
        domain: [['type', '=', 'opportunity'], ['team_id', 'in', ids]],
        context: { default_type: 'opportunity', default_team_id: ids[0] },
      };
    }

    /** The team's unassigned leads, from its dashboard card. */
    async action_open_unassigned(ids: number[]) {
      return {
        type: 'ir.actions.act_window', name: 'Unassigned Leads', res_model: 'crm.lead', view_mode: 'tree,form',
        views: [[false, 'list'], [false, 'form']],
        domain: [['type', '=', 'lead'], ['team_id', 'in', ids], ['user_id', '=', false]],
        context: { default_type: 'lead', default_team_id: ids[0] },
      };
    }
  },
});

