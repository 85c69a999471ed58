import t from 'tap';
import { isRef, type DataRecord } from '../../../modules/data.ts';
import currencies, { decimalPlaces } from './currencies.ts';
import countries from './countries.ts';
import states from './states.ts';
import langs from './langs.ts';

const refOf = (value: unknown): string => {
  if (!isRef(value)) throw new Error(`not a ref: ${JSON.stringify(value)}`);
  return value.__ref;
};
const byId = (records: DataRecord[]) => new Map(records.map((r) => [r.id, r]));

t.test('counts match Odoo 17', async (t) => {
  t.equal(currencies.length, 170, 'currencies');
  t.equal(countries.length, 250, 'countries');
  t.equal(states.length, 1748, 'states');
  t.equal(langs.length, 91, 'languages');
});

t.test('ids are unique per file and models are right', async (t) => {
  for (const [label, records, model] of [
    ['currencies', currencies, 'res.currency'],
    ['countries', countries, 'res.country'],
    ['states', states, 'res.country.state'],
    ['langs', langs, 'res.lang'],
  ] as const) {
    t.equal(new Set(records.map((r) => r.id)).size, records.length, `${label}: unique ids`);
    t.ok(records.every((r) => r.model === model), `${label}: model ${model}`);
    t.ok(records.every((r) => !r.id.includes('.')), `${label}: ids carry no module prefix`);
  }
});

t.test('currencies', async (t) => {
  const names = currencies.map((c) => c.values.name);
  t.equal(new Set(names).size, names.length, 'unique ISO codes');
  t.ok(currencies.every((c) => c.id === c.values.name), 'external id is the ISO code');
  t.ok(currencies.every((c) => /^[A-Z]{3}$/.test(String(c.values.name))), 'three-letter codes');
  t.ok(currencies.every((c) => ['before', 'after'].includes(String(c.values.position))), 'position');
  t.ok(currencies.every((c) => c.values.active === false), 'Odoo ships every currency inactive');
  t.ok(currencies.every((c) => c.noupdate === true), 'noupdate like the XML');
  const cur = byId(currencies);
  t.match(cur.get('USD')?.values, { full_name: 'United States dollar', symbol: '$', rounding: 0.01, decimal_places: 2, position: 'before' });
  t.match(cur.get('EUR')?.values, { symbol: '€', position: 'after', currency_unit_label: 'Euros' });
  t.match(cur.get('IRR')?.values, { full_name: 'Iranian rial', symbol: '﷼', rounding: 0.01, decimal_places: 2 });
  t.match(cur.get('JPY')?.values, { rounding: 1, decimal_places: 0 });
  t.match(cur.get('KWD')?.values, { rounding: 0.001, decimal_places: 3 });
  t.match(cur.get('CLF')?.values, { rounding: 0.0001, decimal_places: 4 });
  t.equal(decimalPlaces(0.01), 2);
  t.equal(decimalPlaces(1), 0);
});

t.test('countries', async (t) => {
  const currencyIds = new Set(currencies.map((c) => c.id));
  for (const c of countries) {
    const currency = refOf(c.values.currency_id);
    if (!currencyIds.has(currency)) t.fail(`${c.id}: unknown currency ${currency}`);
  }
  t.pass('every currency_id points to currencies.ts');
  const codes = countries.map((c) => String(c.values.code));
  t.equal(new Set(codes).size, codes.length, 'unique codes');
  t.ok(codes.every((code) => /^[A-Z]{2}$/.test(code)), 'ISO 3166-1 alpha-2, upper case');
  t.ok(countries.every((c) => Number.isInteger(c.values.phone_code)), 'integer phone codes');
  const ctry = byId(countries);
  const ir = ctry.get('ir');
  t.match(ir?.values, { name: 'Iran', code: 'IR', phone_code: 98 });
  t.equal(refOf(ir?.values.currency_id), 'IRR');
  t.match(ctry.get('uk')?.values, { code: 'GB', vat_label: 'VAT' });
  t.match(ctry.get('us')?.values, {
    code: 'US',
    phone_code: 1,
    state_required: true,
    address_format: '%(street)s\n%(street2)s\n%(city)s %(state_code)s %(zip)s\n%(country_name)s',
  });
  t.equal(refOf(ctry.get('us')?.values.currency_id), 'USD');
  t.match(ctry.get('hk')?.values, { zip_required: false });
  t.equal(countries[0]?.id, 'ad', 'Odoo order');
  t.equal(countries.at(-1)?.id, 'xk', 'Odoo order');
});

t.test('states', async (t) => {
  const countryIds = new Set(countries.map((c) => c.id));
  for (const s of states) {
    const country = refOf(s.values.country_id);
    if (!countryIds.has(country)) t.fail(`${s.id}: unknown country ${country}`);
  }
  t.pass('every country_id points to countries.ts');
  const us = states.filter((s) => refOf(s.values.country_id) === 'us');
  t.ok(us.some((s) => s.values.code === 'CA' && s.values.name === 'California'), 'California (CA)');
  t.match(byId(states).get('state_us_1')?.values, { name: 'Alabama', code: 'AL' });
  const keys = new Set<string>();
  for (const s of states) keys.add(`${refOf(s.values.country_id)}/${String(s.values.code)}`);
  t.equal(keys.size, states.length, 'code unique per country');
});

t.test('languages', async (t) => {
  const l = byId(langs);
  t.match(l.get('lang_fa_IR')?.values, { code: 'fa_IR', iso_code: 'fa', url_code: 'fa', direction: 'rtl', week_start: '6', active: true });
  t.match(l.get('lang_en')?.values, { code: 'en_US', iso_code: 'en', direction: 'ltr', date_format: '%m/%d/%Y', active: true });
  t.equal(l.get('lang_my')?.values.url_code, 'mya');
  t.same(langs.filter((r) => r.values.active).map((r) => r.values.code).sort(), ['en_US', 'fa_IR'], 'English and Persian active (Odoo: en_US only)');
  t.ok(langs.every((r) => ['ltr', 'rtl'].includes(String(r.values.direction))), 'direction');
  t.ok(langs.every((r) => /^[1-7]$/.test(String(r.values.week_start))), 'week_start');
  const codes = langs.map((r) => r.values.code);
  t.equal(new Set(codes).size, codes.length, 'unique codes');
  const urlCodes = langs.map((r) => r.values.url_code);
  t.equal(new Set(urlCodes).size, urlCodes.length, 'unique url codes');
});
