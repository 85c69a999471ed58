import { defineAddon, extendModel, fields, type Model, type RecordValues } from '../../../core/index.ts';

/** The method test_pipeline adds, as the type of the class this extension builds on. */
type Winnable = Model & { action_win(ids: number[]): Promise<string> };

export default defineAddon({
  name: 'test_ext_a',
  version: '1.0.0',
  depends: ['test_pipeline'],
  extend: [
    extendModel('test.lead', {
      fields: { x_a: fields.char({ string: 'Added by A', default: 'a' }), name: fields.char({ string: 'Deal', required: true, index: true }) },
      onchange: { partner_id: (values) => ({ value: { x_a: values.partner_id ? 'with partner' : 'a' } }) },
      sqlConstraints: [{ name: 'x_a_not_empty', definition: "check(x_a IS NULL OR x_a <> '')", message: 'x_a cannot be empty text' }],
      methods: (Base) => class extends (Base as new (...args: ConstructorParameters<typeof Base>) => Winnable) {
        override async action_win(ids: number[]): Promise<string> {
          return `${await super.action_win(ids)}>a`;
        }
      },
    }),
    extendModel('res.partner', {
      fields: {
        x_lead_ids: fields.one2many('test.lead', 'partner_id'),
        x_vip: fields.boolean(),
        x_lead_count: fields.integer({ compute: '_compute_x_lead_count', depends: ['x_lead_ids'], store: true }),
      },
      methods: (Base) => class extends Base {
        async _compute_x_lead_count(records: RecordValues[]): Promise<Map<number, unknown>> {
          return new Map(records.map((r) => [r.id, (r.x_lead_ids as number[]).length]));
        }
      },
    }),
  ],
});
