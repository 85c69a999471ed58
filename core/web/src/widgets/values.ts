// Field values between the form and the server: read shapes in, write shapes out (many2one as
// an id, many2many as [[6, 0, ids]], one2many as Odoo commands).

import type { FieldInfo, Fields } from '../arch.ts';

/** A one2many's lines as edited in the form. */
export interface X2ManyValue { rows: X2Row[]; deleted: number[] }
export interface X2Row { key: string; id: number | false; values: Record<string, unknown>; changed: string[] }

let nextKey = 1;
export const newRowKey = () => `row${nextKey++}`;

export function isX2Many(value: unknown): value is X2ManyValue {
  return typeof value === 'object' && value !== null && 'rows' in value;
}

export function toServer(value: unknown, field: FieldInfo | undefined, models: Record<string, Fields> = {}): unknown {
  switch (field?.type) {
    case 'many2one': return Array.isArray(value) ? value[0] : value || false;
    case 'many2many': return [[6, 0, Array.isArray(value) ? value.map((v) => (Array.isArray(v) ? v[0] : v)) : []]];
    case 'one2many': {
      if (!isX2Many(value)) return [];
      const sub = models[field.relation ?? ''] ?? {};
      const vals = (row: X2Row, names: string[]) => Object.fromEntries(names.map((n) => [n, toServer(row.values[n], sub[n], models)]));
      return [
        ...value.rows.filter((r) => r.id === false).map((r) => [0, 0, vals(r, Object.keys(r.values))]),
        ...value.rows.filter((r) => r.id !== false && r.changed.length).map((r) => [1, r.id, vals(r, r.changed)]),
        ...value.deleted.map((id) => [2, id]),
      ];
    }
    default: return value === '' || value === undefined ? false : value;
  }
}

/** A value with nothing in it, for required fields. */
export function isEmpty(value: unknown, field: FieldInfo | undefined): boolean {
  if (field?.type === 'boolean' || field?.type === 'integer' || field?.type === 'float' || field?.type === 'monetary') return false;
  if (isX2Many(value)) return value.rows.length === 0;
  if (Array.isArray(value)) return field?.type !== 'many2one' && value.length === 0;
  return value === false || value === null || value === undefined || (typeof value === 'string' && !value.trim());
}
