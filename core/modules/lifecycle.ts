// Install, upgrade and uninstall. Each runs in ONE transaction (PostgreSQL DDL is transactional):
// a failure anywhere leaves the database exactly as it was, and the error says which module and
// which step. The registry in memory is swapped only after the commit.

import type { Cursor } from '../db/cursor.ts';
import type { Database } from '../db/database.ts';
import { createViews, schemaDiff } from '../db/schema.ts';
import { ErpError, errors } from '../errors.ts';
import { Env } from '../models/env.ts';
import { Registry } from '../models/registry.ts';
import type { AddonIndex } from './discovery.ts';
import { recordSchema } from './ledger.ts';
import { DataLoader } from './loader.ts';
import { planRemoval, removeOwned, type RemovalPlan } from './uninstall.ts';
import { recompute } from '../records/compute.ts';

export type Progress = (message: string) => void;

export interface InstallOptions {
  demo?: boolean;
  progress?: Progress;
}

export interface UninstallOptions {
  cascade?: boolean;
  dryRun?: boolean;
  progress?: Progress;
}

const SIGNAL = 'base_registry_signaling';

export class ModuleManager {
  constructor(readonly db: Database, readonly index: AddonIndex) {
    db.services.modules = this;
  }

  /** A registry for `names` (and nothing else), in dependency order. */
  buildRegistry(names: Iterable<string>): Registry {
    return new Registry(this.index.order(names).map((name) => {
      const { manifest: m, dir } = this.index.get(name);
      return { name, dir, models: m.models, extend: m.extend };
    }));
  }

  async installed(cr?: Cursor): Promise<string[]> {
    const query = async (c: Cursor) => {
      const exists = await c.query<{ t: string | null }>("SELECT to_regclass('ir_module_module')::text AS t");
      if (!exists[0].t) return [];
      return (await c.query<{ name: string }>("SELECT name FROM ir_module_module WHERE state = 'installed'")).map((r) => r.name);
    };
    return cr ? query(cr) : this.db.transaction(query);
  }

  /** Installs `names` with their missing dependencies and the glue modules that then apply. */
  async install(names: string[], options: InstallOptions = {}): Promise<string[]> {
    const progress = options.progress ?? (() => {});
    const installed = await this.installed();
    const wanted = this.index.closure([...new Set([...installed, ...names])]);
    const auto = this.index.autoInstallable(new Set(wanted));
    const all = this.index.closure([...wanted, ...auto]);
    const toInstall = all.filter((n) => !installed.includes(n));
    if (!toInstall.length) return [];
    const registry = this.buildRegistry(all);
    const ddl = await schemaDiff(this.db.server, this.db.name, registry);
    let signal = this.db.signal;
    await this.db.transaction(async (cr) => {
      await cr.script(`CREATE SEQUENCE IF NOT EXISTS ${SIGNAL}`);
      await cr.script(ddl);
      await createViews(cr, registry);
      const env = new Env(cr, registry, undefined, {}, true, this.db.services);
      await this.syncModuleList(env);
      await computeNewFields(env, this.db.registry);
      const demo = options.demo ?? (await this.hasDemo(cr));
      for (const name of toInstall) {
        progress(`installing ${name}`);
        await this.installOne(env, name, demo);
      }
      signal = await this.bumpSignal(cr);
    });
    await this.db.replaceRegistry(registry);
    this.db.signal = signal;
    return toInstall;
  }

  private async installOne(env: Env, name: string, demo: boolean): Promise<void> {
    const addon = this.index.get(name);
    const m = addon.manifest;
    await step(name, 'registering its models', () => recordSchema(env.cr, env.registry, name));
    const loader = new DataLoader(env, addon, { mode: 'install', demo });
    await step(name, 'loading data', () => loader.loadFiles(m.data ?? []));
    if (demo) await step(name, 'loading demo data', () => loader.loadFiles(m.demo ?? []));
    if (m.hooks?.postInstall) await step(name, 'its post-install hook', async () => m.hooks!.postInstall!(env));
    await env.cr.execute(
      "UPDATE ir_module_module SET state = 'installed', latest_version = $2, demo = $3, write_date = now() AT TIME ZONE 'UTC' WHERE name = $1",
      [name, m.version, demo]);
  }

  /** Reloads code and data of installed modules, runs their migrations, adds new columns. */
  async upgrade(names: string[], options: { progress?: Progress } = {}): Promise<string[]> {
    const progress = options.progress ?? (() => {});
    const installed = await this.installed();
    for (const name of names) if (!installed.includes(name)) throw errors.notInstalled(name);
    const targets = this.index.order([...names, ...this.index.dependents(names, installed)]);
    const registry = this.buildRegistry(installed);
    const ddl = await schemaDiff(this.db.server, this.db.name, registry);
    let signal = this.db.signal;
    await this.db.transaction(async (cr) => {
      await cr.script(ddl);
      await createViews(cr, registry);
      const env = new Env(cr, registry, undefined, {}, true, this.db.services);
      await this.syncModuleList(env);
      await computeNewFields(env, this.db.registry);
      const versions = new Map((await cr.query<{ name: string; latest_version: string; demo: boolean }>(
        'SELECT name, latest_version, demo FROM ir_module_module WHERE name = ANY($1::text[])', [targets])).map((r) => [r.name, r]));
      for (const name of targets) {
        progress(`upgrading ${name}`);
        await this.upgradeOne(env, name, versions.get(name)?.latest_version ?? '0.0.0', versions.get(name)?.demo ?? false);
      }
      signal = await this.bumpSignal(cr);
    });
    await this.db.replaceRegistry(registry);
    this.db.signal = signal;
    return targets;
  }

  private async upgradeOne(env: Env, name: string, from: string, demo: boolean): Promise<void> {
    const addon = this.index.get(name);
    const m = addon.manifest;
    const due = Object.keys(m.migrations ?? {}).filter((v) => compareVersions(v, from) > 0 && compareVersions(v, m.version) <= 0).sort(compareVersions);
    for (const version of due) await step(name, `its migration to ${version}`, async () => m.migrations![version](env));
    await step(name, 'registering its models', () => recordSchema(env.cr, env.registry, name));
    const loader = new DataLoader(env, addon, { mode: 'update', demo });
    await step(name, 'loading data', () => loader.loadFiles(m.data ?? []));
    if (demo) await step(name, 'loading demo data', () => loader.loadFiles(m.demo ?? []));
    await step(name, 'removing records its data no longer defines', () => this.removeObsolete(env, name, loader.loaded));
    await env.cr.execute("UPDATE ir_module_module SET latest_version = $2, write_date = now() AT TIME ZONE 'UTC' WHERE name = $1", [name, m.version]);
  }

  /** Records the module's data files used to create but no longer define (unless noupdate). */
  private async removeObsolete(env: Env, name: string, loaded: Set<string>): Promise<void> {
    const rows = await env.cr.query<{ id: number; xmlid: string; model: string; res_id: number }>(
      `SELECT id, module || '.' || name AS xmlid, model, res_id FROM ir_model_data
       WHERE module = $1 AND NOT noupdate AND model NOT IN ('ir.model', 'ir.model.fields', 'ir.model.constraint') ORDER BY id DESC`, [name]);
    const obsolete = rows.filter((r) => !loaded.has(r.xmlid) && env.registry.has(r.model));
    for (const row of obsolete) {
      const model = env.model(row.model).with_context({ active_test: false });
      if ((await model.exists([row.res_id])).length) await model.unlink([row.res_id]);
    }
    if (obsolete.length) await env.cr.execute('DELETE FROM ir_model_data WHERE id = ANY($1::int4[])', [obsolete.map((r) => r.id)]);
  }

  /** What uninstalling would remove: modules, records per model, tables, columns, constraints. */
  async uninstallPlan(names: string[], cascade = false): Promise<RemovalPlan> {
    const installed = await this.installed();
    for (const name of names) {
      if (name === 'base') throw new ErpError('ERP_BASE_REQUIRED', 'The module "base" cannot be uninstalled');
      if (!installed.includes(name)) throw errors.notInstalled(name);
    }
    const dependents = this.index.dependents(names, installed);
    if (dependents.length && !cascade) throw errors.hasDependents(names.join(', '), dependents);
    const removing = this.index.order([...names, ...dependents]).reverse();
    const remaining = installed.filter((n) => !removing.includes(n));
    return this.db.transaction((cr) => planRemoval(cr, this.db.registry, this.buildRegistry(remaining), removing));
  }

  async uninstall(names: string[], options: UninstallOptions = {}): Promise<RemovalPlan> {
    const plan = await this.uninstallPlan(names, options.cascade);
    if (options.dryRun) return plan;
    const progress = options.progress ?? (() => {});
    const installed = await this.installed();
    const registry = this.buildRegistry(installed.filter((n) => !plan.modules.includes(n)));
    let signal = this.db.signal;
    await this.db.transaction(async (cr) => {
      const env = new Env(cr, this.db.registry, undefined, {}, true, this.db.services);
      for (const name of plan.modules) {
        const hook = this.index.has(name) ? this.index.get(name).manifest.hooks?.uninstall : undefined;
        if (hook) await step(name, 'its uninstall hook', async () => hook(env));
      }
      progress(`removing ${plan.modules.join(', ')}`);
      await step(plan.modules.join(', '), 'removing what it owns', () => removeOwned(env, plan));
      await cr.execute(
        "UPDATE ir_module_module SET state = 'uninstalled', latest_version = NULL, write_date = now() AT TIME ZONE 'UTC' WHERE name = ANY($1::text[])",
        [plan.modules]);
      signal = await this.bumpSignal(cr);
    });
    await this.db.replaceRegistry(registry);
    this.db.signal = signal;
    return plan;
  }

  /** Writes every discovered addon into `ir.module.module` (Odoo's "Update Apps List"). */
  async syncModuleList(env: Env): Promise<void> {
    const addons = this.index.names().map((n) => this.index.get(n).manifest);
    await env.cr.execute(
      `INSERT INTO ir_module_module (name, shortdesc, summary, description, category, author, website, license, application, auto_install, installed_version, dependencies, state, sequence, create_date, write_date)
       SELECT n, sd, su, de, ca, au, we, li, ap, ai, iv, dp, 'uninstalled', 100, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bool[], $10::bool[], $11::text[], $12::text[])
         AS v(n, sd, su, de, ca, au, we, li, ap, ai, iv, dp)
       ON CONFLICT (name) DO UPDATE SET shortdesc = EXCLUDED.shortdesc, summary = EXCLUDED.summary, description = EXCLUDED.description,
         category = EXCLUDED.category, author = EXCLUDED.author, website = EXCLUDED.website, license = EXCLUDED.license, application = EXCLUDED.application,
         auto_install = EXCLUDED.auto_install, installed_version = EXCLUDED.installed_version, dependencies = EXCLUDED.dependencies`,
      [addons.map((m) => m.name), addons.map((m) => m.summary ?? m.name), addons.map((m) => m.summary ?? null), addons.map((m) => m.description ?? null),
        addons.map((m) => m.category ?? null), addons.map((m) => m.author ?? null), addons.map((m) => m.website ?? null), addons.map((m) => m.license ?? null),
        addons.map((m) => Boolean(m.application)), addons.map((m) => Boolean(m.autoInstall)), addons.map((m) => m.version), addons.map((m) => (m.depends ?? []).join(','))]);
  }

  private async hasDemo(cr: Cursor): Promise<boolean> {
    const rows = await cr.query<{ demo: boolean }>("SELECT demo FROM ir_module_module WHERE name = 'base' AND state = 'installed'");
    return rows[0]?.demo ?? false;
  }

  /** Tells other processes that the modules changed; returns the new generation. */
  private async bumpSignal(cr: Cursor): Promise<number> {
    const rows = await cr.query<{ v: number }>(`SELECT nextval('${SIGNAL}') AS v`);
    return rows[0].v;
  }

  /** The registry generation, read in the caller's transaction (one cheap query). */
  async readSignal(cr: Cursor): Promise<number> {
    const rows = await cr.query<{ last_value: number }>(`SELECT last_value FROM ${SIGNAL}`);
    return rows[0].last_value;
  }

  /** Throws RegistryChanged when another process changed the modules since this one loaded
   *  its registry: checked at the start of a request's own transaction, at no extra round trip. */
  async assertCurrent(cr: Cursor): Promise<void> {
    if ((await this.readSignal(cr)) !== this.db.signal) throw new RegistryChanged();
  }

  /** Reloads the registry when another process changed the modules (returns whether it did). */
  async refreshIfChanged(): Promise<boolean> {
    const signal = await this.db.transaction((cr) => this.readSignal(cr));
    if (signal === this.db.signal) return false;
    const installed = await this.installed();
    await this.db.replaceRegistry(this.buildRegistry(installed));
    this.db.signal = signal;
    return true;
  }
}

/** Raised inside a transaction whose registry is out of date: the caller reloads and reruns. */
export class RegistryChanged extends Error {
  constructor() {
    super('the modules changed in another process');
  }
}

/** Stored computed fields that a module adds to an existing table start with the computed
 *  values of the records already there, as in Odoo. */
async function computeNewFields(env: Env, before: Registry): Promise<void> {
  for (const meta of env.registry.models.values()) {
    const old = before.models.get(meta.name);
    if (!old || meta.view) continue;
    const added = [...meta.fields.values()].filter((f) => f.column && (f.compute || f.related) && !old.fields.get(f.name)?.column);
    if (!added.length) continue;
    const model = env.model(meta.name).with_context({ active_test: false });
    await recompute(model, await model.search([]), added);
  }
}

async function step<T>(module: string, what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ErpError && error.code === 'ERP_MODULE_FAILED') throw error;
    throw errors.moduleFailed(module, what, error);
  }
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}
