// The export dialog of the list view (Odoo 17's "Export Data"): the model's fields on the left
// (searchable; a relation opens one level down on its comodel's fields), the fields to export on
// the right (the list's columns to start with; reordered and removed with buttons), the
// import-compatible checkbox, the format (XLSX, CSV) and which records: the selected ones or all
// those matching the search. The server writes the file (/web/export/xlsx|csv).

import { LitElement, css, html, nothing } from 'lit';
import { rpc, RpcError } from '../../rpc.ts';
import { addTranslations, t } from '../../i18n.ts';

addTranslations('fa', {
  'Export Data': 'خروجی داده‌ها', 'Available fields': 'فیلدهای موجود', 'Fields to export': 'فیلدهای خروجی',
  'Search fields': 'جستجوی فیلدها', 'I want to update data (import-compatible export)': 'می‌خواهم داده‌ها را به‌روز کنم (خروجی سازگار با ورود)',
  'Export format': 'قالب خروجی', 'Records': 'رکوردها', 'The {count} selected records': '{count} رکورد انتخاب‌شده',
  'All {count} records matching the search': 'همه {count} رکورد مطابق جستجو', 'Export': 'خروجی', 'Close': 'بستن',
  'Add': 'افزودن', 'Remove': 'حذف', 'Move up': 'بالا بردن', 'Move down': 'پایین بردن', 'Show sub-fields': 'نمایش زیرفیلدها',
  'Choose at least one field to export.': 'دست‌کم یک فیلد برای خروجی انتخاب کنید.', 'Exporting…': 'در حال تهیه خروجی…',
});

/** A field the dialog offers (/web/export/get_fields). */
export interface ExportField {
  id: string;
  string: string;
  field_type: string;
  required: boolean;
  children: boolean;
  params?: { model: string; prefix: string; name: string };
}

interface Chosen { id: string; string: string }

/** The file name the server gave (Content-Disposition, RFC 6266). */
function fileName(disposition: string | null): string | undefined {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1];
}

/** Posts Odoo's `data` (JSON-RPC envelope: the routes' CSRF rule) and saves the file. */
export async function downloadExport(format: 'xlsx' | 'csv', data: Record<string, unknown>): Promise<void> {
  const response = await fetch(`/web/export/${format}`, {
    method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { data: JSON.stringify(data) }, id: Date.now() }),
  });
  if ((response.headers.get('Content-Type') ?? '').startsWith('application/json')) {
    const payload = (await response.json()) as { error?: { message: string; data?: { name?: string; message?: string } } };
    const error = payload.error?.data ?? {};
    throw new RpcError(error.name ?? 'Error', error.message ?? payload.error?.message ?? `HTTP ${response.status}`, error);
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = fileName(response.headers.get('Content-Disposition')) ?? `export.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

export class ExportDialog extends LitElement {
  static override properties = {
    model: {}, resIds: { attribute: false }, domain: { attribute: false }, context: { attribute: false }, total: { type: Number },
    initial: { attribute: false },
    available: { state: true }, subFields: { state: true }, open: { state: true }, chosen: { state: true }, compat: { state: true },
    format: { state: true }, scope: { state: true }, query: { state: true }, busy: { state: true }, error: { state: true },
  };
  declare model: string;
  /** The selected records (none: the dialog exports what matches the domain). */
  declare resIds: number[];
  declare domain: unknown[];
  declare context: Record<string, unknown>;
  /** How many records match the domain. */
  declare total: number;
  /** The fields chosen when the dialog opens: the list's visible columns. */
  declare initial: Chosen[];
  declare private available: ExportField[];
  /** Sub-fields of opened relations, by the relation's path. */
  declare private subFields: Record<string, ExportField[]>;
  declare private open: Set<string>;
  declare private chosen: Chosen[];
  declare private compat: boolean;
  declare private format: 'xlsx' | 'csv';
  declare private scope: 'selected' | 'all';
  declare private query: string;
  declare private busy: boolean;
  declare private error: string;

  static override styles = css`
    dialog { border: 0; border-radius: 8px; box-shadow: 0 8px 32px #0005; padding: 0; width: min(860px, 94vw); max-height: 90vh; color: #1f2937; }
    dialog::backdrop { background: #0006; }
    header, footer { display: flex; align-items: center; gap: 8px; padding: 12px 16px; }
    header { border-bottom: 1px solid #e5e7eb; justify-content: space-between; }
    header h2 { margin: 0; font-size: 18px; font-weight: 500; }
    footer { border-top: 1px solid #e5e7eb; }
    .body { padding: 12px 16px; display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
    .options { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: center; }
    fieldset { border: 0; padding: 0; margin: 0; display: flex; gap: 12px; align-items: center; }
    legend { float: inline-start; font-weight: 600; margin-inline-end: 8px; padding: 0; }
    label { display: inline-flex; gap: 6px; align-items: center; cursor: pointer; }
    h3 { font-size: 14px; margin: 0 0 6px; color: #4b5563; }
    input[type=search] { width: 100%; box-sizing: border-box; padding: 6px 8px; border: 1px solid #d1d5db; border-radius: 4px; font: inherit; margin-bottom: 6px; }
    ul { list-style: none; margin: 0; padding: 0; border: 1px solid #e5e7eb; border-radius: 4px; height: 340px; overflow: auto; }
    li { display: flex; align-items: center; gap: 4px; padding: 3px 6px; border-bottom: 1px solid #f3f4f6; }
    li:hover { background: #f5f3ff; }
    li .name { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    li.sub .name { padding-inline-start: 20px; }
    li .required { color: #b91c1c; }
    .caret, .icon { border: 0; background: none; cursor: pointer; padding: 0 4px; color: #6b7280; font: inherit; min-width: 20px; }
    .caret:disabled { visibility: hidden; }
    :host-context([dir=rtl]) .caret[aria-expanded=false] { transform: scaleX(-1); }
    button { border: 1px solid #d1d5db; background: white; border-radius: 4px; padding: 5px 12px; cursor: pointer; font: inherit; }
    button.primary { background: #71639e; color: white; border-color: #71639e; }
    button:disabled { opacity: 0.6; cursor: default; }
    .error { color: #b91c1c; grid-column: 1 / -1; margin: 0; }
  `;

  constructor() {
    super();
    this.resIds = [];
    this.domain = [];
    this.context = {};
    this.total = 0;
    this.initial = [];
    this.available = [];
    this.subFields = {};
    this.open = new Set();
    this.chosen = [];
    this.compat = false;
    this.format = 'xlsx';
    this.scope = 'all';
    this.query = '';
    this.busy = false;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.chosen = [...this.initial];
    this.scope = this.resIds.length ? 'selected' : 'all';
    void this.loadFields();
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  private async loadFields(): Promise<void> {
    try {
      this.available = await rpc<ExportField[]>('/web/export/get_fields', { model: this.model, import_compat: this.compat, context: this.context });
      [this.subFields, this.open] = [{}, new Set()];
      // Import-compatible exports drop what an import cannot write back.
      const offered = new Set(this.available.map((f) => f.id));
      if (this.compat) this.chosen = this.chosen.filter((c) => offered.has(c.id) || c.id.includes('/'));
      this.error = '';
    } catch (error) { this.error = (error as Error).message; }
  }

  private async toggle(field: ExportField): Promise<void> {
    const open = new Set(this.open);
    if (open.delete(field.id)) { this.open = open; return; }
    if (!this.subFields[field.id] && field.params) {
      try {
        const sub = await rpc<ExportField[]>('/web/export/get_fields', {
          model: field.params.model, prefix: field.params.prefix, parent_name: field.params.name,
          import_compat: this.compat, parent_field_type: field.field_type, context: this.context,
        });
        this.subFields = { ...this.subFields, [field.id]: sub };
      } catch (error) { this.error = (error as Error).message; return; }
    }
    open.add(field.id);
    this.open = open;
  }

  private add(field: ExportField): void {
    if (!this.chosen.some((c) => c.id === field.id)) this.chosen = [...this.chosen, { id: field.id, string: field.string }];
  }

  private move(index: number, step: number): void {
    const list = [...this.chosen];
    const [item] = list.splice(index, 1);
    list.splice(Math.max(0, Math.min(list.length, index + step)), 0, item);
    this.chosen = list;
  }

  private close(): void {
    this.renderRoot.querySelector('dialog')?.close();
    this.dispatchEvent(new CustomEvent('close', { bubbles: true, composed: true }));
  }

  private async export(): Promise<void> {
    if (!this.chosen.length) { this.error = t('Choose at least one field to export.'); return; }
    this.busy = true;
    this.error = '';
    try {
      // Import-compatible files start with the external id, so that they import back as updates.
      const fields = this.compat && !this.chosen.some((c) => c.id === 'id') ? [{ id: 'id', string: 'External ID' }, ...this.chosen] : this.chosen;
      await downloadExport(this.format, {
        model: this.model, fields: fields.map((f) => ({ name: f.id, label: f.string })), import_compat: this.compat, context: this.context,
        ...(this.scope === 'selected' ? { ids: this.resIds } : { ids: false, domain: this.domain }),
      });
      this.close();
    } catch (error) { this.error = (error as Error).message; }
    this.busy = false;
  }

  override render() {
    const q = this.query.trim().toLowerCase();
    const matches = (f: ExportField) => !q || f.string.toLowerCase().includes(q) || f.id.toLowerCase().includes(q);
    const rows = this.available.flatMap((field) => {
      const sub = this.open.has(field.id) ? (this.subFields[field.id] ?? []).filter(matches) : [];
      return matches(field) || sub.length ? [this.availableRow(field, false), ...sub.map((s) => this.availableRow(s, true))] : [];
    });
    return html`<dialog aria-labelledby="export-title" @cancel=${(e: Event) => { e.preventDefault(); this.close(); }}>
      <header><h2 id="export-title">${t('Export Data')}</h2><button class="icon" aria-label=${t('Close')} @click=${() => this.close()}>✕</button></header>
      <div class="body">
        <div class="options">
          <label><input type="checkbox" .checked=${this.compat} @change=${(e: Event) => { this.compat = (e.target as HTMLInputElement).checked; void this.loadFields(); }}>
            ${t('I want to update data (import-compatible export)')}</label>
          <fieldset><legend>${t('Export format')}</legend>
            ${(['xlsx', 'csv'] as const).map((f) => html`<label><input type="radio" name="format" .checked=${this.format === f} @change=${() => { this.format = f; }}>${f.toUpperCase()}</label>`)}
          </fieldset>
          <fieldset><legend>${t('Records')}</legend>
            ${this.resIds.length ? html`<label><input type="radio" name="scope" .checked=${this.scope === 'selected'} @change=${() => { this.scope = 'selected'; }}>${t('The {count} selected records', { count: this.resIds.length })}</label>` : nothing}
            <label><input type="radio" name="scope" .checked=${this.scope === 'all'} @change=${() => { this.scope = 'all'; }}>${t('All {count} records matching the search', { count: this.total })}</label>
          </fieldset>
        </div>
        <section aria-label=${t('Available fields')}>
          <h3>${t('Available fields')}</h3>
          <input type="search" aria-label=${t('Search fields')} placeholder=${t('Search fields')} .value=${this.query} @input=${(e: InputEvent) => { this.query = (e.target as HTMLInputElement).value; }}>
          <ul role="list">${rows}</ul>
        </section>
        <section aria-label=${t('Fields to export')}>
          <h3>${t('Fields to export')}</h3>
          <ul role="list" class="chosen">${this.chosen.map((c, i) => html`<li data-field=${c.id}>
            <span class="name">${c.string}</span>
            <button class="icon" aria-label=${`${t('Move up')}: ${c.string}`} ?disabled=${i === 0} @click=${() => this.move(i, -1)}>↑</button>
            <button class="icon" aria-label=${`${t('Move down')}: ${c.string}`} ?disabled=${i === this.chosen.length - 1} @click=${() => this.move(i, 1)}>↓</button>
            <button class="icon" aria-label=${`${t('Remove')}: ${c.string}`} @click=${() => { this.chosen = this.chosen.filter((x) => x.id !== c.id); }}>✕</button></li>`)}</ul>
        </section>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      </div>
      <footer>
        <button class="primary" ?disabled=${this.busy} @click=${() => this.export()}>${this.busy ? t('Exporting…') : t('Export')}</button>
        <button @click=${() => this.close()}>${t('Close')}</button>
      </footer>
    </dialog>`;
  }

  private availableRow(field: ExportField, sub: boolean) {
    const chosen = this.chosen.some((c) => c.id === field.id);
    return html`<li class=${sub ? 'sub' : ''} data-field=${field.id}>
      <button class="caret" aria-label=${`${t('Show sub-fields')}: ${field.string}`} aria-expanded=${this.open.has(field.id)} ?disabled=${!field.children} @click=${() => this.toggle(field)}>${this.open.has(field.id) ? '▾' : '▸'}</button>
      <span class="name" title=${field.id}>${sub ? field.string.split('/').pop() : field.string}${field.required ? html`<span class="required"> *</span>` : nothing}</span>
      <button class="icon" aria-label=${`${t('Add')}: ${field.string}`} ?disabled=${chosen} @click=${() => this.add(field)}>+</button></li>`;
  }
}

customElements.define('erp-export-dialog', ExportDialog);
