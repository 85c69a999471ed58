// An input with a dropdown of a model's records (name_search as you type), for many2one and
// many2many_tags: up/down to move, Enter to pick, Escape to close; the last entry creates a
// record of that name (create({ name }) on the comodel) and picks it.

import { LitElement, css, html } from 'lit';
import { callKw } from '../rpc.ts';
import { addTranslations, t } from '../i18n.ts';

addTranslations('fa', { 'Create and edit...': 'ایجاد و ویرایش...', 'Search More...': 'جستجوی بیشتر...', 'No records': 'رکوردی نیست' });

export interface Picked { id: number; name: string }

export class Autocomplete extends LitElement {
  static override properties = {
    model: {}, domain: { attribute: false }, context: { attribute: false }, exclude: { attribute: false },
    text: {}, label: {}, placeholder: {}, invalid: { type: Boolean },
    open: { state: true }, items: { state: true }, active: { state: true },
  };
  declare model: string;
  declare domain: unknown[];
  declare context: Record<string, unknown>;
  /** Ids not to propose (tags already there). */
  declare exclude: number[];
  /** The text shown when not searching (the current record's name). */
  declare text: string;
  declare label: string;
  declare placeholder: string;
  declare invalid: boolean;
  declare private open: boolean;
  declare private items: Picked[];
  declare private active: number;
  private query = '';
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  static override styles = css`
    :host { display: block; position: relative; }
    input { box-sizing: border-box; width: 100%; font: inherit; color: inherit; background: transparent; border: 0;
      border-bottom: 1px solid #d1d5db; padding: 2px 0; outline: none; }
    input:hover { border-bottom-color: #9ca3af; }
    input:focus { border-bottom-color: #71639e; }
    :host([invalid]) input { border-bottom-color: #dc2626; background: #fef2f2; }
    ul { position: absolute; z-index: 20; inset-inline-start: 0; top: 100%; min-width: 100%; max-height: 280px; overflow: auto;
      margin: 2px 0 0; padding: 4px 0; list-style: none; background: white; border: 1px solid #e5e7eb; border-radius: 4px;
      box-shadow: 0 6px 16px rgba(0,0,0,.12); }
    li { padding: 5px 12px; cursor: pointer; white-space: nowrap; }
    li[aria-selected='true'] { background: #ede9fe; }
    li.create { color: #71639e; border-top: 1px solid #f3f4f6; }
    li.empty { color: #9ca3af; cursor: default; }
  `;

  constructor() {
    super();
    this.model = '';
    this.domain = [];
    this.context = {};
    this.exclude = [];
    this.text = '';
    this.label = '';
    this.placeholder = '';
    this.invalid = false;
    this.open = false;
    this.items = [];
    this.active = 0;
  }

  private get entries(): Array<Picked | 'create'> {
    return [...this.items, ...(this.query.trim() ? ['create' as const] : [])];
  }

  override render() {
    const entries = this.entries;
    return html`<input type="text" role="combobox" aria-autocomplete="list" aria-expanded=${String(this.open)} aria-label=${this.label}
      aria-invalid=${String(this.invalid)} placeholder=${this.placeholder} .value=${this.open ? this.query : this.text}
      @input=${this.onInput} @focus=${() => { if (!this.open) this.query = this.text; }} @click=${() => { if (!this.open) void this.search(this.text === this.query ? '' : this.query); }}
      @keydown=${this.onKey} @blur=${() => setTimeout(() => this.close(), 150)}>
      ${this.open ? html`<ul role="listbox">
        ${entries.length ? '' : html`<li class="empty">${t('No records')}</li>`}
        ${entries.map((item, i) => html`<li role="option" aria-selected=${String(i === this.active)}
          class=${item === 'create' ? 'create' : ''} @mousedown=${(e: Event) => { e.preventDefault(); void this.choose(item); }}
          @mouseenter=${() => { this.active = i; }}>${item === 'create' ? t('Create and edit...') : item.name}</li>`)}
      </ul>` : ''}`;
  }

  private onInput = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.dispatchEvent(new CustomEvent('typing', { bubbles: true, composed: true }));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(this.query), 150);
  };

  async search(query: string): Promise<void> {
    const seq = ++this.seq;
    const domain = this.exclude.length ? [...this.domain, ['id', 'not in', this.exclude]] : this.domain;
    const found = await callKw<Array<[number, string]>>(this.model, 'name_search', [], { name: query, args: domain, operator: 'ilike', limit: 8, context: this.context });
    if (seq !== this.seq) return;
    this.items = found.map(([id, name]) => ({ id, name }));
    this.active = 0;
    this.open = true;
  }

  private onKey = (event: KeyboardEvent): void => {
    const entries = this.entries;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!this.open) { void this.search(this.query); return; }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + entries.length) % Math.max(entries.length, 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (this.open && entries[this.active]) void this.choose(entries[this.active]);
    } else if (event.key === 'Escape' && this.open) {
      event.preventDefault();
      event.stopPropagation();
      this.close();
    } else if (event.key === 'Tab' && this.open && this.items[this.active] && this.query.trim()) {
      void this.choose(this.items[this.active]);
    }
  };

  private async choose(item: Picked | 'create'): Promise<void> {
    clearTimeout(this.timer);
    this.seq++;
    let picked: Picked;
    if (item === 'create') {
      const name = this.query.trim();
      const id = await callKw<number>(this.model, 'create', [{ name }], { context: this.context });
      picked = { id, name };
    } else picked = item;
    this.open = false;
    this.query = '';
    this.dispatchEvent(new CustomEvent<Picked>('pick', { detail: picked, bubbles: false }));
  }

  /** Closes the dropdown; text typed but not picked is dropped (an emptied input clears). */
  private close(): void {
    if (!this.open && this.query === this.text) return;
    const cleared = this.open && this.query === '' && this.text !== '';
    this.open = false;
    this.seq++;
    if (cleared) this.dispatchEvent(new CustomEvent('clear'));
    this.query = this.text;
    this.requestUpdate();
  }
}

customElements.define('erp-autocomplete', Autocomplete);
