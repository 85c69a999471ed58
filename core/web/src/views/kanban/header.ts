// A kanban column's header (Odoo 17): the title (an input while it is renamed), the count, "+" to
// quick create, the cog menu (Fold, Edit, Delete: the last two only for records of a comodel), the
// progressbar and the total; a folded column as a strip; and the "Add a column" column at the end.

import { html, nothing } from 'lit';
import type { Fields } from '../../arch.ts';
import { formatValue } from '../../format.ts';
import { addTranslations, t } from '../../i18n.ts';
import { withCurrency } from './card.ts';
import { BAR_COLORS, type Column } from './data.ts';
import type { KanbanLayout } from './layout.ts';

addTranslations('fa', {
  'Column settings': 'تنظیمات ستون', 'Edit': 'ویرایش', 'Delete': 'حذف', 'Column name': 'نام ستون',
  'Add a column': 'افزودن ستون', 'Total': 'جمع', 'Quick create': 'ایجاد سریع', 'Fold': 'جمع کردن', 'Unfold': 'باز کردن',
  'Add': 'افزودن', 'Discard': 'رها کردن',
});

export interface HeaderContext {
  layout: KanbanLayout;
  fields: Fields;
  currencies: Map<number, { symbol: string; position: string }>;
  /** The column whose cog menu is open, and the one being renamed. */
  menuKey: string | null;
  renaming: string | null;
  canCreate(column: Column): boolean;
  /** Edit and Delete: the column is a record of the grouping's comodel. */
  canManage(column: Column): boolean;
  /** Whether the columns move by their header (the comodel has a sequence). */
  draggable: boolean;
  onFold(column: Column): void;
  onQuickCreate(column: Column): void;
  onMenu(column: Column | null, focusItem?: boolean): void;
  onEdit(column: Column): void;
  onRename(column: Column, name: string | null): void;
  onDelete(column: Column): void;
  onDragStart(event: DragEvent, column: Column): void;
  onDragEnd(): void;
}

function columnSum(column: Column, ctx: HeaderContext): string {
  const info = ctx.layout.sumField ? ctx.fields[ctx.layout.sumField] : undefined;
  if (!info) return '';
  const text = formatValue(Math.round(column.sum), { type: 'integer', string: '' });
  return info.type === 'monetary' ? withCurrency(text, undefined, { currencies: ctx.currencies }) : text;
}

/** Odoo's progressbar: one coloured segment per value named in `colors`, the rest grey. */
function renderBar(column: Column, ctx: HeaderContext) {
  const layout = ctx.layout;
  if (!layout.progressField) return html`<span class="spacer"></span>`;
  const field = ctx.fields[layout.progressField];
  const total = Math.max(1, column.count);
  return html`<div class="bar" aria-hidden="true">${Object.entries(layout.progressColors).map(([value, color]) => {
    const count = column.progress.get(value) ?? 0;
    const label = field?.selection?.find(([k]) => k === value)?.[1] ?? value;
    return count > 0 ? html`<span data-value=${value} title=${`${label}: ${count}`} style="width:${(100 * count) / total}%;background:${BAR_COLORS[color] ?? color}"></span>` : nothing;
  })}</div>`;
}

/** The cog's menu; arrows move between its items, Escape closes it. */
function renderMenu(column: Column, ctx: HeaderContext) {
  const manage = ctx.canManage(column);
  const keys = (e: KeyboardEvent) => {
    const items = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const at = items.indexOf(e.target as HTMLElement);
    if (e.key === 'Escape') { e.preventDefault(); ctx.onMenu(null); }
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };
  return html`<div class="menu" role="menu" aria-label=${t('Column settings')} @keydown=${keys}>
    <button role="menuitem" @click=${() => { ctx.onMenu(null); ctx.onFold(column); }}>${t('Fold')}</button>
    ${manage && ctx.layout.groupEdit ? html`<button role="menuitem" @click=${() => { ctx.onMenu(null); ctx.onEdit(column); }}>${t('Edit')}</button>` : nothing}
    ${manage && ctx.layout.groupDelete ? html`<button role="menuitem" class="danger" @click=${() => { ctx.onMenu(null); ctx.onDelete(column); }}>${t('Delete')}</button>` : nothing}
  </div>`;
}

function renderTitle(column: Column, ctx: HeaderContext) {
  if (ctx.renaming !== column.key) return html`<h2 title=${column.label}>${column.label}</h2>`;
  let done = false;
  const finish = (input: HTMLInputElement, save: boolean) => {
    if (done) return;
    done = true;
    ctx.onRename(column, save ? input.value : null);
  };
  return html`<input class="rename" aria-label=${t('Column name')} .value=${column.label} autocomplete="off"
    @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Enter') { e.preventDefault(); finish(e.currentTarget as HTMLInputElement, true); }
      if (e.key === 'Escape') { e.preventDefault(); finish(e.currentTarget as HTMLInputElement, false); }
    }}
    @blur=${(e: FocusEvent) => finish(e.currentTarget as HTMLInputElement, true)}>`;
}

export function renderHeader(column: Column, ctx: HeaderContext) {
  const sum = columnSum(column, ctx);
  const open = ctx.menuKey === column.key;
  const draggable = ctx.draggable && ctx.canManage(column) && ctx.renaming !== column.key;
  return html`<header draggable=${draggable ? 'true' : 'false'} class=${draggable ? 'grab' : ''}
      @dragstart=${(e: DragEvent) => { if (draggable && e.target === e.currentTarget) ctx.onDragStart(e, column); }} @dragend=${() => ctx.onDragEnd()}>
    <div class="head">
      ${renderTitle(column, ctx)}
      <span class="count" aria-label=${`${column.count}`}>(${column.count})</span>
      <span class="spacer"></span>
      <button class="icon" aria-label=${t('Fold')} title=${t('Fold')} aria-expanded="true" @click=${() => ctx.onFold(column)}>‹</button>
      ${ctx.canCreate(column) ? html`<button class="icon" aria-label=${t('Quick create')} title=${t('Quick create')} @click=${() => ctx.onQuickCreate(column)}>+</button>` : nothing}
      <span class="cog-wrap">
        <button class="icon cog ${open ? 'open' : ''}" aria-label=${t('Column settings')} title=${t('Column settings')} aria-haspopup="menu" aria-expanded=${String(open)}
          @click=${(e: MouseEvent) => ctx.onMenu(open ? null : column, e.detail === 0)}>⚙</button>
        ${open ? renderMenu(column, ctx) : nothing}
      </span>
    </div>
    <div class="progress">
      ${renderBar(column, ctx)}
      ${sum ? html`<span class="sum" title=${ctx.fields[ctx.layout.sumField]?.string ?? t('Total')}>${sum}</span>` : nothing}
    </div>
  </header>`;
}

/** The "+ Add a column" column after the last one; open, it asks for the new group's name. */
export function renderAddColumn(open: boolean, label: string, onToggle: (open: boolean) => void, onAdd: (input: HTMLInputElement) => void) {
  if (!open) {
    return html`<div class="add-column"><button class="add-toggle" @click=${() => onToggle(true)}><span aria-hidden="true">+</span> ${t('Add a column')}</button></div>`;
  }
  return html`<div class="add-column open">
    <form class="quick" aria-label=${t('Add a column')} @submit=${(e: Event) => { e.preventDefault(); onAdd((e.currentTarget as HTMLFormElement).querySelector('input')!); }}
      @keydown=${(e: KeyboardEvent) => { if (e.key === 'Escape') { e.preventDefault(); onToggle(false); } }}>
      <input name="group" autocomplete="off" aria-label=${label} placeholder=${label}>
      <div class="actions"><button class="btn primary" type="submit">${t('Add')}</button><button class="btn" type="button" @click=${() => onToggle(false)}>${t('Discard')}</button></div>
    </form>
  </div>`;
}
