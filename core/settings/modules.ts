// Module switches (`module_<name>` booleans): checking installs the module, unchecking uninstalls
// it, with its dependents, once the caller has confirmed what that removes.

import type { Cursor } from '../db/cursor.ts';
import { ErpError, errors } from '../errors.ts';
import type { Env, EnvServices } from '../models/env.ts';
import type { Values } from '../models/model.ts';
import type { RemovalPlan } from '../modules/uninstall.ts';
import type { ClassifiedFields } from './classify.ts';

export interface ModuleChanges {
  install: string[];
  uninstall: string[];
}

/** The module service with the dry run of an uninstall (the `ModuleManager` has it). */
type ModuleService = NonNullable<EnvServices['modules']> & {
  uninstallPlan?(names: string[], cascade?: boolean): Promise<RemovalPlan>;
};

function moduleService(env: Env): ModuleService {
  const service = env.services.modules as ModuleService | undefined;
  if (!service) throw new ErpError('ERP_NO_MODULE_SERVICE', 'Modules cannot be changed from this environment');
  return service;
}

/** The switches whose value differs from the module's state; unknown modules are ignored, as
 *  Odoo ignores a `module_` field whose module is not in the apps list. */
export async function moduleChanges(env: Env, classified: ClassifiedFields, vals: Values): Promise<ModuleChanges> {
  const changes: ModuleChanges = { install: [], uninstall: [] };
  const switches = classified.modules.filter(({ field }) => field.name in vals);
  if (!switches.length) return changes;
  const rows = await env.cr.query<{ name: string; state: string }>(
    'SELECT name, state FROM ir_module_module WHERE name = ANY($1::text[])', [switches.map((s) => s.module)]);
  const states = new Map(rows.map((r) => [r.name, r.state]));
  for (const { field, module } of switches) {
    const state = states.get(module);
    if (!state) continue;
    if (vals[field.name] && state !== 'installed') changes.install.push(module);
    if (!vals[field.name] && state === 'installed') changes.uninstall.push(module);
  }
  return changes;
}

/** "tables a, b; columns t.c; 3 res.partner records", or "no data". */
export function describePlan(plan: RemovalPlan): string {
  const parts: string[] = [];
  if (plan.tables.length) parts.push(`the tables ${plan.tables.join(', ')}`);
  if (plan.columns.length) parts.push(`the columns ${plan.columns.map((c) => `${c.table}.${c.column}`).join(', ')}`);
  for (const [model, ids] of Object.entries(plan.records)) parts.push(`${ids.length} ${model} record(s)`);
  return parts.length ? parts.join('; ') : 'no data';
}

/** Refuses an uninstall the caller has not confirmed (context `confirm_uninstall`), saying which
 *  modules would go (dependents included) and what data with them. */
export async function checkUninstallConfirmed(env: Env, names: string[]): Promise<void> {
  if (!names.length || env.context.confirm_uninstall) return;
  const service = moduleService(env);
  const plan = service.uninstallPlan ? await service.uninstallPlan(names, true) : null;
  throw errors.uninstallNotConfirmed(plan?.modules ?? names, plan ? describePlan(plan) : 'their data');
}

/** Odoo commits the wizard's transaction before changing modules (`_button_immediate_function`),
 *  and so do we: the lifecycle runs in a transaction of its own, whose schema changes (the
 *  columns of `res_config_settings` among them) would otherwise wait forever for the locks this
 *  transaction holds. A new transaction is open again when `fn` returns. */
async function afterCommit<T>(cr: Cursor, fn: () => Promise<T>): Promise<T> {
  await cr.query('COMMIT');
  try {
    return await fn();
  } finally {
    await cr.query('BEGIN');
  }
}

/** Uninstalls (with dependents), then installs; true when anything changed. */
export async function applyModuleChanges(env: Env, changes: ModuleChanges): Promise<boolean> {
  if (!changes.install.length && !changes.uninstall.length) return false;
  const service = moduleService(env);
  await afterCommit(env.cr, async () => {
    if (changes.uninstall.length) await service.uninstall(changes.uninstall, { cascade: true });
    if (changes.install.length) await service.install(changes.install);
  });
  return true;
}
