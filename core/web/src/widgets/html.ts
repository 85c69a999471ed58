// html: a simple rich text area (contenteditable). The server sanitizes what is saved; here the
// stored HTML is shown as is, inside the widget's shadow root.

import { css, html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { FieldWidget } from './base.ts';

/** The editor's HTML without the comments lit marks its parts with (they would be saved too). */
const contentOf = (editor: Element): string => editor.innerHTML.replace(/<!--\?[^>]*-->/g, '');

export class HtmlField extends FieldWidget {
  static override styles = [FieldWidget.styles, css`
    .editable { min-height: 4em; border: 1px solid #e5e7eb; border-radius: 4px; padding: 6px 8px; }
    .editable:empty::before { content: attr(data-placeholder); color: #9ca3af; }
    .editable p { margin: 0 0 .5em; }
  `];

  private shown: unknown = undefined;

  override shouldUpdate(changed: Map<string, unknown>): boolean {
    // Do not re-render the text under the caret when the value comes back from the form.
    const editor = this.renderRoot?.querySelector?.('.editable');
    if (editor && changed.size === 1 && changed.has('value') && contentOf(editor) === (this.value || '')) return false;
    return true;
  }

  override render() {
    const value = this.value ? String(this.value) : '';
    this.shown = value;
    return html`<div class="editable" role="textbox" aria-multiline="true" aria-label=${this.label || this.name}
      data-placeholder=${this.placeholder} contenteditable=${this.readonly ? 'false' : 'true'}
      @input=${() => this.typing()}
      @blur=${(e: Event) => { const v = contentOf(e.target as HTMLElement); if (v !== this.shown) this.commit(v || false); }}
      >${unsafeHTML(value)}</div>`;
  }
}

customElements.define('erp-field-html', HtmlField);
