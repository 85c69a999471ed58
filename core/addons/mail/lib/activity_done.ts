// Marking activities done, set-based (Odoo's `mail.activity._action_done`): one message per
// activity on its record ("Call done" and the feedback), the activities deleted, and for types
// chained with 'trigger' the next activity created. The query count depends on the number of
// distinct models and types involved, never on the number of activities.

import type { Model } from '../../../models/model.ts';
import type { RecordValues } from '../../../models/types.ts';
import { now } from '../../../clock.ts';
import { addDelay, dateInTz, envTz, type DelayUnit } from './dates.ts';
import { escapeHtml, type MailMessage, type PostValues } from '../models/message.ts';

export interface DoneResult {
  /** One message per activity done, in the order of the ids given. */
  message_ids: number[];
  /** The activities created by 'trigger' chaining. */
  next_activity_ids: number[];
  /** For activities whose type suggests next types: what to propose to the user. */
  suggestions: Array<{ activity_id: number; res_model: string; res_id: number; previous_activity_type_id: number; suggested_type_ids: number[] }>;
}

const m2o = (value: unknown): number | false => (Array.isArray(value) ? (value[0] as number) : false);

/** The chatter line of a done activity: "Call done: summary", the feedback, the original note. */
function doneBody(typeName: string, activity: RecordValues, feedback?: string): string {
  const summary = activity.summary ? `: ${escapeHtml(String(activity.summary))}` : '';
  let body = `<p>${escapeHtml(typeName || 'Activity')} done${summary}</p>`;
  if (feedback) body += `<p>Feedback: ${escapeHtml(feedback).replace(/\n/g, '<br/>')}</p>`;
  if (activity.note) body += `<p>Original note:</p>${String(activity.note)}`;
  return body;
}

export async function actionDone(activities: Model, ids: number[], feedback?: string): Promise<DoneResult> {
  const result: DoneResult = { message_ids: [], next_activity_ids: [], suggestions: [] };
  const unique = [...new Set(ids)];
  if (!unique.length) return result;
  const sudo = activities.sudo();
  const rows = await sudo.read(unique, ['res_model', 'res_id', 'activity_type_id', 'summary', 'note', 'date_deadline']);
  const typeIds = [...new Set(rows.map((r) => m2o(r.activity_type_id)).filter((id): id is number => Boolean(id)))];
  const types = new Map((typeIds.length ? await activities.env.model('mail.activity.type').sudo().with_context({ active_test: false })
    .read(typeIds, ['name', 'chaining_type', 'triggered_next_type_id', 'suggested_next_type_ids']) : []).map((t) => [t.id, t]));
  result.message_ids = await postDone(activities, rows, types, feedback);
  result.next_activity_ids = await createTriggered(activities, rows, types);
  for (const row of rows) {
    const type = types.get(m2o(row.activity_type_id) || 0);
    if (type?.chaining_type === 'suggest' && (type.suggested_next_type_ids as number[]).length) {
      result.suggestions.push({ activity_id: row.id, res_model: String(row.res_model), res_id: Number(row.res_id), previous_activity_type_id: type.id, suggested_type_ids: type.suggested_next_type_ids as number[] });
    }
  }
  await sudo.unlink(unique);
  return result;
}

/** One `_post` per model of the records concerned; returns the message ids in activity order. */
async function postDone(activities: Model, rows: RecordValues[], types: Map<number, RecordValues>, feedback?: string): Promise<number[]> {
  const messages = activities.env.model<MailMessage>('mail.message');
  const byModel = new Map<string, RecordValues[]>();
  for (const row of rows) byModel.set(String(row.res_model), [...(byModel.get(String(row.res_model)) ?? []), row]);
  const idOf = new Map<number, number>();
  for (const [model, list] of byModel) {
    if (!activities.env.registry.has(model)) continue;
    const values: PostValues[] = list.map((row) => {
      const type = types.get(m2o(row.activity_type_id) || 0);
      return { body: doneBody(String(type?.name ?? ''), row, feedback), message_type: 'notification', subtype: 'note', mail_activity_type_id: type?.id };
    });
    const ids = await messages._post(model, list.map((r) => Number(r.res_id)), values);
    list.forEach((row, i) => idOf.set(row.id, ids[i]));
  }
  return rows.map((r) => idOf.get(r.id)).filter((id): id is number => Boolean(id));
}

/** The next activities of 'trigger' types, with the deadline rule of the type they create. */
async function createTriggered(activities: Model, rows: RecordValues[], types: Map<number, RecordValues>): Promise<number[]> {
  const chained = rows.filter((r) => {
    const type = types.get(m2o(r.activity_type_id) || 0);
    return type?.chaining_type === 'trigger' && m2o(type.triggered_next_type_id);
  });
  if (!chained.length) return [];
  const env = activities.env;
  const nextIds = [...new Set(chained.map((r) => m2o(types.get(m2o(r.activity_type_id) as number)!.triggered_next_type_id) as number))];
  const nextTypes = new Map((await env.model('mail.activity.type').sudo().with_context({ active_test: false })
    .read(nextIds, ['summary', 'default_note', 'default_user_id', 'delay_count', 'delay_unit', 'delay_from'])).map((t) => [t.id, t]));
  const today = dateInTz(now(env.context), await envTz(env));
  const vals = chained.map((row) => {
    const previousType = m2o(row.activity_type_id) as number;
    const next = nextTypes.get(m2o(types.get(previousType)!.triggered_next_type_id) as number)!;
    const base = next.delay_from === 'previous_activity' && row.date_deadline ? String(row.date_deadline) : today;
    return {
      res_model: row.res_model, res_id: row.res_id, activity_type_id: next.id, previous_activity_type_id: previousType,
      summary: next.summary || false, note: next.default_note || false,
      date_deadline: addDelay(base, Number(next.delay_count ?? 0), (next.delay_unit || 'days') as DelayUnit),
      user_id: m2o(next.default_user_id) || env.uid,
    };
  });
  return activities.sudo().create(vals);
}
