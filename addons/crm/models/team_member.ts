// crm.team.member: a salesperson in a team, with the domain of leads they take and how many a
// month (rule-based assignment). Without the "Multi Teams" setting (`sales_team.membership_multi`)
// a salesperson is in one team only: joining a second team moves them (the old membership is
// archived), as in Odoo 17.

import { defineModel, errors, fields, now, type Env, type Model, type RecordValues, type Values } from '../../../core/index.ts';

const m2oId = (value: unknown): number | false => (Array.isArray(value) ? (value[0] as number) : typeof value === 'number' ? value : false);

export const MULTI_TEAMS_PARAM = 'sales_team.membership_multi';

export async function isMembershipMulti(model: Model): Promise<boolean> {
  const params = model.env.model<Model & { get_param(key: string, fallback?: unknown): Promise<unknown> }>('ir.config_parameter').sudo();
  const value = await params.get_param(MULTI_TEAMS_PARAM, false);
  return value === true || value === 'True' || value === 'true' || value === '1';
}

export const TeamMember = defineModel({
  name: 'crm.team.member',
  description: 'Sales Team Member',
  order: 'create_date ASC, id',
  recName: 'user_id',
  fields: {
    crm_team_id: fields.many2one('crm.team', { string: 'Sales Team', required: true, ondelete: 'cascade', index: true }),
    user_id: fields.many2one('res.users', { string: 'Salesperson', required: true, ondelete: 'cascade', index: true }),
    active: fields.boolean({ string: 'Active', default: true }),
    user_in_teams_ids: fields.many2many('crm.team', { string: 'Other Teams', compute: '_compute_user_in_teams_ids', depends: ['user_id'] }),
    assignment_enabled: fields.boolean({ string: 'Lead Assignment', related: 'crm_team_id.assignment_enabled' }),
    assignment_domain: fields.char({ string: 'Assignment Domain', tracking: true }),
    assignment_optout: fields.boolean({ string: 'Skip auto assignment' }),
    assignment_max: fields.integer({ string: 'Average Leads Capacity (on 30 days)', default: 30 }),
    lead_month_count: fields.integer({ string: 'Leads (last 30 days)', compute: '_compute_lead_month_count', help: 'Lead assigned to this member those last 30 days' }),
  },
  sqlConstraints: [{ name: 'assignment_max_positive', definition: 'check(assignment_max >= 0)', message: 'The maximum of leads a month cannot be negative.' }],
  constraints: [{
    fields: ['crm_team_id', 'user_id', 'active'],
    async check(records: RecordValues[], env) {
      // The same salesperson twice in one team (both active) is refused.
      const ids = records.map((r) => r.id);
      const rows = await (env as Env).cr.query<{ user_id: number; team: string }>(
        `SELECT m.user_id, t.name::text AS team FROM crm_team_member m JOIN crm_team t ON t.id = m.crm_team_id
          WHERE m.active AND (m.crm_team_id, m.user_id) IN (SELECT crm_team_id, user_id FROM crm_team_member WHERE id = ANY($1::int4[]) AND active)
          GROUP BY m.user_id, t.name HAVING count(*) > 1`, [ids]);
      if (rows.length) {
        throw errors.constraint('crm.team.member', `A salesperson can be in the team "${rows[0].team}" only once.`, ['user_id']);
      }
    },
  }],
  methods: (Base) => class extends Base {
    async _compute_user_in_teams_ids(records: RecordValues[]): Promise<Map<number, unknown>> {
      const users = [...new Set(records.map((r) => m2oId(r.user_id)).filter(Boolean))] as number[];
      const rows = users.length ? await this.env.cr.query<{ user_id: number; teams: number[] }>(
        'SELECT user_id, array_agg(DISTINCT crm_team_id) AS teams FROM crm_team_member WHERE user_id = ANY($1::int4[]) AND active GROUP BY user_id', [users]) : [];
      const byUser = new Map(rows.map((r) => [r.user_id, r.teams]));
      return new Map(records.map((r) => [r.id, byUser.get(m2oId(r.user_id) || 0) ?? []]));
    }

    async _compute_lead_month_count(records: RecordValues[]): Promise<Map<number, unknown>> {
      // The clock of the records (date_open is written with it), not the database's.
      const since = new Date(now(this.env.context).getTime() - 30 * 86400000).toISOString().slice(0, 19).replace('T', ' ');
      const rows = await this.env.cr.query<{ id: number; n: number }>(
        `SELECT m.id, count(l.id)::int AS n FROM crm_team_member m
           JOIN crm_lead l ON l.user_id = m.user_id AND l.team_id = m.crm_team_id AND l.date_open >= $2::timestamp
          WHERE m.id = ANY($1::int4[]) GROUP BY m.id`, [records.map((r) => r.id), since]);
      const counts = new Map(rows.map((r) => [r.id, r.n]));
      return new Map(records.map((r) => [r.id, counts.get(r.id) ?? 0]));
    }

    override async create(vals: Values | Values[]): Promise<any> {
      const list = Array.isArray(vals) ? vals : [vals];
      const ids = await super.create(list) as number[];
      await this._move_single_team(ids);
      return Array.isArray(vals) ? ids : ids[0];
    }

    override async write(ids: number[] | number, vals: Values): Promise<true> {
      await super.write(ids, vals);
      if ('crm_team_id' in vals || 'user_id' in vals || vals.active === true) await this._move_single_team(Array.isArray(ids) ? ids : [ids]);
      return true;
    }

    /** Without multi teams, archives the other active memberships of these members' users. */
    async _move_single_team(ids: number[]): Promise<void> {
      if (!ids.length || await isMembershipMulti(this)) return;
      const older = await this.env.cr.query<{ id: number }>(
        `SELECT o.id FROM crm_team_member o JOIN crm_team_member m ON m.user_id = o.user_id
          WHERE m.id = ANY($1::int4[]) AND m.active AND o.active AND o.id <> ALL($1::int4[]) AND o.crm_team_id <> m.crm_team_id`, [ids]);
      if (older.length) await this.sudo().write(older.map((r) => r.id), { active: false });
    }
  },
});
