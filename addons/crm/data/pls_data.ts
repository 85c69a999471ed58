// Predictive lead scoring: the variables an administrator may choose (Odoo's
// crm.frequency_field_* records), the rights on the scoring tables, and the daily scheduled
// action that rebuilds the frequencies and rescores the open leads (Odoo's
// crm.website_crm_score_cron, same name), and the parameters a new database starts with, as
// Odoo's data: learn from the leads of the last 8 days, on the phone and email qualities. The
// parameters are records of this file (noupdate), so that an upgrade keeps what the settings
// made of them and an uninstall takes them away; being data, they exist before the demo leads
// are won and lost.

import { ref, type DataRecord } from '../../../core/index.ts';
import { DEFAULT_PLS_FIELDS, defaultPlsStartDate } from '../models/lead_scoring.ts';

const variable = (field: string, name: string): DataRecord =>
  ({ id: `frequency_field_${field}`, model: 'crm.lead.scoring.frequency.field', values: { name, field_name: field } });

const access = (id: string, model: string, group: string, perms: string): DataRecord => ({
  id, model: 'ir.model.access',
  values: {
    name: id, model_id: ref(`model_${model.replace(/\./g, '_')}`), group_id: ref(group),
    perm_read: perms.includes('r'), perm_write: perms.includes('w'), perm_create: perms.includes('c'), perm_unlink: perms.includes('u'),
  },
});

const records = (): DataRecord[] => [
  { id: 'ir_config_parameter_pls_start_date', model: 'ir.config_parameter', noupdate: true, values: { key: 'crm.pls_start_date', value: defaultPlsStartDate() } },
  { id: 'ir_config_parameter_pls_fields', model: 'ir.config_parameter', noupdate: true, values: { key: 'crm.pls_fields', value: DEFAULT_PLS_FIELDS } },

  variable('state_id', 'State'),
  variable('country_id', 'Country'),
  variable('phone_state', 'Phone Quality'),
  variable('email_state', 'Email Quality'),
  variable('source_id', 'Source'),
  variable('lang_id', 'Language'),
  variable('tag_ids', 'Tags'),

  // As Odoo: salespeople's changes move the frequencies; only managers delete them.
  access('access_crm_lead_scoring_frequency_salesman', 'crm.lead.scoring.frequency', 'group_sale_salesman', 'rwc'),
  access('access_crm_lead_scoring_frequency_manager', 'crm.lead.scoring.frequency', 'group_sale_manager', 'rwcu'),
  access('access_crm_lead_scoring_frequency_system', 'crm.lead.scoring.frequency', 'base.group_system', 'rwcu'),
  access('access_crm_lead_scoring_frequency_field_user', 'crm.lead.scoring.frequency.field', 'base.group_user', 'r'),
  access('access_crm_lead_scoring_frequency_field_manager', 'crm.lead.scoring.frequency.field', 'group_sale_manager', 'rwcu'),
  access('access_crm_lead_scoring_frequency_field_system', 'crm.lead.scoring.frequency.field', 'base.group_system', 'rwcu'),

  { id: 'website_crm_score_cron', model: 'ir.cron', noupdate: true, values: {
    name: 'Predictive Lead Scoring: Recompute Automated Probabilities', model_name: 'crm.lead', method: '_cron_update_automated_probabilities',
    interval_number: 1, interval_type: 'days',
  } },
];

export default records;
