// The kanban view's data: the columns (read_group, ordered as the comodel orders its records,
// with the empty stages as Odoo's group_expand shows them, and the progressbar's counts), and the
// names, colours and currency symbols the cards show.

import { callKw } from '../../rpc.ts';
import type { Fields } from '../../arch.ts';
import { formatValue } from '../../format.ts';
import { t } from '../../i18n.ts';
import type { Domain } from '../registry.ts';
import type { KanbanLayout } from './layout.ts';
import type { CardRecord } from './card.ts';

/** What the loaders need from the view. */
export interface Query {
  model: string;
  domain: Domain;
  context: Record<string, unknown>;
  fields: Fields;
  layout: KanbanLayout;
  tags: Map<string, Map<number, { name: string; color: number }>>;
  currencies: Map<number, { symbol: string; position: string }>;
}

export const PAGE = 40;

export interface Column {
  /** Identity of the group (the value as a string). */
  key: string;
  /** The value written to the group-by field when a card lands here (undefined: not writable). */
  value: unknown;
  /** The group-by field's value as `read` returns it (for moved cards). */
  readValue: unknown;
  label: string;
  count: number;
  sum: number;
  domain: Domain;
  records: CardRecord[];
  loaded: boolean;
  /** The progressbar: how many cards have each value of its field. */
  progress: Map<string, number>;
}

/** Odoo's progressbar colours by name. */
export const BAR_COLORS: Record<string, string> = { success: '#28a745', warning: '#f0ad4e', danger: '#dc3545', info: '#17a2b8', muted: '#adb5bd' };

/** Group-by fields whose value a drop can write. */
const MOVABLE = new Set(['many2one', 'selection', 'char', 'boolean', 'integer']);

/** The groups (read_group, ordered as the comodel orders them), plus the empty stages. */
export async function loadColumns(q: Query, groupBy: string): Promise<Column[]> {
  const layout = q.layout;
  const [name, granularity] = groupBy.split(':');
  const field = q.fields[name];
  const progressField = layout.progressField;
  const [rows, progress] = await Promise.all([
    callKw<Array<Record<string, unknown>>>(q.model, 'read_group', [], {
      domain: q.domain, fields: layout.sumField ? [`${layout.sumField}:sum`] : [], groupby: [groupBy], lazy: true, context: q.context,
    }),
    progressCounts(q, groupBy).catch(() => new Map<string, Map<string, number>>()),
  ]);
  // By a date and a period (the forecast by month), a card dropped in a column gets the period's
  // first day, as Odoo's forecast kanban does.
  const temporal = Boolean(granularity) && (field?.type === 'date' || field?.type === 'datetime');
  const writable = (temporal || (!granularity && MOVABLE.has(field?.type ?? ''))) && !field?.readonly;
  const columns: Column[] = rows.map((row) => {
    const raw = row[groupBy];
    const m2o = Array.isArray(raw);
    const start = temporal && raw ? String(rowKey(row, groupBy)) : undefined;
    const value = m2o ? raw[0] : start ?? raw;
    // A period's value is already its label ("March 2025"), not a date to format.
    let label = m2o ? String(raw[1]) : granularity ? String(raw) : formatValue(raw, field);
    if (raw === false || raw === null) label = t('None');
    return {
      key: String(value), value: writable ? value : undefined, readValue: start ?? raw, label,
      count: Number(row[`${name}_count`] ?? row.__count ?? 0), sum: Number(layout.sumField ? row[layout.sumField] ?? 0 : 0),
      domain: (row.__domain as Domain | undefined) ?? [...q.domain, [name, '=', value]], records: [], loaded: false,
      progress: progress.get(String(value)) ?? new Map(),
    };
  });
  // Odoo's group_expand for the view's own grouping (stages): every stage is a column.
  if (groupBy !== layout.defaultGroupBy || !field) return columns;
  const byKey = new Map(columns.map((c) => [c.key, c]));
  let all: Array<{ key: string; value: unknown; readValue: unknown; label: string }> = [];
  if (field.type === 'many2one' && field.relation) {
    const stages = await callKw<Array<{ id: number; display_name: string }>>(field.relation, 'search_read', [], { domain: [], fields: ['display_name'], limit: 100, context: q.context });
    all = stages.map((s) => ({ key: String(s.id), value: s.id, readValue: [s.id, s.display_name], label: s.display_name }));
  } else if (field.type === 'selection') {
    all = (field.selection ?? []).map(([k, label]) => ({ key: k, value: k, readValue: k, label }));
  } else {
    return columns;
  }
  const ordered: Column[] = columns.filter((c) => c.key === 'false' && c.count > 0);
  for (const entry of all) {
    ordered.push(byKey.get(entry.key) ?? {
      ...entry, value: writable ? entry.value : undefined, count: 0, sum: 0, domain: [...q.domain, [name, '=', entry.value]], records: [], loaded: true, progress: new Map(),
    });
  }
  const placed = new Set(ordered.map((c) => c.key));
  return [...ordered, ...columns.filter((c) => !placed.has(c.key) && c.count > 0)];
}

const keyOf = (raw: unknown) => String(Array.isArray(raw) ? raw[0] : raw);
/** A read_group row's column key: a period is known by its first day (see loadColumns). */
function rowKey(row: Record<string, unknown>, groupBy: string): unknown {
  const range = (row.__range as Record<string, { from: string } | false> | undefined)?.[groupBy];
  return range ? range.from : row[groupBy];
}

/** The progressbar's counts by column then value. A field the database cannot group by (not
 *  stored, as `activity_state`) is counted here from its values, as Odoo's read_progress_bar does. */
async function progressCounts(q: Query, groupBy: string): Promise<Map<string, Map<string, number>>> {
  const progressField = q.layout.progressField;
  const progress = new Map<string, Map<string, number>>();
  const add = (group: unknown, value: unknown, count: number) => {
    const key = keyOf(group);
    if (!progress.has(key)) progress.set(key, new Map());
    const counts = progress.get(key)!;
    counts.set(String(value), (counts.get(String(value)) ?? 0) + count);
  };
  if (!progressField) return progress;
  const [name, granularity] = groupBy.split(':');
  const meta = q.fields[progressField] as { store?: boolean; searchable?: boolean; selection?: Array<[string, string]> } | undefined;
  if (meta?.store === false) {
    if (meta.searchable && Array.isArray(meta.selection)) {
      // Searchable but not groupable (activity_state): one grouped count per value, in parallel,
      // so the cost does not grow with the number of records.
      await Promise.all(meta.selection.map(async ([value]) => {
        const rows = await callKw<Array<Record<string, unknown>>>(q.model, 'read_group', [], {
          domain: [...q.domain, [progressField, '=', value]], fields: [], groupby: [groupBy], lazy: false, context: q.context,
        });
        for (const row of rows) add(rowKey(row, groupBy), value, Number(row.__count ?? 0));
      }));
      return progress;
    }
    // Read values carry no period: the columns of a date grouping get no bar then.
    if (granularity) return progress;
    const rows = await callKw<Array<Record<string, unknown>>>(q.model, 'search_read', [], { domain: q.domain, fields: [progressField, name], context: q.context });
    for (const row of rows) add(row[name], row[progressField], 1);
    return progress;
  }
  const bars = await callKw<Array<Record<string, unknown>>>(q.model, 'read_group', [], {
    domain: q.domain, fields: [], groupby: [groupBy, progressField], lazy: false, context: q.context,
  });
  for (const row of bars) add(rowKey(row, groupBy), row[progressField], Number(row.__count ?? 0));
  return progress;
}

/** Names and colours of the tags and currency symbols the cards show. */
export async function describe(q: Query, records: CardRecord[]): Promise<void> {
  const layout = q.layout;
  const jobs: Array<Promise<void>> = [];
  for (const cf of layout.card.filter((c) => c.part === 'tags' && c.field.relation)) {
    const model = cf.field.relation!;
    const known = q.tags.get(model) ?? new Map<number, { name: string; color: number }>();
    q.tags.set(model, known);
    const ids = [...new Set(records.flatMap((r) => (r[cf.name] as number[] | undefined) ?? []))].filter((id) => !known.has(id));
    if (!ids.length) continue;
    jobs.push((async () => {
      const rows = await callKw<Array<{ id: number; display_name: string; color?: number }>>(model, 'read', [ids, ['display_name', 'color']], { context: q.context })
        .catch(() => callKw<Array<{ id: number; display_name: string }>>(model, 'read', [ids, ['display_name']], { context: q.context }));
      for (const row of rows) known.set(row.id, { name: row.display_name, color: Number((row as { color?: number }).color ?? 0) });
    })());
  }
  const monetary = layout.card.filter((c) => c.field.type === 'monetary').map((c) => c.field.currency_field ?? 'currency_id');
  const currencyIds = [...new Set(records.flatMap((r) => monetary.map((f) => (Array.isArray(r[f]) ? (r[f] as [number])[0] : 0))))].filter((id) => id && !q.currencies.has(id));
  if (currencyIds.length) {
    jobs.push(callKw<Array<{ id: number; symbol: string; position?: string }>>('res.currency', 'read', [currencyIds, ['symbol', 'position']], { context: q.context })
      .then((rows) => { for (const row of rows) q.currencies.set(row.id, { symbol: row.symbol, position: row.position ?? 'before' }); })
      .catch(() => {}));
  }
  await Promise.all(jobs);
}
