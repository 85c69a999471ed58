// crm.stage: the columns of the pipeline. A stage with no team is shared by every team; a won
// stage ends the pipeline (probability 100). Default data: New, Qualified, Proposition, Won.

import { defineModel, fields } from '../../../core/index.ts';

export const Stage = defineModel({
  name: 'crm.stage',
  description: 'CRM Stages',
  order: 'sequence, name, id',
  fields: {
    name: fields.char({ string: 'Stage Name', required: true, translate: true }),
    sequence: fields.integer({ string: 'Sequence', default: 1, help: 'Used to order stages. Lower is better.' }),
    is_won: fields.boolean({ string: 'Is Won Stage?' }),
    requirements: fields.text({ string: 'Requirements', help: 'Enter here the internal requirements for this stage (ex: Offer sent to customer). It will appear as a tooltip over the stage\'s name.' }),
    team_id: fields.many2one('crm.team', { string: 'Sales Team', ondelete: 'set null', help: 'Specific team that uses this stage. Other teams will not be able to see or use this stage.' }),
    fold: fields.boolean({ string: 'Folded in Pipeline', help: 'This stage is folded in the kanban view when there are no records in that stage to display.' }),
    color: fields.integer({ string: 'Color Index' }),
  },
});
