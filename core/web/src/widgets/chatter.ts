// The chatter (Odoo 17's), under a form's sheet for models with the mail mixins: "Log note" posts a
// note, the messages of the record newest first (author, date, body, tracked changes as
// "Stage: New → Won"), the activities with their state colour and "Mark Done" (optional feedback),
// "Schedule activity" (type, summary, deadline) and "Launch plan" (the plans for the model).
// The form passes its `revision`: every (re)load of the record, after a save too, re-reads.

import { LitElement, css, html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { callKw } from '../rpc.ts';
import { addTranslations, t } from '../i18n.ts';
import { formatValue } from '../format.ts';
import { getSessionInfo } from '../session.ts';

addTranslations('fa', {
  'Log note': 'یادداشت', 'Log': 'ثبت', 'Schedule activity': 'برنامه‌ریزی فعالیت', 'Launch plan': 'اجرای طرح',
  'Activities': 'فعالیت‌ها', 'Mark Done': 'انجام شد', 'Feedback': 'بازخورد', 'Done': 'انجام شد', 'Discard': 'رها کردن',
  'Activity type': 'نوع فعالیت', 'Summary': 'خلاصه', 'Due date': 'موعد', 'Schedule': 'برنامه‌ریزی', 'Plan': 'طرح',
  'Plan date': 'تاریخ طرح', 'Launch': 'اجرا', 'No messages yet.': 'هنوز پیامی نیست.', 'Log an internal note…': 'یک یادداشت داخلی بنویسید…',
  'Overdue': 'گذشته', 'Today': 'امروز', 'Planned': 'برنامه‌ریزی شده', 'Chatter': 'گفتگو', 'No plan for this model.': 'طرحی برای این مدل نیست.',
});

interface Message { id: number; body: string; author_id: [number, string] | false; date: string; message_type: string; tracking_value_ids: number[] }
interface Tracking { id: number; mail_message_id: [number, string] | false; field_label: string | false; field_name: string; old_value: string | false; new_value: string | false }
interface Activity { id: number; activity_type_id: [number, string] | false; summary: string | false; note: string | false; date_deadline: string; user_id: [number, string] | false; state: string }
type Pair = [number, string];

const STATE_LABEL: Record<string, string> = { overdue: 'Overdue', today: 'Today', planned: 'Planned' };

/** Html from the server, without scripts, frames or event handlers. */
function sanitize(body: string): string {
  const doc = new DOMParser().parseFromString(`<div>${body}</div>`, 'text/html');
  doc.querySelectorAll('script, style, iframe, object, embed, link, meta').forEach((n) => n.remove());
  doc.querySelectorAll('*').forEach((el) => {
    for (const attr of [...el.attributes]) {
      if (/^on/i.test(attr.name) || /^\s*javascript:/i.test(attr.value)) el.removeAttribute(attr.name);
    }
  });
  return doc.body.firstElementChild?.innerHTML ?? '';
}

const escapeText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export class Chatter extends LitElement {
  static override properties = {
    model: {}, resId: { attribute: false }, revision: { attribute: false }, context: { attribute: false },
    messages: { state: true }, trackings: { state: true }, activities: { state: true }, mode: { state: true },
    types: { state: true }, plans: { state: true }, doneFor: { state: true }, error: { state: true }, busy: { state: true },
  };
  declare model: string;
  declare resId: number | false;
  declare revision: number;
  declare context: Record<string, unknown>;
  declare private messages: Message[];
  declare private trackings: Map<number, Tracking[]>;
  declare private activities: Activity[];
  /** Which box is open under the buttons. */
  declare private mode: 'note' | 'schedule' | 'plan' | null;
  declare private types: Pair[];
  declare private plans: Pair[];
  /** The activity whose "Mark Done" popover is open. */
  declare private doneFor: number | null;
  declare private error: string;
  declare private busy: boolean;
  private loadSeq = 0;

  static override styles = css`
    :host { display: block; max-width: 1140px; margin: 16px auto 0; box-sizing: border-box; color: #1f2937; --accent: #71639e; }
    .btn { font: inherit; border: 1px solid #d1d5db; background: white; color: #374151; border-radius: 4px; padding: 4px 12px; cursor: pointer; }
    .btn:hover { background: #f3f4f6; }
    .btn.primary { background: var(--accent); border-color: var(--accent); color: white; }
    .btn.active { background: #ede9f6; border-color: var(--accent); color: #3b2f63; }
    .btn.link { border: 0; background: none; color: var(--accent); padding: 2px 6px; }
    .o_topbar { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; padding-bottom: 10px; border-bottom: 1px solid #e5e7eb; }
    .o_box { background: white; border: 1px solid #e5e7eb; border-radius: 4px; padding: 12px; margin-top: 10px; display: grid; gap: 8px; }
    .o_box label { display: grid; gap: 3px; font-size: 13px; color: #374151; font-weight: 500; }
    textarea, input, select { font: inherit; border: 1px solid #d1d5db; border-radius: 4px; padding: 5px 8px; background: white; color: inherit; }
    textarea { min-height: 60px; resize: vertical; }
    .o_row { display: flex; gap: 6px; }
    .o_error { color: #991b1b; background: #fef2f2; border: 1px solid #fecaca; border-radius: 4px; padding: 6px 10px; margin-top: 8px; }
    h3 { font-size: 13px; text-transform: uppercase; color: #4b5563; margin: 16px 0 6px; font-weight: 600; }
    .o_activity { display: grid; grid-template-columns: 32px 1fr; gap: 8px; padding: 8px 0; border-bottom: 1px solid #f3f4f6; }
    .o_badge { width: 28px; height: 28px; border-radius: 50%; color: white; display: grid; place-items: center; font-size: 12px; font-weight: 600; }
    .o_state_overdue .o_badge { background: #dc2626; } .o_state_overdue .o_when { color: #dc2626; }
    .o_state_today .o_badge { background: #d97706; } .o_state_today .o_when { color: #b45309; }
    .o_state_planned .o_badge { background: #16a34a; } .o_state_planned .o_when { color: #15803d; }
    .o_when { font-weight: 600; }
    .o_meta { color: #6b7280; font-size: 13px; }
    .o_message { display: grid; grid-template-columns: 36px 1fr; gap: 10px; padding: 10px 0; border-bottom: 1px solid #f3f4f6; }
    .o_avatar { width: 36px; height: 36px; border-radius: 50%; background: #c4b5fd; color: #3b0764; display: grid; place-items: center; font-weight: 600; }
    .o_author { font-weight: 600; margin-inline-end: 8px; }
    .o_date { color: #6b7280; font-size: 12px; }
    .o_body p { margin: 2px 0; }
    .o_note .o_body { background: #f9fafb; border-radius: 4px; padding: 4px 8px; }
    .o_tracking { margin: 2px 0; padding: 0; list-style: none; }
    .o_tracking li { margin: 2px 0; }
    .o_arrow { color: #6b7280; }
    .o_empty { color: #6b7280; padding: 10px 0; }
    .o_done_box { margin-top: 6px; display: grid; gap: 6px; max-width: 420px; }
  `;

  constructor() {
    super();
    this.model = '';
    this.resId = false;
    this.revision = 0;
    this.context = {};
    this.messages = [];
    this.trackings = new Map();
    this.activities = [];
    this.mode = null;
    this.types = [];
    this.plans = [];
    this.doneFor = null;
    this.error = '';
    this.busy = false;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('resId') || changed.has('model') || changed.has('revision')) void this.load();
  }

  /** Re-reads messages and activities of the record. */
  async load(): Promise<void> {
    const seq = ++this.loadSeq;
    if (!this.resId || !this.model) {
      this.messages = [];
      this.activities = [];
      return;
    }
    const domain = [['res_model', '=', this.model], ['res_id', '=', this.resId]];
    try {
      const [messages, activities] = await Promise.all([
        callKw<Message[]>('mail.message', 'search_read', [], {
          domain, fields: ['body', 'author_id', 'date', 'message_type', 'tracking_value_ids'], order: 'date desc, id desc', context: this.context,
        }),
        callKw<Activity[]>('mail.activity', 'search_read', [], {
          domain, fields: ['activity_type_id', 'summary', 'note', 'date_deadline', 'user_id', 'state'], order: 'date_deadline asc, id asc', context: this.context,
        }),
      ]);
      const trackingIds = messages.flatMap((m) => m.tracking_value_ids ?? []);
      const values = trackingIds.length
        ? await callKw<Tracking[]>('mail.tracking.value', 'read', [trackingIds, ['mail_message_id', 'field_name', 'field_label', 'old_value', 'new_value']], { context: this.context })
        : [];
      if (seq !== this.loadSeq) return;
      const trackings = new Map<number, Tracking[]>();
      for (const v of values) {
        const messageId = Array.isArray(v.mail_message_id) ? v.mail_message_id[0] : 0;
        trackings.set(messageId, [...(trackings.get(messageId) ?? []), v]);
      }
      this.messages = messages;
      this.trackings = trackings;
      this.activities = activities;
    } catch (error) {
      if (seq === this.loadSeq) this.error = (error as Error).message;
    }
  }

  /** Runs an action, shows its error, then re-reads. */
  private async act(fn: () => Promise<unknown>): Promise<boolean> {
    this.busy = true;
    this.error = '';
    try {
      await fn();
      await this.load();
      return true;
    } catch (error) {
      this.error = (error as Error).message;
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async toggle(mode: 'note' | 'schedule' | 'plan'): Promise<void> {
    this.mode = this.mode === mode ? null : mode;
    this.error = '';
    try {
      if (this.mode === 'schedule' && !this.types.length) {
        const rows = await callKw<Array<{ id: number; name: string }>>('mail.activity.type', 'search_read', [], {
          domain: ['|', ['res_model', '=', false], ['res_model', '=', this.model]], fields: ['name'], context: this.context,
        });
        this.types = rows.map((r) => [r.id, r.name]);
      } else if (this.mode === 'plan') {
        const rows = await callKw<Array<{ id: number; name: string }>>('mail.activity.plan', 'search_read', [], {
          domain: ['|', ['res_model', '=', false], ['res_model', '=', this.model]], fields: ['name'], context: this.context,
        });
        this.plans = rows.map((r) => [r.id, r.name]);
      }
    } catch (error) {
      this.error = (error as Error).message;
    }
    await this.updateComplete;
    (this.renderRoot.querySelector('.o_box textarea, .o_box select') as HTMLElement | null)?.focus();
  }

  private field<T extends HTMLElement>(selector: string): T {
    return this.renderRoot.querySelector(selector) as T;
  }

  private async logNote(): Promise<void> {
    const area = this.field<HTMLTextAreaElement>('textarea[name="note"]');
    const text = area.value.trim();
    if (!text) return;
    const body = text.split(/\n{2,}/).map((p) => `<p>${escapeText(p).replace(/\n/g, '<br/>')}</p>`).join('');
    const ok = await this.act(() => callKw(this.model, 'message_post', [[this.resId], { body, message_type: 'comment', subtype: 'note' }], { context: this.context }));
    if (ok) {
      area.value = '';
      this.mode = null;
    }
  }

  private async schedule(): Promise<void> {
    const type = Number(this.field<HTMLSelectElement>('select[name="activity_type"]').value);
    const summary = this.field<HTMLInputElement>('input[name="summary"]').value.trim();
    const deadline = this.field<HTMLInputElement>('input[name="date_deadline"]').value;
    const options: Record<string, unknown> = { activity_type: type };
    if (summary) options.summary = summary;
    if (deadline) options.date_deadline = deadline;
    if (await this.act(() => callKw(this.model, 'activity_schedule', [[this.resId], options], { context: this.context }))) this.mode = null;
  }

  private async launchPlan(): Promise<void> {
    const plan = Number(this.field<HTMLSelectElement>('select[name="plan"]').value);
    const date = this.field<HTMLInputElement>('input[name="date_plan_deadline"]').value;
    const ok = await this.act(async () => {
      const session = await getSessionInfo();
      const options: Record<string, unknown> = {};
      if (date) options.date_plan_deadline = date;
      if (session.uid) options.on_demand_user_id = session.uid;
      await callKw('mail.activity.plan', 'action_schedule_plan', [plan, this.model, [this.resId], options], { context: this.context });
    });
    if (ok) this.mode = null;
  }

  private async markDone(id: number): Promise<void> {
    const feedback = this.field<HTMLTextAreaElement>('textarea[name="feedback"]')?.value.trim() ?? '';
    const ok = await this.act(() => (feedback
      ? callKw('mail.activity', 'action_feedback', [[id], feedback], { context: this.context })
      : callKw('mail.activity', 'action_done', [[id]], { context: this.context })));
    if (ok) this.doneFor = null;
  }

  override render() {
    if (!this.resId) return nothing;
    return html`<section class="o_chatter" aria-label=${t('Chatter')}>
      <div class="o_topbar">
        <button class="btn ${this.mode === 'note' ? 'active' : ''}" aria-expanded=${String(this.mode === 'note')} @click=${() => void this.toggle('note')}>${t('Log note')}</button>
        <button class="btn ${this.mode === 'schedule' ? 'active' : ''}" aria-expanded=${String(this.mode === 'schedule')} @click=${() => void this.toggle('schedule')}>${t('Schedule activity')}</button>
        <button class="btn ${this.mode === 'plan' ? 'active' : ''}" aria-expanded=${String(this.mode === 'plan')} @click=${() => void this.toggle('plan')}>${t('Launch plan')}</button>
      </div>
      ${this.renderBox()}
      ${this.error ? html`<div class="o_error" role="alert">${this.error}</div>` : ''}
      ${this.activities.length ? html`<h3>${t('Activities')}</h3><div class="o_activities">${this.activities.map((a) => this.renderActivity(a))}</div>` : ''}
      <div class="o_messages" role="list">
        ${this.messages.length ? this.messages.map((m) => this.renderMessage(m)) : html`<div class="o_empty">${t('No messages yet.')}</div>`}
      </div>
    </section>`;
  }

  private renderBox() {
    if (this.mode === 'note') {
      return html`<div class="o_box">
        <textarea name="note" aria-label=${t('Log note')} placeholder=${t('Log an internal note…')}
          @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void this.logNote(); }}></textarea>
        <div class="o_row"><button class="btn primary" ?disabled=${this.busy} @click=${() => void this.logNote()}>${t('Log')}</button></div>
      </div>`;
    }
    if (this.mode === 'schedule') {
      return html`<div class="o_box">
        <label>${t('Activity type')}<select name="activity_type">${this.types.map(([id, name]) => html`<option value=${id}>${name}</option>`)}</select></label>
        <label>${t('Summary')}<input name="summary" type="text"></label>
        <label>${t('Due date')}<input name="date_deadline" type="date" .value=${today()}></label>
        <div class="o_row"><button class="btn primary" ?disabled=${this.busy || !this.types.length} @click=${() => void this.schedule()}>${t('Schedule')}</button>
          <button class="btn" @click=${() => { this.mode = null; }}>${t('Discard')}</button></div>
      </div>`;
    }
    if (this.mode === 'plan') {
      return html`<div class="o_box">
        ${this.plans.length ? html`
          <label>${t('Plan')}<select name="plan">${this.plans.map(([id, name]) => html`<option value=${id}>${name}</option>`)}</select></label>
          <label>${t('Plan date')}<input name="date_plan_deadline" type="date" .value=${today()}></label>
          <div class="o_row"><button class="btn primary" ?disabled=${this.busy} @click=${() => void this.launchPlan()}>${t('Launch')}</button>
            <button class="btn" @click=${() => { this.mode = null; }}>${t('Discard')}</button></div>`
        : html`<div class="o_empty">${t('No plan for this model.')}</div>`}
      </div>`;
    }
    return '';
  }

  private renderActivity(a: Activity) {
    const type = Array.isArray(a.activity_type_id) ? a.activity_type_id[1] : '';
    const user = Array.isArray(a.user_id) ? a.user_id[1] : '';
    return html`<div class="o_activity o_state_${a.state}" data-state=${a.state} data-id=${a.id}>
      <div class="o_badge" aria-hidden="true">${(type || '?').slice(0, 1)}</div>
      <div>
        <div><span class="o_when">${t(STATE_LABEL[a.state] ?? a.state)}</span> · <strong>${type}</strong>${a.summary ? html` · ${a.summary}` : ''}</div>
        <div class="o_meta">${formatValue(a.date_deadline, { type: 'date' } as never)}${user ? html` · ${user}` : ''}</div>
        ${a.note ? html`<div class="o_body o_meta">${unsafeHTML(sanitize(a.note))}</div>` : ''}
        <button class="btn link" aria-expanded=${String(this.doneFor === a.id)} @click=${() => { this.doneFor = this.doneFor === a.id ? null : a.id; }}>${t('Mark Done')}</button>
        ${this.doneFor === a.id ? html`<div class="o_done_box">
          <textarea name="feedback" aria-label=${t('Feedback')} placeholder=${t('Feedback')}></textarea>
          <div class="o_row"><button class="btn primary" ?disabled=${this.busy} @click=${() => void this.markDone(a.id)}>${t('Done')}</button>
            <button class="btn" @click=${() => { this.doneFor = null; }}>${t('Discard')}</button></div>
        </div>` : ''}
      </div>
    </div>`;
  }

  private renderMessage(m: Message) {
    const author = Array.isArray(m.author_id) ? m.author_id[1] : '';
    const tracking = this.trackings.get(m.id) ?? [];
    return html`<div class="o_message ${m.message_type === 'comment' ? 'o_note' : 'o_notification'}" role="listitem" data-id=${m.id}>
      <div class="o_avatar" aria-hidden="true">${(author || '•').slice(0, 1).toUpperCase()}</div>
      <div>
        <div><span class="o_author">${author}</span><span class="o_date">${formatValue(m.date, { type: 'datetime' } as never)}</span></div>
        ${tracking.length
          ? html`<ul class="o_tracking">${tracking.map((v) => html`<li class="o_tracking_value">${v.field_label || v.field_name}: ${v.old_value || t('None')} <span class="o_arrow">→</span> ${v.new_value || t('None')}</li>`)}</ul>`
          : html`<div class="o_body">${unsafeHTML(sanitize(m.body ?? ''))}</div>`}
      </div>
    </div>`;
  }
}

customElements.define('erp-chatter', Chatter);
