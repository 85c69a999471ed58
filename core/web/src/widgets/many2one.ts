// many2one: an autocomplete on the comodel; the value is [id, name] or false.

import { css, html } from 'lit';
import { FieldWidget } from './base.ts';
import type { Picked } from './autocomplete.ts';
import './autocomplete.ts';

export class Many2oneField extends FieldWidget {
  static override styles = [FieldWidget.styles, css`.ro { color: #71639e; }`];

  override render() {
    const name = Array.isArray(this.value) ? String(this.value[1]) : '';
    if (this.readonly) return html`<span class="ro">${name}</span>`;
    const domain = parseDomain(this.node?.getAttribute('domain'));
    return html`<erp-autocomplete .model=${this.field.relation ?? ''} .domain=${domain} .context=${this.context}
      .text=${name} .label=${this.label || this.name} .placeholder=${this.placeholder} ?invalid=${this.invalid}
      @typing=${() => this.typing()} @clear=${() => this.commit(false)}
      @pick=${(e: CustomEvent<Picked>) => this.commit([e.detail.id, e.detail.name])}></erp-autocomplete>`;
  }
}

/** A static domain written in the arch (Python literal syntax); anything else is ignored. */
export function parseDomain(text: string | null | undefined): unknown[] {
  if (!text) return [];
  try {
    const json = text.replace(/\(/g, '[').replace(/\)/g, ']').replace(/'/g, '"')
      .replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false').replace(/\bNone\b/g, 'null');
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

customElements.define('erp-field-many2one', Many2oneField);
