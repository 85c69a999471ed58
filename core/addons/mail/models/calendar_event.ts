// calendar.event: meetings, possibly linked to a record (res_model/res_id) such as a lead. As in
// Odoo, a meeting created for a record that has activities schedules a Meeting activity on it
// (deleted with the meeting), and `next_meeting` gives each record its upcoming meeting.

import { defineModel } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import type { Model, Values } from '../../../models/model.ts';
import type { Env } from '../../../models/env.ts';
import type { RecordValues } from '../../../models/types.ts';
import { now } from '../../../clock.ts';
import { dateInTz, envTz, fromDatetime, toDatetime, usersTz } from '../lib/dates.ts';

/** A record's upcoming meeting, as `next_meeting` returns it. */
export interface NextMeeting {
  id: number;
  name: string;
  start: string;
  stop: string;
  allday: boolean;
}

/** The methods of calendar.event, for callers: `env.model<CalendarEvent>('calendar.event')`. */
export interface CalendarEvent extends Model {
  /** For each record id: its next meeting (not yet ended), or false. */
  next_meeting(resModel: string, resIds: number[]): Promise<Record<number, NextMeeting | false>>;
}

const HOUR_MS = 3_600_000;

/** Odoo's shapes: all-day events span 08:00-18:00 of their dates; others get a stop from the duration. */
function normalize(vals: Values): Values {
  const out = { ...vals };
  if (out.allday && out.start_date) {
    out.stop_date ||= out.start_date;
    out.start = `${String(out.start_date)} 08:00:00`;
    out.stop = `${String(out.stop_date)} 18:00:00`;
  } else if (out.start && !out.stop) {
    const hours = typeof out.duration === 'number' && out.duration > 0 ? out.duration : 1;
    out.stop = toDatetime(new Date(fromDatetime(String(out.start)).getTime() + hours * HOUR_MS));
  }
  if (out.start && !out.allday) out.start_date = String(out.start).slice(0, 10);
  if (out.stop && !out.allday) out.stop_date = String(out.stop).slice(0, 10);
  delete out.duration;
  return out;
}

export const Event = defineModel({
  name: 'calendar.event',
  description: 'Calendar Event',
  order: 'start desc, id desc',
  fields: {
    name: fields.char({ string: 'Meeting Subject', required: true }),
    start: fields.datetime({ required: true, help: 'Start date of an event, without time for full days events' }),
    stop: fields.datetime({ required: true, help: 'Stop date of an event, without time for full days events' }),
    allday: fields.boolean({ string: 'All Day', default: false }),
    start_date: fields.date(),
    stop_date: fields.date({ string: 'End Date' }),
    duration: fields.float({ compute: '_compute_duration', depends: ['start', 'stop'], store: true, readonly: false }),
    description: fields.html(),
    location: fields.char({ help: 'Location of Event' }),
    user_id: fields.many2one('res.users', { string: 'Organizer', default: (env: Env) => env.uid }),
    partner_ids: fields.many2many('res.partner', { string: 'Attendees', relation: 'calendar_event_res_partner_rel' }),
    res_model: fields.char({ string: 'Document Model Name' }),
    res_id: fields.integer({ string: 'Document ID' }),
    activity_ids: fields.one2many('mail.activity', 'calendar_event_id', { string: 'Activities' }),
    active: fields.boolean({ default: true }),
  },
  methods: (Base) => class extends Base {
    _compute_duration(records: RecordValues[]): Map<number, unknown> {
      return new Map(records.map((r) => [r.id, r.start && r.stop
        ? Math.round(((fromDatetime(String(r.stop)).getTime() - fromDatetime(String(r.start)).getTime()) / HOUR_MS) * 100) / 100 : 0]));
    }

    override async create(vals: Values | Values[]): Promise<any> {
      const list = (Array.isArray(vals) ? vals : [vals]).map(normalize);
      const ids: number[] = await super.create(list);
      await scheduleMeetingActivities(this, ids);
      return Array.isArray(vals) ? ids : ids[0];
    }

    override async write(ids: number[] | number, vals: Values): Promise<true> {
      const touchesDates = ['start', 'stop', 'allday', 'start_date', 'stop_date', 'duration'].some((k) => k in vals);
      return super.write(ids, touchesDates ? normalize(vals) : vals);
    }

    async next_meeting(resModel: string, resIds: number[]): Promise<Record<number, NextMeeting | false>> {
      const at = toDatetime(now(this.env.context));
      const rows = resIds.length ? await this.search_read([['res_model', '=', resModel], ['res_id', 'in', resIds], ['stop', '>=', at]],
        ['res_id', 'name', 'start', 'stop', 'allday'], { order: 'start asc, id asc' }) : [];
      const result: Record<number, NextMeeting | false> = Object.fromEntries(resIds.map((id) => [id, false]));
      for (const r of rows) {
        const resId = Number(r.res_id);
        if (result[resId] === false) result[resId] = { id: r.id, name: String(r.name), start: String(r.start), stop: String(r.stop), allday: Boolean(r.allday) };
      }
      return result;
    }
  },
});

/** Odoo's calendar: a meeting about a record with activities becomes a Meeting activity on it,
 *  due on the meeting's date in the organizer's time zone. */
async function scheduleMeetingActivities(events: Model, ids: number[]): Promise<void> {
  const env = events.env;
  const rows = (await events.read(ids, ['name', 'start', 'start_date', 'allday', 'res_model', 'res_id', 'user_id', 'activity_ids']))
    .filter((r) => r.res_model && r.res_id && !(r.activity_ids as number[]).length
      && env.registry.has(String(r.res_model)) && env.registry.get(String(r.res_model)).fields.has('activity_ids'));
  if (!rows.length) return;
  const [meetingType] = await env.model('mail.activity.type').search([['category', '=', 'meeting']], { limit: 1 });
  if (!meetingType) return;
  const organizer = (r: RecordValues) => (Array.isArray(r.user_id) ? (r.user_id[0] as number) : env.uid);
  const zones = await usersTz(env, rows.map(organizer));
  const fallback = zones.size < rows.length ? await envTz(env) : 'UTC';
  await env.model('mail.activity').create(rows.map((r) => ({
    res_model: r.res_model, res_id: r.res_id, activity_type_id: meetingType, calendar_event_id: r.id, summary: r.name, user_id: organizer(r),
    date_deadline: r.allday ? r.start_date : dateInTz(fromDatetime(String(r.start)), zones.get(organizer(r)) ?? fallback),
  })));
}
