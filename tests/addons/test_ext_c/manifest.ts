import { defineAddon, extendModel, fields, type Model } from '../../../core/index.ts';

/** The method test_pipeline adds, as the type of the class this extension builds on. */
type Winnable = Model & { action_win(ids: number[]): Promise<string> };

export default defineAddon({
  name: 'test_ext_c',
  version: '1.0.0',
  depends: ['test_pipeline'],
  extend: [
    extendModel('test.lead', {
      fields: { x_c: fields.many2many('test.tag', { relation: 'test_lead_c_tag_rel', column1: 'lead_id', column2: 'tag_id' }) },
      methods: (Base) => class extends (Base as new (...args: ConstructorParameters<typeof Base>) => Winnable) {
        override async action_win(ids: number[]): Promise<string> {
          return `${await super.action_win(ids)}>c`;
        }
      },
    }),
  ],
});
