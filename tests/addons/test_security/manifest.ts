// A small addon for the security tests: documents with a salesperson and a company, a group of
// salespeople (who see their own and unassigned documents) and of managers (who see all of
// them), a global company rule, a field only managers see, and a model without access rights.

import { defineAddon, defineModel, fields } from '../../../core/index.ts';

export const Doc = defineModel({
  name: 'test.secure.doc',
  description: 'Secure Document',
  fields: {
    name: fields.char({ required: true }),
    user_id: fields.many2one('res.users', { string: 'Salesperson' }),
    company_id: fields.many2one('res.company'),
    amount: fields.float(),
    margin: fields.float({ groups: ['test_security.group_manager'] }),
    active: fields.boolean({ default: true }),
  },
});

export const Secret = defineModel({
  name: 'test.secure.secret',
  fields: { name: fields.char() },
});

export default defineAddon({
  name: 'test_security',
  version: '1.0.0',
  depends: ['base'],
  summary: 'Security test models',
  models: [Doc, Secret],
  data: ['data/security.ts'],
});
