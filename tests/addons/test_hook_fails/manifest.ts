// An addon whose post-install hook fails after its schema and data are in place: the install
// must leave nothing behind.

import { defineAddon, defineModel, fields } from '../../../core/index.ts';

export default defineAddon({
  name: 'test_hook_fails',
  version: '1.0.0',
  depends: ['base'],
  models: [defineModel({ name: 'test.hooked', fields: { name: fields.char() } })],
  hooks: {
    async postInstall(env) {
      await env.model('test.hooked').create({ name: 'made by the hook' });
      throw new Error('the remote service is unreachable');
    },
  },
});
