// The fields of `res.config.settings` sorted by where their value really lives, as Odoo's
// `_get_classified_fields`: a group implied by internal users, a system parameter, a module's
// state, or a scheduled action. Fields of none of these kinds are plain fields of the wizard.

import { errors } from '../errors.ts';
import type { Field, ModelMeta } from '../models/types.ts';

export interface ClassifiedFields {
  groups: Array<{ field: Field; group: string }>;
  configs: Array<{ field: Field; key: string }>;
  modules: Array<{ field: Field; module: string }>;
  cronSwitches: Array<{ field: Field; cron: string }>;
  cronIntervals: Array<{ field: Field; cron: string; part: 'number' | 'type' }>;
}

export const SETTINGS_MODEL = 'res.config.settings';

const CONFIG_TYPES = new Set(['char', 'text', 'html', 'selection', 'integer', 'float', 'monetary', 'boolean', 'date', 'datetime', 'many2one', 'many2many']);

function refuse(field: Field, reason: string): never {
  throw errors.badModelDefinition(field.model, `setting "${field.name}" ${reason}`);
}

function classifyOne(field: Field, out: ClassifiedFields): void {
  if (field.impliedGroup) {
    if (field.type !== 'boolean') refuse(field, 'has impliedGroup, so it must be a boolean');
    out.groups.push({ field, group: field.impliedGroup });
  } else if (field.configParameter) {
    if (!CONFIG_TYPES.has(field.type)) refuse(field, `cannot keep a ${field.type} in a system parameter`);
    out.configs.push({ field, key: field.configParameter });
  } else if (field.cron) {
    if (field.type !== 'boolean') refuse(field, 'has cron, so it must be a boolean');
    out.cronSwitches.push({ field, cron: field.cron });
  } else if (field.cronInterval) {
    const { cron, part } = field.cronInterval;
    if (part === 'number' ? field.type !== 'integer' : field.type !== 'selection' && field.type !== 'char') {
      refuse(field, part === 'number' ? 'sets an interval number, so it must be an integer' : 'sets an interval unit, so it must be a selection');
    }
    out.cronIntervals.push({ field, cron, part });
  } else if (field.name.startsWith('module_') && field.type === 'boolean') {
    out.modules.push({ field, module: field.name.slice('module_'.length) });
  }
}

/** The settings fields of the model by kind (checked: an option on the wrong type is refused). */
export function classifyFields(meta: ModelMeta): ClassifiedFields {
  const out: ClassifiedFields = { groups: [], configs: [], modules: [], cronSwitches: [], cronIntervals: [] };
  for (const field of meta.fields.values()) classifyOne(field, out);
  return out;
}
