// Contacts and companies (Odoo's `res.partner`): a person may belong to a company (parent_id);
// the company at the top of that chain is the commercial partner.

import { defineModel } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import type { RecordValues } from '../../../models/types.ts';

const m2oId = (value: unknown): number | false => (Array.isArray(value) ? (value[0] as number) : false);

export const PartnerCategory = defineModel({
  name: 'res.partner.category',
  description: 'Partner Tags',
  order: 'name',
  fields: {
    name: fields.char({ string: 'Tag Name', required: true, translate: true }),
    color: fields.integer({ string: 'Color' }),
    parent_id: fields.many2one('res.partner.category', { string: 'Parent Category', ondelete: 'cascade', index: true }),
    active: fields.boolean({ default: true }),
    partner_ids: fields.many2many('res.partner', { string: 'Partners', relation: 'res_partner_res_partner_category_rel', column1: 'category_id', column2: 'partner_id' }),
  },
});

export const Partner = defineModel({
  name: 'res.partner',
  description: 'Contact',
  order: 'complete_name, id desc',
  fields: {
    name: fields.char({ string: 'Name', index: true }),
    complete_name: fields.char({ string: 'Complete Name', compute: '_compute_complete_name', depends: ['name', 'is_company', 'parent_id.complete_name'], store: true, index: true }),
    is_company: fields.boolean({ string: 'Is a Company', default: false }),
    company_type: fields.selection([['person', 'Individual'], ['company', 'Company']], { compute: '_compute_company_type', depends: ['is_company'], string: 'Company Type' }),
    parent_id: fields.many2one('res.partner', { string: 'Related Company', index: true }),
    child_ids: fields.one2many('res.partner', 'parent_id', { string: 'Contact' }),
    commercial_partner_id: fields.many2one('res.partner', { string: 'Commercial Entity', compute: '_compute_commercial_partner', depends: ['is_company', 'parent_id.commercial_partner_id'], store: true, index: true }),
    type: fields.selection([['contact', 'Contact'], ['invoice', 'Invoice Address'], ['delivery', 'Delivery Address'], ['other', 'Other Address']], { string: 'Address Type', default: 'contact' }),
    function: fields.char({ string: 'Job Position' }),
    title: fields.char({ string: 'Title' }),
    ref: fields.char({ string: 'Reference', index: true }),
    vat: fields.char({ string: 'Tax ID', index: true }),
    email: fields.char({ string: 'Email' }),
    phone: fields.char({ string: 'Phone' }),
    mobile: fields.char({ string: 'Mobile' }),
    website: fields.char({ string: 'Website Link' }),
    street: fields.char(),
    street2: fields.char(),
    zip: fields.char({ string: 'Zip' }),
    city: fields.char(),
    state_id: fields.many2one('res.country.state', { string: 'State', ondelete: 'restrict' }),
    country_id: fields.many2one('res.country', { string: 'Country', ondelete: 'restrict' }),
    lang: fields.char({ string: 'Language', help: 'Locale code, e.g. fa_IR' }),
    tz: fields.char({ string: 'Timezone' }),
    category_id: fields.many2many('res.partner.category', { string: 'Tags', relation: 'res_partner_res_partner_category_rel', column1: 'partner_id', column2: 'category_id' }),
    comment: fields.html({ string: 'Notes' }),
    user_id: fields.many2one('res.users', { string: 'Salesperson' }),
    company_id: fields.many2one('res.company', { string: 'Company', index: true }),
    color: fields.integer({ string: 'Color Index' }),
    active: fields.boolean({ default: true }),
  },
  methods: (Base) => class extends Base {
    async _compute_complete_name(records: RecordValues[]): Promise<Map<number, unknown>> {
      const parents = [...new Set(records.map((r) => m2oId(r.parent_id)).filter(Boolean))] as number[];
      const parentNames = new Map((parents.length ? await this.sudo().with_context({ active_test: false }).read(parents, ['complete_name']) : [])
        .map((p) => [p.id, p.complete_name as string]));
      return new Map(records.map((r) => {
        const parent = m2oId(r.parent_id);
        const name = (r.name as string) || '';
        return [r.id, parent && !r.is_company && parentNames.get(parent) ? `${parentNames.get(parent)}, ${name}` : name];
      }));
    }

    async _compute_commercial_partner(records: RecordValues[]): Promise<Map<number, unknown>> {
      const parents = [...new Set(records.map((r) => m2oId(r.parent_id)).filter(Boolean))] as number[];
      const parentCommercial = new Map((parents.length ? await this.sudo().with_context({ active_test: false }).read(parents, ['commercial_partner_id']) : [])
        .map((p) => [p.id, m2oId(p.commercial_partner_id) || p.id]));
      return new Map(records.map((r) => {
        const parent = m2oId(r.parent_id);
        return [r.id, r.is_company || !parent ? r.id : parentCommercial.get(parent) ?? parent];
      }));
    }

    _compute_company_type(records: RecordValues[]): Map<number, unknown> {
      return new Map(records.map((r) => [r.id, r.is_company ? 'company' : 'person']));
    }

    override async _display_names(ids: number[]): Promise<Map<number, string>> {
      const rows = await this.env.cr.query<{ id: number; name: string | null }>(
        'SELECT id, coalesce(complete_name, name) AS name FROM res_partner WHERE id = ANY($1::int4[])', [ids]);
      return new Map(rows.map((r) => [r.id, r.name ?? '']));
    }
  },
});
