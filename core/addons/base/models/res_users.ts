// Users and groups. A user is backed by a partner (its name, email and address live there);
// groups imply other groups, and a user has the groups it was given plus all they imply.
// Passwords are stored hashed, outside any field (core/security/credentials.ts); changes to groups
// and memberships bump the security signal so that every process reloads its access caches.

import { defineModel } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import { errors } from '../../../errors.ts';
import type { Values } from '../../../models/model.ts';
import type { RecordValues } from '../../../models/types.ts';
import type { Env } from '../../../models/env.ts';
import { storePasswords } from '../../../security/credentials.ts';
import { hasGroup } from '../../../security/groups.ts';
import { securityChanged, signalsSecurityChanges } from '../../../security/signals_mixin.ts';

export const Groups = defineModel({
  name: 'res.groups',
  description: 'Access Groups',
  order: 'name',
  fields: {
    name: fields.char({ required: true, translate: true }),
    category: fields.char({ string: 'Application', help: 'The application the group belongs to, e.g. "Sales"' }),
    comment: fields.text(),
    implied_ids: fields.many2many('res.groups', { string: 'Inherits', relation: 'res_groups_implied_rel', column1: 'gid', column2: 'hid' }),
    users: fields.many2many('res.users', { relation: 'res_groups_users_rel', column1: 'gid', column2: 'uid' }),
    share: fields.boolean({ string: 'Share Group' }),
  },
  methods: signalsSecurityChanges,
});

export const Users = defineModel({
  name: 'res.users',
  description: 'User',
  order: 'name, login',
  fields: {
    login: fields.char({ required: true, help: 'Used to log into the system' }),
    partner_id: fields.many2one('res.partner', { string: 'Related Partner', required: true, ondelete: 'restrict' }),
    name: fields.char({ related: 'partner_id.name', store: true, readonly: false }),
    email: fields.char({ related: 'partner_id.email', readonly: false }),
    company_id: fields.many2one('res.company', { string: 'Company', default: async (env: Env) => (await env.company()) ?? false }),
    groups_id: fields.many2many('res.groups', { string: 'Groups', relation: 'res_groups_users_rel', column1: 'uid', column2: 'gid' }),
    lang: fields.char({ string: 'Language', default: 'en_US' }),
    tz: fields.char({ string: 'Timezone' }),
    share: fields.boolean({ string: 'Share User' }),
    active: fields.boolean({ default: true }),
    // Write-only, as in Odoo: reads give '' and the hash never leaves the database.
    password: fields.char({ compute: '_compute_password', store: false, readonly: false, copy: false, help: 'Set it to change the password; it always reads empty' }),
  },
  sqlConstraints: [{ name: 'login_key', definition: 'unique(login)', message: 'You can not have two users with the same login!' }],
  methods: (Base) => class extends Base {
    /** A user changes their own preferences (language, time zone): the only fields a user may
     *  write on their own record without the right to edit users, as Odoo's SELF_WRITEABLE_FIELDS. */
    async update_preferences(values: Values): Promise<true> {
      const allowed: Values = {};
      for (const [key, value] of Object.entries(values ?? {})) {
        if (key !== 'lang' && key !== 'tz') throw errors.readonlyField('res.users', key);
        allowed[key] = value;
      }
      if (typeof allowed.lang === 'string') {
        const active = await this.env.model('res.lang').sudo().search_count([['code', '=', allowed.lang], ['active', '=', true]]);
        if (!active) throw errors.invalidValue('res.users', 'lang', `"${allowed.lang}" is not an active language`);
      }
      await this.sudo().write([this.env.uid], allowed);
      return true;
    }

    /** The user's own fields go to the user; its name and email to a partner made for it; the
     *  password, hashed, to the password column. */
    override async create(vals: Values | Values[]): Promise<any> {
      const list = (Array.isArray(vals) ? vals : [vals]).map((v) => ({ ...v }));
      const missing = list.filter((v) => !v.partner_id);
      if (missing.length) {
        const partners = await this.env.model('res.partner').create(missing.map((v) => ({ name: v.name ?? v.login, email: v.email ?? false })));
        missing.forEach((v, i) => { v.partner_id = partners[i]; });
      }
      const passwords = list.map((v) => v.password);
      for (const v of list) { delete v.name; delete v.email; delete v.password; }
      const ids: number[] = await super.create(list);
      const withPassword = ids.filter((_, i) => passwords[i]);
      await storePasswords(this.env.cr, withPassword, passwords.filter(Boolean));
      if (list.some((v) => v.groups_id)) await securityChanged(this.env);
      return Array.isArray(vals) ? ids : ids[0];
    }

    override async write(ids: number[] | number, vals: Values): Promise<true> {
      const { name, email, password, ...own } = vals;
      const partnerVals: Values = {};
      if (name !== undefined) partnerVals.name = name;
      if (email !== undefined) partnerVals.email = email;
      if (Object.keys(partnerVals).length) {
        const users = await this.sudo().with_context({ active_test: false }).read(ids, ['partner_id']);
        await this.env.model('res.partner').write(users.map((u) => (u.partner_id as [number])[0]), partnerVals);
      }
      // The access checks of write (rights, rules) run before the password changes.
      await super.write(ids, own);
      if (password !== undefined) {
        const list = Array.isArray(ids) ? ids : [ids];
        await storePasswords(this.env.cr, list, list.map(() => password));
      }
      if ('groups_id' in own) await securityChanged(this.env);
      return true;
    }

    override async unlink(ids: number[] | number): Promise<true> {
      await super.unlink(ids);
      await securityChanged(this.env);
      return true;
    }

    _compute_password(records: RecordValues[]): Map<number, unknown> {
      return new Map(records.map((r) => [r.id, '']));
    }

    /** Odoo's `user.has_group(xmlid)`, for the environment's user. */
    async has_group(xmlid: string): Promise<boolean> {
      return hasGroup(this.env, xmlid);
    }
  },
});
