// read_group: Odoo 17's public `read_group`, one dict per group. The groups and their aggregates
// come from ONE `SELECT ... GROUP BY` over the query `search` would run (domain, active_test,
// record rules), then one query per relational group-by for the display names: the cost depends
// on the group-bys asked for, never on the number of groups or records.

import { applyDomain, normalizeDomain } from '../db/domain.ts';
import { quote, type Query } from '../db/query.ts';
import { errors } from '../errors.ts';
import type { Model, Values } from '../models/model.ts';
import type { Domain, DomainTerm, Field } from '../models/types.ts';
import { searchQuery } from './search.ts';
import { fillTemporal, type FillOptions } from './read_group_fill.ts';

/** Besides these, the context's `fill_temporal` adds the empty periods of a date group-by
 *  (read_group_fill.ts). */
export interface ReadGroupOptions {
  offset?: number;
  limit?: number | null;
  orderby?: string | null;
  lazy?: boolean;
}

type Granularity = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';
const STEPS: Record<Granularity, string> = { hour: '1 hour', day: '1 day', week: '7 days', month: '1 month', quarter: '3 months', year: '1 year' };

const AGGREGATES = ['sum', 'avg', 'min', 'max', 'count', 'count_distinct', 'array_agg', 'bool_and', 'bool_or'] as const;
type AggregateFn = (typeof AGGREGATES)[number];

const NUMERIC: ReadonlySet<string> = new Set(['integer', 'float', 'monetary']);
const UNGROUPABLE: ReadonlySet<string> = new Set(['one2many', 'binary', 'json']);

/** `name`, `name:aggregate` or `alias:aggregate(field)`, as Odoo's `regex_field_agg`. */
const FIELD_SPEC = /^(\w+)(?::(\w+)(?:\((\w+)\))?)?$/;
const ORDER_TERM = /^([\w:()]+)(?:\s+(asc|desc))?(?:\s+nulls\s+(first|last))?$/i;

interface Group {
  /** The key in the result rows: the group-by as the caller wrote it. */
  key: string;
  field: Field;
  granularity: Granularity | null;
  /** The grouped SQL expression (for dates, the start of the period in local time). */
  sql: string;
  /** Dates: SQL of the period's bounds, in UTC as the domain compares them. */
  range?: { from: string; to: string };
  /** Relational groups: the (unquoted) alias and column holding the comodel id. */
  link?: { alias: string; column: string };
  /** The model whose display names label the groups (relational fields, and `id` as in Odoo). */
  named?: string;
}

interface Aggregate { sql: string; fn: AggregateFn }

interface OrderTerm { sql: string; direction: 'ASC' | 'DESC'; nulls: string; grouped: boolean }

/** One read_group call: the model and the filtered query (joins for grouping and ordering go on it). */
interface Scope { model: Model; query: Query }

type Row = Record<string, unknown>;

export async function readGroup(model: Model, domain: Domain, fields: string[], groupby: string[], opts: ReadGroupOptions): Promise<Values[]> {
  const specs = [...new Set(groupby ?? [])];
  const lazy = opts.lazy !== false;
  const grouped = lazy ? specs.slice(0, 1) : specs;
  const scope: Scope = { model, query: await searchQuery(model, domain ?? []) };
  const groups: Group[] = [];
  for (const spec of grouped) groups.push(await compileGroup(scope, spec));
  const countKey = lazy && groups.length === 1 ? `${groups[0].field.name}_count` : '__count';
  const aggregates = compileAggregates(scope, fields ?? [], grouped);
  const order = compileGroupOrder(scope, opts.orderby, groups, aggregates, countKey);
  let rows = await selectGroups(scope, groups, aggregates, order, opts);
  const fill = model.context.fill_temporal;
  if (fill && groups.length === 1 && groups[0].granularity && !opts.orderby && opts.limit == null && !opts.offset) {
    const { granularity, field } = groups[0];
    rows = fillTemporal(rows, { granularity, type: field.type as 'date' | 'datetime', tz: field.type === 'datetime' ? contextTz(model) : null }, fill === true ? true : fill as FillOptions);
  }
  const names = await groupNames(model, groups, rows);
  const base = domain?.length ? normalizeDomain(domain) : [];
  const rest = (groupby ?? []).slice(grouped.length);
  return rows.map((row) => formatRow(row, { groups, aggregates, countKey, names, base, rest }));
}

// ---- group-bys -------------------------------------------------------------------------------

async function compileGroup(scope: Scope, spec: string): Promise<Group> {
  const { model, query } = scope;
  if (typeof spec !== 'string') throw errors.invalidGroupSpec(model.meta.name, String(spec), 'a group-by is a field name, or "field:granularity" for dates');
  const [name, granularity, ...extra] = spec.split(':');
  const field = model.meta.fields.get(name);
  if (!field) throw errors.unknownField(model.meta.name, name);
  const temporal = field.type === 'date' || field.type === 'datetime';
  if (extra.length || (granularity !== undefined && !temporal)) {
    throw errors.invalidGroupSpec(model.meta.name, spec, `a granularity only applies to date and datetime fields, and "${name}" is ${field.type}`);
  }
  if (field.type === 'many2many' && field.store && field.relation) return many2manyGroup(scope, spec, field);
  if (!field.column || UNGROUPABLE.has(field.type)) {
    throw errors.invalidGroupSpec(model.meta.name, spec, `cannot group by ${field.store ? field.type : 'non-stored'} field "${name}"`);
  }
  const column = `${quote(query.alias)}.${quote(field.column)}`;
  if (temporal) return temporalGroup(scope, spec, field, granularity ?? 'month', column);
  if (field.type === 'many2one') return { key: spec, field, granularity: null, sql: column, link: { alias: query.alias, column: field.column }, named: field.comodel };
  if (name === 'id') return { key: spec, field, granularity: null, sql: column, named: model.meta.name };
  // NULL and false are one group for booleans, as in Odoo.
  return { key: spec, field, granularity: null, sql: field.type === 'boolean' ? `COALESCE(${column}, FALSE)` : column };
}

/**
 * A date is grouped by `date_trunc` of its value, a datetime of its value in the context's
 * timezone (Odoo's `timezone(tz, timezone('UTC', col))`); the UTC bounds come from PostgreSQL so
 * that daylight saving changes inside a period are right. Parameters are reused, not repeated:
 * PostgreSQL matches the SELECT and GROUP BY expressions only if they are identical.
 */
function temporalGroup(scope: Scope, spec: string, field: Field, granularity: string, column: string): Group {
  const { model, query } = scope;
  if (!(granularity in STEPS)) {
    throw errors.invalidGroupSpec(model.meta.name, spec, `unknown granularity "${granularity}" (expected ${Object.keys(STEPS).join(', ')})`);
  }
  if (granularity === 'hour' && field.type === 'date') throw errors.invalidGroupSpec(model.meta.name, spec, 'a date has no hours');
  const tz = field.type === 'datetime' ? contextTz(model) : null;
  const tzParam = tz ? `${query.param(tz)}::text` : '';
  const local = tz ? `timezone(${tzParam}, timezone('UTC', ${column}))` : `${column}::timestamp`;
  const sql = `date_trunc(${query.param(granularity)}::text, ${local})`;
  const step = `${query.param(STEPS[granularity as Granularity])}::interval`;
  const bound = (start: string) => (field.type === 'date' ? `(${start})::date` : tz ? `timezone('UTC', timezone(${tzParam}, ${start}))` : start);
  return { key: spec, field, granularity: granularity as Granularity, sql, range: { from: bound(sql), to: bound(`${sql} + ${step}`) } };
}

/** The context's timezone when it is a real one (Odoo ignores unknown names too). */
function contextTz(model: Model): string | null {
  const tz = model.context.tz;
  if (typeof tz !== 'string' || !tz) return null;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    return null;
  }
}

/**
 * A record is in the group of each of its related records: the relation table is LEFT JOINed, as
 * Odoo does. Archived comodel records still make groups; the comodel's record rules hide some.
 */
async function many2manyGroup(scope: Scope, spec: string, field: Field): Promise<Group> {
  const { query } = scope;
  const rules = await scope.model.env.model(field.comodel!)._rule_domain('read');
  let restrict: ((alias: string) => string) | undefined;
  if (rules.length) {
    const sub = query.subquery(field.comodel!);
    applyDomain(sub, rules, { activeTest: false });
    restrict = (alias) => `${quote(alias)}.${quote(field.column2!)} IN (${sub.idsSubselect()})`;
  }
  const rel = query.leftJoin(query.alias, 'id', field.relation!, field.column1!, restrict);
  const target = `${quote(rel)}.${quote(field.column2!)}`;
  return { key: spec, field, granularity: null, sql: target, link: { alias: rel, column: field.column2! }, named: field.comodel };
}

// ---- aggregates ------------------------------------------------------------------------------

/** The aggregates by result key. A plain field name uses the field's default (sum for numbers). */
function compileAggregates(scope: Scope, fields: string[], grouped: string[]): Map<string, Aggregate> {
  const result = new Map<string, Aggregate>();
  const meta = scope.model.meta;
  for (const spec of fields) {
    if (spec === '__count') continue;
    const match = typeof spec === 'string' ? FIELD_SPEC.exec(spec) : null;
    if (!match) throw errors.invalidGroupSpec(meta.name, String(spec), 'expected "field", "field:aggregate" or "name:aggregate(field)"');
    const [, name, fn, fname] = match;
    if (fn) {
      result.set(name, compileAggregate(scope, spec, fname ?? name, fn));
      continue;
    }
    const field = meta.fields.get(name);
    if (!field) throw errors.unknownField(meta.name, name);
    // Fields without a default aggregate (names, many2ones...) are ignored, as Odoo does.
    if (field.column && NUMERIC.has(field.type) && name !== 'id' && !grouped.includes(spec)) {
      result.set(name, compileAggregate(scope, spec, name, field.groupOperator ?? 'sum'));
    }
  }
  return result;
}

function compileAggregate(scope: Scope, spec: string, fname: string, fn: string): Aggregate {
  const meta = scope.model.meta;
  const field = meta.fields.get(fname);
  if (!field) throw errors.unknownField(meta.name, fname);
  const bad = (reason: string) => errors.invalidGroupSpec(meta.name, spec, reason);
  if (!(AGGREGATES as readonly string[]).includes(fn)) throw bad(`unknown aggregate "${fn}" (expected ${AGGREGATES.join(', ')})`);
  if (!field.column) throw bad(`field "${fname}" has no column to aggregate`);
  if ((fn === 'sum' || fn === 'avg') && !NUMERIC.has(field.type)) throw bad(`"${fn}" needs a number, and "${fname}" is ${field.type}`);
  if ((fn === 'bool_and' || fn === 'bool_or') && field.type !== 'boolean') throw bad(`"${fn}" needs a boolean, and "${fname}" is ${field.type}`);
  if ((fn === 'min' || fn === 'max') && ['boolean', 'binary', 'json'].includes(field.type)) throw bad(`"${fn}" does not apply to ${field.type} field "${fname}"`);
  const alias = quote(scope.query.alias);
  const column = `${alias}.${quote(field.column)}`;
  switch (fn as AggregateFn) {
    case 'count_distinct': return { fn: 'count_distinct', sql: `COUNT(DISTINCT ${column})` };
    case 'array_agg': return { fn: 'array_agg', sql: `ARRAY_AGG(${wireValue(field, column)} ORDER BY ${alias}."id")` };
    default: return { fn: fn as AggregateFn, sql: `${fn.toUpperCase()}(${column})` };
  }
}

/** Array elements skip the driver's scalar parsers: give them the wire shape in SQL. */
function wireValue(field: Field, column: string): string {
  if (field.type === 'date') return `to_char(${column}, 'YYYY-MM-DD')`;
  if (field.type === 'datetime') return `to_char(${column}, 'YYYY-MM-DD HH24:MI:SS')`;
  return field.type === 'monetary' ? `${column}::float8` : column;
}

// ---- order -----------------------------------------------------------------------------------

/**
 * ORDER BY and GROUP BY bodies. Terms name a group-by (a many2one sorts by its comodel's order,
 * as the kanban does), the count, an aggregate of `fields` or any `field:aggregate`; by default
 * the group-bys, ascending.
 */
function compileGroupOrder(scope: Scope, orderby: string | null | undefined, groups: Group[], aggregates: Map<string, Aggregate>, countKey: string) {
  const meta = scope.model.meta;
  if (orderby !== undefined && orderby !== null && typeof orderby !== 'string') throw errors.invalidOrder(meta.name, String(orderby), 'expected a string');
  const spec = orderby?.trim() || groups.map((g) => g.key).join(',');
  const terms: OrderTerm[] = [];
  for (const part of spec ? spec.split(',') : []) {
    const match = ORDER_TERM.exec(part.trim());
    if (!match) throw errors.invalidOrder(meta.name, spec, `"${part.trim()}" is not "name [asc|desc] [nulls first|nulls last]"`);
    const [, name, dir = 'asc', nulls] = match;
    const direction = dir.toLowerCase() === 'desc' ? 'DESC' : 'ASC';
    const nullsSql = nulls ? `NULLS ${nulls.toUpperCase()}` : '';
    const group = [...groups].reverse().find((g) => g.key === name || g.field.name === name);
    if (group) terms.push(...groupTerms(scope, group, direction, nullsSql));
    else terms.push({ sql: orderAggregate(scope, spec, name, aggregates, countKey), direction, nulls: nullsSql, grouped: false });
  }
  // Groups tied on the order (same sum, same comodel name) keep a stable order, for paging.
  for (const g of groups) if (!terms.some((t) => t.sql === g.sql)) terms.push({ sql: g.sql, direction: 'ASC', nulls: '', grouped: true });
  const groupBy = [...new Set([...groups.map((g) => g.sql), ...terms.filter((t) => t.grouped).map((t) => t.sql)])];
  const orderBy = groups.length ? terms.map((t) => `${t.sql} ${t.direction}${t.nulls ? ` ${t.nulls}` : ''}`).join(', ') : '';
  return { groupBy, orderBy };
}

function orderAggregate(scope: Scope, spec: string, name: string, aggregates: Map<string, Aggregate>, countKey: string): string {
  if (name === countKey || name === '__count') return 'COUNT(*)';
  const aggregate = aggregates.get(name);
  if (aggregate) return aggregate.sql;
  const match = FIELD_SPEC.exec(name);
  if (match?.[2]) return compileAggregate(scope, name, match[3] ?? match[1], match[2]).sql;
  throw errors.invalidOrder(scope.model.meta.name, spec, `"${name}" is neither a group-by nor an aggregate (write "${name}:sum" to sort by an aggregate)`);
}

function groupTerms(scope: Scope, group: Group, direction: OrderTerm['direction'], nulls: string): OrderTerm[] {
  const { field, link } = group;
  if (!link) return [{ sql: group.sql, direction, nulls, grouped: true }];
  const terms: OrderTerm[] = [];
  // NULLS FIRST/LAST of the group itself, whatever the comodel's columns hold.
  if (nulls) terms.push({ sql: `${group.sql} IS ${nulls === 'NULLS FIRST' ? 'NOT ' : ''}NULL`, direction: 'ASC', nulls: '', grouped: true });
  terms.push(...comodelTerms(scope, `${quote(link.alias)}.${quote(link.column)}`, field.comodel!, direction, new Set()));
  return terms;
}

/**
 * The comodel's default order for the group whose comodel id is `idSql`, following many2ones in
 * that order. Each term is a sub-select evaluated once per group after grouping (a join would
 * run over every matching row and add grouping keys).
 */
function comodelTerms(scope: Scope, idSql: string, comodelName: string, direction: OrderTerm['direction'], seen: ReadonlySet<string>): OrderTerm[] {
  const comodel = scope.query.resolver.get(comodelName);
  const spec = comodel.order?.trim() || 'id';
  // The group's own column is a grouping key already; a nested one is a sub-select over it.
  if (spec === 'id' || seen.has(comodel.name)) return [{ sql: idSql, direction, nulls: '', grouped: seen.size === 0 }];
  const of = (column: string) => `(SELECT ${quote(column)} FROM ${quote(comodel.table)} WHERE "id" = ${idSql})`;
  const terms: OrderTerm[] = [];
  for (const part of spec.split(',')) {
    const match = ORDER_TERM.exec(part.trim());
    const cofield = match ? comodel.fields.get(match[1]) : undefined;
    if (!match || !cofield?.column) throw errors.invalidOrder(comodel.name, spec, `"${part.trim()}" is not a stored field of "${comodel.name}"`);
    const ascending = (match[2]?.toLowerCase() !== 'desc') === (direction === 'ASC');
    const termDirection = ascending ? 'ASC' : 'DESC';
    if (cofield.type === 'many2one') {
      terms.push(...comodelTerms(scope, of(cofield.column), cofield.comodel!, termDirection, new Set([...seen, comodel.name])));
    } else terms.push({ sql: of(cofield.column), direction: termDirection, nulls: '', grouped: false });
  }
  return terms;
}

// ---- the query and the rows ------------------------------------------------------------------

async function selectGroups(scope: Scope, groups: Group[], aggregates: Map<string, Aggregate>, order: { groupBy: string[]; orderBy: string }, opts: ReadGroupOptions): Promise<Row[]> {
  const { query, model } = scope;
  const columns = groups.flatMap((g, i) => [
    `${g.sql} AS "g${i}"`,
    ...(g.range ? [`${g.range.from} AS "g${i}_from"`, `${g.range.to} AS "g${i}_to"`] : []),
  ]);
  columns.push('COUNT(*) AS "__count"', ...[...aggregates.values()].map((a, i) => `${a.sql} AS "a${i}"`));
  let sql = `SELECT ${columns.join(', ')} FROM ${query.fromClause()} WHERE ${query.whereClause()}`;
  if (order.groupBy.length) sql += ` GROUP BY ${order.groupBy.join(', ')}`;
  if (order.orderBy) sql += ` ORDER BY ${order.orderBy}`;
  if (opts.limit != null) sql += ` LIMIT ${pageNumber(model, 'limit', opts.limit)}`;
  if (opts.offset) sql += ` OFFSET ${pageNumber(model, 'offset', opts.offset)}`;
  return model.env.cr.query<Row>(sql, query.params);
}

function pageNumber(model: Model, name: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw errors.invalidGroupSpec(model.meta.name, `${name}=${String(value)}`, `${name} must be a whole number >= 0`);
  return n;
}

/** Display names of the relational groups: one query per group-by, whatever the number of groups. */
async function groupNames(model: Model, groups: Group[], rows: Row[]): Promise<Map<string, Map<number, string>>> {
  const names = new Map<string, Map<number, string>>();
  for (const [i, group] of groups.entries()) {
    if (!group.named) continue;
    const ids = [...new Set(rows.map((row) => row[`g${i}`] as number | null).filter((id): id is number => !!id))];
    // Group names are shown even for records the user could not open, as Odoo does.
    if (ids.length) names.set(group.key, await model.env.sudo().model(group.named)._display_names(ids));
  }
  return names;
}

interface Formatting {
  groups: Group[];
  aggregates: Map<string, Aggregate>;
  countKey: string;
  names: Map<string, Map<number, string>>;
  base: Domain;
  rest: string[];
}

/** Odoo's row: group values, count, aggregates, `__domain`, and `__context` / `__range`. */
function formatRow(row: Row, f: Formatting): Values {
  const out: Values = {};
  const ranges: Record<string, unknown> = {};
  let domain = f.base;
  f.groups.forEach((group, i) => {
    const { value, terms, range } = groupValue(group, row, i, f.names);
    out[group.key] = value;
    if (range !== undefined) ranges[group.key] = range;
    // expression.AND([domain, terms]): the caller's domain first.
    domain = domain.length ? ['&', ...domain, ...terms] : terms;
  });
  out[f.countKey] = Number(row.__count);
  [...f.aggregates].forEach(([key, aggregate], i) => {
    const value = row[`a${i}`];
    out[key] = value !== null && value !== undefined ? value : aggregate.fn === 'array_agg' ? [] : aggregate.fn.startsWith('count') ? 0 : false;
  });
  out.__domain = domain;
  if (f.rest.length) out.__context = { group_by: f.rest };
  if (Object.keys(ranges).length) out.__range = ranges;
  return out;
}

function groupValue(group: Group, row: Row, i: number, names: Map<string, Map<number, string>>): { value: unknown; terms: DomainTerm[]; range?: unknown } {
  const raw = row[`g${i}`];
  const name = group.field.name;
  if (raw === null || raw === undefined) return { value: false, terms: [[name, '=', false]], range: group.granularity ? false : undefined };
  if (group.granularity) {
    const range = { from: row[`g${i}_from`] as string, to: row[`g${i}_to`] as string };
    return { value: periodLabel(group.granularity, raw as string), terms: ['&', [name, '>=', range.from], [name, '<', range.to]], range };
  }
  if (group.named) {
    return { value: [raw, names.get(group.key)?.get(raw as number) ?? ''], terms: [[name, '=', raw]] };
  }
  return { value: raw, terms: [[name, '=', raw]] };
}

// ---- period labels (Odoo's en_US babel formats) ----------------------------------------------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `start` is the period's first instant, 'YYYY-MM-DD HH:MM:SS' in local time. */
function periodLabel(granularity: Granularity, start: string): string {
  const [year, month, day, hour] = [start.slice(0, 4), start.slice(5, 7), start.slice(8, 10), start.slice(11, 13)].map(Number);
  const shortMonth = MONTHS[month - 1].slice(0, 3);
  switch (granularity) {
    case 'hour': return `${pad(hour % 12 || 12)}:00 ${pad(day)} ${shortMonth}`;
    case 'day': return `${pad(day)} ${shortMonth} ${pad(year, 4)}`;
    case 'week': return isoWeekLabel(year, month, day);
    case 'month': return `${MONTHS[month - 1]} ${pad(year, 4)}`;
    case 'quarter': return `Q${Math.floor((month - 1) / 3) + 1} ${pad(year, 4)}`;
    case 'year': return pad(year, 4);
  }
}

/** `W<n> <year>` of the ISO week (its year is the year of its Thursday), unpadded as Odoo's. */
function isoWeekLabel(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * 86_400_000);
  const weekYear = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * 86_400_000));
  return `W${week} ${pad(weekYear, 4)}`;
}
