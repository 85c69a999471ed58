// The Apps page (client action 'apps'): every module found on disk, with Install, Upgrade and
// Uninstall; uninstalling first shows what would be removed (the dry run) and asks to confirm.

import { LitElement, css, html } from 'lit';
import { callKw } from '../rpc.ts';
import { addTranslations, t } from '../i18n.ts';
import { registerClientAction } from '../views/registry.ts';

interface ModuleRow {
  id: number;
  name: string;
  shortdesc: string | false;
  summary: string | false;
  state: string;
  application: boolean;
  latest_version: string | false;
  installed_version: string | false;
}

interface RemovalPlan {
  modules: string[];
  records: Record<string, number>;
  tables: string[];
  columns: string[];
}

addTranslations('fa', {
  'Apps': 'برنامه‌ها', 'Update Apps List': 'به‌روزرسانی فهرست برنامه‌ها', 'Install': 'نصب', 'Uninstall': 'حذف نصب', 'Upgrade': 'به‌روزرسانی', 'Installed': 'نصب‌شده',
  'Search modules': 'جستجوی ماژول‌ها', 'Applications only': 'فقط برنامه‌ها', 'Cancel': 'انصراف',
  'Confirm uninstall': 'تأیید حذف نصب', 'These modules will be uninstalled:': 'این ماژول‌ها حذف نصب می‌شوند:',
  'Records deleted:': 'رکوردهای حذف‌شده:', 'Tables dropped:': 'جدول‌های حذف‌شده:', 'Columns dropped:': 'ستون‌های حذف‌شده:',
});

export class AppsPage extends LitElement {
  static override properties = { modules: { state: true }, query: { state: true }, appsOnly: { state: true }, plan: { state: true }, busy: { state: true }, error: { state: true } };
  declare private modules: ModuleRow[];
  declare private query: string;
  declare private appsOnly: boolean;
  declare private plan: (RemovalPlan & { id: number }) | null;
  declare private busy: boolean;
  declare private error: string;

  static override styles = css`
    :host { display: block; padding: 16px; }
    .tools { display: flex; gap: 12px; align-items: center; margin-bottom: 16px; flex-wrap: wrap; }
    input[type=search] { padding: 6px 10px; border: 1px solid #d1d5db; border-radius: 4px; min-width: 240px; font: inherit; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 12px; }
    article { background: white; border: 1px solid #e5e7eb; border-radius: 6px; padding: 12px; display: grid; gap: 6px; }
    h2 { font-size: 15px; margin: 0; }
    .tech { color: #6b7280; font-size: 12px; }
    .summary { color: #374151; min-height: 2.5em; }
    .actions { display: flex; gap: 8px; align-items: center; }
    button { border: 1px solid #d1d5db; background: white; border-radius: 4px; padding: 4px 10px; cursor: pointer; font: inherit; }
    button.primary { background: #71639e; color: white; border-color: #71639e; }
    button.danger { color: #b91c1c; }
    .badge { color: #15803d; font-weight: 600; }
    dialog { border: 0; border-radius: 8px; box-shadow: 0 4px 24px #0004; max-width: min(560px, 92vw); }
    .error { color: #b91c1c; }
  `;

  constructor() {
    super();
    this.modules = [];
    this.query = '';
    this.appsOnly = true;
    this.plan = null;
    this.busy = false;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.modules = await callKw<ModuleRow[]>('ir.module.module', 'search_read', [[['name', '!=', 'base']]], {
      fields: ['name', 'shortdesc', 'summary', 'state', 'application', 'latest_version', 'installed_version'], order: 'application desc, name',
    });
  }

  private get visible(): ModuleRow[] {
    const q = this.query.toLowerCase();
    return this.modules.filter((m) => (!this.appsOnly || m.application || m.state === 'installed')
      && (!q || m.name.includes(q) || String(m.shortdesc || '').toLowerCase().includes(q)));
  }

  override render() {
    return html`
      <div class="tools">
        <input type="search" aria-label=${t('Search modules')} placeholder=${t('Search modules')} .value=${this.query} @input=${(e: InputEvent) => { this.query = (e.target as HTMLInputElement).value; }}>
        <label><input type="checkbox" .checked=${this.appsOnly} @change=${(e: Event) => { this.appsOnly = (e.target as HTMLInputElement).checked; }}> ${t('Applications only')}</label>
        <button ?disabled=${this.busy} @click=${this.updateList}>${t('Update Apps List')}</button>
        ${this.error ? html`<span class="error" role="alert">${this.error}</span>` : ''}
      </div>
      <div class="grid">${this.visible.map((m) => this.card(m))}</div>
      ${this.plan ? this.confirmDialog(this.plan) : ''}`;
  }

  private card(m: ModuleRow) {
    const installed = m.state === 'installed';
    const upgradable = installed && m.installed_version && m.latest_version && m.installed_version !== m.latest_version;
    return html`<article data-module=${m.name}>
      <h2>${m.shortdesc || m.name}</h2><span class="tech">${m.name}</span>
      <div class="summary">${m.summary || ''}</div>
      <div class="actions">
        ${installed
          ? html`<span class="badge">${t('Installed')}</span>
              ${upgradable ? html`<button ?disabled=${this.busy} @click=${() => this.run('button_immediate_upgrade', m.id)}>${t('Upgrade')}</button>` : ''}
              <button class="danger" ?disabled=${this.busy} @click=${() => this.askUninstall(m.id)}>${t('Uninstall')}</button>`
          : html`<button class="primary" ?disabled=${this.busy} @click=${() => this.run('button_immediate_install', m.id)}>${t('Install')}</button>`}
      </div>
    </article>`;
  }

  private confirmDialog(plan: RemovalPlan & { id: number }) {
    const records = Object.entries(plan.records);
    return html`<dialog open aria-labelledby="confirm-title">
      <h2 id="confirm-title">${t('Confirm uninstall')}</h2>
      <p>${t('These modules will be uninstalled:')} <strong>${plan.modules.join(', ')}</strong></p>
      ${records.length ? html`<p>${t('Records deleted:')}</p><ul>${records.map(([model, n]) => html`<li>${model}: ${n}</li>`)}</ul>` : ''}
      ${plan.tables.length ? html`<p>${t('Tables dropped:')} ${plan.tables.join(', ')}</p>` : ''}
      ${plan.columns.length ? html`<p>${t('Columns dropped:')} ${plan.columns.join(', ')}</p>` : ''}
      <div class="actions">
        <button class="danger" @click=${() => this.run('button_immediate_uninstall', plan.id)}>${t('Uninstall')}</button>
        <button @click=${() => { this.plan = null; }} autofocus>${t('Cancel')}</button>
      </div>
    </dialog>`;
  }

  /** Odoo's "Update Apps List": modules added to the addon paths since are listed. */
  private updateList = async (): Promise<void> => {
    await callKw('ir.module.module', 'update_list');
    await this.load();
  };

  private async askUninstall(id: number): Promise<void> {
    this.plan = { ...(await callKw<RemovalPlan>('ir.module.module', 'module_uninstall_plan', [[id]])), id };
  }

  /** Installing or removing modules changes menus and models: the whole client reloads after. */
  private async run(method: string, id: number): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await callKw('ir.module.module', method, [[id]]);
      window.location.reload();
    } catch (error) {
      this.error = (error as Error).message;
      this.busy = false;
      this.plan = null;
    }
  }
}

customElements.define('erp-apps-page', AppsPage);
registerClientAction('apps', 'erp-apps-page');
