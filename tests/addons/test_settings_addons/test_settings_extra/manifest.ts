import { defineAddon, defineModel, extendModel, fields } from '../../../../core/index.ts';

const Note = defineModel({ name: 'test.settings.note', fields: { name: fields.char() } });

export default defineAddon({
  name: 'test_settings_extra',
  version: '1.0.0',
  depends: ['base'],
  models: [Note],
  extend: [extendModel('res.config.settings', { fields: { extra_level: fields.integer({ configParameter: 'test_settings_extra.level' }) } })],
});
