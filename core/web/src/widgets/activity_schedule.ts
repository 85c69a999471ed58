// "Schedule an activity" as a modal dialog, for places that have no chatter box to open (the
// kanban card's activity popover): the same fields and the same call as the chatter's box (type,
// summary, due date; `activity_schedule` on the record). Fires `activity-scheduled` when done and
// `dialog-closed` whenever it closes.

import { LitElement, css, html, nothing } from 'lit';
import { callKw } from '../rpc.ts';
import { addTranslations, t } from '../i18n.ts';

addTranslations('fa', {
  'Schedule an activity': 'برنامه‌ریزی یک فعالیت', 'Activity type': 'نوع فعالیت', 'Summary': 'خلاصه', 'Due date': 'موعد',
  'Schedule': 'برنامه‌ریزی', 'Discard': 'رها کردن', 'Close': 'بستن',
});

/** Today in the browser's time zone, as the date input wants it. */
export const todayIso = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export class ActivityScheduleDialog extends LitElement {
  static override properties = {
    model: {}, resIds: { attribute: false }, context: { attribute: false },
    types: { state: true }, error: { state: true }, busy: { state: true },
  };
  declare model: string;
  declare resIds: number[];
  declare context: Record<string, unknown>;
  declare private types: Array<[number, string]>;
  declare private error: string;
  declare private busy: boolean;

  static override styles = css`
    dialog { border: 0; border-radius: 6px; padding: 0; width: min(440px, calc(100vw - 32px)); box-shadow: 0 20px 40px rgb(0 0 0 / 20%); color: #1f2937; font: inherit; }
    dialog::backdrop { background: rgb(17 24 39 / 35%); }
    header { display: flex; justify-content: space-between; align-items: center; padding: 12px 16px; border-bottom: 1px solid #e5e7eb; }
    h2 { font-size: 17px; margin: 0; font-weight: 500; }
    .close { background: none; border: 0; font-size: 20px; cursor: pointer; color: #6b7280; }
    form { display: grid; gap: 10px; padding: 16px; }
    label { display: grid; gap: 3px; font-size: 13px; color: #374151; font-weight: 500; }
    input, select { font: inherit; border: 1px solid #d1d5db; border-radius: 4px; padding: 5px 8px; background: white; color: inherit; }
    footer { display: flex; gap: 8px; padding: 12px 16px; border-top: 1px solid #e5e7eb; }
    .btn { font: inherit; border-radius: 4px; padding: 5px 14px; cursor: pointer; border: 1px solid #c4c7ce; background: #fff; color: #374151; }
    .btn.primary { background: #71639e; border-color: #71639e; color: #fff; }
    .btn:disabled { opacity: .6; cursor: default; }
    .error { color: #991b1b; background: #fef2f2; border: 1px solid #fecaca; border-radius: 4px; padding: 6px 10px; }
  `;

  constructor() {
    super();
    this.model = '';
    this.resIds = [];
    this.context = {};
    this.types = [];
    this.error = '';
    this.busy = false;
  }

  /** Loads the activity types of the model (as the chatter does) and opens the dialog. */
  async show(): Promise<void> {
    this.error = '';
    try {
      const rows = await callKw<Array<{ id: number; name: string }>>('mail.activity.type', 'search_read', [], {
        domain: ['|', ['res_model', '=', false], ['res_model', '=', this.model]], fields: ['name'], context: this.context,
      });
      this.types = rows.map((r) => [r.id, r.name]);
    } catch (error) {
      this.error = (error as Error).message;
    }
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog')!;
    this.renderRoot.querySelector('form')?.reset();
    if (!dialog.open) dialog.showModal();
    this.renderRoot.querySelector<HTMLSelectElement>('select')?.focus();
  }

  close(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  private async schedule(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const options: Record<string, unknown> = { activity_type: Number(data.get('activity_type')) };
    const summary = String(data.get('summary') ?? '').trim();
    const deadline = String(data.get('date_deadline') ?? '');
    if (summary) options.summary = summary;
    if (deadline) options.date_deadline = deadline;
    this.busy = true;
    this.error = '';
    try {
      const ids = await callKw<number[]>(this.model, 'activity_schedule', [this.resIds, options], { context: this.context });
      this.dispatchEvent(new CustomEvent('activity-scheduled', { detail: { ids, resIds: this.resIds }, bubbles: true, composed: true }));
      this.close();
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<dialog aria-labelledby="title" @close=${() => this.dispatchEvent(new CustomEvent('dialog-closed', { bubbles: true, composed: true }))}>
      <header><h2 id="title">${t('Schedule an activity')}</h2>
        <button class="close" type="button" aria-label=${t('Close')} @click=${() => this.close()}>×</button></header>
      <form id="schedule" @submit=${(e: Event) => void this.schedule(e)}>
        <label>${t('Activity type')}<select name="activity_type">${this.types.map(([id, name]) => html`<option value=${id}>${name}</option>`)}</select></label>
        <label>${t('Summary')}<input name="summary" type="text" autocomplete="off"></label>
        <label>${t('Due date')}<input name="date_deadline" type="date" value=${todayIso()}></label>
        ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
      </form>
      <footer>
        <button class="btn primary" type="submit" form="schedule" ?disabled=${this.busy || !this.types.length}>${t('Schedule')}</button>
        <button class="btn" type="button" @click=${() => this.close()}>${t('Discard')}</button>
      </footer>
    </dialog>`;
  }
}

customElements.define('erp-activity-schedule-dialog', ActivityScheduleDialog);
