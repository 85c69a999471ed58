// binary: a file, as Odoo's binary field widget. "Upload your file" picks one; its content is
// committed in base64 (what binary fields take), and its name goes to the field the node's
// `filename` attribute names (`<field name="file" filename="file_name"/>`), which the form must
// hold (invisible, as in Odoo). A file already there shows its name, with a button to clear it.

import { css, html, nothing } from 'lit';
import { addTranslations, t } from '../i18n.ts';
import { FieldWidget, type FieldChange } from './base.ts';

addTranslations('fa', { 'Upload your file': 'بارگذاری پرونده', 'Clear': 'پاک کردن', 'File': 'پرونده', 'Reading the file…': 'در حال خواندن پرونده…' });

/** The file's content in base64, without the data URL's prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file cannot be read'));
    reader.readAsDataURL(file);
  });
}

export class BinaryField extends FieldWidget {
  static override properties = { ...FieldWidget.properties, reading: { state: true } };
  declare private reading: boolean;

  static override styles = [FieldWidget.styles, css`
    .o_binary { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; min-height: 1.6em; }
    .name { overflow-wrap: anywhere; }
    label.upload { display: inline-flex; align-items: center; gap: 6px; border: 1px solid #d1d5db; border-radius: 4px; padding: 3px 10px;
      cursor: pointer; background: white; color: #374151; }
    label.upload:hover { background: #f3f4f6; }
    label.upload:focus-within { outline: 2px solid #71639e; outline-offset: 1px; }
    input[type=file] { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; border: 0; padding: 0; }
    button.clear { background: none; border: 0; cursor: pointer; color: #6b7280; font-size: 16px; padding: 0 4px; }
    button.clear:hover { color: #b91c1c; }
  `];

  constructor() {
    super();
    this.reading = false;
  }

  private get filenameField(): string | null {
    return this.node?.getAttribute('filename') ?? null;
  }

  private get shownName(): string {
    const field = this.filenameField;
    const name = field ? this.record[field] : null;
    return typeof name === 'string' && name ? name : this.value ? t('File') : '';
  }

  private setFilename(name: string | false): void {
    const field = this.filenameField;
    if (!field) return;
    this.dispatchEvent(new CustomEvent<FieldChange>('field-change', { detail: { name: field, value: name }, bubbles: true, composed: true }));
  }

  private async pick(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.reading = true;
    try {
      const content = await readBase64(file);
      this.setFilename(file.name);
      this.commit(content);
    } catch (error) {
      this.reportInvalid((error as Error).message);
    } finally {
      this.reading = false;
      input.value = '';
    }
  }

  private clear(): void {
    this.setFilename(false);
    this.commit(false);
  }

  override render() {
    const name = this.shownName;
    if (this.readonly) return html`<span class="ro">${name}</span>`;
    return html`<div class="o_binary">
      ${name ? html`<span class="name">${name}</span>
        <button class="clear" type="button" title=${t('Clear')} aria-label=${t('Clear')} @click=${() => this.clear()}>✕</button>` : nothing}
      ${this.reading ? html`<span>${t('Reading the file…')}</span>` : html`<label class="upload">${t('Upload your file')}
        <input type="file" aria-label=${this.label || this.name} @change=${(e: Event) => void this.pick(e)}></label>`}
    </div>`;
  }
}

customElements.define('erp-field-binary', BinaryField);
