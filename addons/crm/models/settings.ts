// The CRM section of Settings: leads (a group toggle, as Odoo's `crm.group_use_lead`), one
// salesperson in several teams (a parameter), recurring revenues (a group toggle).

import { extendModel, fields } from '../../../core/index.ts';

export const CrmSettings = extendModel('res.config.settings', {
  fields: {
    group_use_lead: fields.boolean({ string: 'Leads', impliedGroup: 'crm.group_use_lead', help: 'Add a qualification step before the creation of an opportunity' }),
    is_membership_multi: fields.boolean({ string: 'Multi Teams', configParameter: 'sales_team.membership_multi', help: 'Assign salespersons into multiple Sales Teams.' }),
    group_use_recurring_revenues: fields.boolean({ string: 'Recurring Revenues', impliedGroup: 'crm.group_use_recurring_revenues', help: 'Define recurring plans and revenues on Opportunities' }),
  },
});
