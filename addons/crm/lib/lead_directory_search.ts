// The built-in lead provider: the company directory (crm.lead.directory.company and its
// contacts), filled by an administrator's import. It proposes the companies no lead was made of
// yet (`used` is false), oldest first, and marks them used once their leads exist, so that no
// company is drawn twice. A few queries whatever the number of companies asked for.

import type { Domain, Env } from '../../../core/index.ts';
import { type CompanyProposal, type ContactProposal, type LeadCriteria, type LeadProvider } from './lead_mining.ts';

const m2oId = (value: unknown): number | false => (Array.isArray(value) ? (value[0] as number) : false);
const text = (value: unknown): string | false => (typeof value === 'string' && value ? value : false);

/** Companies in the countries asked for; a country some of whose states are asked for, only there. */
function placeDomain(criteria: LeadCriteria): Domain {
  const countries = [...new Set([...criteria.country_ids, ...criteria.states.map((s) => s.country_id)])];
  if (!countries.length) return [];
  const terms: Domain[] = countries.map((country) => {
    const states = criteria.states.filter((s) => s.country_id === country).map((s) => s.id);
    return states.length ? ['&', ['country_id', '=', country], ['state_id', 'in', states]] : [['country_id', '=', country]];
  });
  return [...Array(terms.length - 1).fill('|'), ...terms.flat()] as Domain;
}

/** The contacts a people search wants: by role (any of them) or by seniority. */
function contactDomain(criteria: LeadCriteria): Domain {
  if (criteria.contact_filter_type === 'seniority') return criteria.seniority ? [['seniority', '=', criteria.seniority]] : [];
  return criteria.roles.length ? [['role', 'in', criteria.roles]] : [];
}

export function directoryDomain(criteria: LeadCriteria): Domain {
  const domain: Domain = [['used', '=', false], ...placeDomain(criteria)];
  if (criteria.industry_ids.length) domain.push(['industry_id', 'in', criteria.industry_ids]);
  if (criteria.size_min !== false) domain.push(['size', '>=', criteria.size_min]);
  if (criteria.size_max !== false) domain.push(['size', '<=', criteria.size_max]);
  if (criteria.search_type === 'people') domain.push(['contact_ids', 'any', contactDomain(criteria)]);
  return domain;
}

/** From the most senior down (an executive is C-level, above a director). */
const SENIORITY_RANK = ['executive', 'director', 'manager'];

/** Best contacts first: the preferred role, then the other roles in their order, then the most
 *  senior, then the first entered. */
function rankContacts(criteria: LeadCriteria) {
  const seniority = (key: unknown) => {
    const i = SENIORITY_RANK.indexOf(String(key));
    return i < 0 ? SENIORITY_RANK.length : i;
  };
  const role = (key: unknown) => {
    const i = criteria.roles.indexOf(String(key));
    return i < 0 ? criteria.roles.length : i;
  };
  return (a: Record<string, unknown>, b: Record<string, unknown>) =>
    role(a.role) - role(b.role) || seniority(a.seniority) - seniority(b.seniority) || (a.id as number) - (b.id as number);
}

async function search(env: Env, criteria: LeadCriteria, limit: number): Promise<CompanyProposal[]> {
  const su = env.sudo();
  const companies = await su.model('crm.lead.directory.company').search_read(directoryDomain(criteria), [
    'name', 'website', 'email', 'phone', 'street', 'city', 'zip', 'country_id', 'state_id', 'industry_id', 'size', 'description',
  ], { limit, order: 'id' });
  if (!companies.length) return [];
  const contacts = new Map<number, ContactProposal[]>();
  if (criteria.search_type === 'people') {
    const rows = await su.model('crm.lead.directory.contact').search_read(
      [['company_id', 'in', companies.map((c) => c.id)], ...contactDomain(criteria)], ['company_id', 'name', 'email', 'phone', 'role', 'seniority']);
    rows.sort(rankContacts(criteria));
    for (const row of rows) {
      const list = contacts.get(m2oId(row.company_id) as number) ?? [];
      if (list.length < criteria.contact_number) {
        list.push({ name: String(row.name), email: text(row.email), phone: text(row.phone), role: text(row.role), seniority: text(row.seniority) });
      }
      contacts.set(m2oId(row.company_id) as number, list);
    }
  }
  return companies.map((c): CompanyProposal => ({
    key: `directory:${c.id}`,
    name: String(c.name),
    website: text(c.website), email: text(c.email), phone: text(c.phone), street: text(c.street), city: text(c.city), zip: text(c.zip),
    country_id: m2oId(c.country_id), state_id: m2oId(c.state_id),
    industry: Array.isArray(c.industry_id) ? String(c.industry_id[1]) : false,
    size: Number(c.size) || false,
    description: text(c.description),
    contacts: contacts.get(c.id) ?? [],
    lead_values: { directory_company_id: c.id },
  }));
}

/** The companies drawn are used: no later request proposes them again. */
async function claim(env: Env, proposals: CompanyProposal[]): Promise<void> {
  const ids = proposals.map((p) => p.lead_values?.directory_company_id).filter((id): id is number => typeof id === 'number');
  if (ids.length) await env.sudo().model('crm.lead.directory.company').write(ids, { used: true });
}

export const directoryProvider: LeadProvider = { label: 'Company Directory', search, claim };
