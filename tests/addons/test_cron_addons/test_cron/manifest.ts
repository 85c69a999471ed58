// A counter and the scheduled actions that change it: one that works (slowly, so that two
// schedulers overlap), one that writes then fails, one that takes arguments.

import { defineAddon, defineModel, fields } from '../../../../core/index.ts';

const Counter = defineModel({
  name: 'test.cron.counter',
  fields: {
    name: fields.char({ required: true }),
    count: fields.integer(),
  },
  methods: (Base) => class extends Base {
    private async bump(name: string, by: number): Promise<void> {
      await this.env.cr.execute('UPDATE test_cron_counter SET count = count + $2 WHERE name = $1', [name, by]);
    }

    /** Slow on purpose: a second scheduler ticking meanwhile must not run it too. */
    async _cron_increment(): Promise<void> {
      await this.env.cr.query('SELECT pg_sleep(0.3)');
      await this.bump('main', 1);
    }

    async _cron_fail(): Promise<void> {
      await this.bump('fail', 1);
      throw new Error('the job broke after writing');
    }

    async _cron_add(by: number, times: number): Promise<void> {
      await this.bump('args', by * times);
    }
  },
});

export default defineAddon({
  name: 'test_cron',
  version: '1.0.0',
  depends: ['base'],
  models: [Counter],
  data: ['data/crons.ts'],
});
