// The mail mixins, for addon authors: `mailThread(model)` gives a model a chatter (messages,
// message_post, field tracking) and `mailActivityMixin(model)` gives it activities. Each returns an
// `extendModel(...)` extension to list in the manifest's `extend` (the addon depends on `mail`):
//
//   extend: [mailThread('crm.lead'), mailActivityMixin('crm.lead')]
//
// Messages and activities point to records by (res_model, res_id), as in Odoo, so the extended
// model gets no column: its fields here are computed on read, and unlink cleans up after it.
// `mailThread` also gives the model the hooks of the mail gateway (lib/gateway.ts):
// `message_new` (an email to an alias of the model creates a record) and `message_update` (a
// reply reaches the record). `mailAliasMixin(model)` gives each record an alias of its own.

import { extendModel, type ModelExtension } from '../../models/define.ts';
import { fields } from '../../models/fields.ts';
import { toIds, type Model, type Values } from '../../models/model.ts';
import type { ComputeFn, RecordValues } from '../../models/types.ts';
import type { Env } from '../../models/env.ts';
import { now } from '../../clock.ts';
import { ACTIVITY_STATES } from './lib/activity_state.ts';
import { activityInfo, type ActivityInfo } from './lib/activity_info.ts';
import { activitySearches } from './lib/activity_search.ts';
import { addDelay, dateInTz, envTz, type DelayUnit } from './lib/dates.ts';
import { logTracking, snapshot, trackedFields } from './lib/tracking.ts';
import type { MailMessage, PostValues } from './models/message.ts';
import type { InboundMessage } from './lib/gateway.ts';

export { mailAliasMixin, type MailAliasOwner } from './lib/alias_mixin.ts';
export type { InboundMessage } from './lib/gateway.ts';

/** What `mailThread` adds to a model, for callers: `env.model<MailThread>('crm.lead')`. */
export interface MailThread extends Model {
  /** Posts a message on each record; one id gives the message id, a list gives a list. */
  message_post(ids: number, values: PostValues): Promise<number>;
  message_post(ids: number[], values: PostValues): Promise<number[]>;
  /** The mail gateway's hook for an email that starts a thread: creates the record (by default
   *  named after the subject, with `customValues`, the alias's defaults) and returns its id. */
  message_new(msg: InboundMessage, customValues?: Values): Promise<number>;
  /** The gateway's hook for a reply to the records: writes `updateValues` (none by default). */
  message_update(ids: number[] | number, msg: InboundMessage, updateValues?: Values): Promise<true>;
}

/** What `mailActivityMixin` adds to a model, for callers. */
export interface MailActivityRecords extends Model {
  /** Schedules one activity of a type (external id or id) on each record; returns their ids. */
  activity_schedule(ids: number[] | number, options: ActivityScheduleOptions): Promise<number[]>;
}

export interface ActivityScheduleOptions {
  /** `mail.mail_activity_data_call`, or an id. */
  activity_type: string | number;
  /** Defaults to today plus the type's delay. */
  date_deadline?: string;
  summary?: string;
  note?: string;
  /** Defaults to the type's default user, then the current user. */
  user_id?: number;
}

const idsByModel = async (model: Model, target: string, ids: number[]): Promise<number[]> =>
  model.env.model(target).sudo().search([['res_model', '=', model.meta.name], ['res_id', 'in', ids]]);

export function mailThread(modelName: string): ModelExtension {
  return extendModel(modelName, {
    fields: {
      message_ids: fields.json({ string: 'Messages', compute: '_compute_message_ids', help: 'Ids of the messages of the record, newest first' }),
    },
    methods: (Base) => class extends Base {
      async _compute_message_ids(records: RecordValues[]): Promise<Map<number, unknown>> {
        const rows = await this.env.model('mail.message').sudo().search_read(
          [['res_model', '=', this.meta.name], ['res_id', 'in', records.map((r) => r.id)]], ['res_id']);
        const byRecord = new Map<number, number[]>(records.map((r) => [r.id, []]));
        for (const row of rows) byRecord.get(Number(row.res_id))?.push(row.id);
        return byRecord;
      }

      async message_post(ids: number[] | number, values: PostValues): Promise<number | number[]> {
        const posted = await this.env.model<MailMessage>('mail.message')._post(this.meta.name, toIds(ids), values);
        return Array.isArray(ids) ? posted : posted[0];
      }

      async message_new(msg: InboundMessage, customValues: Values = {}): Promise<number> {
        const data: Values = { ...customValues };
        const nameField = this.meta.recName ?? 'name';
        if (this.meta.fields.has(nameField) && !data[nameField]) data[nameField] = msg.subject || 'No Subject';
        return this.create(data) as Promise<number>;
      }

      async message_update(ids: number[] | number, _msg: InboundMessage, updateValues: Values = {}): Promise<true> {
        if (Object.keys(updateValues).length) await this.write(ids, updateValues);
        return true;
      }

      /** Tracked fields: read before and after, then one message per changed record. */
      override async write(ids: number[] | number, vals: Values): Promise<true> {
        const list = [...new Set(toIds(ids))];
        const tracked = trackedFields(this, Object.keys(vals));
        if (!tracked.length || !list.length || this.env.context.tracking_disable || this.env.context.mail_notrack) return super.write(ids, vals);
        const before = await snapshot(this, list, tracked);
        await super.write(ids, vals);
        await logTracking(this, before, await snapshot(this, list, tracked), tracked);
        return true;
      }

      override async unlink(ids: number[] | number): Promise<true> {
        const list = toIds(ids);
        await super.unlink(ids);
        if (list.length) await this.env.model('mail.message').sudo().unlink(await idsByModel(this, 'mail.message', list));
        // The files received with the records' emails go with them.
        if (list.length) await this.env.model('ir.attachment').sudo().unlink(await idsByModel(this, 'ir.attachment', list));
        return true;
      }
    },
  });
}

/** The activity fields share one computation per batch; each field picks its part. Function
 *  computes receive the environment, not the model, hence the model name. */
const activityField = (modelName: string, name: keyof ActivityInfo): ComputeFn => async (records, env) => {
  const model = (env as Env).model(modelName);
  const ids = records.map((r) => r.id);
  // All the activity fields of one read share the lookup (when the read runs on this model).
  const info = await model._shared(`activity_info:${ids.join(',')}`, () => activityInfo(model, ids));
  return new Map([...info].map(([id, i]) => [id, i[name]]));
};

export function mailActivityMixin(modelName: string): ModelExtension {
  const searches = activitySearches(modelName);
  const computed = (name: keyof ActivityInfo) => ({ compute: activityField(modelName, name), search: searches[name] });
  return extendModel(modelName, {
    fields: {
      activity_ids: fields.json({ string: 'Activities', ...computed('activity_ids') }),
      activity_state: fields.selection(ACTIVITY_STATES, { string: 'Activity State', ...computed('activity_state') }),
      activity_date_deadline: fields.date({ string: 'Next Activity Deadline', ...computed('activity_date_deadline') }),
      activity_type_id: fields.many2one('mail.activity.type', { string: 'Next Activity Type', ...computed('activity_type_id') }),
      activity_user_id: fields.many2one('res.users', { string: 'Responsible User', ...computed('activity_user_id') }),
      activity_summary: fields.char({ string: 'Next Activity Summary', ...computed('activity_summary') }),
      my_activity_date_deadline: fields.date({ string: 'My Activity Deadline', ...computed('my_activity_date_deadline') }),
    },
    methods: (Base) => class extends Base {
      async activity_schedule(ids: number[] | number, options: ActivityScheduleOptions): Promise<number[]> {
        return scheduleActivities(this, toIds(ids), options);
      }

      override async unlink(ids: number[] | number): Promise<true> {
        const list = toIds(ids);
        await super.unlink(ids);
        if (list.length) await this.env.model('mail.activity').sudo().unlink(await idsByModel(this, 'mail.activity', list));
        return true;
      }
    },
  });
}

/** Odoo's `activity_schedule`: the type's defaults fill what the caller leaves out. */
async function scheduleActivities(model: Model, ids: number[], options: ActivityScheduleOptions): Promise<number[]> {
  if (!ids.length) return [];
  const env = model.env;
  const typeId = typeof options.activity_type === 'number' ? options.activity_type : await env.refId(options.activity_type);
  const [type] = await env.model('mail.activity.type').sudo().with_context({ active_test: false })
    .read(typeId, ['summary', 'default_note', 'default_user_id', 'delay_count', 'delay_unit']);
  const deadline = options.date_deadline
    ?? addDelay(dateInTz(now(env.context), await envTz(env)), Number(type.delay_count ?? 0), (type.delay_unit || 'days') as DelayUnit);
  return env.model('mail.activity').create(ids.map((id) => ({
    res_model: model.meta.name, res_id: id, activity_type_id: typeId, date_deadline: deadline,
    summary: options.summary ?? (type.summary || false), note: options.note ?? (type.default_note || false),
    user_id: options.user_id ?? ((Array.isArray(type.default_user_id) ? type.default_user_id[0] : false) || env.uid),
  })));
}

// Helpers of the mail addon that addons use: HTML escaping for messages, and Odoo's dict
// literals (alias defaults) parsed safely and written back.
export { escapeHtml } from './models/message.ts';
export { parseDict, pyRepr } from './lib/literal.ts';
