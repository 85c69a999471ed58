// Cards that move: to another column (the group-by field is written) or to another place in their
// column (the model's `sequence` is written for the column's cards in one request, when the model
// has one; otherwise the new order lasts until the next load, as in Odoo). The screen changes
// first; when the server refuses, the card goes back and the view says why.

import { callKw } from '../../rpc.ts';
import { t } from '../../i18n.ts';
import type { CardRecord } from './card.ts';
import type { Column } from './data.ts';
import type { KanbanLayout } from './layout.ts';
import { resequence } from './groups.ts';

export interface MoveContext {
  model: string;
  context: Record<string, unknown>;
  layout: KanbanLayout;
  /** The group-by field (without granularity). */
  field: string;
  /** Whether the model has an integer `sequence` (read with the cards). */
  hasSequence: boolean;
  update(): void;
  notify(message: string): void;
  reread(id: number): Promise<CardRecord | undefined>;
  replace(record: CardRecord): void;
}

/** Keeps a column's count, total and progressbar right when one of its cards is added (+1),
 *  removed (-1) or changed (`before` then `after`). */
export function account(column: Column, layout: KanbanLayout, record: CardRecord, sign: 1 | -1): void {
  column.count += sign;
  if (layout.sumField) column.sum += sign * Number(record[layout.sumField] ?? 0);
  if (layout.progressField) {
    const value = String(record[layout.progressField]);
    column.progress.set(value, (column.progress.get(value) ?? 0) + sign);
  }
}

export function accountChange(column: Column, layout: KanbanLayout, before: CardRecord, after: CardRecord): void {
  account(column, layout, before, -1);
  account(column, layout, after, 1);
}

/** Numbers the column's loaded cards in their order on screen, from the lowest number they had. */
function writeOrder(ctx: MoveContext, column: Column): Promise<boolean> {
  const numbers = column.records.map((r) => Number(r.sequence)).filter((n) => Number.isFinite(n));
  const offset = numbers.length ? Math.min(...numbers) : 0;
  column.records = column.records.map((r, i) => ({ ...r, sequence: offset + i }));
  return resequence(ctx.model, column.records.map((r) => r.id), offset, ctx.context);
}

const insert = (list: CardRecord[], record: CardRecord, index: number) => [...list.slice(0, index), record, ...list.slice(index)];

/** A card to another place in its own column (`index` among the other cards). */
export async function reorderCard(ctx: MoveContext, column: Column, id: number, index: number): Promise<void> {
  const before = column.records;
  const record = before.find((r) => r.id === id);
  if (!record) return;
  const others = before.filter((r) => r.id !== id);
  const after = insert(others, record, Math.min(index, others.length));
  if (after.every((r, i) => r === before[i])) return;
  column.records = after;
  ctx.update();
  if (!ctx.hasSequence) return;
  try {
    await writeOrder(ctx, column);
  } catch (error) {
    column.records = before;
    ctx.update();
    ctx.notify(t('Could not move the record: {message}', { message: (error as Error).message }));
  }
}

/** A card to another column, at `index` there: the group-by field written, then the new order. */
export async function moveCard(ctx: MoveContext, id: number, from: Column, to: Column, index: number): Promise<void> {
  const at = from.records.findIndex((r) => r.id === id);
  if (at < 0 || to.value === undefined) return;
  const record = from.records[at];
  const moved = { ...record, [ctx.field]: to.readValue };
  from.records = from.records.filter((r) => r.id !== id);
  to.records = insert(to.records, moved, Math.min(index, to.records.length));
  account(from, ctx.layout, record, -1);
  account(to, ctx.layout, record, 1);
  ctx.update();
  try {
    await callKw(ctx.model, 'write', [[id], { [ctx.field]: to.value }], { context: ctx.context });
  } catch (error) {
    to.records = to.records.filter((r) => r.id !== id);
    from.records = insert(from.records, record, at);
    account(to, ctx.layout, record, -1);
    account(from, ctx.layout, record, 1);
    ctx.update();
    ctx.notify(t('Could not move the record: {message}', { message: (error as Error).message }));
    return;
  }
  // The stage is written; the place in the column is a nicety that may fail on its own.
  if (ctx.hasSequence) await writeOrder(ctx, to).catch((error: Error) => ctx.notify(error.message));
  const fresh = await ctx.reread(id).catch(() => undefined);
  if (fresh) ctx.replace(fresh);
}
