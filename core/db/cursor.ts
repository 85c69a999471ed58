// A cursor is one PostgreSQL connection inside one transaction. It counts the statements it sends,
// so tests can assert what an operation costs (Odoo's assertQueryCount), and maps PostgreSQL's
// constraint errors to the framework's clear ones at the call site that knows the model.

import pg from 'pg';

// Odoo's wire shapes: numbers as numbers, dates and datetimes as 'YYYY-MM-DD[ HH:MM:SS]' strings
// (datetimes are naive UTC, as in Odoo). Registered once, for every pool of the process.
const { types } = pg;
types.setTypeParser(types.builtins.NUMERIC, (v) => (v === null ? null : parseFloat(v)));
types.setTypeParser(types.builtins.INT8, (v) => (v === null ? null : parseInt(v, 10)));
types.setTypeParser(types.builtins.DATE, (v) => v);
types.setTypeParser(types.builtins.TIMESTAMP, (v) => (v === null ? null : v.slice(0, 19)));

export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
}

export class Cursor {
  /** Statements sent since the cursor opened (transaction control excluded). */
  queryCount = 0;
  private savepoints = 0;

  constructor(private readonly client: Queryable) {}

  /** Runs one statement and returns its rows. */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    this.queryCount++;
    const result = await this.client.query(sql, params);
    return result.rows as T[];
  }

  /** Runs one statement and returns how many rows it touched. */
  async execute(sql: string, params: unknown[] = []): Promise<number> {
    this.queryCount++;
    const result = await this.client.query(sql, params);
    return result.rowCount ?? 0;
  }

  /** Runs `fn` inside a savepoint: on error only its own work is undone, and the error propagates. */
  async savepoint<T>(fn: () => Promise<T>): Promise<T> {
    const name = `sp_${++this.savepoints}`;
    await this.client.query(`SAVEPOINT ${name}`);
    try {
      const result = await fn();
      await this.client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await this.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  }

  /** Runs a batch of statements separated by `;` (schema changes), counted as one. */
  async script(sql: string): Promise<void> {
    if (!sql.trim()) return;
    this.queryCount++;
    await this.client.query(sql);
  }
}
