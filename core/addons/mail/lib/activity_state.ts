// An activity's urgency, as Odoo shows it: overdue (red), today (orange) or planned (green). The
// deadline is a date, so "today" is the day in the time zone of the activity's owner.

import { dateInTz, daysBetween } from './dates.ts';

export type ActivityState = 'overdue' | 'today' | 'planned';

export const ACTIVITY_STATES: Array<[ActivityState, string]> = [['overdue', 'Overdue'], ['today', 'Today'], ['planned', 'Planned']];

/** The state of a deadline for someone in `tz` at instant `at`. */
export function stateOf(deadline: string, tz: string, at: Date): ActivityState {
  const diff = daysBetween(dateInTz(at, tz), deadline.slice(0, 10));
  return diff < 0 ? 'overdue' : diff === 0 ? 'today' : 'planned';
}

/** The most urgent of several states (a record's state from its activities), or false. */
export function mostUrgent(states: ActivityState[]): ActivityState | false {
  for (const [state] of ACTIVITY_STATES) if (states.includes(state)) return state;
  return false;
}
