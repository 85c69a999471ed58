// Odoo order strings (`priority desc, name, partner_id nulls last`) compiled to an ORDER BY body.
// Only field names of the model reach SQL, each quoted from the registry; a many2one sorts by its
// comodel's own default order through a LEFT JOIN, as Odoo's `_order_to_sql` does.

import { errors } from '../errors.ts';
import type { ModelMeta } from '../models/types.ts';
import { quote, type Query } from './query.ts';

const TERM_RE = /^([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?(?:\s+nulls\s+(first|last))?$/i;

interface OrderTerm {
  expr: string;
  direction: 'ASC' | 'DESC';
  nulls: '' | 'NULLS FIRST' | 'NULLS LAST';
}

/** Where the terms being compiled come from, for recursion into many2one comodels. */
interface Scope {
  query: Query;
  model: ModelMeta;
  alias: string;
  /** The order string as written, for error messages. */
  order: string;
  /** Sort the other way round (a many2one sorted DESC reverses its comodel's order). */
  reverse: boolean;
  /** many2one fields already followed, to stop on cyclic default orders. */
  seen: ReadonlySet<string>;
}

/**
 * Compiles `order` (or the model's default order, or 'id') to an ORDER BY body over
 * `query.alias`, adding LEFT JOINs to `query` for many2one terms. The result always ends with the
 * main table's id unless it already sorts by it, so paging is deterministic.
 */
export function compileOrder(query: Query, order: string | undefined | null): string {
  if (order !== undefined && order !== null && typeof order !== 'string') {
    throw errors.invalidOrder(query.model.name, String(order), 'expected a string');
  }
  const spec = order?.trim() || query.model.order?.trim() || 'id';
  const terms = orderTerms({ query, model: query.model, alias: query.alias, order: spec, reverse: false, seen: new Set() }, spec);
  const mainId = `${quote(query.alias)}."id"`;
  if (!terms.some((term) => term.expr === mainId)) terms.push({ expr: mainId, direction: 'ASC', nulls: '' });
  return terms.map((term) => `${term.expr} ${term.direction}${term.nulls ? ` ${term.nulls}` : ''}`).join(', ');
}

function orderTerms(scope: Scope, spec: string): OrderTerm[] {
  const terms: OrderTerm[] = [];
  for (const part of spec.split(',')) {
    const match = TERM_RE.exec(part.trim());
    if (!match) {
      const reason = part.trim() ? `"${part.trim()}" is not "field [asc|desc] [nulls first|nulls last]"` : 'empty term';
      throw errors.invalidOrder(scope.model.name, scope.order, reason);
    }
    const [, name, dir = 'asc', nulls] = match;
    let direction: OrderTerm['direction'] = dir.toLowerCase() === 'desc' ? 'DESC' : 'ASC';
    let nullsFirst = nulls ? nulls.toLowerCase() === 'first' : null;
    if (scope.reverse) {
      direction = direction === 'ASC' ? 'DESC' : 'ASC';
      if (nullsFirst !== null) nullsFirst = !nullsFirst;
    }
    const nullsSql = nullsFirst === null ? '' : nullsFirst ? 'NULLS FIRST' : 'NULLS LAST';
    terms.push(...fieldTerms(scope, name, direction, nullsSql));
  }
  return terms;
}

function fieldTerms(scope: Scope, name: string, direction: OrderTerm['direction'], nulls: OrderTerm['nulls']): OrderTerm[] {
  const { model, alias } = scope;
  const field = model.fields.get(name);
  if (!field && name !== 'id') throw errors.invalidOrder(model.name, scope.order, `unknown field "${name}"`);
  const column = field ? field.column : 'id';
  if (!column || (field && !field.store)) throw errors.invalidOrder(model.name, scope.order, `field "${name}" is not stored`);
  const raw: OrderTerm = { expr: `${quote(alias)}.${quote(column)}`, direction, nulls };
  if (field?.type !== 'many2one' || !field.comodel) return [raw];
  const key = `${model.name}.${name}`;
  const comodel = scope.query.resolver.get(field.comodel);
  const coorder = comodel.order?.trim() || 'id';
  // A cycle of default orders, or a comodel sorted by id anyway: sort by the raw id.
  if (scope.seen.has(key) || coorder === 'id') return [raw];
  return many2oneTerms(scope, column, comodel, coorder, key, direction, nulls);
}

/** Sorts by the comodel's order; NULLS FIRST/LAST become a leading `IS [NOT] NULL` term. */
function many2oneTerms(
  scope: Scope, column: string, comodel: ModelMeta, coorder: string, key: string,
  direction: OrderTerm['direction'], nulls: OrderTerm['nulls'],
): OrderTerm[] {
  const terms: OrderTerm[] = [];
  const raw = `${quote(scope.alias)}.${quote(column)}`;
  if (nulls === 'NULLS FIRST') terms.push({ expr: `${raw} IS NOT NULL`, direction: 'ASC', nulls: '' });
  if (nulls === 'NULLS LAST') terms.push({ expr: `${raw} IS NULL`, direction: 'ASC', nulls: '' });
  const coalias = scope.query.leftJoin(scope.alias, column, comodel.table);
  const inner: Scope = {
    query: scope.query, model: comodel, alias: coalias, order: coorder,
    reverse: direction === 'DESC', seen: new Set([...scope.seen, key]),
  };
  terms.push(...orderTerms(inner, coorder));
  return terms;
}
