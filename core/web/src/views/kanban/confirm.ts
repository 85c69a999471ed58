// Odoo's confirmation dialog ("Are you sure...?" with Ok and Cancel), as a modal <dialog>: it sits
// in the top layer (no column or board clips it), keeps the focus inside and closes on Escape.
// `confirmDialog(host, ...)` resolves true on Ok, false otherwise, and gives the focus back.

import { LitElement, css, html } from 'lit';
import { addTranslations, t } from '../../i18n.ts';

addTranslations('fa', { 'Confirmation': 'تأیید', 'Ok': 'تأیید', 'Cancel': 'لغو' });

export class ConfirmDialog extends LitElement {
  static override properties = { heading: {}, message: {}, confirmLabel: {} };
  declare heading: string;
  declare message: string;
  declare confirmLabel: string;
  private answer = false;

  static override styles = css`
    dialog { border: 0; border-radius: 6px; padding: 0; min-width: 320px; max-width: 480px; box-shadow: 0 20px 40px rgb(0 0 0 / 20%); color: #1f2937; font: inherit; }
    dialog::backdrop { background: rgb(17 24 39 / 35%); }
    header { padding: 12px 16px; border-bottom: 1px solid #e5e7eb; }
    h2 { font-size: 17px; margin: 0; font-weight: 500; }
    p { padding: 16px; margin: 0; }
    footer { display: flex; gap: 8px; padding: 12px 16px; border-top: 1px solid #e5e7eb; }
    .btn { font: inherit; border-radius: 4px; padding: 5px 14px; cursor: pointer; border: 1px solid #c4c7ce; background: #fff; color: #374151; }
    .btn.primary { background: #71639e; border-color: #71639e; color: #fff; }
  `;

  constructor() {
    super();
    this.heading = t('Confirmation');
    this.message = '';
    this.confirmLabel = t('Ok');
  }

  /** Opens the dialog; resolves with the user's answer once it closes. */
  async ask(): Promise<boolean> {
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog')!;
    dialog.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>('.primary')?.focus();
    return new Promise((resolve) => dialog.addEventListener('close', () => resolve(this.answer), { once: true }));
  }

  private close(answer: boolean): void {
    this.answer = answer;
    this.renderRoot.querySelector('dialog')?.close();
  }

  override render() {
    return html`<dialog aria-labelledby="title" aria-describedby="message">
      <header><h2 id="title">${this.heading}</h2></header>
      <p id="message">${this.message}</p>
      <footer>
        <button class="btn primary" @click=${() => this.close(true)}>${this.confirmLabel}</button>
        <button class="btn" @click=${() => this.close(false)}>${t('Cancel')}</button>
      </footer>
    </dialog>`;
  }
}

customElements.define('erp-confirm-dialog', ConfirmDialog);

/** Asks in a modal dialog placed in `parent` (a shadow root keeps the page's styles out). */
export async function confirmDialog(parent: Node, message: string, confirmLabel = t('Ok')): Promise<boolean> {
  const back = (parent.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement | null;
  const dialog = document.createElement('erp-confirm-dialog') as ConfirmDialog;
  dialog.message = message;
  dialog.confirmLabel = confirmLabel;
  parent.appendChild(dialog);
  try {
    return await dialog.ask();
  } finally {
    dialog.remove();
    back?.focus();
  }
}
