// The list view: columns from the arch's fields, sorting by a click on a header, paging.

import { LitElement, css, html } from 'lit';
import { callKw } from '../rpc.ts';
import { fieldNodes, isTrue, parseArch, type Fields } from '../arch.ts';
import { formatValue } from '../format.ts';
import { t } from '../i18n.ts';
import { registerView } from './registry.ts';

type Row = Record<string, unknown> & { id: number };

export class ListView extends LitElement {
  static override properties = {
    model: {}, arch: {}, fields: { attribute: false }, domain: { attribute: false }, context: { attribute: false }, groupBy: { attribute: false },
    rows: { state: true }, total: { state: true }, offset: { state: true }, order: { state: true },
  };
  declare model: string;
  declare arch: string;
  declare fields: Fields;
  declare domain: unknown[];
  declare context: Record<string, unknown>;
  declare groupBy: string[];
  declare private rows: Row[] | null;
  declare private total: number;
  declare private offset: number;
  declare private order: string;
  readonly limit = 80;

  static override styles = css`
    :host { display: block; }
    .pager { display: flex; justify-content: flex-end; gap: 8px; padding: 8px 16px; align-items: center; color: #374151; }
    table { width: 100%; border-collapse: collapse; background: white; }
    th, td { text-align: start; padding: 6px 12px; border-bottom: 1px solid #e5e7eb; white-space: nowrap; }
    th { cursor: pointer; user-select: none; font-weight: 600; background: #f3f4f6; }
    td.number { text-align: end; font-variant-numeric: tabular-nums; }
    tbody tr { cursor: pointer; }
    tbody tr:hover { background: #f5f3ff; }
    button { border: 1px solid #d1d5db; background: white; border-radius: 4px; padding: 2px 8px; cursor: pointer; }
  `;

  constructor() {
    super();
    this.rows = null;
    this.total = 0;
    this.offset = 0;
    this.order = '';
    this.domain = [];
    this.context = {};
  }

  private get columns() {
    return fieldNodes(parseArch(this.arch)).filter((f) => !isTrue(f.getAttribute('column_invisible')) && !isTrue(f.getAttribute('invisible')))
      .map((f) => ({ name: f.getAttribute('name')!, label: f.getAttribute('string') ?? this.fields[f.getAttribute('name')!]?.string ?? f.getAttribute('name')! }));
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('arch') || changed.has('domain') || changed.has('model') || changed.has('context')) void this.load();
  }

  /** Replies to an older load (a search typed before) must not overwrite a newer one. */
  private generation = 0;

  async load(): Promise<void> {
    const generation = ++this.generation;
    const names = this.columns.map((c) => c.name);
    const kwargs = { domain: this.domain, fields: names, limit: this.limit, offset: this.offset, order: this.order || undefined, context: this.context };
    const [rows, total] = await Promise.all([
      callKw<Row[]>(this.model, 'search_read', [], kwargs),
      callKw<number>(this.model, 'search_count', [this.domain], { context: this.context }),
    ]);
    if (generation !== this.generation) return;
    this.rows = rows;
    this.total = total;
  }

  override render() {
    const columns = this.columns;
    const numeric = (name: string) => ['integer', 'float', 'monetary'].includes(this.fields[name]?.type);
    const last = Math.min(this.offset + this.limit, this.total);
    return html`
      <div class="pager" aria-live="polite">
        <span>${this.total ? `${this.offset + 1}-${last} / ${this.total}` : ''}</span>
        <button aria-label=${t('Previous')} ?disabled=${this.offset === 0} @click=${() => this.page(-1)}>‹</button>
        <button aria-label=${t('Next')} ?disabled=${last >= this.total} @click=${() => this.page(1)}>›</button>
      </div>
      <table>
        <thead><tr>${columns.map((c) => html`<th @click=${() => this.sort(c.name)} aria-sort=${this.sortState(c.name)}>${c.label}</th>`)}</tr></thead>
        <tbody>${(this.rows ?? []).map((row) => html`<tr data-id=${row.id} @click=${() => this.open(row.id)}>
          ${columns.map((c) => html`<td class=${numeric(c.name) ? 'number' : ''}>${formatValue(row[c.name], this.fields[c.name])}</td>`)}
        </tr>`)}</tbody>
      </table>`;
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

  private open(id: number): void {
    const ids = (this.rows ?? []).map((r) => r.id);
    this.dispatchEvent(new CustomEvent('open-record', { detail: { id, ids }, bubbles: true, composed: true }));
  }
}

customElements.define('erp-list-view', ListView);
registerView('list', 'erp-list-view');
