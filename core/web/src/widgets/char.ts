// char: a one-line input; the value is committed on change (blur or Enter).

import { html } from 'lit';
import { FieldWidget } from './base.ts';

export class CharField extends FieldWidget {
  override render() {
    const value = this.value === false || this.value == null ? '' : String(this.value);
    if (this.readonly) return html`<span class="ro">${value}</span>`;
    return html`<input type="text" .value=${value} placeholder=${this.placeholder} aria-label=${this.label || this.name}
      aria-invalid=${String(this.invalid)} aria-required=${String(this.required)}
      @input=${() => this.typing()} @keydown=${this.onEnter}
      @change=${(e: Event) => this.commit((e.target as HTMLInputElement).value || false)}>`;
  }
}

customElements.define('erp-field-char', CharField);
