// One window action on screen: loads the action and its views (get_views, search view and its
// favorites included), shows the search panel and the current view (from the view registry),
// switches between the action's view types, and opens a record in the form view, with
// breadcrumbs back. An action a button opens ('do-action') goes over it, with breadcrumbs back
// to where the user was (action_stack.ts); the browser's Back button goes back too.

import { LitElement, css, html } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { callKw, rpc } from './rpc.ts';
import type { Fields } from './arch.ts';
import { addTranslations, t } from './i18n.ts';
import { currentRoute, navigate, type Route } from './router.ts';
import { clientActionTag, normalizeType, viewTag, type Domain, type DoAction, type OpenRecord, type RecordLoaded, type WindowAction } from './views/registry.ts';
import { actionKey, normalizeAction, type Crumb, type SearchState, type ViewsReply } from './action_stack.ts';
import { openFormDialog } from './views/form/dialog.ts';
import { isAction } from './views/form/buttons.ts';
import { headerButtons, renderHeaderButtons } from './views/header_buttons.ts';
import './views/list.ts';
import './views/kanban.ts';
import './views/form.ts';
import { evalContext } from './search/pydomain.ts';
import { isNotificationAction, notify, type NotificationParams } from './notification.ts';
import './pages/apps.ts';
import './pages/settings.ts';

addTranslations('fa', { 'The action cannot be found.': 'این اقدام پیدا نشد.' });

/** The number of breadcrumbs below an entry of the browser's history, so that Back pops them. */
const depthOf = (state: unknown): number => Number((state as { erpDepth?: unknown } | null)?.erpDepth ?? 0) || 0;

/** Odoo 17 still names the list view 'tree' in actions; people call it a list. */
const VIEW_LABELS: Record<string, string> = { list: 'List', kanban: 'Kanban', form: 'Form', pivot: 'Pivot', graph: 'Graph', calendar: 'Calendar', activity: 'Activity' };

export class ActionView extends LitElement {
  static override properties = {
    actionId: { attribute: false }, action: { state: true }, views: { state: true }, current: { state: true },
    error: { state: true }, record: { state: true }, search: { state: true }, crumbs: { state: true }, recordTitle: { state: true },
  };
  declare actionId: number | string;
  declare private action: WindowAction | null;
  declare private views: ViewsReply | null;
  declare private current: string;
  declare private error: string;
  /** The record open in the form view, if any. */
  declare private record: OpenRecord | null;
  declare private search: SearchState;
  /** The actions below this one, oldest first. */
  declare private crumbs: Crumb[];
  /** The open record's name, as the form reported it. */
  declare private recordTitle: string;
  /** The URL's `action` for this action: its own reference, or the one below for an action a
   *  method built (it has no id to come back to). */
  private key = '';
  /** The context of the button that opened this action (active_id...), under the action's own. */
  private extraContext: Record<string, unknown> = {};
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
    .o_cp_buttons { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    .header-button { background: white; color: #374151; border: 1px solid #d1d5db; border-radius: 4px; padding: 5px 12px; cursor: pointer; font: inherit; }
    .header-button:hover { background: #f3f4f6; }
    .header-button.primary { background: #71639e; color: white; border-color: #71639e; }
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
    this.crumbs = [];
    this.recordTitle = '';
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
    if (!changed.has('actionId')) return;
    // The app follows the URL before this element's own listener does: Back to an action of
    // the breadcrumbs is found here; and the URL names the action on screen already when this
    // element put it there (a button's action).
    this.followRoute();
    if (String(this.actionId) !== this.key) void this.load();
  }

  /** The view type and the open record follow the URL (back, forward, links); Back past the
   *  action a button opened returns to the one below. */
  private followRoute = (): void => {
    if (!this.action) return;
    const route = currentRoute();
    const depth = depthOf(history.state);
    if (depth < this.crumbs.length && this.crumbs[depth].key === route.action) this.restore(depth, true);
    if (route.action !== this.key) return;
    const types = this.action.views?.map(([, type]) => normalizeType(type)) ?? [];
    if (route.view_type && route.view_type !== 'form' && viewTag(route.view_type) && types.includes(route.view_type)) this.current = route.view_type;
    else if (!route.view_type) this.current = this.defaultView;
    const id = route.view_type === 'form' ? route.id ?? false : null;
    if (id === null) this.record = null;
    else if (this.record?.id !== id) this.record = { id, ids: this.record?.ids };
  };

  private go(view_type: string, id?: number | false): void {
    this.navigateHere({ action: this.key, view_type, id: id || undefined });
  }

  /** A new history entry, tagged with the breadcrumbs' depth. */
  private navigateHere(route: Route): void {
    navigate(route);
    history.replaceState({ ...(history.state as object | null), erpDepth: this.crumbs.length }, '');
  }

  private async load(): Promise<void> {
    const requested = String(this.actionId);
    try {
      const action = await rpc<WindowAction | false>('/web/action/load', { action_id: this.actionId });
      if (!action) throw new Error(t('The action cannot be found.'));
      if (requested !== String(this.actionId)) return;
      await this.show(action, requested, {});
      this.crumbs = [];
      this.followRoute();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  /** Puts `action` on screen: one get_views for its views, its search view and the favorites. */
  private async show(action: WindowAction, key: string, extraContext: Record<string, unknown>): Promise<void> {
    let views: ViewsReply = { views: {}, models: {} };
    if (action.type !== 'ir.actions.client') {
      // The action may name its search view (Odoo's search_view_id, read as [id, name]).
      const searchView = Array.isArray(action.search_view_id) ? action.search_view_id[0] as number : action.search_view_id || false;
      const wanted = [...action.views, [searchView, 'search']] as Array<[number | false, string]>;
      views = await callKw<ViewsReply>(action.res_model, 'get_views', [wanted, { load_filters: true, action_id: action.id || false }]);
    }
    this.views = views;
    this.action = action;
    this.key = key;
    this.extraContext = extraContext;
    this.error = '';
    this.search = { domain: [], groupBy: [], context: {} };
    this.recordTitle = '';
    const types = (action.views ?? []).map(([, type]) => normalizeType(type));
    const multi = types.filter((type) => type !== 'form');
    this.current = this.defaultView = multi.find((type) => viewTag(type)) ?? multi[0] ?? 'form';
    this.searchReady = !viewTag('search');
    this.record = action.res_id ? { id: action.res_id } : types.length && !multi.length ? { id: false } : null;
  }

  /** An action a view asked for (a button's) goes over this one. */
  private onDoAction = (event: CustomEvent<DoAction>): void => {
    event.stopPropagation();
    const { action } = event.detail;
    if (isNotificationAction(action)) {
      event.detail.done = this.showNotification(action, event.target as (EventTarget & { load?: () => Promise<void> }) | null, event.detail.context);
      return;
    }
    event.detail.done = this.doAction(event.detail);
  };

  /** Odoo's `display_notification`: a toast, then its `next` action; with none (or a window
   *  close), the view that asked reloads, since the method may have changed its records. */
  private async showNotification(action: { params?: NotificationParams & { next?: Record<string, unknown> } }, view: { load?: () => Promise<void> } | null,
    context: Record<string, unknown> = {}): Promise<void> {
    const { next, ...params } = action.params ?? {};
    notify(params);
    if (next && next.type !== 'ir.actions.act_window_close') return this.doAction({ action: next, context });
    await view?.load?.();
  }

  private async doAction({ action: request, context = {} }: DoAction): Promise<void> {
    const raw = typeof request === 'object' ? request
      : await rpc<Record<string, unknown> | false>('/web/action/load', { action_id: request, context });
    if (!raw) throw new Error(t('The action cannot be found.'));
    // A dialog's or a header button's method may answer with a notification (then its `next`).
    if (isNotificationAction(raw)) return this.showNotification(raw, this.currentView(), context);
    const action = normalizeAction(raw, context);
    if (action.target === 'new') {
      return openFormDialog(action, context, { action: (detail) => this.doAction(detail), closed: (acted) => { if (acted) this.reloadView(); } });
    }
    const below: Crumb = {
      key: this.key, action: this.action!, views: this.views!, current: this.current, defaultView: this.defaultView, record: this.record,
      recordTitle: this.recordTitle, search: this.search, searchReady: this.searchReady, extraContext: this.extraContext,
    };
    await this.show(action, actionKey(action) ?? this.key, context);
    this.crumbs = [...this.crumbs, below];
    this.navigateHere({ action: this.key, view_type: this.record ? 'form' : this.current, id: this.record?.id || undefined });
  }

  private currentView(): (Element & { load?: () => Promise<void> }) | null {
    return this.renderRoot.querySelector(viewTag(this.record ? 'form' : this.current) ?? ':not(*)');
  }

  /** After a dialog's button ran, the view under it shows what changed. */
  private reloadView(): void {
    void this.currentView()?.load?.();
  }

  /** The list's or kanban's `<header>` buttons shown beside New (views/header_buttons.ts). */
  private renderHeaderButtons() {
    const model = this.action!.res_model;
    const context = { ...this.baseContext, ...this.search.context };
    return renderHeaderButtons(headerButtons(this.archOf(this.current)), context, {
      call: async (method, ctx) => {
        try {
          const result = await callKw(model, method, [[]], { context: ctx });
          if (isAction(result)) await this.doAction({ action: result, context: {} });
        } catch (error) {
          notify({ type: 'danger', title: t('Error'), message: (error as Error).message });
        }
      },
      open: (action, ctx) => this.doAction({ action, context: ctx }).catch((error: Error) => notify({ type: 'danger', title: t('Error'), message: error.message })),
    });
  }

  /** Back to the action at `index` of the breadcrumbs, on its record or not. */
  private restore(index: number, withRecord: boolean): void {
    const crumb = this.crumbs[index];
    this.crumbs = this.crumbs.slice(0, index);
    this.action = crumb.action;
    this.views = crumb.views;
    this.key = crumb.key;
    this.current = crumb.current;
    this.defaultView = crumb.defaultView;
    this.record = withRecord ? crumb.record : null;
    this.recordTitle = withRecord ? crumb.recordTitle : '';
    this.search = crumb.search;
    this.searchReady = crumb.searchReady;
    this.extraContext = crumb.extraContext;
  }

  /** A click on a breadcrumb below the current action. */
  private backTo(index: number, withRecord: boolean): void {
    if (!this.mayLeaveRecord()) return;
    this.restore(index, withRecord);
    this.navigateHere({ action: this.key, view_type: this.record ? 'form' : this.current, id: this.record?.id || undefined });
  }

  private fieldsOf(model: string): Fields {
    const entry = this.views!.models[model] as ({ fields?: Fields } & Fields) | undefined;
    return ((entry?.fields as Fields | undefined) ?? entry ?? {}) as Fields;
  }

  /** Odoo shows "New" unless the view says `create="0"`, the action's context says
   *  `create: false`, or the view is a report (pivot, graph). */
  private canCreate(): boolean {
    if (this.current === 'pivot' || this.current === 'graph') return false;
    const context = (this.action?.context ?? {}) as Record<string, unknown>;
    if (context.create === false || context.create === 0) return false;
    const root = /<\w+\b[^>]*>/.exec(this.archOf(this.current) ?? '')?.[0] ?? '';
    return !/\screate=["'](0|false|False)["']/.test(root);
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
        return { ...this.extraContext, ...evalContext(context, this.extraContext) };
      } catch (error) {
        console.warn(`the context of action "${this.action!.name}" cannot be read: ${(error as Error).message}`);
        return { ...this.extraContext };
      }
    }
    return { ...this.extraContext, ...(context && typeof context === 'object' ? context : {}) };
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

  /** The breadcrumbs: each action below (and its record, if one was open), then this one. */
  private renderBreadcrumbs() {
    const recordLabel = (record: OpenRecord, title: string) => (record.id ? title || `#${record.id}` : t('New'));
    const below = this.crumbs.flatMap((crumb, i) => [
      html`<button @click=${() => this.backTo(i, false)}>${crumb.action.name}</button><span>/</span>`,
      crumb.record ? html`<button @click=${() => this.backTo(i, true)}>${recordLabel(crumb.record, crumb.recordTitle)}</button><span>/</span>` : '',
    ]);
    return html`<nav class="breadcrumbs" aria-label=${t('Breadcrumbs')}>${below}
      ${this.record ? html`<button @click=${this.closeRecord}>${this.action!.name}</button><span>/</span><span>${recordLabel(this.record, this.recordTitle)}</span>`
        : html`<h1 style="font-size:inherit;font-weight:500;margin:0">${this.action!.name}</h1>`}
    </nav>`;
  }

  private renderBar() {
    const types = this.action!.views.map(([, type]) => normalizeType(type)).filter((type) => type !== 'form');
    return html`<div class="bar">
      ${this.renderBreadcrumbs()}
      ${this.record ? '' : html`
        <div class="o_cp_buttons">
          ${viewTag('form') && this.canCreate() ? html`<button class="new" @click=${() => { this.record = { id: false }; this.go('form'); }}>${t('New')}</button>` : ''}
          ${this.renderHeaderButtons()}
        </div>
        <div class="switcher">${types.map((type) => html`<button aria-pressed=${String(type === this.current)} @click=${() => { this.current = type; this.go(type); }}>${t(VIEW_LABELS[type] ?? type)}</button>`)}</div>`}
    </div>`;
  }

  private renderMulti() {
    const searchTag = viewTag('search');
    return html`
      ${searchTag ? staticHtml`<${unsafeStatic(searchTag)} .model=${this.action!.res_model} .arch=${this.archOf('search') ?? '<search/>'}
        .fields=${this.fieldsOf(this.action!.res_model)} .context=${this.baseContext} .action=${this.action}
        .filters=${this.views!.views.search?.filters}
        @favorites-change=${(e: CustomEvent<Array<Record<string, unknown>>>) => { const search = this.views?.views.search; if (search) search.filters = e.detail; }}
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
      @record-loaded=${(e: CustomEvent<RecordLoaded>) => { if (e.detail.id === (this.record?.id ?? false)) this.recordTitle = e.detail.title; }}
      @do-action=${this.onDoAction}
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
