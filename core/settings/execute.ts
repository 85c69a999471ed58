// Saving the settings wizard (Odoo's `res.config.settings.execute`): the groups, parameters and
// scheduled actions first, in the caller's transaction, then the module switches.

import { errors } from '../errors.ts';
import type { Model, Values } from '../models/model.ts';
import { classifyFields, type ClassifiedFields } from './classify.ts';
import { applyModuleChanges, checkUninstallConfirmed, moduleChanges } from './modules.ts';
import { setValues } from './apply.ts';
import { getValues } from './values.ts';

/** What the client does after saving: reload, since menus and fields may have changed. */
export const RELOAD: Values = { type: 'ir.actions.client', tag: 'reload' };

const settingsFields = (c: ClassifiedFields) =>
  [...c.groups, ...c.configs, ...c.modules, ...c.cronSwitches, ...c.cronIntervals].map((s) => s.field.name);

/** The saved wizard's settings, in read shape. */
async function readRecord(model: Model, ids: number[], classified: ClassifiedFields): Promise<Values> {
  if (ids.length !== 1) throw errors.invalidValue(model.meta.name, 'id', `execute() takes one settings record, got ${ids.length}`);
  const [record] = await model.read(ids, settingsFields(classified));
  if (!record) throw errors.missing(model.meta.name, ids);
  return record;
}

/** The current state of every setting. */
export async function currentSettings(model: Model): Promise<Values> {
  return getValues(model.env, classifyFields(model.meta));
}

/** Applies the settings of the record with id `ids[0]`. Unchecking an installed module is refused
 *  unless the context has `confirm_uninstall: true`; changing modules commits the caller's
 *  transaction first (as Odoo does). */
export async function executeSettings(model: Model, ids: number[]): Promise<Values> {
  const classified = classifyFields(model.meta);
  const vals = await readRecord(model, ids, classified);
  const modules = await moduleChanges(model.env, classified, vals);
  // Refuse before anything is written, so the refusal leaves everything as it was.
  await checkUninstallConfirmed(model.env, modules.uninstall);
  const current = await getValues(model.env, classified);
  await setValues(model.env.sudo(), classified, vals, current);
  await applyModuleChanges(model.env, modules);
  return RELOAD;
}

/** Applies the groups, parameters and scheduled actions of the record (not the modules). */
export async function setSettingsValues(model: Model, ids: number[]): Promise<true> {
  const classified = classifyFields(model.meta);
  const vals = await readRecord(model, ids, classified);
  await setValues(model.env.sudo(), classified, vals, await getValues(model.env, classified));
  return true;
}
