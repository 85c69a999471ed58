// A small pipeline-like addon used by the core's tests: every field type, a stage column, tags,
// lines, computed and related fields, constraints and a method that other test addons extend.

import { defineAddon, defineModel, fields, type RecordValues } from '../../../core/index.ts';

export const Stage = defineModel({
  name: 'test.stage',
  order: 'sequence, id',
  fields: {
    name: fields.char({ required: true }),
    sequence: fields.integer({ default: 10 }),
    is_won: fields.boolean(),
  },
});

export const Tag = defineModel({
  name: 'test.tag',
  fields: { name: fields.char({ required: true }), color: fields.integer(), active: fields.boolean({ default: true }) },
  sqlConstraints: [{ name: 'name_uniq', definition: 'unique(name)', message: 'Tag name already exists!' }],
});

export const Line = defineModel({
  name: 'test.line',
  fields: {
    lead_id: fields.many2one('test.lead', { required: true, ondelete: 'cascade' }),
    name: fields.char(),
    amount: fields.float(),
  },
});

export const Lead = defineModel({
  name: 'test.lead',
  description: 'Test Lead',
  order: 'priority desc, id desc',
  fields: {
    name: fields.char({ string: 'Opportunity', required: true, index: true }),
    description: fields.html(),
    notes: fields.text(),
    active: fields.boolean({ default: true }),
    priority: fields.selection([['0', 'Low'], ['1', 'Medium'], ['2', 'High'], ['3', 'Very High']], { default: '0' }),
    probability: fields.float({ digits: [16, 2] }),
    expected_revenue: fields.monetary({ currencyField: 'currency_id' }),
    currency_id: fields.many2one('res.currency'),
    color: fields.integer(),
    date_deadline: fields.date(),
    date_closed: fields.datetime({ copy: false }),
    won: fields.boolean({ copy: false }),
    attachment: fields.binary(),
    extra: fields.json(),
    partner_id: fields.many2one('res.partner', { string: 'Customer', ondelete: 'set null' }),
    user_id: fields.many2one('res.users', { string: 'Salesperson', default: (env: { uid: number }) => env.uid }),
    stage_id: fields.many2one('test.stage', { ondelete: 'restrict' }),
    tag_ids: fields.many2many('test.tag'),
    line_ids: fields.one2many('test.line', 'lead_id'),
    amount_total: fields.float({ compute: '_compute_amount_total', depends: ['line_ids.amount'], store: true }),
    partner_email: fields.char({ related: 'partner_id.email' }),
    partner_country_code: fields.char({ related: 'partner_id.country_id.code', store: true }),
    name_upper: fields.char({ compute: '_compute_name_upper', depends: ['name'] }),
    trace: fields.char(),
  },
  sqlConstraints: [{ name: 'check_probability', definition: 'check(probability >= 0 and probability <= 100)', message: 'The probability of closing the deal should be between 0% and 100%!' }],
  onchange: { partner_id: '_onchange_partner_id' },
  constraints: [{
    fields: ['date_deadline', 'date_closed'],
    check(records: RecordValues[]) {
      for (const r of records) {
        if (r.date_deadline && r.date_closed && String(r.date_closed).slice(0, 10) > '2100-01-01') throw new Error('Closing date is too far');
      }
    },
  }],
  methods: (Base) => class extends Base {
    async _compute_amount_total(records: RecordValues[]): Promise<Map<number, unknown>> {
      const lineIds = records.flatMap((r) => r.line_ids as number[]);
      const lines = await this.env.model('test.line').read(lineIds, ['amount', 'lead_id']);
      const totals = new Map<number, number>(records.map((r) => [r.id, 0]));
      for (const line of lines) {
        const lead = (line.lead_id as [number])[0];
        totals.set(lead, (totals.get(lead) ?? 0) + (line.amount as number));
      }
      return totals;
    }

    _compute_name_upper(records: RecordValues[]): Map<number, unknown> {
      return new Map(records.map((r) => [r.id, String(r.name ?? '').toUpperCase()]));
    }

    /** A customer picked in the form proposes the opportunity's name, as CRM does. */
    async _onchange_partner_id(values: Record<string, unknown>) {
      const partner = values.partner_id as [number, string] | false;
      if (!partner) return {};
      const [row] = await this.env.model('res.partner').read(partner[0], ['email']);
      return {
        value: values.name ? {} : { name: `${partner[1]}'s opportunity` },
        warning: row.email ? undefined : { title: 'No email', message: `${partner[1]} has no email address` },
      };
    }

    /** The base of a method that three other addons extend. */
    async action_win(ids: number[]): Promise<string> {
      await this.write(ids, { won: true, trace: 'base' });
      return 'base';
    }
  },
});

export default defineAddon({
  name: 'test_pipeline',
  version: '1.0.0',
  depends: ['base'],
  application: true,
  summary: 'Test pipeline',
  models: [Stage, Tag, Line, Lead],
  data: ['data/stages.ts'],
  demo: ['data/demo.ts'],
});
