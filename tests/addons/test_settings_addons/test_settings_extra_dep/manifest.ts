import { defineAddon } from '../../../../core/index.ts';

export default defineAddon({ name: 'test_settings_extra_dep', version: '1.0.0', depends: ['test_settings_extra'] });
