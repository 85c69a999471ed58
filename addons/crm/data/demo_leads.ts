// CRM demo data, part 2: the pipeline. About sixty leads and opportunities of the customers and
// salespeople of demo.ts, spread over the stages (New, Qualified, Proposition, Won), some lost,
// some plain leads waiting for qualification, a few that look alike (same email domain, same
// phone, same company) so that similar leads and merging have something to show; activities on
// twenty of them (overdue, today, planned), three meetings and a few notes in the chatter.
//
// Demo data is loaded at install: the dates are computed then, relative to "now" (core/clock.ts,
// which tests pin), so the pipeline always looks current. Nothing is random.

import { now, ref, type DataRecord } from '../../../core/index.ts';
import { SALESPEOPLE } from './demo.ts';

const DAY_MS = 86_400_000;

/** The date `days` from now as the user in `tz` sees it (`YYYY-MM-DD`). */
const dayIn = (at: Date, days: number, tz = 'UTC'): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at.getTime() + days * DAY_MS));

/** A UTC datetime (`YYYY-MM-DD HH:MM:SS`) `days` from today at `hour`:`minute` UTC. */
const dayAt = (at: Date, days: number, hour: number, minute = 0): string =>
  `${dayIn(at, days)} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`;

type Who = 'mitchell' | 'reza' | 'shirin' | 'emma' | 'lukas' | 'admin';
type StageKey = 'new' | 'qualified' | 'proposition' | 'won';

const userRef = (who: Who) => ref(who === 'admin' ? 'base.user_admin' : `user_${who}`);
const partnerOfUser = (who: Who) => ref(who === 'admin' ? 'base.partner_admin' : `partner_user_${who}`);
const TEAM: Record<Who, string> = {
  mitchell: 'team_sales_department', reza: 'team_sales_department', admin: 'team_sales_department',
  emma: 'team_europe', lukas: 'team_europe', shirin: 'team_pre_sales',
};
const STAGE: Record<StageKey, string> = { new: 'stage_lead1', qualified: 'stage_lead2', proposition: 'stage_lead3', won: 'stage_lead4' };
/** The probability a salesperson typically gives each stage (won: 100, set by create). */
const PROBABILITY: Record<Exclude<StageKey, 'won'>, number> = { new: 10, qualified: 30, proposition: 60 };

/** [key, name, customer (partner key of demo.ts), salesperson, stage, expected revenue, priority,
 *  expected closing in days from today, tags] */
type Opp = [string, string, string, Who, StageKey, number, '0' | '1' | '2' | '3', number, string[]];

const OPPORTUNITIES: Opp[] = [
  // New
  ['azadi_erp', 'Azadi Trading: ERP rollout', 'azadi_dariush', 'reza', 'new', 48000, '2', 21, ['software', 'consulting']],
  ['pars_training', 'Pars Petrochemical: staff training', 'pars_leila', 'reza', 'new', 9500, '0', 35, ['training']],
  ['redwood_dashboards', 'Redwood Analytics: BI dashboards', 'redwood_olivia', 'mitchell', 'new', 27000, '1', 14, ['software']],
  ['lonestar_tablets2', 'Lone Star Builders: site tablets (phase 2)', 'lonestar', 'mitchell', 'new', 15600, '0', 40, ['product']],
  ['nordwind_maintenance', 'Nordwind: predictive maintenance pilot', 'nordwind_jonas', 'lukas', 'new', 62000, '2', 30, ['software', 'services']],
  ['bellavista_booking', 'Bella Vista Hotels: booking integration', 'bellavista_giulia', 'emma', 'new', 21000, '1', 25, ['software', 'design']],
  ['iberia_monitoring', 'Iberia Solar: panel monitoring', 'iberia_lucia', 'lukas', 'new', 33500, '0', 45, ['product']],
  ['gulf_fleet', 'Gulf Marine: fleet tracking', 'gulf_omar', 'admin', 'new', 41000, '1', 18, ['services']],
  ['caspian_audit', 'Caspian Foods: packaging line audit', 'caspian_hamid', 'reza', 'new', 7800, '0', -3, ['consulting']],
  ['maple_kiosks', 'Maple Leaf Furniture: showroom kiosks', 'maple_ethan', 'mitchell', 'new', 12400, '0', 60, ['product']],
  ['nasrin_shop', 'Nasrin Kazemi: online shop', 'nasrin', 'reza', 'new', 3200, '0', 10, ['design']],
  ['thames_support', 'Thames Digital: support contract', 'thames_oliver', 'admin', 'new', 18000, '1', 28, ['services']],
  // Qualified
  ['azadi_scanners', 'Azadi Trading: warehouse scanners', 'azadi', 'reza', 'qualified', 22500, '1', 12, ['product']],
  ['kourosh_portal', 'Kourosh Logistics: shipment tracking portal', 'kourosh_amir', 'reza', 'qualified', 36000, '2', 9, ['software']],
  ['tabriz_catalogue', 'Tabriz Carpet House: online catalogue', 'tabriz_maryam', 'admin', 'qualified', 14000, '1', 16, ['design', 'software']],
  ['nordwind_licences', 'Nordwind: 120 CAD licences', 'nordwind_anna', 'lukas', 'qualified', 88000, '3', 20, ['software']],
  ['lumiere_chairs', 'Lumière Design: 40 office chairs', 'lumiere_camille', 'emma', 'qualified', 11200, '0', -5, ['product']],
  ['vandijk_wms', 'Van Dijk Logistics: WMS upgrade', 'vandijk_pieter', 'lukas', 'qualified', 54000, '2', 22, ['software', 'consulting']],
  ['redwood_training', 'Redwood Analytics: analyst training', 'redwood', 'mitchell', 'qualified', 8600, '0', 7, ['training']],
  ['anatolia_planning', 'Anatolia Textiles: production planning', 'anatolia_elif', 'emma', 'qualified', 47000, '1', 33, ['software']],
  ['gulf_audit', 'Gulf Marine: IT audit', 'gulf', 'admin', 'qualified', 16500, '0', -2, ['consulting']],
  ['lonestar_crm', 'Lone Star Builders: CRM for field sales', 'lonestar_james', 'mitchell', 'qualified', 19800, '1', 19, ['software']],
  ['pars_lims', 'Pars Petrochemical: lab information system', 'pars', 'reza', 'qualified', 39000, '2', 26, ['software', 'services']],
  ['bellavista_wifi', 'Bella Vista Hotels: guest Wi-Fi', 'bellavista', 'emma', 'qualified', 9900, '0', 11, ['services']],
  // Proposition
  ['kourosh_trackers', 'Kourosh Logistics: 25 GPS trackers', 'kourosh', 'reza', 'proposition', 12500, '1', 5, ['product']],
  ['thames_redesign', 'Thames Digital: website redesign', 'thames', 'mitchell', 'proposition', 24000, '2', 8, ['design']],
  ['iberia_maintenance', 'Iberia Solar: maintenance contract', 'iberia', 'lukas', 'proposition', 30000, '1', 3, ['services']],
  ['caspian_inventory', 'Caspian Foods: inventory management', 'caspian', 'reza', 'proposition', 42000, '2', 14, ['software']],
  ['maple_erp', 'Maple Leaf Furniture: ERP integration', 'maple', 'mitchell', 'proposition', 58000, '3', 6, ['software', 'consulting']],
  ['vandijk_training', 'Van Dijk Logistics: warehouse staff training', 'vandijk', 'lukas', 'proposition', 7200, '0', -1, ['training']],
  ['anatolia_catalogue', 'Anatolia Textiles: catalogue design', 'anatolia', 'emma', 'proposition', 13500, '1', 12, ['design']],
  ['tabriz_pos', 'Tabriz Carpet House: point of sale', 'tabriz', 'admin', 'proposition', 17800, '1', 4, ['product', 'software']],
  ['redwood_cloud', 'Redwood Analytics: cloud migration', 'redwood_olivia', 'mitchell', 'proposition', 73000, '3', 15, ['services', 'consulting']],
  ['lumiere_workstations', 'Lumière Design: 3D rendering workstations', 'lumiere', 'emma', 'proposition', 26500, '2', 9, ['product']],
  // Won (closed in the past)
  ['azadi_support', 'Azadi Trading: annual support', 'azadi', 'reza', 'won', 12000, '1', -10, ['services']],
  ['nordwind_sensors', 'Nordwind: 300 vibration sensors', 'nordwind', 'lukas', 'won', 45000, '2', -20, ['product']],
  ['gulf_training', 'Gulf Marine: crew training', 'gulf_omar', 'admin', 'won', 9800, '0', -30, ['training']],
  ['lonestar_tablets', 'Lone Star Builders: rugged tablets', 'lonestar', 'mitchell', 'won', 21500, '1', -12, ['product']],
  ['bellavista_brand', 'Bella Vista Hotels: brand refresh', 'bellavista', 'emma', 'won', 16000, '1', -40, ['design']],
  ['kourosh_routes', 'Kourosh Logistics: route optimisation study', 'kourosh_amir', 'reza', 'won', 8400, '0', -6, ['consulting']],
  ['thames_hosting', 'Thames Digital: managed hosting', 'thames_oliver', 'admin', 'won', 14400, '1', -50, ['services']],
  ['iberia_units', 'Iberia Solar: monitoring units', 'iberia_lucia', 'lukas', 'won', 27600, '2', -18, ['product']],
];

/** Lost: [key, name, customer, salesperson, stage it was in, revenue, lost reason (1-3), days since]. */
const LOST: Array<[string, string, string, Who, StageKey, number, 1 | 2 | 3, number]> = [
  ['pars_tablets', 'Pars Petrochemical: field tablets', 'pars_leila', 'reza', 'qualified', 18000, 1, 9],
  ['maple_eshop', 'Maple Leaf Furniture: e-shop', 'maple_ethan', 'mitchell', 'new', 9000, 2, 21],
  ['vandijk_scanners', 'Van Dijk Logistics: 80 handheld scanners', 'vandijk_pieter', 'lukas', 'proposition', 32000, 3, 4],
  ['anatolia_training', 'Anatolia Textiles: ERP training', 'anatolia_elif', 'emma', 'new', 6000, 1, 30],
  ['caspian_website', 'Caspian Foods: website', 'caspian_hamid', 'reza', 'qualified', 5500, 2, 14],
  ['redwood_servers', 'Redwood Analytics: server hardware', 'redwood', 'mitchell', 'proposition', 64000, 1, 2],
];

interface PlainLead {
  name: string;
  team: string;
  contact: string;
  company?: string;
  email?: string;
  phone?: string;
  fn?: string;
  city: string;
  country: string;
  source?: string;
  medium?: string;
  revenue?: number;
}

/** Leads not yet qualified nor assigned (the Leads menu). Some repeat a customer on purpose. */
const LEADS: Record<string, PlainLead> = {
  // Same email domain and phone as Azadi Trading: similar to its opportunities.
  azadi_printers: { name: 'Inquiry: barcode printers', team: 'team_pre_sales', company: 'Azadi Trading Co.', contact: 'Kaveh Azadi', email: 'k.azadi@azaditrading.ir', phone: '+98 21 8876 5432', city: 'Tehran', country: 'ir', source: 'utm.utm_source_search_engine', medium: 'utm.utm_medium_website' },
  // Same domain as Nordwind.
  nordwind_calibration: { name: 'Nordwind: sensor calibration question', team: 'team_europe', company: 'Nordwind Maschinenbau GmbH', contact: 'Felix Braun', email: 'f.braun@nordwind-mb.de', city: 'Hamburg', country: 'de', medium: 'utm.utm_medium_email' },
  // Nasrin Kazemi's mobile, written the national way: the same number once normalised.
  nasrin_hosting: { name: 'Call back: hosting for an online shop', team: 'team_pre_sales', contact: 'Nasrin Kazemi', email: 'n.kazemi@yahoo.com', phone: '0935 456 7890', city: 'Mashhad', country: 'ir', medium: 'utm.utm_medium_phone' },
  // The very address of Tabriz Carpet House's contact.
  tabriz_prices: { name: 'Tabriz Carpet House: wholesale price list', team: 'team_pre_sales', company: 'Tabriz Carpet House', contact: 'Maryam Jafari', email: 'm.jafari@tabrizcarpet.ir', city: 'Tabriz', country: 'ir', source: 'utm.utm_source_newsletter' },
  hafez_accounting: { name: 'Hafez Books: accounting software', team: 'team_pre_sales', company: 'Hafez Books', contact: 'Parisa Mohammadi', fn: 'Owner', email: 'parisa@hafezbooks.ir', phone: '+98 71 3222 4455', city: 'Shiraz', country: 'ir', source: 'utm.utm_source_search_engine', medium: 'utm.utm_medium_website', revenue: 4500 },
  alborz_scheduling: { name: 'Alborz Clinic: appointment scheduling', team: 'team_pre_sales', company: 'Alborz Clinic', contact: 'Babak Najafi', fn: 'Medical Director', email: 'b.najafi@alborzclinic.ir', phone: '+98 26 3444 5566', city: 'Karaj', country: 'ir', source: 'utm.utm_source_linkedin', revenue: 12000 },
  zagros_tracking: { name: 'Zagros Mining: equipment tracking', team: 'team_pre_sales', company: 'Zagros Mining Co.', contact: 'Mehdi Sadeghi', email: 'm.sadeghi@zagrosmining.ir', phone: '+98 83 3811 2233', city: 'Kermanshah', country: 'ir', medium: 'utm.utm_medium_direct' },
  rezaei_demo: { name: 'Request for a demo', team: 'team_pre_sales', contact: 'Ali Rezaei', email: 'ali.rezaei@gmail.com', phone: '+98 919 765 4321', city: 'Tehran', country: 'ir', source: 'utm.utm_source_facebook', medium: 'utm.utm_medium_social' },
  delft_webshop: { name: 'Delft Ceramics: webshop', team: 'team_europe', company: 'Delft Ceramics', contact: 'Sanne Bakker', email: 'sanne@delftceramics.nl', phone: '+31 15 212 3344', city: 'Delft', country: 'nl', medium: 'utm.utm_medium_website' },
  lyon_pos: { name: 'Bistro Lyonnais: POS terminals', team: 'team_europe', company: 'Bistro Lyonnais', contact: 'Hugo Martin', email: 'hugo.martin@bistrolyonnais.fr', phone: '+33 4 78 42 11 22', city: 'Lyon', country: 'fr', source: 'utm.utm_source_mailing' },
  austin_billing: { name: 'Austin Coffee Roasters: subscription billing', team: 'team_sales_department', company: 'Austin Coffee Roasters', contact: 'Mia Johnson', email: 'mia@austincoffee.com', phone: '+1 512-555-0111', city: 'Austin', country: 'us', source: 'utm.utm_source_twitter', revenue: 6000 },
  riverside_app: { name: 'Riverside Gym: member app', team: 'team_sales_department', company: 'Riverside Gym', contact: 'Grace Taylor', email: 'grace@riversidegym.co.uk', phone: '+44 20 7123 4567', city: 'London', country: 'uk', medium: 'utm.utm_medium_banner' },
};

/** Origin, recurring revenue and notes for some opportunities. */
const EXTRA: Record<string, Record<string, unknown>> = {
  azadi_erp: { campaign_id: ref('campaign_nowruz'), source_id: ref('utm.utm_source_newsletter'), description: '<p>Finance first, then the two warehouses in Karaj and Tabriz.</p>' },
  nordwind_maintenance: { campaign_id: ref('campaign_trade_fair'), medium_id: ref('utm.utm_medium_direct') },
  redwood_dashboards: { source_id: ref('utm.utm_source_linkedin') },
  thames_support: { recurring_revenue: 1500, recurring_plan: ref('crm_recurring_plan_monthly') },
  thames_hosting: { recurring_revenue: 14400, recurring_plan: ref('crm_recurring_plan_yearly') },
  iberia_maintenance: { recurring_revenue: 30000, recurring_plan: ref('crm_recurring_plan_over_3_years'), campaign_id: ref('campaign_trade_fair') },
  maple_erp: { description: '<p>Needs the integration with their e-shop before the holiday season.</p>' },
};

/** [lead key, type, summary, days from today (negative: overdue), assigned to]. */
const ACTIVITIES: Array<[string, 'call' | 'email' | 'todo', string, number, Who]> = [
  ['azadi_erp', 'call', 'Discuss the ERP scope with Dariush', 0, 'reza'],
  ['redwood_dashboards', 'email', 'Send the dashboard mock-ups', 2, 'mitchell'],
  ['caspian_audit', 'call', 'Call back about the audit dates', -2, 'reza'],
  ['kourosh_portal', 'todo', 'Prepare the portal demo', 3, 'reza'],
  ['lumiere_chairs', 'email', 'Send the fabric samples', -4, 'emma'],
  ['vandijk_wms', 'call', 'Confirm the WMS version', 0, 'lukas'],
  ['anatolia_planning', 'todo', 'Draft the project plan', 7, 'emma'],
  ['gulf_audit', 'call', 'Agree on the audit scope', -1, 'admin'],
  ['lonestar_crm', 'email', 'Send the CRM proposal', 1, 'mitchell'],
  ['kourosh_trackers', 'call', 'Negotiate the tracker price', 2, 'reza'],
  ['iberia_maintenance', 'todo', 'Update the maintenance quotation', -3, 'lukas'],
  ['maple_erp', 'email', 'Send the integration timeline', 4, 'mitchell'],
  ['tabriz_pos', 'call', 'Check the POS hardware list', 0, 'admin'],
  ['redwood_cloud', 'todo', 'Cloud cost estimate', 10, 'mitchell'],
  ['nordwind_licences', 'email', 'Send the licence terms to legal', 1, 'lukas'],
  ['hafez_accounting', 'call', 'Qualify the lead', 0, 'shirin'],
  ['alborz_scheduling', 'email', 'Send the brochure', 1, 'shirin'],
  ['delft_webshop', 'call', 'First call', -1, 'emma'],
  ['rezaei_demo', 'email', 'Reply with the demo link', 2, 'shirin'],
];

/** [lead key, subject, days from today, hour (UTC), duration in hours, organizer, attendee (partner key), place]. */
const MEETINGS: Array<[string, string, number, number, number, Who, string, string]> = [
  ['nordwind_maintenance', 'Nordwind: on-site visit', 5, 8, 3, 'lukas', 'nordwind_jonas', 'Hafenstraße 21, Hamburg'],
  ['thames_redesign', 'Thames Digital: design review', 1, 14, 1.5, 'mitchell', 'thames_oliver', 'Video call'],
  ['pars_lims', 'Pars Petrochemical: lab visit', 6, 6, 2, 'reza', 'pars_leila', 'Zand Blvd., Shiraz'],
];

/** [lead key, note, author, days ago]. */
const NOTES: Array<[string, string, Who, number]> = [
  ['azadi_erp', 'Dariush asked for a phased rollout: finance first, then the warehouses.', 'reza', 3],
  ['nordwind_licences', 'Anna confirmed the budget for 120 seats; the licence terms are with their legal team.', 'lukas', 2],
  ['redwood_cloud', 'Olivia wants the migration done before the end of the quarter.', 'mitchell', 5],
  ['lumiere_chairs', 'Camille prefers the grey fabric; delivery to the Paris office.', 'emma', 6],
  ['hafez_accounting', 'Came through the website contact form; a team of 8 people.', 'shirin', 1],
  ['gulf_training', 'Signed. The training is given in two sessions.', 'admin', 28],
];

const tagRefs = (keys: string[]) => keys.map((k) => ref(`tag_${k}`));

export default function pipeline(): DataRecord[] {
  const at = now();
  const today = (days: number) => dayIn(at, days);

  const opportunities = OPPORTUNITIES.map(([key, name, customer, who, stage, revenue, priority, closing, tags]): DataRecord => ({
    id: `lead_${key}`, model: 'crm.lead',
    values: {
      name, type: 'opportunity', partner_id: ref(`partner_${customer}`), user_id: userRef(who), team_id: ref(TEAM[who]),
      stage_id: ref(STAGE[stage]), expected_revenue: revenue, priority, date_deadline: today(closing), tag_ids: tagRefs(tags),
      ...(stage === 'won' ? { date_closed: dayAt(at, closing + 2, 10) } : { probability: PROBABILITY[stage] + (revenue % 7) }),
      ...EXTRA[key],
    },
  }));
  const lost = LOST.map(([key, name, customer, who, stage, revenue, reason, ago]): DataRecord => ({
    id: `lead_${key}`, model: 'crm.lead',
    values: {
      name, type: 'opportunity', partner_id: ref(`partner_${customer}`), user_id: userRef(who), team_id: ref(TEAM[who]),
      stage_id: ref(STAGE[stage]), expected_revenue: revenue, date_deadline: today(-ago + 10),
      active: false, probability: 0, automated_probability: 0, lost_reason_id: ref(`lost_reason_${reason}`), date_closed: dayAt(at, -ago, 11),
    },
  }));
  const leads = Object.entries(LEADS).map(([key, l]): DataRecord => ({
    id: `lead_${key}`, model: 'crm.lead',
    values: {
      name: l.name, type: 'lead', user_id: false, team_id: ref(l.team), partner_name: l.company ?? false, contact_name: l.contact,
      function: l.fn ?? false, email_from: l.email ?? false, phone: l.phone ?? false, city: l.city, country_id: ref(`base.${l.country}`),
      source_id: l.source ? ref(l.source) : false, medium_id: l.medium ? ref(l.medium) : false, expected_revenue: l.revenue ?? 0,
    },
  }));

  const tz = (who: Who) => (who === 'admin' ? 'UTC' : SALESPEOPLE[who].tz);
  const types = { call: 'mail.mail_activity_data_call', email: 'mail.mail_activity_data_email', todo: 'mail.mail_activity_data_todo' };
  const activities = ACTIVITIES.map(([lead, type, summary, days, who], i): DataRecord => ({
    // res_id is an integer field: the loader resolves ref() there too, to the lead's id.
    id: `activity_${i + 1}`, model: 'mail.activity',
    values: {
      res_model: 'crm.lead', res_id: ref(`lead_${lead}`), activity_type_id: ref(types[type]), summary,
      // The due date as the owner sees today, so that "today" is today in their time zone.
      date_deadline: dayIn(at, days, tz(who)), user_id: userRef(who),
    },
  }));
  // A meeting of an opportunity also becomes a Meeting activity on it (calendar.event's create).
  const meetings = MEETINGS.map(([lead, name, days, hour, duration, who, attendee, location], i): DataRecord => ({
    id: `meeting_${i + 1}`, model: 'calendar.event',
    values: {
      name, opportunity_id: ref(`lead_${lead}`), start: dayAt(at, days, hour), duration, user_id: userRef(who), location,
      partner_ids: [partnerOfUser(who), ref(`partner_${attendee}`)],
    },
  }));
  const notes = NOTES.map(([lead, body, who, ago], i): DataRecord => ({
    id: `message_${i + 1}`, model: 'mail.message',
    values: {
      res_model: 'crm.lead', res_id: ref(`lead_${lead}`), body: `<p>${body}</p>`, message_type: 'comment', subtype: 'note',
      author_id: partnerOfUser(who), date: dayAt(at, -ago, 9, 30),
      record_name: [...OPPORTUNITIES, ...LOST].find((o) => o[0] === lead)?.[1] ?? LEADS[lead]?.name ?? false,
    },
  }));
  return [...opportunities, ...lost, ...leads, ...activities, ...meetings, ...notes];
}
