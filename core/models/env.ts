// The environment of a records call: the transaction (cursor), the registry, the user, the context
// and whether access checks are bypassed (`sudo()`). Cheap to derive; models are cached per env.

import type { Cursor } from '../db/cursor.ts';
import { errors } from '../errors.ts';
import type { Model } from './model.ts';
import type { Registry } from './registry.ts';
import type { RemovalPlan } from '../modules/uninstall.ts';
import type { Context } from './types.ts';

export const SUPERUSER_ID = 1;

/** What records code may ask of the running instance, beyond the database (set by the core). */
export interface EnvServices {
  modules?: {
    install(names: string[]): Promise<string[]>;
    upgrade(names: string[]): Promise<string[]>;
    uninstall(names: string[], options?: { cascade?: boolean }): Promise<unknown>;
    uninstallPlan(names: string[], cascade?: boolean): Promise<RemovalPlan>;
    syncModuleList(env: Env): Promise<void>;
  };
}

export class Env {
  private readonly cache = new Map<string, Model>();
  private companyId?: Promise<number | null>;

  constructor(
    readonly cr: Cursor,
    readonly registry: Registry,
    readonly uid: number = SUPERUSER_ID,
    readonly context: Readonly<Context> = {},
    readonly su: boolean = uid === SUPERUSER_ID,
    readonly services: EnvServices = {},
  ) {}

  /** The model `name`, bound to this environment. */
  model<M extends Model = Model>(name: string): M {
    let model = this.cache.get(name);
    if (!model) {
      const meta = this.registry.get(name);
      model = new meta.cls(this, meta);
      this.cache.set(name, model);
    }
    return model as M;
  }

  /** The same environment without access checks (or with them back, `sudo(false)`). */
  sudo(flag = true): Env {
    return flag === this.su ? this : new Env(this.cr, this.registry, this.uid, this.context, flag, this.services);
  }

  withContext(context: Context): Env {
    return new Env(this.cr, this.registry, this.uid, { ...this.context, ...context }, this.su, this.services);
  }

  withUser(uid: number): Env {
    return new Env(this.cr, this.registry, uid, this.context, uid === SUPERUSER_ID, this.services);
  }

  /** The company the records call works for: `context.company_id` when given (a switch in the
   *  client), else the user's company. Read once per environment. */
  async company(): Promise<number | null> {
    const fromContext = this.context.company_id;
    if (typeof fromContext === 'number') return fromContext;
    this.companyId ??= this.cr.query<{ company_id: number | null }>('SELECT company_id FROM res_users WHERE id = $1', [this.uid])
      .then((rows) => rows[0]?.company_id ?? null);
    return this.companyId;
  }

  get lang(): string {
    return this.context.lang ?? 'en_US';
  }

  /** The record behind an external id `module.name`, as `{ model, id }`. */
  async ref(xmlid: string, raiseIfMissing = true): Promise<{ model: string; id: number } | null> {
    const [module, name] = splitXmlid(xmlid);
    const rows = await this.cr.query<{ model: string; res_id: number }>(
      'SELECT model, res_id FROM ir_model_data WHERE module = $1 AND name = $2', [module, name]);
    if (!rows.length) {
      if (raiseIfMissing) throw errors.unknownXmlid(xmlid);
      return null;
    }
    return { model: rows[0].model, id: rows[0].res_id };
  }

  /** The id behind an external id. */
  async refId(xmlid: string): Promise<number> {
    return (await this.ref(xmlid))!.id;
  }
}

export function splitXmlid(xmlid: string, defaultModule?: string): [string, string] {
  const dot = xmlid.indexOf('.');
  if (dot < 0) {
    if (!defaultModule) throw errors.unknownXmlid(xmlid);
    return [defaultModule, xmlid];
  }
  return [xmlid.slice(0, dot), xmlid.slice(dot + 1)];
}
