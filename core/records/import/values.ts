// A cell of the file -> the value `create` takes, per field type, or a message saying what is
// wrong with it. Numbers may carry thousands separators, currency signs and Persian digits;
// booleans may be yes/no words in English or Persian; selections may be given by key or label;
// dates in ISO or the usual day/month/year forms; datetimes are read in the user's time zone.

import type { Field } from '../../models/types.ts';
import type { Catalog } from '../../i18n/catalog.ts';
import { formatParts, localToUtc, parseDateText, parseTimeText, type DateOrder, type DateParts } from './dates.ts';
import { cellText, type Cell } from './file.ts';
import { normalizeHeader } from './fields.ts';
import { problem, type Problem } from './messages.ts';

export interface ValueOptions {
  /** Decimal separator of numbers written as text ('.' by default; ',' for 1.234,5). */
  decimalSeparator: string;
  /** Day/month order of dates written as text, per field (guessed from the column). */
  dateOrders: Map<string, DateOrder>;
  /** The user's time zone: datetimes of the file are wall-clock times there. */
  tz: string;
  /** The user's language catalog, for selection labels and yes/no words. */
  catalog: Catalog | null;
}

export type Converted = { value: unknown } | { error: Problem };

const TRUE = new Set(['1', 'true', 'yes', 'y', 'x', 't', 'on', 'بله', 'آری', 'درست', 'صحیح', 'بلی']);
const FALSE = new Set(['0', 'false', 'no', 'n', 'f', 'off', '', 'خیر', 'نه', 'نادرست', 'غلط']);

const CURRENCY = String.raw`(?:\p{Sc}|[A-Z]{3}|ریال|تومان|%)`;
const CURRENCY_BEFORE = new RegExp(`^${CURRENCY}\\s*`, 'u');
const CURRENCY_AFTER = new RegExp(`\\s*${CURRENCY}$`, 'u');

/** Persian and Arabic-Indic digits and separators -> ASCII. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/\u066b/g, '.').replace(/\u066c/g, ',');
}

/**
 * A number written by a person: `1,234.50`, `1.234,50` (with ',' as the decimal separator),
 * `1 234`, `$ 12`, `(12)` for -12, `12%`, Persian digits. A lone separator followed by exactly
 * three digits is a thousands separator unless it is the decimal one chosen.
 */
export function parseNumber(cell: Cell, decimalSeparator = '.'): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'boolean' || cell instanceof Date || cell === null) return null;
  let text = asciiDigits(cell).trim();
  let negative = false;
  if (/^\(.*\)$/.test(text)) [text, negative] = [text.slice(1, -1).trim(), true];
  if (/^[-+]/.test(text)) [text, negative] = [text.slice(1).trim(), text[0] === '-' ? !negative : negative];
  // Currency signs and codes around the number go; any other letter makes it text.
  text = text.replace(CURRENCY_BEFORE, '').replace(CURRENCY_AFTER, '').replace(/[\s\u00a0\u202f'’]/g, '');
  if (/^[-+]/.test(text)) [text, negative] = [text.slice(1), text[0] === '-' ? !negative : negative];
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  const dots = (text.match(/\./g) ?? []).length;
  const commas = (text.match(/,/g) ?? []).length;
  let decimal: string | null;
  if (dots && commas) decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
  else if (dots + commas === 0) decimal = null;
  else {
    const sep = dots ? '.' : ',';
    const count = dots || commas;
    // 1,234 and 1,234,567 group thousands; 1,5 and 12,25 carry decimals (unless the other
    // separator is the decimal one chosen).
    const grouped = /^\d{1,3}([.,]\d{3})+$/.test(text);
    decimal = count > 1 ? null : sep === decimalSeparator ? sep : grouped ? null : sep;
    if (count > 1 && !grouped) return null;
  }
  const thousands = decimal === '.' ? ',' : decimal === ',' ? '.' : /[.,]/.exec(text)?.[0] ?? '';
  if (decimal && text.split(decimal).length > 2) return null;
  const plain = (thousands ? text.split(thousands).join('') : text).replace(decimal ?? '#', '.');
  const n = Number(plain);
  return Number.isFinite(n) ? (negative ? -n : n) : null;
}

/** A cell as an API value for `field`. `text` cells were trimmed; empty ones mean "no value". */
export function convertCell(field: Field, cell: Cell, options: ValueOptions): Converted {
  const text = typeof cell === 'string' ? cell.trim() : cell;
  const empty = text === null || text === '';
  switch (field.type) {
    case 'char': case 'text': case 'html':
      if (empty) return { value: false };
      if (typeof cell === 'number' && field.type === 'char') return { value: String(cell) };
      return { value: cellText(cell) };
    case 'integer': case 'float': case 'monetary': {
      if (empty) return { value: 0 };
      const n = parseNumber(text, options.decimalSeparator);
      if (n === null) return { error: problem('not_number', { value: cellText(cell) }) };
      if (field.type === 'integer' && !Number.isInteger(n)) return { error: problem('not_integer', { value: cellText(cell) }) };
      return { value: n };
    }
    case 'boolean': {
      if (typeof cell === 'boolean') return { value: cell };
      if (typeof cell === 'number') return { value: cell !== 0 };
      const word = asciiDigits(String(text ?? '')).toLowerCase();
      const local = options.catalog ? [options.catalog.lookup('Yes'), options.catalog.lookup('No')] : [];
      if (TRUE.has(word) || (local[0] && word === local[0].toLowerCase())) return { value: true };
      if (FALSE.has(word) || (local[1] && word === local[1].toLowerCase())) return { value: false };
      return { error: problem('not_boolean', { value: cellText(cell) }) };
    }
    case 'selection': {
      if (empty) return { value: false };
      const wanted = normalizeHeader(cellText(cell));
      for (const [key, label] of field.selection ?? []) {
        const translated = options.catalog?.get(label, field.model);
        if (normalizeHeader(key) === wanted || normalizeHeader(label) === wanted || (translated && normalizeHeader(translated) === wanted)) return { value: key };
      }
      const labels = (field.selection ?? []).map(([, label]) => options.catalog?.get(label, field.model) ?? label);
      return { error: problem('not_choice', { value: cellText(cell), choices: labels.map((l) => `"${l}"`).join(', ') }) };
    }
    case 'date': {
      if (empty) return { value: false };
      if (cell instanceof Date) return { value: cell.toISOString().slice(0, 10) };
      if (typeof cell === 'number') return excelSerial(cell, false);
      const datePart = asciiDigits(String(text)).split(/[ T]/)[0];
      const parts = parseDateText(datePart, options.dateOrders.get(field.name) ?? 'dmy');
      return parts ? { value: formatParts(parts) } : { error: problem('not_date', { value: cellText(cell) }) };
    }
    case 'datetime': {
      if (empty) return { value: false };
      if (cell instanceof Date) return { value: localToUtc({ y: cell.getUTCFullYear(), m: cell.getUTCMonth() + 1, d: cell.getUTCDate() }, [cell.getUTCHours(), cell.getUTCMinutes(), cell.getUTCSeconds()], options.tz) };
      if (typeof cell === 'number') {
        const serial = excelSerial(cell, true);
        return 'error' in serial ? serial : { value: localToUtc(...(serial.value as [DateParts, [number, number, number]]), options.tz) };
      }
      const raw = asciiDigits(String(text));
      const split = /^(\S+)(?:[ T]+(.+))?$/.exec(raw.replace(/Z$/, ''));
      const date = split ? parseDateText(split[1], options.dateOrders.get(field.name) ?? 'dmy') : null;
      const time = split?.[2] ? parseTimeText(split[2]) : [0, 0, 0] as [number, number, number];
      if (!date || !time) return { error: problem('not_datetime', { value: cellText(cell) }) };
      return { value: localToUtc(date, time, options.tz) };
    }
    default:
      return { error: problem('not_imported_type', { type: field.type }) };
  }
}

/** Excel's day numbers (1900 system), which a workbook holds when a date cell lost its format. */
function excelSerial(serial: number, withTime: boolean): Converted {
  if (!(serial > 0 && serial < 2958466)) return { error: problem(withTime ? 'not_datetime' : 'not_date', { value: serial }) };
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  const date = { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
  if (!withTime) return { value: formatParts(date) };
  return { value: [date, [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]] };
}
