import { defineAddon, defineModel, fields } from '../../../core/index.ts';

export default defineAddon({
  name: 'test_broken',
  version: '1.0.0',
  depends: ['test_pipeline'],
  models: [defineModel({ name: 'test.broken', fields: { name: fields.char({ required: true }) } })],
  data: ['data/bad.ts'],
});
