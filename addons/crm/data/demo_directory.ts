// Demo data of lead generation: a small company directory (30 companies in Iran, the Gulf,
// Turkey, Europe and North America, across a dozen industries and every size), each with one to
// three contacts of various roles and seniorities, so that "Generate Leads" has something to
// draw from in a demo database. Real databases fill the directory with Import Directory.

import { ref, type DataRecord } from '../../../core/index.ts';
import { industrySlug } from './lead_mining_data.ts';

/** [name, role, seniority, email local part] */
type Person = [string, string, string, string];

interface Company {
  id: string;
  name: string;
  /** Lower-case ISO code of the country (base's external ids). */
  country: string;
  /** External id of a state of base. */
  state?: string;
  city: string;
  industry: string;
  size: number;
  domain: string;
  phone: string;
  description: string;
  people: Person[];
}

const COMPANIES: Company[] = [
  { id: 'pars_software', name: 'Pars Software Group', country: 'ir', city: 'Tehran', industry: 'Software & Services', size: 120, domain: 'parssoft.example', phone: '+98 21 8800 1200',
    description: 'Accounting and payroll software for Iranian SMEs.', people: [['Reza Tavakoli', 'ceo', 'executive', 'reza'], ['Mina Sadeghi', 'sale', 'manager', 'mina'], ['Arash Kamali', 'information_technology', 'director', 'arash']] },
  { id: 'kavir_steel', name: 'Kavir Steel', country: 'ir', city: 'Isfahan', industry: 'Materials', size: 2400, domain: 'kavirsteel.example', phone: '+98 31 3620 4400',
    description: 'Rolled steel and profiles for construction.', people: [['Hossein Rahimi', 'operations', 'director', 'hossein'], ['Sara Nouri', 'finance', 'manager', 'sara']] },
  { id: 'caspian_foods', name: 'Caspian Foods', country: 'ir', city: 'Rasht', industry: 'Food, Beverage & Tobacco', size: 340, domain: 'caspianfoods.example', phone: '+98 13 3355 0900',
    description: 'Rice, tea and preserves from the Caspian coast.', people: [['Leila Ahmadi', 'marketing', 'director', 'leila'], ['Kaveh Moradi', 'sale', 'executive', 'kaveh']] },
  { id: 'alborz_logistics', name: 'Alborz Logistics', country: 'ir', city: 'Karaj', industry: 'Transportation', size: 85, domain: 'alborzlog.example', phone: '+98 26 3440 7700',
    description: 'Road freight between Tehran and the ports.', people: [['Babak Farahani', 'owner', 'executive', 'babak']] },
  { id: 'mehr_clinic', name: 'Mehr Clinic Network', country: 'ir', city: 'Shiraz', industry: 'Health Care Equipment & Services', size: 560, domain: 'mehrclinic.example', phone: '+98 71 3230 5500',
    description: 'Outpatient clinics in Fars province.', people: [['Dr. Nazanin Jafari', 'health_professional', 'director', 'nazanin'], ['Omid Karimi', 'information_technology', 'manager', 'omid']] },
  { id: 'persia_telecom', name: 'Persia Telecom Services', country: 'ir', city: 'Tehran', industry: 'Telecommunication Services', size: 4200, domain: 'persiatel.example', phone: '+98 21 8100 3000',
    description: 'Fibre and business connectivity.', people: [['Farhad Ebrahimi', 'engineering', 'director', 'farhad'], ['Shirin Hosseini', 'customer_service', 'manager', 'shirin'], ['Parisa Golzar', 'marketing', 'manager', 'parisa']] },
  { id: 'zagros_build', name: 'Zagros Construction Materials', country: 'ir', city: 'Tabriz', industry: 'Construction Materials', size: 18, domain: 'zagrosbuild.example', phone: '+98 41 3555 2100',
    description: 'Cement and tiles for builders in the north-west.', people: [['Ali Rostami', 'founder', 'executive', 'ali']] },
  { id: 'gulf_retail', name: 'Gulf Retail Holdings', country: 'ae', state: 'base.state_ae_du', city: 'Dubai', industry: 'Retailing', size: 1500, domain: 'gulfretail.example', phone: '+971 4 330 1000',
    description: 'Department stores in the Emirates.', people: [['Omar Haddad', 'ceo', 'executive', 'omar'], ['Aisha Karim', 'sale', 'director', 'aisha']] },
  { id: 'desert_energy', name: 'Desert Solar Energy', country: 'ae', state: 'base.state_ae_az', city: 'Abu Dhabi', industry: 'Independent Power and Renewable Electricity Producers', size: 260, domain: 'desertsolar.example', phone: '+971 2 444 9000',
    description: 'Solar farms and storage.', people: [['Yousef Nasser', 'engineering', 'manager', 'yousef'], ['Layla Mansour', 'finance', 'director', 'layla']] },
  { id: 'sharjah_media', name: 'Sharjah Media House', country: 'ae', state: 'base.state_ae_sh', city: 'Sharjah', industry: 'Media', size: 45, domain: 'sharjahmedia.example', phone: '+971 6 550 2200',
    description: 'Publishing and digital advertising.', people: [['Hala Saeed', 'public_relations', 'manager', 'hala']] },
  { id: 'bosphorus_textile', name: 'Bosphorus Textile', country: 'tr', state: 'base.state_tr_34', city: 'İstanbul', industry: 'Consumer Durables & Apparel', size: 780, domain: 'bosphorustex.example', phone: '+90 212 555 1000',
    description: 'Cotton fabrics and clothing for export.', people: [['Mehmet Yilmaz', 'owner', 'executive', 'mehmet'], ['Elif Demir', 'sale', 'manager', 'elif']] },
  { id: 'anatolia_machines', name: 'Anatolia Machines', country: 'tr', state: 'base.state_tr_06', city: 'Ankara', industry: 'Capital Goods', size: 310, domain: 'anatoliamach.example', phone: '+90 312 444 2000',
    description: 'Packaging machines.', people: [['Can Öztürk', 'engineering', 'director', 'can'], ['Zeynep Kaya', 'operations', 'manager', 'zeynep']] },
  { id: 'izmir_shipping', name: 'Izmir Shipping', country: 'tr', state: 'base.state_tr_35', city: 'İzmir', industry: 'Transportation', size: 140, domain: 'izmirship.example', phone: '+90 232 333 3000',
    description: 'Container shipping around the Aegean.', people: [['Burak Şahin', 'sale', 'director', 'burak']] },
  { id: 'berlin_cloud', name: 'Berlin Cloud Systems', country: 'de', state: 'base.state_de_be', city: 'Berlin', industry: 'Software & Services', size: 65, domain: 'berlincloud.example', phone: '+49 30 5550 1000',
    description: 'Hosting and managed Kubernetes.', people: [['Jonas Weber', 'founder', 'executive', 'jonas'], ['Lena Fischer', 'marketing', 'manager', 'lena'], ['Tobias Braun', 'information_technology', 'director', 'tobias']] },
  { id: 'bavaria_auto', name: 'Bavaria Auto Parts', country: 'de', state: 'base.state_de_by', city: 'München', industry: 'Automobiles & Components', size: 5200, domain: 'bavariaauto.example', phone: '+49 89 5550 2000',
    description: 'Brakes and suspensions for car makers.', people: [['Klaus Hoffmann', 'operations', 'director', 'klaus'], ['Anna Schulz', 'human_resources', 'manager', 'anna']] },
  { id: 'hanse_insurance', name: 'Hanse Insurance', country: 'de', state: 'base.state_de_hh', city: 'Hamburg', industry: 'Banks & Insurance', size: 900, domain: 'hanseins.example', phone: '+49 40 5550 3000',
    description: 'Insurance for shipping companies.', people: [['Petra Wagner', 'finance', 'director', 'petra'], ['Felix Koch', 'legal', 'manager', 'felix']] },
  { id: 'rhein_pharma', name: 'Rhein Pharma', country: 'de', state: 'base.state_de_nw', city: 'Köln', industry: 'Pharmaceuticals, Biotechnology & Life Sciences', size: 1400, domain: 'rheinpharma.example', phone: '+49 221 555 4000',
    description: 'Generic drugs.', people: [['Dr. Miriam Becker', 'research', 'director', 'miriam'], ['Stefan Richter', 'sale', 'manager', 'stefan']] },
  { id: 'delft_hardware', name: 'Delft Hardware', country: 'nl', state: 'base.state_nl_zh', city: 'Delft', industry: 'Technology Hardware & Equipment', size: 75, domain: 'delfthw.example', phone: '+31 15 555 1000',
    description: 'Industrial sensors.', people: [['Sanne de Vries', 'product', 'manager', 'sanne'], ['Daan Jansen', 'ceo', 'executive', 'daan']] },
  { id: 'amsterdam_realty', name: 'Amsterdam Realty', country: 'nl', state: 'base.state_nl_nh', city: 'Amsterdam', industry: 'Real Estate', size: 30, domain: 'amsrealty.example', phone: '+31 20 555 2000',
    description: 'Office space for start-ups.', people: [['Pieter Bakker', 'real_estate', 'director', 'pieter']] },
  { id: 'lyon_consulting', name: 'Lyon Consulting', country: 'fr', city: 'Lyon', industry: 'Commercial & Professional Services', size: 22, domain: 'lyonconsult.example', phone: '+33 4 55 50 10 00',
    description: 'Management consulting for manufacturers.', people: [['Camille Martin', 'consulting', 'director', 'camille'], ['Hugo Bernard', 'recruiting', 'manager', 'hugo']] },
  { id: 'paris_luxe', name: 'Paris Luxe', country: 'fr', city: 'Paris', industry: 'Consumer Discretionary', size: 610, domain: 'parisluxe.example', phone: '+33 1 55 50 20 00',
    description: 'Leather goods and accessories.', people: [['Chloé Dubois', 'marketing', 'director', 'chloe'], ['Louis Moreau', 'sale', 'executive', 'louis']] },
  { id: 'london_fintech', name: 'Thames Financial', country: 'uk', city: 'London', industry: 'Diversified Financials & Financial Services', size: 230, domain: 'thamesfin.example', phone: '+44 20 5550 1000',
    description: 'Payments for online shops.', people: [['Oliver Smith', 'ceo', 'executive', 'oliver'], ['Amelia Jones', 'finance', 'manager', 'amelia'], ['Harry Taylor', 'engineering', 'director', 'harry']] },
  { id: 'manchester_grocers', name: 'Northern Grocers', country: 'uk', city: 'Manchester', industry: 'Consumer Staples', size: 3100, domain: 'northgrocers.example', phone: '+44 161 555 2000',
    description: 'Supermarkets in the north of England.', people: [['Emily Brown', 'operations', 'director', 'emily']] },
  { id: 'oxford_learning', name: 'Oxford Learning Services', country: 'uk', city: 'Oxford', industry: 'Consumer Services', size: 12, domain: 'oxlearning.example', phone: '+44 1865 555 300',
    description: 'Language courses and tutoring.', people: [['James Wilson', 'education', 'manager', 'james'], ['Sophie Evans', 'founder', 'executive', 'sophie']] },
  { id: 'texas_energy', name: 'Lone Star Energy', country: 'us', state: 'base.state_us_44', city: 'Houston', industry: 'Energy & Utilities', size: 7800, domain: 'lonestarenergy.example', phone: '+1 713 555 0100',
    description: 'Gas distribution and power.', people: [['Michael Johnson', 'president', 'executive', 'michael'], ['Jessica Davis', 'sale', 'director', 'jessica']] },
  { id: 'seattle_devices', name: 'Cascade Devices', country: 'us', state: 'base.state_us_48', city: 'Seattle', industry: 'Technology Hardware & Equipment', size: 420, domain: 'cascadedev.example', phone: '+1 206 555 0200',
    description: 'Rugged tablets for field work.', people: [['David Miller', 'product', 'director', 'david'], ['Emma Garcia', 'marketing', 'manager', 'emma']] },
  { id: 'sf_software', name: 'Golden Gate Analytics', country: 'us', state: 'base.state_us_5', city: 'San Francisco', industry: 'Software & Services', size: 48, domain: 'ggalytics.example', phone: '+1 415 555 0300',
    description: 'Sales analytics for retailers.', people: [['Ryan Lee', 'founder', 'executive', 'ryan'], ['Olivia Martinez', 'sale', 'manager', 'olivia'], ['Ethan Clark', 'customer_service', 'manager', 'ethan']] },
  { id: 'ny_media', name: 'Hudson Media', country: 'us', state: 'base.state_us_27', city: 'New York', industry: 'Media', size: 1100, domain: 'hudsonmedia.example', phone: '+1 212 555 0400',
    description: 'Magazines and podcasts.', people: [['Sophia Walker', 'communications', 'director', 'sophia']] },
  { id: 'maryland_health', name: 'Chesapeake Health', country: 'us', state: 'base.state_us_33', city: 'Baltimore', industry: 'Health Care Equipment & Services', size: 2600, domain: 'chesapeakehealth.example', phone: '+1 410 555 0500',
    description: 'Hospitals and home care.', people: [['Daniel Hall', 'information_technology', 'director', 'daniel'], ['Grace Young', 'human_resources', 'manager', 'grace']] },
  { id: 'toronto_build', name: 'Maple Builders', country: 'ca', city: 'Toronto', industry: 'Capital Goods', size: 150, domain: 'maplebuilders.example', phone: '+1 416 555 0600',
    description: 'Prefabricated buildings.', people: [['Liam Tremblay', 'owner', 'executive', 'liam'], ['Chloe Roy', 'sale', 'manager', 'chloe']] },
];

const records: DataRecord[] = COMPANIES.map((c) => ({
  id: `lead_directory_${c.id}`, model: 'crm.lead.directory.company',
  values: {
    name: c.name, website: `https://www.${c.domain}`, email: `info@${c.domain}`, phone: c.phone, city: c.city,
    country_id: ref(`base.${c.country}`), state_id: c.state ? ref(c.state) : false,
    industry_id: ref(`lead_industry_${industrySlug(c.industry)}`), size: c.size, description: c.description,
    contact_ids: c.people.map(([name, role, seniority, local]) => [0, 0, { name, role, seniority, email: `${local}@${c.domain}` }]),
  },
}));

export default records;
