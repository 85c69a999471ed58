// Notifications (Odoo 17's `display_notification` client action and notification service): a
// toast in the corner with a title and a message, gone after a few seconds unless sticky, or
// when closed. One container on the page, outside the views, so that a view reloading under it
// does not take it away.

import { LitElement, css, html, nothing } from 'lit';
import { addTranslations, t } from './i18n.ts';

export interface NotificationParams {
  title?: string;
  message?: string;
  type?: 'success' | 'info' | 'warning' | 'danger';
  sticky?: boolean;
}

interface Shown extends NotificationParams { id: number }

addTranslations('fa', { 'Close': 'بستن' });

const DELAY_MS = 6000;

class NotificationArea extends LitElement {
  static override properties = { items: { state: true } };
  declare private items: Shown[];
  private nextId = 1;

  static override styles = css`
    :host { position: fixed; top: 56px; inset-inline-end: 16px; z-index: 1000; display: flex; flex-direction: column; gap: 8px; width: min(380px, 90vw);
      font: 14px system-ui, sans-serif; color: #1f2937; }
    .toast { background: white; border: 1px solid #e5e7eb; border-inline-start: 4px solid #0ea5e9; border-radius: 6px;
      box-shadow: 0 6px 20px rgba(0,0,0,.15); padding: 10px 12px; display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; }
    .toast.success { border-inline-start-color: #16a34a; }
    .toast.warning { border-inline-start-color: #d97706; }
    .toast.danger { border-inline-start-color: #dc2626; }
    strong { font-weight: 600; }
    p { grid-column: 1; margin: 0; color: #374151; font-size: 13px; white-space: pre-wrap; }
    button { grid-row: 1; grid-column: 2; background: none; border: 0; cursor: pointer; color: #9ca3af; font-size: 18px; line-height: 1; }
    button:hover { color: #374151; }
  `;

  constructor() {
    super();
    this.items = [];
  }

  add(params: NotificationParams): void {
    const item = { ...params, id: this.nextId++ };
    this.items = [...this.items, item];
    if (!params.sticky) setTimeout(() => this.dismiss(item.id), DELAY_MS);
  }

  private dismiss(id: number): void {
    this.items = this.items.filter((i) => i.id !== id);
  }

  override render() {
    return this.items.map((item) => html`<div class="toast ${item.type ?? 'info'}" role=${item.type === 'danger' ? 'alert' : 'status'} data-type=${item.type ?? 'info'}>
      ${item.title ? html`<strong>${item.title}</strong>` : nothing}
      <button type="button" aria-label=${t('Close')} title=${t('Close')} @click=${() => this.dismiss(item.id)}>×</button>
      ${item.message ? html`<p>${item.message}</p>` : nothing}
    </div>`);
  }
}

customElements.define('erp-notifications', NotificationArea);

/** Shows a notification (the area is added to the page on first use). */
export function notify(params: NotificationParams): void {
  let area = document.querySelector('erp-notifications') as NotificationArea | null;
  if (!area) {
    area = document.createElement('erp-notifications') as NotificationArea;
    document.body.append(area);
  }
  area.add(params);
}

/** Whether an action is Odoo's `display_notification` client action. */
export const isNotificationAction = (action: unknown): action is { type: string; tag: string; params?: NotificationParams & { next?: Record<string, unknown> } } =>
  (action as { type?: unknown } | null)?.type === 'ir.actions.client' && (action as { tag?: unknown }).tag === 'display_notification';
