import { defineAddon, extendModel, fields } from '../../../core/index.ts';

export default defineAddon({
  name: 'test_ext_c',
  version: '1.0.0',
  depends: ['test_pipeline'],
  extend: [
    extendModel('test.lead', {
      fields: { x_c: fields.many2many('test.tag', { relation: 'test_lead_c_tag_rel', column1: 'lead_id', column2: 'tag_id' }) },
      methods: (Base) => class extends Base {
        async action_win(ids: number[]): Promise<string> {
          return `${await (super.action_win as (ids: number[]) => Promise<string>)(ids)}>c`;
        }
      },
    }),
  ],
});
