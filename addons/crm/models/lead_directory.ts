// The company directory of lead generation: companies (with their country, industry and size)
// and their contacts (with a role and a seniority), which an administrator imports from a file
// (wizards/lead_directory_import.ts). Lead mining requests draw leads from it; a company a lead
// was made of is `used` and is not proposed again (lib/lead_directory_search.ts).

import { defineModel, fields, type RecordValues } from '../../../core/index.ts';
import { ROLES, SENIORITIES } from '../lib/lead_mining.ts';

/** Company sizes as people say them, from the number of employees. */
export const SIZE_RANGES: Array<[string, string, number, number]> = [
  ['1-10', '1-10 employees', 1, 10],
  ['11-50', '11-50 employees', 11, 50],
  ['51-200', '51-200 employees', 51, 200],
  ['201-500', '201-500 employees', 201, 500],
  ['501-1000', '501-1000 employees', 501, 1000],
  ['1001-5000', '1001-5000 employees', 1001, 5000],
  ['5001+', 'More than 5000 employees', 5001, Infinity],
];

/** The size range of a number of employees (false when unknown). */
export function sizeRange(size: unknown): string | false {
  const n = Number(size);
  if (!Number.isFinite(n) || n <= 0) return false;
  return SIZE_RANGES.find(([, , min, max]) => n >= min && n <= max)?.[0] ?? false;
}

export const DirectoryIndustry = defineModel({
  name: 'crm.lead.directory.industry',
  description: 'Lead Generation Industry',
  order: 'sequence, name, id',
  fields: {
    name: fields.char({ string: 'Industry', required: true, translate: true }),
    sequence: fields.integer({ string: 'Sequence', default: 10 }),
    color: fields.integer({ string: 'Color Index' }),
    active: fields.boolean({ string: 'Active', default: true }),
  },
  sqlConstraints: [{ name: 'name_uniq', definition: 'unique(name)', message: 'Industry name already exists!' }],
});

export const DirectoryCompany = defineModel({
  name: 'crm.lead.directory.company',
  description: 'Lead Generation Company',
  order: 'name, id',
  fields: {
    name: fields.char({ string: 'Company', required: true, index: true }),
    website: fields.char({ string: 'Website' }),
    email: fields.char({ string: 'Email' }),
    phone: fields.char({ string: 'Phone' }),
    street: fields.char({ string: 'Street' }),
    city: fields.char({ string: 'City' }),
    zip: fields.char({ string: 'Zip' }),
    country_id: fields.many2one('res.country', { string: 'Country', index: true, ondelete: 'restrict' }),
    state_id: fields.many2one('res.country.state', { string: 'State', ondelete: 'restrict' }),
    industry_id: fields.many2one('crm.lead.directory.industry', { string: 'Industry', index: true, ondelete: 'restrict' }),
    size: fields.integer({ string: 'Employees', help: 'The number of employees of the company.' }),
    size_range: fields.selection(SIZE_RANGES.map(([key, label]) => [key, label]), {
      string: 'Company Size', compute: '_compute_size_range', depends: ['size'], store: true, index: true,
    }),
    description: fields.text({ string: 'Description' }),
    active: fields.boolean({ string: 'Active', default: true }),
    contact_ids: fields.one2many('crm.lead.directory.contact', 'company_id', { string: 'Contacts' }),
    contact_count: fields.integer({ string: 'Number of Contacts', compute: '_compute_contact_count' }),
    lead_ids: fields.one2many('crm.lead', 'directory_company_id', { string: 'Generated Leads' }),
    used: fields.boolean({
      string: 'Used', default: false, index: true, copy: false,
      help: 'A lead was generated from this company: lead generation does not propose it again. Uncheck it to offer the company again.',
    }),
  },
  methods: (Base) => class extends Base {
    _compute_size_range(records: RecordValues[]): Map<number, unknown> {
      return new Map(records.map((r) => [r.id, sizeRange(r.size)]));
    }

    async _compute_contact_count(records: RecordValues[]): Promise<Map<number, unknown>> {
      const rows = await this.env.cr.query<{ id: number; n: number }>(
        'SELECT company_id AS id, count(*)::int AS n FROM crm_lead_directory_contact WHERE company_id = ANY($1::int4[]) GROUP BY company_id',
        [records.map((r) => r.id)]);
      const counts = new Map(rows.map((r) => [r.id, r.n]));
      return new Map(records.map((r) => [r.id, counts.get(r.id) ?? 0]));
    }
  },
});

export const DirectoryContact = defineModel({
  name: 'crm.lead.directory.contact',
  description: 'Lead Generation Contact',
  order: 'company_id, id',
  fields: {
    company_id: fields.many2one('crm.lead.directory.company', { string: 'Company', required: true, index: true, ondelete: 'cascade' }),
    name: fields.char({ string: 'Name', required: true }),
    email: fields.char({ string: 'Email' }),
    phone: fields.char({ string: 'Phone' }),
    role: fields.selection(ROLES, { string: 'Role', index: true }),
    seniority: fields.selection(SENIORITIES, { string: 'Seniority', index: true }),
  },
});

/** Odoo's crm.iap.lead.role: the roles a request may prefer (`reveal_id` is a ROLES key). */
export const LeadRole = defineModel({
  name: 'crm.iap.lead.role',
  description: 'People Role',
  order: 'name, id',
  fields: {
    name: fields.char({ string: 'Role Name', required: true, translate: true }),
    reveal_id: fields.selection(ROLES, { string: 'Role', required: true }),
    color: fields.integer({ string: 'Color Index' }),
  },
  sqlConstraints: [{ name: 'name_uniq', definition: 'unique(name)', message: 'Role name already exists!' }],
});

/** Odoo's crm.iap.lead.seniority (`reveal_id` is a SENIORITIES key). */
export const LeadSeniority = defineModel({
  name: 'crm.iap.lead.seniority',
  description: 'People Seniority',
  order: 'id',
  fields: {
    name: fields.char({ string: 'Name', required: true, translate: true }),
    reveal_id: fields.selection(SENIORITIES, { string: 'Seniority', required: true }),
  },
  sqlConstraints: [{ name: 'name_uniq', definition: 'unique(name)', message: 'Name already exists!' }],
});
