// The scheduled action of rule-based assignment (Odoo 17's crm_lead_data.xml): off until the
// settings say "Repeatedly"; `noupdate`, so that the interval chosen survives upgrades.

import type { DataRecord } from '../../../core/index.ts';

const records: DataRecord[] = [
  {
    id: 'ir_cron_crm_lead_assign',
    model: 'ir.cron',
    noupdate: true,
    values: {
      name: 'CRM: Lead Assignment',
      model_name: 'crm.team',
      method: '_cron_assign_leads',
      interval_number: 1,
      interval_type: 'days',
      active: false,
    },
  },
];

export default records;
