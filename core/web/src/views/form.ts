// The form view (Odoo 17's): a header with the arch's buttons and a status bar, smart buttons
// (form/button_box.ts), a sheet of groups in two columns and notebook tabs, one widget per field
// (core/web/src/widgets/), onchange round trips, save (only what changed; create for a new
// record), discard, errors next to the fields, previous/next through the list it was opened
// from, and a guard against losing changes. Buttons call methods or open actions (form/buttons.ts).

import { isRibbon, renderRibbon, ribbonStyles } from '../widgets/ribbon.ts';
import { LitElement, html, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { callKw, RpcError } from '../rpc.ts';
import { fieldNodes, parseArch, type FieldInfo, type Fields } from '../arch.ts';
import { addTranslations, t } from '../i18n.ts';
import { registerView, type RecordLoaded, type WindowAction } from './registry.ts';
import { renderWidget } from '../widgets/index.ts';
import { subFieldNodes } from '../widgets/one2many.ts';
import { evaluate } from '../widgets/expr.ts';
import { isEmpty, isX2Many, newRowKey, toServer } from '../widgets/values.ts';
import type { FieldChange, FieldInvalid } from '../widgets/base.ts';
import '../widgets/chatter.ts';
import { formStyles } from './form/styles.ts';
import { buttonBoxStyles, isButtonBox, renderButtonBox, type ButtonBoxHost } from './form/button_box.ts';
import { dialogFormStyles, type CloseDialog } from './form/dialog.ts';
import { actionRef, buttonContext, isAction, requestAction } from './form/buttons.ts';

addTranslations('fa', {
  'Save': 'ذخیره', 'Discard': 'رها کردن', 'Save manually': 'ذخیره دستی', 'Discard changes': 'رها کردن تغییرات',
  'This field is required': 'این فیلد الزامی است', 'Invalid fields:': 'فیلدهای نامعتبر:', 'Not a valid number': 'عدد معتبری نیست',
  'The record has been modified, your changes will be discarded. Do you want to proceed?': 'رکورد تغییر کرده است و تغییرات شما از بین می‌رود. ادامه می‌دهید؟',
  'Record not found': 'رکورد پیدا نشد', 'Unsaved changes': 'تغییرات ذخیره نشده', 'Ok': 'باشه', 'Close': 'بستن', 'Remove': 'حذف', 'Remove {name}': 'حذف {name}',
});

type Values = Record<string, unknown>;

export class FormView extends LitElement {
  static override properties = {
    model: {}, arch: {}, fields: { attribute: false }, models: { attribute: false }, domain: { attribute: false },
    context: { attribute: false }, groupBy: { attribute: false }, action: { attribute: false },
    resId: { attribute: false }, resIds: { attribute: false },
    record: { state: true }, changes: { state: true }, dirty: { state: true }, errors: { state: true },
    banner: { state: true }, warning: { state: true }, loading: { state: true }, tabs: { state: true }, busy: { state: true }, dialog: { attribute: false },
  };
  declare model: string;
  declare arch: string;
  declare fields: Fields;
  declare models: Record<string, Fields>;
  declare domain: unknown[];
  declare context: Record<string, unknown>;
  declare groupBy: string[];
  declare action: WindowAction | undefined;
  declare resId: number | false;
  declare resIds: number[];
  /** The values as read from the server (or blank, for a new record). */
  declare private record: Values;
  /** What the user (or an onchange) changed, not saved yet. */
  declare private changes: Values;
  declare private dirty: boolean;
  /** Messages shown next to fields, by field name. */
  declare private errors: Record<string, string>;
  declare private banner: string;
  declare private warning: { title: string; message: string } | null;
  declare private loading: boolean;
  declare private tabs: Map<Element, number>;
  /** A button is running (its method, or opening its action): buttons wait. */
  declare private busy: boolean;
  /** Shown in a dialog (form/dialog.ts): no control panel; the footer's buttons close it. */
  declare dialog: boolean;
  private parsed: { arch: string; root: Element } | null = null;
  private pending: Promise<void> = Promise.resolve();
  private loadSeq = 0;
  /** Bumped when values are (re)loaded: the widgets are created anew, dropping any text typed
   *  (so the fields show only once the first values are there). */
  private revision = 0;

  static override styles = [formStyles, buttonBoxStyles, dialogFormStyles, ribbonStyles];

  constructor() {
    super();
    this.model = '';
    this.arch = '<form/>';
    this.fields = {};
    this.models = {};
    this.domain = [];
    this.context = {};
    this.groupBy = [];
    this.resId = false;
    this.resIds = [];
    this.record = {};
    this.changes = {};
    this.dirty = false;
    this.errors = {};
    this.banner = '';
    this.warning = null;
    this.loading = true;
    this.tabs = new Map();
    this.busy = false;
    this.dialog = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.beforeUnload);
    this.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('beforeunload', this.beforeUnload);
    this.removeEventListener('keydown', this.onKeydown);
    super.disconnectedCallback();
  }

  // ---- the arch ------------------------------------------------------------------------------

  private get root(): Element {
    if (this.parsed?.arch !== this.arch) this.parsed = { arch: this.arch, root: parseArch(this.arch) };
    return this.parsed.root;
  }

  /** The fields of the view (not those of sub-views). */
  private get fieldNames(): string[] {
    return [...new Set(fieldNodes(this.root).map((n) => n.getAttribute('name')!).filter((n) => n in this.fields))];
  }

  private nodeOf(name: string): Element | undefined {
    return fieldNodes(this.root).find((n) => n.getAttribute('name') === name);
  }

  private label(name: string, node?: Element): string {
    return node?.getAttribute('string') ?? this.fields[name]?.string ?? name;
  }

  // ---- values --------------------------------------------------------------------------------

  private value(name: string): unknown {
    return name in this.changes ? this.changes[name] : this.record[name] ?? false;
  }

  /** The values modifiers are evaluated on: many2one as id, x2many as ids. */
  private get evalValues(): Values {
    const values: Values = { id: this.resId || false };
    for (const name of this.fieldNames) {
      const v = this.value(name);
      if (this.fields[name].type === 'many2one') values[name] = Array.isArray(v) ? v[0] : false;
      else if (isX2Many(v)) values[name] = v.rows.map((r) => r.id).filter(Boolean);
      else if (this.fields[name].type === 'many2many') values[name] = Array.isArray(v) ? v.map((p) => (Array.isArray(p) ? p[0] : p)) : [];
      else values[name] = v;
    }
    return values;
  }

  private modifier(node: Element | undefined, attr: 'invisible' | 'readonly' | 'required', fallback = false): boolean {
    const expr = node?.getAttribute(attr) ?? null;
    return expr === null ? fallback : evaluate(expr, this.evalValues);
  }

  /** Read shapes → the form's shapes (many2many as [id, name] pairs, one2many as lines). */
  private async toFormValue(name: string, value: unknown, field: FieldInfo): Promise<unknown> {
    if (field.type === 'many2many') {
      const ids = Array.isArray(value) ? value.map((v) => (Array.isArray(v) ? v[0] : v)).filter((v) => typeof v === 'number') as number[] : [];
      if (!ids.length) return [];
      const rows = await callKw<Array<{ id: number; display_name: string }>>(field.relation!, 'read', [ids, ['display_name']], { context: this.context });
      return ids.map((id) => [id, rows.find((r) => r.id === id)?.display_name ?? String(id)]);
    }
    if (field.type === 'one2many') {
      const ids = Array.isArray(value) ? value.filter((v) => typeof v === 'number') as number[] : [];
      const tree = this.nodeOf(name)?.querySelector('tree, list');
      const subFields = this.models[field.relation!] ?? {};
      const names = tree ? subFieldNodes(tree).map((n) => n.getAttribute('name')!).filter((n) => n in subFields) : [];
      const rows = ids.length ? await callKw<Values[]>(field.relation!, 'read', [ids, names.length ? names : ['display_name']], { context: this.context }) : [];
      return { rows: rows.map((r) => ({ key: newRowKey(), id: r.id as number, values: r, changed: [] })), deleted: [] };
    }
    return value;
  }

  // ---- loading -------------------------------------------------------------------------------

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('resId') || changed.has('arch') || changed.has('model')) void this.load();
  }

  async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.loading = true;
    this.errors = {};
    this.banner = '';
    try {
      const names = this.fieldNames;
      let record: Values = {};
      let changes: Values = {};
      if (this.resId) {
        const [row] = await callKw<Values[]>(this.model, 'read', [[this.resId], [...new Set([...names, 'display_name'])]], { context: this.context });
        if (!row) throw new Error(t('Record not found'));
        record = row;
      } else {
        const reply = await callKw<{ value: Values }>(this.model, 'onchange', [[], {}, [], {}], { context: this.context });
        changes = Object.fromEntries(Object.entries(reply.value ?? {}).filter(([name]) => names.includes(name)));
        record = Object.fromEntries(names.map((n) => [n, false]));
      }
      for (const name of names) {
        const field = this.fields[name];
        if (field.type === 'many2many' || field.type === 'one2many') {
          if (name in changes) changes[name] = await this.toFormValue(name, changes[name], field);
          record[name] = await this.toFormValue(name, record[name], field);
        }
      }
      if (seq !== this.loadSeq) return;
      blurFocused();
      this.record = record;
      this.changes = changes;
      this.dirty = false;
      this.revision++;
      const title = this.resId ? String(record.display_name || `#${this.resId}`) : t('New');
      this.dispatchEvent(new CustomEvent<RecordLoaded>('record-loaded', { detail: { id: this.resId, title }, bubbles: true, composed: true }));
    } catch (error) {
      if (seq === this.loadSeq) this.banner = (error as Error).message;
    } finally {
      if (seq === this.loadSeq) this.loading = false;
    }
  }

  // ---- editing -------------------------------------------------------------------------------

  private onFieldChange = (event: CustomEvent<FieldChange>): void => {
    const { name, value } = event.detail;
    if (!(name in this.fields)) return;
    event.stopPropagation();
    const { [name]: _, ...errors } = this.errors;
    this.errors = errors;
    if (!Object.keys(errors).length) this.banner = '';
    if (JSON.stringify(value) === JSON.stringify(this.value(name))) return;
    this.changes = { ...this.changes, [name]: value };
    this.dirty = true;
    const statusbar = this.nodeOf(name)?.getAttribute('widget') === 'statusbar';
    if (statusbar && this.resId) {
      void this.save();
      return;
    }
    this.pending = this.pending.then(() => this.runOnchange(name));
  };

  private onFieldInvalid = (event: CustomEvent<FieldInvalid>): void => {
    event.stopPropagation();
    this.errors = { ...this.errors, [event.detail.name]: event.detail.message };
    this.dirty = true;
  };

  /** Odoo's onchange: the form's values and the field edited; the reply holds what changed. */
  private async runOnchange(name: string): Promise<void> {
    if (this.fields[name]?.type === 'one2many') return;
    const values: Values = {};
    for (const field of this.fieldNames) {
      const type = this.fields[field].type;
      if (type === 'one2many') continue;
      const v = this.value(field);
      values[field] = type === 'many2many' ? (Array.isArray(v) ? v.map((p) => (Array.isArray(p) ? p[0] : p)) : []) : v;
    }
    if (this.resId) values.id = this.resId;
    try {
      const reply = await callKw<{ value?: Values; warning?: { title: string; message: string } | false }>(
        this.model, 'onchange', [this.resId ? [this.resId] : [], values, [name], {}], { context: this.context });
      const updates: Values = {};
      for (const [field, value] of Object.entries(reply.value ?? {})) {
        if (!this.fieldNames.includes(field) || field === name) continue;
        updates[field] = await this.toFormValue(field, value, this.fields[field]);
      }
      if (Object.keys(updates).length) this.changes = { ...this.changes, ...updates };
      if (reply.warning) this.warning = reply.warning;
    } catch (error) {
      this.showError(error);
    }
  }

  /** Required fields left empty, by name. */
  private missingRequired(): string[] {
    return this.fieldNames.filter((name) => {
      const node = this.nodeOf(name);
      if (this.modifier(node, 'invisible') || this.modifier(node, 'readonly', this.fields[name].readonly)) return false;
      return this.modifier(node, 'required', Boolean(this.fields[name].required)) && isEmpty(this.value(name), this.fields[name]);
    });
  }

  /** Saves the changes (create for a new record); false when something prevents it. */
  async save(): Promise<boolean> {
    await this.pending;
    const missing = this.missingRequired();
    if (missing.length) {
      this.errors = { ...this.errors, ...Object.fromEntries(missing.map((n) => [n, t('This field is required')])) };
    }
    const invalid = Object.keys(this.errors);
    if (invalid.length) {
      this.banner = `${t('Invalid fields:')} ${invalid.map((n) => this.label(n, this.nodeOf(n))).join(', ')}`;
      return false;
    }
    const vals: Values = {};
    for (const [name, value] of Object.entries(this.changes)) {
      const field = this.fields[name];
      if (!field || (field.readonly && !this.nodeOf(name)?.hasAttribute('force_save'))) continue;
      vals[name] = toServer(value, field, this.models);
    }
    try {
      if (!this.resId) {
        const id = await callKw<number>(this.model, 'create', [vals], { context: this.context });
        const ids = this.resIds.includes(id) ? this.resIds : [...this.resIds, id];
        this.resId = id;
        this.resIds = ids;
        this.dispatchEvent(new CustomEvent('open-record', { detail: { id, ids }, bubbles: true, composed: true }));
      } else if (Object.keys(vals).length) {
        await callKw(this.model, 'write', [[this.resId], vals], { context: this.context });
        await this.load();
      } else {
        this.changes = {};
        this.dirty = false;
      }
      this.dispatchEvent(new CustomEvent('record-saved', { detail: { id: this.resId }, bubbles: true, composed: true }));
      return true;
    } catch (error) {
      this.showError(error);
      return false;
    }
  }

  /** An error of the server: the banner, and the message next to the field it names. */
  private showError(error: unknown): void {
    const message = (error as Error).message;
    this.banner = message;
    if (!(error instanceof RpcError)) return;
    const field = this.fieldOfMessage(message);
    if (field) this.errors = { ...this.errors, [field]: message };
  }

  private fieldOfMessage(message: string): string | undefined {
    const names = this.fieldNames;
    const named = /\((\w+)\) is required/.exec(message)?.[1] ?? /field "(\w+)"/.exec(message)?.[1];
    if (named && names.includes(named)) return named;
    const lower = message.toLowerCase();
    const mentioned = names.filter((n) => new RegExp(`\\b(${n}|${this.label(n).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})\\b`, 'i').test(lower));
    return mentioned.find((n) => n in this.changes) ?? mentioned[0];
  }

  discard(): void {
    blurFocused();
    if (!this.resId) {
      this.dirty = false;
      this.dispatchEvent(new CustomEvent('close-record', { bubbles: true, composed: true }));
      return;
    }
    this.changes = {};
    this.errors = {};
    this.banner = '';
    this.dirty = false;
    this.pending = Promise.resolve();
    void this.load();
  }

  /** Whether the form may be left: asks when there are unsaved changes. */
  canLeave(): boolean {
    return !this.dirty || window.confirm(t('The record has been modified, your changes will be discarded. Do you want to proceed?'));
  }

  private beforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.dirty) event.preventDefault();
  };

  private onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && !event.defaultPrevented && !this.warning && this.dirty) {
      event.preventDefault();
      this.discard();
    } else if (event.key === 'Escape' && this.warning) {
      this.warning = null;
    } else if ((event.ctrlKey || event.metaKey) && event.key === 's') {
      event.preventDefault();
      void this.save();
    }
  };

  private go(step: number): void {
    const index = this.resIds.indexOf(this.resId as number);
    if (index < 0 || !this.canLeave()) return;
    const id = this.resIds[(index + step + this.resIds.length) % this.resIds.length];
    this.dirty = false;
    this.dispatchEvent(new CustomEvent('open-record', { detail: { id, ids: this.resIds }, bubbles: true, composed: true }));
  }

  /** Header and smart buttons: a dirty or new record is saved first; then the method is called
   *  (type object) or the action opened (type action). An action the method returns is opened
   *  by the action manager, with breadcrumbs back; otherwise the record is read again. */
  private async runButton(node: Element): Promise<void> {
    if (this.busy) return;
    if (node.getAttribute('special') === 'cancel') return this.closeDialog(false);
    const confirmText = node.getAttribute('confirm');
    if (confirmText && !window.confirm(confirmText)) return;
    this.busy = true;
    try {
      if ((this.dirty || !this.resId) && !(await this.save())) return;
      if (!this.resId) return;
      const name = node.getAttribute('name') ?? '';
      const own = buttonContext(node, this.evalValues);
      const active = { active_id: this.resId, active_ids: [this.resId], active_model: this.model, ...own };
      const type = node.getAttribute('type');
      if (type === 'action') return await requestAction(this, actionRef(name), active);
      const result = type === 'object' ? await callKw(this.model, name, [[this.resId]], { context: { ...this.context, ...own } }) : null;
      if (isAction(result)) return await requestAction(this, result, active);
      if (this.dialog) return this.closeDialog(true);
      await this.load();
    } catch (error) {
      this.showError(error);
    } finally {
      this.busy = false;
    }
  }

  /** Closes the dialog the form is shown in (form/dialog.ts); `acted`: a button ran. */
  private closeDialog(acted: boolean): void {
    this.dispatchEvent(new CustomEvent<CloseDialog>('close-dialog', { detail: { acted }, bubbles: true, composed: true }));
  }

  private get buttonBoxHost(): ButtonBoxHost {
    return {
      invisible: (node) => this.modifier(node, 'invisible'),
      value: (name) => this.value(name),
      field: (name) => this.fields[name],
      busy: this.busy,
      run: (node) => void this.runButton(node),
    };
  }

  // ---- rendering -----------------------------------------------------------------------------

  override render() {
    const index = this.resId ? this.resIds.indexOf(this.resId) : -1;
    const header = [...this.root.children].find((c) => c.tagName === 'header');
    return html`
      <div class="o_control">
        <div class="o_actions">
          ${this.dirty || !this.resId ? html`
            <button class="btn primary o_save" title=${t('Save manually')} @click=${() => void this.save()}>${t('Save')}</button>
            <button class="btn o_discard" title=${t('Discard changes')} @click=${() => this.discard()}>${t('Discard')}</button>` : ''}
          ${this.dirty ? html`<span class="o_dirty" aria-live="polite">${t('Unsaved changes')}</span>` : ''}
        </div>
        ${index >= 0 && this.resIds.length > 1 ? html`<div class="o_pager" aria-live="polite">
          <span>${index + 1} / ${this.resIds.length}</span>
          <button class="btn" aria-label=${t('Previous')} @click=${() => this.go(-1)}>‹</button>
          <button class="btn" aria-label=${t('Next')} @click=${() => this.go(1)}>›</button>
        </div>` : ''}
      </div>
      ${this.banner ? html`<div class="o_banner" role="alert">${this.banner}</div>` : ''}
      <div class="o_form" aria-busy=${String(this.loading)} ?hidden=${this.revision === 0} @field-change=${this.onFieldChange} @field-invalid=${this.onFieldInvalid}
        @field-input=${() => { this.dirty = true; }}>
        ${keyed(this.revision, html`${header ? this.renderHeader(header) : ''}${this.renderChildren(this.root, false)}`)}
        ${this.hasChatter ? html`<erp-chatter .model=${this.model} .resId=${this.resId} .revision=${this.revision} .context=${this.context}></erp-chatter>` : ''}
      </div>
      ${this.warning ? html`<div class="o_dialog_backdrop"><div class="o_dialog" role="dialog" aria-modal="true" aria-labelledby="warning-title">
        <header><h2 id="warning-title">${this.warning.title}</h2><button class="close" aria-label=${t('Close')} @click=${() => { this.warning = null; }}>×</button></header>
        <p>${this.warning.message}</p>
        <footer><button class="btn primary" @click=${() => { this.warning = null; }}>${t('Ok')}</button></footer>
      </div></div>` : ''}`;
  }

  /** Odoo's chatter under the sheet: asked for by the arch, or the model has the mail mixins. */
  private get hasChatter(): boolean {
    return Boolean(this.root.querySelector('chatter, div.oe_chatter')) || 'message_ids' in this.fields;
  }

  private renderHeader(header: Element) {
    const children = [...header.children].filter((c) => !this.modifier(c, 'invisible'));
    return html`<div class="o_form_statusbar">
      <div class="o_statusbar_buttons">${children.filter((c) => c.tagName === 'button').map((b) => this.renderButton(b))}</div>
      <div class="o_statusbar_status">${children.filter((c) => c.tagName === 'field').map((f) => this.renderField(f))}</div>
    </div>`;
  }

  private renderButton(node: Element) {
    const primary = /\b(oe_highlight|btn-primary)\b/.test(node.getAttribute('class') ?? '');
    return html`<button class="btn ${primary ? 'primary' : 'secondary'}" data-name=${node.getAttribute('name') ?? ''} ?disabled=${this.busy}
      @click=${() => void this.runButton(node)}>${node.getAttribute('string') ?? node.textContent?.trim() ?? ''}</button>`;
  }

  private renderChildren(node: Element, inGroup: boolean): unknown[] {
    return [...node.childNodes].map((child) => {
      if (child.nodeType === 3) return child.textContent?.trim() ? child.textContent : '';
      return child.nodeType === 1 ? this.renderNode(child as Element, inGroup) : '';
    });
  }

  private renderNode(node: Element, inGroup: boolean): unknown {
    if (this.modifier(node, 'invisible')) return '';
    if (isRibbon(node)) return renderRibbon(node);
    const cls = node.getAttribute('class') ?? '';
    if (node.tagName === 'chatter' || /\boe_chatter\b/.test(cls)) return ''; // rendered once, after the form
    if (isButtonBox(node)) return renderButtonBox(node, this.buttonBoxHost);
    switch (node.tagName) {
      case 'header': return '';
      case 'sheet': return html`<div class="o_form_sheet">${this.renderChildren(node, false)}</div>`;
      case 'group': return this.renderGroup(node);
      case 'notebook': return this.renderNotebook(node);
      case 'field': return this.renderField(node);
      case 'button': return this.renderButton(node);
      case 'separator': return html`<div class="o_separator">${node.getAttribute('string') ?? ''}</div>`;
      case 'label': {
        const name = node.getAttribute('for') ?? '';
        return html`<span class="o_form_label">${node.getAttribute('string') ?? this.label(name, this.nodeOf(name))}</span>`;
      }
      case 'newline': return '';
      case 'footer': return html`<footer class="o_dialog_footer">${this.renderChildren(node, false)}</footer>`;
      case 'h1': return html`<h1 class=${cls}>${this.renderChildren(node, inGroup)}</h1>`;
      case 'h2': return html`<h2 class=${cls}>${this.renderChildren(node, inGroup)}</h2>`;
      case 'h3': return html`<h3 class=${cls}>${this.renderChildren(node, inGroup)}</h3>`;
      case 'p': return html`<p class=${cls}>${this.renderChildren(node, inGroup)}</p>`;
      case 'span': return html`<span class=${cls}>${this.renderChildren(node, inGroup)}</span>`;
      default: return html`<div class=${cls}>${this.renderChildren(node, inGroup)}</div>`;
    }
  }

  private renderGroup(node: Element): TemplateResult {
    const title = node.getAttribute('string');
    const children = [...node.children].filter((c) => !this.modifier(c, 'invisible'));
    if (children.some((c) => c.tagName === 'group')) {
      return html`<div class="o_outer_group">${title ? html`<div class="o_group_title">${title}</div>` : ''}
        <div class="o_group_cols">${children.map((c) => (c.tagName === 'group' ? this.renderGroup(c) : html`<div class="o_inner_group">${this.renderRow(c)}</div>`))}</div></div>`;
    }
    return html`<div class="o_inner_group">${title ? html`<div class="o_group_title">${title}</div>` : ''}${children.map((c) => this.renderRow(c))}</div>`;
  }

  /** One line of an inner group: label and widget for a field, the whole width otherwise. */
  private renderRow(node: Element) {
    if (node.tagName !== 'field' || node.getAttribute('nolabel') === '1') return html`<div class="o_wide">${this.renderNode(node, true)}</div>`;
    const name = node.getAttribute('name')!;
    const field = this.fields[name];
    const required = this.modifier(node, 'required', Boolean(field?.required));
    const readonly = this.modifier(node, 'readonly', Boolean(field?.readonly));
    const x2many = field?.type === 'one2many' || (field?.type === 'many2many' && node.getAttribute('widget') !== 'many2many_tags');
    return html`<label class="o_form_label ${required ? 'o_required' : ''} ${readonly ? 'o_readonly' : ''} ${x2many ? 'o_wide' : ''}"
      @click=${() => this.focusField(name)}>${this.label(name, node)}</label>
      <div class="o_cell ${x2many ? 'o_wide' : ''}">${this.renderField(node)}</div>`;
  }

  private focusField(name: string): void {
    const widget = this.renderRoot.querySelector(`.o_field[data-name="${name}"]`);
    const target = widget?.shadowRoot?.querySelector('input, textarea, select, [contenteditable]')
      ?? widget?.shadowRoot?.querySelector('erp-autocomplete')?.shadowRoot?.querySelector('input');
    (target as HTMLElement | null | undefined)?.focus();
  }

  private renderField(node: Element) {
    const name = node.getAttribute('name')!;
    const field = this.fields[name];
    if (!field) return '';
    const error = this.errors[name];
    const widget = renderWidget({
      name, value: this.value(name), field, node, invalid: Boolean(error), record: this.evalValues, models: this.models, context: this.context,
      readonly: this.modifier(node, 'readonly', Boolean(field.readonly)), required: this.modifier(node, 'required', Boolean(field.required)),
      label: this.label(name, node),
    });
    return html`${widget}${error ? html`<div class="o_field_error" role="alert" data-field=${name}>${error}</div>` : ''}`;
  }

  private renderNotebook(node: Element) {
    const pages = [...node.children].filter((p) => p.tagName === 'page' && !this.modifier(p, 'invisible'));
    const active = Math.min(this.tabs.get(node) ?? 0, pages.length - 1);
    return html`<div class="o_notebook">
      <div class="o_tabs" role="tablist">${pages.map((page, i) => html`<button role="tab" aria-selected=${String(i === active)}
        @click=${() => { this.tabs = new Map(this.tabs).set(node, i); }}>${page.getAttribute('string') ?? ''}</button>`)}</div>
      <div class="o_page" role="tabpanel">${pages[active] ? this.renderChildren(pages[active], false) : ''}</div>
    </div>`;
  }
}

/** Blurs the focused input, deep in shadow roots, so its pending change is committed now rather
 *  than when the widgets are replaced. */
function blurFocused(): void {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  (element as HTMLElement | null)?.blur?.();
}

customElements.define('erp-form-view', FormView);
registerView('form', 'erp-form-view');
