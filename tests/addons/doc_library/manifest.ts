// doc_library: the addon that docs/writing-an-addon.md builds (called `library` in the text).
// tests/docs_addon.test.ts installs it and runs the tutorial's examples, so the page cannot rot.

import { defineAddon, type Env } from '../../../core/index.ts';
import { mailActivityMixin, mailThread } from '../../../core/addons/mail/mixins.ts';
import { Book, type ConfigParameters } from './models/book.ts';
import { Tag } from './models/tag.ts';
import { PartnerLibrary } from './models/partner.ts';
import { LibrarySettings } from './models/settings.ts';

export default defineAddon({
  name: 'doc_library',
  version: '1.1.0',
  depends: ['base', 'mail'],
  application: true,
  summary: 'Lend books to partners',
  category: 'Services',
  license: 'LGPL-3',
  models: [Tag, Book],
  extend: [PartnerLibrary, LibrarySettings, mailThread('library.book'), mailActivityMixin('library.book')],
  data: ['data/tags.ts', 'data/security.ts', 'data/views.ts', 'data/cron.ts'],
  demo: ['data/demo.ts'],
  hooks: {
    /** Sets the default loan length, unless someone already did. */
    async postInstall(env: Env) {
      const params = env.model<ConfigParameters>('ir.config_parameter');
      if ((await params.get_param('doc_library.loan_days')) === false) await params.set_param('doc_library.loan_days', 14);
    },
    /** Runs before the addon's records, columns and tables are removed. */
    async uninstall(env: Env) {
      await env.model<ConfigParameters>('ir.config_parameter').set_param('doc_library.loan_days', false);
    },
  },
  migrations: {
    /** 1.0.0 called the borrowed state "lent". */
    async '1.1.0'(env: Env) {
      await env.cr.execute("UPDATE library_book SET state = 'borrowed' WHERE state = 'lent'");
    },
  },
});
