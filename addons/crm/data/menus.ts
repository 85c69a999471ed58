// The CRM app's menus, as Odoo 17's crm_menu_views.xml: Sales (My Pipeline, My Activities, Teams,
// Customers), Leads (with the "Leads" setting only), Reporting (Forecast, Pipeline, Leads,
// Activities, Won/Lost, Forecast vs Target) and Configuration (sales administrators). The top
// menu opens the first action below each entry.

import { ref, type DataRecord } from '../../../core/index.ts';

type MenuOptions = { parent?: string; action?: string; actionModel?: string; groups?: string[]; icon?: string };

const menu = (id: string, name: string, sequence: number, o: MenuOptions = {}): DataRecord => ({
  id, model: 'ir.ui.menu',
  values: {
    name, sequence,
    ...(o.parent ? { parent_id: ref(o.parent) } : {}),
    ...(o.action ? { action_model: o.actionModel ?? 'ir.actions.act_window', action_id: ref(o.action) } : {}),
    ...(o.groups ? { groups_id: o.groups.map((g) => ref(g)) } : {}),
    ...(o.icon ? { web_icon: o.icon } : {}),
  },
});

const records: DataRecord[] = [
  menu('crm_menu_root', 'CRM', 25, { icon: 'crm,static/description/icon.png', groups: ['group_sale_salesman', 'group_sale_manager'] }),

  menu('crm_menu_sales', 'Sales', 1, { parent: 'crm_menu_root' }),
  menu('menu_crm_opportunities', 'My Pipeline', 1, { parent: 'crm_menu_sales', action: 'crm_lead_action_pipeline' }),
  menu('crm_lead_menu_my_activities', 'My Activities', 2, { parent: 'crm_menu_sales', action: 'crm_lead_action_my_activities' }),
  menu('crm_team_menu_pipeline', 'Teams', 4, { parent: 'crm_menu_sales', action: 'crm_team_action_pipeline' }),
  menu('res_partner_menu_customer', 'Customers', 5, { parent: 'crm_menu_sales', action: 'res_partner_action_customer' }),

  menu('crm_menu_leads', 'Leads', 5, { parent: 'crm_menu_root', action: 'crm_lead_all_leads', groups: ['group_use_lead'] }),

  menu('crm_menu_report', 'Reporting', 20, { parent: 'crm_menu_root', groups: ['group_sale_manager'] }),
  menu('crm_menu_forecast', 'Forecast', 1, { parent: 'crm_menu_report', action: 'crm_lead_action_forecast' }),
  menu('crm_opportunity_report_menu', 'Pipeline', 2, { parent: 'crm_menu_report', action: 'crm_opportunity_report_action' }),
  menu('crm_opportunity_report_menu_lead', 'Leads', 3, { parent: 'crm_menu_report', action: 'crm_opportunity_report_action_lead', groups: ['group_use_lead'] }),
  menu('crm_activity_report_menu', 'Activities', 4, { parent: 'crm_menu_report', action: 'crm_activity_report_action' }),
  menu('crm_opportunity_report_menu_won_lost', 'Won/Lost', 5, { parent: 'crm_menu_report', action: 'crm_opportunity_report_action_won_lost' }),
  menu('crm_team_menu_forecast', 'Forecast vs Target', 6, { parent: 'crm_menu_report', action: 'crm_team_action_forecast' }),

  menu('crm_menu_config', 'Configuration', 25, { parent: 'crm_menu_root', groups: ['group_sale_manager'] }),
  menu('crm_config_settings_menu', 'Settings', 0, { parent: 'crm_menu_config', action: 'crm_config_settings_action', actionModel: 'ir.actions.client', groups: ['base.group_system'] }),
  menu('crm_team_config', 'Sales Teams', 5, { parent: 'crm_menu_config', action: 'crm_team_action_config' }),
  menu('crm_team_member_config', 'Team Members', 6, { parent: 'crm_menu_config', action: 'crm_team_member_action' }),
  menu('crm_menu_config_activity_types', 'Activity Types', 10, { parent: 'crm_menu_config', action: 'mail_activity_type_action_config_sales' }),
  menu('crm_menu_config_activity_plans', 'Activity Plans', 11, { parent: 'crm_menu_config', action: 'mail_activity_plan_action_lead' }),
  menu('menu_crm_config_lead', 'Stages', 20, { parent: 'crm_menu_config', action: 'crm_stage_action' }),
  menu('menu_crm_lead_categ', 'Tags', 21, { parent: 'crm_menu_config', action: 'crm_tag_action' }),
  menu('menu_crm_lost_reason', 'Lost Reasons', 22, { parent: 'crm_menu_config', action: 'crm_lost_reason_action' }),
  menu('crm_menu_config_recurring_plans', 'Recurring Plans', 23, { parent: 'crm_menu_config', action: 'crm_recurring_plan_action', groups: ['group_use_recurring_revenues'] }),
];

export default records;
