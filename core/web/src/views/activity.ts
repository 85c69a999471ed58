// The activity view (Odoo 17): one row per record that has activities, one column per activity
// type; a cell counts the record's activities of that type, shows the nearest deadline and is
// coloured by the most urgent state (overdue red, today orange, planned green).

import { LitElement, css, html } from 'lit';
import { callKw } from '../rpc.ts';
import type { Fields } from '../arch.ts';
import { formatValue } from '../format.ts';
import { addTranslations, t } from '../i18n.ts';
import { registerView } from './registry.ts';

interface Activity { id: number; res_id: number; res_name?: string | false; activity_type_id: [number, string] | false; state: string; date_deadline: string; summary?: string | false }
interface ActivityType { id: number; name: string }
interface Cell { count: number; deadline: string; state: 'overdue' | 'today' | 'planned' }

addTranslations('fa', {
  'Overdue': 'معوق',
  'Today': 'امروز',
  'Planned': 'برنامه‌ریزی‌شده',
  'No activities': 'فعالیتی نیست',
});

const RANK = { overdue: 0, today: 1, planned: 2 } as const;

export class ActivityView extends LitElement {
  static override properties = {
    model: {}, arch: {}, fields: { attribute: false }, domain: { attribute: false }, context: { attribute: false }, action: { attribute: false },
    types: { state: true }, records: { state: true }, cells: { state: true }, error: { state: true },
  };
  declare model: string;
  declare arch: string;
  declare fields: Fields;
  declare domain: unknown[];
  declare context: Record<string, unknown>;
  declare action: unknown;
  declare types: ActivityType[];
  declare records: Array<{ id: number; name: string }> | null;
  /** `${res_id}:${type_id}` → cell. */
  declare cells: Map<string, Cell>;
  declare private error: string;
  private generation = 0;

  static override styles = css`
    :host { display: block; padding: 8px 16px; }
    table { border-collapse: collapse; background: white; width: 100%; }
    th, td { border: 1px solid #e5e7eb; padding: 6px 10px; text-align: center; white-space: nowrap; }
    thead th { background: #f3f4f6; font-weight: 600; }
    tbody th { text-align: start; font-weight: 500; cursor: pointer; }
    tbody th:hover { color: #7c3aed; }
    td.overdue { background: #fee2e2; color: #991b1b; }
    td.today { background: #ffedd5; color: #9a3412; }
    td.planned { background: #dcfce7; color: #166534; }
    .count { font-weight: 600; display: block; }
    .deadline { font-size: .8em; }
    .legend { display: flex; gap: 12px; margin-bottom: 8px; font-size: .85em; }
    .legend span::before { content: ''; display: inline-block; width: 10px; height: 10px; margin-inline-end: 4px; border-radius: 2px; background: var(--c); }
    .error { color: #b91c1c; }
  `;

  constructor() {
    super();
    this.types = [];
    this.records = null;
    this.cells = new Map();
    this.error = '';
    this.domain = [];
    this.context = {};
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('domain') || changed.has('model') || changed.has('context') || changed.has('arch')) void this.load();
  }

  async load(): Promise<void> {
    const generation = ++this.generation;
    try {
      const activities = await callKw<Activity[]>('mail.activity', 'search_read', [], {
        domain: [['res_model', '=', this.model]], fields: ['res_id', 'res_name', 'activity_type_id', 'state', 'date_deadline', 'summary'], order: 'date_deadline asc, id asc', context: this.context,
      });
      const resIds = [...new Set(activities.map((a) => a.res_id))];
      const [records, types] = await Promise.all([
        resIds.length ? callKw<Array<{ id: number; display_name: string }>>(this.model, 'search_read', [], { domain: [...this.domain, ['id', 'in', resIds]], fields: ['display_name'], context: this.context }) : [],
        callKw<ActivityType[]>('mail.activity.type', 'search_read', [], { domain: ['|', ['res_model', '=', false], ['res_model', '=', this.model]], fields: ['name'], order: 'sequence, id', context: this.context }),
      ]);
      if (generation !== this.generation) return;
      const shown = new Set(records.map((r) => r.id));
      const cells = new Map<string, Cell>();
      for (const a of activities) {
        if (!shown.has(a.res_id) || !a.activity_type_id) continue;
        const key = `${a.res_id}:${a.activity_type_id[0]}`;
        const state = (a.state in RANK ? a.state : 'planned') as Cell['state'];
        const cell = cells.get(key);
        if (!cell) cells.set(key, { count: 1, deadline: a.date_deadline, state });
        else {
          cell.count += 1;
          if (a.date_deadline < cell.deadline) cell.deadline = a.date_deadline;
          if (RANK[state] < RANK[cell.state]) cell.state = state;
        }
      }
      // Types used by an activity but not listed (another model's, archived) still get a column.
      const typeList = [...types];
      for (const a of activities) {
        if (a.activity_type_id && !typeList.some((ty) => ty.id === (a.activity_type_id as [number, string])[0])) typeList.push({ id: a.activity_type_id[0], name: a.activity_type_id[1] });
      }
      const firstSeen = new Map<number, number>();
      activities.forEach((a, i) => { if (!firstSeen.has(a.res_id)) firstSeen.set(a.res_id, i); });
      this.records = records.map((r) => ({ id: r.id, name: r.display_name || activities.find((a) => a.res_id === r.id)?.res_name || `#${r.id}` }))
        .sort((a, b) => (firstSeen.get(a.id)! - firstSeen.get(b.id)!));
      this.types = typeList;
      this.cells = cells;
      this.error = '';
    } catch (error) {
      if (generation === this.generation) this.error = (error as Error).message;
    }
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!this.records) return html`<p>${t('Loading…')}</p>`;
    if (!this.records.length) return html`<p>${t('No activities')}</p>`;
    const date = { type: 'date' } as Fields[string];
    return html`
      <div class="legend">
        <span style="--c:#fca5a5">${t('Overdue')}</span><span style="--c:#fdba74">${t('Today')}</span><span style="--c:#86efac">${t('Planned')}</span>
      </div>
      <table>
        <thead><tr><th></th>${this.types.map((ty) => html`<th data-type=${ty.id}>${ty.name}</th>`)}</tr></thead>
        <tbody>${this.records.map((r) => html`<tr data-id=${r.id}>
          <th @click=${() => this.open(r.id)}>${r.name}</th>
          ${this.types.map((ty) => {
            const cell = this.cells.get(`${r.id}:${ty.id}`);
            return cell
              ? html`<td class=${cell.state} data-type=${ty.id} title=${t(cell.state[0].toUpperCase() + cell.state.slice(1))}>
                  <span class="count">${cell.count}</span><span class="deadline">${formatValue(cell.deadline, date)}</span></td>`
              : html`<td data-type=${ty.id}></td>`;
          })}
        </tr>`)}</tbody>
      </table>`;
  }

  private open(id: number): void {
    const ids = (this.records ?? []).map((r) => r.id);
    this.dispatchEvent(new CustomEvent('open-record', { detail: { id, ids }, bubbles: true, composed: true }));
  }
}

customElements.define('erp-activity-view', ActivityView);
registerView('activity', 'erp-activity-view');
