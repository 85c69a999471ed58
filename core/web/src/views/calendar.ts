// The calendar view (Odoo 17): records placed on their date in a month, week or day grid, with
// previous / today / next. A click on an event opens it, a click on an empty spot of a day asks
// for a name and creates a record on that day, dragging an event to another day moves its dates.

import { LitElement, css, html } from 'lit';
import { callKw } from '../rpc.ts';
import { fieldNodes, parseArch, type Fields } from '../arch.ts';
import { formatValue } from '../format.ts';
import { addTranslations, currentLanguage, t } from '../i18n.ts';
import { registerView } from './registry.ts';

type Row = Record<string, unknown> & { id: number };
type Mode = 'month' | 'week' | 'day';

addTranslations('fa', {
  'Today': 'امروز',
  'Month': 'ماه',
  'Week': 'هفته',
  'Day': 'روز',
  'New event name': 'نام رویداد جدید',
});

const DAY = 86400000;
/** 'YYYY-MM-DD' of a UTC date. */
const iso = (d: Date) => d.toISOString().slice(0, 10);
const parse = (s: string) => new Date(`${s.slice(0, 10)}T00:00:00Z`);
const addDays = (s: string, n: number) => iso(new Date(parse(s).getTime() + n * DAY));
const diffDays = (a: string, b: string) => Math.round((parse(b).getTime() - parse(a).getTime()) / DAY);
/** Monday of the week of `s` (ISO weeks). */
const weekStart = (s: string) => addDays(s, -((parse(s).getUTCDay() + 6) % 7));

const PALETTE = ['#dbeafe', '#fce7f3', '#dcfce7', '#fef3c7', '#ede9fe', '#ffedd5', '#cffafe', '#fee2e2', '#e0e7ff', '#f5f5f4'];
const BORDER = ['#3b82f6', '#db2777', '#16a34a', '#d97706', '#7c3aed', '#ea580c', '#0891b2', '#dc2626', '#4f46e5', '#78716c'];

function intlLocale(): string {
  const lang = currentLanguage().replace('_', '-');
  return lang.startsWith('fa') ? 'fa-IR-u-ca-persian' : lang;
}

export class CalendarView extends LitElement {
  static override properties = {
    model: {}, arch: {}, fields: { attribute: false }, domain: { attribute: false }, context: { attribute: false }, action: { attribute: false },
    mode: { state: true }, anchor: { state: true }, rows: { state: true }, creating: { state: true }, error: { state: true },
  };
  declare model: string;
  declare arch: string;
  declare fields: Fields;
  declare domain: unknown[];
  declare context: Record<string, unknown>;
  declare action: unknown;
  declare mode: Mode;
  /** A day of the period shown ('YYYY-MM-DD'). */
  declare anchor: string;
  declare rows: Row[] | null;
  /** The day where the inline "new event" input is open. */
  declare private creating: string | null;
  declare private error: string;
  private modeFromArch = true;
  private generation = 0;
  private dragged: number | null = null;

  static override styles = css`
    :host { display: block; padding: 8px 16px; }
    .toolbar { display: flex; align-items: center; gap: 8px; margin-bottom: 8px; flex-wrap: wrap; }
    .toolbar h2 { font-size: 1.1em; margin: 0 12px; font-weight: 600; }
    .toolbar .modes { margin-inline-start: auto; display: flex; gap: 2px; }
    button { border: 1px solid #d1d5db; background: white; border-radius: 4px; padding: 2px 10px; cursor: pointer; }
    button[aria-pressed="true"] { background: #ede9fe; border-color: #7c3aed; }
    .grid { display: grid; border-top: 1px solid #e5e7eb; border-inline-start: 1px solid #e5e7eb; background: white; }
    .head { font-weight: 600; font-size: .85em; text-align: center; padding: 4px; background: #f3f4f6; border-inline-end: 1px solid #e5e7eb; border-bottom: 1px solid #e5e7eb; }
    .day { border-inline-end: 1px solid #e5e7eb; border-bottom: 1px solid #e5e7eb; min-height: 96px; padding: 2px 4px; cursor: pointer; overflow: hidden; }
    .grid.week .day, .grid.day .day { min-height: 360px; }
    .day.other { background: #f9fafb; color: #9ca3af; }
    .day.today .num { background: #7c3aed; color: white; border-radius: 999px; padding: 0 6px; }
    .day.over { background: #f5f3ff; }
    .num { font-size: .8em; display: inline-block; margin-bottom: 2px; }
    .event { display: block; width: 100%; text-align: start; font-size: .82em; margin: 1px 0; padding: 1px 4px; border: 0; border-inline-start: 3px solid; border-radius: 3px;
      white-space: nowrap; overflow: hidden; text-overflow: ellipsis; cursor: grab; color: #111827; }
    form.quick input { width: 100%; box-sizing: border-box; font-size: .85em; }
    .error { color: #b91c1c; }
  `;

  constructor() {
    super();
    this.mode = 'month';
    this.anchor = iso(new Date());
    this.rows = null;
    this.creating = null;
    this.error = '';
    this.domain = [];
    this.context = {};
  }

  private get root(): Element { return parseArch(this.arch); }
  private get dateStart(): string { return this.root.getAttribute('date_start') ?? 'date_start'; }
  private get dateStop(): string | null { return this.root.getAttribute('date_stop'); }
  private get colorField(): string | null { return this.root.getAttribute('color'); }
  private get allDayField(): string | null { return this.root.getAttribute('all_day'); }
  private get isDatetime(): boolean { return this.fields?.[this.dateStart]?.type === 'datetime'; }

  /** First and last day shown. */
  get range(): [string, string] {
    if (this.mode === 'day') return [this.anchor, this.anchor];
    if (this.mode === 'week') { const s = weekStart(this.anchor); return [s, addDays(s, 6)]; }
    const first = `${this.anchor.slice(0, 7)}-01`;
    const s = weekStart(first);
    return [s, addDays(s, 41)];
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('arch') && this.modeFromArch) {
      const mode = this.root.getAttribute('mode');
      if (mode === 'month' || mode === 'week' || mode === 'day') this.mode = mode;
      const initial = this.context?.initial_date;
      if (typeof initial === 'string') this.anchor = initial.slice(0, 10);
    }
  }

  override updated(changed: Map<string, unknown>): void {
    if (['arch', 'domain', 'model', 'context', 'mode', 'anchor'].some((k) => changed.has(k))) void this.load();
  }

  private bound(day: string, end: boolean): string {
    return this.isDatetime ? `${day} ${end ? '23:59:59' : '00:00:00'}` : day;
  }

  async load(): Promise<void> {
    const generation = ++this.generation;
    const [first, last] = this.range;
    const start = this.dateStart;
    const stop = this.dateStop;
    const rangeDomain = stop
      ? ['&', [start, '<=', this.bound(last, true)], '|', [stop, '>=', this.bound(first, false)], '&', [stop, '=', false], [start, '>=', this.bound(first, false)]]
      : ['&', [start, '>=', this.bound(first, false)], [start, '<=', this.bound(last, true)]];
    const names = new Set(['display_name', start, ...(stop ? [stop] : []), ...(this.colorField ? [this.colorField] : []), ...(this.allDayField ? [this.allDayField] : [])]);
    for (const node of fieldNodes(this.root)) names.add(node.getAttribute('name')!);
    try {
      const rows = await callKw<Row[]>(this.model, 'search_read', [], {
        domain: [...this.domain, ...rangeDomain], fields: [...names], order: `${start} asc, id asc`, context: this.context,
      });
      if (generation !== this.generation) return;
      this.rows = rows;
      this.error = '';
    } catch (error) {
      if (generation === this.generation) this.error = (error as Error).message;
    }
  }

  /** Days an event covers, as 'YYYY-MM-DD'. */
  private daysOf(row: Row): [string, string] | null {
    const start = row[this.dateStart];
    if (!start) return null;
    const s = String(start).slice(0, 10);
    const stopValue = this.dateStop ? row[this.dateStop] : false;
    const e = stopValue ? String(stopValue).slice(0, 10) : s;
    return [s, e < s ? s : e];
  }

  private heading(): string {
    const locale = intlLocale();
    const d = parse(this.anchor);
    if (this.mode === 'month') return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
    if (this.mode === 'day') return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(d);
    const [first, last] = this.range;
    const f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return `${f.format(parse(first))} – ${f.format(parse(last))}`;
  }

  private label(row: Row): string {
    const name = row.name ?? row.display_name;
    return typeof name === 'string' && name ? name : `#${row.id}`;
  }

  private colorOf(row: Row): number {
    const field = this.colorField;
    if (!field) return 0;
    const value = row[field];
    const key = Array.isArray(value) ? Number(value[0]) : typeof value === 'number' ? value : value ? [...String(value)].reduce((a, c) => a + c.charCodeAt(0), 0) : 0;
    return Math.abs(key) % PALETTE.length;
  }

  override render() {
    const [first] = this.range;
    const count = this.mode === 'month' ? 42 : this.mode === 'week' ? 7 : 1;
    const days = Array.from({ length: count }, (_, i) => addDays(first, i));
    const columns = this.mode === 'day' ? 1 : 7;
    const today = iso(new Date());
    const month = this.anchor.slice(0, 7);
    const locale = intlLocale();
    const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    const dayNum = new Intl.DateTimeFormat(locale, { day: 'numeric', timeZone: 'UTC' });
    const byDay = new Map<string, Row[]>();
    for (const row of this.rows ?? []) {
      const span = this.daysOf(row);
      if (!span) continue;
      for (let d = span[0] < days[0] ? days[0] : span[0]; d <= span[1] && d <= days[days.length - 1]; d = addDays(d, 1)) {
        byDay.set(d, [...(byDay.get(d) ?? []), row]);
      }
    }
    const extra = fieldNodes(this.root).map((n) => n.getAttribute('name')!).filter((n) => n !== 'name' && n !== 'display_name' && this.fields?.[n]);
    return html`
      <div class="toolbar">
        <button aria-label=${t('Previous')} @click=${() => this.step(-1)}>‹</button>
        <button @click=${() => { this.anchor = today; }}>${t('Today')}</button>
        <button aria-label=${t('Next')} @click=${() => this.step(1)}>›</button>
        <h2 aria-live="polite">${this.heading()}</h2>
        <div class="modes" role="group">
          ${(['day', 'week', 'month'] as Mode[]).map((m) => html`<button aria-pressed=${String(this.mode === m)} @click=${() => { this.modeFromArch = false; this.mode = m; }}>${t(m[0].toUpperCase() + m.slice(1))}</button>`)}
        </div>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <div class="grid ${this.mode}" style="grid-template-columns: repeat(${columns}, minmax(0, 1fr))" role="grid">
        ${days.slice(0, columns).map((d) => html`<div class="head" role="columnheader">${weekday.format(parse(d))}</div>`)}
        ${days.map((d) => html`<div class="day ${this.mode === 'month' && d.slice(0, 7) !== month ? 'other' : ''} ${d === today ? 'today' : ''}"
            role="gridcell" data-date=${d} aria-label=${d}
            @click=${(e: Event) => { if (e.target === e.currentTarget || (e.target as Element).classList.contains('num')) this.startCreate(d); }}
            @dragover=${(e: DragEvent) => { e.preventDefault(); (e.currentTarget as Element).classList.add('over'); }}
            @dragleave=${(e: DragEvent) => (e.currentTarget as Element).classList.remove('over')}
            @drop=${(e: DragEvent) => { e.preventDefault(); (e.currentTarget as Element).classList.remove('over'); void this.drop(e, d); }}>
          <span class="num">${dayNum.format(parse(d))}</span>
          ${(byDay.get(d) ?? []).map((row) => {
            const c = this.colorOf(row);
            const more = extra.map((n) => formatValue(row[n], this.fields[n])).filter(Boolean).join(' · ');
            return html`<button class="event" draggable="true" data-id=${row.id} aria-label=${this.label(row)} title=${more ? `${this.label(row)} — ${more}` : this.label(row)}
              style="background:${PALETTE[c]};border-color:${BORDER[c]}"
              @dragstart=${(e: DragEvent) => { this.dragged = row.id; e.dataTransfer?.setData('text/plain', String(row.id)); if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move'; }}
              @click=${(e: Event) => { e.stopPropagation(); this.open(row.id); }}>${this.label(row)}</button>`;
          })}
          ${this.creating === d ? html`<form class="quick" @submit=${(e: Event) => { e.preventDefault(); void this.create(d); }}>
            <input aria-label=${t('New event name')} placeholder=${t('New')} @keydown=${(e: KeyboardEvent) => { if (e.key === 'Escape') this.creating = null; }}
              @click=${(e: Event) => e.stopPropagation()}>
          </form>` : ''}
        </div>`)}
      </div>`;
  }

  private step(direction: number): void {
    if (this.mode === 'day') this.anchor = addDays(this.anchor, direction);
    else if (this.mode === 'week') this.anchor = addDays(this.anchor, 7 * direction);
    else {
      const d = parse(`${this.anchor.slice(0, 7)}-01`);
      d.setUTCMonth(d.getUTCMonth() + direction);
      this.anchor = iso(d);
    }
  }

  private async startCreate(day: string): Promise<void> {
    this.creating = day;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('form.quick input')?.focus();
  }

  private async create(day: string): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement>('form.quick input');
    const name = input?.value.trim() || t('New');
    const values: Record<string, unknown> = { name, [this.dateStart]: this.isDatetime ? `${day} 08:00:00` : day };
    if (this.dateStop && this.fields?.[this.dateStop]) values[this.dateStop] = this.fields[this.dateStop].type === 'datetime' ? `${day} 09:00:00` : day;
    try {
      await callKw<number>(this.model, 'create', [values], { context: this.context });
      this.creating = null;
      await this.load();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private async drop(e: DragEvent, day: string): Promise<void> {
    const id = Number(e.dataTransfer?.getData('text/plain')) || this.dragged;
    this.dragged = null;
    const row = (this.rows ?? []).find((r) => r.id === id);
    const span = row && this.daysOf(row);
    if (!row || !span || span[0] === day) return;
    const delta = diffDays(span[0], day);
    const shift = (value: unknown) => {
      const s = String(value);
      return s.length > 10 ? `${addDays(s.slice(0, 10), delta)}${s.slice(10)}` : addDays(s, delta);
    };
    const values: Record<string, unknown> = { [this.dateStart]: shift(row[this.dateStart]) };
    if (this.dateStop && row[this.dateStop]) values[this.dateStop] = shift(row[this.dateStop]);
    const before = this.rows;
    this.rows = (this.rows ?? []).map((r) => (r.id === id ? { ...r, ...values } : r));
    try {
      await callKw(this.model, 'write', [[id], values], { context: this.context });
      await this.load();
    } catch (error) {
      this.rows = before;
      this.error = (error as Error).message;
    }
  }

  private open(id: number): void {
    const ids = (this.rows ?? []).map((r) => r.id);
    this.dispatchEvent(new CustomEvent('open-record', { detail: { id, ids }, bubbles: true, composed: true }));
  }
}

customElements.define('erp-calendar-view', CalendarView);
registerView('calendar', 'erp-calendar-view');
