// The kanban view (Odoo 17): cards in columns grouped by the view's `default_group_by` or the
// search panel's first group-by; every stage shows, even empty ones (as Odoo's group_expand);
// a column's header has its count and total; cards move between columns by drag and drop
// (written at once, undone with a message if the server refuses); "+" quick-creates a card in a
// column; columns fold; 40 cards per column, then "Load more".

import { LitElement, html, nothing } from 'lit';
import { callKw } from '../rpc.ts';
import type { Fields } from '../arch.ts';
import { formatValue } from '../format.ts';
import { addTranslations, t } from '../i18n.ts';
import { registerView, type Domain, type WindowAction } from './registry.ts';
import { kanbanLayout, type CardField, type KanbanLayout } from './kanban/layout.ts';
import { renderCard, withCurrency, type CardContext, type CardRecord } from './kanban/card.ts';
import { kanbanStyles } from './kanban/styles.ts';
import { BAR_COLORS, PAGE, describe, loadColumns, type Column, type Query } from './kanban/data.ts';

addTranslations('fa', {
  'None': 'هیچ',
  'Load more': 'بیشتر',
  'Load more ({count} left)': 'بیشتر ({count} مانده)',
  'Quick create': 'ایجاد سریع',
  'Add': 'افزودن',
  'Discard': 'رها کردن',
  'Fold': 'جمع کردن',
  'Unfold': 'باز کردن',
  'Dismiss': 'بستن',
  'No record found': 'رکوردی یافت نشد',
  'Priority': 'اولویت',
  'Priority: {label}': 'اولویت: {label}',
  'Could not move the record: {message}': 'جابجایی رکورد ممکن نشد: {message}',
  'Could not create the record: {message}': 'ایجاد رکورد ممکن نشد: {message}',
  'Could not save: {message}': 'ذخیره ممکن نشد: {message}',
  'Total': 'جمع',
});

export class KanbanView extends LitElement {
  static override properties = {
    model: {}, arch: {}, fields: { attribute: false }, models: { attribute: false }, domain: { attribute: false },
    context: { attribute: false }, groupBy: { attribute: false }, action: { attribute: false },
    columns: { state: true }, records: { state: true }, total: { state: true }, notice: { state: true },
    quickCreate: { state: true }, dropKey: { state: true }, dragging: { state: true }, folded: { state: true },
  };
  declare model: string;
  declare arch: string;
  declare fields: Fields;
  declare models: Record<string, Fields>;
  declare domain: Domain;
  declare context: Record<string, unknown>;
  declare groupBy: string[];
  declare action: WindowAction | undefined;
  /** Grouped: the columns; null while loading or when not grouped. */
  declare private columns: Column[] | null;
  /** Not grouped: the cards. */
  declare private records: CardRecord[] | null;
  declare private total: number;
  declare private notice: string;
  /** Key of the column whose quick create is open. */
  declare private quickCreate: string | null;
  declare private dropKey: string | null;
  declare private dragging: number | null;
  /** Keys of the columns folded by the user, kept across reloads. */
  declare private folded: Set<string>;

  static override styles = kanbanStyles;

  private layout: KanbanLayout | null = null;
  private groupField = '';
  private loadedKey = '';
  private loadToken = 0;
  private dragFrom: string | null = null;
  private tags = new Map<string, Map<number, { name: string; color: number }>>();
  private currencies = new Map<number, { symbol: string; position: string }>();
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.columns = null;
    this.records = null;
    this.total = 0;
    this.notice = '';
    this.quickCreate = null;
    this.dropKey = null;
    this.dragging = null;
    this.folded = new Set();
    this.domain = [];
    this.context = {};
    this.groupBy = [];
    this.models = {};
    this.fields = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('resize', this.fit);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('resize', this.fit);
    clearTimeout(this.noticeTimer);
  }

  /** The board fills the window below the view, so each column scrolls on its own. */
  private fit = (): void => {
    const top = this.getBoundingClientRect().top + window.scrollY;
    this.style.setProperty('--board-height', `${Math.max(320, window.innerHeight - top)}px`);
  };

  override updated(changed: Map<string, unknown>): void {
    // The action manager hands new arrays at each render: reload only when the query changed.
    const key = JSON.stringify([this.model, this.arch, this.domain, this.groupBy, this.context]);
    if (this.model && this.arch && key !== this.loadedKey) {
      this.loadedKey = key;
      void this.load();
    }
    if (changed.has('quickCreate') && this.quickCreate !== null) {
      this.renderRoot.querySelector<HTMLInputElement>('.quick input')?.focus();
    }
    this.fit();
  }

  private get cardCtx(): CardContext {
    return {
      layout: this.layout!, tags: this.tags, currencies: this.currencies, dragging: this.dragging,
      onOpen: (record) => this.open(record),
      onPriority: (record, field, value) => void this.setPriority(record, field, value),
      onDragStart: (event, record) => this.dragStart(event, record),
      onDragEnd: () => { this.dragging = null; this.dropKey = null; this.dragFrom = null; },
    };
  }

  // ---- loading ------------------------------------------------------------------------------

  async load(): Promise<void> {
    const token = ++this.loadToken;
    try {
      const layout = kanbanLayout(this.arch, this.fields);
      this.layout = layout;
      const groupBy = this.groupBy?.[0] || layout.defaultGroupBy;
      this.groupField = groupBy;
      if (!groupBy) {
        const [records, total] = await Promise.all([this.search(this.domain, 0), callKw<number>(this.model, 'search_count', [this.domain], { context: this.context })]);
        if (token !== this.loadToken) return;
        await this.describe(records);
        if (token !== this.loadToken) return;
        this.columns = null;
        this.records = records;
        this.total = total;
        return;
      }
      const columns = await loadColumns(this.query, groupBy);
      await Promise.all(columns.filter((c) => !this.folded.has(c.key) && c.count > 0).map(async (c) => {
        c.records = await this.search(c.domain, 0);
        c.loaded = true;
      }));
      if (token !== this.loadToken) return;
      await this.describe(columns.flatMap((c) => c.records));
      if (token !== this.loadToken) return;
      this.records = null;
      this.columns = columns;
    } catch (error) {
      if (token === this.loadToken) this.notify((error as Error).message);
    }
  }

  private search(domain: Domain, offset: number): Promise<CardRecord[]> {
    return callKw<CardRecord[]>(this.model, 'search_read', [], { domain, fields: this.layout!.read, limit: PAGE, offset, context: this.context });
  }

  private get query(): Query {
    return { model: this.model, domain: this.domain, context: this.context, fields: this.fields, layout: this.layout!, tags: this.tags, currencies: this.currencies };
  }

  private describe(records: CardRecord[]): Promise<void> {
    return describe(this.query, records);
  }

  private async reread(id: number): Promise<CardRecord | undefined> {
    const [record] = await callKw<CardRecord[]>(this.model, 'read', [[id], this.layout!.read], { context: this.context });
    if (record) await this.describe([record]);
    return record;
  }

  private replace(record: CardRecord): void {
    for (const list of [this.records ?? [], ...(this.columns ?? []).map((c) => c.records)]) {
      const index = list.findIndex((r) => r.id === record.id);
      if (index >= 0) list[index] = record;
    }
    this.requestUpdate();
  }

  private async loadMore(column: Column | null): Promise<void> {
    try {
      if (!column) {
        const more = await this.search(this.domain, this.records!.length);
        await this.describe(more);
        this.records = [...this.records!, ...more];
        return;
      }
      const more = await this.search(column.domain, column.records.length);
      await this.describe(more);
      const known = new Set(column.records.map((r) => r.id));
      column.records = [...column.records, ...more.filter((r) => !known.has(r.id))];
      column.loaded = true;
      this.requestUpdate();
    } catch (error) {
      this.notify((error as Error).message);
    }
  }

  // ---- actions ------------------------------------------------------------------------------

  private notify(message: string): void {
    this.notice = message;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => { this.notice = ''; }, 8000);
  }

  private open(record: CardRecord): void {
    if (!this.layout?.canOpen) return;
    const ids = this.columns ? this.columns.find((c) => c.records.includes(record))?.records.map((r) => r.id) : this.records?.map((r) => r.id);
    this.dispatchEvent(new CustomEvent('open-record', { detail: { id: record.id, ids: ids ?? [record.id] }, bubbles: true, composed: true }));
  }

  private async setPriority(record: CardRecord, cf: CardField, value: string): Promise<void> {
    const before = record[cf.name];
    this.replace({ ...record, [cf.name]: value });
    try {
      await callKw(this.model, 'write', [[record.id], { [cf.name]: value }], { context: this.context });
    } catch (error) {
      this.replace({ ...record, [cf.name]: before });
      this.notify(t('Could not save: {message}', { message: (error as Error).message }));
    }
  }

  private async toggleFold(column: Column): Promise<void> {
    const folded = new Set(this.folded);
    if (folded.has(column.key)) {
      folded.delete(column.key);
      this.folded = folded;
      if (!column.loaded && column.count > 0) await this.loadMore(column);
    } else {
      folded.add(column.key);
      this.folded = folded;
      if (this.quickCreate === column.key) this.quickCreate = null;
    }
  }

  private dragStart(event: DragEvent, record: CardRecord): void {
    const from = this.columns?.find((c) => c.records.some((r) => r.id === record.id));
    if (!from || from.value === undefined) { event.preventDefault(); return; }
    event.dataTransfer?.setData('text/plain', String(record.id));
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    this.dragFrom = from.key;
    this.dragging = record.id;
  }

  private dragOver(event: DragEvent, column: Column): void {
    if (this.dragging === null || column.value === undefined) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    this.dropKey = column.key;
  }

  private dragLeave(event: DragEvent, column: Column): void {
    const to = event.relatedTarget as Node | null;
    if (this.dropKey === column.key && !(to && (event.currentTarget as Element).contains(to))) this.dropKey = null;
  }

  private drop(event: DragEvent, column: Column): void {
    event.preventDefault();
    const id = this.dragging;
    const from = this.columns?.find((c) => c.key === this.dragFrom);
    this.dragging = null;
    this.dropKey = null;
    this.dragFrom = null;
    if (id !== null && from && from !== column) void this.move(id, from, column);
  }

  /** Moves a card: on screen first, then the write; undone with a message if the server refuses. */
  async move(id: number, from: Column, to: Column): Promise<void> {
    const index = from.records.findIndex((r) => r.id === id);
    if (index < 0 || to.value === undefined) return;
    const record = from.records[index];
    const field = this.groupField.split(':')[0];
    const sumField = this.layout!.sumField;
    const amount = sumField ? Number(record[sumField] ?? 0) : 0;
    const bar = this.layout!.progressField ? String(record[this.layout!.progressField]) : '';
    const shift = (sign: 1 | -1) => {
      from.count -= sign; from.sum -= sign * amount;
      to.count += sign; to.sum += sign * amount;
      if (bar) {
        from.progress.set(bar, (from.progress.get(bar) ?? 0) - sign);
        to.progress.set(bar, (to.progress.get(bar) ?? 0) + sign);
      }
    };
    from.records = from.records.filter((r) => r.id !== id);
    const moved = { ...record, [field]: to.readValue };
    to.records = [moved, ...to.records];
    shift(1);
    this.requestUpdate();
    try {
      await callKw(this.model, 'write', [[id], { [field]: to.value }], { context: this.context });
      const fresh = await this.reread(id).catch(() => undefined);
      if (fresh) this.replace(fresh);
    } catch (error) {
      to.records = to.records.filter((r) => r.id !== id);
      from.records = [...from.records.slice(0, index), record, ...from.records.slice(index)];
      shift(-1);
      this.requestUpdate();
      this.notify(t('Could not move the record: {message}', { message: (error as Error).message }));
    }
  }

  private async quickAdd(column: Column, input: HTMLInputElement): Promise<void> {
    const layout = this.layout!;
    const name = input.value.trim();
    if (!name) { input.focus(); return; }
    const field = this.groupField.split(':')[0];
    const values: Record<string, unknown> = { [layout.nameField]: name };
    if (column.value !== undefined) values[field] = column.value;
    input.disabled = true;
    try {
      const created = await callKw<number | number[]>(this.model, 'create', [values], { context: this.context });
      const id = Array.isArray(created) ? created[0] : created;
      const record = (await this.reread(id)) ?? { id, [layout.nameField]: name };
      column.records = [record, ...column.records];
      column.count += 1;
      column.sum += layout.sumField ? Number(record[layout.sumField] ?? 0) : 0;
      if (layout.progressField) {
        const value = String(record[layout.progressField]);
        column.progress.set(value, (column.progress.get(value) ?? 0) + 1);
      }
      input.value = '';
      this.requestUpdate();
    } catch (error) {
      this.notify(t('Could not create the record: {message}', { message: (error as Error).message }));
    } finally {
      input.disabled = false;
      input.focus();
    }
  }

  // ---- rendering ----------------------------------------------------------------------------

  override render() {
    const notice = this.notice ? html`<div class="notice" role="alert"><span>${this.notice}</span>
      <button aria-label=${t('Dismiss')} @click=${() => { this.notice = ''; }}>×</button></div>` : nothing;
    if (!this.layout || (!this.columns && !this.records)) return html`${notice}<p class="loading">${t('Loading…')}</p>`;
    if (!this.columns) return html`${notice}${this.renderGrid()}`;
    return html`${notice}<div class="board" role="list">${this.columns.map((c) => this.renderColumn(c))}</div>`;
  }

  private renderGrid() {
    const records = this.records ?? [];
    if (!records.length) return html`<p class="empty">${helpText(this.action) || t('No record found')}</p>`;
    return html`<div class="grid">${records.map((r) => renderCard(r, this.cardCtx))}</div>
      ${records.length < this.total ? html`<p style="text-align:center"><button class="more" @click=${() => this.loadMore(null)}>${t('Load more ({count} left)', { count: this.total - records.length })}</button></p>` : nothing}`;
  }

  private renderColumn(column: Column) {
    const layout = this.layout!;
    const sumInfo = layout.sumField ? this.fields[layout.sumField] : undefined;
    const sumText = sumInfo ? formatValue(Math.round(column.sum), { type: 'integer', string: '' }) : '';
    const sum = sumInfo?.type === 'monetary' ? withCurrency(sumText, undefined, { currencies: this.currencies }) : sumText;
    const drop = {
      over: (e: DragEvent) => this.dragOver(e, column), leave: (e: DragEvent) => this.dragLeave(e, column), drop: (e: DragEvent) => this.drop(e, column),
    };
    if (this.folded.has(column.key)) {
      return html`<section class="column folded ${this.dropKey === column.key ? 'drop' : ''}" role="listitem" data-key=${column.key} aria-label=${column.label}
          @click=${() => this.toggleFold(column)} @dragover=${drop.over} @dragleave=${drop.leave} @drop=${drop.drop}>
        <button class="icon" aria-label=${t('Unfold')} title=${t('Unfold')} aria-expanded="false">›</button>
        <div class="vertical"><span>${column.label}</span><span class="count">(${column.count})</span></div>
      </section>`;
    }
    const canCreate = layout.quickCreate && column.value !== undefined;
    return html`<section class="column ${this.dropKey === column.key ? 'drop' : ''}" role="listitem" data-key=${column.key} aria-label=${column.label}
        @dragover=${drop.over} @dragleave=${drop.leave} @drop=${drop.drop}>
      <header>
        <div class="head">
          <h2 title=${column.label}>${column.label}</h2>
          <span class="count" aria-label=${`${column.count}`}>(${column.count})</span>
          <span class="spacer"></span>
          <button class="icon" aria-label=${t('Fold')} title=${t('Fold')} aria-expanded="true" @click=${() => this.toggleFold(column)}>‹</button>
          ${canCreate ? html`<button class="icon" aria-label=${t('Quick create')} title=${t('Quick create')} @click=${() => { this.quickCreate = column.key; }}>+</button>` : nothing}
        </div>
        <div class="progress">
          ${this.renderBar(column)}
          ${sum ? html`<span class="sum" title=${this.fields[layout.sumField]?.string ?? t('Total')}>${sum}</span>` : nothing}
        </div>
      </header>
      <div class="cards">
        ${this.quickCreate === column.key ? this.renderQuickCreate(column) : nothing}
        ${column.records.map((r) => renderCard(r, this.cardCtx))}
        ${column.records.length < column.count ? html`<button class="more" @click=${() => this.loadMore(column)}>${t('Load more ({count} left)', { count: column.count - column.records.length })}</button>` : nothing}
      </div>
    </section>`;
  }

  /** Odoo's progressbar: one coloured segment per value named in `colors`, the rest grey. */
  private renderBar(column: Column) {
    const layout = this.layout!;
    if (!layout.progressField) return html`<span class="spacer"></span>`;
    const field = this.fields[layout.progressField];
    const total = Math.max(1, column.count);
    return html`<div class="bar" aria-hidden="true">${Object.entries(layout.progressColors).map(([value, color]) => {
      const count = column.progress.get(value) ?? 0;
      const label = field?.selection?.find(([k]) => k === value)?.[1] ?? value;
      return count > 0 ? html`<span title=${`${label}: ${count}`} style="width:${(100 * count) / total}%;background:${BAR_COLORS[color] ?? color}"></span>` : nothing;
    })}</div>`;
  }

  private renderQuickCreate(column: Column) {
    const layout = this.layout!;
    const label = this.fields[layout.nameField]?.string || layout.nameField;
    const close = () => { this.quickCreate = null; };
    return html`<form class="quick" aria-label=${t('Quick create')} @submit=${(e: Event) => {
      e.preventDefault();
      void this.quickAdd(column, (e.currentTarget as HTMLFormElement).querySelector('input')!);
    }} @keydown=${(e: KeyboardEvent) => { if (e.key === 'Escape') { e.preventDefault(); close(); } }}>
      <label>${label}<input name="name" autocomplete="off" aria-label=${label} style="display:block;width:100%;box-sizing:border-box"></label>
      <div class="actions"><button class="btn primary" type="submit">${t('Add')}</button><button class="btn" type="button" @click=${close}>${t('Discard')}</button></div>
    </form>`;
  }
}

/** The action's help (HTML) as plain text. */
function helpText(action: WindowAction | undefined): string {
  if (!action?.help) return '';
  return new DOMParser().parseFromString(action.help, 'text/html').body.textContent?.trim() ?? '';
}

customElements.define('erp-kanban-view', KanbanView);
registerView('kanban', 'erp-kanban-view');
