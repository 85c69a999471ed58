// Each sales team's email alias (Odoo 17's crm.team `_alias_get_creation_values`): mail to
// sales@<company domain> creates a lead in the Sales team, or an opportunity when the Leads
// setting is off or the team does not use leads. The alias follows the team (`use_leads`,
// `use_opportunities`) and the Leads setting; a team with neither leads nor pipeline has no
// address.

import { extendModel, type Env, type Values } from '../../../core/index.ts';
import { mailAliasMixin, type MailAliasOwner } from '../../../core/addons/mail/mixins.ts';
import { parseDict, pyRepr } from '../../../core/addons/mail/mixins.ts';
import type { ResConfigSettings } from '../../../core/index.ts';

/** Whether the Leads setting is on: internal users imply `crm.group_use_lead` (what the
 *  setting switches), whoever the current user is. */
export async function leadsSettingOn(env: Env): Promise<boolean> {
  const rows = await env.cr.query<{ on: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM res_groups_implied_rel r
         JOIN ir_model_data u ON u.model = 'res.groups' AND u.module = 'base' AND u.name = 'group_user' AND u.res_id = r.gid
         JOIN ir_model_data l ON l.model = 'res.groups' AND l.module = 'crm' AND l.name = 'group_use_lead' AND l.res_id = r.hid
     ) AS on`);
  return Boolean(rows[0]?.on);
}

export const TeamAliasMixin = mailAliasMixin('crm.team');

export const TeamAlias = extendModel('crm.team', {
  methods: (Base) => class extends (Base as new (...args: ConstructorParameters<typeof Base>) => MailAliasOwner) {
    /** The alias creates crm.lead records of the team, of the type the team and setting say,
     *  keeping the other defaults an administrator gave the alias. */
    override async _alias_get_creation_values(ids: number[]): Promise<Map<number, Values>> {
      const values = await super._alias_get_creation_values(ids);
      if (!ids.length) return values;
      const [leadModel, useLeads] = await Promise.all([this._alias_model_id('crm.lead'), leadsSettingOn(this.env)]);
      const teams = await this.env.cr.query<{ id: number; use_leads: boolean | null; use_opportunities: boolean | null; alias_defaults: string | null }>(
        `SELECT t.id, t.use_leads, t.use_opportunities, a.alias_defaults
           FROM crm_team t LEFT JOIN mail_alias a ON a.id = t.alias_id WHERE t.id = ANY($1::int4[])`, [ids]);
      for (const team of teams) {
        const defaults = { ...parseDict(team.alias_defaults, 'mail.alias', 'alias_defaults'), type: useLeads && team.use_leads ? 'lead' : 'opportunity', team_id: team.id };
        const own: Values = { alias_model_id: leadModel, alias_defaults: pyRepr(defaults) };
        if (!team.use_leads && !team.use_opportunities) own.alias_name = false;
        values.set(team.id, { ...values.get(team.id), ...own });
      }
      return values;
    }

    override async write(ids: number[] | number, vals: Values): Promise<true> {
      await super.write(ids, vals);
      if ('use_leads' in vals || 'use_opportunities' in vals) await this._alias_update(Array.isArray(ids) ? ids : [ids]);
      return true;
    }
  },
});

type SettingsModel = ResConfigSettings;

/** Switching the Leads setting switches the teams' leads (those with a pipeline) and their
 *  aliases' record type, as Odoo's crm `res.config.settings.set_values`. */
async function syncTeamAliases(env: Env, before: boolean): Promise<void> {
  const after = await leadsSettingOn(env);
  if (after === before) return;
  const teams = env.sudo().model<MailAliasOwner>('crm.team');
  const withPipeline = await teams.search([['use_opportunities', '=', true]]);
  if (withPipeline.length) await teams.write(withPipeline, { use_leads: after });
  const others = (await teams.search([])).filter((id) => !withPipeline.includes(id));
  await teams._alias_update(others);
}

export const TeamAliasSettings = extendModel('res.config.settings', {
  methods: (Base) => class extends (Base as new (...args: ConstructorParameters<typeof Base>) => SettingsModel) {
    override async execute(ids: number[] | number): Promise<Values> {
      const before = await leadsSettingOn(this.env);
      const result = await super.execute(ids);
      await syncTeamAliases(this.env, before);
      return result;
    }

    override async set_values(ids: number[] | number): Promise<true> {
      const before = await leadsSettingOn(this.env);
      await super.set_values(ids);
      await syncTeamAliases(this.env, before);
      return true;
    }
  },
});
