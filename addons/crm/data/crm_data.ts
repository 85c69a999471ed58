// What every CRM database starts with: the default sales team, the four stages, the lost reasons
// and the recurring plans, under Odoo's external ids (so that Odoo data and clients find them).
// Users rename and reorder them: noupdate.

import { ref, type DataRecord } from '../../../core/index.ts';

const stage = (id: string, name: string, sequence: number, extra: Record<string, unknown> = {}): DataRecord =>
  ({ id, model: 'crm.stage', values: { name, sequence, ...extra }, noupdate: true });
const reason = (id: string, name: string): DataRecord => ({ id, model: 'crm.lost.reason', values: { name }, noupdate: true });
const plan = (id: string, name: string, months: number, sequence: number): DataRecord =>
  ({ id, model: 'crm.recurring.plan', values: { name, number_of_months: months, sequence }, noupdate: true });

const records: DataRecord[] = [
  { id: 'team_sales_department', model: 'crm.team', values: { name: 'Sales', sequence: 0, use_leads: true, use_opportunities: true, company_id: ref('base.main_company'), user_id: ref('base.user_admin'), alias_name: 'sales' }, noupdate: true },
  { id: 'team_member_admin', model: 'crm.team.member', values: { crm_team_id: ref('team_sales_department'), user_id: ref('base.user_admin') }, noupdate: true },

  stage('stage_lead1', 'New', 1),
  stage('stage_lead2', 'Qualified', 2),
  stage('stage_lead3', 'Proposition', 3),
  stage('stage_lead4', 'Won', 70, { is_won: true, fold: false }),

  reason('lost_reason_1', 'Too expensive'),
  reason('lost_reason_2', 'We don\'t have people/skills'),
  reason('lost_reason_3', 'Not enough stock'),

  plan('crm_recurring_plan_monthly', 'Monthly', 1, 10),
  plan('crm_recurring_plan_yearly', 'Yearly', 12, 11),
  plan('crm_recurring_plan_over_3_years', 'Over 3 years', 36, 12),
  plan('crm_recurring_plan_over_5_years', 'Over 5 years', 60, 13),
];

export default records;
