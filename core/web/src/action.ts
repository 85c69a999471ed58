// One window action on screen: loads the action and its views (get_views, search view included),
// shows the search panel and the current view (from the view registry), switches between the
// action's view types, and opens a record in the form view, with breadcrumbs back.

import { LitElement, css, html } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { callKw, rpc } from './rpc.ts';
import type { Fields } from './arch.ts';
import { t } from './i18n.ts';
import { currentRoute, navigate } from './router.ts';
import { clientActionTag, normalizeType, viewTag, type Domain, type OpenRecord, type WindowAction } from './views/registry.ts';
import './views/list.ts';
import './views/kanban.ts';
import './views/form.ts';
import { evalContext } from './search/pydomain.ts';
import './pages/apps.ts';
import './pages/settings.ts';

interface ViewsReply {
  views: Record<string, { arch: string; id: number | false }>;
  models: Record<string, { fields: Fields } | Fields>;
}

interface SearchState {
  domain: Domain;
  groupBy: string[];
  context: Record<string, unknown>;
}

/** Odoo 17 still names the list view 'tree' in actions; people call it a list. */
const VIEW_LABELS: Record<string, string> = { list: 'List', kanban: 'Kanban', form: 'Form', pivot: 'Pivot', graph: 'Graph', calendar: 'Calendar', activity: 'Activity' };

export class ActionView extends LitElement {
  static override properties = {
    actionId: { attribute: false }, action: { state: true }, views: { state: true }, current: { state: true },
    error: { state: true }, record: { state: true }, search: { state: true },
  };
  declare actionId: number | string;
  declare private action: WindowAction | null;
  declare private views: ViewsReply | null;
  declare private current: string;
  declare private error: string;
  /** The record open in the form view, if any. */
  declare private record: OpenRecord | null;
  declare private search: SearchState;
  /** The first of the action's views the client can show: where the action opens. */
  private defaultView = '';
  /** Multi-record views wait for the search panel's first state (its defaults), so that they
   *  load once, with the right domain, rather than twice. */
  private searchReady = false;

  static override styles = css`
    :host { display: block; }
    .bar { display: flex; justify-content: space-between; align-items: center; gap: 12px; padding: 10px 16px; background: white; border-bottom: 1px solid #e5e7eb; flex-wrap: wrap; }
    nav.breadcrumbs { display: flex; gap: 6px; align-items: center; font-size: 18px; }
    nav.breadcrumbs button { background: none; border: 0; padding: 0; font: inherit; color: #71639e; cursor: pointer; }
    .switcher button { border: 1px solid #d1d5db; background: white; padding: 4px 10px; cursor: pointer; }
    .switcher button[aria-pressed='true'] { background: #ede9fe; }
    .new { background: #71639e; color: white; border: 0; border-radius: 4px; padding: 6px 12px; cursor: pointer; font: inherit; }
    .error { color: #b91c1c; padding: 16px; }
  `;

  constructor() {
    super();
    this.action = null;
    this.views = null;
    this.current = '';
    this.error = '';
    this.record = null;
    this.search = { domain: [], groupBy: [], context: {} };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.followRoute);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.followRoute);
    super.disconnectedCallback();
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('actionId')) void this.load();
  }

  /** The view type and the open record follow the URL (back, forward, links). */
  private followRoute = (): void => {
    if (!this.action) return;
    const route = currentRoute();
    if (route.action !== String(this.actionId)) return;
    if (route.view_type && route.view_type !== 'form' && viewTag(route.view_type)) this.current = route.view_type;
    else if (!route.view_type) this.current = this.defaultView;
    const id = route.view_type === 'form' ? route.id ?? false : null;
    if (id === null) this.record = null;
    else if (this.record?.id !== id) this.record = { id, ids: this.record?.ids };
  };

  private go(view_type: string, id?: number | false): void {
    navigate({ action: String(this.actionId), view_type, id: id || undefined });
  }

  private async load(): Promise<void> {
    try {
      const action = await rpc<WindowAction>('/web/action/load', { action_id: this.actionId });
      if (action.type === 'ir.actions.client') {
        this.action = action;
        this.views = { views: {}, models: {} };
        return;
      }
      // The action may name its search view (Odoo's search_view_id, read as [id, name]).
      const searchView = Array.isArray(action.search_view_id) ? action.search_view_id[0] as number : action.search_view_id || false;
      const wanted = [...action.views, [searchView, 'search']] as Array<[number | false, string]>;
      this.views = await callKw<ViewsReply>(action.res_model, 'get_views', [wanted, {}]);
      this.action = action;
      const multi = action.views.map(([, type]) => normalizeType(type)).filter((type) => type !== 'form');
      this.current = this.defaultView = multi.find((type) => viewTag(type)) ?? multi[0] ?? 'form';
      this.searchReady = !viewTag('search');
      this.record = action.res_id ? { id: action.res_id } : null;
      this.followRoute();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private fieldsOf(model: string): Fields {
    const entry = this.views!.models[model] as ({ fields?: Fields } & Fields) | undefined;
    return ((entry?.fields as Fields | undefined) ?? entry ?? {}) as Fields;
  }

  private archOf(type: string): string | undefined {
    return (this.views!.views[type] ?? this.views!.views[type === 'list' ? 'tree' : type])?.arch;
  }

  private get baseDomain(): Domain {
    return Array.isArray(this.action!.domain) ? this.action!.domain : [];
  }

  /** The action's context; Odoo sends it as Python text ("{'default_priority': '1'}"), read by the
   *  search panel's safe parser (never evaluated as code). */
  private get baseContext(): Record<string, unknown> {
    const context = this.action!.context;
    if (typeof context === 'string') {
      try {
        return evalContext(context);
      } catch (error) {
        console.warn(`the context of action "${this.action!.name}" cannot be read: ${(error as Error).message}`);
        return {};
      }
    }
    return context && typeof context === 'object' ? context : {};
  }

  /** The form open now, if any, may refuse to be left (unsaved changes the user keeps). */
  private mayLeaveRecord(): boolean {
    const form = this.renderRoot.querySelector(viewTag('form') ?? 'erp-form-view') as (Element & { canLeave?: () => boolean }) | null;
    return !form?.canLeave || form.canLeave();
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!this.action || !this.views) return html`<p>${t('Loading…')}</p>`;
    if (this.action.type === 'ir.actions.client') return this.renderClient();
    return html`${this.renderBar()}${this.record ? this.renderView('form') : this.renderMulti()}`;
  }

  private renderBar() {
    const types = this.action!.views.map(([, type]) => normalizeType(type)).filter((type) => type !== 'form');
    return html`<div class="bar">
      <nav class="breadcrumbs" aria-label=${t('Breadcrumbs')}>
        ${this.record ? html`<button @click=${this.closeRecord}>${this.action!.name}</button><span>/</span><span>${this.record.id ? `#${this.record.id}` : t('New')}</span>`
          : html`<h1 style="font-size:inherit;font-weight:500;margin:0">${this.action!.name}</h1>`}
      </nav>
      ${this.record ? '' : html`
        ${viewTag('form') ? html`<button class="new" @click=${() => { this.record = { id: false }; this.go('form'); }}>${t('New')}</button>` : ''}
        <div class="switcher">${types.map((type) => html`<button aria-pressed=${String(type === this.current)} @click=${() => { this.current = type; this.go(type); }}>${t(VIEW_LABELS[type] ?? type)}</button>`)}</div>`}
    </div>`;
  }

  private renderMulti() {
    const searchTag = viewTag('search');
    return html`
      ${searchTag ? staticHtml`<${unsafeStatic(searchTag)} .model=${this.action!.res_model} .arch=${this.archOf('search') ?? '<search/>'}
        .fields=${this.fieldsOf(this.action!.res_model)} .context=${this.baseContext}
        @search-change=${(e: CustomEvent<SearchState>) => { this.searchReady = true; this.search = e.detail; }}></${unsafeStatic(searchTag)}>` : ''}
      ${this.searchReady ? this.renderView(this.current) : ''}`;
  }

  private renderView(type: string) {
    const tag = viewTag(type);
    const arch = this.archOf(type);
    if (!tag || !arch) return html`<p class="error">${t('This view type is not available yet.')}</p>`;
    const model = this.action!.res_model;
    const domain = [...this.baseDomain, ...this.search.domain];
    return staticHtml`<${unsafeStatic(tag)} .model=${model} .arch=${arch} .fields=${this.fieldsOf(model)}
      .models=${Object.fromEntries(Object.keys(this.views!.models).map((m) => [m, this.fieldsOf(m)]))}
      .domain=${domain} .context=${{ ...this.baseContext, ...this.search.context }} .groupBy=${this.search.groupBy}
      .action=${this.action} .resId=${this.record?.id ?? false} .resIds=${this.record?.ids ?? []}
      @open-record=${(e: CustomEvent<OpenRecord>) => { this.record = e.detail; this.go('form', e.detail.id); }}
      @close-record=${this.closeRecord}></${unsafeStatic(tag)}>`;
  }

  /** A client action is a page of its own (settings, apps), found by its tag. */
  private renderClient() {
    const action = this.action as WindowAction & { tag?: string; params?: Record<string, unknown> };
    const tag = clientActionTag(action.tag ?? '');
    const bar = html`<div class="bar"><nav class="breadcrumbs"><h1 style="font-size:inherit;font-weight:500;margin:0">${action.name}</h1></nav></div>`;
    if (!tag) return html`${bar}<p class="error">${t('This view type is not available yet.')}</p>`;
    return html`${bar}${staticHtml`<${unsafeStatic(tag)} .action=${action} .params=${action.params ?? {}}></${unsafeStatic(tag)}>`}`;
  }

  private closeRecord = (): void => {
    if (!this.mayLeaveRecord()) return;
    this.record = null;
    this.go(this.current);
  };
}

customElements.define('erp-action', ActionView);
