// UTM trackers (Odoo's `utm`): where a lead came from. Campaigns, media and sources are shared by
// every addon that records a marketing origin (crm, website_visits).

import { defineAddon } from '../../core/index.ts';
import { Campaign, Medium, Source } from './models/utm.ts';

export default defineAddon({
  name: 'utm',
  version: '1.0.0',
  depends: ['base'],
  summary: 'Track the campaign, medium and source of leads',
  category: 'Marketing',
  license: 'LGPL-3',
  models: [Campaign, Medium, Source],
  data: ['data/security.ts', 'data/utm.ts'],
});
