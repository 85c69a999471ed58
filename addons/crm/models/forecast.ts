// What the CRM reports add to leads and teams: the probability is averaged, not summed, in the
// pivot and graph (Odoo's `group_operator="avg"`), and each team knows the prorated revenue it can
// expect this month, to set against its target on the team dashboard and in "Forecast vs Target".

import { extendModel, fields, now, type Env, type RecordValues } from '../../../core/index.ts';

export const LeadReporting = extendModel('crm.lead', {
  fields: {
    probability: fields.float({ groupOperator: 'avg' }),
  },
});

/** The first day of this month and of the next, in UTC as the team dashboard counts. */
export function monthBounds(at: Date): [string, string] {
  const first = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const next = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  return [first.toISOString().slice(0, 10), next.toISOString().slice(0, 10)];
}

export const TeamForecast = extendModel('crm.team', {
  fields: {
    forecast_prorated_revenue: fields.monetary({
      string: 'Forecast This Month', compute: '_compute_forecast_prorated_revenue',
      help: 'Prorated revenue of the active opportunities of the team expected to close this month',
    }),
  },
  methods: (Base) => class extends Base {
    /** One aggregation for the batch of teams. */
    async _compute_forecast_prorated_revenue(records: RecordValues[]): Promise<Map<number, unknown>> {
      const [from, to] = monthBounds(now((this.env as Env).context));
      const rows = await this.env.cr.query<{ team: number; total: number }>(
        `SELECT team_id AS team, coalesce(sum(prorated_revenue), 0)::float8 AS total FROM crm_lead
          WHERE team_id = ANY($1::int4[]) AND active AND type = 'opportunity' AND date_deadline >= $2::date AND date_deadline < $3::date
          GROUP BY team_id`, [records.map((r) => r.id), from, to]);
      const byTeam = new Map(rows.map((r) => [r.team, r.total]));
      return new Map(records.map((r) => [r.id, byTeam.get(r.id) ?? 0]));
    }
  },
});
