// statusbar: the comodel's records as steps of an arrow bar (Odoo's header status bar); a click
// on a step sets the field. The form saves right away, as Odoo does.

import { css, html } from 'lit';
import { FieldWidget } from './base.ts';
import { callKw } from '../rpc.ts';
import { parseDomain } from './many2one.ts';

export class StatusbarField extends FieldWidget {
  static override properties = { ...FieldWidget.properties, steps: { state: true } };
  declare private steps: Array<[unknown, string]>;
  private loadedFor = '';

  static override styles = [FieldWidget.styles, css`
    :host { display: flex; }
    .bar { display: flex; }
    button { border: 0; background: #eef0f3; color: #4b5563; font: inherit; font-size: 13px; line-height: 18px;
      padding: 5px 16px 5px 22px; margin-inline-start: -6px; cursor: pointer; white-space: nowrap;
      clip-path: polygon(0 0, calc(100% - 10px) 0, 100% 50%, calc(100% - 10px) 100%, 0 100%, 10px 50%); }
    button:first-child { margin-inline-start: 0; padding-inline-start: 14px; clip-path: polygon(0 0, calc(100% - 10px) 0, 100% 50%, calc(100% - 10px) 100%, 0 100%); border-start-start-radius: 4px; border-end-start-radius: 4px; }
    button:last-child { padding-inline-end: 14px; clip-path: polygon(0 0, 100% 0, 100% 100%, 0 100%, 10px 50%); border-start-end-radius: 4px; border-end-end-radius: 4px; }
    button:only-child { clip-path: none; }
    :host(:dir(rtl)) button { transform: scaleX(-1); }
    :host(:dir(rtl)) button > span { display: inline-block; transform: scaleX(-1); }
    button:hover:not(:disabled) { background: #e2e5ea; color: #111827; }
    button[aria-checked='true'] { background: #71639e; color: white; font-weight: 500; }
    button:disabled { cursor: default; }
  `];

  constructor() {
    super();
    this.steps = [];
  }

  override willUpdate(): void {
    const key = `${this.field.type}:${this.field.relation ?? ''}`;
    if (key !== this.loadedFor) {
      this.loadedFor = key;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    if (this.field.type === 'selection') {
      this.steps = this.field.selection ?? [];
      return;
    }
    if (!this.field.relation) return;
    const rows = await callKw<Array<{ id: number; display_name: string }>>(this.field.relation, 'search_read', [],
      { domain: parseDomain(this.node?.getAttribute('domain')), fields: ['display_name'], context: this.context });
    this.steps = rows.map((r) => [r.id, r.display_name]);
  }

  override render() {
    const current = Array.isArray(this.value) ? this.value[0] : this.value;
    return html`<div class="bar" role="radiogroup" aria-label=${this.label || this.name}>${this.steps.map(([key, name]) => html`
      <button type="button" role="radio" aria-checked=${String(key === current)} ?disabled=${this.readonly}
        @click=${() => { if (key !== current) this.commit(this.field.type === 'many2one' ? [key, name] : key); }}><span>${name}</span></button>`)}</div>`;
  }
}

customElements.define('erp-field-statusbar', StatusbarField);
