// `mailAliasMixin(model)`: each record of the model owns an email alias (Odoo's
// mail.alias.mixin), e.g. a sales team owns sales@ which creates its leads. The alias is created
// with the record, follows its company, is written through the record's `alias_name` and
// `alias_contact`, and goes with it. What the alias does (the model it creates records in, their
// default values) comes from `_alias_get_creation_values`, which the owner's addon overrides and
// calls `_alias_update` after changing what those values depend on.

import { extendModel, type ModelExtension } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import { toIds, type Model, type Values } from '../../../models/model.ts';
import { quote } from '../../../db/query.ts';
import { ALIAS_CONTACTS } from '../models/alias.ts';

/** What the owner's record writes through to its alias. */
const WRITABLE = ['alias_name', 'alias_contact', 'alias_defaults'] as const;

/** What `mailAliasMixin` adds, for callers and for the addons that override it. */
export interface MailAliasOwner extends Model {
  /** The values of each record's alias (model, defaults, parent), by record id. */
  _alias_get_creation_values(ids: number[]): Promise<Map<number, Values>>;
  /** Rewrites the aliases of the records from `_alias_get_creation_values`. */
  _alias_update(ids: number[]): Promise<void>;
  /** The id of a model's `ir.model` row. */
  _alias_model_id(model: string): Promise<number>;
}

function splitValues(vals: Values): [Values, Values] {
  const alias: Values = {};
  const own: Values = {};
  for (const [key, value] of Object.entries(vals)) {
    if ((WRITABLE as readonly string[]).includes(key)) alias[key] = value;
    else own[key] = value;
  }
  return [alias, own];
}

const m2oId = (value: unknown): number | false => (Array.isArray(value) ? (value[0] as number) : typeof value === 'number' && value ? value : false);

export function mailAliasMixin(modelName: string): ModelExtension {
  return extendModel(modelName, {
    fields: {
      // 'set null' rather than Odoo's 'restrict': uninstalling the alias model's module deletes the
      // aliases (ir.model cascade) before the owners' table goes.
      alias_id: fields.many2one('mail.alias', { string: 'Alias', ondelete: 'set null', copy: false, help: 'Email address internally associated with this record. New emails received will automatically create new records (or the records of the alias model).' }),
      alias_name: fields.char({ string: 'Alias Name', related: 'alias_id.alias_name', readonly: false, copy: false, help: "The name of the email alias, e.g. 'jobs' if you want to catch emails for <jobs@example.odoo.com>" }),
      alias_domain: fields.char({ string: 'Alias Domain', related: 'alias_id.alias_domain' }),
      alias_contact: fields.selection(ALIAS_CONTACTS, { string: 'Alias Contact Security', related: 'alias_id.alias_contact', readonly: false, help: 'Who may send emails to the alias: everyone, or only senders known as partners.' }),
    },
    methods: (Base) => class extends Base {
      async _alias_model_id(model: string): Promise<number> {
        const [id] = await this.env.sudo().model('ir.model').search([['model', '=', model]], { limit: 1 });
        return id;
      }

      /** By default the alias creates records of this model; the owner's company is the alias's. */
      async _alias_get_creation_values(ids: number[]): Promise<Map<number, Values>> {
        const modelId = await this._alias_model_id(this.meta.name);
        const companies = this.meta.fields.has('company_id') && ids.length
          ? new Map((await this.sudo().with_context({ active_test: false }).read(ids, ['company_id'])).map((r) => [r.id, m2oId(r.company_id)]))
          : new Map<number, number | false>();
        return new Map(ids.map((id) => [id, {
          alias_model_id: modelId, alias_parent_model_id: modelId, alias_parent_thread_id: id,
          ...(companies.has(id) ? { company_id: companies.get(id) } : {}),
        }]));
      }

      override async create(vals: Values | Values[]): Promise<any> {
        const split = (Array.isArray(vals) ? vals : [vals]).map(splitValues);
        const ids = await super.create(split.map(([, own]) => own)) as number[];
        await this._alias_create(ids, split.map(([alias]) => alias));
        return Array.isArray(vals) ? ids : ids[0];
      }

      /** Creates the aliases of records that have none, with the caller's values under the
       *  owner's (Odoo writes the owner's values after the creation), in a fixed number of queries. */
      async _alias_create(ids: number[], given: Values[]): Promise<void> {
        if (!ids.length) return;
        const values = await this._alias_get_creation_values(ids);
        const aliasIds = await this.env.sudo().model('mail.alias').create(ids.map((id, i) => ({ ...given[i], ...values.get(id) })));
        await this.env.cr.execute(
          `UPDATE ${quote(this.meta.table)} t SET alias_id = v.alias FROM unnest($1::int4[], $2::int4[]) AS v(id, alias) WHERE t.id = v.id`,
          [ids, aliasIds]);
      }

      override async write(ids: number[] | number, vals: Values): Promise<true> {
        const [alias, own] = splitValues(vals);
        if (Object.keys(own).length || !Object.keys(alias).length) await super.write(ids, own);
        const list = toIds(ids);
        if (Object.keys(alias).length) {
          const existing = await this._alias_ids(list);
          // Records made before their addon had aliases get theirs now.
          if (existing.length < list.length) {
            const withAlias = new Set((await this.env.cr.query<{ id: number }>(
              `SELECT id FROM ${quote(this.meta.table)} WHERE id = ANY($1::int4[]) AND alias_id IS NOT NULL`, [list])).map((r) => r.id));
            const missing = list.filter((id) => !withAlias.has(id));
            await this._alias_create(missing, missing.map(() => alias));
          }
          await this.env.sudo().model('mail.alias').write(existing, alias);
        }
        if ('company_id' in own) await this._alias_update(list);
        return true;
      }

      override async unlink(ids: number[] | number): Promise<true> {
        const aliases = await this._alias_ids(toIds(ids));
        await super.unlink(ids);
        if (aliases.length) await this.env.sudo().model('mail.alias').unlink(aliases);
        return true;
      }

      async _alias_ids(ids: number[]): Promise<number[]> {
        if (!ids.length) return [];
        const rows = await this.env.cr.query<{ alias_id: number }>(
          `SELECT alias_id FROM ${quote(this.meta.table)} WHERE id = ANY($1::int4[]) AND alias_id IS NOT NULL`, [ids]);
        return rows.map((r) => r.alias_id);
      }

      /** One write per distinct set of values: records whose aliases end the same share it. */
      async _alias_update(ids: number[]): Promise<void> {
        if (!ids.length) return;
        const values = await this._alias_get_creation_values(ids);
        const rows = await this.env.cr.query<{ id: number; alias_id: number }>(
          `SELECT id, alias_id FROM ${quote(this.meta.table)} WHERE id = ANY($1::int4[]) AND alias_id IS NOT NULL`, [ids]);
        const groups = new Map<string, { values: Values; aliases: number[] }>();
        for (const row of rows) {
          const v = values.get(row.id) ?? {};
          const key = JSON.stringify(v);
          groups.set(key, { values: v, aliases: [...(groups.get(key)?.aliases ?? []), row.alias_id] });
        }
        const aliases = this.env.sudo().model('mail.alias');
        for (const group of groups.values()) await aliases.write(group.aliases, group.values);
      }
    },
  });
}
