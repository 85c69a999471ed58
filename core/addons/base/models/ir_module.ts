// The modules known to a database and their state (Odoo's `ir.module.module`).

import { defineModel } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import type { Values } from '../../../models/model.ts';
import { ErpError } from '../../../errors.ts';

export const MODULE_STATES: Array<[string, string]> = [
  ['uninstalled', 'Not Installed'], ['installed', 'Installed'], ['to upgrade', 'To be upgraded'],
  ['to remove', 'To be removed'], ['to install', 'To be installed'],
];

export const IrModule = defineModel({
  name: 'ir.module.module',
  description: 'Module',
  order: 'application desc, sequence, name',
  fields: {
    name: fields.char({ string: 'Technical Name', required: true, index: true }),
    shortdesc: fields.char({ string: 'Module Name', translate: true }),
    summary: fields.char({ string: 'Summary', translate: true }),
    description: fields.text({ string: 'Description' }),
    category: fields.char({ string: 'Category' }),
    author: fields.char({ string: 'Author' }),
    website: fields.char({ string: 'Website' }),
    license: fields.char({ string: 'License' }),
    state: fields.selection(MODULE_STATES, { string: 'Status', default: 'uninstalled', index: true }),
    latest_version: fields.char({ string: 'Installed Version' }),
    installed_version: fields.char({ string: 'Latest Version' }),
    application: fields.boolean({ string: 'Application' }),
    auto_install: fields.boolean({ string: 'Automatic Installation' }),
    demo: fields.boolean({ string: 'Demo Data' }),
    sequence: fields.integer({ default: 100 }),
    dependencies: fields.char({ string: 'Dependencies', help: 'Comma-separated names of the modules it depends on' }),
  },
  sqlConstraints: [{ name: 'name_uniq', definition: 'unique(name)', message: 'The name of the module must be unique!' }],
  methods: (Base) => class extends Base {
    async _manager() {
      const modules = this.env.services.modules;
      if (!modules) throw new ErpError('ERP_NO_MODULE_SERVICE', 'Modules cannot be changed from this environment');
      return modules;
    }

    async _names(ids: number[] | number): Promise<string[]> {
      return (await this.read(ids, ['name'])).map((r) => r.name as string);
    }

    /** Installs the modules now (Odoo's "Activate"); the client reloads afterwards. */
    async button_immediate_install(ids: number[] | number): Promise<Values> {
      await (await this._manager()).install(await this._names(ids));
      return RELOAD;
    }

    /** Uninstalls the modules and the installed modules that depend on them. */
    async button_immediate_uninstall(ids: number[] | number): Promise<Values> {
      await (await this._manager()).uninstall(await this._names(ids), { cascade: true });
      return RELOAD;
    }

    async button_immediate_upgrade(ids: number[] | number): Promise<Values> {
      await (await this._manager()).upgrade(await this._names(ids));
      return RELOAD;
    }

    /** What uninstalling these modules would remove (the dependents too), for a confirmation:
     *  module names, record counts per model, tables and columns. Changes nothing. */
    async module_uninstall_plan(ids: number[] | number): Promise<Values> {
      const plan = await (await this._manager()).uninstallPlan(await this._names(ids), true);
      return {
        modules: plan.modules,
        records: Object.fromEntries(Object.entries(plan.records).map(([model, list]) => [model, list.length])),
        tables: plan.tables,
        columns: plan.columns.map((c) => `${c.table}.${c.column}`),
      };
    }

    /** Odoo's "Update Apps List": records every addon found on disk. Returns [updated, added]. */
    async update_list(): Promise<[number, number]> {
      const before = await this.sudo().search_count([]);
      await (await this._manager()).syncModuleList(this.env);
      const after = await this.sudo().search_count([]);
      return [before, after - before];
    }
  },
});

const RELOAD: Values = { type: 'ir.actions.client', tag: 'reload' };
