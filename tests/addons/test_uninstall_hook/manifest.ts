// An addon whose uninstall hook writes to its own table (archives its records first), as a
// careful addon might: the uninstall must still drop the table in the same transaction.

import { defineAddon, defineModel, fields } from '../../../core/index.ts';

export default defineAddon({
  name: 'test_uninstall_hook',
  version: '1.0.0',
  depends: ['base'],
  models: [defineModel({ name: 'test.hook.note', fields: { name: fields.char(), active: fields.boolean({ default: true }) } })],
  data: ['data/notes.ts'],
  hooks: {
    async uninstall(env) {
      const notes = env.model('test.hook.note');
      await notes.write(await notes.search([]), { active: false });
      await notes.create({ name: 'written by the hook' });
    },
  },
});
