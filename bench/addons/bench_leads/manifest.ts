// A crm.lead-shaped model for the records benchmark (bench/records.ts) and nothing else: the
// columns, default order and indexes that Odoo 17's crm.lead has for the pipeline views, without
// CRM's behaviour, so the figures measure the records API and not business logic.

import { defineAddon, defineModel, fields } from '../../../core/index.ts';

export const Stage = defineModel({
  name: 'bench.stage',
  description: 'Benchmark Stage',
  order: 'sequence, id',
  fields: {
    name: fields.char({ required: true }),
    sequence: fields.integer({ default: 1 }),
  },
});

export const Lead = defineModel({
  name: 'bench.lead',
  description: 'Benchmark Lead',
  // crm.lead's default order: what the list and kanban views sort by when the user did not choose.
  order: 'priority desc, id desc',
  fields: {
    name: fields.char({ string: 'Opportunity', required: true }),
    // Indexed as in crm.lead: the pipeline filters by salesperson and stage, and unlinking a partner
    // (ondelete set null) must find its leads without a sequential scan.
    partner_id: fields.many2one('res.partner', { string: 'Customer', index: true }),
    user_id: fields.many2one('res.users', { string: 'Salesperson', index: true }),
    stage_id: fields.many2one('bench.stage', { string: 'Stage', index: true, ondelete: 'restrict' }),
    currency_id: fields.many2one('res.currency', { string: 'Currency' }),
    expected_revenue: fields.monetary({ string: 'Expected Revenue', currencyField: 'currency_id' }),
    probability: fields.float({ string: 'Probability', digits: [16, 2] }),
    priority: fields.selection([['0', 'Low'], ['1', 'Medium'], ['2', 'High'], ['3', 'Very High']], { default: '0', index: true }),
    active: fields.boolean({ default: true }),
  },
});

export default defineAddon({
  name: 'bench_leads',
  version: '1.0.0',
  depends: ['base'],
  summary: 'Benchmark-only lead model (bench/records.ts)',
  license: 'LGPL-3',
  models: [Stage, Lead],
});
