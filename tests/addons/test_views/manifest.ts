// Views, actions and menus of test.lead, for tests/ui.test.ts: a form with header, notebook and a
// sub-view, a list, a kanban and a search view, a window action, a client action, and menus (one
// folder restricted to administrators, one folder left empty).

import { defineAddon } from '../../../core/index.ts';

export default defineAddon({
  name: 'test_views',
  version: '1.0.0',
  depends: ['test_pipeline'],
  summary: 'Test views and menus',
  data: ['data/access.ts', 'data/views.ts', 'data/actions.ts', 'data/menus.ts'],
});
