// One kanban card, rendered from the layout (no QWeb): title, amounts and relations, tags as
// coloured chips, priority stars that can be clicked, the activity clock, and the user's initials.

import { html, nothing } from 'lit';
import '../../widgets/kanban_activity.ts';
import { formatValue } from '../../format.ts';
import { t } from '../../i18n.ts';
import type { CardField, KanbanLayout } from './layout.ts';

export type CardRecord = Record<string, unknown> & { id: number };

/** Odoo's 12 colours (`o_tag_color_N`, the kanban colour picker); 0 is "no colour". */
export const COLORS = ['', '#f06050', '#f4a460', '#f7cd1f', '#6cc1ed', '#814968', '#eb7e7f', '#2c8397', '#475577', '#d6145f', '#30c381', '#9365b8'];

export interface CardContext {
  model: string;
  context: Record<string, unknown>;
  layout: KanbanLayout;
  /** Display names and colours of many2many targets, by model then id. */
  tags: Map<string, Map<number, { name: string; color: number }>>;
  /** Currency symbols and positions by currency id. */
  currencies: Map<number, { symbol: string; position: string }>;
  dragging: number | null;
  onOpen(record: CardRecord): void;
  onPriority(record: CardRecord, field: CardField, value: string): void;
  onDragStart(event: DragEvent, record: CardRecord): void;
  onDragEnd(): void;
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return (words.length > 1 ? words[0][0] + words[words.length - 1][0] : (words[0] ?? '?').slice(0, 2)).toUpperCase();
}

/** A stable colour for an avatar, from the record's id (as Odoo's placeholder avatars). */
export const avatarColor = (id: number): string => COLORS[1 + (Math.abs(id * 7) % (COLORS.length - 1))];

/** A money amount with its currency: the record's, else the only one the cards use. */
export function withCurrency(text: string, currencyId: number | undefined, ctx: Pick<CardContext, 'currencies'>): string {
  const info = (currencyId ? ctx.currencies.get(currencyId) : undefined) ?? (ctx.currencies.size === 1 ? [...ctx.currencies.values()][0] : undefined);
  if (!info) return text;
  return info.position === 'before' ? `${info.symbol}\u00a0${text}` : `${text}\u00a0${info.symbol}`;
}

export function formatAmount(record: CardRecord, cf: CardField, ctx: CardContext): string {
  const text = formatValue(record[cf.name] ?? 0, cf.field);
  if (cf.field.type !== 'monetary') return text;
  const currency = record[cf.field.currency_field ?? 'currency_id'];
  return withCurrency(text, Array.isArray(currency) ? (currency[0] as number) : undefined, ctx);
}

function stars(record: CardRecord, cf: CardField, ctx: CardContext) {
  const options = cf.field.selection ?? [['0', ''], ['1', ''], ['2', ''], ['3', '']];
  const current = options.findIndex(([key]) => key === record[cf.name]);
  return html`<span class="stars" role="group" aria-label=${cf.field.string || t('Priority')}>${options.slice(1).map(([key, label], i) => {
    const on = i + 1 <= current;
    return html`<button type="button" class=${on ? 'star on' : 'star'} title=${label} aria-label=${t('Priority: {label}', { label: label || key })} aria-pressed=${String(current === i + 1)}
      @click=${(e: Event) => { e.stopPropagation(); ctx.onPriority(record, cf, current === i + 1 ? options[0][0] : key); }}>${on ? '★' : '☆'}</button>`;
  })}</span>`;
}

function tagChips(record: CardRecord, cf: CardField, ctx: CardContext) {
  const ids = (record[cf.name] as number[] | undefined) ?? [];
  if (!ids.length) return nothing;
  const known = ctx.tags.get(cf.field.relation ?? '');
  return html`<div class="tags">${ids.map((id) => {
    const tag = known?.get(id);
    const color = COLORS[(tag?.color ?? 0) % COLORS.length];
    return html`<span class="tag" style=${color ? `--tag:${color}` : ''}>${tag?.name ?? '…'}</span>`;
  })}</div>`;
}

function avatar(record: CardRecord, cf: CardField) {
  const value = record[cf.name];
  if (!Array.isArray(value)) return nothing;
  const name = String(value[1]);
  return html`<span class="avatar" title=${name} aria-label=${name} style="background:${avatarColor(value[0] as number)}">${initials(name)}</span>`;
}

export function renderCard(record: CardRecord, ctx: CardContext) {
  const { layout } = ctx;
  const title = layout.card.find((c) => c.part === 'title');
  const body = layout.card.filter((c) => c.part === 'line' || c.part === 'amount' || c.part === 'date');
  const color = layout.colorField ? COLORS[Number(record[layout.colorField] ?? 0) % COLORS.length] : '';
  const draggable = layout.records_draggable;
  return html`<article class="card ${ctx.dragging === record.id ? 'dragging' : ''}" data-id=${record.id} tabindex="0"
      style=${color ? `--card-color:${color}` : ''} draggable=${draggable ? 'true' : 'false'}
      aria-label=${title ? String(record[title.name] ?? '') : `#${record.id}`}
      @dragstart=${(e: DragEvent) => ctx.onDragStart(e, record)} @dragend=${() => ctx.onDragEnd()}
      @click=${() => ctx.onOpen(record)} @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter' && e.target === e.currentTarget) ctx.onOpen(record); }}>
    ${title ? html`<div class="title">${formatValue(record[title.name], title.field)}</div>` : nothing}
    ${body.map((cf) => {
      const text = cf.part === 'amount' ? formatAmount(record, cf, ctx) : formatValue(record[cf.name], cf.field);
      if (text && cf.label) return html`<div class="line labelled" data-field=${cf.name}><span class="label">${cf.label}</span><span class="value">${text}</span></div>`;
      return text ? html`<div class=${cf.part === 'amount' ? 'line amount' : 'line'} data-field=${cf.name}>${text}</div>` : nothing;
    })}
    ${layout.card.filter((c) => c.part === 'tags').map((cf) => tagChips(record, cf, ctx))}
    ${layout.card.some((c) => c.part === 'priority' || c.part === 'avatar' || c.part === 'activity') ? html`<div class="bottom">
      <div class="left">${layout.card.filter((c) => c.part === 'priority').map((cf) => stars(record, cf, ctx))}${layout.card.some((c) => c.part === 'activity')
        ? html`<erp-kanban-activity .model=${ctx.model} .resId=${record.id} .state=${record.activity_state ?? false} .context=${ctx.context}></erp-kanban-activity>` : nothing}</div>
      <div class="right">${layout.card.filter((c) => c.part === 'avatar').map((cf) => avatar(record, cf))}</div>
    </div>` : nothing}
  </article>`;
}
