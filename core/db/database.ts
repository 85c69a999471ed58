// One database: its connection pool (MikroORM's), its registry, and transactions. Every records
// call runs in a transaction of its own cursor: committed when the work succeeds, rolled back
// entirely when it throws.

import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { Cursor } from './cursor.ts';
import { openOrm } from './schema.ts';
import type { PgServer } from './server.ts';
import { Env, SUPERUSER_ID, type EnvServices } from '../models/env.ts';
import type { Registry } from '../models/registry.ts';
import type { Context } from '../models/types.ts';

interface KnexClient {
  acquireConnection(): Promise<pg.PoolClient>;
  releaseConnection(connection: pg.PoolClient): Promise<void>;
}

export class Database {
  /** Registry generation this process last loaded (see the `base_registry_signaling` sequence). */
  signal = 0;
  /** Handed to every environment of this database (the module manager registers itself). */
  readonly services: EnvServices = {};

  private constructor(
    readonly server: PgServer,
    readonly name: string,
    private orm: MikroORM,
    public registry: Registry,
  ) {}

  static async open(server: PgServer, name: string, registry: Registry): Promise<Database> {
    return new Database(server, name, await openOrm(server, name, registry), registry);
  }

  /** Swaps in a registry built for a new set of modules, with a fresh ORM knowing its entities
   *  (a fresh instance: no stale hydrator can write NULL over a new column). */
  async replaceRegistry(registry: Registry): Promise<void> {
    const orm = await openOrm(this.server, this.name, registry);
    const old = this.orm;
    this.orm = orm;
    this.registry = registry;
    // A transaction in progress (the request that asked for the change) still holds a connection
    // of the old pool: close it once that is released, without waiting here.
    void old.close(true).catch(() => {});
  }

  private get client(): KnexClient {
    return (this.orm.em.getConnection().getKnex() as unknown as { client: KnexClient }).client;
  }

  /** Runs `fn` in one transaction on a pooled connection. */
  async transaction<T>(fn: (cr: Cursor) => Promise<T>): Promise<T> {
    const client = this.client;
    const connection = await client.acquireConnection();
    const cr = new Cursor(connection);
    try {
      await connection.query('BEGIN');
      const result = await fn(cr);
      await connection.query('COMMIT');
      return result;
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      await client.releaseConnection(connection);
    }
  }

  /** Runs `fn` with an environment in one transaction. */
  async withEnv<T>(fn: (env: Env) => Promise<T>, uid: number = SUPERUSER_ID, context: Context = {}): Promise<T> {
    return this.transaction((cr) => fn(new Env(cr, this.registry, uid, context, uid === SUPERUSER_ID, this.services)));
  }

  async close(): Promise<void> {
    await this.orm.close(true);
  }
}
