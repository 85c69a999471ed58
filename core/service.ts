// A running instance of the framework: one PostgreSQL server, the discovered addons, and the
// databases opened on it (several named databases per server, as in Odoo).

import pg from 'pg';
import { Database } from './db/database.ts';
import { startServer, withAdminClient, type PgServer, type ServerOptions } from './db/server.ts';
import { ErpError, errors } from './errors.ts';
import { Registry } from './models/registry.ts';
import { discoverAddons, type AddonIndex } from './modules/discovery.ts';
import { ModuleManager, type Progress } from './modules/lifecycle.ts';

export interface ErpConfig extends ServerOptions {
  /** Folders holding addons, searched after the core's own (default: `['addons']`). */
  addonsPaths?: string[];
}

export interface OpenDatabase {
  db: Database;
  modules: ModuleManager;
}

const DB_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;

export function checkDatabaseName(name: string): void {
  if (!DB_NAME.test(name)) throw errors.badDatabaseName(name);
}

export class Erp {
  private readonly open = new Map<string, Promise<OpenDatabase>>();

  private constructor(readonly server: PgServer, readonly index: AddonIndex) {}

  static async start(config: ErpConfig = {}): Promise<Erp> {
    const index = await discoverAddons(config.addonsPaths ?? ['addons']);
    const server = await startServer(config);
    return new Erp(server, index);
  }

  async listDatabases(): Promise<string[]> {
    return withAdminClient(this.server, async (client) => (await client.query(
      "SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres' ORDER BY datname")).rows.map((r) => r.datname as string));
  }

  async exists(name: string): Promise<boolean> {
    return (await this.listDatabases()).includes(name);
  }

  /** Creates a database and installs `base` plus `modules` (optionally copying a template). */
  async createDatabase(name: string, options: { demo?: boolean; modules?: string[]; template?: string; progress?: Progress } = {}): Promise<OpenDatabase> {
    checkDatabaseName(name);
    for (const m of options.modules ?? []) this.index.get(m);
    if (await this.exists(name)) throw errors.databaseExists(name);
    await withAdminClient(this.server, (client) =>
      client.query(`CREATE DATABASE "${name}" ENCODING 'UTF8'${options.template ? ` TEMPLATE "${options.template}"` : ''}`));
    try {
      const opened = await this.get(name);
      await opened.modules.install(['base', ...(options.modules ?? [])], { demo: options.demo ?? false, progress: options.progress });
      return opened;
    } catch (error) {
      await this.dropDatabase(name).catch(() => {});
      throw error;
    }
  }

  async dropDatabase(name: string): Promise<void> {
    checkDatabaseName(name);
    const opened = this.open.get(name);
    this.open.delete(name);
    if (opened) await (await opened).db.close().catch(() => {});
    if (!(await this.exists(name))) throw errors.unknownDatabase(name);
    await withAdminClient(this.server, (client) => client.query(`DROP DATABASE "${name}" WITH (FORCE)`));
  }

  /** Opens a database (once per process) with the registry of its installed modules. */
  async get(name: string): Promise<OpenDatabase> {
    checkDatabaseName(name);
    let opened = this.open.get(name);
    if (!opened) {
      opened = this.openDatabase(name);
      this.open.set(name, opened);
      opened.catch(() => this.open.delete(name));
    }
    return opened;
  }

  private async openDatabase(name: string): Promise<OpenDatabase> {
    const installed = await this.installedModules(name);
    for (const module of installed) {
      if (!this.index.has(module)) throw new ErpError('ERP_MISSING_ADDON', `Database "${name}" has module "${module}" installed, but its code cannot be found in the addon paths`);
    }
    const names = this.index.order(installed);
    const registry = new Registry(names.map((n) => ({ name: n, dir: this.index.get(n).dir, models: this.index.get(n).manifest.models, extend: this.index.get(n).manifest.extend })));
    const db = await Database.open(this.server, name, registry);
    const modules = new ModuleManager(db, this.index);
    if (installed.length) await modules.refreshIfChanged();
    return { db, modules };
  }

  private async installedModules(name: string): Promise<string[]> {
    const client = new pg.Client({ connectionString: this.server.url(name) });
    try {
      await client.connect();
    } catch (error) {
      if ((error as { code?: string }).code === '3D000') throw errors.unknownDatabase(name);
      throw error;
    }
    try {
      const exists = await client.query("SELECT to_regclass('ir_module_module')::text AS t");
      if (!exists.rows[0].t) return [];
      return (await client.query("SELECT name FROM ir_module_module WHERE state = 'installed'")).rows.map((r) => r.name as string);
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    for (const opened of this.open.values()) await (await opened).db.close().catch(() => {});
    this.open.clear();
    await this.server.stop();
  }
}
