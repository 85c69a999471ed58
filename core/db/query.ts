// A SELECT under construction: one main table, LEFT JOINs added on demand (for ordering by a
// many2one, or reading through one), WHERE clauses AND-ed together, and positional parameters.
// Everything that reaches PostgreSQL is parameterised: values only ever enter through `param()`.

import type { ModelMeta, ModelResolver } from '../models/types.ts';

export const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

export interface SelectOptions {
  /** Already-compiled ORDER BY body (see `compileOrder`). */
  orderBy?: string;
  limit?: number | null;
  offset?: number;
}

export class Query {
  readonly params: unknown[] = [];
  readonly model: ModelMeta;
  readonly alias: string;
  private readonly joins = new Map<string, string>();
  private readonly wheres: string[] = [];

  constructor(readonly resolver: ModelResolver, model: string, alias?: string, params?: unknown[]) {
    this.model = resolver.get(model);
    this.alias = alias ?? this.model.table;
    if (params) this.params = params;
  }

  /** Adds a value and returns its placeholder (`$n`). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** ANDs a boolean SQL expression into the WHERE clause. */
  where(sql: string): void {
    if (sql && sql !== 'TRUE') this.wheres.push(sql);
  }

  /**
   * LEFT JOINs `table` as a new alias on `<lhsAlias>.<lhsColumn> = <alias>.<rhsColumn>`, reusing an
   * identical join. Returns the alias of the joined table.
   */
  leftJoin(lhsAlias: string, lhsColumn: string, table: string, rhsColumn = 'id'): string {
    const alias = `${lhsAlias}__${lhsColumn}`.slice(0, 63);
    if (!this.joins.has(alias)) {
      this.joins.set(alias, `LEFT JOIN ${quote(table)} AS ${quote(alias)} ON (${quote(lhsAlias)}.${quote(lhsColumn)} = ${quote(alias)}.${quote(rhsColumn)})`);
    }
    return alias;
  }

  /** A sub-query on another model sharing this query's parameter list. */
  subquery(model: string, alias?: string): Query {
    return new Query(this.resolver, model, alias ?? `${this.alias}_${this.resolver.get(model).table}`.slice(0, 63), this.params);
  }

  fromClause(): string {
    const from = this.alias === this.model.table ? quote(this.model.table) : `${quote(this.model.table)} AS ${quote(this.alias)}`;
    return [from, ...this.joins.values()].join(' ');
  }

  whereClause(): string {
    return this.wheres.length ? this.wheres.map((w) => (this.wheres.length > 1 ? `(${w})` : w)).join(' AND ') : 'TRUE';
  }

  /** `SELECT <columns> FROM ... WHERE ... [ORDER BY] [LIMIT] [OFFSET]`. */
  select(columns: string[], opts: SelectOptions = {}): { sql: string; params: unknown[] } {
    let sql = `SELECT ${columns.join(', ')} FROM ${this.fromClause()} WHERE ${this.whereClause()}`;
    if (opts.orderBy) sql += ` ORDER BY ${opts.orderBy}`;
    if (opts.limit != null) sql += ` LIMIT ${Math.max(0, Math.trunc(Number(opts.limit)))}`;
    if (opts.offset) sql += ` OFFSET ${Math.max(0, Math.trunc(Number(opts.offset)))}`;
    return { sql, params: this.params };
  }

  /** The query as a sub-select of ids, for `IN (...)` conditions. */
  idsSubselect(): string {
    return `SELECT ${quote(this.alias)}."id" FROM ${this.fromClause()} WHERE ${this.whereClause()}`;
  }
}
