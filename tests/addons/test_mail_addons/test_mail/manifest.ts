// Applies the mail mixins to test_pipeline's test.lead, with tracking on the stage, the priority
// and the salesperson. Kept out of tests/addons (its own addon path, given by the mail tests) so
// that the module tests' list of test addons stays as it is.

import { defineAddon, extendModel, fields } from '../../../../core/index.ts';
import { mailActivityMixin, mailThread } from '../../../../core/addons/mail/mixins.ts';

const LeadTracking = extendModel('test.lead', {
  fields: {
    stage_id: fields.many2one('test.stage', { ondelete: 'restrict', tracking: true }),
    priority: fields.selection([['0', 'Low'], ['1', 'Medium'], ['2', 'High'], ['3', 'Very High']], { default: '0', tracking: true }),
    user_id: fields.many2one('res.users', { string: 'Salesperson', tracking: true, default: (env: { uid: number }) => env.uid }),
  },
});

export default defineAddon({
  name: 'test_mail',
  version: '1.0.0',
  depends: ['mail', 'test_pipeline'],
  summary: 'Test chatter and activities on test.lead',
  extend: [mailThread('test.lead'), mailActivityMixin('test.lead'), LeadTracking],
});
