// The graph view (Odoo 17): bar (default), line or pie chart of one measure grouped by the arch's
// fields (or the search panel's group-bys), drawn by Chart.js. The first group-by gives the
// labels, the others the datasets (stacked bars when asked). One read_group per load.

import { LitElement, css, html, nothing } from 'lit';
import type { Chart, ChartConfiguration } from 'chart.js';
import { loadChart } from './graph/chart_loader.ts';
import { callKw } from '../rpc.ts';
import { parseArch, isTrue, type Fields, type FieldInfo } from '../arch.ts';
import { formatValue } from '../format.ts';
import { addTranslations, t } from '../i18n.ts';
import { registerView, type WindowAction } from './registry.ts';
import { COUNT, groupLabel, valueKey } from './pivot/model.ts';
import { allFields, groupBySpec, icon, measurableFields } from './pivot.ts';

addTranslations('fa', {
  'Measure': 'معیار',
  'Count': 'تعداد',
  'Total': 'جمع',
  'Bar': 'میله‌ای',
  'Line': 'خطی',
  'Pie': 'دایره‌ای',
  'Stacked': 'انباشته',
  'Chart type': 'نوع نمودار',
  'No data to display': 'داده‌ای برای نمایش نیست',
  'Try another filter, or add records.': 'فیلتر دیگری را امتحان کنید یا رکورد اضافه کنید.',
});

/** Odoo's chart palette (d3's category20 order): a group keeps its colour whatever the chart. */
export const COLORS = ['#1f77b4', '#ff7f0e', '#aec7e8', '#ffbb78', '#2ca02c', '#98df8a', '#d62728', '#ff9896', '#9467bd', '#c5b0d5',
  '#8c564b', '#c49c94', '#e377c2', '#f7b6d2', '#7f7f7f', '#c7c7c7', '#bcbd22', '#dbdb8d', '#17becf', '#9edae5'];
export const colorAt = (i: number) => COLORS[i % COLORS.length];
const alpha = (hex: string, a: number) => `${hex}${Math.round(a * 255).toString(16).padStart(2, '0')}`;

export type GraphType = 'bar' | 'line' | 'pie';

/** What the chart shows, in plain data (exposed as `element.chartData` for tests and tools). */
export interface GraphData {
  type: GraphType;
  stacked: boolean;
  measure: string;
  labels: string[];
  datasets: Array<{ label: string; data: number[] }>;
}

export class GraphView extends LitElement {
  static override properties = {
    model: {}, arch: {}, fields: { attribute: false }, models: { attribute: false }, domain: { attribute: false },
    context: { attribute: false }, groupBy: { attribute: false }, action: { attribute: false },
    type: { state: true }, measure: { state: true }, stacked: { state: true }, chartData: { state: true },
    measuresOpen: { state: true }, error: { state: true }, known: { state: true },
  };
  declare model: string;
  declare arch: string;
  declare fields: Fields;
  declare models: Record<string, Fields>;
  declare domain: unknown[];
  declare context: Record<string, unknown>;
  declare groupBy: string[];
  declare action: WindowAction | undefined;
  declare type: GraphType;
  declare measure: string;
  declare stacked: boolean;
  /** The data drawn (null while loading). */
  declare chartData: GraphData | null;
  declare private measuresOpen: boolean;
  declare private error: string;
  declare private known: Record<string, FieldInfo>;
  /** The Chart.js instance on screen. */
  chart: Chart | null = null;
  private archGroupBys: string[] = [];
  private generation = 0;

  static override styles = css`
    :host { display: block; padding: 12px 16px; color: #1f2937; font-size: 14px; }
    .toolbar { display: flex; gap: 6px; align-items: center; margin-bottom: 12px; flex-wrap: wrap; }
    .group { display: inline-flex; }
    .group button { border-radius: 0; margin-inline-start: -1px; }
    .group button:first-child { border-start-start-radius: 4px; border-end-start-radius: 4px; }
    .group button:last-child { border-start-end-radius: 4px; border-end-end-radius: 4px; }
    button { font: inherit; border: 1px solid #d1d5db; background: white; border-radius: 4px; padding: 4px 10px; cursor: pointer; color: inherit; }
    button:hover { background: #f3f4f6; }
    button[aria-pressed='true'] { background: #ede9fe; border-color: #a78bfa; position: relative; }
    button.primary { background: #71639e; border-color: #71639e; color: white; }
    button.primary:hover { background: #5f5287; }
    .dropdown { position: relative; display: inline-block; }
    .menu { position: absolute; z-index: 10; inset-inline-start: 0; top: 100%; margin-top: 2px; background: white; border: 1px solid #d1d5db; border-radius: 4px;
      box-shadow: 0 4px 12px rgb(0 0 0 / 12%); min-width: 200px; padding: 4px 0; }
    .menu [role='menuitemradio'] { display: flex; gap: 8px; width: 100%; border: 0; border-radius: 0; padding: 5px 14px; text-align: start; background: none; white-space: nowrap; }
    .menu [role='menuitemradio']:hover { background: #f3f4f6; }
    .check { width: 1em; color: #71639e; }
    .chart { position: relative; height: max(320px, calc(100vh - 260px)); width: 100%; background: white; border: 1px solid #e5e7eb; border-radius: 4px; padding: 12px; box-sizing: border-box; }
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
    this.type = 'bar';
    this.measure = COUNT;
    this.stacked = true;
    this.chartData = null;
    this.measuresOpen = false;
    this.error = '';
    this.known = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('click', this.closeMenu);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('click', this.closeMenu);
    this.chart?.destroy();
    this.chart = null;
  }

  private closeMenu = (): void => {
    this.measuresOpen = false;
  };

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('arch')) {
      const root = parseArch(this.arch);
      const type = root.getAttribute('type');
      this.type = type === 'line' || type === 'pie' ? type : 'bar';
      this.stacked = root.getAttribute('stacked') === null ? true : isTrue(root.getAttribute('stacked'));
      const nodes = [...root.children].filter((n) => n.tagName === 'field' && n.getAttribute('invisible') !== '1');
      this.measure = nodes.find((n) => n.getAttribute('type') === 'measure')?.getAttribute('name') ?? COUNT;
      const rows = nodes.filter((n) => !n.getAttribute('type') || n.getAttribute('type') === 'row');
      const cols = nodes.filter((n) => n.getAttribute('type') === 'col');
      this.archGroupBys = [...rows, ...cols].map((n) => groupBySpec(n, this.fields));
    }
  }

  override updated(changed: Map<string, unknown>): void {
    if (['arch', 'model', 'domain', 'context', 'groupBy', 'measure'].some((p) => changed.has(p))) void this.load();
    else if (['type', 'stacked', 'chartData'].some((p) => changed.has(p))) void this.draw();
  }

  private get groupBys(): string[] {
    return (this.groupBy?.length ? this.groupBy : this.archGroupBys);
  }

  private fieldInfo(name: string): FieldInfo | undefined {
    return this.known[name] ?? this.fields[name];
  }

  private measureLabel(measure: string): string {
    return measure === COUNT ? t('Count') : this.fieldInfo(measure)?.string ?? measure;
  }

  private format(value: number): string {
    return formatValue(value, this.measure === COUNT ? { type: 'integer', string: '' } : this.fieldInfo(this.measure));
  }

  async load(): Promise<void> {
    const generation = ++this.generation;
    try {
      if (!Object.keys(this.known).length) this.known = await allFields(this.model).catch(() => ({}));
      const groupBys = this.groupBys;
      const measure = this.measure;
      const groups = await callKw<Array<Record<string, unknown>>>(this.model, 'read_group', [], {
        domain: this.domain, fields: measure === COUNT ? [] : [`${measure}:${this.fieldInfo(measure)?.group_operator ?? 'sum'}`], groupby: groupBys, lazy: false, context: this.context,
      });
      if (generation !== this.generation) return;
      const value = (g: Record<string, unknown>) => Number((measure === COUNT ? g.__count : g[measure]) || 0);
      const label = (g: Record<string, unknown>, gb: string) => groupLabel(g[gb], this.fieldInfo(gb.split(':')[0]));
      const key = (g: Record<string, unknown>, gbs: string[]) => JSON.stringify(gbs.map((gb) => valueKey(g[gb])));
      const [first, ...rest] = groupBys;
      const labels = new Map<string, string>();
      const series = new Map<string, { label: string; values: Map<string, number> }>();
      for (const g of groups) {
        const x = first ? key(g, [first]) : 'total';
        if (!labels.has(x)) labels.set(x, first ? label(g, first) : t('Total'));
        const s = rest.length ? key(g, rest) : 'measure';
        if (!series.has(s)) series.set(s, { label: rest.length ? rest.map((gb) => label(g, gb)).join(' / ') : this.measureLabel(measure), values: new Map() });
        const values = series.get(s)!.values;
        values.set(x, (values.get(x) ?? 0) + value(g));
      }
      this.chartData = {
        type: this.type, stacked: this.stacked, measure,
        labels: [...labels.values()],
        datasets: [...series.values()].map((s) => ({ label: s.label, data: [...labels.keys()].map((x) => s.values.get(x) ?? 0) })),
      };
      this.error = '';
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  /** The data as the current chart type shows it: a pie has one slice per group (all levels). */
  private shown(): GraphData | null {
    const data = this.chartData;
    if (!data) return null;
    if (this.type !== 'pie' || data.datasets.length <= 1) return { ...data, type: this.type, stacked: this.stacked };
    const labels: string[] = [];
    const values: number[] = [];
    data.datasets.forEach((ds) => ds.data.forEach((v, i) => { if (v) { labels.push(`${data.labels[i]} / ${ds.label}`); values.push(v); } }));
    return { ...data, type: 'pie', labels, datasets: [{ label: this.measureLabel(data.measure), data: values }] };
  }

  /** Draws of a chart still loading must not overwrite a newer one. */
  private drawing = 0;

  private async draw(): Promise<void> {
    const generation = ++this.drawing;
    const ChartJs = await loadChart();
    if (generation !== this.drawing) return;
    const data = this.shown();
    const canvas = this.renderRoot.querySelector('canvas');
    this.chart?.destroy();
    this.chart = null;
    if (!data || !canvas || !data.labels.length) return;
    const rtl = document.documentElement.dir === 'rtl';
    const many = data.datasets.length > 1;
    const datasets = data.datasets.map((ds, i) => {
      const color = colorAt(i);
      if (data.type === 'pie') return { label: ds.label, data: ds.data, backgroundColor: ds.data.map((_, j) => colorAt(j)), borderColor: 'white', borderWidth: 1 };
      if (data.type === 'line') {
        return { label: ds.label, data: ds.data, borderColor: color, backgroundColor: alpha(color, many ? 0.15 : 0.25), pointBackgroundColor: color, fill: many ? false : 'origin', tension: 0, borderWidth: 2 };
      }
      return { label: ds.label, data: ds.data, backgroundColor: color, borderColor: color, maxBarThickness: 80 };
    });
    const stacked = data.type === 'bar' && this.stacked;
    const ticks = { callback: (value: string | number) => this.format(Number(value)) };
    const config = {
      type: data.type,
      data: { labels: data.labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: { duration: 250 },
        locale: document.documentElement.lang || 'en',
        plugins: {
          legend: { display: true, position: 'top', rtl, labels: { boxWidth: 14, usePointStyle: data.type === 'line' } },
          tooltip: { rtl, callbacks: { label: (item: { dataset: { label?: string }; raw: unknown; label: string }) => `${data.type === 'pie' ? item.label : item.dataset.label ?? ''}: ${this.format(Number(item.raw))}` } },
        },
        scales: data.type === 'pie' ? {} : {
          x: { stacked, reverse: rtl, grid: { display: false } },
          y: { stacked, beginAtZero: true, ticks, position: rtl ? 'right' : 'left' },
        },
      },
    } as unknown as ChartConfiguration;
    this.chart = new ChartJs(canvas, config);
  }

  override render() {
    const data = this.shown();
    const empty = data !== null && (!data.labels.length || data.datasets.every((ds) => ds.data.every((v) => !v)));
    return html`
      ${this.renderToolbar()}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${empty ? html`<div class="empty" role="status"><strong>${t('No data to display')}</strong>${t('Try another filter, or add records.')}</div>`
        : html`<div class="chart"><canvas role="img" aria-label=${`${t('Graph')}: ${this.measureLabel(this.measure)}`}
          data-type=${this.type} data-labels=${String(data?.labels.length ?? 0)} data-datasets=${String(data?.datasets.length ?? 0)}></canvas></div>`}`;
  }

  private renderToolbar() {
    const measures = [...measurableFields(this.known).map(([name, f]) => [name, f.string] as const), [COUNT, t('Count')] as const];
    const types: Array<[GraphType, string, string]> = [['bar', t('Bar'), 'M3 14V8M8 14V3M13 14V6M1.5 14.5h13'], ['line', t('Line'), 'M1.5 12 6 7l3 3 5.5-6'], ['pie', t('Pie'), 'M8 2a6 6 0 1 0 6 6H8Z M10 1.5A5 5 0 0 1 14.5 6H10Z']];
    return html`<div class="toolbar">
      <div class="dropdown">
        <button class="primary" aria-haspopup="menu" aria-expanded=${String(this.measuresOpen)}
          @click=${(e: Event) => { e.stopPropagation(); this.measuresOpen = !this.measuresOpen; }}>${t('Measure')}: ${this.measureLabel(this.measure)} ▾</button>
        ${this.measuresOpen ? html`<div class="menu" role="menu" @click=${(e: Event) => e.stopPropagation()}>
          ${measures.map(([name, label]) => html`<button role="menuitemradio" aria-checked=${String(name === this.measure)}
            @click=${() => { this.measure = name; this.measuresOpen = false; }}><span class="check">${name === this.measure ? '✓' : ''}</span>${label}</button>`)}
        </div>` : nothing}
      </div>
      <div class="group" role="group" aria-label=${t('Chart type')}>
        ${types.map(([type, label, path]) => html`<button aria-pressed=${String(this.type === type)} title=${label} @click=${() => { this.type = type; }}>${icon(path)} ${label}</button>`)}
      </div>
      ${this.type === 'bar' ? html`<button aria-pressed=${String(this.stacked)} @click=${() => { this.stacked = !this.stacked; }}>${t('Stacked')}</button>` : nothing}
    </div>`;
  }
}

customElements.define('erp-graph-view', GraphView);
registerView('graph', 'erp-graph-view');
