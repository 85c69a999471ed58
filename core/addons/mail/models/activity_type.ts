// mail.activity.type: the kinds of follow-up a user schedules (Call, Meeting, To-Do...). A type
// carries the default delay of its activities and how it chains: once done, an activity either
// triggers the next one by itself ('trigger') or suggests types to the user ('suggest').

import { defineModel } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';

export const DELAY_UNITS: Array<[string, string]> = [['days', 'days'], ['weeks', 'weeks'], ['months', 'months']];

export const ActivityType = defineModel({
  name: 'mail.activity.type',
  description: 'Activity Type',
  order: 'sequence, id',
  fields: {
    name: fields.char({ required: true, translate: true }),
    summary: fields.char({ string: 'Default Summary', translate: true }),
    sequence: fields.integer({ default: 10 }),
    active: fields.boolean({ default: true }),
    icon: fields.char({ help: 'Font awesome icon e.g. fa-tasks' }),
    res_model: fields.char({ string: 'Model', help: 'Specify a model if the activity should be specific to a model and not available for other models.' }),
    delay_count: fields.integer({ string: 'Schedule', default: 0, help: 'Number of days/week/month before executing the action.' }),
    delay_unit: fields.selection(DELAY_UNITS, { string: 'Delay units', default: 'days', required: true }),
    delay_from: fields.selection([['current_date', 'after completion date'], ['previous_activity', 'after previous activity deadline']],
      { string: 'Delay Type', default: 'previous_activity', required: true }),
    chaining_type: fields.selection([['suggest', 'Suggest Next Activity'], ['trigger', 'Trigger Next Activity']],
      { string: 'Chaining Type', default: 'suggest', required: true }),
    triggered_next_type_id: fields.many2one('mail.activity.type', { string: 'Trigger', ondelete: 'restrict' }),
    suggested_next_type_ids: fields.many2many('mail.activity.type', {
      string: 'Suggest', relation: 'mail_activity_rel', column1: 'activity_id', column2: 'recommended_id',
    }),
    default_user_id: fields.many2one('res.users', { string: 'Default User' }),
    default_note: fields.html({ string: 'Default Note', translate: true }),
    category: fields.selection([['default', 'None'], ['upload_file', 'Upload Document'], ['phonecall', 'Phonecall'], ['meeting', 'Meeting']],
      { string: 'Action', default: 'default', help: 'Actions may trigger specific behavior like opening calendar view or automatically mark as done when a document is uploaded' }),
    decoration_type: fields.selection([['warning', 'Alert'], ['danger', 'Error']], { string: 'Decoration Type' }),
  },
});
