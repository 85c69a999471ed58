// Odoo domains (prefix notation) compiled to ONE parameterised SQL boolean expression.
//
// The semantics follow Odoo 17's `expression.py`, with one deliberate strengthening: every
// negative operator is the exact complement of its positive form, NULLs included, so that
// `['!', D]` always matches exactly the records `D` does not. That is what makes pushing '!' down
// into the leaves (as Odoo does) correct: '!' of `=` is `!=`, of `in` is `not in`, of `like` is
// `not like`, of `any` is `not any`; the few operators without such a twin (`<`, `=like`,
// `child_of`...) are negated as `NOT COALESCE(expr, FALSE)`, which is two-valued too.
//
// Values only ever reach SQL through `query.param()`; identifiers come from the model registry.

import { errors } from '../errors.ts';
import type { Domain, DomainLeaf, Field, ModelMeta } from '../models/types.ts';
import { aliasOf, quote, type Query } from './query.ts';

export const TRUE_LEAF = [1, '=', 1] as unknown as DomainLeaf;
export const FALSE_LEAF = [0, '=', 1] as unknown as DomainLeaf;

export const DOMAIN_OPERATORS = [
  '=', '!=', '>', '>=', '<', '<=', '=?', 'like', 'ilike', 'not like', 'not ilike', '=like', '=ilike',
  'in', 'not in', 'child_of', 'parent_of', 'any', 'not any',
] as const;
type Operator = (typeof DOMAIN_OPERATORS)[number];
const OPERATOR_SET: ReadonlySet<string> = new Set(DOMAIN_OPERATORS);

/** Operator pairs that are exact complements of each other (see the header). */
const NEGATION: Partial<Record<Operator, Operator>> = {
  '=': '!=', '!=': '=', in: 'not in', 'not in': 'in', like: 'not like', 'not like': 'like',
  ilike: 'not ilike', 'not ilike': 'ilike', any: 'not any', 'not any': 'any',
};
const NEGATIVE: ReadonlySet<Operator> = new Set(['!=', 'not in', 'not like', 'not ilike', 'not any']);

export interface DomainOptions {
  /** Odoo's `active_test` context key: false also shows archived records. Default true. */
  activeTest?: boolean;
  /** The user and context given to fields' `search` functions. */
  uid?: number | null;
  context?: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Parsing: validate the shape, normalise each leaf, build a tree (prefix notation, read from
// right to left with a stack, as Odoo does; consecutive top-level terms are AND-ed).
// ---------------------------------------------------------------------------------------------

interface LeafNode { kind: 'leaf'; left: string; op: Operator; right: unknown; term: DomainLeaf }
type Node =
  | LeafNode
  | { kind: 'bool'; value: boolean }
  | { kind: 'not'; child: Node }
  | { kind: 'and' | 'or'; left: Node; right: Node };

interface Parsed { terms: Domain; tree: Node }

const describe = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

const isLogical = (token: unknown): token is '&' | '|' | '!' => token === '&' || token === '|' || token === '!';

function parse(domain: unknown): Parsed {
  if (domain === null || domain === undefined) domain = [];
  if (!Array.isArray(domain)) throw errors.invalidDomain(`expected a list of terms, got ${describe(domain)}`, { domain });
  const terms = (domain as unknown[]).map((token) => normalizeTerm(token, domain));
  const stack: Node[] = [];
  const operand = (op: string): Node => {
    const node = stack.pop();
    if (!node) throw errors.invalidDomain(`missing operand for "${op}"`, { domain });
    return node;
  };
  for (let i = terms.length - 1; i >= 0; i--) {
    const term = terms[i];
    if (term === '!') stack.push({ kind: 'not', child: operand(term) });
    else if (term === '&' || term === '|') stack.push({ kind: term === '&' ? 'and' : 'or', left: operand(term), right: operand(term) });
    else stack.push(leafNode(term));
  }
  if (!stack.length) return { terms: [TRUE_LEAF], tree: { kind: 'bool', value: true } };
  // The stack holds the consecutive top-level expressions, the first one on top; Odoo's normal
  // form ANDs them with '&'s in front.
  const implicitAnds = new Array<'&'>(stack.length - 1).fill('&');
  let tree = stack.pop()!;
  while (stack.length) tree = { kind: 'and', left: tree, right: stack.pop()! };
  return { terms: [...implicitAnds, ...terms], tree };
}

function normalizeTerm(token: unknown, domain: unknown): Domain[number] {
  if (isLogical(token)) return token;
  if (!Array.isArray(token)) {
    const hint = typeof token === 'string' ? ' (a domain is a list of terms: [["name", "=", "x"]])' : '';
    throw errors.invalidDomain(`${describe(token)} is neither "&", "|", "!" nor a [field, operator, value] term${hint}`, { domain });
  }
  if (token.length !== 3) throw errors.invalidDomain(`expected 3 elements in ${describe(token)}`, { domain, term: token });
  const [left, rawOp, right] = token as [unknown, unknown, unknown];
  if ((left === 1 || left === 0) && rawOp === '=' && right === 1) return left === 1 ? TRUE_LEAF : FALSE_LEAF;
  if (typeof left !== 'string' || !left) throw errors.invalidDomain(`the left side of ${describe(token)} must be a field name`, { domain, term: token });
  if (typeof rawOp !== 'string') throw errors.invalidDomain(`the operator of ${describe(token)} must be a string`, { domain, term: token });
  let op = rawOp.toLowerCase();
  if (op === '<>') op = '!=';
  if (!OPERATOR_SET.has(op)) throw errors.invalidDomain(`unknown operator "${rawOp}" in ${describe(token)}`, { domain, term: token });
  // Odoo's tolerated spellings: `in` a boolean, `=` a list.
  if (typeof right === 'boolean' && (op === 'in' || op === 'not in')) op = op === 'in' ? '=' : '!=';
  if (Array.isArray(right) && (op === '=' || op === '!=')) op = op === '=' ? 'in' : 'not in';
  return [left, op, right];
}

function leafNode(term: DomainLeaf): Node {
  if (term === TRUE_LEAF || term === FALSE_LEAF) return { kind: 'bool', value: term === TRUE_LEAF };
  // normalizeDomain turns every constant leaf into TRUE_LEAF / FALSE_LEAF: the left side is a path here.
  return { kind: 'leaf', left: term[0] as string, op: term[1] as Operator, right: term[2], term };
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/**
 * Validates a domain and returns it in Odoo's normal form: leaves as `[field, operator, value]`
 * arrays (operator lower-cased, `<>` read as `!=`) and the implicit '&'s made explicit. An empty
 * domain becomes `[TRUE_LEAF]`, as in Odoo, so normal forms can always be combined with '&'/'|'.
 */
export function normalizeDomain(domain: unknown): Domain {
  return parse(domain).terms;
}

/** Compiles `domain` to a boolean SQL expression over `query.alias` (or 'TRUE'); values go to `query.param()`. */
export function compileDomain(query: Query, domain: unknown, opts: DomainOptions = {}): string {
  return compileNode(query, parse(domain).tree, false, { activeTest: opts.activeTest !== false, depth: 0, uid: opts.uid ?? null, context: opts.context ?? {} });
}

/**
 * ANDs `domain` into `query`'s WHERE clause. With `activeTest` (the default), a model with an
 * `active` field only shows active records unless the domain itself says something about `active`.
 */
export function applyDomain(query: Query, domain: unknown, opts: DomainOptions = {}): void {
  const { terms, tree } = parse(domain);
  const activeTest = opts.activeTest !== false;
  query.where(compileNode(query, tree, false, { activeTest, depth: 0, uid: opts.uid ?? null, context: opts.context ?? {} }));
  if (activeTest && !mentionsActive(terms)) query.where(activeCondition(query) ?? 'TRUE');
}

const mentionsActive = (terms: Domain): boolean => terms.some((term) => Array.isArray(term) && term[0] === 'active');

function activeCondition(query: Query): string | null {
  const active = query.model.fields.get('active');
  if (!active?.column || active.type !== 'boolean') return null;
  return `${quote(query.alias)}.${quote(active.column)} IS TRUE`;
}

// ---------------------------------------------------------------------------------------------
// Tree compilation, with '!' pushed down to the leaves
// ---------------------------------------------------------------------------------------------

interface Ctx {
  /** The caller's active_test, inherited by x2many sub-searches (as Odoo's context is). */
  activeTest: boolean;
  /** Guards against related fields that refer to each other. */
  depth: number;
  uid: number | null;
  context: Record<string, unknown>;
}

const MAX_DEPTH = 32;

function compileNode(q: Query, node: Node, negated: boolean, ctx: Ctx): string {
  switch (node.kind) {
    case 'bool':
      return node.value !== negated ? 'TRUE' : 'FALSE';
    case 'not':
      return compileNode(q, node.child, !negated, ctx);
    case 'leaf':
      return compileNegatableLeaf(q, node, negated, ctx);
    default:
      return compileJunction(q, node, negated, ctx);
  }
}

function compileNegatableLeaf(q: Query, leaf: LeafNode, negated: boolean, ctx: Ctx): string {
  if (!negated) return compileLeaf(q, leaf.left, leaf.op, leaf.right, leaf, ctx);
  const twin = NEGATION[leaf.op];
  if (twin) return compileLeaf(q, leaf.left, twin, leaf.right, leaf, ctx);
  const sql = compileLeaf(q, leaf.left, leaf.op, leaf.right, leaf, ctx);
  return sql === 'TRUE' ? 'FALSE' : sql === 'FALSE' ? 'TRUE' : `NOT COALESCE((${sql}), FALSE)`;
}

/** AND/OR chains are flattened (iteratively: generated domains can be thousands of terms long). */
function compileJunction(q: Query, node: Extract<Node, { kind: 'and' | 'or' }>, negated: boolean, ctx: Ctx): string {
  const isAnd = (node.kind === 'and') !== negated;
  const operands: Node[] = [];
  const todo: Node[] = [node];
  while (todo.length) {
    const current = todo.pop()!;
    if (current.kind === node.kind) todo.push(current.right, current.left);
    else operands.push(current);
  }
  const absorbing = isAnd ? 'FALSE' : 'TRUE';
  const parts: string[] = [];
  // Parameters of operands compiled before an absorbing one must go with their SQL.
  const paramsBefore = q.params.length;
  for (const operand of operands) {
    const sql = compileNode(q, operand, negated, ctx);
    if (sql === absorbing) {
      q.params.length = paramsBefore;
      return absorbing;
    }
    if (sql !== (isAnd ? 'TRUE' : 'FALSE')) parts.push(sql);
  }
  if (!parts.length) return isAnd ? 'TRUE' : 'FALSE';
  return parts.length === 1 ? parts[0] : `(${parts.join(isAnd ? ' AND ' : ' OR ')})`;
}

// ---------------------------------------------------------------------------------------------
// Leaves: resolve the field, then dispatch on path / operator / field type
// ---------------------------------------------------------------------------------------------

type SearchField = Pick<Field, 'name' | 'type' | 'column' | 'store' | 'comodel' | 'inverseName' | 'relation' | 'column1' | 'column2' | 'related' | 'search'>;

const ID_FIELD: SearchField = { name: 'id', type: 'integer', column: 'id', store: true };

const invalid = (leaf: LeafNode, reason: string, details: Record<string, unknown> = {}) =>
  errors.invalidDomain(`${reason} in ${describe(leaf.term)}`, { term: leaf.term, ...details });

function compileLeaf(q: Query, left: string, op: Operator, right: unknown, leaf: LeafNode, ctx: Ctx): string {
  const dot = left.indexOf('.');
  const name = dot < 0 ? left : left.slice(0, dot);
  const rest = dot < 0 ? '' : left.slice(dot + 1);
  if (!name || (dot >= 0 && !rest)) throw invalid(leaf, `malformed field path "${left}"`);
  const field = q.model.fields.get(name) ?? (name === 'id' ? ID_FIELD : null);
  if (!field) throw errors.unknownField(q.model.name, name);
  if (field.related && !field.store) return compileRelated(q, field, rest, op, right, leaf, ctx);
  if (field.search && !field.store && !rest) {
    return field.search({ alias: q.alias, op, value: right, param: (v) => q.param(v), uid: ctx.uid, context: ctx.context });
  }
  checkSearchable(q.model, field, leaf);
  if (op === '=?') {
    // Odoo's "equal if set": no value means no condition.
    if (isNull(right)) return 'TRUE';
    op = '=';
  }
  if (rest) return compilePath(q, field, rest, op, right, leaf, ctx);
  if (op === 'any' || op === 'not any') return compileAny(q, field, op === 'not any', right, leaf, ctx);
  if (op === 'child_of' || op === 'parent_of') return compileHierarchy(q, field, op, right, leaf, ctx);
  switch (field.type) {
    case 'many2one':
      return compileMany2one(q, field, op, right, leaf, ctx);
    case 'one2many':
    case 'many2many':
      return compileX2many(q, field, op, right, leaf, ctx);
    default:
      return compileScalar(q, field, op, right, leaf);
  }
}

function checkSearchable(model: ModelMeta, field: SearchField, leaf: LeafNode): void {
  const wired = field.type === 'one2many' ? !!(field.comodel && field.inverseName)
    : field.type === 'many2many' ? !!(field.comodel && field.relation && field.column1 && field.column2)
    : !!field.column;
  if (!wired || (!field.column && !field.store)) {
    throw invalid(leaf, `field "${field.name}" of model "${model.name}" is not stored and has no search method`, { model: model.name, field: field.name });
  }
}

/** A non-stored related field is searched through the path it mirrors, as Odoo does. */
function compileRelated(q: Query, field: SearchField, rest: string, op: Operator, right: unknown, leaf: LeafNode, ctx: Ctx): string {
  if (ctx.depth >= MAX_DEPTH) throw invalid(leaf, `related field "${field.name}" nests too deeply`);
  const path = rest ? `${field.related}.${rest}` : field.related!;
  return compileLeaf(q, path, op, right, leaf, { ...ctx, depth: ctx.depth + 1 });
}

function comodelOf(q: Query, field: SearchField, leaf: LeafNode): ModelMeta {
  if (!field.comodel || !['many2one', 'one2many', 'many2many'].includes(field.type)) {
    throw invalid(leaf, `field "${field.name}" of model "${q.model.name}" is not relational`);
  }
  return q.resolver.get(field.comodel);
}

const columnOf = (alias: string, column: string): string => `${quote(alias)}.${quote(column)}`;
const isNull = (value: unknown): value is false | null | undefined => value === false || value === null || value === undefined;

// ---------------------------------------------------------------------------------------------
// Relational leaves: paths, any / not any, many2one, x2many
// ---------------------------------------------------------------------------------------------

/**
 * `a.b op v` is `a any [(b op v)]`; a negative operator is the complement of its positive form,
 * `a not any [(b positive-op v)]`. For a many2one, `a.b = false` also matches an empty `a`, so
 * that `a.b = false` / `a.b != false` read like `record.a.b` and stay complements.
 */
function compilePath(q: Query, field: SearchField, rest: string, op: Operator, right: unknown, leaf: LeafNode, ctx: Ctx): string {
  comodelOf(q, field, leaf);
  if (field.type === 'many2one' && (op === '=' || op === '!=') && isNull(right)) {
    const column = columnOf(q.alias, field.column!);
    const unset = `${column} IN (${subSearch(q, field.comodel!, [[rest, '=', false]], ctx, false)})`;
    const set = `${column} IN (${subSearch(q, field.comodel!, [[rest, '!=', false]], ctx, false)})`;
    return op === '=' ? `(${column} IS NULL OR ${unset})` : set;
  }
  const negative = NEGATIVE.has(op);
  const positive = negative ? NEGATION[op]! : op;
  return compileAny(q, field, negative, [[rest, positive, right]], leaf, ctx);
}

/** `field any subdomain`: many2one sub-searches ignore active_test (Odoo); x2many ones inherit it. */
function compileAny(q: Query, field: SearchField, negate: boolean, subdomain: unknown, leaf: LeafNode, ctx: Ctx): string {
  comodelOf(q, field, leaf);
  if (!Array.isArray(subdomain)) throw invalid(leaf, `"any" expects a domain on "${field.comodel}"`);
  if (ctx.depth >= MAX_DEPTH) throw invalid(leaf, 'the domain nests too deeply');
  if (field.type === 'many2one') {
    return many2oneIn(q, field, negate, subSearch(q, field.comodel!, subdomain, ctx, false));
  }
  return x2manyIn(q, field, negate, { where: (sub) => searchCondition(sub, subdomain, ctx, ctx.activeTest) });
}

/** `col IN (ids)`, or its complement which also holds for an empty many2one. */
function many2oneIn(q: Query, field: SearchField, negate: boolean, idsSql: string): string {
  const column = columnOf(q.alias, field.column!);
  return negate ? `(${column} IS NULL OR ${column} NOT IN (${idsSql}))` : `${column} IN (${idsSql})`;
}

/**
 * Which comodel records an x2many leaf is about: given ids (a placeholder for an id array), ids
 * from a sub-select, the records of a condition over a sub-query on the comodel, or all of them.
 */
type X2manyTarget =
  | { ids: string }
  | { subselect: string }
  | { where: (sub: Query) => string }
  | 'all';

/** Records with at least one related record in `target`, or with `negate` those with none. */
function x2manyIn(q: Query, field: SearchField, negate: boolean, target: X2manyTarget): string {
  const holders = field.type === 'one2many' ? one2manyHolders(q, field, target) : many2manyHolders(q, field, target);
  return `${columnOf(q.alias, 'id')} ${negate ? 'NOT IN' : 'IN'} (${holders})`;
}

function one2manyHolders(q: Query, field: SearchField, target: X2manyTarget): string {
  const sub = q.subquery(field.comodel!);
  const id = columnOf(sub.alias, 'id');
  if (target !== 'all') sub.where('ids' in target ? `${id} = ANY(${target.ids})` : 'subselect' in target ? `${id} IN (${target.subselect})` : target.where(sub));
  const inverse = columnOf(sub.alias, inverseColumn(q, field));
  // NULLs must not reach a NOT IN: `id NOT IN (1, NULL)` is never true.
  sub.where(`${inverse} IS NOT NULL`);
  return sub.select([inverse]).sql;
}

function many2manyHolders(q: Query, field: SearchField, target: X2manyTarget): string {
  const rel = aliasOf(`${q.alias}__${field.name}`);
  const select = `SELECT ${columnOf(rel, field.column1!)} FROM ${quote(field.relation!)} AS ${quote(rel)}`;
  if (target === 'all') return select;
  const other = columnOf(rel, field.column2!);
  if ('ids' in target) return `${select} WHERE ${other} = ANY(${target.ids})`;
  if ('subselect' in target) return `${select} WHERE ${other} IN (${target.subselect})`;
  const sub = q.subquery(field.comodel!);
  sub.where(target.where(sub));
  return sub.whereClause() === 'TRUE' ? select : `${select} WHERE ${other} IN (${sub.idsSubselect()})`;
}

function inverseColumn(q: Query, field: SearchField): string {
  const comodel = q.resolver.get(field.comodel!);
  const inverse = comodel.fields.get(field.inverseName!);
  if (!inverse?.column) throw errors.invalidDomain(`one2many "${q.model.name}.${field.name}": inverse field "${field.comodel}.${field.inverseName}" is not stored`);
  return inverse.column;
}

/** `SELECT id FROM comodel WHERE <domain> [AND active]`, sharing the parameters of `q`. */
function subSearch(q: Query, comodel: string, domain: unknown, ctx: Ctx, activeTest: boolean): string {
  const sub = q.subquery(comodel);
  sub.where(searchCondition(sub, domain, ctx, activeTest));
  return sub.idsSubselect();
}

/** The condition of a sub-search, with Odoo's active_test applied to it. */
function searchCondition(sub: Query, domain: unknown, ctx: Ctx, activeTest: boolean): string {
  const { terms, tree } = parse(domain);
  const condition = compileNode(sub, tree, false, { ...ctx, depth: ctx.depth + 1 });
  const active = activeTest && !mentionsActive(terms) ? activeCondition(sub) : null;
  if (!active || condition === 'FALSE') return condition;
  return condition === 'TRUE' ? active : `(${condition} AND ${active})`;
}

/** Operators that, with a string value, match a relational field by the comodel's name. */
const NAME_OPERATORS: ReadonlySet<Operator> = new Set(['=', '!=', 'like', 'ilike', 'not like', 'not ilike', '=like', '=ilike', 'in', 'not in']);

const isNameValue = (value: unknown): boolean =>
  typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string'));

/** The domain on the comodel that name_search would use, and whether the leaf is negative. */
function nameDomain(q: Query, field: SearchField, op: Operator, right: unknown, leaf: LeafNode): { negate: boolean; domain: Domain } {
  const comodel = comodelOf(q, field, leaf);
  if (!comodel.recName) throw invalid(leaf, `model "${comodel.name}" has no name field to compare "${field.name}" with a string`);
  const negate = NEGATIVE.has(op);
  let positive = negate ? NEGATION[op]! : op;
  if (positive === 'in' && typeof right === 'string') positive = '=';
  return { negate, domain: [[comodel.recName, positive, right]] };
}

function compileMany2one(q: Query, field: SearchField, op: Operator, right: unknown, leaf: LeafNode, ctx: Ctx): string {
  if (isNameValue(right)) {
    if (!NAME_OPERATORS.has(op)) throw invalid(leaf, `operator "${op}" cannot compare many2one "${field.name}" with a name`);
    const { negate, domain } = nameDomain(q, field, op, right, leaf);
    return many2oneIn(q, field, negate, subSearch(q, field.comodel!, domain, ctx, false));
  }
  return compileScalar(q, field, op, right, leaf);
}

function compileX2many(q: Query, field: SearchField, op: Operator, right: unknown, leaf: LeafNode, ctx: Ctx): string {
  comodelOf(q, field, leaf);
  if ((op === '=' || op === '!=') && isNull(right)) {
    // Whether there are related records at all, archived ones included (as Odoo).
    return x2manyIn(q, field, op === '=', 'all');
  }
  if (isNameValue(right) && NAME_OPERATORS.has(op)) {
    const { negate, domain } = nameDomain(q, field, op, right, leaf);
    return x2manyIn(q, field, negate, { where: (sub) => searchCondition(sub, domain, ctx, ctx.activeTest) });
  }
  if (op === '=' || op === '!=' || op === 'in' || op === 'not in') {
    const ids = idList(right, leaf);
    const negate = NEGATIVE.has(op);
    if (!ids.length) return negate ? 'TRUE' : 'FALSE';
    return x2manyIn(q, field, negate, { ids: q.param(ids) });
  }
  throw invalid(leaf, `operator "${op}" is not supported on ${field.type} field "${field.name}"`);
}

/** Ids given as one id or a list of ids; false entries are ignored, as in Odoo. */
function idList(right: unknown, leaf: LeafNode): number[] {
  const items = Array.isArray(right) ? right : [right];
  return items.filter((item) => !isNull(item)).map((item) => {
    const id = typeof item === 'string' && /^\d+$/.test(item) ? Number(item) : item;
    if (!Number.isSafeInteger(id)) throw invalid(leaf, `expected record ids, got ${describe(item)}`);
    return id as number;
  });
}

// ---------------------------------------------------------------------------------------------
// child_of / parent_of: a recursive CTE over the parent column
// ---------------------------------------------------------------------------------------------

function compileHierarchy(q: Query, field: SearchField, op: 'child_of' | 'parent_of', right: unknown, leaf: LeafNode, ctx: Ctx): string {
  const target = field.name === 'id' ? q.model : comodelOf(q, field, leaf);
  // A many2one to its own model is itself the parent link (Odoo's `parent=left`).
  const selfLink = field.type === 'many2one' && field.comodel === q.model.name;
  const parentColumn = selfLink ? field.column! : hierarchyParent(target, op, leaf);
  const start = hierarchyStart(q, target, right, leaf, ctx);
  if (start === null) return 'FALSE';
  const tree = hierarchySubselect(target, parentColumn, start, op);
  if (field.name === 'id' || selfLink) return `${columnOf(q.alias, 'id')} IN (${tree})`;
  if (field.type === 'many2one') return many2oneIn(q, field, false, tree);
  return x2manyIn(q, field, false, { subselect: tree });
}

function hierarchyParent(model: ModelMeta, op: string, leaf: LeafNode): string {
  const parent = model.fields.get('parent_id');
  if (parent?.type !== 'many2one' || parent.comodel !== model.name || !parent.column) {
    throw invalid(leaf, `"${op}" needs a hierarchy, but model "${model.name}" has no stored parent_id pointing to itself`, { model: model.name });
  }
  return parent.column;
}

/** The condition on `"t"."id"` selecting the starting records, or null when there are none. */
function hierarchyStart(q: Query, target: ModelMeta, right: unknown, leaf: LeafNode, ctx: Ctx): string | null {
  if (isNameValue(right)) {
    // Odoo resolves names with name_search(name, 'ilike').
    if (!target.recName) throw invalid(leaf, `model "${target.name}" has no name field to resolve names`);
    const names = Array.isArray(right) ? (right as string[]) : [right as string];
    const domain: Domain = [...new Array<'|'>(names.length - 1).fill('|'), ...names.map((name): DomainLeaf => [target.recName!, 'ilike', name])];
    return `"t"."id" IN (${subSearch(q, target.name, domain, ctx, false)})`;
  }
  const ids = idList(right, leaf);
  return ids.length ? `"t"."id" = ANY(${q.param(ids)})` : null;
}

/** UNION (not UNION ALL) makes the recursion stop on cyclic data. */
function hierarchySubselect(target: ModelMeta, parentColumn: string, start: string, op: 'child_of' | 'parent_of'): string {
  const table = quote(target.table);
  const parent = quote(parentColumn);
  if (op === 'child_of') {
    return `WITH RECURSIVE "tree"("id") AS (SELECT "t"."id" FROM ${table} AS "t" WHERE ${start}`
      + ` UNION SELECT "c"."id" FROM ${table} AS "c" JOIN "tree" ON "c".${parent} = "tree"."id") SELECT "tree"."id" FROM "tree"`;
  }
  return `WITH RECURSIVE "tree"("id", "parent") AS (SELECT "t"."id", "t".${parent} FROM ${table} AS "t" WHERE ${start}`
    + ` UNION SELECT "c"."id", "c".${parent} FROM ${table} AS "c" JOIN "tree" ON "c"."id" = "tree"."parent") SELECT "tree"."id" FROM "tree"`;
}

// ---------------------------------------------------------------------------------------------
// Scalar leaves (and many2one compared with ids)
// ---------------------------------------------------------------------------------------------

const STRING_TYPES: ReadonlySet<string> = new Set(['char', 'text', 'html', 'selection']);

function compileScalar(q: Query, field: SearchField, op: Operator, right: unknown, leaf: LeafNode): string {
  const column = columnOf(q.alias, field.column!);
  switch (op) {
    case '=':
    case '!=':
      return equality(q, field, column, op === '!=', right, leaf);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return isNull(right) ? 'FALSE' : `${column} ${op} ${placeholder(q, field, columnValue(field, right, op, leaf))}`;
    case 'like':
    case 'ilike':
    case 'not like':
    case 'not ilike':
      return contains(q, field, column, op, right, leaf);
    case '=like':
    case '=ilike':
      if (isNull(right)) return 'FALSE';
      return `${textOf(field, column)} ${op === '=like' ? 'LIKE' : 'ILIKE'} ${q.param(likeValue(right, leaf))}`;
    case 'in':
    case 'not in':
      return membership(q, field, column, op === 'not in', right, leaf);
    default:
      throw invalid(leaf, `operator "${op}" does not apply to ${field.type} field "${field.name}"`);
  }
}

/** Emptiness as Odoo understands it: NULL, and also false for booleans and '' for strings. */
function emptiness(field: SearchField, column: string, negate: boolean): string {
  if (field.type === 'boolean') return negate ? `${column} IS TRUE` : `${column} IS NOT TRUE`;
  if (STRING_TYPES.has(field.type) && field.type !== 'selection') {
    return negate ? `(${column} IS NOT NULL AND ${column} != '')` : `(${column} IS NULL OR ${column} = '')`;
  }
  return negate ? `${column} IS NOT NULL` : `${column} IS NULL`;
}

function equality(q: Query, field: SearchField, column: string, negate: boolean, right: unknown, leaf: LeafNode): string {
  if (isNull(right)) return emptiness(field, column, negate);
  const value = columnValue(field, right, '=', leaf);
  if (field.type === 'boolean') return value === negate ? `${column} IS NOT TRUE` : `${column} IS TRUE`;
  const p = placeholder(q, field, value);
  return negate ? `(${column} != ${p} OR ${column} IS NULL)` : `${column} = ${p}`;
}

/** like / ilike wrap the value in %...% (Odoo does not escape % and _); an empty value matches all. */
function contains(q: Query, field: SearchField, column: string, op: Operator, right: unknown, leaf: LeafNode): string {
  const negate = op.startsWith('not ');
  if (isNull(right) || right === '') return negate ? 'FALSE' : 'TRUE';
  const sqlOp = op.endsWith('ilike') ? 'ILIKE' : 'LIKE';
  const p = q.param(`%${likeValue(right, leaf)}%`);
  const text = textOf(field, column);
  return negate ? `(${text} NOT ${sqlOp} ${p} OR ${column} IS NULL)` : `${text} ${sqlOp} ${p}`;
}

const textOf = (field: SearchField, column: string): string => (STRING_TYPES.has(field.type) ? column : `${column}::text`);

function likeValue(right: unknown, leaf: LeafNode): string {
  if (typeof right === 'string') return right;
  if (typeof right === 'number' && Number.isFinite(right)) return String(right);
  throw invalid(leaf, `expected a text pattern, got ${describe(right)}`);
}

/** in / not in: false in the list stands for NULL; the two forms are complements. */
function membership(q: Query, field: SearchField, column: string, negate: boolean, right: unknown, leaf: LeafNode): string {
  const items = Array.isArray(right) ? right : [right];
  const withNull = items.some(isNull);
  const values = items.filter((item) => !isNull(item)).map((item) => columnValue(field, item, 'in', leaf));
  if (field.type === 'boolean') return booleanMembership(column, values.includes(true), withNull || values.includes(false), negate);
  if (!values.length) {
    if (!withNull) return negate ? 'TRUE' : 'FALSE';
    return negate ? `${column} IS NOT NULL` : `${column} IS NULL`;
  }
  const p = placeholder(q, field, values);
  if (!negate) return withNull ? `(${column} = ANY(${p}) OR ${column} IS NULL)` : `${column} = ANY(${p})`;
  return withNull ? `(${column} IS NOT NULL AND ${column} != ALL(${p}))` : `(${column} IS NULL OR ${column} != ALL(${p}))`;
}

/** Booleans have three states but two values: false stands for NULL too. */
function booleanMembership(column: string, hasTrue: boolean, hasFalse: boolean, negate: boolean): string {
  const wantTrue = hasTrue !== negate;
  const wantFalse = hasFalse !== negate;
  if (wantTrue && wantFalse) return 'TRUE';
  if (!wantTrue && !wantFalse) return 'FALSE';
  return wantTrue ? `${column} IS TRUE` : `${column} IS NOT TRUE`;
}

/** A parameter; a fractional number compared with an integer column is cast so PostgreSQL accepts it. */
function placeholder(q: Query, field: SearchField, value: unknown): string {
  const fractional = (v: unknown) => typeof v === 'number' && !Number.isInteger(v);
  const needsCast = field.type === 'integer' && (Array.isArray(value) ? value.some(fractional) : fractional(value));
  const p = q.param(value);
  return needsCast ? `${p}::numeric${Array.isArray(value) ? '[]' : ''}` : p;
}

// ---------------------------------------------------------------------------------------------
// Values: checked against the field type here, so that a bad value is a domain error and not a
// PostgreSQL one.
// ---------------------------------------------------------------------------------------------

function columnValue(field: SearchField, value: unknown, op: string, leaf: LeafNode): unknown {
  const bad = () => invalid(leaf, `${describe(value)} is not a valid value for ${field.type} field "${field.name}"`, { field: field.name });
  switch (field.type) {
    case 'integer':
    case 'float':
    case 'monetary':
    case 'many2one': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isFinite(number)) throw bad();
      if (field.type === 'many2one' && !Number.isSafeInteger(number)) throw bad();
      return number;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 0 || value === 1) return value === 1;
      throw bad();
    case 'date':
      return dateValue(value) ?? (() => { throw bad(); })();
    case 'datetime':
      return datetimeValue(value, op) ?? (() => { throw bad(); })();
    case 'char':
    case 'text':
    case 'html':
    case 'selection':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      throw bad();
    default:
      throw invalid(leaf, `${field.type} field "${field.name}" can only be compared with false`);
  }
}

const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?)?$/;

/** Parses 'YYYY-MM-DD[ HH:MM[:SS[.ffffff]]]' and rejects impossible dates such as 2024-02-30. */
function parseDatetime(value: unknown): { date: string; time: string | null } | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const iso = value.toISOString();
    return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
  }
  if (typeof value !== 'string') return null;
  const m = DATETIME_RE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00', frac = ''] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return null;
  if (h === undefined) return { date: `${y}-${mo}-${d}`, time: null };
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  return { date: `${y}-${mo}-${d}`, time: `${h}:${mi}:${s}${frac}` };
}

function dateValue(value: unknown): string | null {
  return parseDatetime(value)?.date ?? null;
}

/** A bare date compared with a datetime means the whole day, as in Odoo: `> day` is after its end. */
function datetimeValue(value: unknown, op: string): string | null {
  const parsed = parseDatetime(value);
  if (!parsed) return null;
  return `${parsed.date} ${parsed.time ?? (op === '>' || op === '<=' ? '23:59:59' : '00:00:00')}`;
}
