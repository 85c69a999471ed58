import type { DataRecord } from '../../../../../core/index.ts';

// Planned far away: each test makes a job due when it wants it to run.
const LATER = '2999-01-01 00:00:00';

const records: DataRecord[] = [
  { id: 'counter_main', model: 'test.cron.counter', values: { name: 'main', count: 0 } },
  { id: 'counter_fail', model: 'test.cron.counter', values: { name: 'fail', count: 0 } },
  { id: 'counter_args', model: 'test.cron.counter', values: { name: 'args', count: 0 } },
  { id: 'ir_cron_increment', model: 'ir.cron', values: { name: 'Test: increment', model_name: 'test.cron.counter', method: '_cron_increment', interval_number: 1, interval_type: 'days', nextcall: LATER } },
  { id: 'ir_cron_fail', model: 'ir.cron', values: { name: 'Test: fail', model_name: 'test.cron.counter', method: '_cron_fail', interval_number: 2, interval_type: 'hours', nextcall: LATER } },
  { id: 'ir_cron_args', model: 'ir.cron', values: { name: 'Test: add', model_name: 'test.cron.counter', method: '_cron_add', args: [5, 2], interval_number: 1, interval_type: 'weeks', nextcall: LATER } },
];
export default records;
