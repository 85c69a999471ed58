// What an assignment run tells the user (Odoo 17's `_action_assign_leads_logs`): duplicates
// merged, leads allocated to the teams, leads assigned to salespersons, or why nothing was.

export interface TeamAllocation {
  /** Leads given the team directly (no duplicate found). */
  assigned: number[];
  /** Leads that resulted from merging duplicates (the kept ones). */
  merged: number[];
  /** Duplicates merged into other leads, and deleted. */
  duplicates: number[];
}

export interface MemberAssignment {
  /** Leads given to the salesperson, converted into opportunities. */
  assigned: number[];
}

/** Odoo's `teams_data, members_data`, by team id and by membership id. */
export interface AssignmentResult {
  teams: Record<number, TeamAllocation>;
  members: Record<number, MemberAssignment>;
}

/** The team the run was asked for, when it was one team only. */
export interface SingleTeam { name: string; assignment_max: number }

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function assignmentLogs(result: AssignmentResult, teamCount: number, single: SingleTeam | null): string[] {
  const teams = Object.values(result.teams);
  const members = Object.values(result.members);
  const assigned = sum(teams.map((t) => t.assigned.length + t.merged.length));
  const duplicates = sum(teams.map((t) => t.duplicates.length));
  const membersAssigned = sum(members.map((m) => m.assigned.length));
  const parts: string[] = [];
  if (duplicates) parts.push(`${duplicates} duplicates leads have been merged.`);
  if (!assigned && !membersAssigned) {
    if (single && !single.assignment_max) {
      parts.push(`No allocated leads to ${single.name} team because it has no capacity. Add capacity to its salespersons.`);
    } else if (single) {
      parts.push(`No allocated leads to ${single.name} team and its salespersons because no unassigned lead matches its domain.`);
    } else {
      parts.push('No allocated leads to any team or salesperson. Check your Sales Teams and Salespersons configuration as well as unassigned leads.');
    }
  }
  if (!assigned && membersAssigned) {
    parts.push(single ? `No new lead allocated to ${single.name} team because no unassigned lead matches its domain.`
      : 'No new lead allocated to the teams because no lead match their domains.');
  } else if (assigned) {
    parts.push(single ? `${assigned} leads allocated to ${single.name} team.` : `${assigned} leads allocated among ${teamCount} teams.`);
  }
  if (!membersAssigned && assigned) parts.push('No lead assigned to salespersons because no unassigned lead matches their domains.');
  else if (membersAssigned) parts.push(`${membersAssigned} leads assigned among ${members.length} salespersons.`);
  return parts;
}
