// What CRM adds to users: their team memberships and their default sales team (the first of
// their active memberships, as Odoo 17's `sale_team_id`), which fills new leads.

import { extendModel, fields, type RecordValues } from '../../../core/index.ts';

export const UsersCrm = extendModel('res.users', {
  fields: {
    crm_team_member_ids: fields.one2many('crm.team.member', 'user_id', { string: 'Sales Team Members' }),
    crm_team_ids: fields.many2many('crm.team', { string: 'Sales Teams', compute: '_compute_crm_team_ids' }),
    sale_team_id: fields.many2one('crm.team', { string: 'User Sales Team', compute: '_compute_sale_team_id', help: 'Main user sales team. Used notably for pipeline, or to set sales team in invoicing or subscription.' }),
  },
  methods: (Base) => class extends Base {
    async _compute_crm_team_ids(records: RecordValues[]): Promise<Map<number, unknown>> {
      const rows = await this.env.cr.query<{ user_id: number; teams: number[] }>(
        `SELECT m.user_id, array_agg(m.crm_team_id ORDER BY t.sequence, t.id) AS teams FROM crm_team_member m JOIN crm_team t ON t.id = m.crm_team_id
          WHERE m.user_id = ANY($1::int4[]) AND m.active AND t.active GROUP BY m.user_id`, [records.map((r) => r.id)]);
      const byUser = new Map(rows.map((r) => [r.user_id, r.teams]));
      return new Map(records.map((r) => [r.id, byUser.get(r.id) ?? []]));
    }

    async _compute_sale_team_id(records: RecordValues[]): Promise<Map<number, unknown>> {
      const teams = await (this.env.model('crm.lead') as unknown as { _default_team(ids: number[]): Promise<Map<number, number>> })._default_team(records.map((r) => r.id));
      const names = new Map((teams.size ? await this.env.model('crm.team').sudo().read([...new Set(teams.values())], ['display_name']) : [])
        .map((t) => [t.id, t.display_name]));
      return new Map(records.map((r) => {
        const team = teams.get(r.id);
        return [r.id, team ? [team, names.get(team)] : false];
      }));
    }
  },
});
