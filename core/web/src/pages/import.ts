// The import page (client action 'import', opened from a list's "Import records"): Odoo 17's
// "Import a File". The user uploads an .xlsx or .csv file, checks the field proposed for each
// column (technical names and labels, English or Persian, are recognised), may change how the
// file is read (headers, separator, encoding, sheet), then runs Test (a dry run) or Import.
// Errors come back per row and column; a progress bar follows the batches as the server streams
// them (server-sent events of /web/import/execute). Nothing is imported when a row fails,
// unless the user chooses to skip bad rows.

import { LitElement, css, html, nothing } from 'lit';
import { rpc, RpcError } from '../rpc.ts';
import { addTranslations, t } from '../i18n.ts';
import { registerClientAction } from '../views/registry.ts';
import { IMPORT_MESSAGES, type ImportCode } from '../../../records/import/messages.ts';

addTranslations('fa', {
  'Import a File': 'وارد کردن پرونده', 'Upload File': 'بارگذاری پرونده', 'Load another file': 'بارگذاری پرونده دیگر', 'Test': 'آزمایش', 'Import': 'وارد کردن',
  'Cancel': 'انصراف', 'Download template': 'دریافت قالب', 'Upload an Excel (.xlsx) or CSV file to import.': 'یک پرونده اکسل (.xlsx) یا CSV برای وارد کردن بارگذاری کنید.',
  'Its first row names the columns; they are matched to the fields by their name or label, in English or Persian. The template has a column for every field you can import.':
    'سطر اول آن نام ستون‌ها است؛ ستون‌ها با نام یا برچسب فیلدها، به انگلیسی یا فارسی، تطبیق داده می‌شوند. قالب برای هر فیلدی که می‌توانید وارد کنید یک ستون دارد.',
  'File': 'پرونده', 'Options': 'گزینه‌ها', 'The first row holds the column names': 'سطر اول نام ستون‌ها را دارد', 'Separator': 'جداکننده',
  'Comma': 'ویرگول', 'Semicolon': 'نقطه‌ویرگول', 'Tab': 'تب', 'Pipe': 'خط عمودی', 'Encoding': 'کدگذاری', 'Sheet': 'برگه',
  'Decimal separator': 'جداکننده اعشار', 'Skip rows with errors (import the others)': 'رد کردن سطرهای دارای خطا (وارد کردن بقیه)',
  'File column': 'ستون پرونده', 'Field': 'فیلد', 'Sample': 'نمونه', "Don't import": 'وارد نشود', 'Rows: {count}': 'سطرها: {count}',
  'Row {row}': 'سطر {row}', 'Everything seems valid: {count} records can be imported.': 'همه‌چیز درست به نظر می‌رسد: {count} رکورد قابل وارد کردن است.',
  'Rows with errors: {count}. Nothing was imported.': 'سطرهای دارای خطا: {count}. هیچ چیز وارد نشد.',
  'Rows with errors: {count}. They would not be imported.': 'سطرهای دارای خطا: {count}. این سطرها وارد نمی‌شوند.',
  'Records created: {created}, updated: {updated}.': 'رکوردهای ایجادشده: {created}، به‌روزشده: {updated}.',
  'Rows with errors skipped: {count}.': 'سطرهای دارای خطای ردشده: {count}.', 'Back to the list': 'بازگشت به فهرست',
  'Testing…': 'در حال آزمایش…', 'Importing…': 'در حال وارد کردن…', '{done} of {total} rows': '{done} از {total} سطر', 'Progress': 'پیشرفت',
  'Column': 'ستون', 'Warning': 'هشدار',
  // The server's messages (core/records/import/messages.ts).
  '"{value}" is not a number': '«{value}» عدد نیست',
  '"{value}" is not a whole number': '«{value}» عدد صحیح نیست',
  '"{value}" is not a yes/no value (use 1/0, true/false or yes/no)': '«{value}» مقدار بله/خیر نیست (از ۱/۰، true/false یا بله/خیر استفاده کنید)',
  '"{value}" is not one of {choices}': '«{value}» یکی از این‌ها نیست: {choices}',
  '"{value}" is not a date (use YYYY-MM-DD, or DD/MM/YYYY)': '«{value}» تاریخ نیست (به شکل YYYY-MM-DD یا DD/MM/YYYY بنویسید)',
  '"{value}" is not a date and time (use YYYY-MM-DD HH:MM:SS)': '«{value}» تاریخ و زمان نیست (به شکل YYYY-MM-DD HH:MM:SS بنویسید)',
  'Fields of type {type} cannot be imported': 'فیلدهای نوع {type} قابل وارد کردن نیستند',
  '"{model}" records have no name to look up: use the External ID or Database ID column': 'رکوردهای «{model}» نامی برای جستجو ندارند: از ستون شناسه خارجی یا شناسه پایگاه داده استفاده کنید',
  'No {model} record is named "{value}"': 'هیچ رکورد {model} با نام «{value}» وجود ندارد',
  'No {model} record has the external id "{value}"': 'هیچ رکورد {model} شناسه خارجی «{value}» را ندارد',
  'No {model} record has the database id {value}': 'هیچ رکورد {model} شناسه پایگاه داده {value} را ندارد',
  '"{value}" is not a database id': '«{value}» شناسه پایگاه داده نیست',
  'The external id "{value}" belongs to a record of another model ({model})': 'شناسه خارجی «{value}» به رکوردی از مدل دیگری ({model}) تعلق دارد',
  'The external id "{value}" appears on several rows': 'شناسه خارجی «{value}» در چند سطر آمده است',
  'External ids cannot contain spaces ("{value}")': 'شناسه‌های خارجی نمی‌توانند فاصله داشته باشند («{value}»)',
  '{field} is required': '{field} الزامی است',
  '{count} records are named "{value}": the first one is used': '{count} رکورد با نام «{value}» وجود دارد: اولی به کار می‌رود',
  'Stopped after {count} errors: fix these rows and test again': 'پس از {count} خطا متوقف شد: این سطرها را درست کنید و دوباره آزمایش کنید', 'Error': 'خطا', 'Messages': 'پیام‌ها', 'Field mapping': 'تطبیق فیلدها',
});

interface ImportField { path: string; label: string; type: string; required: boolean; by?: string }

interface Preview {
  headers: string[];
  matches: Array<string | null>;
  preview: string[][];
  row_count: number;
  type: 'csv' | 'xlsx';
  separator?: string;
  encoding?: string;
  sheets?: string[];
  sheet?: string;
  fields: ImportField[];
}

interface Message {
  type: 'error' | 'warning'; row: number | null; column: number | null; header: string | null; field: string | null;
  message: string; code: ImportCode | null; values: Record<string, string | number>;
}

interface Result { ok: boolean; dryRun: boolean; total: number; created: number; updated: number; skipped: number; messages: Message[]; stopped: boolean }

interface ReadOptions { has_headers: boolean; separator?: string; encoding?: string; sheet?: string }

const SEPARATORS: Array<[string, string]> = [[',', 'Comma'], [';', 'Semicolon'], ['\t', 'Tab'], ['|', 'Pipe']];
const ENCODINGS = ['utf-8', 'windows-1256', 'windows-1252', 'utf-16le'];

/** The file's bytes as base64 (the routes take the file in their JSON body). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Runs /web/import/execute and follows its server-sent events until the result. */
async function execute(params: Record<string, unknown>, onProgress: (done: number, total: number) => void): Promise<Result> {
  const response = await fetch('/web/import/execute', {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params, id: Date.now() }),
  });
  const fail = (data: { name?: string; message?: string } = {}) => new RpcError(data.name ?? 'Error', data.message ?? `HTTP ${response.status}`, data);
  if (!(response.headers.get('Content-Type') ?? '').startsWith('text/event-stream') || !response.body) {
    const payload = (await response.json().catch(() => ({}))) as { error?: { data?: { name?: string; message?: string } } };
    throw fail(payload.error?.data);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value ?? new Uint8Array(), { stream: !done });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null');
      if (event === 'progress') onProgress(data.done, data.total);
      else if (event === 'result') return data as Result;
      else if (event === 'error') throw fail(data);
    }
    if (done) throw fail({ message: 'The server closed the connection before the import ended' });
  }
}

export class ImportPage extends LitElement {
  static override properties = {
    action: { attribute: false }, params: { attribute: false },
    file: { state: true }, preview: { state: true }, columns: { state: true }, options: { state: true }, skipErrors: { state: true },
    decimal: { state: true }, result: { state: true }, progress: { state: true }, busy: { state: true }, error: { state: true },
  };
  declare action: { name?: string };
  declare params: { model?: string; context?: Record<string, unknown> };
  declare private file: File | null;
  declare private preview: Preview | null;
  declare private columns: Array<string | null>;
  declare private options: ReadOptions;
  declare private skipErrors: boolean;
  declare private decimal: '.' | ',';
  declare private result: Result | null;
  declare private progress: { done: number; total: number } | null;
  declare private busy: '' | 'test' | 'import' | 'load';
  declare private error: string;
  private data = '';

  static override styles = css`
    :host { display: block; padding: 16px; color: #1f2937; }
    .tools { display: flex; gap: 8px; align-items: center; margin-bottom: 16px; flex-wrap: wrap; }
    .tools .spacer { flex: 1; }
    button, .upload { border: 1px solid #d1d5db; background: white; border-radius: 4px; padding: 6px 12px; cursor: pointer; font: inherit; color: inherit; }
    button.primary, .upload.primary { background: #71639e; color: white; border-color: #71639e; }
    button:disabled { opacity: 0.6; cursor: default; }
    .upload input { position: absolute; width: 1px; height: 1px; opacity: 0; }
    .upload:focus-within { outline: 2px solid #a78bfa; }
    a { color: #71639e; }
    .intro { background: white; border: 1px dashed #c4b5fd; border-radius: 8px; padding: 32px; text-align: center; max-width: 640px; margin: 24px auto; }
    .intro p { color: #4b5563; }
    .layout { display: grid; grid-template-columns: 260px 1fr; gap: 16px; align-items: start; }
    aside { background: white; border: 1px solid #e5e7eb; border-radius: 6px; padding: 12px; display: grid; gap: 12px; }
    aside h2 { font-size: 14px; margin: 0; color: #4b5563; }
    aside label { display: grid; gap: 4px; font-size: 13px; }
    aside label.check { display: flex; gap: 6px; align-items: center; }
    aside .file { word-break: break-all; font-weight: 600; }
    aside .count { color: #6b7280; font-size: 13px; }
    select { font: inherit; padding: 4px 6px; border: 1px solid #d1d5db; border-radius: 4px; background: white; max-width: 100%; }
    main { min-width: 0; display: grid; gap: 12px; }
    table { width: 100%; border-collapse: collapse; background: white; border: 1px solid #e5e7eb; }
    th, td { text-align: start; padding: 6px 10px; border-bottom: 1px solid #e5e7eb; vertical-align: middle; }
    th { background: #f3f4f6; font-weight: 600; }
    td.sample { color: #6b7280; max-width: 320px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    tr.unmapped td:first-child { color: #9ca3af; }
    tr.has-error td:first-child { box-shadow: inset 3px 0 0 #dc2626; }
    .summary { padding: 10px 12px; border-radius: 6px; }
    .summary.ok { background: #ecfdf5; color: #065f46; }
    .summary.bad { background: #fef2f2; color: #991b1b; }
    ul.messages { margin: 0; padding: 0; list-style: none; background: white; border: 1px solid #e5e7eb; border-radius: 6px; max-height: 260px; overflow: auto; }
    ul.messages li { padding: 6px 12px; border-bottom: 1px solid #f3f4f6; display: flex; gap: 8px; }
    ul.messages li.error .where { color: #b91c1c; }
    ul.messages li.warning .where { color: #b45309; }
    .where { font-weight: 600; white-space: nowrap; }
    .progress { display: grid; gap: 4px; }
    progress { width: 100%; height: 14px; accent-color: #71639e; }
    .error { color: #b91c1c; }
  `;

  constructor() {
    super();
    this.action = {};
    this.params = {};
    this.file = null;
    this.preview = null;
    this.columns = [];
    this.options = { has_headers: true };
    this.skipErrors = false;
    this.decimal = '.';
    this.result = null;
    this.progress = null;
    this.busy = '';
    this.error = '';
  }

  /** The file was imported: importing it again would create the records twice. */
  private get saved(): boolean {
    return Boolean(this.result?.ok && !this.result.dryRun);
  }

  private get model(): string {
    return this.params?.model ?? '';
  }

  private async choose(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.file = file;
    this.options = { has_headers: true };
    this.data = await readBase64(file);
    await this.load();
  }

  /** Reads the file again on the server (after a change of how to read it). */
  private async load(): Promise<void> {
    if (!this.file) return;
    this.busy = 'load';
    this.result = null;
    this.error = '';
    try {
      const preview = await rpc<Preview>('/web/import/preview', { model: this.model, file: this.data, file_name: this.file.name, options: this.options, context: this.params.context });
      this.preview = preview;
      this.columns = [...preview.matches];
      this.options = { ...this.options, separator: preview.separator, encoding: preview.encoding, sheet: preview.sheet };
    } catch (error) {
      this.preview = null;
      this.error = (error as Error).message;
    }
    this.busy = '';
  }

  private setOption(name: keyof ReadOptions, value: string | boolean): void {
    this.options = { ...this.options, [name]: value };
    void this.load();
  }

  private async run(dryRun: boolean): Promise<void> {
    if (!this.preview || !this.file) return;
    this.busy = dryRun ? 'test' : 'import';
    this.error = '';
    this.result = null;
    this.progress = { done: 0, total: this.preview.row_count };
    try {
      const result = await execute({
        model: this.model, file: this.data, file_name: this.file.name, columns: this.columns, context: this.params.context,
        options: { ...this.options, skip_errors: this.skipErrors, dry_run: dryRun, decimal_separator: this.decimal },
      }, (done, total) => { this.progress = { done, total }; });
      this.result = result;
      // As in Odoo, a clean import goes back to the list, which shows the new records.
      if (!dryRun && result.ok && !result.messages.length) history.back();
    } catch (error) {
      this.error = (error as Error).message;
    }
    this.busy = '';
    this.progress = null;
  }

  override render() {
    const running = this.busy === 'test' || this.busy === 'import';
    return html`
      <div class="tools" role="toolbar" aria-label=${t('Import a File')}>
        <label class="upload ${this.preview ? '' : 'primary'}">${this.preview ? t('Load another file') : t('Upload File')}
          <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label=${t('Upload File')} ?disabled=${running} @change=${this.choose}></label>
        ${this.preview ? html`
          <button ?disabled=${Boolean(this.busy) || this.saved} @click=${() => this.run(true)}>${t('Test')}</button>
          <button class="primary" ?disabled=${Boolean(this.busy) || this.saved} @click=${() => this.run(false)}>${t('Import')}</button>` : nothing}
        <button ?disabled=${running} @click=${() => history.back()}>${t('Cancel')}</button>
        <span class="spacer"></span>
        <a href=${`/web/import/template?model=${encodeURIComponent(this.model)}`} download>${t('Download template')}</a>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.preview ? this.renderPreview(this.preview) : html`<div class="intro">
        <p><strong>${t('Upload an Excel (.xlsx) or CSV file to import.')}</strong></p>
        <p>${t('Its first row names the columns; they are matched to the fields by their name or label, in English or Persian. The template has a column for every field you can import.')}</p>
      </div>`}`;
  }

  private renderPreview(preview: Preview) {
    return html`<div class="layout">
      ${this.renderSidebar(preview)}
      <main>
        ${this.progress ? html`<div class="progress" role="status">
          <span>${this.busy === 'test' ? t('Testing…') : t('Importing…')} ${t('{done} of {total} rows', { done: this.progress.done, total: this.progress.total })}</span>
          <progress aria-label=${t('Progress')} max=${Math.max(1, this.progress.total)} .value=${this.progress.done}></progress></div>` : nothing}
        ${this.result ? this.renderResult(this.result) : nothing}
        ${this.renderMapping(preview)}
      </main>
    </div>`;
  }

  private renderSidebar(preview: Preview) {
    const disabled = Boolean(this.busy);
    return html`<aside aria-label=${t('Options')}>
      <div><h2>${t('File')}</h2><div class="file">${this.file?.name}</div><div class="count">${t('Rows: {count}', { count: preview.row_count })}</div></div>
      <h2>${t('Options')}</h2>
      <label class="check"><input type="checkbox" .checked=${this.options.has_headers} ?disabled=${disabled} @change=${(e: Event) => this.setOption('has_headers', (e.target as HTMLInputElement).checked)}>${t('The first row holds the column names')}</label>
      ${preview.type === 'csv' ? html`
        <label>${t('Separator')}<select ?disabled=${disabled} @change=${(e: Event) => this.setOption('separator', (e.target as HTMLSelectElement).value)}>
          ${SEPARATORS.map(([sep, name]) => html`<option value=${sep} ?selected=${preview.separator === sep}>${t(name)}</option>`)}</select></label>
        <label>${t('Encoding')}<select ?disabled=${disabled} @change=${(e: Event) => this.setOption('encoding', (e.target as HTMLSelectElement).value)}>
          ${ENCODINGS.map((enc) => html`<option value=${enc} ?selected=${preview.encoding === enc}>${enc}</option>`)}</select></label>` : nothing}
      ${preview.sheets && preview.sheets.length > 1 ? html`<label>${t('Sheet')}<select ?disabled=${disabled} @change=${(e: Event) => this.setOption('sheet', (e.target as HTMLSelectElement).value)}>
        ${preview.sheets.map((s) => html`<option ?selected=${preview.sheet === s}>${s}</option>`)}</select></label>` : nothing}
      <label>${t('Decimal separator')}<select ?disabled=${disabled} @change=${(e: Event) => { this.decimal = (e.target as HTMLSelectElement).value as '.' | ','; }}>
        <option value="." ?selected=${this.decimal === '.'}>. (1,234.5)</option><option value="," ?selected=${this.decimal === ','}>, (1.234,5)</option></select></label>
      <label class="check"><input type="checkbox" .checked=${this.skipErrors} ?disabled=${disabled} @change=${(e: Event) => { this.skipErrors = (e.target as HTMLInputElement).checked; }}>${t('Skip rows with errors (import the others)')}</label>
    </aside>`;
  }

  private renderResult(result: Result) {
    const errorRows = new Set(result.messages.filter((m) => m.type === 'error' && m.row !== null).map((m) => m.row)).size;
    let summary: string;
    if (result.ok && result.dryRun) summary = t('Everything seems valid: {count} records can be imported.', { count: result.created + result.updated });
    else if (result.ok) summary = t('Records created: {created}, updated: {updated}.', { created: result.created, updated: result.updated });
    else summary = result.dryRun ? t('Rows with errors: {count}. They would not be imported.', { count: errorRows || result.skipped })
      : t('Rows with errors: {count}. Nothing was imported.', { count: errorRows || result.skipped });
    if (result.ok && result.skipped) summary += ` ${t('Rows with errors skipped: {count}.', { count: result.skipped })}`;
    const at = (m: Message) => [m.row !== null ? t('Row {row}', { row: m.row }) : '', m.header ?? ''].filter(Boolean).join(' · ') || (m.type === 'error' ? t('Error') : t('Warning'));
    return html`
      <div class="summary ${result.ok ? 'ok' : 'bad'}" role="status">${summary}
        ${result.ok && !result.dryRun ? html` <button @click=${() => history.back()}>${t('Back to the list')}</button>` : nothing}</div>
      ${result.messages.length ? html`<ul class="messages" aria-label=${t('Messages')}>${result.messages.map((m) => html`<li class=${m.type} data-row=${m.row ?? ''} data-column=${m.column ?? ''}>
        <span class="where">${at(m)}</span><span>${m.code && IMPORT_MESSAGES[m.code] ? t(IMPORT_MESSAGES[m.code], m.values) : m.message}</span></li>`)}</ul>` : nothing}`;
  }

  private renderMapping(preview: Preview) {
    const failedColumns = new Set((this.result?.messages ?? []).filter((m) => m.type === 'error').map((m) => m.column));
    return html`<table aria-label=${t('Field mapping')}>
      <thead><tr><th>${t('File column')}</th><th>${t('Field')}</th><th>${t('Sample')}</th></tr></thead>
      <tbody>${preview.headers.map((header, i) => {
        const label = header || `${t('Column')} ${i + 1}`;
        return html`<tr class="${this.columns[i] ? '' : 'unmapped'} ${failedColumns.has(i) ? 'has-error' : ''}">
          <td>${label}</td>
          <td><select aria-label=${`${t('Field')}: ${label}`} ?disabled=${Boolean(this.busy)} @change=${(e: Event) => {
            const columns = [...this.columns];
            columns[i] = (e.target as HTMLSelectElement).value || null;
            this.columns = columns;
            this.result = null;
          }}>
            <option value="" ?selected=${!this.columns[i]}>${t("Don't import")}</option>
            ${preview.fields.map((f) => html`<option value=${f.path} ?selected=${this.columns[i] === f.path}>${f.label}${f.required ? ' *' : ''}</option>`)}
          </select></td>
          <td class="sample" title=${preview.preview.map((r) => r[i]).filter(Boolean).join(', ')}>${preview.preview.slice(0, 3).map((r) => r[i]).filter(Boolean).join(', ')}</td>
        </tr>`;
      })}</tbody>
    </table>`;
  }
}

customElements.define('erp-import-page', ImportPage);
registerClientAction('import', 'erp-import-page');
