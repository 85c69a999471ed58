// Companies: each is backed by a partner holding its address and contact details.

import { defineModel } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import type { Values } from '../../../models/model.ts';

export const Company = defineModel({
  name: 'res.company',
  description: 'Companies',
  order: 'sequence, name',
  fields: {
    name: fields.char({ string: 'Company Name', required: true }),
    partner_id: fields.many2one('res.partner', { string: 'Partner', required: true, ondelete: 'restrict' }),
    currency_id: fields.many2one('res.currency', { string: 'Currency', required: true, ondelete: 'restrict' }),
    parent_id: fields.many2one('res.company', { string: 'Parent Company', index: true }),
    sequence: fields.integer({ default: 10 }),
    email: fields.char({ related: 'partner_id.email' }),
    phone: fields.char({ related: 'partner_id.phone' }),
    website: fields.char({ related: 'partner_id.website' }),
    country_id: fields.many2one('res.country', { related: 'partner_id.country_id', string: 'Country' }),
    active: fields.boolean({ default: true }),
  },
  sqlConstraints: [{ name: 'name_uniq', definition: 'unique(name)', message: 'The company name must be unique!' }],
  methods: (Base) => class extends Base {
    /** A company without a partner gets one of the same name, as in Odoo. */
    override async create(vals: Values | Values[]): Promise<any> {
      const list = Array.isArray(vals) ? vals : [vals];
      const missing = list.filter((v) => !v.partner_id);
      if (missing.length) {
        const partners = await this.env.model('res.partner').create(missing.map((v) => ({ name: v.name, is_company: true })));
        missing.forEach((v, i) => { v.partner_id = partners[i]; });
      }
      // A company's currency is in use, so it must be active (Odoo does the same).
      const currencies = [...new Set(list.map((v) => v.currency_id).filter((c): c is number => typeof c === 'number'))];
      if (currencies.length) await this.env.model('res.currency').write(currencies, { active: true });
      return Array.isArray(vals) ? super.create(list) : super.create(list[0]);
    }
  },
});
