// Smart buttons on the contact form, for tests/web_form_buttons.test.ts: counts of a customer's
// leads (computed), a method that returns the action listing them, an action opened by external
// id, and a button hidden when its count is zero.

import { defineAddon, extendModel, fields, type RecordValues } from '../../../core/index.ts';

const PartnerLeads = extendModel('res.partner', {
  fields: {
    opportunity_ids: fields.one2many('test.lead', 'partner_id', { string: 'Opportunities' }),
    opportunity_count: fields.integer({ string: 'Opportunities', compute: '_compute_opportunity_count', depends: ['opportunity_ids'] }),
    won_count: fields.integer({ string: 'Won', compute: '_compute_won_count' }),
    won_revenue: fields.float({ string: 'Won revenue', compute: '_compute_won_revenue' }),
  },
  methods: (Base) => class extends Base {
    _compute_opportunity_count(records: RecordValues[]): Map<number, unknown> {
      return new Map(records.map((r) => [r.id, (r.opportunity_ids as number[]).length]));
    }

    private async wonGroups(records: RecordValues[]) {
      const groups = await this.env.model('test.lead').read_group([['partner_id', 'in', records.map((r) => r.id)], ['won', '=', true]], ['expected_revenue:sum'], ['partner_id']);
      return (id: number) => groups.find((g) => Array.isArray(g.partner_id) && g.partner_id[0] === id);
    }

    async _compute_won_count(records: RecordValues[]): Promise<Map<number, unknown>> {
      const of = await this.wonGroups(records);
      return new Map(records.map((r) => [r.id, Number(of(r.id)?.partner_id_count ?? 0)]));
    }

    async _compute_won_revenue(records: RecordValues[]): Promise<Map<number, unknown>> {
      const of = await this.wonGroups(records);
      return new Map(records.map((r) => [r.id, Number(of(r.id)?.expected_revenue ?? 0)]));
    }

    /** The customer's leads, as CRM's "Opportunities" smart button opens them. */
    async action_view_opportunities(ids: number[]) {
      return {
        type: 'ir.actions.act_window', name: 'Opportunities', res_model: 'test.lead', view_mode: 'tree,form',
        domain: [['partner_id', 'in', ids]], context: { default_partner_id: ids[0] },
      };
    }

    async action_view_won(ids: number[]) {
      const action = await this.action_view_opportunities(ids);
      return { ...action, name: 'Won', domain: [...action.domain, ['won', '=', true]] };
    }
  },
});

export default defineAddon({
  name: 'test_web_buttons',
  version: '1.0.0',
  depends: ['test_views'],
  summary: 'Smart buttons on contacts',
  extend: [PartnerLeads],
  data: ['data/views.ts'],
});
