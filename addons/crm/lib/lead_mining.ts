// Lead generation's providers: where a lead mining request (crm.iap.lead.mining.request) finds the
// companies it turns into leads. Odoo asks its paid IAP service; here the built-in provider is the
// company directory an administrator imports (`directory`, lib/lead_directory_search.ts), and an
// addon may plug a real data service with `registerLeadProvider`. The system parameter
// `crm.lead_mining.provider` names the provider requests use (default `directory`).
//
// A provider only proposes companies: the request turns them into leads itself (set-based), so
// every provider's leads get the same team, salesperson, tags, type and contact layout.

import { errors, type Env, type Model, type Values } from '../../../core/index.ts';

export const PROVIDER_PARAM = 'crm.lead_mining.provider';
export const DEFAULT_PROVIDER = 'directory';

/** The seniorities of contacts (Odoo's crm.iap.lead.seniority `reveal_id`s). */
export const SENIORITIES: Array<[string, string]> = [['director', 'Director'], ['executive', 'Executive'], ['manager', 'Manager']];

/** The roles of contacts (Odoo's crm.iap.lead.role `reveal_id`s and names). */
export const ROLES: Array<[string, string]> = [
  ['ceo', 'CEO'], ['communications', 'Communications'], ['consulting', 'Consulting'], ['customer_service', 'Customer Service'],
  ['education', 'Education'], ['engineering', 'Engineering'], ['finance', 'Finance'], ['founder', 'Founder'],
  ['health_professional', 'Health Professional'], ['human_resources', 'Human Resources'], ['information_technology', 'Information Technology'],
  ['legal', 'Legal'], ['marketing', 'Marketing'], ['operations', 'Operations'], ['owner', 'Owner'], ['president', 'President'],
  ['product', 'Product'], ['public_relations', 'Public Relations'], ['real_estate', 'Real Estate'], ['recruiting', 'Recruiting'],
  ['research', 'Research'], ['sale', 'Sales'],
];

/** What a request asks for, resolved once (ids and codes both, so that a provider picks what it
 *  understands). Empty lists mean "any". */
export interface LeadCriteria {
  /** `companies`, or `people`: companies with contacts matching the role or seniority below. */
  search_type: 'companies' | 'people';
  country_ids: number[];
  /** ISO codes of `country_ids` (upper case). */
  country_codes: string[];
  /** The states wanted, with their country: a country none of whose states is listed is wanted whole. */
  states: Array<{ id: number; code: string; country_id: number; country_code: string }>;
  industry_ids: number[];
  /** Names of `industry_ids` (English, as stored). */
  industry_names: string[];
  /** Employees, both bounds included; false: no bound. */
  size_min: number | false;
  size_max: number | false;
  /** People: contacts per company, at most. */
  contact_number: number;
  /** People: contacts are chosen by `role` (the roles below, the preferred one first) or by `seniority`. */
  contact_filter_type: 'role' | 'seniority';
  /** Role keys (ROLES), the preferred one first; empty: any role. */
  roles: string[];
  /** A seniority key (SENIORITIES), or false: any. */
  seniority: string | false;
}

export interface ContactProposal {
  name: string;
  email?: string | false;
  phone?: string | false;
  /** A key of ROLES. */
  role?: string | false;
  /** A key of SENIORITIES. */
  seniority?: string | false;
  /** Job title, when the provider knows it (else the role's label is used). */
  title?: string | false;
}

export interface CompanyProposal {
  /** The company's unique key at the provider. The lead keeps it (`reveal_id`), and a request
   *  never makes a lead of a key some lead already has. */
  key: string;
  name: string;
  website?: string | false;
  email?: string | false;
  phone?: string | false;
  street?: string | false;
  city?: string | false;
  zip?: string | false;
  /** The country and state, by id or by code (ISO country code; the state's code in its country). */
  country_id?: number | false;
  country_code?: string | false;
  state_id?: number | false;
  state_code?: string | false;
  industry?: string | false;
  /** Employees. */
  size?: number | false;
  description?: string | false;
  /** People searches: the contacts chosen, best first (at most `contact_number`). */
  contacts?: ContactProposal[];
  /** More values for the lead (fields of crm.lead), such as a link to the provider's own record. */
  lead_values?: Values;
}

export interface LeadProvider {
  /** What the administrator reads (the name is used when missing). */
  label?: string;
  /** The addon that brings it: the provider is offered only in databases where it is installed. */
  addon?: string;
  /** Up to `limit` companies matching `criteria`, best first. Runs in the request's transaction,
   *  as the requesting user (use `env.sudo()` for data the user may not read). */
  search(env: Env, criteria: LeadCriteria, limit: number): Promise<CompanyProposal[]>;
  /** Called once the leads exist, in the same transaction: `leadIds[i]` was made of `proposals[i]`
   *  (the directory marks its companies used here). */
  claim?(env: Env, proposals: CompanyProposal[], leadIds: number[]): Promise<void>;
}

const providers = new Map<string, LeadProvider>();

/**
 * Makes a provider available to lead mining requests under `name`; the system parameter
 * `crm.lead_mining.provider` chooses it. Registering a name twice is refused (unregister first),
 * so that two addons cannot silently take each other's place.
 */
export function registerLeadProvider(name: string, provider: LeadProvider): void {
  if (!/^[a-z][a-z0-9_.-]*$/.test(name)) throw errors.userError(`Lead provider name "${name}" must be lower-case letters, digits, "_", "." or "-"`);
  if (typeof provider?.search !== 'function') throw errors.userError(`Lead provider "${name}" has no search(env, criteria, limit) function`);
  if (providers.has(name)) throw errors.userError(`A lead provider named "${name}" is already registered`);
  providers.set(name, provider);
}

/** Whether a provider of that name is registered (in any database). */
export function hasLeadProvider(name: string): boolean {
  return providers.has(name);
}

/** Removes a provider (an addon's tests, or an addon that stops offering it). */
export function unregisterLeadProvider(name: string): boolean {
  return providers.delete(name);
}

/** The providers this database may use, by name. */
export function leadProviders(env: Env): Map<string, LeadProvider> {
  return new Map([...providers].filter(([, p]) => !p.addon || env.registry.addons.includes(p.addon)));
}

interface Params extends Model { get_param(key: string, fallback?: unknown): Promise<unknown> }

/** The provider `crm.lead_mining.provider` names (default `directory`), with its name. */
export async function currentLeadProvider(env: Env): Promise<{ name: string; provider: LeadProvider }> {
  const value = await env.sudo().model<Params>('ir.config_parameter').get_param(PROVIDER_PARAM, DEFAULT_PROVIDER);
  const name = typeof value === 'string' && value.trim() ? value.trim() : DEFAULT_PROVIDER;
  const available = leadProviders(env);
  const provider = available.get(name);
  if (!provider) {
    throw errors.userError(`The lead provider "${name}" (system parameter ${PROVIDER_PARAM}) is not available; choose one of: ${[...available.keys()].join(', ')}`);
  }
  return { name, provider };
}
