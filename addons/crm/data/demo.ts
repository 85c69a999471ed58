// CRM demo data, part 1: the people. Three sales teams (the default "Sales", "Europe" and
// "Pre-Sales") with their leaders and members, five salespeople who can log in (login = password,
// as Odoo's demo users; only demo databases have them), tags and two campaigns, and the customers:
// companies in Iran, Europe, North America, the Gulf and Turkey, with their contacts. The leads,
// activities, meetings and notes come in demo_leads.ts.
//
// Every user gets a partner of its own here (rather than the one res.users would make): the
// partners are then in the ledger, and uninstalling CRM removes them with the users.

import { ref, type DataRecord } from '../../../core/index.ts';

interface Address {
  street?: string;
  city: string;
  zip?: string;
  /** Lower-case ISO code of the country, as base's external ids (`uk` for GB). */
  country: string;
  /** External id of a res.country.state of base. */
  state?: string;
}

interface CompanyInfo extends Address {
  email: string;
  phone: string;
  website?: string;
}

interface ContactInfo {
  name: string;
  email: string;
  fn?: string;
  phone?: string;
  mobile?: string;
}

const addressValues = (a: Address) => ({
  street: a.street ?? false, city: a.city, zip: a.zip ?? false, country_id: ref(`base.${a.country}`), state_id: a.state ? ref(a.state) : false,
});

/** A customer company and its contacts (who share its address, as Odoo's contacts do). */
function customer(key: string, name: string, info: CompanyInfo, contacts: Record<string, ContactInfo> = {}): DataRecord[] {
  const company: DataRecord = {
    id: `partner_${key}`, model: 'res.partner',
    values: { name, is_company: true, email: info.email, phone: info.phone, website: info.website ?? false, ...addressValues(info) },
  };
  return [company, ...Object.entries(contacts).map(([contactKey, c]): DataRecord => ({
    id: `partner_${key}_${contactKey}`, model: 'res.partner',
    values: {
      name: c.name, parent_id: ref(`partner_${key}`), type: 'contact', function: c.fn ?? false, email: c.email,
      phone: c.phone ?? false, mobile: c.mobile ?? false, ...addressValues(info),
    },
  }))];
}

interface Salesperson {
  login: string;
  name: string;
  tz: string;
  groups: string[];
  country: string;
}

/** The salespeople; `crm.group_use_lead` shows them the Leads menu (Odoo's demo enables leads). */
export const SALESPEOPLE: Record<string, Salesperson> = {
  mitchell: { login: 'mitchell', name: 'Mitchell Stephens', tz: 'America/New_York', country: 'us', groups: ['crm.group_sale_manager'] },
  reza: { login: 'reza', name: 'Reza Karimi', tz: 'Asia/Tehran', country: 'ir', groups: ['crm.group_sale_salesman'] },
  shirin: { login: 'shirin', name: 'Shirin Rahimi', tz: 'Asia/Tehran', country: 'ir', groups: ['crm.group_sale_salesman_all_leads'] },
  emma: { login: 'emma', name: 'Emma Laurent', tz: 'Europe/Paris', country: 'fr', groups: ['crm.group_sale_salesman_all_leads'] },
  lukas: { login: 'lukas', name: 'Lukas Weber', tz: 'Europe/Berlin', country: 'de', groups: ['crm.group_sale_salesman'] },
};

const people: DataRecord[] = Object.entries(SALESPEOPLE).flatMap(([key, p]): DataRecord[] => [
  { id: `partner_user_${key}`, model: 'res.partner', values: { name: p.name, email: `${p.login}@example.com`, tz: p.tz, country_id: ref(`base.${p.country}`) } },
]);

const users: DataRecord[] = Object.entries(SALESPEOPLE).map(([key, p]): DataRecord => ({
  id: `user_${key}`, model: 'res.users',
  values: {
    login: p.login, password: p.login, partner_id: ref(`partner_user_${key}`), tz: p.tz, company_id: ref('base.main_company'),
    groups_id: [[4, ref('base.group_user')], ...p.groups.map((g) => [4, ref(g)]), [4, ref('crm.group_use_lead')]],
  },
}));

const customers: DataRecord[] = [
  // Iran
  ...customer('azadi', 'Azadi Trading Co.', {
    email: 'info@azaditrading.ir', phone: '+98 21 8876 5432', website: 'https://www.azaditrading.ir',
    street: 'No. 12, Valiasr St.', city: 'Tehran', zip: '15948', country: 'ir',
  }, { dariush: { name: 'Dariush Farahani', fn: 'Purchasing Manager', email: 'd.farahani@azaditrading.ir', mobile: '0912 345 6789' } }),
  ...customer('pars', 'Pars Petrochemical Supplies', {
    email: 'sales@parspetro.ir', phone: '+98 71 3623 1100', street: 'Zand Blvd., Building 48', city: 'Shiraz', zip: '71348', country: 'ir',
  }, { leila: { name: 'Leila Moradi', fn: 'Procurement Officer', email: 'l.moradi@parspetro.ir', mobile: '+98 917 111 2233' } }),
  ...customer('kourosh', 'Kourosh Logistics', {
    // A national number: the country (Iran) makes it +983132214567.
    email: 'contact@kouroshlog.ir', phone: '031 3221 4567', street: 'Chaharbagh Abbasi St. 210', city: 'Isfahan', zip: '81337', country: 'ir',
  }, { amir: { name: 'Amir Hosseini', fn: 'Chief Executive Officer', email: 'a.hosseini@kouroshlog.ir', mobile: '0913 222 4455' } }),
  ...customer('tabriz', 'Tabriz Carpet House', {
    email: 'hello@tabrizcarpet.ir', phone: '+98 41 3555 7788', street: 'Grand Bazaar, Amir Timche', city: 'Tabriz', zip: '51368', country: 'ir',
  }, { maryam: { name: 'Maryam Jafari', fn: 'Sales Manager', email: 'm.jafari@tabrizcarpet.ir', phone: '+98 41 3555 7790' } }),
  ...customer('caspian', 'Caspian Foods Co.', {
    email: 'info@caspianfoods.ir', phone: '+98 13 3377 9900', street: 'Industrial Zone, Unit 7', city: 'Rasht', zip: '41635', country: 'ir',
  }, { hamid: { name: 'Hamid Rostami', fn: 'Operations Director', email: 'hamid.rostami@caspianfoods.ir', mobile: '+98 911 888 7766' } }),
  // Europe
  ...customer('lumiere', 'Lumière Design SARL', {
    email: 'contact@lumiere-design.fr', phone: '+33 1 42 68 53 00', website: 'https://lumiere-design.fr',
    street: '18 Rue de Rivoli', city: 'Paris', zip: '75004', country: 'fr',
  }, { camille: { name: 'Camille Dubois', fn: 'Office Manager', email: 'camille.dubois@lumiere-design.fr', phone: '+33 1 42 68 53 07' } }),
  ...customer('nordwind', 'Nordwind Maschinenbau GmbH', {
    email: 'info@nordwind-mb.de', phone: '+49 40 3039 4400', website: 'https://www.nordwind-mb.de',
    street: 'Hafenstraße 21', city: 'Hamburg', zip: '20457', country: 'de',
  }, {
    jonas: { name: 'Jonas Becker', fn: 'Head of IT', email: 'j.becker@nordwind-mb.de', phone: '+49 40 3039 4412' },
    anna: { name: 'Anna Schmidt', fn: 'Purchasing', email: 'a.schmidt@nordwind-mb.de', mobile: '+49 171 555 0142' },
  }),
  ...customer('bellavista', 'Bella Vista Hotels S.p.A.', {
    email: 'info@bellavistahotels.it', phone: '+39 02 8901 2345', street: 'Via Dante 7', city: 'Milano', zip: '20121', country: 'it',
  }, { giulia: { name: 'Giulia Romano', fn: 'IT Coordinator', email: 'giulia.romano@bellavistahotels.it' } }),
  ...customer('vandijk', 'Van Dijk Logistics B.V.', {
    email: 'info@vandijklogistics.nl', phone: '+31 10 412 3456', street: 'Wilhelminakade 90', city: 'Rotterdam', zip: '3072 AP', country: 'nl',
  }, { pieter: { name: 'Pieter de Vries', fn: 'Warehouse Manager', email: 'p.devries@vandijklogistics.nl', mobile: '+31 6 1234 5678' } }),
  ...customer('iberia', 'Iberia Solar S.L.', {
    email: 'hola@iberiasolar.es', phone: '+34 91 555 0199', street: 'Calle de Alcalá 45', city: 'Madrid', zip: '28014', country: 'es',
  }, { lucia: { name: 'Lucía García', fn: 'Technical Director', email: 'lucia.garcia@iberiasolar.es' } }),
  ...customer('thames', 'Thames Digital Ltd', {
    email: 'hello@thamesdigital.co.uk', phone: '+44 20 7946 0321', website: 'https://thamesdigital.co.uk',
    street: '30 Bankside', city: 'London', zip: 'SE1 9DT', country: 'uk',
  }, { oliver: { name: 'Oliver Bennett', fn: 'Managing Director', email: 'oliver@thamesdigital.co.uk' } }),
  ...customer('anatolia', 'Anatolia Textiles A.Ş.', {
    email: 'info@anatoliatextiles.com.tr', phone: '+90 212 555 0147', street: 'Büyükdere Cd. 120', city: 'İstanbul', zip: '34394', country: 'tr',
  }, { elif: { name: 'Elif Yılmaz', fn: 'Planning Manager', email: 'elif.yilmaz@anatoliatextiles.com.tr' } }),
  // North America and the Gulf
  ...customer('redwood', 'Redwood Analytics Inc.', {
    email: 'hello@redwoodanalytics.com', phone: '+1 415-555-0132', website: 'https://redwoodanalytics.com',
    street: '500 Howard St', city: 'San Francisco', zip: '94105', country: 'us', state: 'base.state_us_5',
  }, { olivia: { name: 'Olivia Chen', fn: 'VP Engineering', email: 'olivia.chen@redwoodanalytics.com', phone: '+1 415-555-0133' } }),
  ...customer('lonestar', 'Lone Star Builders LLC', {
    email: 'office@lonestarbuilders.com', phone: '+1 512-555-0178', street: '1100 Congress Ave', city: 'Austin', zip: '78701', country: 'us', state: 'base.state_us_44',
  }, { james: { name: 'James Walker', fn: 'Field Operations', email: 'j.walker@lonestarbuilders.com', mobile: '+1 512-555-0179' } }),
  ...customer('maple', 'Maple Leaf Furniture Ltd.', {
    email: 'sales@mapleleaffurniture.ca', phone: '+1 416-555-0190', street: '200 King St W', city: 'Toronto', zip: 'M5H 3T4', country: 'ca',
  }, { ethan: { name: 'Ethan Roy', fn: 'Store Manager', email: 'ethan.roy@mapleleaffurniture.ca' } }),
  ...customer('gulf', 'Gulf Marine Services LLC', {
    email: 'info@gulfmarine.ae', phone: '+971 4 555 0123', street: 'Jebel Ali Free Zone, Gate 5', city: 'Dubai', country: 'ae',
  }, { omar: { name: 'Omar Al Mansoori', fn: 'Fleet Manager', email: 'omar@gulfmarine.ae', mobile: '+971 50 555 0188' } }),
  // A private customer, with a free mail address (similar leads then match the whole address).
  {
    id: 'partner_nasrin', model: 'res.partner',
    values: { name: 'Nasrin Kazemi', email: 'nasrin.kazemi@gmail.com', mobile: '+98 935 456 7890', ...addressValues({ street: 'Imam Reza St. 44', city: 'Mashhad', zip: '91735', country: 'ir' }) },
  },
];

const membership = (id: string, team: string, user: string): DataRecord =>
  ({ id, model: 'crm.team.member', values: { crm_team_id: ref(team), user_id: ref(user) } });

const teams: DataRecord[] = [
  { id: 'team_europe', model: 'crm.team', values: { name: 'Europe', sequence: 5, use_leads: true, use_opportunities: true, color: 4, company_id: ref('base.main_company'), user_id: ref('user_emma'), invoiced_target: 120000 } },
  { id: 'team_pre_sales', model: 'crm.team', values: { name: 'Pre-Sales', sequence: 8, use_leads: true, use_opportunities: false, color: 9, company_id: ref('base.main_company'), user_id: ref('user_shirin') } },
  // The admin is in Sales already (crm_data.ts); without "multi teams" a salesperson is in one team.
  membership('team_member_mitchell', 'team_sales_department', 'user_mitchell'),
  membership('team_member_reza', 'team_sales_department', 'user_reza'),
  membership('team_member_emma', 'team_europe', 'user_emma'),
  membership('team_member_lukas', 'team_europe', 'user_lukas'),
  membership('team_member_shirin', 'team_pre_sales', 'user_shirin'),
];

/** Odoo's demo tags, with fixed colours (the model's default colour is random). */
const tags: DataRecord[] = ([
  ['product', 'Product', 1], ['software', 'Software', 2], ['services', 'Services', 3], ['information', 'Information', 4],
  ['design', 'Design', 5], ['training', 'Training', 6], ['consulting', 'Consulting', 7], ['other', 'Other', 8],
] as const).map(([key, name, color]) => ({ id: `tag_${key}`, model: 'crm.tag', values: { name, color } }));

const campaigns: DataRecord[] = [
  { id: 'campaign_trade_fair', model: 'utm.campaign', values: { name: 'Autumn Trade Fair', user_id: ref('user_mitchell') } },
  { id: 'campaign_nowruz', model: 'utm.campaign', values: { name: 'Nowruz Offer', user_id: ref('user_reza') } },
];

// All partners before the users: the uninstall deletes the users (which restrict their partner)
// first, as it goes through the ledger newest first, model by model.
const records: DataRecord[] = [...people, ...customers, ...users, ...teams, ...tags, ...campaigns];

export default records;
