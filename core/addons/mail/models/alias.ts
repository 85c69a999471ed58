// mail.alias: an email address of the application (Odoo's). Mail received for
// `<alias_name>@<domain>` creates a record of `alias_model_id` with the values of
// `alias_defaults` (a Python dict literal, `{'type': 'lead', 'team_id': 1}`), or is posted on the
// record `alias_force_thread_id`. The domain is the alias company's `alias_domain`
// (res.company); an alias whose company has none answers at any domain. `alias_parent_*` name the
// record that owns the alias (a sales team owns the alias that creates its leads).

import { defineModel } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import { errors } from '../../../errors.ts';
import type { Model, Values } from '../../../models/model.ts';
import type { RecordValues } from '../../../models/types.ts';
import { parseDict } from '../lib/literal.ts';

export const ALIAS_CONTACTS: Array<[string, string]> = [['everyone', 'Everyone'], ['partners', 'Authenticated Partners']];

/** RFC 5322's dot-atom: what an alias name may be. */
const DOT_ATOM = /^[a-z0-9!#$%&'*+\-/=?^_`{|}~]+(\.[a-z0-9!#$%&'*+\-/=?^_`{|}~]+)*$/;

/** An alias as the gateway routes with it. */
export interface AliasRoute {
  id: number;
  alias_name: string;
  /** The model records are created in. */
  model: string;
  alias_defaults: string;
  alias_force_thread_id: number | null;
  alias_contact: string;
  /** The domain the alias answers at, lower case, or null for any. */
  domain: string | null;
}

/** What `env.model<MailAlias>('mail.alias')` offers beyond the records API. */
export interface MailAlias extends Model {
  /** The alias each address (`local@domain`) reaches, by address as given; unknown ones are left out. */
  _match_recipients(addresses: string[]): Promise<Map<string, AliasRoute>>;
  /** Refuses two active aliases with the same address among these and the others. */
  _check_unique(ids: number[]): Promise<void>;
}

/** Odoo's `_sanitize_alias_name`: lower case, the local part of an address, unaccented, and
 *  anything but letters, digits, `_`, `+`, `-` and `.` replaced by `-`. */
export function sanitizeAliasName(name: unknown): string | false {
  if (typeof name !== 'string') return false;
  const local = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().split('@')[0];
  const clean = local.replace(/[^\w+.-]+/g, '-').replace(/^\.+|\.+$/g, '').replace(/\.{2,}/g, '.');
  return clean || false;
}

/** `local@domain`, lower case, split; false when it is not an address. */
export function splitAddress(address: string): { local: string; domain: string } | false {
  const at = address.trim().lastIndexOf('@');
  if (at <= 0) return false;
  return { local: address.trim().slice(0, at).toLowerCase(), domain: address.trim().slice(at + 1).toLowerCase() };
}

const sanitized = (vals: Values): Values => ('alias_name' in vals ? { ...vals, alias_name: sanitizeAliasName(vals.alias_name) } : vals);

export const Alias = defineModel({
  name: 'mail.alias',
  description: 'Email Aliases',
  order: 'alias_model_id, alias_name',
  recName: 'alias_name',
  fields: {
    alias_name: fields.char({ string: 'Alias Name', index: true, copy: false, help: "The name of the email alias, e.g. 'jobs' if you want to catch emails for <jobs@example.odoo.com>" }),
    alias_model_id: fields.many2one('ir.model', { string: 'Aliased Model', required: true, ondelete: 'cascade', help: 'The model (Odoo Document Kind) to which this alias corresponds. Any incoming email that does not reply to an existing record will cause the creation of a new record of this model (e.g. a Project Task)' }),
    alias_defaults: fields.text({ string: 'Default Values', required: true, default: '{}', help: 'A Python dictionary that will be evaluated to provide default values when creating new records for this alias.' }),
    alias_force_thread_id: fields.integer({ string: 'Record Thread ID', help: 'Optional ID of a thread (record) to which all incoming messages will be attached, even if they did not reply to it. If set, this will disable the creation of new records completely.' }),
    alias_parent_model_id: fields.many2one('ir.model', { string: 'Parent Model', ondelete: 'cascade', help: 'Parent model holding the alias. The model holding the alias reference is not necessarily the model given by alias_model_id (example: project (parent_model) and task (model))' }),
    alias_parent_thread_id: fields.integer({ string: 'Parent Record Thread ID', help: 'ID of the parent record holding the alias (example: project holding the task creation alias)' }),
    alias_contact: fields.selection(ALIAS_CONTACTS, { string: 'Alias Contact Security', required: true, default: 'everyone', help: 'Who may send emails to the alias: everyone, or only senders known as partners.' }),
    company_id: fields.many2one('res.company', { string: 'Company', index: true, default: (env: { company(): Promise<number | null> }) => env.company() }),
    alias_domain: fields.char({ string: 'Alias Domain', related: 'company_id.alias_domain' }),
    alias_full_name: fields.char({ string: 'Alias Email', compute: '_compute_alias_full_name', depends: ['alias_name', 'company_id'] }),
    active: fields.boolean({ default: true }),
  },
  constraints: [
    {
      fields: ['alias_name'],
      check(records: RecordValues[]) {
        for (const r of records) {
          if (r.alias_name && !DOT_ATOM.test(String(r.alias_name))) {
            throw errors.constraint('mail.alias', 'You cannot use anything else than unaccented latin characters in the alias address.', ['alias_name']);
          }
        }
      },
    },
    {
      fields: ['alias_defaults'],
      check(records: RecordValues[]) {
        for (const r of records) parseDict(r.alias_defaults, 'mail.alias', 'alias_defaults');
      },
    },
  ],
  methods: (Base) => class extends Base {
    override async create(vals: Values | Values[]): Promise<any> {
      const list = (Array.isArray(vals) ? vals : [vals]).map(sanitized);
      const ids = await super.create(list) as number[];
      await this._check_unique(ids);
      return Array.isArray(vals) ? ids : ids[0];
    }

    override async write(ids: number[] | number, vals: Values): Promise<true> {
      await super.write(ids, sanitized(vals));
      if ('alias_name' in vals || 'company_id' in vals || 'active' in vals) await this._check_unique(Array.isArray(ids) ? ids : [ids]);
      return true;
    }

    /** One active alias per name and domain (aliases of companies sharing a domain share the
     *  names), checked in one query for the batch. */
    async _check_unique(ids: number[]): Promise<void> {
      if (!ids.length) return;
      const rows = await this.env.cr.query<{ name: string; domain: string | null }>(
        `SELECT a.alias_name AS name, ca.alias_domain AS domain
           FROM mail_alias a LEFT JOIN res_company ca ON ca.id = a.company_id
           JOIN mail_alias b ON b.alias_name = a.alias_name AND b.id <> a.id AND b.active
           LEFT JOIN res_company cb ON cb.id = b.company_id
          WHERE a.id = ANY($1::int4[]) AND a.active AND a.alias_name IS NOT NULL
            AND coalesce(lower(ca.alias_domain), '') = coalesce(lower(cb.alias_domain), '')
          LIMIT 1`, [ids]);
      if (rows.length) {
        const address = rows[0].domain ? `${rows[0].name}@${rows[0].domain}` : rows[0].name;
        throw errors.constraint('mail.alias', `The email alias ${address} is already used. Please enter another one.`, ['alias_name']);
      }
    }

    async _compute_alias_full_name(records: RecordValues[]): Promise<Map<number, unknown>> {
      const names = await this._display_names(records.map((r) => r.id));
      return new Map(records.map((r) => [r.id, r.alias_name ? names.get(r.id) : false]));
    }

    /** `sales@example.com`, `sales` without a domain, "Inactive Alias" without a name. */
    override async _display_names(ids: number[]): Promise<Map<number, string>> {
      if (!ids.length) return new Map();
      const rows = await this.env.cr.query<{ id: number; alias_name: string | null; domain: string | null }>(
        `SELECT a.id, a.alias_name, c.alias_domain AS domain FROM mail_alias a LEFT JOIN res_company c ON c.id = a.company_id
          WHERE a.id = ANY($1::int4[])`, [ids]);
      return new Map(rows.map((r) => [r.id, !r.alias_name ? 'Inactive Alias' : r.domain ? `${r.alias_name}@${r.domain}` : r.alias_name]));
    }

    async _match_recipients(addresses: string[]): Promise<Map<string, AliasRoute>> {
      const parsed = addresses.map((address) => ({ address, parts: splitAddress(address) }));
      const locals = [...new Set(parsed.flatMap((p) => (p.parts ? [p.parts.local] : [])))];
      if (!locals.length) return new Map();
      const rows = await this.env.cr.query<AliasRoute>(
        `SELECT a.id, a.alias_name, m.model, a.alias_defaults, a.alias_force_thread_id, a.alias_contact,
                nullif(lower(c.alias_domain), '') AS domain
           FROM mail_alias a JOIN ir_model m ON m.id = a.alias_model_id LEFT JOIN res_company c ON c.id = a.company_id
          WHERE a.active AND a.alias_name = ANY($1::text[])
          ORDER BY a.id`, [locals]);
      const found = new Map<string, AliasRoute>();
      for (const { address, parts } of parsed) {
        if (!parts) continue;
        const named = rows.filter((r) => r.alias_name === parts.local);
        // The alias of the address's own domain first; an alias of no domain answers at any.
        const alias = named.find((r) => r.domain === parts.domain) ?? named.find((r) => r.domain === null);
        if (alias) found.set(address, alias);
      }
      return found;
    }
  },
});
