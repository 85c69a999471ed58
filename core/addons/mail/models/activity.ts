// mail.activity: a follow-up planned on any record (found by res_model/res_id, as in Odoo), owned
// by a user, due on a date. Its state is computed when read, in the owner's time zone, against
// `core/clock.ts`. Marking it done logs a message on the record, deletes it, and chains the next.

import { defineModel } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import type { Model } from '../../../models/model.ts';
import type { Env } from '../../../models/env.ts';
import type { RecordValues } from '../../../models/types.ts';
import { now } from '../../../clock.ts';
import { dateInTz, envTz, usersTz } from '../lib/dates.ts';
import { ACTIVITY_STATES, stateOf } from '../lib/activity_state.ts';
import { actionDone, type DoneResult } from '../lib/activity_done.ts';

/** The methods of mail.activity, for callers: `env.model<MailActivity>('mail.activity')`. */
export interface MailActivity extends Model {
  /** Marks done with an optional feedback; returns the posted messages, next activities and suggestions. */
  _action_done(ids: number[], feedback?: string): Promise<DoneResult>;
  /** Odoo's "Mark Done" with feedback: returns the id of the first message posted (or false). */
  action_feedback(ids: number[] | number, feedback?: string): Promise<number | false>;
  action_done(ids: number[] | number): Promise<number | false>;
  /** "Done & Schedule Next": marks done and returns what the scheduling dialog proposes. */
  action_feedback_schedule_next(ids: number[] | number, feedback?: string): Promise<ScheduleNext | false>;
}

/** What the UI needs to open the "schedule next activity" dialog after a 'suggest' type. */
export interface ScheduleNext {
  res_model: string;
  res_id: number;
  previous_activity_type_id: number | false;
  suggested_type_ids: number[];
}

const asIds = (ids: number[] | number): number[] => (Array.isArray(ids) ? ids : [ids]);

export const Activity = defineModel({
  name: 'mail.activity',
  description: 'Activity',
  order: 'date_deadline asc, id asc',
  recName: 'summary',
  fields: {
    res_model: fields.char({ string: 'Related Document Model', required: true, index: true }),
    res_id: fields.integer({ string: 'Related Document ID', required: true, index: true }),
    res_name: fields.char({ string: 'Document Name', compute: '_compute_res_name', depends: ['res_model', 'res_id'] }),
    activity_type_id: fields.many2one('mail.activity.type', { string: 'Activity Type', ondelete: 'restrict' }),
    activity_category: fields.selection([['default', 'None'], ['upload_file', 'Upload Document'], ['phonecall', 'Phonecall'], ['meeting', 'Meeting']],
      { related: 'activity_type_id.category' }),
    icon: fields.char({ related: 'activity_type_id.icon' }),
    summary: fields.char(),
    note: fields.html(),
    date_deadline: fields.date({ string: 'Due Date', required: true, index: true, default: async (env: Env) => dateInTz(now(env.context), await envTz(env)) }),
    automated: fields.boolean({ help: 'Indicates this activity has been created automatically and not by any user.' }),
    user_id: fields.many2one('res.users', { string: 'Assigned to', required: true, index: true, default: (env: Env) => env.uid }),
    state: fields.selection(ACTIVITY_STATES, { compute: '_compute_state', depends: ['date_deadline', 'user_id'] }),
    previous_activity_type_id: fields.many2one('mail.activity.type', { string: 'Previous Activity Type' }),
    calendar_event_id: fields.many2one('calendar.event', { string: 'Calendar Meeting', ondelete: 'cascade', index: true }),
  },
  methods: (Base) => class extends Base {
    /** One time-zone query for the owners of the whole batch. */
    async _compute_state(records: RecordValues[]): Promise<Map<number, unknown>> {
      const owner = (r: RecordValues) => (Array.isArray(r.user_id) ? (r.user_id[0] as number) : 0);
      const zones = await usersTz(this.env, records.map(owner).filter(Boolean));
      const at = now(this.env.context);
      return new Map(records.map((r) => [r.id, r.date_deadline ? stateOf(String(r.date_deadline), zones.get(owner(r)) ?? 'UTC', at) : false]));
    }

    /** Display names of the linked records, one query per model. */
    async _compute_res_name(records: RecordValues[]): Promise<Map<number, unknown>> {
      const byModel = new Map<string, number[]>();
      for (const r of records) if (r.res_model && this.env.registry.has(String(r.res_model))) byModel.set(String(r.res_model), [...(byModel.get(String(r.res_model)) ?? []), Number(r.res_id)]);
      const names = new Map<string, Map<number, string>>();
      for (const [model, ids] of byModel) names.set(model, await this.env.sudo().model(model)._display_names(ids));
      return new Map(records.map((r) => [r.id, names.get(String(r.res_model))?.get(Number(r.res_id)) ?? false]));
    }

    async _action_done(ids: number[], feedback?: string): Promise<DoneResult> {
      return actionDone(this, ids, feedback);
    }

    async action_feedback(ids: number[] | number, feedback?: string): Promise<number | false> {
      const done = await this._action_done(asIds(ids), feedback);
      return done.message_ids[0] ?? false;
    }

    async action_done(ids: number[] | number): Promise<number | false> {
      return this.action_feedback(ids);
    }

    async action_feedback_schedule_next(ids: number[] | number, feedback?: string): Promise<ScheduleNext | false> {
      const [first] = await this.read(asIds(ids).slice(0, 1), ['res_model', 'res_id']);
      const done = await this._action_done(asIds(ids), feedback);
      if (!first) return false;
      const [suggestion] = done.suggestions;
      return {
        res_model: String(first.res_model), res_id: Number(first.res_id),
        previous_activity_type_id: suggestion?.previous_activity_type_id ?? false,
        suggested_type_ids: suggestion?.suggested_type_ids ?? [],
      };
    }
  },
});
