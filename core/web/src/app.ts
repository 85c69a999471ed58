// The application shell: login when there is no session, then the home menu of applications.
// Views of an action (kanban, list, form, ...) plug in here as the web client grows.

import { LitElement, css, html } from 'lit';
import { RpcError, rpc } from './rpc.ts';
import { getSessionInfo, logout, type SessionInfo } from './session.ts';
import { setLanguage, t } from './i18n.ts';
import type { Menus } from './home.ts';
import './login.ts';
import './home.ts';
import './action.ts';
import './pages/preferences.ts';
import { setLocale } from './format.ts';
import { currentRoute, navigate } from './router.ts';
import type { MenuItem } from './home.ts';

export class ErpApp extends LitElement {
  static override properties = { session: { state: true }, menus: { state: true }, actionId: { state: true }, app: { state: true }, prefs: { state: true }, dropdown: { state: true } };
  declare private session: SessionInfo | null;
  declare private menus: Menus | null;
  declare private actionId: string | null;
  /** The application open now: its menus make the top menu. */
  declare private app: MenuItem | null;
  declare private prefs: boolean;
  /** The top menu entry whose dropdown is open, and where (under its button; `left` counts from
   *  the inline start, the right edge in Persian). */
  declare private dropdown: { menu: MenuItem; left: number; top: number } | null;

  static override styles = css`
    :host { display: block; min-height: 100vh; font: 14px system-ui, sans-serif; background: #f9fafb; }
    header { display: flex; align-items: center; justify-content: space-between; padding: 0 16px; height: 46px; background: #71639e; color: white; }
    header button { background: none; border: 0; color: inherit; cursor: pointer; font: inherit; padding: 6px 8px; border-radius: 4px; }
    header nav { display: flex; gap: 2px; align-items: center; flex: 1; overflow-x: auto; }
    header nav .app { font-weight: 600; margin-inline-end: 12px; }
    header nav button[aria-current='page'], header nav button[aria-expanded='true'] { background: #ffffff22; }
    .dropdown { position: fixed; z-index: 60; min-width: 200px; padding: 6px 0; background: white; border: 1px solid #e5e7eb; border-radius: 4px;
      box-shadow: 0 6px 18px rgb(0 0 0 / 14%); }
    .dropdown button { display: block; width: 100%; text-align: start; background: none; border: 0; padding: 6px 16px; font: inherit; color: #1f2937; cursor: pointer; }
    .dropdown button:hover, .dropdown button:focus-visible { background: #f3f4f6; outline: none; }
    .dropdown .section { padding: 8px 16px 2px; font-size: 12px; font-weight: 600; color: #6b7280; text-transform: uppercase; }
    .dropdown .section ~ button { padding-inline-start: 24px; }
  `;

  constructor() {
    super();
    this.session = null;
    this.menus = null;
    this.actionId = null;
    this.app = null;
    this.prefs = false;
    this.dropdown = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.followRoute);
    document.addEventListener('click', this.closeDropdown);
    void this.load();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.followRoute);
    document.removeEventListener('click', this.closeDropdown);
    super.disconnectedCallback();
  }

  /** The action on screen follows the URL (links, back and forward). */
  private followRoute = (): void => {
    const { action } = currentRoute();
    this.actionId = action ?? null;
    if (!action) this.app = null;
    else if (!this.app && this.menus) this.app = this.appOfAction(action);
  };

  /** The app whose menus lead to `action`, to show its top menu after a reload or a link. */
  private appOfAction(action: string): MenuItem | null {
    const has = (item: MenuItem): boolean => `${item.actionModel || 'ir.actions.act_window'},${item.actionID}` === action
      || item.children.some((id) => this.menus![String(id)] && has(this.menus![String(id)]));
    return this.menus!.root.children.map((id) => this.menus![String(id)]).find((app) => app && has(app)) ?? null;
  }

  /** With no session the server answers SessionExpired (as Odoo does): then it is the login page,
   *  for the database this server serves. */
  private async load(): Promise<void> {
    try {
      const info = await getSessionInfo();
      if (info.uid) return await this.enter(info);
    } catch (error) {
      if (!(error instanceof RpcError) || !error.name.includes('SessionExpired')) throw error;
    }
    const [db] = await rpc<string[]>('/web/database/list');
    this.session = { uid: false, db };
  }

  private async enter(info: SessionInfo): Promise<void> {
    this.session = info;
    setLanguage(info.user_context?.lang ?? 'en_US');
    setLocale(info.user_context?.lang ?? 'en_US');
    this.menus = await rpc<Menus>('/web/webclient/load_menus');
    this.followRoute();
  }

  override render() {
    if (!this.session) return html``;
    if (!this.session.uid) {
      return html`<erp-login .db=${this.session.db ?? ''} @logged-in=${(e: CustomEvent<SessionInfo>) => this.enter(e.detail)}></erp-login>`;
    }
    return html`<header>
        <nav aria-label=${t('Main menu')}>
          <button aria-label=${t('Home')} @click=${() => navigate({})}>☰</button>
          ${this.app ? html`<button class="app" @click=${() => this.openApp(this.app!)}>${this.app.name}</button>
            ${this.app.children.map((id) => this.menus![String(id)]).filter(Boolean).map((menu) => (menu.children.length
              ? html`<button aria-haspopup="menu" aria-expanded=${String(this.dropdown?.menu === menu)} @click=${(e: MouseEvent) => this.toggleDropdown(e, menu)}>${menu.name}</button>`
              : html`<button @click=${() => this.openMenu(menu)}>${menu.name}</button>`))}` : ''}
        </nav>
        ${this.dropdown ? this.renderDropdown(this.dropdown) : ''}
        <button aria-haspopup="dialog" @click=${() => { this.prefs = true; }}>${this.session.name ?? ''}</button><button @click=${this.signOut}>${t('Log out')}</button>
      </header>
      ${this.prefs ? html`<erp-preferences .tz=${this.session.user_context?.tz || ''} @close=${() => { this.prefs = false; }}></erp-preferences>` : ''}
      ${this.actionId
        ? html`<erp-action .actionId=${this.actionId}></erp-action>`
        : html`<erp-home .menus=${this.menus} @open-app=${(e: CustomEvent<MenuItem>) => this.openApp(e.detail)}></erp-home>`}`;
  }

  /** An app opens its own action, else that of its first menu that has one (as Odoo does);
   *  its menus become the top menu. */
  private openApp(app: MenuItem): void {
    this.app = app;
    this.openMenu(app);
  }

  /** A top menu entry with sub-menus opens them in a dropdown (Odoo's), sections for the
   *  sub-menus that have their own children. */
  private toggleDropdown(event: MouseEvent, menu: MenuItem): void {
    event.stopPropagation();
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const rtl = getComputedStyle(this).direction === 'rtl';
    this.dropdown = this.dropdown?.menu === menu ? null : { menu, left: rtl ? window.innerWidth - rect.right : rect.left, top: rect.bottom };
  }

  private closeDropdown = (): void => {
    this.dropdown = null;
  };

  private renderDropdown({ menu, left, top }: { menu: MenuItem; left: number; top: number }) {
    const item = (child: MenuItem) => html`<button role="menuitem" @click=${() => { this.dropdown = null; this.openMenu(child); }}>${child.name}</button>`;
    const children = menu.children.map((id) => this.menus![String(id)]).filter(Boolean);
    return html`<div class="dropdown" role="menu" aria-label=${menu.name} style="inset-inline-start:${left}px;top:${top}px"
      @keydown=${(e: KeyboardEvent) => { if (e.key === 'Escape') this.dropdown = null; }}>
      ${children.map((child) => (child.children.length
        ? html`<div class="section">${child.name}</div>${child.children.map((id) => this.menus![String(id)]).filter(Boolean).map(item)}`
        : item(child)))}
    </div>`;
  }

  private openMenu(menu: MenuItem): void {
    const first = (item: MenuItem): string | false =>
      (item.actionID ? `${item.actionModel || 'ir.actions.act_window'},${item.actionID}` : false)
      || item.children.map((id) => first(this.menus![String(id)])).find(Boolean) || false;
    const action = first(menu);
    if (action) navigate({ action });
  }

  private async signOut(): Promise<void> {
    await logout();
    navigate({});
    this.menus = null;
    this.app = null;
    this.session = { uid: false, db: this.session?.db };
  }
}

customElements.define('erp-app', ErpApp);
