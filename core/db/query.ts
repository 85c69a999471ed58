// A SELECT under construction: one main table, LEFT JOINs added on demand (for ordering by a
// many2one, or reading through one), WHERE clauses AND-ed together, and positional parameters.
// Everything that reaches PostgreSQL is parameterised: values only ever enter through `param()`.

import { createHash } from 'node:crypto';
import type { ModelMeta, ModelResolver } from '../models/types.ts';

export const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/** An alias PostgreSQL keeps whole: past 63 bytes it would cut names, and two long aliases that
 *  share a prefix would collide, so a long one ends with a hash of the full name instead. */
export function aliasOf(name: string): string {
  if (name.length <= 63) return name;
  return `${name.slice(0, 54)}_${createHash('sha1').update(name).digest('hex').slice(0, 8)}`;
}

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
   * identical join; `extra` adds a condition to the ON clause, given the new alias. Returns the
   * alias of the joined table.
   */
  leftJoin(lhsAlias: string, lhsColumn: string, table: string, rhsColumn = 'id', extra?: (alias: string) => string): string {
    // A many2one join is named after its column alone; any other join also after its target,
    // so that two different joins from one column (two relation tables from "id") never merge.
    const alias = aliasOf(rhsColumn === 'id' ? `${lhsAlias}__${lhsColumn}` : `${lhsAlias}__${lhsColumn}__${table}__${rhsColumn}`);
    if (!this.joins.has(alias)) {
      const on = `${quote(lhsAlias)}.${quote(lhsColumn)} = ${quote(alias)}.${quote(rhsColumn)}${extra ? ` AND ${extra(alias)}` : ''}`;
      this.joins.set(alias, `LEFT JOIN ${quote(table)} AS ${quote(alias)} ON (${on})`);
    }
    return alias;
  }

  /** A sub-query on another model sharing this query's parameter list. */
  subquery(model: string, alias?: string): Query {
    return new Query(this.resolver, model, alias ?? aliasOf(`${this.alias}_${this.resolver.get(model).table}`), this.params);
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
