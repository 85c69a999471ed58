// CRM: leads and opportunities, the pipeline, sales teams, won/lost, conversion, similar leads
// and merge, activities and meetings (Odoo 17's `crm`, with its model and field names).

import { defineAddon, type Env } from '../../core/index.ts';
import { mailActivityMixin, mailThread } from '../../core/addons/mail/mixins.ts';
import { Lead } from './models/lead.ts';
import { Stage } from './models/stage.ts';
import { LostReason, RecurringPlan, Tag } from './models/tag.ts';
import { Team } from './models/team.ts';
import { TeamMember } from './models/team_member.ts';
import { PartnerCrm } from './models/partner.ts';
import { UsersCrm } from './models/users.ts';
import { CalendarEventCrm, LeadMeetings } from './models/calendar.ts';
import { CrmSettings } from './models/settings.ts';
import { LeadDuplicates } from './models/lead_duplicates.ts';
import { LeadConvert } from './models/lead_convert.ts';
import { LeadMerge } from './models/lead_merge.ts';
import { LeadLost } from './wizards/lead_lost.ts';
import { Lead2Opportunity } from './wizards/lead2opportunity.ts';
import { Lead2OpportunityMass } from './wizards/lead2opportunity_mass.ts';
import { MergeOpportunity } from './wizards/merge_opportunity.ts';
import { LeadScoringFrequency, LeadScoringFrequencyField, TeamPls } from './models/lead_scoring_frequency.ts';
import { LeadScoring } from './models/lead_scoring.ts';
import { LeadScoringProbability } from './models/lead_scoring_probability.ts';
import { PlsSettings } from './models/settings_pls.ts';
import { TeamAssign, TeamMemberAssign } from './models/team_assign.ts';
import { AssignSettings } from './models/settings_assign.ts';
import { TeamAlias, TeamAliasMixin, TeamAliasSettings } from './models/team_alias.ts';
import { LeadGateway } from './models/lead_gateway.ts';
import { DirectoryCompany, DirectoryContact, DirectoryIndustry, LeadRole, LeadSeniority } from './models/lead_directory.ts';
import { LeadMiningRequest } from './models/lead_mining_request.ts';
import { LeadMining } from './models/lead_mining.ts';
import { LeadMiningSettings } from './models/settings_lead_mining.ts';
import { LeadDirectoryImport } from './wizards/lead_directory_import.ts';
import { ActivityReport } from './models/activity_report.ts';
import { LeadReporting, TeamForecast } from './models/forecast.ts';

export default defineAddon({
  name: 'crm',
  version: '1.0.0',
  depends: ['base', 'mail', 'utm'],
  application: true,
  summary: 'Track leads and close opportunities',
  description: 'Leads, opportunities, the sales pipeline, sales teams, activities and meetings.',
  category: 'Sales/CRM',
  license: 'LGPL-3',
  models: [Stage, Team, TeamMember, Tag, LostReason, RecurringPlan, Lead, LeadLost, Lead2Opportunity, Lead2OpportunityMass, MergeOpportunity, LeadScoringFrequency, LeadScoringFrequencyField, ActivityReport,
    DirectoryIndustry, DirectoryCompany, DirectoryContact, LeadRole, LeadSeniority, LeadMiningRequest, LeadDirectoryImport],
  extend: [
    mailThread('crm.lead'), mailActivityMixin('crm.lead'), mailThread('crm.team'),
    PartnerCrm, UsersCrm, CalendarEventCrm, LeadMeetings, CrmSettings, LeadDuplicates, LeadConvert, LeadMerge,
    LeadScoring, LeadScoringProbability, TeamPls, PlsSettings, TeamAssign, TeamMemberAssign, AssignSettings,
    TeamAliasMixin, TeamAlias, TeamAliasSettings, LeadGateway, LeadReporting, TeamForecast,
    LeadMining, LeadMiningSettings,
  ],
  data: [
    'data/security.ts', 'data/security_wizards.ts', 'data/crm_data.ts', 'data/pls_data.ts', 'data/activity_data.ts', 'data/assignment_data.ts', 'data/wizard_views.ts',
    'data/views_lead.ts', 'data/views_team.ts', 'data/views_partner.ts', 'data/views_config.ts', 'data/security_reports.ts', 'data/views_reports.ts', 'data/menus.ts',
    'data/lead_mining_data.ts', 'data/views_lead_mining.ts',
  ],
  demo: ['data/demo.ts', 'data/demo_leads.ts', 'data/demo_directory.ts'],
  hooks: {
    /** The administrator runs the sales application (Odoo gives base.user_admin the manager group). */
    async postInstall(env: Env) {
      const manager = await env.refId('crm.group_sale_manager');
      await env.sudo().model('res.users').write(await env.refId('base.user_admin'), { groups_id: [[4, manager]] });
    },
  },
});
