// Odoo 17's `kanban_activity` widget: a clock on the card coloured by the record's
// `activity_state` (red overdue, orange today, green planned, grey none). A click opens a popover
// with the record's activities by urgency (type, summary, due date, assignee), each with "Mark
// Done" (`mail.activity.action_done`, as the chatter), and "Schedule an activity" (the chatter's
// fields in a dialog). After either, the popover closes and `activity-changed` tells the view,
// which re-reads the card and gives it the focus back.

import { LitElement, css, html, nothing, svg } from 'lit';
import { callKw } from '../rpc.ts';
import { formatValue } from '../format.ts';
import { addTranslations, t } from '../i18n.ts';
import type { FieldInfo } from '../arch.ts';
import type { ActivityScheduleDialog } from './activity_schedule.ts';
import './activity_schedule.ts';

addTranslations('fa', {
  'Activities': 'فعالیت‌ها', 'Activities: {state}': 'فعالیت‌ها: {state}', 'No activity': 'بدون فعالیت',
  'Overdue': 'گذشته', 'Today': 'امروز', 'Planned': 'برنامه‌ریزی شده', 'Mark Done': 'انجام شد',
  'Schedule an activity': 'برنامه‌ریزی یک فعالیت', 'No activity yet.': 'هنوز فعالیتی نیست.',
  'Due {date}': 'موعد {date}', 'Loading…': 'در حال بارگذاری…',
});

interface Activity { id: number; activity_type_id: [number, string] | false; summary: string | false; date_deadline: string; user_id: [number, string] | false; state: string }

const STATES: Array<[string, string]> = [['overdue', 'Overdue'], ['today', 'Today'], ['planned', 'Planned']];
const DATE: FieldInfo = { type: 'date', string: '' };

const clock = svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
  <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.6"/>
  <path d="M8 4.2V8l2.6 1.6" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>`;

export class KanbanActivity extends LitElement {
  static override properties = {
    model: {}, resId: { attribute: false }, state: {}, context: { attribute: false },
    activities: { state: true }, open: { state: true }, error: { state: true }, busy: { state: true }, scheduling: { state: true },
  };
  declare model: string;
  declare resId: number;
  /** The record's `activity_state` (false: no activity). */
  declare state: string | false;
  declare context: Record<string, unknown>;
  declare private activities: Activity[] | null;
  declare private open: boolean;
  declare private error: string;
  declare private busy: boolean;
  /** The schedule dialog is only put in the page while it is used (a board has many cards). */
  declare private scheduling: boolean;
  private scheduled = false;

  static override styles = css`
    :host { display: inline-flex; vertical-align: middle; }
    .o_activity_btn { border: 0; background: none; padding: 2px; margin: 0; border-radius: 4px; cursor: pointer; display: inline-grid; place-items: center; color: #9ca3af; }
    .o_activity_btn:hover, .o_activity_btn:focus-visible { background: #eef0f3; }
    .o_activity_btn[data-state="overdue"] { color: #dc2626; }
    .o_activity_btn[data-state="today"] { color: #e59a0b; }
    .o_activity_btn[data-state="planned"] { color: #16a34a; }
    [popover] { inset: auto; margin: 0; padding: 0; border: 1px solid #d8dadd; border-radius: 6px; width: 320px; max-height: min(420px, 70vh); overflow: auto;
      box-shadow: 0 8px 24px rgb(0 0 0 / 16%); background: #fff; color: #1f2937; font-size: 13px; cursor: default; }
    .o_head { display: flex; justify-content: space-between; align-items: center; padding: 8px 12px; border-bottom: 1px solid #eef0f3; font-weight: 600; }
    .o_head .close { border: 0; background: none; font-size: 18px; line-height: 1; cursor: pointer; color: #6b7280; padding: 0 2px; }
    h3 { margin: 0; padding: 6px 12px 2px; font-size: 12px; text-transform: uppercase; letter-spacing: .3px; }
    .o_section_overdue h3 { color: #b91c1c; } .o_section_today h3 { color: #b45309; } .o_section_planned h3 { color: #15803d; }
    ul { list-style: none; margin: 0; padding: 0 0 4px; }
    li { display: grid; grid-template-columns: 24px 1fr auto; gap: 8px; align-items: start; padding: 6px 12px; }
    li + li { border-top: 1px solid #f3f4f6; }
    .o_badge { width: 22px; height: 22px; border-radius: 50%; color: #fff; display: grid; place-items: center; font-size: 11px; font-weight: 600; margin-top: 1px; }
    .o_state_overdue .o_badge { background: #dc2626; } .o_state_today .o_badge { background: #e59a0b; } .o_state_planned .o_badge { background: #16a34a; }
    .o_title { font-weight: 600; overflow-wrap: anywhere; }
    .o_summary { font-weight: 400; color: #374151; }
    .o_meta { color: #6b7280; font-size: 12px; margin-top: 1px; }
    .o_state_overdue .o_due { color: #b91c1c; } .o_state_today .o_due { color: #b45309; } .o_state_planned .o_due { color: #15803d; }
    .btn { font: inherit; font-size: 12px; border-radius: 4px; padding: 2px 8px; cursor: pointer; border: 1px solid #c4c7ce; background: #fff; color: #374151; white-space: nowrap; }
    .btn:hover { background: #f3f4f6; }
    .btn:disabled { opacity: .6; cursor: default; }
    .o_foot { border-top: 1px solid #eef0f3; padding: 6px 8px; }
    .o_schedule { border: 0; background: none; color: #71639e; font: inherit; font-weight: 500; cursor: pointer; padding: 4px; border-radius: 4px; }
    .o_schedule:hover { background: #f4f2f9; }
    .o_empty, .o_loading { color: #6b7280; padding: 10px 12px; }
    .o_error { color: #991b1b; background: #fef2f2; border: 1px solid #fecaca; border-radius: 4px; padding: 6px 10px; margin: 8px 12px; }
  `;

  constructor() {
    super();
    this.model = '';
    this.resId = 0;
    this.state = false;
    this.context = {};
    this.activities = null;
    this.open = false;
    this.error = '';
    this.busy = false;
    this.scheduling = false;
    // The widget lives in a card: its clicks must not open the record, nor its drags move the card.
    this.addEventListener('click', (e) => e.stopPropagation());
    this.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') e.stopPropagation(); });
    this.addEventListener('dragstart', (e) => { e.preventDefault(); e.stopPropagation(); });
  }

  private get panel(): HTMLElement | null {
    return this.renderRoot.querySelector('[popover]');
  }

  private get button(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('.o_activity_btn');
  }

  /** The button opens and closes the popover itself (`popovertarget`), which also gives the focus
   *  back to it on close; here the popover loads the activities and takes its place. */
  private async toggled(event: ToggleEvent): Promise<void> {
    this.open = event.newState === 'open';
    if (!this.open) return;
    this.activities = null;
    this.error = '';
    await this.updateComplete;
    this.place();
    await this.load();
    this.place();
    this.panel?.querySelector<HTMLElement>('.o_activity .btn, .o_schedule')?.focus();
  }

  /** Under the clock, kept inside the window (the popover is in the top layer, fixed). */
  private place(): void {
    const popover = this.panel;
    const anchor = this.button?.getBoundingClientRect();
    if (!popover || !anchor) return;
    const { width, height } = popover.getBoundingClientRect();
    const rtl = getComputedStyle(this).direction === 'rtl';
    let left = rtl ? anchor.right - width : anchor.left - 8;
    left = Math.max(8, Math.min(left, window.innerWidth - width - 8));
    let top = anchor.bottom + 6;
    if (top + height > window.innerHeight - 8 && anchor.top - height - 6 > 8) top = anchor.top - height - 6;
    popover.style.left = `${left}px`;
    popover.style.top = `${top}px`;
  }

  private async load(): Promise<void> {
    try {
      this.activities = await callKw<Activity[]>('mail.activity', 'search_read', [], {
        domain: [['res_model', '=', this.model], ['res_id', '=', this.resId]],
        fields: ['activity_type_id', 'summary', 'date_deadline', 'user_id', 'state'], order: 'date_deadline asc, id asc', context: this.context,
      });
    } catch (error) {
      this.activities = [];
      this.error = (error as Error).message;
    }
    await this.updateComplete;
  }

  private changed(): void {
    this.dispatchEvent(new CustomEvent('activity-changed', { detail: { id: this.resId }, bubbles: true, composed: true }));
  }

  private async markDone(activity: Activity): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await callKw('mail.activity', 'action_done', [[activity.id]], { context: this.context });
      this.panel?.hidePopover();
      this.changed();
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }

  /** Once the dialog is closed (its focus handling done): tell the view, which focuses the card,
   *  or, when nothing was scheduled, give the focus back to the clock. */
  private closeSchedule(): void {
    this.scheduling = false;
    if (this.scheduled) this.changed();
    else this.button?.focus();
    this.scheduled = false;
  }

  private async schedule(): Promise<void> {
    this.panel?.hidePopover();
    this.scheduling = true;
    await this.updateComplete;
    await this.renderRoot.querySelector<ActivityScheduleDialog>('erp-activity-schedule-dialog')?.show();
  }

  override render() {
    const stateLabel = STATES.find(([s]) => s === this.state)?.[1];
    const label = stateLabel ? t('Activities: {state}', { state: t(stateLabel) }) : t('Activities: {state}', { state: t('No activity') });
    return html`<button class="o_activity_btn" type="button" data-state=${this.state || 'none'} aria-label=${label} title=${label}
        aria-haspopup="dialog" aria-expanded=${String(this.open)} popovertarget="o_activities">${clock}</button>
      <div id="o_activities" popover="auto" role="dialog" aria-label=${t('Activities')} @toggle=${(e: ToggleEvent) => void this.toggled(e)}
        @beforetoggle=${(e: ToggleEvent) => { if (e.newState === 'closed' && this.panel?.contains(this.shadowRoot?.activeElement ?? null)) this.button?.focus(); }}>
        ${this.open ? this.renderContent() : nothing}
      </div>
      ${this.scheduling ? html`<erp-activity-schedule-dialog .model=${this.model} .resIds=${[this.resId]} .context=${this.context}
        @activity-scheduled=${(e: Event) => { e.stopPropagation(); this.scheduled = true; }}
        @dialog-closed=${(e: Event) => { e.stopPropagation(); this.closeSchedule(); }}></erp-activity-schedule-dialog>` : nothing}`;
  }

  private renderContent() {
    const list = this.activities;
    return html`<div class="o_head"><span>${t('Activities')}</span>
        <button class="close" type="button" aria-label=${t('Close')} @click=${() => this.panel?.hidePopover()}>×</button></div>
      ${this.error ? html`<div class="o_error" role="alert">${this.error}</div>` : nothing}
      ${list === null ? html`<div class="o_loading">${t('Loading…')}</div>`
        : list.length ? STATES.map(([state, title]) => {
          const items = list.filter((a) => a.state === state);
          return items.length ? html`<section class="o_section_${state}"><h3>${t(title)} (${items.length})</h3>
            <ul>${items.map((a) => this.renderActivity(a))}</ul></section>` : nothing;
        }) : html`<div class="o_empty">${t('No activity yet.')}</div>`}
      <div class="o_foot"><button class="o_schedule" type="button" @click=${() => void this.schedule()}><span aria-hidden="true">+</span> ${t('Schedule an activity')}</button></div>`;
  }

  private renderActivity(a: Activity) {
    const type = Array.isArray(a.activity_type_id) ? a.activity_type_id[1] : '';
    const user = Array.isArray(a.user_id) ? a.user_id[1] : '';
    return html`<li class="o_activity o_state_${a.state}" data-id=${a.id} data-state=${a.state}>
      <span class="o_badge" aria-hidden="true">${(type || '?').slice(0, 1).toUpperCase()}</span>
      <div>
        <div class="o_title">${type}${a.summary ? html`<span class="o_summary"> · ${a.summary}</span>` : nothing}</div>
        <div class="o_meta o_due">${t('Due {date}', { date: formatValue(a.date_deadline, DATE) })}</div>
        ${user ? html`<div class="o_meta o_user">${user}</div>` : nothing}
      </div>
      <button class="btn" type="button" ?disabled=${this.busy} @click=${() => void this.markDone(a)}><span aria-hidden="true">✓</span> ${t('Mark Done')}</button>
    </li>`;
  }
}

customElements.define('erp-kanban-activity', KanbanActivity);
