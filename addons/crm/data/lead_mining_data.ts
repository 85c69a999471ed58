// Lead generation's data: the group its setting switches on, the rights on its models, the
// industries (Odoo 17's crm.iap.lead.industry names), the roles and seniorities a request may ask
// for (Odoo's crm.iap.lead.role and crm.iap.lead.seniority), and the system parameter naming the
// provider requests use (the company directory; another addon may plug its own, lib/lead_mining.ts).

import { ref, type DataRecord } from '../../../core/index.ts';
import { DEFAULT_PROVIDER, PROVIDER_PARAM, ROLES, SENIORITIES } from '../lib/lead_mining.ts';

/** Odoo 17's industries, in its order. */
export const INDUSTRIES = [
  'Automobiles & Components', 'Banks & Insurance', 'Capital Goods', 'Commercial & Professional Services', 'Construction Materials',
  'Consumer Discretionary', 'Consumer Durables & Apparel', 'Consumer Services', 'Consumer Staples', 'Diversified Financials & Financial Services',
  'Energy & Utilities', 'Food, Beverage & Tobacco', 'Health Care Equipment & Services', 'Independent Power and Renewable Electricity Producers',
  'Materials', 'Media', 'Pharmaceuticals, Biotechnology & Life Sciences', 'Real Estate', 'Retailing', 'Software & Services',
  'Technology Hardware & Equipment', 'Telecommunication Services', 'Transportation',
];

/** `Food, Beverage & Tobacco` -> `food_beverage_tobacco`: the industry's external id. */
export const industrySlug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

type Perms = { salesman?: string; manager: string };

/** Rights of the sales groups, and of the system administrators (everything). */
const rights = (model: string, { salesman, manager }: Perms): DataRecord[] => {
  const key = model.replace(/\./g, '_');
  const access = (group: string, suffix: string, perms: string): DataRecord => ({
    id: `access_${key}_${suffix}`, model: 'ir.model.access',
    values: {
      name: `access_${key}_${suffix}`, model_id: ref(`model_${key}`), group_id: ref(group),
      perm_read: perms.includes('r'), perm_write: perms.includes('w'), perm_create: perms.includes('c'), perm_unlink: perms.includes('u'),
    },
  });
  return [
    ...(salesman ? [access('group_sale_salesman', 'salesman', salesman)] : []),
    access('group_sale_manager', 'manager', manager),
    access('base.group_system', 'system', 'rwcu'),
  ];
};

const records: DataRecord[] = [
  { id: 'group_lead_mining', model: 'res.groups', values: { name: 'Use Lead Generation', category: 'Technical' } },

  // Sales administrators generate leads and keep the directory; salespeople read what the leads point to.
  ...rights('crm.iap.lead.mining.request', { salesman: 'r', manager: 'rwcu' }),
  ...rights('crm.lead.directory.company', { manager: 'rwcu' }),
  ...rights('crm.lead.directory.contact', { manager: 'rwcu' }),
  ...rights('crm.lead.directory.industry', { salesman: 'r', manager: 'rwcu' }),
  ...rights('crm.iap.lead.role', { salesman: 'r', manager: 'rwcu' }),
  ...rights('crm.iap.lead.seniority', { salesman: 'r', manager: 'rwcu' }),
  ...rights('crm.lead.directory.import', { manager: 'rwc' }),

  { id: 'ir_config_parameter_lead_mining_provider', model: 'ir.config_parameter', noupdate: true, values: { key: PROVIDER_PARAM, value: DEFAULT_PROVIDER } },

  ...INDUSTRIES.map((name, i): DataRecord => ({
    id: `lead_industry_${industrySlug(name)}`, model: 'crm.lead.directory.industry', noupdate: true, values: { name, sequence: i + 1, color: (i % 11) + 1 },
  })),
  ...ROLES.map(([key, name], i): DataRecord => ({ id: `lead_role_${key}`, model: 'crm.iap.lead.role', values: { name, reveal_id: key, color: (i % 11) + 1 } })),
  ...SENIORITIES.map(([key, name]): DataRecord => ({ id: `lead_seniority_${key}`, model: 'crm.iap.lead.seniority', values: { name, reveal_id: key } })),
];

export default records;
