// Currencies, countries, their states and languages: reference data seeded from Odoo's lists.

import { defineModel } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';

export const Currency = defineModel({
  name: 'res.currency',
  description: 'Currency',
  order: 'active desc, name',
  fields: {
    name: fields.char({ string: 'Currency', size: 3, required: true, help: 'Currency code (ISO 4217)' }),
    full_name: fields.char({ string: 'Name' }),
    symbol: fields.char({ string: 'Symbol', required: true }),
    rounding: fields.float({ string: 'Rounding Factor', default: 0.01 }),
    decimal_places: fields.integer({ string: 'Decimal Places', default: 2 }),
    position: fields.selection([['after', 'After Amount'], ['before', 'Before Amount']], { string: 'Symbol Position', default: 'after' }),
    currency_unit_label: fields.char({ string: 'Currency Unit' }),
    currency_subunit_label: fields.char({ string: 'Currency Subunit' }),
    active: fields.boolean({ default: true }),
  },
  sqlConstraints: [{ name: 'unique_name', definition: 'unique(name)', message: 'The currency code must be unique!' }],
});

export const Country = defineModel({
  name: 'res.country',
  description: 'Country',
  order: 'name',
  fields: {
    name: fields.char({ string: 'Country Name', required: true, translate: true }),
    code: fields.char({ string: 'Country Code', size: 2, required: true, help: 'ISO 3166-1 alpha-2 code' }),
    phone_code: fields.integer({ string: 'Country Calling Code' }),
    currency_id: fields.many2one('res.currency', { string: 'Currency' }),
    address_format: fields.text({ string: 'Layout in Reports' }),
    vat_label: fields.char({ string: 'Vat Label' }),
    name_position: fields.selection([['before', 'Before Address'], ['after', 'After Address']], { string: 'Customer Name Position', default: 'before' }),
    zip_required: fields.boolean({ default: true }),
    state_required: fields.boolean({ default: false }),
    state_ids: fields.one2many('res.country.state', 'country_id', { string: 'States' }),
  },
  sqlConstraints: [{ name: 'code_uniq', definition: 'unique(code)', message: 'The code of the country must be unique!' }],
});

export const CountryState = defineModel({
  name: 'res.country.state',
  description: 'Country state',
  order: 'code',
  fields: {
    country_id: fields.many2one('res.country', { string: 'Country', required: true, ondelete: 'cascade', index: true }),
    name: fields.char({ string: 'State Name', required: true }),
    code: fields.char({ string: 'State Code', required: true }),
  },
  sqlConstraints: [{ name: 'name_code_uniq', definition: 'unique(country_id, code)', message: 'The code of the state must be unique by country!' }],
  methods: (Base) => class extends Base {
    /** "California (US)", as Odoo shows states. */
    override async _display_names(ids: number[]): Promise<Map<number, string>> {
      const rows = await this.env.cr.query<{ id: number; name: string; code: string }>(
        'SELECT s.id, s.name, c.code FROM res_country_state s JOIN res_country c ON c.id = s.country_id WHERE s.id = ANY($1::int4[])', [ids]);
      return new Map(rows.map((r) => [r.id, `${r.name} (${r.code})`]));
    }
  },
});

export const Lang = defineModel({
  name: 'res.lang',
  description: 'Languages',
  order: 'active desc, name',
  fields: {
    name: fields.char({ required: true }),
    code: fields.char({ string: 'Locale Code', required: true }),
    iso_code: fields.char({ string: 'ISO code' }),
    url_code: fields.char({ string: 'URL Code' }),
    active: fields.boolean({ default: false }),
    direction: fields.selection([['ltr', 'Left-to-Right'], ['rtl', 'Right-to-Left']], { required: true, default: 'ltr' }),
    date_format: fields.char({ required: true, default: '%m/%d/%Y' }),
    time_format: fields.char({ required: true, default: '%H:%M:%S' }),
    week_start: fields.selection([['1', 'Monday'], ['2', 'Tuesday'], ['3', 'Wednesday'], ['4', 'Thursday'], ['5', 'Friday'], ['6', 'Saturday'], ['7', 'Sunday']], { required: true, default: '7' }),
    grouping: fields.char({ string: 'Separator Format', required: true, default: '[]' }),
    decimal_point: fields.char({ required: true, default: '.' }),
    thousands_sep: fields.char({ default: ',' }),
  },
  sqlConstraints: [{ name: 'code_uniq', definition: 'unique(code)', message: 'The code of the language must be unique!' }],
});
