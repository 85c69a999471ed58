// The login page.

import { LitElement, css, html } from 'lit';
import { authenticate } from './session.ts';
import { RpcError } from './rpc.ts';
import { t } from './i18n.ts';

export class LoginPage extends LitElement {
  static override properties = { db: {}, error: { state: true }, busy: { state: true } };
  declare db: string;
  declare private error: string;
  declare private busy: boolean;

  constructor() {
    super();
    this.db = '';
    this.error = '';
    this.busy = false;
  }

  static override styles = css`
    :host { display: flex; min-height: 100vh; align-items: center; justify-content: center; background: #f1f1f4; font: 14px system-ui, sans-serif; }
    form { background: white; padding: 32px; border-radius: 8px; box-shadow: 0 2px 12px #0002; width: min(340px, 90vw); display: grid; gap: 12px; }
    label { display: grid; gap: 4px; color: #374151; }
    input { padding: 8px 10px; border: 1px solid #d1d5db; border-radius: 4px; font: inherit; }
    button { padding: 9px; border: 0; border-radius: 4px; background: #71639e; color: white; font: inherit; cursor: pointer; }
    button[disabled] { opacity: .6; }
    .error { color: #b91c1c; background: #fef2f2; padding: 8px; border-radius: 4px; }
  `;

  override render() {
    return html`<form @submit=${this.submit}>
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : ''}
      <label>${t('Login')}<input name="login" autocomplete="username" required autofocus></label>
      <label>${t('Password')}<input name="password" type="password" autocomplete="current-password" required></label>
      <button ?disabled=${this.busy}>${t('Log in')}</button>
    </form>`;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      const info = await authenticate(this.db, String(form.get('login')), String(form.get('password')));
      this.dispatchEvent(new CustomEvent('logged-in', { detail: info, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof RpcError && error.name === 'odoo.exceptions.AccessDenied' ? t('Wrong login/password') : (error as Error).message;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('erp-login', LoginPage);
