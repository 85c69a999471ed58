// Users and groups. A user is backed by a partner (its name, email and address live there);
// groups imply other groups, and a user has the groups it was given plus all they imply.

import { defineModel } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import type { Values } from '../../../models/model.ts';

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
    company_id: fields.many2one('res.company', { string: 'Company' }),
    groups_id: fields.many2many('res.groups', { string: 'Groups', relation: 'res_groups_users_rel', column1: 'uid', column2: 'gid' }),
    lang: fields.char({ string: 'Language', default: 'en_US' }),
    tz: fields.char({ string: 'Timezone' }),
    share: fields.boolean({ string: 'Share User' }),
    active: fields.boolean({ default: true }),
  },
  sqlConstraints: [{ name: 'login_key', definition: 'unique(login)', message: 'You can not have two users with the same login!' }],
  methods: (Base) => class extends Base {
    /** The user's own fields go to the user; its name and email to a partner made for it. */
    override async create(vals: Values | Values[]): Promise<any> {
      const list = (Array.isArray(vals) ? vals : [vals]).map((v) => ({ ...v }));
      const missing = list.filter((v) => !v.partner_id);
      if (missing.length) {
        const partners = await this.env.model('res.partner').create(missing.map((v) => ({ name: v.name ?? v.login, email: v.email ?? false })));
        missing.forEach((v, i) => { v.partner_id = partners[i]; });
      }
      for (const v of list) { delete v.name; delete v.email; }
      return Array.isArray(vals) ? super.create(list) : super.create(list[0]);
    }

    override async write(ids: number[] | number, vals: Values): Promise<true> {
      const { name, email, ...own } = vals;
      const partnerVals: Values = {};
      if (name !== undefined) partnerVals.name = name;
      if (email !== undefined) partnerVals.email = email;
      if (Object.keys(partnerVals).length) {
        const users = await this.sudo().with_context({ active_test: false }).read(ids, ['partner_id']);
        await this.env.model('res.partner').write(users.map((u) => (u.partner_id as [number])[0]), partnerVals);
      }
      return super.write(ids, own);
    }
  },
});
