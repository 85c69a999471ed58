// The pivot view (Odoo 17): rows and columns of groups from the arch (`type="row"`, `type="col"`)
// or the search panel's group-bys (rows), measures (`type="measure"`, or Count), headers that
// expand by another field and collapse, totals, flip axis, expand/collapse all, and the table
// downloaded as an .xlsx file written by the server (pivot/export.ts).

import { LitElement, css, html, nothing, svg, type TemplateResult } from 'lit';
import { callKw } from '../rpc.ts';
import { parseArch, type Fields, type FieldInfo } from '../arch.ts';
import { formatValue } from '../format.ts';
import { addTranslations, t } from '../i18n.ts';
import { registerView, type WindowAction } from './registry.ts';
import { COUNT, PivotData, type Axis, type Header, type Path } from './pivot/model.ts';
import { downloadXlsx, exportTable, type PivotTable } from './pivot/export.ts';

addTranslations('fa', {
  'Measures': 'معیارها',
  'Count': 'تعداد',
  'Total': 'جمع',
  'None': 'هیچ',
  'Yes': 'بله',
  'No': 'خیر',
  'Flip axis': 'جابه‌جایی محورها',
  'Expand all': 'باز کردن همه',
  'Collapse all': 'بستن همه',
  'Download xlsx': 'دریافت xlsx',
  'No data to display': 'داده‌ای برای نمایش نیست',
  'Try another filter, or add records.': 'فیلتر دیگری را امتحان کنید یا رکورد اضافه کنید.',
  'Year': 'سال', 'Quarter': 'فصل', 'Month': 'ماه', 'Week': 'هفته', 'Day': 'روز',
  'Group by': 'گروه‌بندی بر اساس',
});

const NUMERIC = new Set(['integer', 'float', 'monetary']);
const GROUPABLE = new Set(['many2one', 'selection', 'boolean', 'char', 'date', 'datetime']);
export const INTERVALS: Array<[string, string]> = [['year', 'Year'], ['quarter', 'Quarter'], ['month', 'Month'], ['week', 'Week'], ['day', 'Day']];
const HIDDEN = new Set(['id', '__last_update', 'display_name']);

type FieldsGet = Record<string, FieldInfo & { store?: boolean; sortable?: boolean }>;

/** The fields of a model people can group and measure by (fields_get, once per model). */
const fieldsCache = new Map<string, Promise<FieldsGet>>();
export function allFields(model: string): Promise<FieldsGet> {
  if (!fieldsCache.has(model)) {
    fieldsCache.set(model, callKw<FieldsGet>(model, 'fields_get', [], { attributes: ['string', 'type', 'store', 'sortable', 'relation', 'selection', 'group_operator'] })
      .catch((error) => { fieldsCache.delete(model); throw error; }));
  }
  return fieldsCache.get(model)!;
}

export function groupableFields(fields: FieldsGet): Array<[string, FieldInfo]> {
  return Object.entries(fields).filter(([name, f]) => f.store !== false && f.sortable !== false && GROUPABLE.has(f.type) && !HIDDEN.has(name))
    .sort(([, a], [, b]) => a.string.localeCompare(b.string));
}

export function measurableFields(fields: FieldsGet): Array<[string, FieldInfo]> {
  return Object.entries(fields).filter(([name, f]) => f.store !== false && NUMERIC.has(f.type) && !HIDDEN.has(name) && !name.endsWith('_id'))
    .sort(([, a], [, b]) => a.string.localeCompare(b.string));
}

/** `date_deadline` with interval "month" -> "date_deadline:month"; dates default to month. */
export function groupBySpec(node: Element, fields: Fields): string {
  const name = node.getAttribute('name')!;
  const interval = node.getAttribute('interval');
  const type = fields[name]?.type;
  return interval ? `${name}:${interval}` : type === 'date' || type === 'datetime' ? `${name}:month` : name;
}

/** Small line icons (the fonts of a bare system lack many arrows). */
export const icon = (d: string) => html`<svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6"
  stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" style="vertical-align:-2px">${svg`<path d=${d}/>`}</svg>`;
const ICONS = {
  flip: 'M3 5h10l-3-3M13 11H3l3 3',
  expand: 'M2 6V2h4M14 6V2h-4M2 10v4h4M14 10v4h-4',
  collapse: 'M6 2v4H2M10 2v4h4M6 14v-4H2M10 14v-4h4',
  download: 'M8 2v8M4.5 6.5 8 10l3.5-3.5M2.5 13.5h11',
};

interface Menu { axis: Axis; path: Path }
interface Sort { measure: string; col: Path; ascending: boolean }

export class PivotView extends LitElement {
  static override properties = {
    model: {}, arch: {}, fields: { attribute: false }, models: { attribute: false }, domain: { attribute: false },
    context: { attribute: false }, groupBy: { attribute: false }, action: { attribute: false },
    version: { state: true }, menu: { state: true }, measuresOpen: { state: true }, error: { state: true }, loading: { state: true },
    downloading: { state: true },
  };
  declare model: string;
  declare arch: string;
  declare fields: Fields;
  declare models: Record<string, Fields>;
  declare domain: unknown[];
  declare context: Record<string, unknown>;
  declare groupBy: string[];
  declare action: WindowAction | undefined;
  /** Bumped when the data changes, to render again. */
  declare private version: number;
  declare private menu: Menu | null;
  declare private measuresOpen: boolean;
  declare private error: string;
  declare private loading: boolean;
  declare private downloading: boolean;
  private sort: Sort | null = null;
  private known: FieldsGet = {};
  private generation = 0;
  /** The pivot's data (exposed for tests: `element.data.calls`, `element.data.groupBys`). */
  data: PivotData;

  static override styles = css`
    :host { display: block; padding: 12px 16px; color: #1f2937; font-size: 14px; }
    .toolbar { display: flex; gap: 6px; align-items: center; margin-bottom: 12px; flex-wrap: wrap; }
    button { font: inherit; border: 1px solid #d1d5db; background: white; border-radius: 4px; padding: 4px 10px; cursor: pointer; color: inherit; }
    button:hover { background: #f3f4f6; }
    button:disabled { opacity: .6; cursor: progress; }
    button.primary { background: #71639e; border-color: #71639e; color: white; }
    button.primary:hover { background: #5f5287; }
    .dropdown { position: relative; display: inline-block; }
    .menu { position: absolute; z-index: 10; inset-inline-start: 0; top: 100%; margin-top: 2px; background: white; border: 1px solid #d1d5db; border-radius: 4px;
      box-shadow: 0 4px 12px rgb(0 0 0 / 12%); min-width: 200px; padding: 4px 0; max-height: 360px; overflow: auto; text-align: start; font-weight: normal; }
    .menu [role='menuitem'], .menu [role='menuitemcheckbox'] { display: flex; width: 100%; border: 0; border-radius: 0; padding: 5px 14px; text-align: start; background: none; white-space: nowrap; gap: 8px; }
    .menu [role='menuitem']:hover, .menu [role='menuitemcheckbox']:hover { background: #f3f4f6; }
    .menu .check { width: 1em; color: #71639e; }
    .menu .title { padding: 4px 14px; color: #6b7280; font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }
    .menu .intervals { display: flex; flex-wrap: wrap; gap: 4px; padding: 0 14px 6px 30px; }
    .menu .intervals button { padding: 1px 6px; font-size: 12px; }
    .menu hr { border: 0; border-top: 1px solid #e5e7eb; margin: 4px 0; }
    .wrap { overflow: auto; max-width: 100%; }
    table { border-collapse: collapse; background: white; font-variant-numeric: tabular-nums; }
    th, td { border: 1px solid #dee2e6; padding: 5px 10px; white-space: nowrap; }
    thead th { background: #f1f3f5; font-weight: 600; text-align: start; }
    thead th.measure { font-weight: 500; color: #4b5563; text-align: end; cursor: pointer; }
    thead th.measure[aria-sort='ascending']::after { content: ' ▲'; font-size: 10px; }
    thead th.measure[aria-sort='descending']::after { content: ' ▼'; font-size: 10px; }
    th.header { cursor: pointer; user-select: none; position: relative; }
    th.header:hover { background: #e9ecef; }
    tbody th { background: #f8f9fa; font-weight: 500; text-align: start; }
    th.header .label::before { content: '▸'; display: inline-block; width: 1.1em; color: #6b7280; }
    th.header[aria-expanded='true'] .label::before { content: '▾'; }
    :host-context([dir='rtl']) th.header[aria-expanded='false'] .label::before { content: '◂'; }
    td { text-align: end; min-width: 90px; }
    tr.total td, tr.total th { font-weight: 600; }
    td.total { font-weight: 600; background: #fafafa; }
    .empty { text-align: center; padding: 64px 16px; color: #6b7280; }
    .empty strong { display: block; font-size: 18px; color: #374151; margin-bottom: 6px; }
    .error { color: #b91c1c; }
  `;

  constructor() {
    super();
    this.domain = [];
    this.context = {};
    this.groupBy = [];
    this.models = {};
    this.fields = {};
    this.version = 0;
    this.menu = null;
    this.measuresOpen = false;
    this.error = '';
    this.loading = true;
    this.downloading = false;
    this.data = new PivotData((groupby, fields) => this.readGroup(groupby, fields), {});
  }

  private readGroup(groupby: string[], fields: string[]): Promise<Array<Record<string, unknown>>> {
    return callKw(this.model, 'read_group', [], { domain: this.domain, fields, groupby, lazy: false, context: this.context });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('click', this.closeMenus);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('click', this.closeMenus);
  }

  private closeMenus = (): void => {
    this.menu = null;
    this.measuresOpen = false;
  };

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('arch') || changed.has('model') || changed.has('groupBy')) void this.reset();
    else if (changed.has('domain') || changed.has('context')) void this.reload();
  }

  private fieldInfo(name: string): FieldInfo | undefined {
    return this.known[name] ?? this.fields[name];
  }

  /** Layout from the arch (and the search panel's group-bys), then the data. */
  private async reset(): Promise<void> {
    const generation = ++this.generation;
    try {
      this.known = await allFields(this.model).catch(() => ({}));
      const fields = { ...this.fields, ...this.known } as Fields;
      const root = parseArch(this.arch);
      const nodes = [...root.children].filter((n) => n.tagName === 'field');
      const of = (type: string) => nodes.filter((n) => n.getAttribute('type') === type && n.getAttribute('invisible') !== '1');
      const rows = of('row').map((n) => groupBySpec(n, fields));
      const cols = of('col').map((n) => groupBySpec(n, fields));
      const measures = of('measure').map((n) => n.getAttribute('name')!).filter((name) => name === COUNT || fields[name]);
      if (generation !== this.generation) return;
      const data = new PivotData((groupby, f) => this.readGroup(groupby, f), fields);
      data.groupBys = { row: this.groupBy?.length ? [...this.groupBy] : rows, col: cols };
      data.measures = measures.length ? measures : [COUNT];
      this.data = data;
      this.sort = null;
      await this.loadAll(generation);
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  /** Same layout, new domain: everything open stays open, with fresh numbers. */
  private async reload(): Promise<void> {
    const generation = ++this.generation;
    this.data.clear();
    await this.run(generation, () => this.data.load());
  }

  private async loadAll(generation: number): Promise<void> {
    await this.run(generation, async () => {
      this.data.expanded.row.add('[]');
      this.data.expanded.col.add('[]');
      await this.data.load();
      await this.data.expandAll('row');
      await this.data.expandAll('col');
    });
  }

  private async run(generation: number, work: () => Promise<void>): Promise<void> {
    this.loading = true;
    try {
      await work();
      if (generation !== this.generation) return;
      this.error = '';
    } catch (error) {
      this.error = (error as Error).message;
    }
    this.loading = false;
    this.version++;
  }

  // ---- actions ---------------------------------------------------------------------------------

  private async onHeader(event: Event, axis: Axis, header: Header): Promise<void> {
    event.stopPropagation();
    if (header.expanded) {
      this.data.collapse(axis, header.path);
      this.menu = null;
      this.version++;
    } else if (header.path.length < this.data.groupBys[axis].length) {
      await this.run(this.generation, () => this.data.expand(axis, header.path));
    } else {
      this.measuresOpen = false;
      this.menu = this.menu && this.menu.axis === axis && JSON.stringify(this.menu.path) === JSON.stringify(header.path) ? null : { axis, path: header.path };
    }
  }

  private async expandBy(event: Event, groupBy: string): Promise<void> {
    event.stopPropagation();
    const menu = this.menu!;
    this.menu = null;
    await this.run(this.generation, () => this.data.expand(menu.axis, menu.path, groupBy));
  }

  private async toggleMeasure(event: Event, measure: string): Promise<void> {
    event.stopPropagation();
    const measures = this.data.measures.includes(measure) ? this.data.measures.filter((m) => m !== measure) : [...this.data.measures, measure];
    if (!measures.length) return;
    this.data.measures = measures;
    if (this.sort && !measures.includes(this.sort.measure)) this.sort = null;
    this.data.clear();
    await this.run(this.generation, () => this.data.load());
  }

  private flip(): void {
    this.data.flip();
    this.sort = null;
    this.version++;
  }

  private async expandAll(): Promise<void> {
    await this.run(this.generation, async () => {
      this.data.expanded.row.add('[]');
      this.data.expanded.col.add('[]');
      await this.data.load();
      await this.data.expandAll('row');
      await this.data.expandAll('col');
    });
  }

  private collapseAll(): void {
    this.data.collapseAll();
    this.version++;
  }

  private sortBy(measure: string, col: Path): void {
    const same = this.sort && this.sort.measure === measure && JSON.stringify(this.sort.col) === JSON.stringify(col);
    this.sort = { measure, col, ascending: same ? !this.sort!.ascending : true };
    this.version++;
  }

  // ---- table -----------------------------------------------------------------------------------

  private measureLabel(measure: string): string {
    return measure === COUNT ? t('Count') : this.fieldInfo(measure)?.string ?? measure;
  }

  format(value: number | undefined, measure: string): string {
    if (value === undefined) return '';
    return formatValue(value, measure === COUNT ? { type: 'integer', string: '' } : this.fieldInfo(measure));
  }

  private rowTree(): Header {
    const tree = this.data.tree('row');
    return this.sort ? this.data.sortBy('row', tree, this.sort.col, this.sort.measure, this.sort.ascending) : tree;
  }

  /** The table as a grid: column header rows, measure row, and body rows (for rendering and export). */
  table() {
    const measures = this.data.measures;
    const colTree = this.data.tree('col');
    const height = Math.max(1, this.data.depth('col') + (colTree.expanded && colTree.children.length ? 1 : 0)) ;
    const leaves: Header[] = [];
    const headerRows: Array<Array<{ header: Header; colspan: number; rowspan: number }>> = Array.from({ length: height }, () => []);
    const count = (h: Header): number => (h.expanded && h.children.length ? h.children.reduce((n, c) => n + count(c), 0) : 1);
    const walk = (h: Header) => {
      const leaf = !(h.expanded && h.children.length);
      headerRows[h.path.length]?.push({ header: h, colspan: count(h) * measures.length, rowspan: leaf ? height - h.path.length : 1 });
      if (leaf) leaves.push(h);
      else h.children.forEach(walk);
    };
    walk(colTree);
    const columns = leaves.length > 1 ? [...leaves, null] : leaves; // null: the grand total column
    const rows: Header[] = [];
    const flatten = (h: Header) => { rows.push(h); if (h.expanded) h.children.forEach(flatten); };
    flatten(this.rowTree());
    return { measures, height, headerRows, columns, rows, totalPath: [] as Path };
  }

  override render() {
    void this.version;
    const empty = !this.loading && (this.data.value([], [], COUNT) ?? 0) === 0;
    return html`
      ${this.renderToolbar()}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${empty ? html`<div class="empty" role="status"><strong>${t('No data to display')}</strong>${t('Try another filter, or add records.')}</div>`
        : this.renderTable()}`;
  }

  private renderToolbar() {
    const measures = measurableFields(this.known);
    return html`<div class="toolbar">
      <div class="dropdown">
        <button class="primary" aria-haspopup="menu" aria-expanded=${String(this.measuresOpen)}
          @click=${(e: Event) => { e.stopPropagation(); this.menu = null; this.measuresOpen = !this.measuresOpen; }}>${t('Measures')} ▾</button>
        ${this.measuresOpen ? html`<div class="menu" role="menu" @click=${(e: Event) => e.stopPropagation()}>
          ${[...measures.map(([name, f]) => [name, f.string] as const), [COUNT, t('Count')] as const].map(([name, label]) => html`
            <button role="menuitemcheckbox" aria-checked=${String(this.data.measures.includes(name))} @click=${(e: Event) => this.toggleMeasure(e, name)}>
              <span class="check">${this.data.measures.includes(name) ? '✓' : ''}</span>${label}</button>`)}
        </div>` : nothing}
      </div>
      <button title=${t('Flip axis')} aria-label=${t('Flip axis')} @click=${this.flip}>${icon(ICONS.flip)} ${t('Flip axis')}</button>
      <button title=${t('Expand all')} aria-label=${t('Expand all')} @click=${this.expandAll}>${icon(ICONS.expand)} ${t('Expand all')}</button>
      <button title=${t('Collapse all')} aria-label=${t('Collapse all')} @click=${this.collapseAll}>${icon(ICONS.collapse)} ${t('Collapse all')}</button>
      <button title=${t('Download xlsx')} aria-label=${t('Download xlsx')} ?disabled=${this.downloading} @click=${this.download}>${icon(ICONS.download)} ${t('Download xlsx')}</button>
    </div>`;
  }

  private renderHeader(axis: Axis, header: Header, attrs: { colspan?: number; rowspan?: number; indent?: number }): TemplateResult {
    const open = this.menu && this.menu.axis === axis && JSON.stringify(this.menu.path) === JSON.stringify(header.path);
    return html`<th class="header" colspan=${attrs.colspan ?? 1} rowspan=${attrs.rowspan ?? 1} data-axis=${axis} data-path=${JSON.stringify(header.path)}
      aria-expanded=${String(header.expanded)} style=${attrs.indent ? `padding-inline-start: ${10 + attrs.indent * 18}px` : ''}
      @click=${(e: Event) => this.onHeader(e, axis, header)}><span class="label">${header.label}</span>${open ? this.renderGroupMenu() : nothing}</th>`;
  }

  private renderGroupMenu() {
    return html`<div class="menu" role="menu" aria-label=${t('Group by')} @click=${(e: Event) => e.stopPropagation()}>
      <div class="title">${t('Group by')}</div>
      ${groupableFields(this.known).map(([name, f]) => f.type === 'date' || f.type === 'datetime'
        ? html`<button role="menuitem" @click=${(e: Event) => this.expandBy(e, `${name}:month`)}><span class="check"></span>${f.string}</button>
          <div class="intervals">${INTERVALS.map(([interval, label]) => html`<button data-group=${`${name}:${interval}`}
            @click=${(e: Event) => this.expandBy(e, `${name}:${interval}`)}>${t(label)}</button>`)}</div>`
        : html`<button role="menuitem" data-group=${name} @click=${(e: Event) => this.expandBy(e, name)}><span class="check"></span>${f.string}</button>`)}
    </div>`;
  }

  private renderTable() {
    const { measures, height, headerRows, columns, rows } = this.table();
    const sortState = (measure: string, col: Path) => (this.sort && this.sort.measure === measure && JSON.stringify(this.sort.col) === JSON.stringify(col)
      ? (this.sort.ascending ? 'ascending' : 'descending') : 'none');
    return html`<div class="wrap"><table aria-busy=${String(this.loading)}>
      <thead>
        ${headerRows.map((cells, i) => html`<tr>
          ${i === 0 ? html`<th rowspan=${height + 1}></th>` : nothing}
          ${cells.map((c) => this.renderHeader('col', c.header, { colspan: c.colspan, rowspan: c.rowspan }))}
          ${i === 0 && columns.length > 1 && columns[columns.length - 1] === null ? html`<th rowspan=${height} colspan=${measures.length}></th>` : nothing}
        </tr>`)}
        <tr>${columns.map((col) => measures.map((m) => {
          const path = col?.path ?? [];
          return html`<th class="measure" aria-sort=${sortState(m, path)} @click=${() => this.sortBy(m, path)}>${this.measureLabel(m)}</th>`;
        }))}</tr>
      </thead>
      <tbody>${rows.map((row) => html`<tr class=${row.path.length === 0 ? 'total' : ''} data-path=${JSON.stringify(row.path)}>
        ${this.renderHeader('row', row, { indent: row.path.length })}
        ${columns.map((col) => measures.map((m) => html`<td class=${col === null ? 'total' : ''}>${this.format(this.data.value(row.path, col?.path ?? [], m), m)}</td>`))}
      </tr>`)}</tbody>
    </table></div>`;
  }

  // ---- xlsx ------------------------------------------------------------------------------------

  /** The table as the server writes it into the workbook (headers as shown, totals, measures). */
  exportTable(): PivotTable {
    return exportTable(this.table(), {
      title: this.action?.name ?? this.model,
      measureLabel: (m) => this.measureLabel(m),
      digits: (m) => (m === COUNT || this.fieldInfo(m)?.type === 'integer' ? 0 : 2),
      value: (row, col, m) => this.data.value(row, col, m),
    });
  }

  private download = async (): Promise<void> => {
    this.downloading = true;
    try {
      await downloadXlsx(this.exportTable());
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.downloading = false;
    }
  };
}

customElements.define('erp-pivot-view', PivotView);
registerView('pivot', 'erp-pivot-view');
