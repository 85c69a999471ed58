import { defineAddon, extendModel, fields, type Model } from '../../../core/index.ts';

/** The method test_pipeline adds, as the type of the class this extension builds on. */
type Winnable = Model & { action_win(ids: number[]): Promise<string> };

export default defineAddon({
  name: 'test_ext_b',
  version: '1.0.0',
  depends: ['test_ext_a'],
  extend: [
    extendModel('test.lead', {
      fields: { x_b: fields.integer() },
      methods: (Base) => class extends (Base as new (...args: ConstructorParameters<typeof Base>) => Winnable) {
        override async action_win(ids: number[]): Promise<string> {
          return `${await super.action_win(ids)}>b`;
        }
      },
    }),
  ],
});
