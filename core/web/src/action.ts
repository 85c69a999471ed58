// One window action on screen: loads the action, then its views (get_views), and shows the
// current one with a switcher between the action's view types.

import { LitElement, css, html } from 'lit';
import { callKw, rpc } from './rpc.ts';
import type { Fields } from './arch.ts';
import { t } from './i18n.ts';
import './views/list.ts';

interface WindowAction {
  id: number;
  type: string;
  name: string;
  res_model: string;
  views: Array<[number | false, string]>;
  domain?: unknown[] | string | false;
  context?: Record<string, unknown> | string | false;
}

interface ViewsReply {
  views: Record<string, { arch: string; id: number | false }>;
  models: Record<string, { fields: Fields } | Fields>;
}

const SUPPORTED = new Set(['list', 'tree']);

/** Odoo 17 still names the list view 'tree' in actions; people call it a list. */
const VIEW_LABELS: Record<string, string> = { tree: 'List', list: 'List', kanban: 'Kanban', form: 'Form', pivot: 'Pivot', graph: 'Graph', calendar: 'Calendar', activity: 'Activity' };

export class ActionView extends LitElement {
  static override properties = { actionId: { attribute: false }, action: { state: true }, views: { state: true }, current: { state: true }, error: { state: true } };
  declare actionId: number | string;
  declare private action: WindowAction | null;
  declare private views: ViewsReply | null;
  declare private current: string;
  declare private error: string;

  static override styles = css`
    :host { display: block; }
    .bar { display: flex; justify-content: space-between; align-items: center; padding: 10px 16px; background: white; border-bottom: 1px solid #e5e7eb; }
    h1 { font-size: 18px; margin: 0; font-weight: 500; }
    .switcher button { border: 1px solid #d1d5db; background: white; padding: 4px 10px; cursor: pointer; }
    .switcher button[aria-pressed='true'] { background: #ede9fe; }
    .error { color: #b91c1c; padding: 16px; }
  `;

  constructor() {
    super();
    this.action = null;
    this.views = null;
    this.current = '';
    this.error = '';
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('actionId')) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const action = await rpc<WindowAction>('/web/action/load', { action_id: this.actionId });
      const views = await callKw<ViewsReply>(action.res_model, 'get_views', [action.views, {}]);
      this.action = action;
      this.views = views;
      this.current = action.views.map(([, type]) => type).find((type) => SUPPORTED.has(type)) ?? action.views[0]?.[1] ?? 'list';
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private get fields(): Fields {
    const entry = this.views!.models[this.action!.res_model] as { fields?: Fields } & Fields;
    return (entry.fields as Fields | undefined) ?? entry;
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!this.action || !this.views) return html`<p>${t('Loading…')}</p>`;
    const domain = Array.isArray(this.action.domain) ? this.action.domain : [];
    const view = this.views.views[this.current];
    return html`
      <div class="bar"><h1>${this.action.name}</h1>
        <div class="switcher">${this.action.views.map(([, type]) => html`<button aria-pressed=${String(type === this.current)} @click=${() => { this.current = type; }}>${t(VIEW_LABELS[type] ?? type)}</button>`)}</div>
      </div>
      ${view && SUPPORTED.has(this.current)
        ? html`<erp-list-view .model=${this.action.res_model} .arch=${view.arch} .fields=${this.fields} .domain=${domain}></erp-list-view>`
        : html`<p class="error">${t('This view type is not available yet.')}</p>`}`;
  }
}

customElements.define('erp-action', ActionView);
