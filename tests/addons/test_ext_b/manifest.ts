import { defineAddon, extendModel, fields } from '../../../core/index.ts';

export default defineAddon({
  name: 'test_ext_b',
  version: '1.0.0',
  depends: ['test_ext_a'],
  extend: [
    extendModel('test.lead', {
      fields: { x_b: fields.integer() },
      methods: (Base) => class extends Base {
        async action_win(ids: number[]): Promise<string> {
          return `${await (super.action_win as (ids: number[]) => Promise<string>)(ids)}>b`;
        }
      },
    }),
  ],
});
