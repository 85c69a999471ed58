// Merging leads and opportunities (Odoo 17's `merge_opportunity`). The most advanced record is
// kept: an opportunity before a lead, an active one before a lost one, then the later stage, the
// higher probability, the older record. It takes the others' data where its own is empty, their
// descriptions, tags, highest priority, the most complete address (as a whole: never mixed), then
// their messages, activities, attachments and meetings; a note lists what was merged into it and
// the others are deleted.

import { errors, extendModel, now, type Model, type RecordValues, type Values } from '../../../core/index.ts';
import { escapeHtml } from '../../../core/addons/mail/mixins.ts';
import type { MailThread } from '../../../core/addons/mail/mixins.ts';
import { ADDRESS_FIELDS } from './lead.ts';
import { idOf, namedArgs } from '../lib/kwargs.ts';

/** Odoo's CRM_LEAD_FIELDS_TO_MERGE (those crm.lead has here): the first value set wins. */
export const FIELDS_TO_MERGE = [
  'campaign_id', 'medium_id', 'source_id', 'name', 'user_id', 'color', 'company_id', 'lang_id', 'team_id', 'referred',
  'stage_id', 'expected_revenue', 'recurring_plan', 'recurring_revenue', 'date_deadline', 'partner_id', 'title',
  'partner_name', 'contact_name', 'email_from', 'function', 'mobile', 'phone', 'website',
];

/** Fields merged by a rule of their own (see `_merge_specific`). */
const SPECIFIC_FIELDS = ['description', 'type', 'priority', 'tag_ids', 'lost_reason_id'];

/** Without `max_length`, at most this many records are merged at once (to prevent data loss). */
export const MERGE_MAX_LENGTH = 5;

/** The contact fields lead.write would fill from a new customer unless given. */
const CONTACT_FIELDS = ['email_from', 'phone', 'mobile', 'partner_name', 'contact_name'];

const m2oId = (value: unknown): number | false => (Array.isArray(value) ? (value[0] as number) : false);
const isSet = (value: unknown): boolean =>
  value !== false && value !== null && value !== undefined && value !== '' && value !== 0 && !(Array.isArray(value) && !value.length);
const htmlIsEmpty = (value: unknown): boolean =>
  typeof value !== 'string' || !value.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim();
const stamp = (date: Date): string => date.toISOString().slice(0, 19).replace('T', ' ');

/** What merging adds to crm.lead, for callers (the merge and conversion wizards). */
export interface CrmLeadMerge extends Model {
  /** Merges the records into the most advanced one and returns its id. */
  merge_opportunity(ids: number[], ...args: unknown[]): Promise<number>;
  _sort_by_confidence_level(ids: number[]): Promise<number[]>;
}

export const LeadMerge = extendModel('crm.lead', {
  methods: (Base) => class extends Base {
    /**
     * Odoo's `merge_opportunity(user_id=False, team_id=False, auto_unlink=True)`, plus its private
     * `max_length` (5; 0 or false: no limit; the superuser has none either). `user_id` and
     * `team_id` force the salesperson and team of the result.
     */
    async merge_opportunity(ids: number[], ...args: unknown[]): Promise<number> {
      const named = namedArgs(args, ['user_id', 'team_id', 'auto_unlink', 'max_length']);
      const list = [...new Set(Array.isArray(ids) ? ids : [ids])];
      const maxLength = named.max_length === undefined ? MERGE_MAX_LENGTH : Number(named.max_length) || 0;
      if (list.length <= 1) throw errors.userError('Select at least two Leads/Opportunities from the list to merge them.');
      if (maxLength && list.length > maxLength && !this.env.su) {
        throw errors.userError(`To prevent data loss, Leads and Opportunities can only be merged by groups of ${maxLength}.`);
      }
      const leads = this.with_context({ active_test: false });
      const rows = await leads.read(list, [...new Set([...this._merge_get_fields(), 'probability', 'active', 'display_name'])]);
      if (rows.length !== list.length) throw errors.missing('crm.lead', list.filter((id) => !rows.some((r) => r.id === id)));
      const order = await this._sort_by_confidence_level(list);
      const sorted = order.map((id) => rows.find((r) => r.id === id)!);
      const [head, ...tail] = sorted;

      const merged = await this._merge_data(sorted);
      if (idOf(named.user_id)) merged.user_id = idOf(named.user_id);
      if (idOf(named.team_id)) merged.team_id = idOf(named.team_id);
      // The stage must be one the team uses: else the team's first stage.
      if (merged.team_id) {
        const stages = await this.env.cr.query<{ id: number }>(
          'SELECT id FROM crm_stage WHERE team_id = $1 OR team_id IS NULL ORDER BY sequence, id', [merged.team_id]);
        if (!stages.some((s) => s.id === merged.stage_id)) merged.stage_id = stages[0]?.id ?? false;
      }

      await this._merge_log_summary(head, tail);
      await this._merge_dependences(head.id, tail);
      await leads.write(head.id, this._merge_changes(head, merged));
      if (named.auto_unlink !== false) await leads.sudo().unlink(tail.map((r) => r.id));
      return head.id;
    }

    /** The fields a merge combines (other addons add theirs). */
    _merge_get_fields(): string[] {
      return [...FIELDS_TO_MERGE, ...SPECIFIC_FIELDS, ...ADDRESS_FIELDS].filter((f) => this.meta.fields.has(f));
    }

    /** The ids from the most to the least advanced (Odoo's `_sort_by_confidence_level(reverse=True)`). */
    async _sort_by_confidence_level(ids: number[]): Promise<number[]> {
      const rows = await this.env.cr.query<{ id: number; type: string; active: boolean; sequence: number; probability: number }>(
        `SELECT l.id, l.type, coalesce(l.active, false) AS active, coalesce(s.sequence, 0) AS sequence, coalesce(l.probability, 0)::float8 AS probability
           FROM crm_lead l LEFT JOIN crm_stage s ON s.id = l.stage_id WHERE l.id = ANY($1::int4[])`, [ids]);
      const key = (r: typeof rows[number]): number[] =>
        [r.type === 'opportunity' || r.active ? 1 : 0, r.type === 'opportunity' ? 1 : 0, r.sequence, r.probability, -r.id];
      return rows.sort((a, b) => {
        const [ka, kb] = [key(a), key(b)];
        for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
        return 0;
      }).map((r) => r.id);
    }

    /** The merged values (read shape in, write shape out), `sorted` most advanced first. */
    async _merge_data(sorted: RecordValues[]): Promise<Values> {
      const data: Values = {};
      for (const name of this._merge_get_fields()) {
        if (SPECIFIC_FIELDS.includes(name) || (ADDRESS_FIELDS as readonly string[]).includes(name)) continue;
        const field = this.meta.fields.get(name)!;
        if (field.type === 'one2many' || field.type === 'many2many') continue;
        const found = sorted.find((r) => isSet(r[name]))?.[name];
        data[name] = found === undefined ? false : field.type === 'many2one' ? m2oId(found) : found;
      }
      Object.assign(data, this._merge_specific(sorted), this._merge_address(sorted));
      return data;
    }

    /** The fields with a rule of their own. */
    _merge_specific(sorted: RecordValues[]): Values {
      const descriptions = sorted.map((r) => r.description).filter((d) => !htmlIsEmpty(d));
      const [head] = sorted;
      return {
        description: descriptions.length ? descriptions.join('<br/><br/>') : false,
        type: sorted.some((r) => r.type === 'opportunity') ? 'opportunity' : 'lead',
        priority: sorted.map((r) => String(r.priority || '0')).sort().at(-1),
        tag_ids: [[6, 0, [...new Set(sorted.flatMap((r) => (r.tag_ids as number[]) ?? []))]]],
        // A lost reason only means something when the result is lost.
        lost_reason_id: Number(head.probability) ? false : m2oId(sorted.find((r) => r.lost_reason_id)?.lost_reason_id),
      };
    }

    /** The address of the record with the most address fields set (the most advanced on a tie). */
    _merge_address(sorted: RecordValues[]): Values {
      const filled = (r: RecordValues) => ADDRESS_FIELDS.filter((f) => isSet(r[f])).length;
      const source = sorted.reduce((best, r) => (filled(r) > filled(best) ? r : best), sorted[0]);
      return Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, Array.isArray(source[f]) ? m2oId(source[f]) : source[f] || false]));
    }

    /** Only what changes on the kept record, so that tracking and dates follow real changes. */
    _merge_changes(head: RecordValues, merged: Values): Values {
      const current = (name: string): unknown => {
        const value = head[name];
        return Array.isArray(value) && this.meta.fields.get(name)?.type === 'many2one' ? value[0] : value || false;
      };
      const changes: Values = {};
      for (const [name, value] of Object.entries(merged)) {
        if (name === 'tag_ids') {
          const ids = (value as [[6, 0, number[]]])[0][2];
          const had = (head.tag_ids as number[]) ?? [];
          if (ids.length !== had.length || ids.some((id) => !had.includes(id))) changes.tag_ids = value;
        } else if ((value || false) !== current(name)) changes[name] = value;
      }
      // A new customer would overwrite the contact data with its own: keep the merged ones.
      if ('partner_id' in changes) for (const name of CONTACT_FIELDS) if (name in merged) changes[name] = merged[name];
      return changes;
    }

    /** Moves the history and documents of `tail` to `headId` (Odoo's `_merge_dependences`). */
    async _merge_dependences(headId: number, tail: RecordValues[]): Promise<void> {
      const tailIds = tail.map((r) => r.id);
      // Messages keep their author and date; their subject says where they come from.
      await this.env.cr.execute(
        `UPDATE mail_message m
            SET res_id = $1, write_uid = $2, write_date = $3::timestamp,
                subject = CASE WHEN coalesce(m.subject, '') <> '' THEN 'From ' || src.name || ': ' || m.subject ELSE 'From ' || src.name END
           FROM unnest($4::int4[], $5::varchar[]) AS src(id, name)
          WHERE m.res_model = 'crm.lead' AND m.res_id = src.id`,
        [headId, this.env.uid, stamp(now(this.env.context)), tailIds, tail.map((r) => String(r.name ?? ''))]);
      const su = this.env.sudo();
      const activities = await su.model('mail.activity').search([['res_model', '=', 'crm.lead'], ['res_id', 'in', tailIds]]);
      if (activities.length) await su.model('mail.activity').write(activities, { res_id: headId });
      if (this.env.registry.has('ir.attachment')) {
        const attachments = await su.model('ir.attachment').search([['res_model', '=', 'crm.lead'], ['res_id', 'in', tailIds]]);
        if (attachments.length) await su.model('ir.attachment').write(attachments, { res_id: headId });
      }
      const events = su.model('calendar.event').with_context({ active_test: false });
      const meetings = await events.search(['|', ['opportunity_id', 'in', tailIds], '&', ['res_model', '=', 'crm.lead'], ['res_id', 'in', tailIds]]);
      if (meetings.length) await events.write(meetings, { opportunity_id: headId, res_model: 'crm.lead', res_id: headId });
    }

    /** The note on the kept record that lists what was merged into it. */
    async _merge_log_summary(head: RecordValues, tail: RecordValues[]): Promise<void> {
      const labels: Array<[string, string]> = [
        ['type', 'Type'], ['stage_id', 'Stage'], ['user_id', 'Salesperson'], ['team_id', 'Sales Team'], ['partner_id', 'Customer'],
        ['partner_name', 'Company Name'], ['contact_name', 'Contact Name'], ['email_from', 'Email'], ['phone', 'Phone'],
        ['mobile', 'Mobile'], ['expected_revenue', 'Expected Revenue'], ['probability', 'Probability'],
      ];
      const show = (name: string, value: unknown): string => {
        if (name === 'type') return value === 'opportunity' ? 'Opportunity' : 'Lead';
        if (name === 'probability') return `${Number(value)}%`;
        return String(Array.isArray(value) ? value[1] : value);
      };
      const items = tail.map((r) => {
        const facts = labels.filter(([name]) => name === 'type' || name === 'probability' || isSet(r[name]))
          .map(([name, label]) => `<li>${escapeHtml(label)}: ${escapeHtml(show(name, r[name]))}</li>`).join('');
        const description = htmlIsEmpty(r.description) ? '' : `<li>Notes: ${escapeHtml(String(r.description).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim())}</li>`;
        return `<li><b>${escapeHtml(String(r.name ?? ''))}</b><ul>${facts}${description}</ul></li>`;
      }).join('');
      const body = `<p>Merged with the following leads/opportunities:</p><ul>${items}</ul>`;
      await (this as unknown as MailThread).message_post(head.id, { body, message_type: 'notification', subtype: 'note' });
    }
  },
});
