// Similar leads (Odoo 17's `_compute_potential_lead_duplicates`): other leads, archived ones
// included, that share the email domain criterion (the domain, or the whole address at a free
// mail provider), a customer under the same commercial entity, or the sanitized phone number.
// A criterion shared by more than SEARCH_RESULT_LIMIT other leads says nothing about this lead
// (a big customer's domain, a switchboard number) and is ignored.
//
// One query finds the three criteria's matches for the whole batch: email_domain_criterion and
// phone_sanitized are indexed columns, and each probe stops after the limit plus one.

import { extendModel, fields, type RecordValues } from '../../../core/index.ts';

/** Odoo's SEARCH_RESULT_LIMIT - 1: a criterion matching more other leads than this is ignored. */
export const SIMILAR_LEADS_LIMIT = 20;

const m2oId = (value: unknown): number | null =>
  (Array.isArray(value) ? (value[0] as number) : typeof value === 'number' && value > 0 ? value : null);
const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

interface Matches { id: number; by_email: number[] | null; by_phone: number[] | null; by_partner: number[] | null }

export const LeadDuplicates = extendModel('crm.lead', {
  fields: {
    duplicate_lead_ids: fields.many2many('crm.lead', {
      string: 'Potential Duplicate Lead', compute: '_compute_potential_lead_duplicates',
      depends: ['email_domain_criterion', 'partner_id', 'phone_sanitized'],
      help: 'Other leads with the same email domain, commercial entity or phone number (archived ones included).',
    }),
    duplicate_lead_count: fields.integer({
      string: 'Potential Duplicate Lead Count', compute: '_compute_potential_lead_duplicate_count',
      depends: ['email_domain_criterion', 'partner_id', 'phone_sanitized'],
    }),
  },
  methods: (Base) => class extends Base {
    /** The similar leads of each record (read shape: the values of its criteria), itself excluded. */
    async _similar_leads(records: RecordValues[]): Promise<Map<number, number[]>> {
      const result = new Map<number, number[]>(records.map((r) => [r.id, []]));
      const probed = records.filter((r) => text(r.email_domain_criterion) || text(r.phone_sanitized) || m2oId(r.partner_id));
      if (!probed.length) return result;
      // The commercial partner's tree, as Odoo's `partner_id child_of commercial_partner_id`.
      const rows = await this.env.cr.query<Matches>(
        `WITH RECURSIVE src AS (
           SELECT * FROM unnest($1::int4[], $2::varchar[], $3::varchar[], $4::int4[]) AS s(id, domain, phone, partner)
         ), roots AS (
           SELECT DISTINCT p.commercial_partner_id AS root FROM src JOIN res_partner p ON p.id = src.partner
         ), tree(root, id) AS (
           SELECT root, root FROM roots WHERE root IS NOT NULL
           UNION
           SELECT tree.root, p.id FROM res_partner p JOIN tree ON p.parent_id = tree.id
         )
         SELECT src.id,
                (SELECT array_agg(m.id) FROM (SELECT l.id FROM crm_lead l
                   WHERE src.domain IS NOT NULL AND l.email_domain_criterion = src.domain AND l.id <> src.id LIMIT $5) m) AS by_email,
                (SELECT array_agg(m.id) FROM (SELECT l.id FROM crm_lead l
                   WHERE src.phone IS NOT NULL AND l.phone_sanitized = src.phone AND l.id <> src.id LIMIT $5) m) AS by_phone,
                (SELECT array_agg(l.id) FROM res_partner p JOIN tree ON tree.root = p.commercial_partner_id
                   JOIN crm_lead l ON l.partner_id = tree.id
                   WHERE p.id = src.partner AND l.id <> src.id) AS by_partner
           FROM src`,
        [probed.map((r) => r.id), probed.map((r) => text(r.email_domain_criterion)), probed.map((r) => text(r.phone_sanitized)),
          probed.map((r) => m2oId(r.partner_id)), SIMILAR_LEADS_LIMIT + 1]);
      // Email and phone look past the user's record rules (Odoo searches them as superuser, so
      // that a salesperson learns that duplicates exist); the customer criterion does not.
      const byPartner = [...new Set(rows.flatMap((r) => r.by_partner ?? []))];
      const visible = byPartner.length && !this.env.su
        ? new Set(await this.with_context({ active_test: false }).search([['id', 'in', byPartner]])) : null;
      for (const row of rows) {
        const ids = new Set<number>();
        for (const found of [row.by_email, row.by_phone]) {
          if (found && found.length <= SIMILAR_LEADS_LIMIT) for (const id of found) ids.add(id);
        }
        for (const id of row.by_partner ?? []) if (!visible || visible.has(id)) ids.add(id);
        result.set(row.id, [...ids].sort((a, b) => a - b));
      }
      return result;
    }

    /** The lookup once per read, whether the ids, the count or both are read. */
    _similar_leads_once(records: RecordValues[]): Promise<Map<number, number[]>> {
      return this._shared(`similar_leads:${records.map((r) => r.id).join(',')}`, () => this._similar_leads(records));
    }

    async _compute_potential_lead_duplicates(records: RecordValues[]): Promise<Map<number, unknown>> {
      return this._similar_leads_once(records);
    }

    async _compute_potential_lead_duplicate_count(records: RecordValues[]): Promise<Map<number, unknown>> {
      const similar = await this._similar_leads_once(records);
      return new Map(records.map((r) => [r.id, similar.get(r.id)?.length ?? 0]));
    }

    /** The "Similar Leads" smart button: the lead and its similar leads, archived ones too (the
     *  lead itself is listed, as in Odoo, so that they can be selected together and merged). */
    async action_show_potential_duplicates(ids: number[] | number) {
      const id = Array.isArray(ids) ? ids[0] : ids;
      const [lead] = await this.with_context({ active_test: false }).read(id, ['duplicate_lead_ids']);
      return {
        type: 'ir.actions.act_window', name: 'Similar Leads', res_model: 'crm.lead', view_mode: 'tree,form',
        views: [[false, 'list'], [false, 'form']],
        domain: [['id', 'in', [id, ...((lead?.duplicate_lead_ids as number[] | undefined) ?? [])]]],
        context: { active_test: false, create: false },
      };
    }
  },
});
