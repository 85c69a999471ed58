// selection: a select of the field's choices (and an empty choice unless required).

import { html } from 'lit';
import { FieldWidget } from './base.ts';
import { formatValue } from '../format.ts';

export class SelectionField extends FieldWidget {
  override render() {
    if (this.readonly) return html`<span class="ro">${formatValue(this.value, this.field)}</span>`;
    const current = this.value === false || this.value == null ? '' : String(this.value);
    return html`<select aria-label=${this.label || this.name} aria-invalid=${String(this.invalid)}
      @change=${(e: Event) => this.commit((e.target as HTMLSelectElement).value || false)}>
      ${this.required && current ? '' : html`<option value="" ?selected=${!current}></option>`}
      ${(this.field.selection ?? []).map(([key, label]) => html`<option value=${key} ?selected=${key === current}>${label}</option>`)}
    </select>`;
  }
}

customElements.define('erp-field-selection', SelectionField);
