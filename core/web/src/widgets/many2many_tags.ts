// many2many_tags: chips with a remove ×, and an autocomplete to add one. The value is a list of
// [id, name] pairs; the form writes it as [[6, 0, ids]].

import { css, html } from 'lit';
import { FieldWidget } from './base.ts';
import type { Picked } from './autocomplete.ts';
import { parseDomain } from './many2one.ts';
import { t } from '../i18n.ts';
import './autocomplete.ts';

const COLORS = ['#e5e7eb', '#fde2e2', '#fde8d0', '#fef3c7', '#dbeafe', '#ede9fe', '#fce7f3', '#d1fae5', '#e0f2fe', '#f3e8ff'];

export class Many2manyTagsField extends FieldWidget {
  static override styles = [FieldWidget.styles, css`
    .tags { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; border-bottom: 1px solid #d1d5db; padding: 2px 0; }
    :host([readonly]) .tags { border-bottom-color: transparent; }
    .tag { display: inline-flex; align-items: center; gap: 4px; border-radius: 10px; padding: 1px 8px; font-size: 12px; line-height: 18px; background: #ede9fe; }
    .tag button { background: none; border: 0; padding: 0; cursor: pointer; font-size: 14px; line-height: 1; color: #6b7280; }
    .tag button:hover { color: #111827; }
    erp-autocomplete { flex: 1; min-width: 100px; }
    erp-autocomplete::part(input) { border: 0; }
  `];

  private get tags(): Array<[number, string]> {
    return Array.isArray(this.value) ? (this.value as Array<[number, string]>) : [];
  }

  override render() {
    const tags = this.tags;
    return html`<div class="tags" role="list" aria-label=${this.label || this.name}>
      ${tags.map(([id, name]) => html`<span class="tag" role="listitem" style="background:${COLORS[id % COLORS.length]}">${name}
        ${this.readonly ? '' : html`<button type="button" aria-label=${t('Remove {name}', { name })} title=${t('Remove')}
          @click=${() => this.commit(tags.filter(([other]) => other !== id))}>×</button>`}</span>`)}
      ${this.readonly ? '' : html`<erp-autocomplete .model=${this.field.relation ?? ''} .domain=${parseDomain(this.node?.getAttribute('domain'))}
        .context=${this.context} .exclude=${tags.map(([id]) => id)} .text=${''} .label=${this.label || this.name}
        .placeholder=${this.placeholder} @typing=${() => this.typing()}
        @pick=${(e: CustomEvent<Picked>) => this.commit([...tags, [e.detail.id, e.detail.name]])}></erp-autocomplete>`}
    </div>`;
  }
}

customElements.define('erp-field-many2many-tags', Many2manyTagsField);
