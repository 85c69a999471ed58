// mail.activity.plan: a named list of activities to schedule together ("Onboarding": call in 2
// days, meeting in a week...), each step relative to a plan date and owned by a fixed user or by
// one chosen when the plan is launched. Launching it on many records is one create for all.

import { defineModel } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import type { Model } from '../../../models/model.ts';
import type { RecordValues } from '../../../models/types.ts';
import { errors } from '../../../errors.ts';
import { now } from '../../../clock.ts';
import { addDelay, dateInTz, envTz, type DelayUnit } from '../lib/dates.ts';
import { escapeHtml, type MailMessage } from './message.ts';
import { DELAY_UNITS } from './activity_type.ts';

export interface SchedulePlanOptions {
  /** The date the steps' delays count from; defaults to today in the user's time zone. */
  date_plan_deadline?: string;
  /** The user of the steps whose responsible is 'on_demand'. */
  on_demand_user_id?: number;
}

/** The methods of mail.activity.plan, for callers: `env.model<MailActivityPlan>('mail.activity.plan')`. */
export interface MailActivityPlan extends Model {
  /** Schedules every step of the plan on every record; returns the new activity ids. */
  action_schedule_plan(planId: number, resModel: string, resIds: number[], options?: SchedulePlanOptions): Promise<number[]>;
}

const m2o = (value: unknown): number | false => (Array.isArray(value) ? (value[0] as number) : false);

export const ActivityPlan = defineModel({
  name: 'mail.activity.plan',
  description: 'Activity Plan',
  order: 'id desc',
  fields: {
    name: fields.char({ required: true }),
    res_model: fields.char({ string: 'Model', help: 'The model of the records the plan applies to; empty for any' }),
    template_ids: fields.one2many('mail.activity.plan.template', 'plan_id', { string: 'Activities' }),
    company_id: fields.many2one('res.company', { string: 'Company' }),
    active: fields.boolean({ default: true }),
    steps_count: fields.integer({ compute: '_compute_steps_count', depends: ['template_ids'] }),
  },
  methods: (Base) => class extends Base {
    _compute_steps_count(records: RecordValues[]): Map<number, unknown> {
      return new Map(records.map((r) => [r.id, (r.template_ids as number[]).length]));
    }

    async action_schedule_plan(planId: number, resModel: string, resIds: number[], options: SchedulePlanOptions = {}): Promise<number[]> {
      if (!this.env.registry.has(resModel)) throw errors.activityNoModel(resModel);
      const [plan] = await this.read(planId, ['name', 'res_model', 'template_ids']);
      if (plan.res_model && plan.res_model !== resModel) throw errors.activityPlanModel(String(plan.name), resModel, String(plan.res_model));
      const steps = await this.env.model('mail.activity.plan.template').read(plan.template_ids as number[],
        ['sequence', 'activity_type_id', 'summary', 'note', 'responsible_type', 'responsible_id', 'delay_count', 'delay_unit', 'delay_from']);
      const onDemand = steps.find((s) => s.responsible_type === 'on_demand');
      if (onDemand && !options.on_demand_user_id) throw errors.activityPlanResponsible(String(plan.name), String(onDemand.summary || (onDemand.activity_type_id as [number, string] | false || [0, ''])[1]));
      if (!resIds.length || !steps.length) return [];
      const planDate = options.date_plan_deadline ?? dateInTz(now(this.env.context), await envTz(this.env));
      const vals = resIds.flatMap((resId) => steps.map((step) => ({
        res_model: resModel, res_id: resId, activity_type_id: m2o(step.activity_type_id), summary: step.summary || false, note: step.note || false,
        user_id: step.responsible_type === 'on_demand' ? options.on_demand_user_id : m2o(step.responsible_id) || this.env.uid,
        date_deadline: addDelay(planDate, Number(step.delay_count) * (step.delay_from === 'before_plan_date' ? -1 : 1), step.delay_unit as DelayUnit),
      })));
      const created = await this.env.model('mail.activity').create(vals);
      await this.env.model<MailMessage>('mail.message')._post(resModel, resIds,
        { body: `<p>The plan "${escapeHtml(String(plan.name))}" has been started</p>`, message_type: 'notification', subtype: 'note' });
      return created;
    }
  },
});

export const ActivityPlanTemplate = defineModel({
  name: 'mail.activity.plan.template',
  description: 'Activity plan template',
  order: 'sequence, id',
  recName: 'summary',
  fields: {
    plan_id: fields.many2one('mail.activity.plan', { string: 'Plan', required: true, ondelete: 'cascade', index: true }),
    sequence: fields.integer({ default: 10 }),
    activity_type_id: fields.many2one('mail.activity.type', { string: 'Activity Type', ondelete: 'restrict',
      default: async (env: { model(name: string): Model }) => (await env.model('mail.activity.type').search([['category', '=', 'default']], { limit: 1 }))[0] ?? false }),
    summary: fields.char(),
    note: fields.html(),
    responsible_type: fields.selection([['on_demand', 'Ask at launch'], ['other', 'Default user']], { string: 'Assignment', default: 'on_demand', required: true }),
    responsible_id: fields.many2one('res.users', { string: 'Assigned to' }),
    delay_count: fields.integer({ string: 'Interval', default: 0 }),
    delay_unit: fields.selection(DELAY_UNITS, { string: 'Delay units', default: 'days', required: true }),
    delay_from: fields.selection([['before_plan_date', 'Before Plan Date'], ['after_plan_date', 'After Plan Date']],
      { string: 'Trigger', default: 'before_plan_date', required: true }),
  },
  constraints: [{
    fields: ['responsible_type', 'responsible_id'],
    check(records: RecordValues[]) {
      for (const r of records) {
        if (r.responsible_type === 'other' && !r.responsible_id) throw errors.constraint('mail.activity.plan.template', 'When selecting "Default user" assignment, you must specify a responsible.', ['responsible_id']);
      }
    },
  }],
});
