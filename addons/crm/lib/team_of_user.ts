// The sales team that goes with a salesperson in the wizards (Odoo's `_compute_team_id` of the
// conversion and merge wizards): the team chosen stays when the salesperson belongs to it (as
// member or leader), else the salesperson's default team.

import type { Env } from '../../../core/index.ts';

interface DefaultTeams { _default_team(userIds: number[]): Promise<Map<number, number>> }

export async function teamOfUser(env: Env, userId: number | false, currentTeam: number | false): Promise<number | false> {
  if (!userId) return currentTeam;
  if (currentTeam) {
    const [inTeam] = await env.cr.query(
      `SELECT 1 FROM crm_team t WHERE t.id = $1 AND (t.user_id = $2 OR EXISTS (
         SELECT 1 FROM crm_team_member m WHERE m.crm_team_id = t.id AND m.user_id = $2 AND m.active))`, [currentTeam, userId]);
    if (inTeam) return currentTeam;
  }
  const teams = await (env.model('crm.lead') as unknown as DefaultTeams)._default_team([userId]);
  return teams.get(userId) ?? currentTeam;
}
