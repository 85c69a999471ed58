// When a model goes (its module is uninstalled), so do the messages, attachments and activities of its
// records, and meetings stop pointing at them: they live in mail's tables, keyed by model name,
// where no foreign key can follow them. Odoo's mail does the same in ir.model's unlink.

import { extendModel } from '../../../models/define.ts';
import type { Model } from '../../../models/model.ts';

export const irModelCleanup = extendModel('ir.model', {
  methods: (Base) => class extends Base {
    override async unlink(ids: number[] | number): Promise<true> {
      const list = Array.isArray(ids) ? ids : [ids];
      const names = (await this.sudo().read(list, ['model'])).map((r) => r.model as string);
      if (names.length) {
        const env = this.env.sudo().withContext({ active_test: false });
        const activities = env.model('mail.activity');
        const messages = env.model('mail.message');
        await activities.unlink(await activities.search([['res_model', 'in', names]]));
        await messages.unlink(await messages.search([['res_model', 'in', names]]));
        const attachments = env.model('ir.attachment');
        await attachments.unlink(await attachments.search([['res_model', 'in', names]]));
        const events: Model = env.model('calendar.event');
        const linked = await events.search([['res_model', 'in', names]]);
        if (linked.length) await events.write(linked, { res_model: false, res_id: false });
      }
      return super.unlink(ids);
    }
  },
});
