// What a record shows of its activities (Odoo's mail.activity.mixin fields): the most urgent
// state, and the deadline, type, owner and summary of the first activity due. One search over
// mail.activity serves a whole batch of records.

import type { Model } from '../../../models/model.ts';
import type { RecordValues } from '../../../models/types.ts';
import { mostUrgent, type ActivityState } from './activity_state.ts';

export interface ActivityInfo {
  activity_ids: number[];
  activity_state: ActivityState | false;
  activity_date_deadline: string | false;
  activity_type_id: [number, string] | false;
  activity_user_id: [number, string] | false;
  activity_summary: string | false;
  my_activity_date_deadline: string | false;
}

const EMPTY: ActivityInfo = {
  activity_ids: [], activity_state: false, activity_date_deadline: false, activity_type_id: false,
  activity_user_id: false, activity_summary: false, my_activity_date_deadline: false,
};

/** The activity summary of each record of `model` among `ids`. */
export async function activityInfo(model: Model, ids: number[]): Promise<Map<number, ActivityInfo>> {
  const activities = ids.length ? await model.env.model('mail.activity').sudo().search_read(
    [['res_model', '=', model.meta.name], ['res_id', 'in', ids]],
    ['res_id', 'date_deadline', 'user_id', 'activity_type_id', 'summary', 'state']) : [];
  const byRecord = new Map<number, RecordValues[]>();
  // search_read keeps mail.activity's order (deadline first), so the first of each list is the next due.
  for (const a of activities) byRecord.set(Number(a.res_id), [...(byRecord.get(Number(a.res_id)) ?? []), a]);
  const uid = model.env.uid;
  return new Map(ids.map((id) => {
    const list = byRecord.get(id);
    if (!list?.length) return [id, EMPTY];
    const first = list[0];
    const mine = list.find((a) => Array.isArray(a.user_id) && a.user_id[0] === uid);
    return [id, {
      activity_ids: list.map((a) => a.id),
      activity_state: mostUrgent(list.map((a) => a.state as ActivityState)),
      activity_date_deadline: first.date_deadline as string,
      activity_type_id: first.activity_type_id as [number, string] | false,
      activity_user_id: first.user_id as [number, string] | false,
      activity_summary: (first.summary as string | false) || false,
      my_activity_date_deadline: mine ? (mine.date_deadline as string) : false,
    }];
  }));
}
