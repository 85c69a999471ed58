// A small helpdesk with a Persian translation file, for tests/i18n.test.ts and the browser test of
// Persian: field labels, help and selections, view terms (attributes and text), an action with a
// help, menus, a setting, and stages whose names are translatable data.

import { defineAddon, defineModel, extendModel, fields } from '../../../core/index.ts';

const Stage = defineModel({
  name: 'test.i18n.stage',
  description: 'Ticket Stage',
  order: 'sequence, id',
  fields: {
    name: fields.char({ string: 'Name', required: true, translate: true }),
    sequence: fields.integer({ default: 10 }),
    fold: fields.boolean({ string: 'Folded in Kanban' }),
  },
});

const Ticket = defineModel({
  name: 'test.i18n.ticket',
  description: 'Ticket',
  fields: {
    name: fields.char({ string: 'Subject', required: true }),
    stage_id: fields.many2one('test.i18n.stage', { string: 'Stage' }),
    // Stored: holds the source, reads in the user's language as its target does.
    stage_name: fields.char({ string: 'Stage Name', related: 'stage_id.name', store: true }),
    priority: fields.selection([['0', 'Normal'], ['1', 'Urgent']], { string: 'Priority', default: '0' }),
    hours: fields.float({ string: 'Hours Spent', help: 'Time spent on the ticket, in hours' }),
    description: fields.text({ string: 'Description' }),
  },
});

const Settings = extendModel('res.config.settings', {
  fields: {
    ticket_reminders: fields.boolean({ string: 'Ticket Reminders', help: 'Remind the team of tickets left open', configParameter: 'test_i18n.reminders' }),
  },
});

export default defineAddon({
  name: 'test_i18n',
  version: '1.0.0',
  depends: ['base'],
  application: true,
  summary: 'Helpdesk tickets',
  models: [Stage, Ticket],
  extend: [Settings],
  data: ['data/access.ts', 'data/stages.ts', 'data/views.ts', 'data/menus.ts'],
});
