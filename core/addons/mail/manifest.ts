// `mail`: activities, chatter (messages and field tracking), calendar meetings, email aliases and
// the gateway that turns incoming email into records, the Odoo 17 `mail` and `calendar`
// essentials. Other addons give their models a chatter, activities and aliases with the mixins of
// `mixins.ts` (see README.md).

import { defineAddon } from '../../modules/manifest.ts';
import { ActivityType } from './models/activity_type.ts';
import { irModelCleanup } from './models/ir_model.ts';
import { Activity } from './models/activity.ts';
import { ActivityPlan, ActivityPlanTemplate } from './models/activity_plan.ts';
import { Message, TrackingValue } from './models/message.ts';
import { Event } from './models/calendar_event.ts';
import { Alias } from './models/alias.ts';
import { Attachment } from './models/attachment.ts';
import { CompanyAliasDomain } from './models/res_company.ts';
import { MailSettings } from './models/settings.ts';

export default defineAddon({
  name: 'mail',
  version: '1.0.0',
  depends: ['base'],
  summary: 'Activities, chatter, field tracking and meetings',
  category: 'Productivity/Discuss',
  license: 'LGPL-3',
  models: [ActivityType, Activity, ActivityPlan, ActivityPlanTemplate, Attachment, Message, TrackingValue, Event, Alias],
  extend: [irModelCleanup, CompanyAliasDomain, MailSettings],
  data: ['data/security.ts', 'data/activity_types.ts'],
});
