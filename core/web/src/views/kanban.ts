// The kanban view (Odoo 17): cards in columns grouped by the view's `default_group_by` or the
// search panel's first group-by; every stage shows, even empty ones (as Odoo's group_expand);
// a column's header has its count and total; cards move between columns and within a column by
// drag and drop (kanban/moves.ts); "+" quick-creates a card in a column; columns fold. Grouped by
// a many2one, columns are records of the comodel: "Add a column" creates one, the cog menu renames
// or deletes one, and headers drag to reorder them when the comodel has a sequence. 40 cards per
// column, then "Load more". Cards may carry the activity clock (widgets/kanban_activity.ts).

import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { callKw } from '../rpc.ts';
import type { Fields } from '../arch.ts';
import { addTranslations, t } from '../i18n.ts';
import { registerView, type Domain, type WindowAction } from './registry.ts';
import { kanbanLayout, type CardField, type KanbanLayout } from './kanban/layout.ts';
import { renderCard, type CardContext, type CardRecord } from './kanban/card.ts';
import { kanbanStyles } from './kanban/styles.ts';
import { PAGE, describe, loadColumns, type Column, type Query } from './kanban/data.ts';
import { KanbanDrag } from './kanban/dnd.ts';
import { renderAddColumn, renderHeader, type HeaderContext } from './kanban/header.ts';
import { account, accountChange, moveCard, reorderCard, type MoveContext } from './kanban/moves.ts';
import { groupId, hasIntegerField } from './kanban/groups.ts';
import { ColumnActions } from './kanban/column_actions.ts';
import { actionRef, isAction, requestAction } from './form/buttons.ts';

addTranslations('fa', {
  'None': 'هیچ',
  'Load more': 'بیشتر',
  'Load more ({count} left)': 'بیشتر ({count} مانده)',
  'Quick create': 'ایجاد سریع',
  'Add': 'افزودن',
  'Discard': 'رها کردن',
  'Unfold': 'باز کردن',
  'Dismiss': 'بستن',
  'No record found': 'رکوردی یافت نشد',
  'Priority': 'اولویت',
  'Priority: {label}': 'اولویت: {label}',
  'Could not move the record: {message}': 'جابجایی رکورد ممکن نشد: {message}',
  'Could not create the record: {message}': 'ایجاد رکورد ممکن نشد: {message}',
  'Could not save: {message}': 'ذخیره ممکن نشد: {message}',
});

export class KanbanView extends LitElement {
  static override properties = {
    model: {}, arch: {}, fields: { attribute: false }, models: { attribute: false }, domain: { attribute: false },
    context: { attribute: false }, groupBy: { attribute: false }, action: { attribute: false },
    columns: { state: true }, records: { state: true }, total: { state: true }, notice: { state: true },
    quickCreate: { state: true }, folded: { state: true },
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
  declare columns: Column[] | null;
  /** Not grouped: the cards. */
  declare private records: CardRecord[] | null;
  declare private total: number;
  declare private notice: string;
  /** Key of the column whose quick create is open. */
  declare private quickCreate: string | null;
  /** Keys of the columns folded by the user, kept across reloads. */
  declare private folded: Set<string>;

  static override styles = kanbanStyles;

  private layout: KanbanLayout | null = null;
  groupField = '';
  /** Whether the cards' model and the columns' comodel have an integer `sequence`. */
  private hasSequence = false;
  private groupsSequence = false;
  private loadedKey = '';
  private loadToken = 0;
  private tags = new Map<string, Map<number, { name: string; color: number }>>();
  private currencies = new Map<number, { symbol: string; position: string }>();
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private drag = new KanbanDrag(this, {
    dropCard: (id, from, to, index) => void (from.key === to.key ? reorderCard(this.moveCtx, to, id, index) : moveCard(this.moveCtx, id, from, to, index)),
    dropColumn: (column, index) => void this.cols.move(column, index),
  });
  private cols = new ColumnActions(this);

  constructor() {
    super();
    this.columns = null;
    this.records = null;
    this.total = 0;
    this.notice = '';
    this.quickCreate = null;
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
      this.renderRoot.querySelector<HTMLInputElement>('section.column .quick input')?.focus();
    }
    this.fit();
  }

  private get cardCtx(): CardContext {
    return {
      model: this.model, context: this.context, layout: this.layout!, tags: this.tags, currencies: this.currencies, dragging: this.drag.card,
      onOpen: (record) => this.open(record),
      onPriority: (record, field, value) => void this.setPriority(record, field, value),
      onDragStart: (event, record) => {
        const from = this.columns?.find((c) => c.records.some((r) => r.id === record.id));
        if (from) this.drag.startCard(event, record, from);
        else event.preventDefault();
      },
      onDragEnd: () => this.drag.reset(),
    };
  }

  private get moveCtx(): MoveContext {
    return {
      model: this.model, context: this.context, layout: this.layout!, field: this.groupField.split(':')[0], hasSequence: this.hasSequence,
      update: () => this.requestUpdate(), notify: (message) => this.notify(message),
      reread: (id) => this.reread(id), replace: (record) => this.replace(record),
    };
  }

  /** The grouping's comodel when grouped by a many2one (its records are the columns). */
  get relation(): string {
    const [name, granularity] = this.groupField.split(':');
    const field = this.fields[name];
    return !granularity && field?.type === 'many2one' && field.relation ? field.relation : '';
  }

  // ---- loading ------------------------------------------------------------------------------

  async load(): Promise<void> {
    const token = ++this.loadToken;
    try {
      const layout = kanbanLayout(this.arch, this.fields);
      this.layout = layout;
      const groupBy = this.groupBy?.[0] || layout.defaultGroupBy;
      this.groupField = groupBy;
      const relation = this.relation;
      // Asked once per model and page, alongside the first queries.
      const sequences = Promise.all([hasIntegerField(this.model, 'sequence', this.context), relation ? hasIntegerField(relation, 'sequence', this.context) : false])
        .then(([cards, groups]) => { this.hasSequence = cards; this.groupsSequence = groups; });
      if (!groupBy) {
        await sequences;
        const [records, total] = await Promise.all([this.search(this.domain, 0), callKw<number>(this.model, 'search_count', [this.domain], { context: this.context })]);
        if (token !== this.loadToken) return;
        await this.describe(records);
        if (token !== this.loadToken) return;
        this.columns = null;
        this.records = records;
        this.total = total;
        return;
      }
      const [columns] = await Promise.all([loadColumns(this.query, groupBy), sequences]);
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

  private get readFields(): string[] {
    const read = this.layout!.read;
    return this.hasSequence && !read.includes('sequence') ? [...read, 'sequence'] : read;
  }

  private search(domain: Domain, offset: number): Promise<CardRecord[]> {
    return callKw<CardRecord[]>(this.model, 'search_read', [], { domain, fields: this.readFields, limit: PAGE, offset, context: this.context });
  }

  private get query(): Query {
    return { model: this.model, domain: this.domain, context: this.context, fields: this.fields, layout: this.layout!, tags: this.tags, currencies: this.currencies };
  }

  private describe(records: CardRecord[]): Promise<void> {
    return describe(this.query, records);
  }

  private async reread(id: number): Promise<CardRecord | undefined> {
    const [record] = await callKw<CardRecord[]>(this.model, 'read', [[id], this.readFields], { context: this.context });
    if (record) await this.describe([record]);
    return record;
  }

  /** Shows a fresh copy of a card, and keeps its column's count, total and progressbar right. */
  private replace(record: CardRecord): void {
    const index = this.records?.findIndex((r) => r.id === record.id) ?? -1;
    if (index >= 0) this.records![index] = record;
    for (const column of this.columns ?? []) {
      const at = column.records.findIndex((r) => r.id === record.id);
      if (at < 0) continue;
      accountChange(column, this.layout!, column.records[at], record);
      column.records = column.records.map((r, i) => (i === at ? record : r));
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

  // ---- cards --------------------------------------------------------------------------------

  notify(message: string): void {
    this.notice = message;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => { this.notice = ''; }, 8000);
  }

  private open(record: CardRecord): void {
    if (this.layout?.openAction) return void this.runOpenAction(record, this.layout.openAction);
    if (!this.layout?.canOpen) return;
    const ids = this.columns ? this.columns.find((c) => c.records.includes(record))?.records.map((r) => r.id) : this.records?.map((r) => r.id);
    this.dispatchEvent(new CustomEvent('open-record', { detail: { id: record.id, ids: ids ?? [record.id] }, bubbles: true, composed: true }));
  }

  /** The kanban's own `action`: a method of the record (its action opened), or an action. */
  private async runOpenAction(record: CardRecord, { name, type }: NonNullable<KanbanLayout['openAction']>): Promise<void> {
    const active = { active_id: record.id, active_ids: [record.id], active_model: this.model };
    try {
      if (type === 'action') return await requestAction(this, actionRef(name), active);
      const result = await callKw(this.model, name, [[record.id]], { context: this.context });
      if (isAction(result)) await requestAction(this, result, active);
    } catch (error) {
      this.notify((error as Error).message);
    }
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

  /** An activity was done or scheduled from a card: its clock and its column's bar follow. */
  private async activityChanged(event: Event): Promise<void> {
    const id = (event as CustomEvent<{ id: number }>).detail.id;
    try {
      const fresh = await this.reread(id);
      if (fresh) this.replace(fresh);
    } catch (error) {
      this.notify((error as Error).message);
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`article.card[data-id="${id}"]`)?.focus();
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
      account(column, layout, record, 1);
      input.value = '';
      this.requestUpdate();
    } catch (error) {
      this.notify(t('Could not create the record: {message}', { message: (error as Error).message }));
    } finally {
      input.disabled = false;
      input.focus();
    }
  }

  // ---- columns ------------------------------------------------------------------------------

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

  private get headerCtx(): HeaderContext {
    const layout = this.layout!;
    const relation = this.relation;
    return {
      layout, fields: this.fields, currencies: this.currencies, menuKey: this.cols.menuKey, renaming: this.cols.renaming,
      canCreate: (c) => layout.quickCreate && c.value !== undefined,
      canManage: (c) => Boolean(relation) && groupId(c) !== undefined,
      draggable: Boolean(relation) && this.groupsSequence && layout.groupsDraggable,
      onFold: (c) => void this.toggleFold(c),
      onQuickCreate: (c) => { this.quickCreate = c.key; },
      onMenu: (c, focusItem) => this.cols.menu(c, focusItem),
      onEdit: (c) => this.cols.edit(c),
      onRename: (c, name) => void this.cols.rename(c, name),
      onDelete: (c) => void this.cols.remove(c),
      onDragStart: (e, c) => this.drag.startColumn(e, c),
      onDragEnd: () => this.drag.reset(),
    };
  }

  // ---- rendering ----------------------------------------------------------------------------

  override render() {
    const notice = this.notice ? html`<div class="notice" role="alert"><span>${this.notice}</span>
      <button aria-label=${t('Dismiss')} @click=${() => { this.notice = ''; }}>×</button></div>` : nothing;
    if (!this.layout || (!this.columns && !this.records)) return html`${notice}<p class="loading">${t('Loading…')}</p>`;
    if (!this.columns) return html`${notice}${this.renderGrid()}`;
    const canAdd = Boolean(this.relation) && this.layout.groupCreate;
    const label = this.fields[this.groupField]?.string || t('Add a column');
    return html`${notice}<div class="board" role="list" @activity-changed=${(e: Event) => void this.activityChanged(e)}>
      ${repeat(this.columns, (c) => c.key, (c) => this.renderColumn(c))}
      ${canAdd ? renderAddColumn(this.cols.adding, label, (open) => this.cols.toggleAdd(open), (input) => void this.cols.add(input)) : nothing}
    </div>`;
  }

  private renderGrid() {
    const records = this.records ?? [];
    if (!records.length) return html`<p class="empty">${helpText(this.action) || t('No record found')}</p>`;
    return html`<div class="grid" @activity-changed=${(e: Event) => void this.activityChanged(e)}>${records.map((r) => renderCard(r, this.cardCtx))}</div>
      ${records.length < this.total ? html`<p style="text-align:center"><button class="more" @click=${() => this.loadMore(null)}>${t('Load more ({count} left)', { count: this.total - records.length })}</button></p>` : nothing}`;
  }

  private renderColumn(column: Column) {
    const drag = this.drag;
    const events = {
      over: (e: DragEvent) => drag.over(e, column), leave: (e: DragEvent) => drag.leave(e, column), drop: (e: DragEvent) => drag.drop(e, column),
    };
    const classes = drag.columnClasses(this.columns!, column);
    if (this.folded.has(column.key)) {
      return html`<section class="column folded ${classes}" role="listitem" data-key=${column.key} aria-label=${column.label}
          @click=${() => this.toggleFold(column)} @dragover=${events.over} @dragleave=${events.leave} @drop=${events.drop}>
        <button class="icon" aria-label=${t('Unfold')} title=${t('Unfold')} aria-expanded="false">›</button>
        <div class="vertical"><span>${column.label}</span><span class="count">(${column.count})</span></div>
      </section>`;
    }
    const line = drag.cardLine(column);
    return html`<section class="column ${classes}" role="listitem" data-key=${column.key} aria-label=${column.label}
        @dragover=${events.over} @dragleave=${events.leave} @drop=${events.drop}>
      ${renderHeader(column, this.headerCtx)}
      <div class="cards ${line.empty ? 'drop-empty' : ''}">
        ${this.quickCreate === column.key ? this.renderQuickCreate(column) : nothing}
        ${repeat(column.records, (r) => r.id, (r) => html`<div class="slot ${r.id === line.before ? 'line-before' : ''} ${r.id === line.after ? 'line-after' : ''}">${renderCard(r, this.cardCtx)}</div>`)}
        ${column.records.length < column.count ? html`<button class="more" @click=${() => this.loadMore(column)}>${t('Load more ({count} left)', { count: column.count - column.records.length })}</button>` : nothing}
      </div>
    </section>`;
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
