// "Lead Generation" in the CRM settings (Odoo's `module_crm_iap_mine`): here a group toggle, since
// the feature ships with CRM. Internal users then imply crm.group_lead_mining, which shows the
// "Generate Leads" button of the leads' list and kanban (to sales administrators) and the
// Configuration > Lead Generation menus.

import { extendModel, fields } from '../../../core/index.ts';

export const LeadMiningSettings = extendModel('res.config.settings', {
  fields: {
    group_lead_mining: fields.boolean({
      string: 'Lead Generation', impliedGroup: 'crm.group_lead_mining',
      help: 'Generate new leads based on their country, industry, size, etc.',
    }),
  },
});
