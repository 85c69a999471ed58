// crm.activity.report: the activities of leads and opportunities as one table to analyse (Odoo's
// CRM Activity Analysis), a SQL view rather than a stored model. Odoo reports only the done
// activities (the chatter messages of an activity type); this one adds the planned ones
// (mail_activity), whose state is overdue, today or planned in the time zone of the person they
// are assigned to, as mail's activity state is. Done rows take even ids (twice the message id),
// planned rows odd ones (twice the activity id, plus one), so the two never collide.

import { defineModel, fields } from '../../../core/index.ts';

export const ACTIVITY_REPORT_STATES: Array<[string, string]> = [['overdue', 'Overdue'], ['today', 'Today'], ['planned', 'Planned'], ['done', 'Done']];

// The lead's columns, the same for both halves of the UNION.
const LEAD_COLUMNS = `l.id AS lead_id, l.user_id, l.team_id, l.stage_id, l.partner_id, l.country_id, l.company_id,
    l.type AS lead_type, l.active, l.probability, l.create_date AS lead_create_date`;

// A done activity's summary is its message's subject, else the first line mail wrote for it
// ("Call done: Discuss the offer").
const DONE = `SELECT m.id * 2 AS id, 'done'::varchar AS state, m.date::date AS date, NULL::date AS date_deadline,
    m.author_id, (SELECT u.id FROM res_users u WHERE u.partner_id = m.author_id ORDER BY u.id LIMIT 1) AS activity_user_id,
    m.mail_activity_type_id,
    coalesce(nullif(m.subject, ''), regexp_replace(substring(m.body from '<p>(.*?)</p>'), '<[^>]*>', '', 'g'))::varchar AS summary,
    m.body AS body, ${LEAD_COLUMNS}
  FROM mail_message m JOIN crm_lead l ON l.id = m.res_id
  WHERE m.res_model = 'crm.lead' AND m.mail_activity_type_id IS NOT NULL`;

// "Today" in the assignee's time zone; an unknown zone name counts as UTC (mail's `safeTz`)
// rather than failing the whole report. The zone names are listed once per query (`zones`,
// materialized): joined directly, PostgreSQL would list them again for every activity.
const TODAY = `(now() AT TIME ZONE coalesce(z.name, 'UTC'))::date`;

const PLANNED = `SELECT a.id * 2 + 1 AS id,
    (CASE WHEN a.date_deadline < ${TODAY} THEN 'overdue' WHEN a.date_deadline = ${TODAY} THEN 'today' ELSE 'planned' END)::varchar AS state,
    a.date_deadline AS date, a.date_deadline, u.partner_id AS author_id, a.user_id AS activity_user_id,
    a.activity_type_id AS mail_activity_type_id, a.summary, a.note AS body, ${LEAD_COLUMNS}
  FROM mail_activity a JOIN crm_lead l ON l.id = a.res_id
  LEFT JOIN res_users u ON u.id = a.user_id
  LEFT JOIN zones z ON z.name = u.tz
  WHERE a.res_model = 'crm.lead'`;

export const ActivityReport = defineModel({
  name: 'crm.activity.report',
  description: 'CRM Activity Analysis',
  order: 'date desc, id desc',
  recName: 'summary',
  view: `WITH zones AS MATERIALIZED (SELECT name FROM pg_timezone_names)\n${DONE}\nUNION ALL\n${PLANNED}`,
  fields: {
    state: fields.selection(ACTIVITY_REPORT_STATES, { string: 'State', readonly: true, help: 'Done, or for a planned activity: overdue, due today or planned later' }),
    date: fields.date({ string: 'Date', readonly: true, help: 'When a done activity was completed; the due date of a planned one' }),
    date_deadline: fields.date({ string: 'Due Date', readonly: true }),
    author_id: fields.many2one('res.partner', { string: 'Created By', readonly: true }),
    activity_user_id: fields.many2one('res.users', { string: 'Assigned to', readonly: true }),
    mail_activity_type_id: fields.many2one('mail.activity.type', { string: 'Activity Type', readonly: true }),
    summary: fields.char({ string: 'Summary', readonly: true }),
    body: fields.html({ string: 'Activity Description', readonly: true }),
    lead_id: fields.many2one('crm.lead', { string: 'Opportunity', readonly: true }),
    user_id: fields.many2one('res.users', { string: 'Salesperson', readonly: true }),
    team_id: fields.many2one('crm.team', { string: 'Sales Team', readonly: true }),
    stage_id: fields.many2one('crm.stage', { string: 'Stage', readonly: true }),
    partner_id: fields.many2one('res.partner', { string: 'Customer', readonly: true }),
    country_id: fields.many2one('res.country', { string: 'Country', readonly: true }),
    company_id: fields.many2one('res.company', { string: 'Company', readonly: true }),
    lead_type: fields.selection([['lead', 'Lead'], ['opportunity', 'Opportunity']], { string: 'Type', readonly: true, help: 'Type is used to separate Leads and Opportunities' }),
    active: fields.boolean({ string: 'Active', readonly: true }),
    probability: fields.float({ string: 'Probability', readonly: true, groupOperator: 'avg' }),
    lead_create_date: fields.datetime({ string: 'Creation Date', readonly: true }),
  },
});
