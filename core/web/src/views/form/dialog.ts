// Actions with `target: 'new'` (Odoo's wizards: Lost, Convert to Opportunity, Merge) open their
// form in a modal dialog over the screen rather than as a page. The arch's `<footer>` buttons are
// the dialog's buttons: `special="cancel"` closes it; a method that returns an action closes it
// and the action opens (an opportunity's form after a conversion); one that returns nothing
// closes it and the view under it is read again (a lead now lost).

import { LitElement, css, html, nothing } from 'lit';
import { callKw } from '../../rpc.ts';
import type { Fields } from '../../arch.ts';
import { addTranslations, t } from '../../i18n.ts';
import type { DoAction, OpenRecord, WindowAction } from '../registry.ts';
import type { ViewsReply } from '../../action_stack.ts';

addTranslations('fa', { 'Close': 'بستن', 'Loading…': 'در حال بارگذاری…' });

/** What the form view changes when it is shown in a dialog: no control panel (the footer's
 *  buttons act), the footer as the dialog's button row. */
export const dialogFormStyles = css`
  :host(.o_in_dialog) .o_control { display: none; }
  :host(.o_in_dialog) .o_form { padding: 16px 20px 0; }
  .o_dialog_footer { display: flex; gap: 8px; flex-wrap: wrap; padding: 12px 20px; margin: 16px -20px 0; border-top: 1px solid #e5e7eb; }
`;

/** `close-dialog` detail: whether a button ran (the view under the dialog is read again). */
export interface CloseDialog { acted: boolean }

export interface FormDialogHandlers {
  /** Opens an action a button of the dialog asked for (the dialog is closed first). */
  action(request: DoAction): Promise<void>;
  /** The dialog closed; `acted` when a button ran. */
  closed(acted: boolean): void;
}

export class FormDialog extends LitElement {
  static override properties = { action: { attribute: false }, context: { attribute: false }, views: { state: true }, resId: { state: true }, error: { state: true }, ready: { state: true } };
  declare action: WindowAction;
  declare context: Record<string, unknown>;
  declare private views: ViewsReply | null;
  declare private resId: number | false;
  declare private error: string;
  /** The form has its first values: shown only then, so that nothing typed before is lost. */
  declare private ready: boolean;
  handlers: FormDialogHandlers = { action: async () => {}, closed: () => {} };
  private acted = false;

  // In the body, outside the app's element: the app's font is given again.
  static override styles = css`
    :host { font: 14px system-ui, sans-serif; }
    dialog { border: 0; border-radius: 6px; padding: 0; width: min(720px, calc(100vw - 32px)); max-height: calc(100vh - 64px); overflow: auto;
      box-shadow: 0 20px 40px rgb(0 0 0 / 20%); color: #1f2937; font: inherit; }
    dialog::backdrop { background: rgb(17 24 39 / 35%); }
    header { display: flex; justify-content: space-between; align-items: center; padding: 12px 20px; border-bottom: 1px solid #e5e7eb; }
    h2 { font-size: 17px; margin: 0; font-weight: 500; }
    .close { background: none; border: 0; font-size: 20px; cursor: pointer; color: #6b7280; }
    .error, .loading { padding: 16px 20px; }
    .error { color: #991b1b; }
    [hidden] { display: none; }
  `;

  constructor() {
    super();
    this.context = {};
    this.views = null;
    this.resId = false;
    this.error = '';
    this.ready = false;
  }

  /** Loads the action's form view and opens the dialog. */
  async show(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector('dialog')?.showModal();
    try {
      const form = this.action.views.find(([, type]) => type === 'form') ?? [false, 'form'];
      this.views = await callKw<ViewsReply>(this.action.res_model, 'get_views', [[form], {}], { context: this.context });
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  close(acted: boolean): void {
    this.acted ||= acted;
    this.renderRoot.querySelector('dialog')?.close();
  }

  private fieldsOf(model: string): Fields {
    const entry = this.views?.models[model] as ({ fields?: Fields } & Fields) | undefined;
    return ((entry?.fields as Fields | undefined) ?? entry ?? {}) as Fields;
  }

  /** The form's requests stay in the dialog; an action goes to the action manager. */
  private onAction = (event: CustomEvent<DoAction>): void => {
    event.stopPropagation();
    this.close(true);
    event.detail.done = this.handlers.action(event.detail);
  };

  override render() {
    const arch = this.views?.views.form?.arch;
    const model = this.action.res_model;
    const stop = (e: Event) => e.stopPropagation();
    return html`<dialog aria-labelledby="title" @close=${() => { this.remove(); this.handlers.closed(this.acted); }}>
      <header><h2 id="title">${this.action.name}</h2>
        <button class="close" type="button" aria-label=${t('Close')} @click=${() => this.close(false)}>×</button></header>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${arch ? html`<erp-form-view class="o_in_dialog" ?hidden=${!this.ready} .dialog=${true} .model=${model} .arch=${arch} .fields=${this.fieldsOf(model)}
          .models=${Object.fromEntries(Object.keys(this.views!.models).map((m) => [m, this.fieldsOf(m)]))}
          .context=${this.context} .action=${this.action} .resId=${this.resId} .resIds=${this.resId ? [this.resId] : []}
          @open-record=${(e: CustomEvent<OpenRecord>) => { stop(e); this.resId = e.detail.id; }}
          @record-loaded=${(e: Event) => { stop(e); this.ready = true; }} @record-saved=${stop} @close-record=${(e: Event) => { stop(e); this.close(false); }}
          @close-dialog=${(e: CustomEvent<CloseDialog>) => { stop(e); this.close(e.detail.acted); }}
          @do-action=${this.onAction}></erp-form-view>`
        : nothing}
      ${this.ready || this.error ? nothing : html`<p class="loading">${t('Loading…')}</p>`}
    </dialog>`;
  }
}

customElements.define('erp-form-dialog', FormDialog);

/** Opens `action` (a window action with target 'new') in a dialog; `context` is the button's
 *  (active_id...), under the action's own. Settles once the dialog shows its form. */
export async function openFormDialog(action: WindowAction, context: Record<string, unknown>, handlers: FormDialogHandlers): Promise<void> {
  const dialog = document.createElement('erp-form-dialog') as FormDialog;
  dialog.action = action;
  dialog.context = { ...context, ...(action.context && typeof action.context === 'object' ? action.context : {}) };
  dialog.handlers = handlers;
  // In the document's body: the action manager re-renders its own content freely.
  document.body.append(dialog);
  await dialog.show();
}
