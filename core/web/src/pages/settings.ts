// The settings page (client action 'settings'): a section per installed module that adds
// settings, searchable; Save goes through res.config.settings create + execute, as in Odoo. A
// module switch that would uninstall something asks first (the server refuses without
// `confirm_uninstall`, saying what would go). A many2many parameter, or a text parameter with
// `choices` (a comma-separated list), shows as checkboxes; a setting of kind 'button' runs its
// method on a settings record holding the unsaved changes, and shows what it reports.

import { LitElement, css, html } from 'lit';
import { callKw, RpcError } from '../rpc.ts';
import { addTranslations, t } from '../i18n.ts';
import { registerClientAction } from '../views/registry.ts';

interface Setting {
  name: string;
  string: string;
  help: string | false;
  type: string;
  kind: 'group' | 'parameter' | 'module' | 'cron' | 'button';
  selection: Array<[string, string]> | false;
  relation: string | false;
  choices?: Array<[string, string]> | false;
}

interface Section {
  module: string;
  title: string;
  settings: Setting[];
}

addTranslations('fa', {
  'Settings': 'تنظیمات', 'Save': 'ذخیره', 'Discard': 'انصراف', 'Search settings': 'جستجوی تنظیمات',
  'Saved': 'ذخیره شد', 'Confirm': 'تأیید', 'No setting matches.': 'هیچ تنظیمی پیدا نشد.', 'Done': 'انجام شد',
});

export class SettingsPage extends LitElement {
  static override properties = { sections: { state: true }, values: { state: true }, changed: { state: true }, query: { state: true }, message: { state: true }, confirm: { state: true }, busy: { state: true }, options: { state: true } };
  declare private sections: Section[];
  /** The records a many2many setting may hold, by setting name. */
  declare private options: Record<string, Array<[number, string]>>;
  declare private values: Record<string, unknown>;
  declare private changed: Record<string, unknown>;
  declare private query: string;
  declare private message: string;
  declare private confirm: string;
  declare private busy: boolean;

  static override styles = css`
    :host { display: block; padding: 16px; max-width: 900px; margin: auto; }
    .tools { display: flex; gap: 8px; align-items: center; margin-bottom: 16px; position: sticky; top: 0; background: #f9fafb; padding: 8px 0; }
    input[type=search] { flex: 1; min-width: 200px; padding: 6px 10px; border: 1px solid #d1d5db; border-radius: 4px; font: inherit; }
    section { background: white; border: 1px solid #e5e7eb; border-radius: 6px; margin-bottom: 16px; }
    h2 { font-size: 16px; margin: 0; padding: 10px 16px; background: #f3f4f6; border-bottom: 1px solid #e5e7eb; }
    .setting { display: grid; grid-template-columns: 28px 1fr; gap: 4px 8px; padding: 12px 16px; border-bottom: 1px solid #f3f4f6; }
    .setting:last-child { border-bottom: 0; }
    .setting .help { grid-column: 2; color: #6b7280; font-size: 13px; }
    .setting .input { grid-column: 2; }
    label { font-weight: 600; }
    button { border: 1px solid #d1d5db; background: white; border-radius: 4px; padding: 6px 12px; cursor: pointer; font: inherit; }
    button.primary { background: #71639e; color: white; border-color: #71639e; }
    .message { color: #15803d; }
    .error { color: #b91c1c; white-space: pre-wrap; }
    .choices { display: flex; flex-wrap: wrap; gap: 6px 18px; }
    .choices label { font-weight: normal; display: inline-flex; align-items: center; gap: 6px; cursor: pointer; }
    .setting > button { grid-column: 2; justify-self: start; color: #71639e; border-color: #71639e; }
    dialog { border: 0; border-radius: 8px; box-shadow: 0 4px 24px #0004; max-width: min(560px, 92vw); }
  `;

  constructor() {
    super();
    this.sections = [];
    this.values = {};
    this.changed = {};
    this.query = '';
    this.message = '';
    this.confirm = '';
    this.busy = false;
    this.options = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const sections = await callKw<Section[]>('res.config.settings', 'get_settings_layout');
    const values = await this.currentValues(sections);
    const many = sections.flatMap((s) => s.settings).filter((f) => f.type === 'many2many' && f.relation && !f.choices);
    const options: Record<string, Array<[number, string]>> = {};
    for (const f of many) options[f.name] = await callKw<Array<[number, string]>>(f.relation as string, 'name_search', [], { name: '', limit: 100 });
    // Set together (one render): no setting is drawn without its value.
    this.sections = sections;
    this.values = values;
    this.options = options;
    this.changed = {};
  }

  private async currentValues(sections = this.sections): Promise<Record<string, unknown>> {
    const names = sections.flatMap((s) => s.settings.filter((f) => f.kind !== 'button').map((f) => f.name));
    return names.length ? callKw<Record<string, unknown>>('res.config.settings', 'default_get', [names]) : {};
  }

  private value(name: string): unknown {
    return name in this.changed ? this.changed[name] : this.values[name];
  }

  private set(name: string, value: unknown): void {
    this.changed = { ...this.changed, [name]: value };
    this.message = '';
  }

  override render() {
    const q = this.query.toLowerCase();
    const sections = this.sections.map((s) => ({ ...s, settings: s.settings.filter((f) => !q || f.string.toLowerCase().includes(q) || String(f.help || '').toLowerCase().includes(q)) }))
      .filter((s) => s.settings.length);
    const dirty = Object.keys(this.changed).length > 0;
    return html`
      <div class="tools">
        <button class="primary" ?disabled=${!dirty || this.busy} @click=${() => this.save(false)}>${t('Save')}</button>
        <button ?disabled=${!dirty || this.busy} @click=${() => { this.changed = {}; }}>${t('Discard')}</button>
        <input type="search" aria-label=${t('Search settings')} placeholder=${t('Search settings')} .value=${this.query} @input=${(e: InputEvent) => { this.query = (e.target as HTMLInputElement).value; }}>
        <span class=${this.message.startsWith('!') ? 'error' : 'message'} role="status">${this.message.replace(/^!/, '')}</span>
      </div>
      ${sections.length ? sections.map((s) => html`<section data-module=${s.module}><h2>${s.title}</h2>${s.settings.map((f) => this.setting(f))}</section>`)
        : html`<p>${t('No setting matches.')}</p>`}
      ${this.confirm ? html`<dialog open><p class="error">${this.confirm}</p>
        <button class="primary" @click=${() => this.save(true)}>${t('Confirm')}</button>
        <button @click=${() => { this.confirm = ''; }}>${t('Discard')}</button></dialog>` : ''}`;
  }

  private setting(f: Setting) {
    const id = `setting-${f.name}`;
    const value = this.value(f.name);
    if (f.kind === 'button') {
      return html`<div class="setting"><span></span><button ?disabled=${this.busy} @click=${() => this.run(f)}>${f.string}</button>
        ${f.help ? html`<span class="help">${f.help}</span>` : ''}</div>`;
    }
    const choices = f.choices || (f.type === 'many2many' ? this.options[f.name] : undefined);
    if (choices) {
      return html`<div class="setting"><span></span><label id=${`${id}-label`}>${f.string}</label>
        ${f.help ? html`<span class="help">${f.help}</span>` : ''}<span class="input">${this.checkboxes(f, choices, value)}</span></div>`;
    }
    if (f.type === 'boolean') {
      return html`<div class="setting"><input type="checkbox" id=${id} .checked=${Boolean(value)} @change=${(e: Event) => this.set(f.name, (e.target as HTMLInputElement).checked)}>
        <label for=${id}>${f.string}</label>${f.help ? html`<span class="help">${f.help}</span>` : ''}</div>`;
    }
    return html`<div class="setting"><span></span><label for=${id}>${f.string}</label>
      ${f.help ? html`<span class="help">${f.help}</span>` : ''}<span class="input">${this.input(f, id, value)}</span></div>`;
  }

  /** Checkboxes for a many2many (a list of ids) or a text with choices (keys joined by commas). */
  private checkboxes(f: Setting, choices: Array<[string | number, string]>, value: unknown) {
    const selected = new Set<string | number>(Array.isArray(value) ? value as number[] : typeof value === 'string' && value ? value.split(',') : []);
    const toggle = (key: string | number, on: boolean) => {
      const next = choices.map(([k]) => k).filter((k) => (k === key ? on : selected.has(k)));
      this.set(f.name, f.type === 'many2many' ? next : next.join(',') || false);
    };
    return html`<div class="choices" role="group" aria-labelledby=${`setting-${f.name}-label`}>${choices.map(([key, label]) => html`
      <label><input type="checkbox" .checked=${selected.has(key)} @change=${(e: Event) => toggle(key, (e.target as HTMLInputElement).checked)}>${label}</label>`)}</div>`;
  }

  /** A button setting: its method runs on a settings record holding the unsaved changes (as
   *  Odoo saves a form before its button); what it reports (a notification) is shown. */
  private async run(f: Setting): Promise<void> {
    this.busy = true;
    try {
      const id = await callKw<number>('res.config.settings', 'create', [this.changed]);
      const action = await callKw<{ params?: { message?: string; type?: string } } | null>('res.config.settings', f.name, [[id]]);
      this.values = await this.currentValues();
      // Changes the button applied are no longer pending.
      this.changed = Object.fromEntries(Object.entries(this.changed).filter(([name, v]) => JSON.stringify(v) !== JSON.stringify(this.values[name])));
      this.message = `${action?.params?.type === 'danger' ? '!' : ''}${action?.params?.message ?? t('Done')}`;
    } catch (error) {
      this.message = `!${(error as Error).message}`;
    } finally {
      this.busy = false;
    }
  }

  private input(f: Setting, id: string, value: unknown) {
    if (f.selection) {
      return html`<select id=${id} @change=${(e: Event) => this.set(f.name, (e.target as HTMLSelectElement).value)}>
        ${f.selection.map(([k, label]) => html`<option value=${k} ?selected=${k === value}>${label}</option>`)}</select>`;
    }
    const type = f.type === 'integer' || f.type === 'float' || f.type === 'monetary' ? 'number' : f.type === 'date' ? 'date' : 'text';
    return html`<input id=${id} type=${type} .value=${value === false || value == null ? '' : String(value)}
      @change=${(e: Event) => { const raw = (e.target as HTMLInputElement).value; this.set(f.name, type === 'number' ? (raw === '' ? false : Number(raw)) : raw || false); }}>`;
  }

  private async save(confirmed: boolean): Promise<void> {
    this.busy = true;
    // Modules and group toggles change menus, views and models: the client reloads after them,
    // as Odoo's settings return a `reload` action.
    const groupSettings = new Set(this.sections.flatMap((s) => s.settings.filter((f) => f.kind === 'group').map((f) => f.name)));
    const modulesChange = Object.keys(this.changed).some((name) => name.startsWith('module_') || groupSettings.has(name));
    try {
      const context = confirmed ? { confirm_uninstall: true } : {};
      const id = await callKw<number>('res.config.settings', 'create', [this.changed], { context });
      await callKw('res.config.settings', 'execute', [[id]], { context });
      this.confirm = '';
      // Installing or removing modules changes menus and models: reload the client.
      if (modulesChange) return window.location.reload();
      this.values = { ...this.values, ...this.changed };
      this.changed = {};
      this.message = t('Saved');
    } catch (error) {
      if (error instanceof RpcError && /uninstall/i.test(error.message) && !confirmed) this.confirm = error.message;
      else this.message = `!${(error as Error).message}`;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('erp-settings-page', SettingsPage);
registerClientAction('settings', 'erp-settings-page');
