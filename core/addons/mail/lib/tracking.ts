// Field tracking: the values of the tracked fields (`tracking: true`) before and after a write,
// as display text (names for many2one/x2many, labels for selections), and ONE message per changed
// record listing them ("Stage: New -> Won"), with a mail.tracking.value per field.

import type { Model } from '../../../models/model.ts';
import type { Field } from '../../../models/types.ts';
import { escapeHtml, type MailMessage } from '../models/message.ts';

export type Snapshot = Map<number, Map<string, string>>;

interface Change {
  field: Field;
  old: string;
  now: string;
}

/** The tracked fields among `names`, in the model's field order. */
export function trackedFields(model: Model, names: string[]): Field[] {
  const wanted = new Set(names);
  return [...model.meta.fields.values()].filter((f) => f.tracking && wanted.has(f.name));
}

/** The display text of the tracked fields of `ids`: one read, plus one name query per x2many comodel. */
export async function snapshot(model: Model, ids: number[], fields: Field[]): Promise<Snapshot> {
  const reader = model.sudo().with_context({ active_test: false });
  const rows = await reader.read(ids, fields.map((f) => f.name));
  const x2manyNames = new Map<string, Map<number, string>>();
  for (const field of fields.filter((f) => f.type === 'one2many' || f.type === 'many2many')) {
    const linked = [...new Set(rows.flatMap((r) => r[field.name] as number[]))];
    x2manyNames.set(field.name, linked.length ? await model.env.sudo().model(field.comodel!)._display_names(linked) : new Map());
  }
  return new Map(rows.map((row) => [row.id, new Map(fields.map((f) => [f.name, displayText(f, row[f.name], x2manyNames.get(f.name))]))]));
}

/** A value as a person reads it; empty values are ''. */
function displayText(field: Field, value: unknown, names?: Map<number, string>): string {
  if (value === false || value === null || value === undefined) return field.type === 'boolean' ? 'No' : '';
  switch (field.type) {
    case 'many2one': return String((value as [number, string])[1] ?? '');
    case 'one2many':
    case 'many2many': return (value as number[]).map((id) => names?.get(id) ?? String(id)).join(', ');
    case 'selection': return field.selection?.find(([key]) => key === value)?.[1] ?? String(value);
    case 'boolean': return value ? 'Yes' : 'No';
    default: return String(value);
  }
}

/** The changes per record between two snapshots. */
function changes(before: Snapshot, after: Snapshot, fields: Field[]): Map<number, Change[]> {
  const result = new Map<number, Change[]>();
  for (const [id, values] of after) {
    const list = fields.filter((f) => before.get(id)?.get(f.name) !== values.get(f.name))
      .map((f) => ({ field: f, old: before.get(id)?.get(f.name) ?? '', now: values.get(f.name) ?? '' }));
    if (list.length) result.set(id, list);
  }
  return result;
}

/** "Stage: New -> Won", with "None" for an empty side, as the chatter shows it. */
export const changeLine = (label: string, old: string, now: string): string => `${label}: ${old || 'None'} -> ${now || 'None'}`;

/** Posts one tracking message per changed record and its tracking values: two creates in all. */
export async function logTracking(model: Model, before: Snapshot, after: Snapshot, fields: Field[]): Promise<number[]> {
  const byRecord = changes(before, after, fields);
  if (!byRecord.size) return [];
  const ids = [...byRecord.keys()];
  const bodies = ids.map((id) => `<ul>${byRecord.get(id)!.map((c) => `<li>${changeLine(escapeHtml(c.field.string), escapeHtml(c.old), escapeHtml(c.now))}</li>`).join('')}</ul>`);
  const messageIds = await model.env.model<MailMessage>('mail.message')._post(model.meta.name, ids,
    bodies.map((body) => ({ body, message_type: 'notification', subtype: 'note' })));
  await model.env.model('mail.tracking.value').sudo().create(ids.flatMap((id, i) => byRecord.get(id)!.map((c) => ({
    mail_message_id: messageIds[i], field_name: c.field.name, field_label: c.field.string, field_type: c.field.type,
    old_value: c.old || false, new_value: c.now || false,
  }))));
  return messageIds;
}
