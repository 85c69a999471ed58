// The alias domain on the Settings page. It belongs to the company (res.company.alias_domain),
// not to a system parameter, so the setting reads and writes the settings' company rather than
// going through core/settings' kinds; the page lists it in mail's section.

import { extendModel } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import { toIds, type Values } from '../../../models/model.ts';
import { catalogOf } from '../../../i18n/catalog.ts';
import { translateFieldAttributes } from '../../../i18n/values.ts';
import type { ResConfigSettings } from '../../base/models/settings.ts';
import { cleanDomain } from './res_company.ts';

type SettingsModel = ResConfigSettings & { get_settings_layout(): Promise<Values[]> };

const m2oId = (value: unknown): number | false => (Array.isArray(value) ? (value[0] as number) : typeof value === 'number' ? value : false);

export const MailSettings = extendModel('res.config.settings', {
  fields: {
    alias_domain: fields.char({ string: 'Alias Domain', help: 'Incoming emails to <alias>@<this domain> are turned into records (e.g. sales@example.com creates a lead)' }),
  },
  methods: (Base) => class extends (Base as new (...args: ConstructorParameters<typeof Base>) => SettingsModel) {
    async _company_alias_domain(companyId: number | false): Promise<string | false> {
      if (!companyId) return false;
      const [company] = await this.env.sudo().model('res.company').read(companyId, ['alias_domain']);
      return (company?.alias_domain as string | false) ?? false;
    }

    override async default_get(names: string[]): Promise<Values> {
      const defaults = await super.default_get(names);
      if (names.includes('alias_domain') && !('default_alias_domain' in this.env.context)) {
        defaults.alias_domain = await this._company_alias_domain(m2oId(defaults.company_id) || (await this.env.company()) || false);
      }
      return defaults;
    }

    /** Writes the wizard's domain to its company when it differs. */
    async _save_alias_domain(ids: number[]): Promise<void> {
      const [wizard] = await this.read(ids, ['company_id', 'alias_domain']);
      const company = m2oId(wizard?.company_id);
      if (!company || cleanDomain(wizard.alias_domain) === (await this._company_alias_domain(company))) return;
      await this.env.sudo().model('res.company').write(company, { alias_domain: wizard.alias_domain });
    }

    override async execute(ids: number[] | number): Promise<Values> {
      await this._save_alias_domain(toIds(ids));
      return super.execute(ids);
    }

    override async set_values(ids: number[] | number): Promise<true> {
      await this._save_alias_domain(toIds(ids));
      return super.set_values(ids);
    }

    /** The alias domain joins mail's section of the page (created when mail has no other setting). */
    override async get_settings_layout(): Promise<Values[]> {
      const layout = await super.get_settings_layout();
      const field = this.meta.fields.get('alias_domain')!;
      const catalog = catalogOf(this.env);
      const base: Values = { name: field.name, string: field.string, help: field.help ?? false, type: field.type, kind: 'company', selection: false, relation: false };
      const setting = catalog ? translateFieldAttributes(base, field, catalog) : base;
      let section = layout.find((s) => s.module === 'mail');
      if (!section) {
        const [mail] = await this.env.model('ir.module.module').sudo().search_read([['name', '=', 'mail']], ['shortdesc']);
        section = { module: 'mail', title: (mail?.shortdesc as string) || 'mail', settings: [] };
        const order = this.env.registry.addons;
        const at = layout.findIndex((s) => order.indexOf(String(s.module)) > order.indexOf('mail'));
        layout.splice(at < 0 ? layout.length : at, 0, section);
      }
      (section.settings as Values[]).push(setting);
      return layout;
    }
  },
});
