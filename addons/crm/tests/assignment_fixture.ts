// The sales teams of Odoo 17's assignment tests (crm/tests/common.py): "Sales Team 1" (capacity
// 75: 45 + 15 + 15) and "Sales Team Convert" (capacity 90: 30 + 60), salespeople in both (multi
// teams on), member domains on the probability, the second team's domain on the priority. Other
// teams are archived and the assignment is switched on, as Odoo's TestLeadAssignCommon does.

import type { Env } from '../../../core/models/env.ts';
import type { Model, Values } from '../../../core/models/model.ts';
import type { CrmTeamAssign } from '../models/team_assign.ts';
import type { CrmTeamMemberAssign } from '../models/team_member_assign.ts';

export interface AssignFixture {
  manager: number;
  leadsUser: number;
  salesman: number;
  team1: number;
  teamConvert: number;
  /** sales_team_1_m1..m3, sales_team_convert_m1..m2 */
  t1m1: number; t1m2: number; t1m3: number; tcm1: number; tcm2: number;
}

export const teams = (env: Env) => env.model<CrmTeamAssign>('crm.team');
export const members = (env: Env) => env.model<CrmTeamMemberAssign>('crm.team.member');
export const leadModel = (env: Env) => env.model<Model>('crm.lead').with_context({ active_test: false });

export async function setUpAssignment(root: Env): Promise<AssignFixture> {
  const env = root.sudo();
  const group = async (xmlid: string) => env.refId(xmlid);
  const params = env.model<Model & { set_param(key: string, value: unknown): Promise<unknown> }>('ir.config_parameter');
  await params.set_param('sales_team.membership_multi', 'True');
  await params.set_param('crm.lead.auto.assignment', 'True');
  await params.set_param('crm.assignment.delay', '0');
  const users = env.model('res.users');
  const [manager, leadsUser, salesman] = await users.create([
    { name: 'Martin Sales Manager', login: 'smanager', email: 'manager@test.example', groups_id: [[6, 0, [await group('crm.group_sale_manager')]]] },
    { name: 'Laetitia Sales Leads', login: 'sleads', email: 'leads@test.example', groups_id: [[6, 0, [await group('crm.group_sale_salesman_all_leads')]]] },
    { name: 'Lucien Sales Salesman', login: 'ssalesman', email: 'salesman@test.example', groups_id: [[6, 0, [await group('crm.group_sale_salesman')]]] },
  ]) as number[];
  await env.model('crm.team').write(await env.model('crm.team').search([]), { active: false });
  const [team1, teamConvert] = await env.model('crm.team').create([
    { name: 'Sales Team 1', sequence: 5, use_leads: true, use_opportunities: true },
    { name: 'Sales Team Convert', sequence: 10, use_leads: true, use_opportunities: true, assignment_domain: "[('priority', 'in', ['1', '2', '3'])]" },
  ]) as number[];
  const member = (values: Values) => env.model('crm.team.member').create(values) as Promise<number>;
  const t1m1 = await member({ crm_team_id: team1, user_id: leadsUser, assignment_max: 45 });
  const t1m2 = await member({ crm_team_id: team1, user_id: manager, assignment_max: 15, assignment_domain: "[('probability', '>=', 10)]" });
  const t1m3 = await member({ crm_team_id: team1, user_id: salesman, assignment_max: 15, assignment_domain: "[('probability', '>=', 20)]" });
  const tcm1 = await member({ crm_team_id: teamConvert, user_id: salesman, assignment_max: 30, assignment_domain: "[('probability', '>=', 20)]" });
  const tcm2 = await member({ crm_team_id: teamConvert, user_id: leadsUser, assignment_max: 60 });
  return { manager, leadsUser, salesman, team1, teamConvert, t1m1, t1m2, t1m3, tcm1, tcm2 };
}

/**
 * Odoo's `_create_leads_batch`: `count` unassigned leads named TestLead_0000..., cycling through
 * the partners, emails and probabilities given, priorities '0'..'3' in turn.
 */
export async function createLeads(env: Env, count: number, options: {
  partners?: Array<number | false>; emails?: Array<string | false>; probabilities?: number[]; type?: 'lead' | 'opportunity'; prefix?: string; values?: Values;
} = {}): Promise<number[]> {
  const { partners = [false], emails, probabilities, type = 'lead', prefix = 'TestLead', values = {} } = options;
  const list = Array.from({ length: count }, (_, i) => ({
    name: `${prefix}_${String(i).padStart(4, '0')}`, type, user_id: false, team_id: false,
    partner_id: partners[i % partners.length],
    email_from: emails ? emails[i % emails.length] : `${prefix.toLowerCase()}_${i}@lead${i}.example`,
    priority: String(i % 4),
    ...(probabilities ? { probability: probabilities[i % probabilities.length] } : {}),
    ...values,
  }));
  return env.sudo().model('crm.lead').create(list) as Promise<number[]>;
}
