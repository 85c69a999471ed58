// Reading a directory file (XLSX or CSV, read by the core's import reader) into companies and
// contacts: one row per contact, the company's columns repeated on each of its rows. Every cell is
// checked first (country by name or code, state in that country, industry, size, email, role,
// seniority, a company's values the same on all its rows); any error stops the import before
// anything is written, and names its row and column. Then two creates: the new companies, then
// all the contacts. Companies already in the directory (same name) get the new contacts only.

import { errors, type Env, type Values } from '../../../core/index.ts';
import { cellText, readFile, type FileRow } from '../../../core/index.ts';
import { ROLES, SENIORITIES } from './lead_mining.ts';

/** The columns, by field, with the headers each is recognised by (lower case). */
const COLUMNS = {
  name: ['company', 'company name'],
  website: ['website', 'web site', 'url'],
  country: ['country', 'country code'],
  state: ['state', 'state code', 'province', 'region'],
  industry: ['industry'],
  size: ['size', 'employees', 'company size', 'number of employees'],
  email: ['email', 'company email'],
  phone: ['phone', 'company phone'],
  street: ['street', 'address'],
  city: ['city'],
  zip: ['zip', 'postal code', 'postcode'],
  description: ['description', 'notes'],
  contact_name: ['contact name', 'contact'],
  contact_email: ['contact email'],
  contact_phone: ['contact phone'],
  role: ['role', 'contact role'],
  seniority: ['seniority', 'contact seniority'],
} as const;

type Column = keyof typeof COLUMNS;

/** The company's own columns: the same on every row of the company. */
const COMPANY_COLUMNS = ['website', 'country', 'state', 'industry', 'size', 'email', 'phone', 'street', 'city', 'zip', 'description'] as const;

/** Role names people write that are not Odoo's. */
const ROLE_SYNONYMS: Record<string, string> = {
  sales: 'sale', it: 'information_technology', hr: 'human_resources', pr: 'public_relations', 'customer support': 'customer_service',
  support: 'customer_service', 'chief executive officer': 'ceo', 'managing director': 'ceo',
};

export interface ImportIssue {
  /** The row in the file (the header is row 1). */
  row: number;
  /** The column's header as written in the file, or null for the row as a whole. */
  column: string | null;
  message: string;
}

export interface ImportSummary {
  companies_created: number;
  companies_existing: number;
  contacts_created: number;
  contacts_skipped: number;
  company_ids: number[];
}

const norm = (text: string) => text.trim().toLowerCase().replace(/[\s_]+/g, ' ');
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Header -> column; unknown headers are errors (a column that would be dropped silently is data lost). */
function mapHeaders(headers: string[]): { columns: Map<Column, number>; issues: ImportIssue[] } {
  const columns = new Map<Column, number>();
  const issues: ImportIssue[] = [];
  headers.forEach((header, index) => {
    if (!header.trim()) return;
    const found = (Object.keys(COLUMNS) as Column[]).find((c) => (COLUMNS[c] as readonly string[]).includes(norm(header)));
    if (!found) {
      issues.push({ row: 1, column: header, message: `Unknown column "${header}". The columns are: ${Object.values(COLUMNS).map((h) => h[0]).join(', ')}.` });
    } else if (columns.has(found)) {
      issues.push({ row: 1, column: header, message: `The column "${header}" repeats the column "${headers[columns.get(found)!]}".` });
    } else columns.set(found, index);
  });
  if (!columns.has('name') && !issues.length) issues.push({ row: 1, column: null, message: 'The file has no "company" column.' });
  return { columns, issues };
}

/** What the file refers to by name: countries, states, industries (three queries). */
async function lookups(env: Env) {
  const countries = await env.cr.query<{ id: number; name: string; code: string }>('SELECT id, name, code FROM res_country');
  const byCountry = new Map<string, number>();
  for (const c of countries) { byCountry.set(norm(c.code), c.id); byCountry.set(norm(c.name), c.id); }
  const states = await env.cr.query<{ id: number; name: string; code: string; country_id: number }>('SELECT id, name, code, country_id FROM res_country_state');
  const byState = new Map<string, number>();
  for (const s of states) { byState.set(`${s.country_id}/${norm(s.code)}`, s.id); byState.set(`${s.country_id}/${norm(s.name)}`, s.id); }
  const industries = await env.cr.query<{ id: number; name: string }>('SELECT id, name FROM crm_lead_directory_industry');
  const byIndustry = new Map(industries.map((i) => [norm(i.name), i.id]));
  return { byCountry, byState, byIndustry };
}

const keyOf = (list: Array<[string, string]>, text: string, synonyms: Record<string, string> = {}): string | undefined => {
  const wanted = norm(text);
  return list.find(([key, label]) => norm(key) === wanted || norm(label) === wanted)?.[0] ?? synonyms[wanted];
};

interface PlannedCompany { key: string; row: number; values: Values; rows: Map<string, number> }
interface PlannedContact { company: string; row: number; values: Values }

/** Checks every row and plans the records; returns the issues instead when there are any. */
async function plan(env: Env, headers: string[], rows: FileRow[], columns: Map<Column, number>) {
  const { byCountry, byState, byIndustry } = await lookups(env);
  const issues: ImportIssue[] = [];
  const companies = new Map<string, PlannedCompany>();
  const contacts: PlannedContact[] = [];
  for (const { row, cells } of rows) {
    const cell = (column: Column): string => (columns.has(column) ? cellText(cells[columns.get(column)!] ?? null).trim() : '');
    const fail = (column: Column | null, message: string) =>
      issues.push({ row, column: column && columns.has(column) ? headers[columns.get(column)!] : null, message });
    const name = cell('name');
    if (!name) { fail('name', 'The company is missing.'); continue; }
    const values: Values = {};
    for (const column of ['website', 'email', 'phone', 'street', 'city', 'zip', 'description'] as const) if (cell(column)) values[column] = cell(column);
    if (values.email && !EMAIL.test(String(values.email))) fail('email', `"${values.email}" is not an email address.`);
    if (cell('country')) {
      const country = byCountry.get(norm(cell('country')));
      if (country) values.country = country; else fail('country', `Unknown country "${cell('country')}" (write its name or its ISO code).`);
    }
    if (cell('state')) {
      const state = values.country ? byState.get(`${values.country}/${norm(cell('state'))}`) : undefined;
      if (state) values.state = state;
      else if (values.country) fail('state', `Unknown state "${cell('state')}" in ${cell('country')}.`);
      else if (!cell('country')) fail('state', `The state "${cell('state')}" needs a country.`);
    }
    if (cell('industry')) {
      const industry = byIndustry.get(norm(cell('industry')));
      if (industry) values.industry = industry; else fail('industry', `Unknown industry "${cell('industry')}" (see Configuration > Lead Generation > Industries).`);
    }
    if (cell('size')) {
      const size = Number(cell('size').replace(/[\s,]/g, ''));
      if (Number.isInteger(size) && size >= 0) values.size = size; else fail('size', `The size "${cell('size')}" is not a number of employees.`);
    }
    // The company: first seen here, or the same values as on its first row.
    const key = norm(name);
    const company: PlannedCompany = companies.get(key) ?? { key, row, values: { name }, rows: new Map() };
    companies.set(key, company);
    for (const field of COMPANY_COLUMNS) {
      if (values[field] === undefined) continue;
      if (company.values[field] === undefined) { company.values[field] = values[field]; company.rows.set(field, row); continue; }
      if (company.values[field] !== values[field]) {
        fail(field, `"${cell(field)}" differs from the ${field} given for ${name} on row ${company.rows.get(field)}.`);
      }
    }
    // The contact of the row, if any.
    const contact = { name: cell('contact_name'), email: cell('contact_email'), phone: cell('contact_phone'), role: cell('role'), seniority: cell('seniority') };
    if (!Object.values(contact).some(Boolean)) continue;
    if (!contact.name) { fail('contact_name', 'The contact\'s name is missing.'); continue; }
    const contactValues: Values = { name: contact.name, email: contact.email || false, phone: contact.phone || false };
    if (contact.email && !EMAIL.test(contact.email)) fail('contact_email', `"${contact.email}" is not an email address.`);
    if (contact.role) {
      const role = keyOf(ROLES, contact.role, ROLE_SYNONYMS);
      if (role) contactValues.role = role; else fail('role', `Unknown role "${contact.role}". The roles are: ${ROLES.map(([, label]) => label).join(', ')}.`);
    }
    if (contact.seniority) {
      const seniority = keyOf(SENIORITIES, contact.seniority);
      if (seniority) contactValues.seniority = seniority;
      else fail('seniority', `Unknown seniority "${contact.seniority}". The seniorities are: ${SENIORITIES.map(([, label]) => label).join(', ')}.`);
    }
    contacts.push({ company: key, row, values: contactValues });
  }
  return { issues, companies: [...companies.values()], contacts };
}

const contactKey = (values: Values) => norm(String(values.email || values.name));

/** The file's rows as companies and contacts, all or nothing. Throws a user error listing the
 *  bad rows (`details.issues`) before writing anything. */
export async function importDirectory(env: Env, data: Buffer, fileName: string): Promise<ImportSummary> {
  const file = await readFile(data, fileName);
  const mapped = mapHeaders(file.headers);
  if (!mapped.issues.length && !file.rows.length) mapped.issues.push({ row: 1, column: null, message: 'The file has no rows under its header.' });
  const planned = mapped.issues.length ? { issues: mapped.issues, companies: [], contacts: [] } : await plan(env, file.headers, file.rows, mapped.columns);
  if (planned.issues.length) {
    const lines = planned.issues.slice(0, 20).map((i) => `Row ${i.row}${i.column ? `, column "${i.column}"` : ''}: ${i.message}`);
    if (planned.issues.length > lines.length) lines.push(`... and ${planned.issues.length - lines.length} more.`);
    throw errors.userError(`Nothing was imported: the file has ${planned.issues.length} error${planned.issues.length > 1 ? 's' : ''}.\n${lines.join('\n')}`,
      { issues: planned.issues });
  }
  const su = env.sudo();
  // Companies already in the directory (by name) are kept; they get the new contacts only.
  const keys = planned.companies.map((c) => c.key);
  // The same normalisation as `norm`: trimmed, lower case, runs of spaces and "_" as one space.
  const rows = await env.cr.query<{ id: number; key: string }>(
    `SELECT id, lower(regexp_replace(trim(name), '[[:space:]_]+', ' ', 'g')) AS key FROM crm_lead_directory_company
      WHERE lower(regexp_replace(trim(name), '[[:space:]_]+', ' ', 'g')) = ANY($1::text[]) ORDER BY id`, [keys]);
  const companyIds = new Map<string, number>();
  for (const row of rows) if (!companyIds.has(row.key)) companyIds.set(row.key, row.id);
  const existing = [...companyIds.values()];
  const fresh = planned.companies.filter((c) => !companyIds.has(c.key));
  const created = fresh.length ? await su.model('crm.lead.directory.company').create(fresh.map(({ values: v }) => ({
    name: v.name, website: v.website ?? false, email: v.email ?? false, phone: v.phone ?? false, street: v.street ?? false, city: v.city ?? false,
    zip: v.zip ?? false, description: v.description ?? false, country_id: v.country ?? false, state_id: v.state ?? false,
    industry_id: v.industry ?? false, size: v.size ?? 0,
  }))) as number[] : [];
  fresh.forEach((c, i) => companyIds.set(c.key, created[i]));
  // Contacts: the same person twice (same email, or same name without email) is kept once.
  const known = new Set((existing.length ? await env.cr.query<{ company_id: number; key: string }>(
    "SELECT company_id, lower(coalesce(nullif(trim(email), ''), trim(name))) AS key FROM crm_lead_directory_contact WHERE company_id = ANY($1::int4[])",
    [existing]) : []).map((r) => `${r.company_id}/${norm(r.key)}`));
  const newContacts: Values[] = [];
  for (const contact of planned.contacts) {
    const companyId = companyIds.get(contact.company)!;
    const key = `${companyId}/${contactKey(contact.values)}`;
    if (known.has(key)) continue;
    known.add(key);
    newContacts.push({ ...contact.values, company_id: companyId });
  }
  if (newContacts.length) await su.model('crm.lead.directory.contact').create(newContacts);
  return {
    companies_created: created.length, companies_existing: planned.companies.length - fresh.length,
    contacts_created: newContacts.length, contacts_skipped: planned.contacts.length - newContacts.length,
    company_ids: planned.companies.map((c) => companyIds.get(c.key)!),
  };
}
