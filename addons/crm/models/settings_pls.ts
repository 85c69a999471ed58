// Predictive lead scoring in the CRM settings (Odoo 17's res.config.settings fields and the
// "Update Probabilities" wizard, here a button of the settings): the date from which won and
// lost leads are learned from, the variables used, and rebuilding now.

import { errors, extendModel, fields, type Env, type Model, type Values } from '../../../core/index.ts';
import { catalogOf } from '../../../core/index.ts';
import { defaultPlsStartDate, type CrmLeadPls, type PlsReport } from './lead_scoring.ts';

const START_DATE = 'predictive_lead_scoring_start_date';
const FIELDS_STR = 'predictive_lead_scoring_fields_str';
const UPDATE_BUTTON = 'action_crm_update_automated_probabilities';

interface Params { set_param(key: string, value: unknown): Promise<unknown> }

/** base's res.config.settings, as this extension builds on it. */
interface SettingsBase extends Model {
  get_settings_layout(): Promise<Values[]>;
}

/** "phone_state, email_state," -> "phone_state,email_state" (the parameter is split on commas). */
const normalizeFields = (value: unknown): unknown =>
  (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean).join(',') : value);

const isDate = (value: unknown): boolean =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** The variables one may choose: the crm.lead.scoring.frequency.field records. */
async function allowedVariables(env: Env): Promise<string[]> {
  const rows = await env.cr.query<{ field_name: string }>('SELECT field_name FROM crm_lead_scoring_frequency_field ORDER BY id');
  return rows.map((r) => r.field_name);
}

export const PlsSettings = extendModel('res.config.settings', {
  fields: {
    [START_DATE]: fields.date({ string: 'Lead Scoring Starting Date', configParameter: 'crm.pls_start_date',
      help: 'Won and lost leads created since this date teach the predictive lead scoring.' }),
    [FIELDS_STR]: fields.char({ string: 'Lead Scoring Frequency Fields', configParameter: 'crm.pls_fields',
      help: 'The data of the leads the probabilities are computed on, besides their stage and team.' }),
  },
  methods: (Base) => class extends (Base as new (...args: ConstructorParameters<typeof Base>) => SettingsBase) {
    // The variables are checked where the user gives them (create or write), not on the
    // current parameter the defaults bring: a parameter set by hand must not block saving
    // the other settings.
    override async create(vals: Values | Values[]): Promise<any> {
      const list = await Promise.all((Array.isArray(vals) ? vals : [vals]).map((v) => this._pls_clean_settings(v)));
      return super.create((Array.isArray(vals) ? list : list[0]) as Values[]);
    }

    override async write(ids: number[] | number, vals: Values): Promise<true> {
      return super.write(ids, await this._pls_clean_settings(vals));
    }

    /** Normalises the variables ("a, b," -> "a,b") and refuses unknown ones, naming them. */
    async _pls_clean_settings(vals: Values): Promise<Values> {
      if (!(FIELDS_STR in vals)) return vals;
      const value = normalizeFields(vals[FIELDS_STR]);
      const names = typeof value === 'string' && value ? value.split(',') : [];
      const allowed = names.length ? await allowedVariables(this.env) : [];
      const unknown = names.filter((name) => !allowed.includes(name));
      if (unknown.length) {
        throw errors.constraint('res.config.settings',
          `Unknown lead scoring variable${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}. Choose among: ${allowed.join(', ')}.`, [FIELDS_STR]);
      }
      return { ...vals, [FIELDS_STR]: value };
    }

    /** The settings page: the variables as checkboxes (`choices`: the variables one may
     *  choose, by label), and the "Update Probabilities" button after them. */
    override async get_settings_layout(): Promise<Values[]> {
      const sections = await super.get_settings_layout();
      const crm = sections.find((s) => s.module === 'crm');
      const settings = crm?.settings as Values[] | undefined;
      const variables = settings?.find((s) => s.name === FIELDS_STR);
      if (!settings || !variables) return sections;
      const rows = await this.env.model('crm.lead.scoring.frequency.field').sudo().search_read([], ['field_name', 'name'], { order: 'id' });
      variables.choices = rows.map((r) => [r.field_name, r.name]);
      const catalog = catalogOf(this.env);
      const tr = (text: string) => (catalog ? catalog.get(text, 'res.config.settings') : text);
      settings.splice(settings.indexOf(variables) + 1, 0, {
        name: UPDATE_BUTTON, kind: 'button', type: 'button', string: tr('Update Probabilities'), selection: false, relation: false,
        help: tr('Rebuild the lead scoring from the won and lost leads since the starting date, on these variables, and rescore the open leads now.'),
      });
      return sections;
    }

    /** An empty or broken start date shows as 8 days ago (Odoo's `_compute_pls_start_date`). */
    override async default_get(names: string[]): Promise<Values> {
      const values = await super.default_get(names);
      if (names.includes(START_DATE) && !(`default_${START_DATE}` in this.context) && !isDate(values[START_DATE])) {
        values[START_DATE] = defaultPlsStartDate(this.env.context);
      }
      return values;
    }

    /**
     * The "Update Probabilities" button: saves this settings record's start date and variables
     * (as Odoo's crm.lead.pls.update wizard), rebuilds the frequency table and rescores the open
     * leads now, and says what it did. Administrators only.
     */
    async action_crm_update_automated_probabilities(ids: number[] | number = []): Promise<Values> {
      const users = this.env.model('res.users') as Model & { has_group(xmlid: string): Promise<boolean> };
      if (!this.env.su && !(await users.has_group('base.group_system'))) {
        throw errors.accessDenied('crm.lead', 'update the lead probabilities', 'only administrators can');
      }
      const list = Array.isArray(ids) ? ids : [ids];
      if (list.length) {
        const [record] = await this.read([list[0]], [START_DATE, FIELDS_STR]);
        const params = this.env.model('ir.config_parameter').sudo() as unknown as Params;
        if (record && isDate(record[START_DATE])) await params.set_param('crm.pls_start_date', record[START_DATE]);
        if (record) await params.set_param('crm.pls_fields', record[FIELDS_STR] || false);
      }
      const report: PlsReport = await this.env.model<CrmLeadPls>('crm.lead').sudo()._cron_update_automated_probabilities();
      return {
        type: 'ir.actions.client', tag: 'display_notification',
        params: {
          type: 'success', sticky: false, title: 'Probabilities updated',
          message: `Learned from ${report.closed_leads} won and lost leads; ${report.updated_leads} of ${report.scored_leads} open leads rescored.`,
          report,
        },
      };
    }
  },
});
