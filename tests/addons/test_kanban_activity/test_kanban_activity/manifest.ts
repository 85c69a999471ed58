// test_pipeline's test.lead with what the kanban's columns and cards need beyond it: the mail
// mixins (the activity clock on the cards) and a `sequence` that orders the cards in a column
// (drag and drop within a column writes it). Kept in its own addon path, as test_mail is, so that
// the module tests' list of test addons stays as it is.

import { defineAddon, extendModel, fields } from '../../../../core/index.ts';
import { mailActivityMixin, mailThread } from '../../../../core/addons/mail/mixins.ts';

const LeadSequence = extendModel('test.lead', {
  order: 'sequence, id',
  fields: { sequence: fields.integer({ default: 10 }) },
});

export default defineAddon({
  name: 'test_kanban_activity',
  version: '1.0.0',
  depends: ['mail', 'test_pipeline'],
  summary: 'Test kanban columns, card order and activities on test.lead',
  extend: [mailThread('test.lead'), mailActivityMixin('test.lead'), LeadSequence],
});
