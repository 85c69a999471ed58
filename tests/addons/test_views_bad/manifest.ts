// An extension whose anchor does not exist: installing it must fail and name the view.
import { defineAddon } from '../../../core/index.ts';

export default defineAddon({
  name: 'test_views_bad',
  version: '1.0.0',
  depends: ['test_views'],
  summary: 'A view extension with a missing anchor',
  data: ['data/views.ts'],
});
