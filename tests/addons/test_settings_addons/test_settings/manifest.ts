import { defineAddon, extendModel, fields } from '../../../../core/index.ts';

const Settings = extendModel('res.config.settings', {
  fields: {
    group_use_feature: fields.boolean({ string: 'Use the feature', impliedGroup: 'test_settings.group_feature' }),
    feature_start_date: fields.date({ configParameter: 'test_settings.start_date' }),
    feature_label: fields.char({ configParameter: 'test_settings.label' }),
    feature_limit: fields.integer({ configParameter: 'test_settings.limit', default: 7 }),
    feature_ratio: fields.float({ configParameter: 'test_settings.ratio' }),
    feature_enabled: fields.boolean({ configParameter: 'test_settings.enabled' }),
    feature_partner_ids: fields.many2many('res.partner', { configParameter: 'test_settings.partner_ids', relation: 'test_settings_partner_rel' }),
    module_test_settings_extra: fields.boolean({ string: 'Extra features' }),
    digest_active: fields.boolean({ cron: 'test_settings.ir_cron_digest' }),
    digest_interval_number: fields.integer({ cronInterval: { cron: 'test_settings.ir_cron_digest', part: 'number' } }),
    digest_interval_type: fields.selection([['hours', 'Hours'], ['days', 'Days'], ['weeks', 'Weeks']], {
      cronInterval: { cron: 'test_settings.ir_cron_digest', part: 'type' },
    }),
  },
});

export default defineAddon({
  name: 'test_settings',
  version: '1.0.0',
  depends: ['base'],
  extend: [Settings],
  data: ['data/data.ts'],
});
