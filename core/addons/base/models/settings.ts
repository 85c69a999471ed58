// The settings wizard (Odoo's `res.config.settings`). Each addon adds its settings as fields
// through `extendModel('res.config.settings', ...)`; where each value really lives is said by
// the field's options (`impliedGroup`, `configParameter`, `cron`, `cronInterval`, or a
// `module_<name>` boolean). The logic is in core/settings.

import { defineModel, type ModelDefinition } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import { toIds, type Model, type Values } from '../../../models/model.ts';
import { currentSettings, executeSettings, setSettingsValues } from '../../../settings/execute.ts';

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

    /** Saves the wizard: groups, parameters, scheduled actions, then modules. */
    async execute(ids: number[] | number): Promise<Values> {
      return executeSettings(this, toIds(ids));
    }
  },
});

export const settingsModels: ModelDefinition[] = [ResConfigSettings];
