// The list view: columns from the arch's fields (optional ones in a picker), sorting by a click on
// a header, paging, groups (read_group, nested, opened on a click), row selection with an action
// bar (archive, delete, export, the actions bound to the model), footer sums, keyboard
// navigation and inline editing (`editable="top|bottom"`). A gear menu imports records (the
// 'import' page) or exports them all; exports go through the export dialog (list/export_dialog.ts).

import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { callKw } from '../rpc.ts';
import type { Fields } from '../arch.ts';
import { formatValue } from '../format.ts';
import { addTranslations, t } from '../i18n.ts';
import { registerView } from './registry.ts';
import {
  archColumns, EDITABLE_TYPES, isNumeric, loadGroups, loadRecords, openAll, openGroup, parseInput,
  type Column, type Group, type Query, type Row,
} from './list/data.ts';
import { listStyles } from './list/styles.ts';
import './list/export_dialog.ts';
import '../pages/import.ts';
import { loadBoundActions, renderActionMenu, selectionContext, type BoundAction } from './list/bound_actions.ts';

addTranslations('fa', {
  'Archive': 'بایگانی', 'Delete': 'حذف', 'Export': 'خروجی', '{count} selected': '{count} انتخاب شده', 'Select': 'انتخاب',
  'Select all': 'انتخاب همه', 'Optional columns': 'ستون‌های اختیاری', 'None': 'هیچ', 'Total': 'مجموع',
  'Are you sure you want to delete {count} record(s)?': 'آیا از حذف {count} رکورد مطمئن هستید؟',
  'Import records': 'وارد کردن رکوردها', 'Export All': 'خروجی همه', 'Import a File': 'وارد کردن پرونده', 'Import or export': 'ورود یا خروج داده‌ها',
});

/** A grouped list this small opens all its groups at once (nothing to hide). */
const SMALL = 10;

type Entry = { kind: 'group'; group: Group; depth: number } | { kind: 'record'; row: Row; depth: number };

export class ListView extends LitElement {
  static override properties = {
    model: {}, arch: {}, fields: { attribute: false }, domain: { attribute: false }, context: { attribute: false }, groupBy: { attribute: false },
    rows: { state: true }, groups: { state: true }, total: { state: true }, offset: { state: true }, order: { state: true },
    cursor: { state: true }, editing: { state: true }, error: { state: true }, picker: { state: true },
    boundActions: { state: true }, actionMenu: { state: true }, exporting: { state: true }, gear: { state: true },
  };
  declare model: string;
  declare arch: string;
  declare fields: Fields;
  declare domain: unknown[];
  declare context: Record<string, unknown>;
  declare groupBy: string[];
  declare private rows: Row[] | null;
  declare private groups: Group[] | null;
  declare private total: number;
  declare private offset: number;
  declare private order: string;
  declare private cursor: number;
  declare private editing: { id: number; field: string } | null;
  declare private error: string;
  declare private picker: boolean;
  /** The actions bound to the model (the Action menu), once records were selected. */
  declare private boundActions: BoundAction[] | null;
  declare private actionMenu: boolean;
  /** The export dialog is open, for the selected records (ids) or all of them (empty). */
  declare private exporting: number[] | null;
  /** The gear menu (import, export all) is open. */
  declare private gear: boolean;
  private boundFor = '';
  readonly limit = 80;
  private selected = new Set<number>();
  private rowErrors = new Map<number, string>();
  private shown = new Map<string, boolean>();
  private focusEditor = false;

  static override styles = listStyles;

  constructor() {
    super();
    this.rows = null;
    this.groups = null;
    this.total = 0;
    this.offset = 0;
    this.order = '';
    this.cursor = -1;
    this.editing = null;
    this.error = '';
    this.picker = false;
    this.boundActions = null;
    this.actionMenu = false;
    this.exporting = null;
    this.gear = false;
    this.domain = [];
    this.context = {};
    this.groupBy = [];
  }

  private get info() { return archColumns(this.arch, this.fields ?? {}); }
  private visible(columns: Column[]): Column[] {
    return columns.filter((c) => c.optional === null || (this.shown.get(c.name) ?? c.optional === 'show'));
  }
  private get query(): Query { return { model: this.model, context: this.context, fields: this.fields, order: this.order, limit: this.limit }; }

  override updated(changed: Map<string, unknown>): void {
    if (['arch', 'domain', 'model', 'context', 'groupBy'].some((k) => changed.has(k))) void this.load();
    if (this.focusEditor) {
      this.focusEditor = false;
      (this.renderRoot.querySelector('td.editing input, td.editing select') as HTMLElement | null)?.focus();
    }
  }

  /** Replies to an older load (a search typed before) must not overwrite a newer one. */
  private generation = 0;

  async load(): Promise<void> {
    const generation = ++this.generation;
    const { columns, expand } = this.info;
    const names = columns.map((c) => c.name);
    const sums = names.filter((n) => isNumeric(this.fields, n));
    try {
      if (this.groupBy?.length) {
        const groups = await loadGroups(this.query, this.domain, this.groupBy, sums);
        const total = groups.reduce((n, g) => n + g.count, 0);
        if (expand || total <= SMALL) await openAll(this.query, groups, names, sums);
        if (generation !== this.generation) return;
        [this.groups, this.rows, this.total] = [groups, null, total];
      } else {
        const [rows, total] = await Promise.all([
          loadRecords(this.query, this.domain, names, this.offset),
          callKw<number>(this.model, 'search_count', [this.domain], { context: this.context }),
        ]);
        if (generation !== this.generation) return;
        [this.rows, this.groups, this.total] = [rows, null, total];
      }
      this.error = '';
    } catch (error) {
      if (generation === this.generation) this.error = (error as Error).message;
    }
    this.selected.clear();
    this.actionMenu = false;
    this.rowErrors.clear();
    this.editing = null;
    this.cursor = -1;
  }

  /** What the table shows, in order: group headers and records. */
  private entries(): Entry[] {
    const out: Entry[] = [];
    const walk = (groups: Group[], depth: number) => {
      for (const group of groups) {
        out.push({ kind: 'group', group, depth });
        if (!group.open) continue;
        if (group.groups) walk(group.groups, depth + 1);
        for (const row of group.records ?? []) out.push({ kind: 'record', row, depth: depth + 1 });
      }
    };
    if (this.groups) walk(this.groups, 0);
    else for (const row of this.rows ?? []) out.push({ kind: 'record', row, depth: 0 });
    return out;
  }

  private records(): Row[] {
    return this.entries().flatMap((e) => (e.kind === 'record' ? [e.row] : []));
  }

  override render() {
    const { columns: all } = this.info;
    const columns = this.visible(all);
    const entries = this.entries();
    const records = entries.flatMap((e) => (e.kind === 'record' ? [e.row] : []));
    const allSelected = records.length > 0 && records.every((r) => this.selected.has(r.id));
    const last = Math.min(this.offset + this.limit, this.total);
    const optional = all.filter((c) => c.optional);
    const hasFooter = columns.some((c) => c.sum);
    return html`
      <div class="bar" aria-live="polite">
        ${this.selected.size ? html`<div class="bar actions" role="toolbar" aria-label=${t('Actions')}>
          <span>${t('{count} selected', { count: this.selected.size })}</span>
          <button @click=${() => this.archive()}>${t('Archive')}</button>
          <button @click=${() => this.deleteSelected()}>${t('Delete')}</button>
          <button @click=${() => { this.exporting = [...this.selected]; }}>${t('Export')}</button>
          ${renderActionMenu(this.boundActions, this.actionMenu, () => { this.actionMenu = !this.actionMenu; }, (a) => this.runBound(a))}
        </div>` : nothing}
        ${this.renderGear()}
        <span class="spacer"></span>
        ${this.groups ? nothing : html`
          <span>${this.total ? `${this.offset + 1}-${last} / ${this.total}` : ''}</span>
          <button aria-label=${t('Previous')} ?disabled=${this.offset === 0} @click=${() => this.page(-1)}>‹</button>
          <button aria-label=${t('Next')} ?disabled=${last >= this.total} @click=${() => this.page(1)}>›</button>`}
      </div>
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
      <table tabindex="0" @keydown=${(e: KeyboardEvent) => this.onKey(e, entries)}>
        <thead><tr>${columns.map((c, i) => html`<th class=${isNumeric(this.fields, c.name) ? 'number' : ''} aria-sort=${this.sortState(c.name)}
            @click=${(e: Event) => { if (!(e.target as Element).closest('input')) this.sort(c.name); }}>${i === 0 ? html`<input type="checkbox" aria-label=${t('Select all')}
            .checked=${allSelected} @click=${(e: Event) => { e.stopPropagation(); this.selectAll(records, !allSelected); }}>` : nothing}${c.label}</th>`)}
          ${optional.length ? html`<th class="picker"><button aria-label=${t('Optional columns')} aria-expanded=${this.picker} @click=${() => { this.picker = !this.picker; }}>⋮</button>
            ${this.picker ? html`<div class="menu" role="menu">${optional.map((c) => html`<label><input type="checkbox" role="menuitemcheckbox" aria-label=${c.label}
              .checked=${columns.includes(c)} @change=${(e: Event) => { this.shown.set(c.name, (e.target as HTMLInputElement).checked); this.requestUpdate(); }}>${c.label}</label>`)}</div>` : nothing}</th>` : nothing}
        </tr></thead>
        <tbody>${entries.map((entry, index) => (entry.kind === 'group' ? this.groupRow(entry.group, entry.depth, columns, index, optional.length > 0)
          : this.recordRow(entry.row, entry.depth, columns, index, optional.length > 0)))}</tbody>
        ${hasFooter ? html`<tfoot><tr>${columns.map((c) => html`<td class=${isNumeric(this.fields, c.name) ? 'number' : ''}>${c.sum ? this.footerSum(c.name) : ''}</td>`)}${optional.length ? html`<td></td>` : nothing}</tr></tfoot>` : nothing}
      </table>
      ${this.exporting ? html`<erp-export-dialog .model=${this.model} .resIds=${this.exporting} .domain=${this.domain} .context=${this.context} .total=${this.total}
        .initial=${columns.map((c) => ({ id: c.name, string: c.label }))} @close=${() => { this.exporting = null; }}></erp-export-dialog>` : nothing}`;
  }

  /** Odoo's gear menu of the control panel: import records, export every record of the search. */
  private renderGear(): TemplateResult {
    const pick = (fn: () => void) => () => { this.gear = false; fn(); };
    return html`<span class="dropdown"><button aria-label=${t('Import or export')} aria-haspopup="menu" aria-expanded=${this.gear} @click=${() => { this.gear = !this.gear; }}>⚙</button>
      ${this.gear ? html`<div class="menu" role="menu">
        <button role="menuitem" @click=${pick(() => this.importRecords())}>${t('Import records')}</button>
        <button role="menuitem" @click=${pick(() => { this.exporting = []; })}>${t('Export All')}</button></div>` : nothing}</span>`;
  }

  /** The import page (client action 'import') over this list, with its context (default_* values). */
  private importRecords(): void {
    const action = { type: 'ir.actions.client', tag: 'import', name: t('Import a File'), params: { model: this.model, context: this.context } };
    this.dispatchEvent(new CustomEvent('do-action', { detail: { action }, bubbles: true, composed: true }));
  }

  private groupRow(group: Group, depth: number, columns: Column[], index: number, picker: boolean): TemplateResult {
    return html`<tr class="group ${index === this.cursor ? 'current' : ''}" aria-expanded=${group.open} @click=${() => this.toggleGroup(group)}>
      ${columns.map((c, i) => (i === 0
        ? html`<th style="padding-inline-start: ${12 + depth * 20}px"><span class="caret">${group.open ? '▾' : '▸'}</span>${group.label}<span class="count">(${group.count})</span></th>`
        : html`<th class="number">${isNumeric(this.fields, c.name) && c.name in group.sums ? formatValue(group.sums[c.name], this.fields[c.name]) : ''}</th>`))}
      ${picker ? html`<th></th>` : nothing}</tr>`;
  }

  private recordRow(row: Row, depth: number, columns: Column[], index: number, picker: boolean): TemplateResult {
    const selected = this.selected.has(row.id);
    const error = this.rowErrors.get(row.id);
    return html`<tr data-id=${row.id} class="${index === this.cursor ? 'current' : ''} ${selected ? 'selected' : ''}" aria-selected=${index === this.cursor}
        @click=${() => { if (!this.info.editable) this.open(row.id); }}>
      ${columns.map((c, i) => this.cell(row, c, i === 0 ? html`<input type="checkbox" aria-label=${t('Select')} .checked=${selected}
        @click=${(e: Event) => { e.stopPropagation(); this.toggleRow(row.id); }}>` : nothing, i === 0 && depth ? `padding-inline-start: ${12 + depth * 20}px` : ''))}
      ${picker ? html`<td></td>` : nothing}</tr>
      ${error ? html`<tr class="row-error" role="alert"><td colspan=${columns.length + (picker ? 1 : 0)}>${error}</td></tr>` : nothing}`;
  }

  private cell(row: Row, c: Column, prefix: unknown, style: string): TemplateResult {
    const field = this.fields[c.name];
    const numeric = isNumeric(this.fields, c.name) ? 'number' : '';
    if (this.editing?.id === row.id && this.editing.field === c.name) {
      const value = row[c.name];
      const keys = (e: KeyboardEvent) => {
        e.stopPropagation();
        if (e.key === 'Enter') { e.preventDefault(); void this.save(row, c.name, (e.target as HTMLInputElement).value); }
        if (e.key === 'Escape') { e.preventDefault(); this.rowErrors.delete(row.id); this.editing = null; }
      };
      const text = value === false || value === null || value === undefined ? '' : String(value);
      const input = field.type === 'selection'
        ? html`<select aria-label=${c.label} @keydown=${keys}><option value=""></option>${(field.selection ?? []).map(([k, v]) => html`<option value=${k} ?selected=${k === value}>${v}</option>`)}</select>`
        : html`<input aria-label=${c.label} type=${field.type === 'date' ? 'date' : isNumeric(this.fields, c.name) ? 'number' : 'text'} step="any" .value=${text} @keydown=${keys}>`;
      return html`<td class="editing ${numeric}" style=${style} @click=${(e: Event) => e.stopPropagation()}>${prefix}${input}</td>`;
    }
    return html`<td class=${numeric} style=${style} @click=${(e: Event) => this.cellClick(e, row, c.name)}>${prefix}${formatValue(row[c.name], field)}</td>`;
  }

  private footerSum(name: string): string {
    let total = 0;
    const picked = this.records().filter((r) => this.selected.has(r.id));
    if (picked.length) total = picked.reduce((n, r) => n + Number(r[name] || 0), 0);
    else if (this.groups) total = this.groups.reduce((n, g) => n + (g.sums[name] ?? 0), 0);
    else total = (this.rows ?? []).reduce((n, r) => n + Number(r[name] || 0), 0);
    return formatValue(total, this.fields[name]);
  }

  private sortState(name: string): 'ascending' | 'descending' | 'none' {
    if (this.order === `${name} asc`) return 'ascending';
    if (this.order === `${name} desc`) return 'descending';
    return 'none';
  }

  private sort(name: string): void {
    this.order = this.order === `${name} asc` ? `${name} desc` : `${name} asc`;
    this.offset = 0;
    void this.load();
  }

  private page(step: number): void {
    this.offset = Math.max(0, this.offset + step * this.limit);
    void this.load();
  }

  private async toggleGroup(group: Group): Promise<void> {
    if (group.open) group.open = false;
    else {
      const { columns } = this.info;
      try {
        await openGroup(this.query, group, columns.map((c) => c.name), columns.map((c) => c.name).filter((n) => isNumeric(this.fields, n)));
      } catch (error) { this.error = (error as Error).message; }
    }
    this.requestUpdate();
  }

  private toggleRow(id: number): void {
    if (!this.selected.delete(id)) this.selected.add(id);
    this.selectionChanged();
  }

  private selectAll(records: Row[], on: boolean): void {
    this.selected = new Set(on ? records.map((r) => r.id) : []);
    this.selectionChanged();
  }

  private selectionChanged(): void {
    if (!this.selected.size) this.actionMenu = false;
    else if (this.boundFor !== this.model) {
      this.boundFor = this.model;
      this.boundActions = null;
      loadBoundActions(this.model, this.context).then((actions) => { this.boundActions = actions; })
        .catch((error: Error) => { this.boundFor = ''; this.error = error.message; });
    }
    this.requestUpdate();
  }

  /** Runs an action of the Action menu on the selected records (the action manager opens it). */
  private runBound(action: BoundAction): void {
    this.actionMenu = false;
    const detail = { action, context: selectionContext(this.model, [...this.selected]) };
    this.dispatchEvent(new CustomEvent('do-action', { detail, bubbles: true, composed: true }));
  }

  private async run(method: string, ids: number[]): Promise<void> {
    try {
      await callKw(this.model, method, [ids], { context: this.context });
      await this.load();
    } catch (error) { this.error = (error as Error).message; }
  }

  private archive(): Promise<void> { return this.run('action_archive', [...this.selected]); }

  private async deleteSelected(): Promise<void> {
    if (!window.confirm(t('Are you sure you want to delete {count} record(s)?', { count: this.selected.size }))) return;
    await this.run('unlink', [...this.selected]);
  }

  private cellClick(e: Event, row: Row, name: string): void {
    if (!this.info.editable) return;
    e.stopPropagation();
    const field = this.fields[name];
    if (!field || field.readonly || !EDITABLE_TYPES.has(field.type)) return;
    this.editing = { id: row.id, field: name };
    this.focusEditor = true;
  }

  private async save(row: Row, name: string, text: string): Promise<void> {
    const value = parseInput(text, this.fields[name].type);
    try {
      await callKw(this.model, 'write', [[row.id], { [name]: value }], { context: this.context });
      const [fresh] = await callKw<Row[]>(this.model, 'read', [[row.id], this.info.columns.map((c) => c.name)], { context: this.context });
      Object.assign(row, fresh ?? { [name]: value });
      this.rowErrors.delete(row.id);
      this.editing = null;
    } catch (error) {
      this.rowErrors.set(row.id, (error as Error).message);
    }
    this.requestUpdate();
  }

  private onKey(e: KeyboardEvent, entries: Entry[]): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.cursor = Math.max(0, Math.min(entries.length - 1, this.cursor + (e.key === 'ArrowDown' ? 1 : -1)));
      return;
    }
    const entry = entries[this.cursor];
    if (!entry) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      if (entry.kind === 'group') void this.toggleGroup(entry.group);
      else if (this.info.editable) {
        const first = this.visible(this.info.columns).find((c) => EDITABLE_TYPES.has(this.fields[c.name]?.type) && !this.fields[c.name]?.readonly);
        if (first) { this.editing = { id: entry.row.id, field: first.name }; this.focusEditor = true; }
      } else this.open(entry.row.id);
    } else if (e.key === ' ' && entry.kind === 'record') {
      e.preventDefault();
      this.toggleRow(entry.row.id);
    }
  }

  private open(id: number): void {
    const ids = this.records().map((r) => r.id);
    this.dispatchEvent(new CustomEvent('open-record', { detail: { id, ids }, bubbles: true, composed: true }));
  }
}

customElements.define('erp-list-view', ListView);
registerView('list', 'erp-list-view');
