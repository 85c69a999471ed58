// boolean: a checkbox.

import { css, html } from 'lit';
import { FieldWidget } from './base.ts';

export class BooleanField extends FieldWidget {
  static override styles = [FieldWidget.styles, css`input { width: 16px; height: 16px; margin: 4px 0; accent-color: #71639e; }`];

  override render() {
    return html`<input type="checkbox" .checked=${Boolean(this.value)} ?disabled=${this.readonly} aria-label=${this.label || this.name}
      @change=${(e: Event) => this.commit((e.target as HTMLInputElement).checked)}>`;
  }
}

customElements.define('erp-field-boolean', BooleanField);
