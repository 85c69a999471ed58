// The home menu: one tile per installed application the user may open (Odoo's app switcher).

import { LitElement, css, html } from 'lit';
import { t } from './i18n.ts';

export interface MenuItem {
  id: number | 'root';
  name: string;
  children: Array<number>;
  actionID: number | false;
  actionModel?: string | false;
  xmlid: string;
  webIcon?: string | false;
}

export type Menus = Record<string, MenuItem>;

export class HomeMenu extends LitElement {
  static override properties = { menus: { attribute: false } };
  declare menus: Menus | null;

  static override styles = css`
    :host { display: block; padding: 48px 24px; }
    .apps { display: grid; grid-template-columns: repeat(auto-fill, minmax(110px, 1fr)); gap: 24px; max-width: 760px; margin: auto; }
    button { display: grid; justify-items: center; gap: 8px; background: none; border: 0; cursor: pointer; font: inherit; color: #1f2937; }
    .icon { width: 64px; height: 64px; border-radius: 12px; background: #71639e; color: white; display: grid; place-items: center; font-size: 26px; box-shadow: 0 2px 6px #0003; }
    button:focus-visible .icon { outline: 3px solid #017e84; }
    .empty { text-align: center; color: #6b7280; }
  `;

  constructor() {
    super();
    this.menus = null;
  }

  override render() {
    if (!this.menus) return html`<p class="empty">${t('Loading…')}</p>`;
    const apps = this.menus.root.children.map((id) => this.menus![String(id)]).filter(Boolean);
    if (!apps.length) return html`<p class="empty">${t('No application is installed.')}</p>`;
    return html`<nav class="apps">${apps.map((app) => html`
      <button data-menu-xmlid=${app.xmlid} @click=${() => this.open(app)}>
        <span class="icon" aria-hidden="true">${app.name.slice(0, 1)}</span>${app.name}
      </button>`)}</nav>`;
  }

  private open(app: MenuItem): void {
    this.dispatchEvent(new CustomEvent('open-app', { detail: app, bubbles: true, composed: true }));
  }
}

customElements.define('erp-home', HomeMenu);
