// mail.message: the chatter of any record, found by (res_model, res_id) as in Odoo, and
// mail.tracking.value: the field changes a tracking message lists ("Stage: New -> Won"), kept as
// display text so the history still reads right after the stage is renamed or deleted.

import { defineModel } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import type { Model } from '../../../models/model.ts';
import type { Env } from '../../../models/env.ts';
import { now } from '../../../clock.ts';
import { toDatetime } from '../lib/dates.ts';

export type MessageType = 'comment' | 'notification';
export type MessageSubtype = 'note' | 'comment';

/** What `message_post` takes. */
export interface PostValues {
  body?: string;
  message_type?: MessageType;
  subtype?: MessageSubtype;
  /** The partner who writes; defaults to the current user's partner. */
  author_id?: number;
  mail_activity_type_id?: number;
}

/** The methods of mail.message, for callers: `env.model<MailMessage>('mail.message')`. */
export interface MailMessage extends Model {
  /** Posts one message per record (same values for each); returns their ids in order. */
  _post(resModel: string, resIds: number[], values: PostValues | PostValues[]): Promise<number[]>;
}

/** The partner behind the environment's user (the default author). */
export async function currentPartner(env: Env): Promise<number | null> {
  const rows = await env.cr.query<{ partner_id: number }>('SELECT partner_id FROM res_users WHERE id = $1', [env.uid]);
  return rows[0]?.partner_id ?? null;
}

export const Message = defineModel({
  name: 'mail.message',
  description: 'Message',
  order: 'id desc',
  recName: 'subject',
  fields: {
    subject: fields.char(),
    body: fields.html({ string: 'Contents', default: '' }),
    res_model: fields.char({ string: 'Related Document Model', index: true }),
    res_id: fields.integer({ string: 'Related Document ID', index: true }),
    record_name: fields.char({ string: 'Message Record Name' }),
    message_type: fields.selection([['comment', 'Comment'], ['notification', 'System notification']],
      { string: 'Type', required: true, default: 'comment' }),
    subtype: fields.selection([['note', 'Note'], ['comment', 'Discussions']], { string: 'Subtype', default: 'note' }),
    author_id: fields.many2one('res.partner', { string: 'Author', ondelete: 'set null', index: true }),
    date: fields.datetime({ default: (env: Env) => toDatetime(now(env.context)) }),
    mail_activity_type_id: fields.many2one('mail.activity.type', { string: 'Mail Activity Type', ondelete: 'set null' }),
    tracking_value_ids: fields.one2many('mail.tracking.value', 'mail_message_id', { string: 'Tracking values' }),
  },
  methods: (Base) => class extends Base {
    async _post(resModel: string, resIds: number[], values: PostValues | PostValues[]): Promise<number[]> {
      if (!resIds.length) return [];
      const author = Array.isArray(values) && values.every((v) => v.author_id) ? null : await currentPartner(this.env);
      const names = await this.env.sudo().model(resModel)._display_names(resIds);
      const list = resIds.map((resId, i) => {
        const v = Array.isArray(values) ? values[i] : values;
        return {
          res_model: resModel, res_id: resId, record_name: names.get(resId) ?? false,
          body: v.body ?? '', message_type: v.message_type ?? 'comment', subtype: v.subtype ?? 'note',
          author_id: v.author_id ?? author ?? false, mail_activity_type_id: v.mail_activity_type_id ?? false,
        };
      });
      return this.sudo().create(list);
    }
  },
});

export const TrackingValue = defineModel({
  name: 'mail.tracking.value',
  description: 'Mail Tracking Value',
  order: 'id',
  recName: 'field_label',
  fields: {
    mail_message_id: fields.many2one('mail.message', { string: 'Message ID', required: true, ondelete: 'cascade', index: true }),
    field_name: fields.char({ string: 'Field', required: true }),
    field_label: fields.char({ string: 'Field Description' }),
    field_type: fields.char({ string: 'Field Type' }),
    old_value: fields.text({ string: 'Old Value' }),
    new_value: fields.text({ string: 'New Value' }),
  },
});

/** Escapes user text before it goes into an html body. */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
