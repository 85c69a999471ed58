// date and datetime: the browser's own inputs. Dates travel as 'YYYY-MM-DD'; datetimes as
// 'YYYY-MM-DD HH:MM:SS' in UTC, shown and typed in the browser's time zone.

import { html } from 'lit';
import { FieldWidget } from './base.ts';
import { formatValue } from '../format.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** UTC 'YYYY-MM-DD HH:MM:SS' → local 'YYYY-MM-DDTHH:MM' for datetime-local. */
export function utcToLocalInput(value: string): string {
  const d = new Date(`${value.replace(' ', 'T')}Z`);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Local 'YYYY-MM-DDTHH:MM' → UTC 'YYYY-MM-DD HH:MM:SS'. */
export function localInputToUtc(value: string): string {
  const d = new Date(value);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export class DateField extends FieldWidget {
  override render() {
    if (this.readonly) return html`<span class="ro">${formatValue(this.value, this.field)}</span>`;
    const datetime = this.field.type === 'datetime';
    const value = this.value ? (datetime ? utcToLocalInput(String(this.value)) : String(this.value).slice(0, 10)) : '';
    return html`<input type=${datetime ? 'datetime-local' : 'date'} .value=${value} aria-label=${this.label || this.name}
      aria-invalid=${String(this.invalid)} @keydown=${this.onEnter}
      @change=${(e: Event) => {
        const v = (e.target as HTMLInputElement).value;
        this.commit(v ? (datetime ? localInputToUtc(v) : v) : false);
      }}>`;
  }
}

customElements.define('erp-field-date', DateField);
