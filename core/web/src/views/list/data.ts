// The list view's data: the columns of the arch (optional ones, sums), the groups of a grouped
// list (read_group, lazily one level at a time) and their records. (Exports go through the
// export dialog, ./export_dialog.ts, and the server.)

import { callKw } from '../../rpc.ts';
import { fieldNodes, isTrue, parseArch, type Fields } from '../../arch.ts';
import { formatValue } from '../../format.ts';
import { t } from '../../i18n.ts';
import type { Domain } from '../registry.ts';

export type Row = Record<string, unknown> & { id: number };

export interface Column {
  name: string;
  label: string;
  /** `optional="show"|"hide"`: the user may toggle it (null: always shown). */
  optional: 'show' | 'hide' | null;
  /** `sum="Total"`: a footer total. */
  sum: string | null;
}

export interface Group {
  /** Identity of the group among its siblings (the value as a string). */
  key: string;
  label: string;
  count: number;
  /** Aggregates of the numeric columns. */
  sums: Record<string, number>;
  /** The row's `__domain`: the caller's domain AND this group's value. */
  domain: Domain;
  /** The group-bys still to apply below this one. */
  rest: string[];
  open: boolean;
  groups: Group[] | null;
  records: Row[] | null;
}

export interface Query {
  model: string;
  context: Record<string, unknown>;
  fields: Fields;
  order: string;
  limit: number;
}

export const NUMERIC = ['integer', 'float', 'monetary'];
export const isNumeric = (fields: Fields, name: string) => NUMERIC.includes(fields[name]?.type);

export function archColumns(arch: string, fields: Fields): { columns: Column[]; editable: 'top' | 'bottom' | null; expand: boolean } {
  const root = parseArch(arch);
  const columns = fieldNodes(root).filter((f) => !isTrue(f.getAttribute('column_invisible')) && !isTrue(f.getAttribute('invisible')))
    .map((f): Column => {
      const name = f.getAttribute('name')!;
      const optional = f.getAttribute('optional');
      return {
        name, label: f.getAttribute('string') ?? fields[name]?.string ?? name,
        optional: optional === 'show' || optional === 'hide' ? optional : null, sum: f.getAttribute('sum'),
      };
    });
  const editable = root.getAttribute('editable');
  return { columns, editable: editable === 'top' || editable === 'bottom' ? editable : null, expand: isTrue(root.getAttribute('expand')) };
}

/** One level of groups: `read_group(domain, fields, [groupBy], lazy)`. */
export async function loadGroups(q: Query, domain: Domain, groupBys: string[], sumFields: string[]): Promise<Group[]> {
  const [groupBy, ...rest] = groupBys;
  const [name] = groupBy.split(':');
  const rows = await callKw<Array<Record<string, unknown>>>(q.model, 'read_group', [], {
    domain, fields: sumFields.map((f) => `${f}:sum`), groupby: [groupBy], lazy: true, context: q.context,
  });
  return rows.map((row) => {
    const raw = row[groupBy] ?? row[name];
    let label = Array.isArray(raw) ? String(raw[1]) : groupBy.includes(':') ? String(raw) : formatValue(raw, q.fields[name]);
    if (raw === false || raw === null || raw === undefined) label = t('None');
    const sums: Record<string, number> = {};
    for (const f of sumFields) sums[f] = Number(row[f] ?? 0);
    return {
      key: String(Array.isArray(raw) ? raw[0] : raw), label, count: Number(row[`${groupBy}_count`] ?? row[`${name}_count`] ?? row.__count ?? 0),
      sums, domain: (row.__domain as Domain) ?? domain, rest, open: false, groups: null, records: null,
    };
  });
}

export function loadRecords(q: Query, domain: Domain, names: string[], offset = 0): Promise<Row[]> {
  return callKw<Row[]>(q.model, 'search_read', [], { domain, fields: names, limit: q.limit, offset, order: q.order || undefined, context: q.context });
}

/** Opens a group: its sub-groups (next group-by) or its records. */
export async function openGroup(q: Query, group: Group, names: string[], sumFields: string[]): Promise<void> {
  if (group.rest.length) group.groups = await loadGroups(q, group.domain, group.rest, sumFields);
  else group.records = await loadRecords(q, group.domain, names);
  group.open = true;
}

/** Opens every group (and its sub-groups) of a small grouped list at once. */
export async function openAll(q: Query, groups: Group[], names: string[], sumFields: string[]): Promise<void> {
  await Promise.all(groups.map(async (g) => {
    await openGroup(q, g, names, sumFields);
    if (g.groups) await openAll(q, g.groups, names, sumFields);
  }));
}

/** A cell's value typed in an input, as `write` takes it. */
export function parseInput(text: string, type: string): unknown {
  if (type === 'integer') return text.trim() === '' ? 0 : Number.parseInt(text, 10);
  if (type === 'float' || type === 'monetary') return text.trim() === '' ? 0 : Number(text.replace(',', '.'));
  if (type === 'date' || type === 'selection') return text || false;
  return text;
}

export const EDITABLE_TYPES = new Set(['char', 'text', 'integer', 'float', 'monetary', 'selection', 'date']);
