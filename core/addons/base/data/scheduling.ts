// base's scheduled actions. `noupdate`: an administrator's changes (interval, switched off)
// survive upgrades, as in Odoo.

import type { DataRecord } from '../../../modules/data.ts';

const records: DataRecord[] = [
  {
    id: 'autovacuum_job',
    model: 'ir.cron',
    noupdate: true,
    values: {
      name: 'Base: Auto-vacuum internal data',
      model_name: 'res.config.settings',
      method: '_transient_vacuum',
      interval_number: 1,
      interval_type: 'days',
      priority: 10,
    },
  },
];
export default records;
