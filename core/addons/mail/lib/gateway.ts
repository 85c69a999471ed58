// The mail gateway (Odoo's `mail.thread.message_process`): an email received (by the SMTP server
// of smtp_server.ts, or from any other source) is parsed, routed, and lands in a chatter.
//
// Routing, in Odoo's order:
//   1. a message already received (same Message-ID) is ignored, so a sender that retries after a
//      lost reply does not create a second record;
//   2. a reply (In-Reply-To or References naming a message we keep) goes to that message's
//      record: the model's `message_update`, then the email is posted there;
//   3. otherwise each alias among the recipients routes it: to the alias's forced record, or to
//      a new record of the alias's model made by the model's `message_new` with the alias's
//      default values; the email is then posted on it as its first message.
// The html is sanitized, attachments are kept with the record and the message. The caller runs
// one message in one transaction: a failure anywhere leaves nothing behind.

import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { errors, ErpError } from '../../../errors.ts';
import type { Env } from '../../../models/env.ts';
import type { Model, Values } from '../../../models/model.ts';
import { now } from '../../../clock.ts';
import type { AliasRoute, MailAlias } from '../models/alias.ts';
import { newMessageId, type NewAttachment, type PostValues } from '../models/message.ts';
import { toDatetime } from './dates.ts';
import { sanitizeHtml, textToHtml } from './html_sanitize.ts';
import { parseDict } from './literal.ts';

/** An email as the gateway and the models' `message_new` / `message_update` hooks see it. */
export interface InboundMessage {
  message_id: string;
  subject: string;
  /** The From header as written: `Sara Ahmadi <sara@example.com>`. */
  from: string;
  /** The sender's address alone. */
  email_from: string;
  /** The sender's name, or '' when the header gives none. */
  from_name: string;
  to: string[];
  cc: string[];
  /** The addresses the message was delivered to (the SMTP envelope, else To and Cc). */
  recipients: string[];
  in_reply_to: string | false;
  /** Message-IDs of the thread, oldest first (References, then In-Reply-To). */
  references: string[];
  /** When it was written (UTC), now when the Date header is missing or wrong. */
  date: string;
  /** The body as safe html (the html part sanitized, else the text part). */
  body: string;
  /** The body as plain text. */
  text: string;
  /** The partner whose email is the sender's, if any. */
  author_id: number | false;
  attachments: NewAttachment[];
}

export interface ProcessOptions {
  /** The SMTP envelope's recipients (RCPT TO); without them, the To and Cc headers. */
  recipients?: string[];
}

/** Where a message went. */
export interface RouteResult {
  kind: 'new' | 'update';
  model: string;
  res_id: number;
  /** The alias that routed it (new records and forced threads). */
  alias?: string;
}

export interface ProcessResult {
  message_id: string;
  /** Empty when the message was already received. */
  routes: RouteResult[];
  duplicate: boolean;
}

interface PlannedRoute {
  kind: 'new' | 'update';
  model: string;
  res_id?: number;
  alias?: AliasRoute;
}

/** A refusal the sender should hear about (the SMTP server answers with `smtp`). */
export const refusal = (message: string, smtp = '550 5.7.1'): ErpError => errors.userError(message, { smtp });

/** What the gateway hooks need of a model: `mailThread`'s methods. */
interface ThreadModel extends Model {
  message_new(msg: InboundMessage, customValues?: Values): Promise<number>;
  message_update(ids: number[], msg: InboundMessage, updateValues?: Values): Promise<true>;
  message_post(ids: number, values: PostValues): Promise<number>;
}

const addresses = (value: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((o) => o.value)
    .flatMap((a) => (a.group ?? [a]).map((g) => g.address ?? '')).filter(Boolean);

const idList = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? value.split(/\s+/) : []).map((id) => id.trim()).filter(Boolean);

/** The partner of an address: the oldest active one whose email it is. */
async function partnerOf(env: Env, email: string): Promise<number | false> {
  if (!email) return false;
  const rows = await env.cr.query<{ id: number }>(
    'SELECT id FROM res_partner WHERE lower(trim(email)) = lower($1) AND active ORDER BY id LIMIT 1', [email.trim()]);
  return rows[0]?.id ?? false;
}

/** The parsed email in the gateway's shape (Odoo's `message_parse`). */
export async function messageParse(env: Env, parsed: ParsedMail, options: ProcessOptions = {}): Promise<InboundMessage> {
  const sender = parsed.from?.value.find((a) => a.address);
  if (!sender?.address) throw refusal('The message has no sender address (From header).', '550 5.1.7');
  const to = addresses(parsed.to);
  const cc = addresses(parsed.cc);
  const references = [...idList(parsed.references), ...idList(parsed.inReplyTo)];
  const written = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : now(env.context);
  const text = parsed.text ?? '';
  const body = parsed.html ? sanitizeHtml(parsed.html) : textToHtml(text);
  return {
    message_id: parsed.messageId?.trim() || newMessageId(),
    subject: parsed.subject?.trim() ?? '',
    from: parsed.from!.text,
    email_from: sender.address,
    from_name: sender.name?.trim() ?? '',
    to, cc,
    recipients: options.recipients?.length ? options.recipients : [...to, ...cc],
    in_reply_to: parsed.inReplyTo?.trim() || false,
    references: [...new Set(references)],
    date: toDatetime(written),
    body, text,
    author_id: await partnerOf(env, sender.address),
    attachments: parsed.attachments.map((a, i) => ({
      name: a.filename || `attachment-${i + 1}`, content: a.content, mimetype: a.contentType || 'application/octet-stream',
    })),
  };
}

/** The record a reply belongs to: the newest message we keep among its references. */
async function replyRoute(env: Env, msg: InboundMessage): Promise<PlannedRoute | null> {
  if (!msg.references.length) return null;
  const rows = await env.cr.query<{ res_model: string; res_id: number }>(
    `SELECT res_model, res_id FROM mail_message
      WHERE message_id = ANY($1::text[]) AND res_model IS NOT NULL AND res_id IS NOT NULL
      ORDER BY id DESC LIMIT 1`, [msg.references]);
  const row = rows[0];
  if (!row || !env.registry.has(row.res_model)) return null;
  const [exists] = await env.model(row.res_model).with_context({ active_test: false }).exists([row.res_id]);
  return exists ? { kind: 'update', model: row.res_model, res_id: row.res_id } : null;
}

/** The routes of a message (Odoo's `message_route`); refuses a message that has none. */
export async function messageRoute(env: Env, msg: InboundMessage): Promise<PlannedRoute[]> {
  const reply = await replyRoute(env, msg);
  if (reply) return [reply];
  const aliases = await env.model<MailAlias>('mail.alias')._match_recipients(msg.recipients);
  const routes: PlannedRoute[] = [];
  for (const alias of new Map([...aliases.values()].map((a) => [a.id, a])).values()) {
    if (alias.alias_contact === 'partners' && !msg.author_id) {
      throw refusal(`Only known contacts may write to ${alias.alias_name}: ${msg.email_from} is not one.`);
    }
    routes.push(alias.alias_force_thread_id
      ? { kind: 'update', model: alias.model, res_id: alias.alias_force_thread_id, alias }
      : { kind: 'new', model: alias.model, alias });
  }
  if (!routes.length) {
    throw refusal(`No alias matches ${msg.recipients.join(', ') || 'the recipients'} and the message replies to no known message.`, '550 5.1.1');
  }
  return routes;
}

function threadModel(env: Env, name: string): ThreadModel {
  if (!env.registry.has(name)) throw refusal(`The alias points to the model "${name}", which is not installed.`, '550 5.3.0');
  const model = env.model(name) as ThreadModel;
  if (typeof model.message_new !== 'function') throw refusal(`The model "${name}" cannot receive emails (it has no chatter).`, '550 5.3.0');
  return model;
}

/** Runs the routes: the records' hooks, then the email posted on each record. */
async function messageRouteProcess(env: Env, msg: InboundMessage, routes: PlannedRoute[]): Promise<RouteResult[]> {
  const results: RouteResult[] = [];
  for (const route of routes) {
    const model = threadModel(env, route.model);
    let resId: number;
    if (route.kind === 'new') {
      resId = await model.message_new(msg, parseDict(route.alias!.alias_defaults, 'mail.alias', 'alias_defaults'));
    } else {
      resId = route.res_id!;
      await model.message_update([resId], msg, {});
    }
    await model.message_post(resId, {
      body: msg.body, subject: msg.subject, message_type: 'email', subtype: 'comment', author_id: msg.author_id,
      email_from: msg.from, message_id: msg.message_id, date: msg.date, attachments: msg.attachments,
    });
    results.push({ kind: route.kind, model: route.model, res_id: resId, ...(route.alias ? { alias: route.alias.alias_name } : {}) });
  }
  return results;
}

/** Processes one raw email (RFC 5322 text) in the caller's transaction, as the environment's
 *  user (the SMTP server uses the superuser, as Odoo's gateway). Throws a user error carrying
 *  `details.smtp` when the message is refused. */
export async function message_process(env: Env, rawMessage: Buffer | string, options: ProcessOptions = {}): Promise<ProcessResult> {
  const parsed = await simpleParser(rawMessage, { skipHtmlToText: false, skipTextToHtml: true, skipImageLinks: true });
  const msg = await messageParse(env, parsed, options);
  const known = await env.cr.query<{ id: number }>('SELECT id FROM mail_message WHERE message_id = $1 LIMIT 1', [msg.message_id]);
  if (known.length) return { message_id: msg.message_id, routes: [], duplicate: true };
  const routes = await messageRoute(env, msg);
  return { message_id: msg.message_id, routes: await messageRouteProcess(env, msg, routes), duplicate: false };
}
