// priority: stars over a selection field ('0' none, '1' one star, ...); a click on the highest
// lit star clears it.

import { css, html } from 'lit';
import { FieldWidget } from './base.ts';

export class PriorityField extends FieldWidget {
  static override styles = [FieldWidget.styles, css`
    .stars { display: inline-flex; gap: 2px; }
    button { background: none; border: 0; padding: 0 1px; font-size: 18px; line-height: 1; cursor: pointer; color: #d1d5db; }
    button.on { color: #f3b700; }
    button:disabled { cursor: default; }
    button:not(:disabled):hover { transform: scale(1.15); }
  `];

  override render() {
    const choices = (this.field.selection ?? []).slice(1);
    const index = (this.field.selection ?? []).findIndex(([key]) => key === this.value);
    return html`<span class="stars" role="radiogroup" aria-label=${this.label || this.name}>${choices.map(([key, label], i) => html`
      <button type="button" role="radio" aria-checked=${String(i + 1 === index)} title=${label} aria-label=${label}
        class=${i + 1 <= index ? 'on' : ''} ?disabled=${this.readonly}
        @click=${() => this.commit(i + 1 === index ? (this.field.selection?.[0]?.[0] ?? false) : key)}>★</button>`)}</span>`;
  }
}

customElements.define('erp-field-priority', PriorityField);
