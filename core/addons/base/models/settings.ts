// The settings wizard (Odoo's `res.config.settings`). Each addon adds its settings as fields
// through `extendModel('res.config.settings', ...)`; where each value really lives is said by
// the field's options (`impliedGroup`, `configParameter`, `cron`, `cronInterval`, or a
// `module_<name>` boolean). The logic is in core/settings.

import { defineModel, type ModelDefinition } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import { toIds, type Model, type Values } from '../../../models/model.ts';
import { currentSettings, executeSettings, setSettingsValues } from '../../../settings/execute.ts';
import { classifyFields } from '../../../settings/classify.ts';
import { catalogOf } from '../../../i18n/catalog.ts';
import { translateFieldAttributes } from '../../../i18n/values.ts';

/** What `env.model<ResConfigSettings>('res.config.settings')` offers beyond the records API. */
export interface ResConfigSettings extends Model {
  get_values(): Promise<Values>;
  set_values(ids: number[] | number): Promise<true>;
  execute(ids: number[] | number): Promise<Values>;
}

export const ResConfigSettings = defineModel({
  name: 'res.config.settings',
  description: 'Config Settings',
  transient: true,
  fields: {
    company_id: fields.many2one('res.company', { string: 'Company', default: (env: { company(): Promise<number | null> }) => env.company() }),
  },
  methods: (Base) => class extends Base {
    /** A new wizard shows the current settings, as in Odoo. */
    override async default_get(names: string[]): Promise<Values> {
      const defaults = await super.default_get(names);
      const current = await currentSettings(this);
      for (const name of names) if (name in current && !(`default_${name}` in this.context)) defaults[name] = current[name];
      return defaults;
    }

    async get_values(): Promise<Values> {
      return currentSettings(this);
    }

    async set_values(ids: number[] | number): Promise<true> {
      return setSettingsValues(this, toIds(ids));
    }

    /** Wizards are transient: those older than an hour go (Odoo's `_transient_vacuum`, run by
     *  the `base.autovacuum_job` scheduled action). */
    async _transient_vacuum(): Promise<number> {
      return this.env.cr.execute(
        `DELETE FROM ${this.meta.table} WHERE coalesce(write_date, create_date) < (now() AT TIME ZONE 'UTC') - interval '1 hour'`);
    }

    /** The settings page's layout: one section per module that adds settings (in load order),
     *  each setting with its label, help, type and kind (group, parameter, module, cron), in the
     *  user's language. */
    async get_settings_layout(): Promise<Values[]> {
      const classified = classifyFields(this.meta);
      const kinds = new Map<string, string>([
        ...classified.groups.map((g) => [g.field.name, 'group'] as const),
        ...classified.configs.map((c) => [c.field.name, 'parameter'] as const),
        ...classified.modules.map((m) => [m.field.name, 'module'] as const),
        ...classified.cronSwitches.map((c) => [c.field.name, 'cron'] as const),
        ...classified.cronIntervals.map((c) => [c.field.name, 'cron'] as const),
      ]);
      const byModule = new Map<string, Values[]>();
      const catalog = catalogOf(this.env);
      for (const field of this.meta.fields.values()) {
        if (!kinds.has(field.name)) continue;
        const module = field.modules[field.modules.length - 1];
        const setting: Values = {
          name: field.name, string: field.string, help: field.help ?? false, type: field.type, kind: kinds.get(field.name),
          selection: field.selection ?? false, relation: field.comodel ?? false,
        };
        byModule.set(module, [...(byModule.get(module) ?? []), catalog ? translateFieldAttributes(setting, field, catalog) : setting]);
      }
      const order = this.env.registry.addons;
      const modules = [...byModule.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
      const titles = new Map((await this.env.model('ir.module.module').sudo().search_read([['name', 'in', modules]], ['name', 'shortdesc']))
        .map((m) => [m.name as string, (m.shortdesc as string) || (m.name as string)]));
      return modules.map((module) => ({ module, title: titles.get(module) ?? module, settings: byModule.get(module) }));
    }

    /** Saves the wizard: groups, parameters, scheduled actions, then modules. */
    async execute(ids: number[] | number): Promise<Values> {
      return executeSettings(this, toIds(ids));
    }
  },
});

export const settingsModels: ModelDefinition[] = [ResConfigSettings];
