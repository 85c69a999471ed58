// Rule-based assignment, the salespersons' part (Odoo 17's crm.team.member
// `_assign_and_convert_leads` and `_get_assignment_quota`): the leads already allocated to a team
// and still without salesperson are dealt to its members, each drawn in proportion to what is
// left of their quota, each taking the most probable lead left that matches their own domain;
// the leads are then converted into opportunities, one conversion per member.

import { errors, extendModel, type Env, type Model, type RecordValues } from '../../../core/index.ts';
import { checkAssignmentDomains, parseAssignmentDomain } from '../lib/assignment_domain.ts';
import type { MemberAssignment } from '../lib/assignment_logs.ts';
import { assignmentRandom, pythonRound, weightedIndex } from '../lib/assignment_random.ts';
import { namedArgs } from '../lib/kwargs.ts';
import type { CrmLeadConvert } from './lead_convert.ts';

/**
 * Odoo's quota for `workDays` days of work: the share of the monthly maximum (`assignment_max`
 * is for 30 days), plus a fifth of what the member still lacks to reach the maximum, to catch up
 * faster. Python's `round` (halves to even), so that the figures are Odoo's.
 */
export function assignmentQuota(assignmentMax: number, leadMonthCount: number, workDays = 1): number {
  const assignRatio = workDays / 30.0;
  const toAssign = assignmentMax * assignRatio;
  const compensation = Math.max(0, assignmentMax - (leadMonthCount + toAssign)) * 0.2;
  return pythonRound(toAssign + compensation);
}

const m2oId = (value: unknown): number | false => (Array.isArray(value) ? (value[0] as number) : typeof value === 'number' ? value : false);

/** What rule-based assignment adds to crm.team.member, for callers. */
export interface CrmTeamMemberAssign extends Model {
  _get_assignment_quota(ids: number, ...args: unknown[]): Promise<number>;
  _get_assignment_quota(ids: number[], ...args: unknown[]): Promise<number[]>;
  _assign_and_convert_leads(ids: number[] | number, ...args: unknown[]): Promise<Record<number, MemberAssignment>>;
}

/** Odoo's bounds on the days of work one run assigns (1 when not given). */
export function checkWorkDays(value: unknown): number {
  const days = value === undefined || value === null || value === false ? 1 : Number(value);
  if (!(days >= 0.2 && days <= 30)) {
    throw errors.userError(`Leads team allocation should be done for at least 0.2 or maximum 30 work days, not ${Number.isFinite(days) ? days.toFixed(2) : String(value)}.`);
  }
  return days;
}

export const TeamMemberAssign = extendModel('crm.team.member', {
  constraints: [{
    fields: ['assignment_domain'],
    async check(records: RecordValues[], env) {
      await checkAssignmentDomains(env as Env, 'crm.team.member', records.map((r) => r.assignment_domain), async (i) => {
        const [row] = await (env as Env).model('crm.team.member').sudo().with_context({ active_test: false }).read(records[i].id, ['user_id', 'crm_team_id']);
        const name = (value: unknown) => (Array.isArray(value) ? String(value[1]) : '');
        return `Member assignment domain for user ${name(row?.user_id)} and team ${name(row?.crm_team_id)}`;
      });
    },
  }],
  methods: (Base) => class extends Base {
    /** Each member's quota for `work_days` (one id gives a number, a list gives a list). */
    async _get_assignment_quota(ids: number[] | number, ...args: unknown[]): Promise<number | number[]> {
      const workDays = checkWorkDays(namedArgs(args, ['work_days']).work_days);
      const list = Array.isArray(ids) ? ids : [ids];
      const rows = new Map((await this.read(list, ['assignment_max', 'lead_month_count'])).map((r) => [r.id, r]));
      const quotas = list.map((id) => assignmentQuota(Number(rows.get(id)?.assignment_max) || 0, Number(rows.get(id)?.lead_month_count) || 0, workDays));
      return Array.isArray(ids) ? quotas : quotas[0];
    }

    /**
     * Odoo's `_assign_and_convert_leads`: members who do not skip assignment and have a maximum
     * take part, each weighted by their quota. A member drawn takes the first lead of their list
     * (their team's leads without salesperson nor assignment date, matching their domain, highest
     * probability first) not taken yet, and weighs one less; a member with no lead left drops
     * out. Returns the leads each member got, by membership id.
     */
    async _assign_and_convert_leads(ids: number[] | number, ...args: unknown[]): Promise<Record<number, MemberAssignment>> {
      const workDays = checkWorkDays(namedArgs(args, ['work_days']).work_days);
      const list = [...new Set(Array.isArray(ids) ? ids : [ids])];
      const rows = new Map((await this.read(list, ['crm_team_id', 'user_id', 'assignment_domain', 'assignment_max', 'assignment_optout', 'lead_month_count']))
        .map((r) => [r.id, r]));
      const members = list.map((id) => rows.get(id)).filter((m): m is RecordValues => Boolean(m && !m.assignment_optout && Number(m.assignment_max) > 0));
      if (!members.length) return {};
      const quotas = members.map((m) => assignmentQuota(Number(m.assignment_max), Number(m.lead_month_count) || 0, workDays));
      const leadLimit = quotas.reduce((a, b) => a + b, 0);
      const leads = this.env.model<Model & CrmLeadConvert>('crm.lead');
      const candidates: number[][] = [];
      for (const member of members) {
        if (leadLimit <= 0) {
          candidates.push([]);
          continue;
        }
        const domain = [...memberDomain(member), ['user_id', '=', false], ['date_open', '=', false], ['team_id', '=', m2oId(member.crm_team_id)]];
        candidates.push(await leads.search(domain as never, { order: 'probability DESC', limit: leadLimit }));
      }
      const assigned = members.map(() => [] as number[]);
      // A member whose quota is spent (or was never positive) cannot be drawn: Odoo gives them
      // a weight of zero, which `random.choices` never picks.
      const population = members.map((_, i) => i).filter((i) => quotas[i] > 0);
      const weights = population.map((i) => quotas[i]);
      const next = members.map(() => 0);
      const done = new Set<number>();
      const random = assignmentRandom(this.env.context);
      while (population.length) {
        const index = weightedIndex(weights, random);
        const member = population[index];
        const own = candidates[member];
        while (next[member] < own.length && done.has(own[next[member]])) next[member]++;
        if (next[member] < own.length) {
          const lead = own[next[member]];
          done.add(lead);
          assigned[member].push(lead);
          weights[index] -= 1;
        } else {
          weights[index] = 0;
        }
        if (weights[index] <= 0) {
          population.splice(index, 1);
          weights.splice(index, 1);
        }
      }
      // The conversions, one per member: the same as Odoo's one per lead, as each lead keeps its
      // own customer and gets the member as salesperson.
      const converting = leads.with_context({ mail_auto_subscribe_no_notify: true });
      for (const [i, member] of members.entries()) {
        if (assigned[i].length) await converting.convert_opportunity(assigned[i], { user_ids: [m2oId(member.user_id)] });
      }
      return Object.fromEntries(members.map((member, i) => [member.id, { assigned: [...assigned[i]].sort((a, b) => a - b) }]));
    }
  },
});

function memberDomain(member: RecordValues) {
  try {
    return parseAssignmentDomain(member.assignment_domain);
  } catch (error) {
    const name = (value: unknown) => (Array.isArray(value) ? String(value[1]) : '');
    throw errors.userError(`Member assignment domain for user ${name(member.user_id)} and team ${name(member.crm_team_id)} is incorrectly formatted: ${(error as Error).message}`);
  }
}
