// text: a multi-line textarea that grows with its content.

import { css, html } from 'lit';
import { FieldWidget } from './base.ts';

export class TextField extends FieldWidget {
  static override styles = [FieldWidget.styles, css`textarea { resize: vertical; min-height: 3.2em; }`];

  override render() {
    const value = this.value === false || this.value == null ? '' : String(this.value);
    if (this.readonly) return html`<span class="ro">${value}</span>`;
    return html`<textarea rows="3" .value=${value} placeholder=${this.placeholder} aria-label=${this.label || this.name}
      aria-invalid=${String(this.invalid)} @input=${() => this.typing()}
      @change=${(e: Event) => this.commit((e.target as HTMLTextAreaElement).value || false)}></textarea>`;
  }
}

customElements.define('erp-field-text', TextField);
