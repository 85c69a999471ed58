// A menu shown only to users with test_settings' feature group: the browser test turns the
// "Use the feature" setting on and sees the menu appear.

import { defineAddon } from '../../../../core/index.ts';

export default defineAddon({
  name: 'test_web_settings',
  version: '1.0.0',
  depends: ['test_settings'],
  data: ['data.ts'],
});
