// Values between the API (Odoo's wire shapes) and PostgreSQL columns. Bad input is refused here
// with the model, the field and the reason, before anything is written.

import { errors } from '../errors.ts';
import type { Field, FieldType } from '../models/types.ts';

/** PostgreSQL type of each stored field type (also used to cast `unnest` arrays). */
export const COLUMN_TYPES: Record<Exclude<FieldType, 'one2many' | 'many2many'>, string> = {
  char: 'varchar', text: 'text', html: 'text', selection: 'varchar',
  integer: 'int4', float: 'float8', monetary: 'numeric', boolean: 'bool',
  date: 'date', datetime: 'timestamp', many2one: 'int4', binary: 'bytea', json: 'jsonb',
};

export const columnType = (field: Field): string => COLUMN_TYPES[field.type as keyof typeof COLUMN_TYPES];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(:\d{2})?)(\.\d+)?(Z|[+-]00:?00)?$/;

const pad = (n: number) => String(n).padStart(2, '0');
export const formatDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
export const formatDatetime = (d: Date) => `${formatDate(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

const isEmpty = (value: unknown) => value === false || value === null || value === undefined;

/** Converts an API value to the parameter stored in the field's column. */
export function toColumn(field: Field, value: unknown): unknown {
  const bad = (reason: string) => errors.invalidValue(field.model, field.name, reason);
  switch (field.type) {
    case 'char': case 'text': case 'html':
      if (isEmpty(value)) return null;
      if (typeof value !== 'string' && typeof value !== 'number') throw bad(`expected text, got ${JSON.stringify(value)}`);
      if (field.size && String(value).length > field.size) throw bad(`at most ${field.size} characters`);
      return String(value);
    case 'selection': {
      if (isEmpty(value)) return null;
      const allowed = (field.selection ?? []).map(([key]) => key);
      if (!allowed.includes(String(value))) throw bad(`"${value}" is not one of ${allowed.map((k) => `"${k}"`).join(', ')}`);
      return String(value);
    }
    case 'integer': {
      if (isEmpty(value)) return 0;
      const n = Number(value);
      if (!Number.isInteger(n) || typeof value === 'boolean') throw bad(`expected a whole number, got ${JSON.stringify(value)}`);
      if (n > 2147483647 || n < -2147483648) throw bad('the number is out of range');
      return n;
    }
    case 'float': case 'monetary': {
      if (isEmpty(value)) return 0;
      const n = Number(value);
      if (!Number.isFinite(n) || typeof value === 'boolean' || (typeof value === 'string' && !value.trim())) throw bad(`expected a number, got ${JSON.stringify(value)}`);
      return field.digits ? Number(n.toFixed(field.digits[1])) : n;
    }
    case 'boolean':
      return Boolean(value);
    case 'date':
      if (isEmpty(value)) return null;
      if (value instanceof Date) return formatDate(value);
      if (typeof value !== 'string' || !DATE.test(value.slice(0, 10)) || Number.isNaN(Date.parse(value.slice(0, 10)))) throw bad(`expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
      return value.slice(0, 10);
    case 'datetime': {
      if (isEmpty(value)) return null;
      if (value instanceof Date) return formatDatetime(value);
      const m = typeof value === 'string' ? DATETIME.exec(value) : null;
      if (!m && typeof value === 'string' && DATE.test(value)) return `${value} 00:00:00`;
      if (!m || Number.isNaN(Date.parse(`${m[1]}T${m[2]}Z`))) throw bad(`expected a date and time as YYYY-MM-DD HH:MM:SS (UTC), got ${JSON.stringify(value)}`);
      return `${m[1]} ${m[2].length === 5 ? `${m[2]}:00` : m[2]}`;
    }
    case 'many2one': {
      if (isEmpty(value)) return null;
      const id = Array.isArray(value) ? value[0] : value;
      if (!Number.isInteger(id) || (id as number) <= 0) throw bad(`expected a record id, got ${JSON.stringify(value)}`);
      return id;
    }
    case 'binary':
      if (isEmpty(value)) return null;
      if (Buffer.isBuffer(value)) return value;
      if (typeof value !== 'string') throw bad('expected base64 text');
      return Buffer.from(value, 'base64');
    case 'json':
      return value === undefined || value === null || value === false ? null : JSON.stringify(value);
    default:
      throw bad('is not stored in a column');
  }
}

/** Converts a column value to the API's shape (Odoo returns false for empty, 0 for empty numbers). */
export function fromColumn(field: Field, value: unknown): unknown {
  if (value === null || value === undefined) {
    if (field.type === 'integer' || field.type === 'float' || field.type === 'monetary') return 0;
    return false;
  }
  if (field.type === 'binary') return Buffer.isBuffer(value) ? value.toString('base64') : value;
  return value;
}

export type X2ManyCommand =
  | { op: 'create'; values: Record<string, unknown> }
  | { op: 'update'; id: number; values: Record<string, unknown> }
  | { op: 'delete'; id: number }
  | { op: 'unlink'; id: number }
  | { op: 'link'; id: number }
  | { op: 'clear' }
  | { op: 'set'; ids: number[] };

/** Odoo's x2many commands: `[0,0,vals] [1,id,vals] [2,id] [3,id] [4,id] [5] [6,0,ids]`, or a plain list of ids (set). */
export function parseCommands(field: Field, value: unknown): X2ManyCommand[] {
  const bad = (reason: string) => errors.invalidValue(field.model, field.name, reason);
  if (value === false || value === null || value === undefined) return [{ op: 'clear' }];
  if (!Array.isArray(value)) throw bad('expected a list of commands or of ids');
  if (value.every((v) => Number.isInteger(v))) return [{ op: 'set', ids: value as number[] }];
  return value.map((command): X2ManyCommand => {
    if (!Array.isArray(command) || !Number.isInteger(command[0])) throw bad(`unknown command ${JSON.stringify(command)}`);
    const [code, id, arg] = command as [number, number, unknown];
    const needId = () => {
      if (!Number.isInteger(id) || id <= 0) throw bad(`command ${code} needs a record id, got ${JSON.stringify(id)}`);
      return id;
    };
    switch (code) {
      case 0: return { op: 'create', values: (arg ?? {}) as Record<string, unknown> };
      case 1: return { op: 'update', id: needId(), values: (arg ?? {}) as Record<string, unknown> };
      case 2: return { op: 'delete', id: needId() };
      case 3: return { op: 'unlink', id: needId() };
      case 4: return { op: 'link', id: needId() };
      case 5: return { op: 'clear' };
      case 6:
        if (!Array.isArray(arg) || !arg.every((v) => Number.isInteger(v))) throw bad('command 6 needs a list of ids');
        return { op: 'set', ids: arg as number[] };
      default: throw bad(`unknown command ${JSON.stringify(command)}`);
    }
  });
}
