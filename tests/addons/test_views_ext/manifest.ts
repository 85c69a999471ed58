// Extends test_views' views as another module would: a field after partner_id, a page in the
// notebook, a button in the header, an attribute changed, an extension for administrators only,
// a column removed from the list, a primary view derived from the form, and a menu of its own.

import { defineAddon } from '../../../core/index.ts';

export default defineAddon({
  name: 'test_views_ext',
  version: '1.0.0',
  depends: ['test_views'],
  summary: 'Test view extensions',
  data: ['data/views.ts'],
});
