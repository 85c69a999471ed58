// integer, float, monetary: shown formatted in the user's language, parsed back on change; text
// that is not a number stays in the input and is reported ('field-invalid') instead of saved.

import { css, html } from 'lit';
import { FieldWidget } from './base.ts';
import { formatValue } from '../format.ts';
import { t } from '../i18n.ts';
import { parseNumber } from './parse.ts';

export class NumberField extends FieldWidget {
  static override properties = { ...FieldWidget.properties, error: { state: true } };
  declare private error: string;
  static override styles = [FieldWidget.styles, css`
    input { text-align: start; font-variant-numeric: tabular-nums; }
    .wrap { display: flex; align-items: baseline; gap: 4px; }
    .error { color: #dc2626; font-size: 12px; }
  `];

  constructor() {
    super();
    this.error = '';
  }

  private get shown(): string {
    if (this.field.type === 'integer') return formatValue(this.value === false ? 0 : this.value, this.field);
    return formatValue(this.value === false ? 0 : this.value, { ...this.field, type: 'float' });
  }

  override render() {
    if (this.readonly) return html`<span class="ro">${this.shown}</span>`;
    return html`<div class="wrap"><input type="text" inputmode="decimal" .value=${this.shown} aria-label=${this.label || this.name}
      aria-invalid=${String(this.invalid || Boolean(this.error))} @input=${() => this.typing()} @keydown=${this.onEnter}
      @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
      @change=${this.changed}></div>`;
  }

  private changed = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const value = parseNumber(input.value, this.field.type === 'integer');
    if (value === null) {
      this.error = t('Not a valid number');
      this.reportInvalid(this.error);
      return;
    }
    this.error = '';
    if (value === this.value) input.value = this.shown;
    this.commit(value);
  };
}

customElements.define('erp-field-number', NumberField);
