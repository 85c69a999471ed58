// mail.message: the chatter of any record, found by (res_model, res_id) as in Odoo, and
// mail.tracking.value: the field changes a tracking message lists ("Stage: New -> Won"), kept as
// display text so the history still reads right after the stage is renamed or deleted.
// Every message has an RFC 5322 Message-ID (`message_id`): an email received by the gateway keeps
// its own, so that a reply to it (In-Reply-To, References) finds the record it belongs to.

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { defineModel } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import type { Model } from '../../../models/model.ts';
import type { Env } from '../../../models/env.ts';
import { now } from '../../../clock.ts';
import { toDatetime } from '../lib/dates.ts';

export type MessageType = 'email' | 'comment' | 'notification';
export type MessageSubtype = 'note' | 'comment';

/** What `message_post` takes. */
export interface PostValues {
  body?: string;
  message_type?: MessageType;
  subtype?: MessageSubtype;
  /** The partner who writes; defaults to the current user's partner (false: nobody known, as
   *  for an email from an unknown sender, then `email_from` says who). */
  author_id?: number | false;
  mail_activity_type_id?: number;
  subject?: string;
  /** The Message-ID of an email received; a new one is made otherwise. */
  message_id?: string;
  /** The sender's address, for an email from someone without a partner. */
  email_from?: string;
  /** When the message was written (UTC); defaults to now. */
  date?: string;
  /** Files to keep with the record and the message. */
  attachments?: NewAttachment[];
}

/** A file posted with a message: its name, contents and type. */
export interface NewAttachment {
  name: string;
  content: Buffer;
  mimetype?: string;
}

/** A Message-ID of ours, unique, as Odoo's `generate_tracking_message_id`. */
export const newMessageId = (): string => `<${Date.now()}.${randomBytes(8).toString('hex')}-erp@${hostname() || 'localhost'}>`;

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
    message_type: fields.selection([['email', 'Email'], ['comment', 'Comment'], ['notification', 'System notification']],
      { string: 'Type', required: true, default: 'comment' }),
    subtype: fields.selection([['note', 'Note'], ['comment', 'Discussions']], { string: 'Subtype', default: 'note' }),
    author_id: fields.many2one('res.partner', { string: 'Author', ondelete: 'set null', index: true }),
    date: fields.datetime({ default: (env: Env) => toDatetime(now(env.context)) }),
    mail_activity_type_id: fields.many2one('mail.activity.type', { string: 'Mail Activity Type', ondelete: 'set null' }),
    tracking_value_ids: fields.one2many('mail.tracking.value', 'mail_message_id', { string: 'Tracking values' }),
    message_id: fields.char({ string: 'Message-Id', index: true, readonly: true, copy: false, default: newMessageId, help: 'Message unique identifier' }),
    email_from: fields.char({ string: 'From', help: 'Email address of the sender, used when the author has no partner' }),
    attachment_ids: fields.many2many('ir.attachment', { string: 'Attachments', relation: 'message_attachment_rel', column1: 'message_id', column2: 'attachment_id' }),
  },
  methods: (Base) => class extends Base {
    async _post(resModel: string, resIds: number[], values: PostValues | PostValues[]): Promise<number[]> {
      if (!resIds.length) return [];
      const author = Array.isArray(values) && values.every((v) => v.author_id) ? null : await currentPartner(this.env);
      const names = await this.env.sudo().model(resModel)._display_names(resIds);
      const valuesOf = (i: number): PostValues => (Array.isArray(values) ? values[i] : values);
      const attachments = await this._post_attachments(resModel, resIds, resIds.map((_, i) => valuesOf(i).attachments ?? []));
      const list = resIds.map((resId, i) => {
        const v = valuesOf(i);
        const optional = Object.fromEntries((['subject', 'message_id', 'email_from', 'date'] as const).filter((k) => v[k]).map((k) => [k, v[k]]));
        return {
          res_model: resModel, res_id: resId, record_name: names.get(resId) ?? false,
          body: v.body ?? '', message_type: v.message_type ?? 'comment', subtype: v.subtype ?? 'note',
          author_id: v.author_id ?? author ?? false, mail_activity_type_id: v.mail_activity_type_id ?? false,
          ...optional, ...(attachments[i].length ? { attachment_ids: [[6, 0, attachments[i]]] } : {}),
        };
      });
      return this.sudo().create(list);
    }

    /** The files of each message, kept with its record: one create for all of them. */
    async _post_attachments(resModel: string, resIds: number[], files: NewAttachment[][]): Promise<number[][]> {
      const rows = files.flatMap((list, i) => list.map((f) => ({
        name: f.name, datas: f.content, mimetype: f.mimetype || 'application/octet-stream', res_model: resModel, res_id: resIds[i],
      })));
      const ids = rows.length ? await this.env.sudo().model('ir.attachment').create(rows) : [];
      let next = 0;
      return files.map((list) => list.map(() => ids[next++]));
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
