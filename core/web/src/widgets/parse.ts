// Numbers as typed, in the user's language: group separators dropped, the locale's decimal
// separator and Persian/Arabic digits understood. The separators are read from format.ts's own
// output, so parsing always matches what is shown.

import { formatValue } from '../format.ts';

function separators(): { group: string; decimal: string } {
  const sample = toAscii(formatValue(1234.5, { type: 'float', string: '' }));
  const digitsOnly = sample.replace(/[0-9]/g, '');
  return { group: digitsOnly.length > 1 ? digitsOnly[0] : '', decimal: digitsOnly[digitsOnly.length - 1] ?? '.' };
}

export function toAscii(text: string): string {
  return text
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[٫]/g, '.').replace(/[٬]/g, ',');
}

/** The number typed, or null when it is not a number. Empty text is 0. */
export function parseNumber(text: string, integer = false): number | null {
  const { group, decimal } = separators();
  let s = toAscii(text).trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!s) return 0;
  if (group) s = s.split(group).join('');
  if (decimal !== '.') s = s.replace(decimal, '.');
  s = s.replace(/^\u2212/, '-');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const value = Number(s);
  if (!Number.isFinite(value)) return null;
  if (integer && !Number.isInteger(value)) return null;
  return value;
}
