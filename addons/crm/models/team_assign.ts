// Rule-based lead assignment (Odoo 17's crm.team `_action_assign_leads`): unassigned leads are
// first allocated to the sales teams whose assignment domain they match, each team drawn at
// random in proportion to its capacity (the sum of its members' monthly maximum), merging
// duplicates on the way; then each team's leads are dealt to its members in proportion to their
// remaining quota, highest probability first, and converted into opportunities
// (team_member_assign.ts). Run by the "Assign Leads" button of a team, or by the scheduled
// action `crm.ir_cron_crm_lead_assign` for all teams when Settings say "Repeatedly".
//
// The draws are made in memory, one lead at a time as Odoo does (so that teams with overlapping
// domains share fairly); the reads before and the writes after are set-based: one search per
// team, one query for every duplicate, one write per team. Only merges cost per lead.

import { errors, extendModel, fields, type ComputeFn, type Domain, type Env, type Model, type RecordValues, type Values } from '../../../core/index.ts';
import type { MailThread } from '../../../core/addons/mail/mixins.ts';
import { escapeHtml } from '../../../core/addons/mail/mixins.ts';
import { checkAssignmentDomains, parseAssignmentDomain } from '../lib/assignment_domain.ts';
import { assignmentLogs, type AssignmentResult, type TeamAllocation } from '../lib/assignment_logs.ts';
import { assignmentRandom, weightedIndex } from '../lib/assignment_random.ts';
import { normalizeEmail } from '../lib/contact.ts';
import { namedArgs } from '../lib/kwargs.ts';
import type { CrmLeadConvert } from './lead_convert.ts';
import type { CrmLeadMerge } from './lead_merge.ts';
import { checkWorkDays, TeamMemberAssign, type CrmTeamMemberAssign } from './team_member_assign.ts';

export { TeamMemberAssign };

export const ASSIGN_CRON = 'crm.ir_cron_crm_lead_assign';
export const AUTO_ASSIGN_PARAM = 'crm.lead.auto.assignment';
export const ASSIGN_DELAY_PARAM = 'crm.assignment.delay';

const isTrueParam = (value: unknown): boolean =>
  value !== null && value !== undefined && value !== false && !['', '0', 'false', 'False'].includes(String(value));

/** Whether rule-based assignment is on (the setting), and whether it runs repeatedly (its
 *  scheduled action is active): one query. */
export async function assignmentState(env: Env): Promise<{ enabled: boolean; auto: boolean }> {
  const [row] = await env.cr.query<{ enabled: string | null; auto: boolean | null }>(
    `SELECT (SELECT value FROM ir_config_parameter WHERE key = $1) AS enabled,
            (SELECT c.active FROM ir_cron c JOIN ir_model_data d ON d.model = 'ir.cron' AND d.res_id = c.id
              WHERE d.module = 'crm' AND d.name = 'ir_cron_crm_lead_assign') AS auto`, [AUTO_ASSIGN_PARAM]);
  const enabled = isTrueParam(row?.enabled);
  return { enabled, auto: enabled && Boolean(row?.auto) };
}

const stateField = (key: 'enabled' | 'auto'): ComputeFn => async (records, env) => {
  const state = await assignmentState(env as Env);
  return new Map(records.map((r) => [r.id, state[key]]));
};

const uniqueIds = (ids: number[] | number): number[] => [...new Set(Array.isArray(ids) ? ids : [ids])];

/** What rule-based assignment adds to crm.team, for callers. */
export interface CrmTeamAssign extends Model {
  action_assign_leads(ids: number[] | number, ...args: unknown[]): Promise<Values>;
  _cron_assign_leads(...args: unknown[]): Promise<true>;
  _action_assign_leads(ids: number[] | number, ...args: unknown[]): Promise<AssignmentResult>;
  _allocate_leads(ids: number[] | number, ...args: unknown[]): Promise<Record<number, TeamAllocation>>;
}

type Leads = Model & CrmLeadConvert & CrmLeadMerge;

interface TeamRow { id: number; name: string; assignment_domain: string | false; assignment_max: number }

export const TeamAssign = extendModel('crm.team', {
  fields: {
    assignment_enabled: fields.boolean({ string: 'Lead Assign', compute: stateField('enabled') }),
    assignment_auto_enabled: fields.boolean({ string: 'Auto Assignment', compute: stateField('auto') }),
  },
  constraints: [{
    fields: ['assignment_domain'],
    async check(records: RecordValues[], env) {
      await checkAssignmentDomains(env as Env, 'crm.team', records.map((r) => r.assignment_domain),
        async (i) => `Assignment domain for team ${String((await (env as Env).model('crm.team').sudo().read(records[i].id, ['name']))[0]?.name ?? '')}`);
    },
  }],
  methods: (Base) => class extends Base {
    /** The scheduled action: every team that uses leads or a pipeline and does not skip auto
     *  assignment. Without `work_days`, the run covers the days until the next one (the action's
     *  interval: at most 30 days, at least 0.2). */
    async _cron_assign_leads(...args: unknown[]): Promise<true> {
      let workDays = Number(namedArgs(args, ['work_days']).work_days) || 0;
      if (!workDays) {
        const [cron] = await this.env.cr.query<{ active: boolean; interval_number: number; interval_type: string }>(
          `SELECT c.active, c.interval_number, c.interval_type FROM ir_cron c JOIN ir_model_data d ON d.model = 'ir.cron' AND d.res_id = c.id
            WHERE d.module = 'crm' AND d.name = 'ir_cron_crm_lead_assign'`);
        if (cron?.active) workDays = workDaysOfInterval(cron.interval_number, cron.interval_type);
      }
      const teams = await this.search(['&', '|', ['use_leads', '=', true], ['use_opportunities', '=', true], ['assignment_optout', '=', false]]);
      await this._action_assign_leads(teams, { work_days: workDays || 1 });
      return true;
    }

    /** The team's "Assign Leads" button: assigns now, notes what was done on each team, and says
     *  it in a notification (Odoo's `display_notification` client action). */
    async action_assign_leads(ids: number[] | number, ...args: unknown[]): Promise<Values> {
      const { work_days, log } = namedArgs(args, ['work_days', 'log']);
      const list = uniqueIds(ids);
      const result = await this._action_assign_leads(list, { work_days: work_days ?? 1 });
      const logs = await this._action_assign_leads_logs(list, result);
      if (log !== false && list.length) {
        const [user] = await this.env.model('res.users').sudo().with_context({ active_test: false }).read([this.env.uid], ['name']);
        const body = `<p>Lead Assignment requested by ${escapeHtml(String(user?.name ?? ''))}<br/><br/>${logs.map(escapeHtml).join('<br/>')}</p>`;
        await (this as unknown as MailThread).message_post(list, { body, message_type: 'notification', subtype: 'note' });
      }
      return {
        type: 'ir.actions.client', tag: 'display_notification',
        params: { type: 'success', title: 'Leads Assigned', message: logs.join(' '), next: { type: 'ir.actions.act_window_close' } },
      };
    }

    /** Allocates the unassigned leads to these teams, then assigns each team's leads to its
     *  members. Sales managers and administrators only. */
    async _action_assign_leads(ids: number[] | number, ...args: unknown[]): Promise<AssignmentResult> {
      const workDays = checkWorkDays(namedArgs(args, ['work_days']).work_days);
      await this._check_assignment_rights();
      const list = uniqueIds(ids);
      const teams = await this._allocate_leads(list, { work_days: workDays });
      const memberModel = this.env.model<CrmTeamMemberAssign>('crm.team.member');
      // The members team by team, in the order of the teams given (Odoo's `crm_team_member_ids`).
      const members = await memberModel.search_read([['crm_team_id', 'in', list]], ['crm_team_id']);
      const position = (row: RecordValues) => list.indexOf(Array.isArray(row.crm_team_id) ? row.crm_team_id[0] as number : 0);
      const ordered = members.map((row, i) => ({ row, i })).sort((a, b) => position(a.row) - position(b.row) || a.i - b.i).map((m) => m.row.id);
      const assigned = await memberModel._assign_and_convert_leads(ordered, { work_days: workDays });
      return { teams, members: assigned };
    }

    async _check_assignment_rights(): Promise<void> {
      if (this.env.su) return;
      const users = this.env.model<Model & { has_group(xmlid: string): Promise<boolean> }>('res.users');
      if (await users.has_group('crm.group_sale_manager') || await users.has_group('base.group_system')) return;
      throw errors.userError('Lead/Opportunities automatic assignment is limited to managers or administrators');
    }

    async _action_assign_leads_logs(ids: number[], result: AssignmentResult): Promise<string[]> {
      const [single] = ids.length === 1 ? await this.sudo().read(ids, ['name', 'assignment_max']) : [];
      return assignmentLogs(result, ids.length, single ? { name: String(single.name), assignment_max: Number(single.assignment_max) || 0 } : null);
    }

    /**
     * Odoo's `_allocate_leads`: leads without team nor salesperson, older than the assignment
     * delay (`crm.assignment.delay`, in hours), not won, matching a team's assignment domain, go
     * to a team drawn in proportion to its capacity; a lead with duplicates (same email) is merged
     * with them first. Teams without capacity get nothing. Returns, by team, the leads assigned
     * directly, those kept by a merge and the duplicates merged away (and deleted).
     */
    async _allocate_leads(ids: number[] | number, ...args: unknown[]): Promise<Record<number, TeamAllocation>> {
      checkWorkDays(namedArgs(args, ['work_days']).work_days);
      const leads = this.env.model<Leads>('crm.lead');
      const teams = (await this._assignment_teams(uniqueIds(ids))).filter((team) => team.assignment_max > 0);
      const base = await this._allocation_domain();
      const emails = new Map<number, unknown>();
      const pool: Array<{ team: TeamRow; leads: number[]; next: number }> = [];
      for (const team of teams) {
        // Default order (priority, then newest first): the team's next lead is the first left.
        const rows = await leads.search_read([...teamDomain(team), ...base], ['email_from']);
        for (const row of rows) emails.set(row.id, row.email_from);
        pool.push({ team, leads: rows.map((r) => r.id), next: 0 });
      }
      const duplicates = await this._duplicates_by_email(emails);
      const result = new Map(teams.map((team) => [team.id, { assigned: new Set<number>(), merged: new Set<number>(), duplicates: new Set<number>() }]));
      const random = assignmentRandom(this.env.context);
      const weights = pool.map((entry) => entry.team.assignment_max);
      const done = new Set<number>();
      const direct = new Map<number, number[]>();
      while (pool.length) {
        const index = weightedIndex(weights, random);
        const entry = pool[index];
        while (entry.next < entry.leads.length && done.has(entry.leads[entry.next])) entry.next++;
        if (entry.next >= entry.leads.length) {
          pool.splice(index, 1);
          weights.splice(index, 1);
          continue;
        }
        const lead = entry.leads[entry.next];
        const group = duplicates.get(lead) ?? [];
        const data = result.get(entry.team.id)!;
        if (group.length > 1) {
          // The team goes on the lead before the merge, so that the merged lead keeps it unless
          // a more advanced duplicate (an opportunity already in a team) wins.
          await leads._handle_salesmen_assignment([lead], [], entry.team.id);
          const kept = await leads.merge_opportunity(group, { user_id: false, team_id: false, auto_unlink: false, max_length: 0 });
          data.merged.add(kept);
          for (const id of group) {
            done.add(id);
            if (id !== kept) data.duplicates.add(id);
          }
        } else {
          data.assigned.add(lead);
          done.add(lead);
          direct.set(entry.team.id, [...(direct.get(entry.team.id) ?? []), lead]);
        }
      }
      for (const [team, leadIds] of direct) await leads._handle_salesmen_assignment(leadIds, [], team);
      const merged = [...result.values()].flatMap((data) => [...data.duplicates]);
      if (merged.length) await leads.with_context({ active_test: false }).unlink(merged);
      const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
      return Object.fromEntries([...result].map(([team, data]) =>
        [team, { assigned: sorted(data.assigned), merged: sorted(data.merged), duplicates: sorted(data.duplicates) }]));
    }

    /** The teams' assignment data, in the order given. */
    async _assignment_teams(ids: number[]): Promise<TeamRow[]> {
      const rows = await this.read(ids, ['name', 'assignment_domain', 'assignment_max']);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.filter((id) => byId.has(id)).map((id) => {
        const row = byId.get(id)!;
        return { id, name: String(row.name), assignment_domain: row.assignment_domain as string | false, assignment_max: Number(row.assignment_max) || 0 };
      });
    }

    /** Unassigned, live leads old enough to be assigned. */
    async _allocation_domain(): Promise<Domain> {
      const params = this.env.model<Model & { get_param(key: string, fallback?: unknown): Promise<unknown> }>('ir.config_parameter').sudo();
      const delay = Number(await params.get_param(ASSIGN_DELAY_PARAM, 0)) || 0;
      const domain: Domain = [['team_id', '=', false], ['user_id', '=', false], '|', ['stage_id', '=', false], ['stage_id.is_won', '=', false]];
      if (delay > 0) {
        // The database's clock, as create_date was written with it (Odoo's `cr.now()`).
        const [{ at }] = await this.env.cr.query<{ at: string }>(
          `SELECT to_char((now() AT TIME ZONE 'UTC') - make_interval(secs => $1), 'YYYY-MM-DD HH24:MI:SS') AS at`, [delay * 3600]);
        domain.push(['create_date', '<=', at]);
      }
      return domain;
    }

    /**
     * Each lead's duplicates, itself included (Odoo's `_get_lead_duplicates(email=...)`): the
     * live leads, archived ones excluded, with one of its email addresses. One query for all.
     */
    async _duplicates_by_email(emails: Map<number, unknown>): Promise<Map<number, number[]>> {
      const addresses = new Map<number, string[]>();
      for (const [id, email] of emails) {
        const list = [...new Set(String(email || '').split(/[,;]/).map(normalizeEmail).filter(Boolean))] as string[];
        if (list.length) addresses.set(id, list);
      }
      const all = [...new Set([...addresses.values()].flat())];
      if (!all.length) return new Map();
      const rows = await this.env.model('crm.lead').with_context({ active_test: false }).search_read(
        [['email_normalized', 'in', all], ['active', '=', true], '|', ['stage_id', '=', false], ['stage_id.is_won', '=', false]], ['email_normalized']);
      const byEmail = new Map<string, number[]>();
      for (const row of rows) byEmail.set(String(row.email_normalized), [...(byEmail.get(String(row.email_normalized)) ?? []), row.id]);
      return new Map([...addresses].map(([id, list]) => [id, [...new Set(list.flatMap((email) => byEmail.get(email) ?? []))].sort((a, b) => a - b)]));
    }
  },
});

/** The team's own domain (Python text), refused with a clear error when it cannot be read. */
function teamDomain(team: TeamRow): Domain {
  try {
    return parseAssignmentDomain(team.assignment_domain);
  } catch (error) {
    throw errors.userError(`Assignment domain for team ${team.name} is incorrectly formatted: ${(error as Error).message}`);
  }
}

/** The days of work between two runs of the scheduled action (Odoo's `_cron_assign_leads`). */
export function workDaysOfInterval(number: number, type: string): number {
  switch (type) {
    case 'months': return 30;
    case 'weeks': return Math.min(30, number * 7);
    case 'days': return Math.min(30, number);
    case 'hours': return Math.max(0.2, number / 24);
    case 'minutes': return Math.max(0.2, number / 1440);
    default: return 1;
  }
}
