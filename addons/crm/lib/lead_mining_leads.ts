// From the companies a provider proposes to the values of the leads (Odoo's
// `lead_vals_from_response`): one lead per company, named after it, with its address, email,
// phone and website; for a people search the first contact is the lead's contact, and all the
// contacts are listed in the lead's notes. Countries and states given by code are found with one
// query each, whatever the number of companies.

import type { Env, Values } from '../../../core/index.ts';
import { escapeHtml } from '../../../core/addons/mail/mixins.ts';
import { catalogOf } from '../../../core/index.ts';
import { ROLES, SENIORITIES, type CompanyProposal, type ContactProposal } from './lead_mining.ts';

/** What every lead of a request gets. */
export interface RequestLeadValues {
  requestId: number;
  type: 'lead' | 'opportunity';
  teamId: number | false;
  userId: number | false;
  tagIds: number[];
  people: boolean;
}

const label = (list: Array<[string, string]>, key: unknown): string => list.find(([k]) => k === key)?.[1] ?? '';

/** Country ids of the ISO codes, and state ids of (country, state code) pairs, in two queries. */
async function placeIds(env: Env, proposals: CompanyProposal[]) {
  const codes = [...new Set(proposals.filter((p) => !p.country_id && p.country_code).map((p) => String(p.country_code).toUpperCase()))];
  const countries = new Map<string, number>();
  if (codes.length) {
    const rows = await env.cr.query<{ id: number; code: string }>('SELECT id, upper(code) AS code FROM res_country WHERE upper(code) = ANY($1::text[])', [codes]);
    for (const row of rows) countries.set(row.code, row.id);
  }
  const countryOf = (p: CompanyProposal): number | false => p.country_id || (p.country_code ? countries.get(String(p.country_code).toUpperCase()) ?? false : false);
  const wanted = proposals.filter((p) => !p.state_id && p.state_code && countryOf(p));
  const states = new Map<string, number>();
  if (wanted.length) {
    const rows = await env.cr.query<{ id: number; country_id: number; code: string }>(
      'SELECT id, country_id, upper(code) AS code FROM res_country_state WHERE country_id = ANY($1::int4[])', [[...new Set(wanted.map(countryOf))]]);
    for (const row of rows) states.set(`${row.country_id}/${row.code}`, row.id);
  }
  const stateOf = (p: CompanyProposal): number | false => {
    if (p.state_id) return p.state_id;
    const country = countryOf(p);
    return country && p.state_code ? states.get(`${country}/${String(p.state_code).toUpperCase()}`) ?? false : false;
  };
  return { countryOf, stateOf };
}

/** The lead's notes: the company's description, industry and size, then its contacts. */
function description(env: Env, company: CompanyProposal, contacts: ContactProposal[]): string | false {
  const catalog = catalogOf(env);
  const tr = (text: string, model = 'crm.lead.directory.contact') => (catalog ? catalog.get(text, model) : text);
  const parts: string[] = [];
  if (company.description) parts.push(`<p>${escapeHtml(company.description)}</p>`);
  const facts = [
    company.industry ? `${escapeHtml(tr('Industry'))}: ${escapeHtml(tr(company.industry, 'crm.lead.directory.industry'))}` : '',
    company.size ? `${escapeHtml(tr('Employees'))}: ${company.size}` : '',
  ].filter(Boolean);
  if (facts.length) parts.push(`<p>${facts.join('<br/>')}</p>`);
  if (contacts.length) {
    const items = contacts.map((c) => {
      const what = [c.title || (c.role ? tr(label(ROLES, c.role)) : ''), c.seniority ? tr(label(SENIORITIES, c.seniority)) : ''].filter(Boolean).join(', ');
      const reach = [c.email, c.phone].filter(Boolean).map((v) => escapeHtml(String(v))).join(' · ');
      return `<li><b>${escapeHtml(c.name)}</b>${what ? ` (${escapeHtml(what)})` : ''}${reach ? ` ${reach}` : ''}</li>`;
    });
    parts.push(`<p><b>${escapeHtml(tr('Contacts'))}</b></p><ul>${items.join('')}</ul>`);
  }
  return parts.length ? parts.join('') : false;
}

/** The values of one lead per company, in the proposals' order. */
export async function leadValues(env: Env, proposals: CompanyProposal[], request: RequestLeadValues): Promise<Values[]> {
  const { countryOf, stateOf } = await placeIds(env, proposals);
  const catalog = catalogOf(env);
  return proposals.map((company) => {
    const contacts = request.people ? company.contacts ?? [] : [];
    const first = contacts[0];
    const values: Values = {
      type: request.type,
      user_id: request.userId,
      tag_ids: [[6, 0, request.tagIds]],
      reveal_id: company.key,
      lead_mining_request_id: request.requestId,
      name: company.name,
      partner_name: company.name,
      email_from: first?.email || company.email || false,
      phone: company.phone || false,
      website: company.website || false,
      street: company.street || false,
      city: company.city || false,
      zip: company.zip || false,
      country_id: countryOf(company),
      state_id: stateOf(company),
      description: description(env, company, contacts),
      ...(first ? {
        contact_name: first.name,
        function: first.title || (first.role ? (catalog ? catalog.get(label(ROLES, first.role), 'crm.lead.directory.contact') : label(ROLES, first.role)) : false),
      } : {}),
      ...(company.lead_values ?? {}),
    };
    // No team given: the lead takes its salesperson's, as any new lead does.
    if (request.teamId) values.team_id = request.teamId;
    return values;
  });
}
