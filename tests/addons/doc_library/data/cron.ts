// The scheduled action that marks late loans, once a day. `noupdate`: an administrator's changes
// (another hour, switched off) survive upgrades, as in Odoo.

import type { DataRecord } from '../../../../core/index.ts';

const records: DataRecord[] = [
  { id: 'ir_cron_overdue', model: 'ir.cron', noupdate: true, values: {
    name: 'Library: mark overdue loans', model_name: 'library.book', method: '_cron_mark_overdue',
    interval_number: 1, interval_type: 'days',
  } },
];

export default records;
