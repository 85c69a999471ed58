// Scheduled actions (Odoo's `ir.cron`): call `model[method](...args)` every interval, as a user.
// The scheduler that runs them lives in core/cron; this is what addons declare in their data
// files and what administrators edit.

import { callJob, lockJobs } from '../../../cron/job.ts';
import { formatUtc, INTERVAL_TYPES } from '../../../cron/interval.ts';
import { defineModel, type ModelDefinition } from '../../../models/define.ts';
import { SUPERUSER_ID } from '../../../models/env.ts';
import { fields } from '../../../models/fields.ts';
import { toIds, type Model, type Values } from '../../../models/model.ts';

/** What `env.model<IrCron>('ir.cron')` offers beyond the records API. */
export interface IrCron extends Model {
  method_direct_trigger(ids: number[] | number): Promise<true>;
  _trigger(ids: number[] | number, at?: string): Promise<true>;
}

const now = () => formatUtc(new Date());

export const IrCron = defineModel({
  name: 'ir.cron',
  description: 'Scheduled Actions',
  order: 'priority, name, id',
  fields: {
    name: fields.char({ string: 'Name', required: true }),
    model_name: fields.char({ string: 'Model', required: true, help: 'Technical name of the model whose method is called, e.g. "crm.lead"' }),
    method: fields.char({ string: 'Method', required: true, help: 'Name of the method called on the model, e.g. "_cron_assign_leads"' }),
    args: fields.json({ string: 'Arguments', help: 'Positional arguments of the call, as a JSON list' }),
    user_id: fields.many2one('res.users', { string: 'Scheduler User', required: true, default: () => SUPERUSER_ID, ondelete: 'restrict' }),
    active: fields.boolean({ default: true }),
    interval_number: fields.integer({ string: 'Interval Number', default: 1, help: 'Repeat every x.' }),
    interval_type: fields.selection(INTERVAL_TYPES, { string: 'Interval Unit', default: 'months', required: true }),
    nextcall: fields.datetime({ string: 'Next Execution Date', required: true, default: now, help: 'Next planned execution date for this job.' }),
    lastcall: fields.datetime({ string: 'Last Execution Date', copy: false, help: 'Previous time the cron ran successfully' }),
    priority: fields.integer({ default: 5, help: 'The priority of the job, as an integer: 0 means higher priority, 10 means lower priority.' }),
  },
  sqlConstraints: [
    { name: 'interval_positive', definition: 'check(interval_number > 0)', message: 'The interval number must be positive.' },
  ],
  methods: (Base) => class extends Base {
    /** Odoo's "Run Manually": runs the jobs now, in this transaction, leaving their planning alone. */
    async method_direct_trigger(ids: number[] | number): Promise<true> {
      await this.check_access_rights('write');
      for (const job of await lockJobs(this.env.cr, toIds(ids))) {
        await callJob(this.env, job);
        await this.env.cr.execute("UPDATE ir_cron SET lastcall = now() AT TIME ZONE 'UTC' WHERE id = $1", [job.id]);
      }
      return true;
    }

    /** Odoo's `_trigger(at)`: asks for a run at `at` (default now) without waiting for the
     *  planned call; the next scheduler tick then runs it. */
    async _trigger(ids: number[] | number, at?: string): Promise<true> {
      await this.env.cr.execute('UPDATE ir_cron SET nextcall = LEAST(nextcall, $2::timestamp) WHERE id = ANY($1::int4[])', [toIds(ids), at ?? now()]);
      return true;
    }

    /** A running job holds its row: refuse at once rather than wait for it (Odoo's `_try_lock`). */
    override async write(ids: number[] | number, vals: Values): Promise<true> {
      await lockJobs(this.env.cr, toIds(ids));
      return super.write(ids, vals);
    }

    override async unlink(ids: number[] | number): Promise<true> {
      await lockJobs(this.env.cr, toIds(ids));
      return super.unlink(ids);
    }
  },
});

export const schedulingModels: ModelDefinition[] = [IrCron];
