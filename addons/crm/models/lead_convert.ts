// Converting leads into opportunities (Odoo 17's "CONVERT" tools of crm.lead): the customer is
// found among the contacts or created from the lead's contact and company names, email, phones
// and address; the salespeople are dealt round-robin; the lead becomes an opportunity in the first
// stage of its team. The conversion wizards (wizards/lead2opportunity*.ts) are built on these.

import { errors, extendModel, now, type Domain, type Model, type Values } from '../../../core/index.ts';
import { ADDRESS_FIELDS } from './lead.ts';
import { normalizeEmail } from '../lib/contact.ts';
import { idOf, idsOf, namedArgs } from '../lib/kwargs.ts';

const EMAIL = /([^\s<>@,;"']+@[^\s<>@,;"']+\.[^\s<>@,;"']+)/;
const stamp = (date: Date): string => date.toISOString().slice(0, 19).replace('T', ' ');
const m2oId = (value: unknown): number | false => (Array.isArray(value) ? (value[0] as number) : false);

/** The contact fields lead.write fills from a new customer unless given. */
const KEPT_CONTACT_FIELDS = ['email_from', 'phone', 'mobile', 'partner_name', 'contact_name'];

/** The first address of an email field, as written (Odoo's `email_split(...)[0]`). */
export const firstEmail = (value: unknown): string | false =>
  (typeof value === 'string' && EMAIL.exec(value)?.[1]) || false;

/** The name part of `"Ann Smith" <ann@x.com>` (Odoo's `parse_contact_from_email`), or false. */
export function contactNameOf(value: unknown): string | false {
  if (typeof value !== 'string' || !value.trim()) return false;
  const address = firstEmail(value);
  if (!address) return value.trim();
  const name = value.replace(address, '').replace(/[<>"]/g, ' ').replace(/\s+/g, ' ').trim();
  return name || false;
}

/** What the conversion tools add to crm.lead, for callers (wizards, other addons). */
export interface CrmLeadConvert extends Model {
  convert_opportunity(ids: number[] | number, ...args: unknown[]): Promise<true>;
  _handle_partner_assignment(ids: number[], options?: { force_partner_id?: number | false; create_missing?: boolean }): Promise<void>;
  _handle_salesmen_assignment(ids: number[], userIds: number[], teamId?: number | false): Promise<void>;
  _find_matching_partner(id: number, emailOnly?: boolean): Promise<number | false>;
  _create_customer(id: number): Promise<number>;
  _get_lead_duplicates(partnerId: number | false, email: string | false, includeLost?: boolean): Promise<number[]>;
  redirect_lead_opportunity_view(ids: number[] | number): Promise<Values>;
}

export const LeadConvert = extendModel('crm.lead', {
  methods: (Base) => class extends Base {
    /**
     * Odoo's `convert_opportunity(partner, user_ids=False, team_id=False)`: each active, not won
     * lead becomes an opportunity (conversion date, the customer given, the first stage of the
     * team when it has none); then the salespeople and team given are assigned. Without a
     * customer given, each lead keeps its own.
     */
    async convert_opportunity(ids: number[] | number, ...args: unknown[]): Promise<true> {
      const { partner_id, user_ids, team_id } = namedArgs(args, ['partner_id', 'user_ids', 'team_id']);
      const list = Array.isArray(ids) ? ids : [ids];
      const partner = idOf(partner_id);
      const team = idOf(team_id);
      const rows = await this.with_context({ active_test: false }).read(list, ['active', 'probability', 'partner_id', 'stage_id', 'team_id']);
      const open = rows.filter((r) => r.active && Number(r.probability) < 100);
      const stages = await (this as unknown as { _first_stages(t: Array<number | false>): Promise<Map<number | false, number | false>> })
        ._first_stages([...new Set(open.filter((r) => !r.stage_id).map((r) => team || m2oId(r.team_id)))]);
      const at = stamp(now(this.env.context));
      // One write per distinct set of values (usually one for the whole batch).
      const batches = new Map<string, { values: Values; ids: number[] }>();
      for (const row of open) {
        const values: Values = { type: 'opportunity', date_conversion: at };
        if (partner && partner !== m2oId(row.partner_id)) values.partner_id = partner;
        if (!row.stage_id) values.stage_id = stages.get(team || m2oId(row.team_id)) ?? false;
        const key = JSON.stringify(values);
        if (!batches.has(key)) batches.set(key, { values, ids: [] });
        batches.get(key)!.ids.push(row.id);
      }
      for (const { values, ids: group } of batches.values()) await this.with_context({ active_test: false }).write(group, values);
      const users = idsOf(user_ids);
      if (users.length || team) await this._handle_salesmen_assignment(list, users, team);
      return true;
    }

    /** Sets the customer of the leads: `force_partner_id` for all, else (with `create_missing`) a
     *  new customer made from each lead that has none. */
    async _handle_partner_assignment(ids: number[], options: { force_partner_id?: number | false; create_missing?: boolean } = {}): Promise<void> {
      const { force_partner_id: force = false, create_missing: createMissing = true } = options;
      const leads = this.with_context({ active_test: false });
      if (force) await leads.write(ids, { partner_id: force });
      if (force || !createMissing) return;
      const rows = await leads.read(ids, ['partner_id', ...KEPT_CONTACT_FIELDS]);
      for (const row of rows.filter((r) => !r.partner_id)) {
        // The customer was made from the lead: the lead keeps its contact data as written
        // ("Ann <ann@x.com>"), where lead.write would take the customer's.
        const kept = Object.fromEntries(KEPT_CONTACT_FIELDS.map((f) => [f, row[f] || false]));
        await leads.write(row.id, { ...kept, partner_id: await this._create_customer(row.id) });
      }
    }

    /** Odoo's round-robin: with salespeople S1..S3, leads L1..L5 go to S1 S2 S3 S1 S2. */
    async _handle_salesmen_assignment(ids: number[], userIds: number[], teamId: number | false = false): Promise<void> {
      const leads = this.with_context({ active_test: false });
      const team: Values = teamId ? { team_id: teamId } : {};
      if (!userIds.length) {
        if (teamId) await leads.write(ids, team);
        return;
      }
      for (const [i, user] of userIds.entries()) {
        const share = ids.filter((_, index) => index % userIds.length === i);
        if (share.length) await leads.write(share, { ...team, user_id: user });
      }
    }

    /** The contact a lead is about: its customer, else a contact with its email, else (unless
     *  `emailOnly`) one named like its company, contact or title. */
    async _find_matching_partner(id: number, emailOnly = false): Promise<number | false> {
      const [lead] = await this.with_context({ active_test: false }).read(id, ['partner_id', 'email_from', 'partner_name', 'contact_name', 'name']);
      if (!lead) return false;
      if (lead.partner_id) return m2oId(lead.partner_id);
      const partners = this.env.model('res.partner');
      const email = firstEmail(lead.email_from);
      if (email) {
        const [found] = await partners.search(['|', ['email', '=', lead.email_from], ['email', '=ilike', email]], { limit: 1 });
        if (found) return found;
      }
      if (emailOnly) return false;
      for (const name of [lead.partner_name, lead.contact_name, lead.name]) {
        if (typeof name !== 'string' || !name) continue;
        const [found] = await partners.search([['name', 'ilike', name]], { limit: 1 });
        if (found) return found;
      }
      return false;
    }

    /** Odoo's `_create_customer`: the company (from the company name) and the person under it
     *  (from the contact name, or the email's name part); the lead's name when it has neither. */
    async _create_customer(id: number): Promise<number> {
      const [lead] = await this.with_context({ active_test: false }).read(id, [
        'name', 'contact_name', 'partner_name', 'partner_id', 'email_from', 'phone', 'mobile', 'function', 'website',
        'description', 'user_id', 'lang_code', ...ADDRESS_FIELDS]);
      if (!lead) throw errors.missing('crm.lead', [id]);
      const partners = this.env.model('res.partner');
      const valuesFor = (name: unknown, isCompany: boolean, parent: number | false): Values => ({
        name, is_company: isCompany, parent_id: parent, type: 'contact',
        user_id: idOf(this.env.context.default_user_id) || m2oId(lead.user_id),
        comment: lead.description || false, phone: lead.phone || false, mobile: lead.mobile || false,
        email: firstEmail(lead.email_from), function: lead.function || false, website: lead.website || false,
        street: lead.street || false, street2: lead.street2 || false, zip: lead.zip || false, city: lead.city || false,
        state_id: m2oId(lead.state_id), country_id: m2oId(lead.country_id),
        ...(lead.lang_code ? { lang: lead.lang_code } : {}),
      });
      const contactName = lead.contact_name || contactNameOf(lead.email_from);
      let company: number | false = false;
      if (lead.partner_name) company = await partners.create(valuesFor(lead.partner_name, true, false));
      else if (lead.partner_id) company = m2oId(lead.partner_id);
      if (contactName) return partners.create(valuesFor(contactName, false, company));
      if (company) return company;
      return partners.create(valuesFor(lead.name, false, false));
    }

    /** Leads and opportunities of the same customer or email (Odoo's `_get_lead_duplicates`):
     *  never won ones; with `includeLost`, lost opportunities too (lost leads stay out). */
    async _get_lead_duplicates(partnerId: number | false, email: string | false, includeLost = false): Promise<number[]> {
      const emails = [...new Set(String(email || '').split(/[,;]/).map(normalizeEmail).filter(Boolean))] as string[];
      const criteria: Domain = [];
      if (emails.length) criteria.push(['email_normalized', 'in', emails]);
      if (partnerId) criteria.push(['partner_id', '=', partnerId]);
      if (!criteria.length) return [];
      const domain: Domain = [...(criteria.length > 1 ? ['|' as const] : []), ...criteria, ...(includeLost
        ? [['won_status', '!=', 'won'], '|', ['type', '=', 'opportunity'], ['active', '=', true]] as Domain
        : [['won_status', '=', 'pending'], ['active', '=', true]] as Domain)];
      return this.with_context({ active_test: false }).search(domain);
    }

    /** The form of the lead or opportunity (where the wizards land). */
    async redirect_lead_opportunity_view(ids: number[] | number): Promise<Values> {
      const id = Array.isArray(ids) ? ids[0] : ids;
      const [lead] = await this.with_context({ active_test: false }).read(id, ['type']);
      return {
        type: 'ir.actions.act_window', name: 'Lead or Opportunity', res_model: 'crm.lead', view_mode: 'form',
        views: [[false, 'form']], res_id: id, domain: [['type', '=', lead?.type ?? 'opportunity']],
        context: { default_type: lead?.type ?? 'opportunity' },
      };
    }
  },
});
