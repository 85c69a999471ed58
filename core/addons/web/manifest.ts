// `web`: the web client, served by the HTTP server (as Odoo's `web` addon). It is installed with
// base, and its only contribution is its routes; the client itself lives in core/web.

import { defineAddon } from '../../modules/manifest.ts';

export default defineAddon({
  name: 'web',
  version: '1.0.0',
  depends: ['base'],
  autoInstall: true,
  summary: 'The web client',
  category: 'Hidden',
  license: 'LGPL-3',
});
