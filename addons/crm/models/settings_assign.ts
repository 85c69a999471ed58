// Rule-based assignment in the CRM settings (Odoo 17's res.config.settings fields): on or off,
// run by hand from the teams ("Manually") or by the scheduled action crm.ir_cron_crm_lead_assign
// ("Repeatedly"), and how often. The action runs only when the assignment is on AND repeated:
// saving the settings switches it accordingly, and plans its next run (Odoo's `set_values`).

import { errors, extendModel, fields, now, type Env, type Model, type Values } from '../../../core/index.ts';
import type { ResConfigSettings } from '../../../core/index.ts';
import { ASSIGN_CRON, AUTO_ASSIGN_PARAM } from './team_assign.ts';

export const AUTO_ASSIGN_ACTION_PARAM = 'crm.lead.auto.assignment.action';

const INTERVAL_NUMBER = 'crm_auto_assignment_interval_number';

interface Params { get_param(key: string, fallback?: unknown): Promise<unknown> }

/** Odoo's `_onchange_crm_auto_assignment_run_datetime` checks, where the value is given. */
function checkInterval(vals: Values): void {
  const value = vals[INTERVAL_NUMBER];
  if (value === undefined || value === false || value === null) return;
  if (Number(value) <= 0) throw errors.constraint('res.config.settings', 'Repeat frequency should be positive.', [INTERVAL_NUMBER]);
  if (Number(value) >= 100) {
    throw errors.constraint('res.config.settings', 'Invalid repeat frequency. Consider changing frequency type instead of using large numbers.', [INTERVAL_NUMBER]);
  }
}

interface CronState { id: number; active: boolean; interval_number: number; interval_type: string }

async function readCron(env: Env): Promise<CronState | null> {
  const su = env.sudo();
  const cronId = await su.refId(ASSIGN_CRON).catch(() => null);
  if (!cronId) return null;
  const [cron] = await su.model('ir.cron').with_context({ active_test: false }).read([cronId], ['active', 'interval_number', 'interval_type']);
  return cron ? { id: cronId, active: Boolean(cron.active), interval_number: Number(cron.interval_number), interval_type: String(cron.interval_type) } : null;
}

const MS: Record<string, number> = { minutes: 60000, hours: 3600000, days: 86400000, weeks: 7 * 86400000 };

/** `at` plus the interval, as the naive UTC text of datetime fields. */
function after(at: Date, number: number, type: string): string {
  const next = new Date(at.getTime());
  if (type === 'months') next.setUTCMonth(next.getUTCMonth() + number);
  else next.setTime(next.getTime() + number * (MS[type] ?? MS.days));
  return next.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Switches the scheduled action on when the assignment is on and repeated, off otherwise. When
 * it starts, or its interval changes, its next run is one interval from now (what Odoo's
 * `crm_auto_assignment_run_datetime` onchange plans), rather than a date long past.
 */
export async function syncAssignmentCron(env: Env, before: CronState | null): Promise<void> {
  const cron = await readCron(env);
  if (!cron) return;
  const params = env.sudo().model<Model & Params>('ir.config_parameter');
  const enabled = await params.get_param(AUTO_ASSIGN_PARAM, false);
  const action = await params.get_param(AUTO_ASSIGN_ACTION_PARAM, 'manual');
  const wanted = Boolean(enabled) && !['0', 'false', 'False'].includes(String(enabled)) && action === 'auto';
  const values: Values = {};
  if (cron.active !== wanted) values.active = wanted;
  const replanned = !before?.active || before.interval_number !== cron.interval_number || before.interval_type !== cron.interval_type;
  if (wanted && replanned) values.nextcall = after(now(env.context), cron.interval_number, cron.interval_type);
  // Writing locks the action: only when something changes.
  if (Object.keys(values).length) await env.sudo().model('ir.cron').with_context({ active_test: false }).write([cron.id], values);
}

export const AssignSettings = extendModel('res.config.settings', {
  fields: {
    crm_use_auto_assignment: fields.boolean({ string: 'Rule-Based Assignment', configParameter: AUTO_ASSIGN_PARAM,
      help: 'Periodically assign leads based on rules. All sales teams will use this setting by default unless specified otherwise.' }),
    crm_auto_assignment_action: fields.selection([['manual', 'Manually'], ['auto', 'Repeatedly']], {
      string: 'Auto Assignment Action', configParameter: AUTO_ASSIGN_ACTION_PARAM, default: 'manual',
      help: 'Manual assign allow to trigger assignment from team form view using an action button. Automatic configures a cron running repeatedly assignment in all teams.' }),
    [INTERVAL_NUMBER]: fields.integer({ string: 'Repeat every', cronInterval: { cron: ASSIGN_CRON, part: 'number' },
      help: 'Number of interval type between each cron run (e.g. each 2 days or each 4 days)' }),
    crm_auto_assignment_interval_type: fields.selection([['minutes', 'Minutes'], ['hours', 'Hours'], ['days', 'Days'], ['weeks', 'Weeks']], {
      string: 'Auto Assignment Interval Unit', cronInterval: { cron: ASSIGN_CRON, part: 'type' },
      help: 'Interval type between each cron run (e.g. each 2 days or each 2 hours)' }),
  },
  methods: (Base) => class extends (Base as new (...args: ConstructorParameters<typeof Base>) => ResConfigSettings) {
    override async create(vals: Values | Values[]): Promise<any> {
      for (const v of Array.isArray(vals) ? vals : [vals]) checkInterval(v);
      return super.create(vals as Values[]);
    }

    override async write(ids: number[] | number, vals: Values): Promise<true> {
      checkInterval(vals);
      return super.write(ids, vals);
    }

    override async execute(ids: number[] | number): Promise<Values> {
      const before = await readCron(this.env);
      const result = await super.execute(ids);
      await syncAssignmentCron(this.env, before);
      return result;
    }

    override async set_values(ids: number[] | number): Promise<true> {
      const before = await readCron(this.env);
      await super.set_values(ids);
      await syncAssignmentCron(this.env, before);
      return true;
    }
  },
});
