// What every field widget of the form view shares: the properties the form sets, the events it
// listens to ('field-change' commits a value, 'field-input' marks the form dirty while typing,
// 'field-invalid' reports text that could not be parsed), and the look of inputs.

import { LitElement, css, type CSSResultGroup } from 'lit';
import type { FieldInfo, Fields } from '../arch.ts';

export interface FieldChange { name: string; value: unknown }
export interface FieldInvalid { name: string; message: string }

export class FieldWidget extends LitElement {
  static override properties = {
    name: {}, value: { attribute: false }, field: { attribute: false }, readonly: { type: Boolean, reflect: true },
    required: { type: Boolean }, invalid: { type: Boolean, reflect: true }, record: { attribute: false },
    models: { attribute: false }, context: { attribute: false }, node: { attribute: false }, placeholder: {}, label: {},
  };
  declare name: string;
  declare value: unknown;
  declare field: FieldInfo;
  declare readonly: boolean;
  declare required: boolean;
  declare invalid: boolean;
  /** All the record's current values (for domains and sub-views). */
  declare record: Record<string, unknown>;
  declare models: Record<string, Fields>;
  declare context: Record<string, unknown>;
  /** The arch's `<field>` node. */
  declare node: Element | undefined;
  declare placeholder: string;
  /** The field's label, for the input's accessible name. */
  declare label: string;

  static override styles: CSSResultGroup = css`
    :host { display: block; min-width: 0; }
    input, select, textarea, .editable {
      box-sizing: border-box; width: 100%; font: inherit; color: inherit; background: transparent;
      border: 0; border-bottom: 1px solid #d1d5db; padding: 2px 0; outline: none; border-radius: 0;
    }
    input:hover, select:hover, textarea:hover, .editable:hover { border-bottom-color: #9ca3af; }
    input:focus, select:focus, textarea:focus, .editable:focus { border-bottom-color: #71639e; }
    :host([invalid]) input, :host([invalid]) select, :host([invalid]) textarea, :host([invalid]) .editable { border-bottom-color: #dc2626; background: #fef2f2; }
    :host([readonly]) input, :host([readonly]) select, :host([readonly]) textarea { border-bottom-color: transparent; }
    .ro { display: inline-block; padding: 2px 0; min-height: 1.4em; white-space: pre-wrap; }
  `;

  constructor() {
    super();
    this.name = '';
    this.value = false;
    this.field = { type: 'char', string: '' };
    this.readonly = false;
    this.required = false;
    this.invalid = false;
    this.record = {};
    this.models = {};
    this.context = {};
    this.placeholder = '';
    this.label = '';
  }

  /** Commits a new value of the field. */
  protected commit(value: unknown): void {
    this.dispatchEvent(new CustomEvent<FieldChange>('field-change', { detail: { name: this.name, value }, bubbles: true, composed: true }));
  }

  /** The user is typing: the form becomes dirty, nothing is committed yet. */
  protected typing(): void {
    this.dispatchEvent(new CustomEvent('field-input', { detail: { name: this.name }, bubbles: true, composed: true }));
  }

  protected reportInvalid(message: string): void {
    this.dispatchEvent(new CustomEvent<FieldInvalid>('field-invalid', { detail: { name: this.name, message }, bubbles: true, composed: true }));
  }

  /** Enter commits the input's value and does nothing else (no form is submitted). */
  protected onEnter = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && !(event.target instanceof HTMLTextAreaElement)) {
      event.preventDefault();
      (event.target as HTMLInputElement).dispatchEvent(new Event('change'));
    }
  };
}
