// The activity plan CRM starts with (Odoo 17's crm/data/mail_activity_plan_data.xml): qualifying a
// new opportunity is a call, then the presentation by email, then a meeting. Users edit it:
// noupdate.

import { ref, type DataRecord } from '../../../core/index.ts';

const step = (id: string, sequence: number, type: string, summary: string, days: number): DataRecord => ({
  id, model: 'mail.activity.plan.template', noupdate: true,
  values: {
    plan_id: ref('mail_activity_plan_qualification'), sequence, activity_type_id: ref(type), summary,
    responsible_type: 'on_demand', delay_count: days, delay_unit: 'days', delay_from: 'after_plan_date',
  },
});

const records: DataRecord[] = [
  { id: 'mail_activity_plan_qualification', model: 'mail.activity.plan', noupdate: true, values: { name: 'Qualification', res_model: 'crm.lead' } },
  step('mail_activity_plan_qualification_call', 10, 'mail.mail_activity_data_call', 'Call for Demo', 0),
  step('mail_activity_plan_qualification_presentation', 20, 'mail.mail_activity_data_email', 'Send the presentation', 2),
  step('mail_activity_plan_qualification_meeting', 30, 'mail.mail_activity_data_meeting', 'Meeting to discuss the needs', 5),
];

export default records;
