import { defineAddon, extendModel, fields } from '../../../core/index.ts';

export default defineAddon({
  name: 'test_ext_a',
  version: '1.0.0',
  depends: ['test_pipeline'],
  extend: [
    extendModel('test.lead', {
      fields: { x_a: fields.char({ string: 'Added by A', default: 'a' }), name: fields.char({ string: 'Deal', required: true, index: true }) },
      sqlConstraints: [{ name: 'x_a_not_empty', definition: "check(x_a IS NULL OR x_a <> '')", message: 'x_a cannot be empty text' }],
      methods: (Base) => class extends Base {
        async action_win(ids: number[]): Promise<string> {
          return `${await (super.action_win as (ids: number[]) => Promise<string>)(ids)}>a`;
        }
      },
    }),
    extendModel('res.partner', { fields: { x_lead_ids: fields.one2many('test.lead', 'partner_id'), x_vip: fields.boolean() } }),
  ],
});
