import { defineAddon, extendModel, fields } from '../../../core/index.ts';

export default defineAddon({
  name: 'test_glue',
  version: '1.0.0',
  depends: ['test_ext_b', 'test_ext_c'],
  autoInstall: true,
  extend: [extendModel('test.lead', { fields: { x_glue: fields.boolean() } })],
});
