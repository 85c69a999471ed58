// Values as a person reads them, in the user's language (Intl), including the Persian calendar.

import type { FieldInfo } from './arch.ts';

let locale = 'en-US';

export function setLocale(lang: string): void {
  const iso = lang.replace('_', '-');
  locale = iso.startsWith('fa') ? 'fa-IR-u-ca-persian' : iso;
}

export function formatValue(value: unknown, field: FieldInfo | undefined): string {
  if (value === false || value === null || value === undefined) return '';
  switch (field?.type) {
    case 'many2one': return Array.isArray(value) ? String(value[1]) : String(value);
    case 'many2many': case 'one2many': return Array.isArray(value) ? `${value.length}` : '';
    case 'selection': return field.selection?.find(([k]) => k === value)?.[1] ?? String(value);
    case 'boolean': return value ? '✓' : '';
    case 'integer': return new Intl.NumberFormat(locale).format(Number(value));
    case 'float': case 'monetary': return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(value));
    case 'date': return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
    case 'datetime': return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(`${String(value).replace(' ', 'T')}Z`));
    default: return String(value);
  }
}
