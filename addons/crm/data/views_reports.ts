// The CRM Reporting menu, after Odoo 17's crm_lead_views.xml and report/*.xml: the pipeline
// analysis (pivot by stage and month of creation, and a chart), the leads analysis, won/lost
// (archived lost opportunities included), the activities analysis (crm.activity.report, done and
// planned), the forecast (open opportunities by month of expected closing, their prorated revenue
// per column) and "Forecast vs Target" per team.

import { ref, type DataRecord } from '../../../core/index.ts';

const view = (id: string, model: string, name: string, arch: string, extra: Record<string, unknown> = {}): DataRecord =>
  ({ id, model: 'ir.ui.view', values: { name, model, arch, ...extra } });

/** `ir.actions.act_window.view` lines: pins a view to one mode of an action. */
const pin = (action: string, mode: string, viewId: string, sequence: number): DataRecord => ({
  id: `${action}_view_${mode}`, model: 'ir.actions.act_window.view',
  values: { act_window_id: ref(action), view_mode: mode, view_id: ref(viewId), sequence },
});

const NO_DATA = (what: string) => `<p class="o_view_nocontent_empty_folder">No data found!</p><p>${what}</p>`;

// ---- Pipeline analysis (crm.lead) -----------------------------------------------------------

const PIPELINE_PIVOT = `<pivot string="Pipeline Analysis" sample="1">
  <field name="stage_id" type="row"/>
  <field name="create_date" interval="month" type="col"/>
  <field name="__count" type="measure"/>
  <field name="expected_revenue" type="measure"/>
</pivot>`;

const PIPELINE_GRAPH = `<graph string="Pipeline Analysis" type="bar" stacked="True" sample="1">
  <field name="stage_id" type="row"/>
  <field name="date_deadline" interval="month" type="col"/>
  <field name="expected_revenue" type="measure"/>
</graph>`;

const LEADS_PIVOT = `<pivot string="Leads Analysis" sample="1">
  <field name="create_date" interval="month" type="row"/>
  <field name="team_id" type="col"/>
  <field name="__count" type="measure"/>
</pivot>`;

const LEADS_GRAPH = `<graph string="Leads Analysis" type="bar" stacked="True" sample="1">
  <field name="create_date" interval="month" type="row"/>
  <field name="team_id" type="col"/>
  <field name="__count" type="measure"/>
</graph>`;

const WON_LOST_PIVOT = `<pivot string="Won/Lost Analysis" sample="1">
  <field name="won_status" type="row"/>
  <field name="lost_reason_id" type="col"/>
  <field name="__count" type="measure"/>
  <field name="expected_revenue" type="measure"/>
</pivot>`;

const WON_LOST_GRAPH = `<graph string="Won/Lost Analysis" type="bar" stacked="True" sample="1">
  <field name="won_status" type="row"/>
  <field name="lost_reason_id" type="col"/>
  <field name="expected_revenue" type="measure"/>
</graph>`;

// Lost opportunities are archived: the actions read with active_test off, and "Active" is a
// filter, in one group with Won and Lost so that they add up rather than exclude each other.
const PIPELINE_SEARCH = `<search string="Pipeline Analysis">
  <field name="name" string="Opportunity"/>
  <field name="partner_id" operator="child_of" string="Customer"/>
  <field name="user_id"/>
  <field name="team_id"/>
  <field name="stage_id"/>
  <field name="country_id"/>
  <field name="lost_reason_id"/>
  <field name="campaign_id"/>
  <field name="medium_id"/>
  <field name="source_id"/>
  <filter string="My Pipeline" name="my" domain="[('user_id', '=', uid)]"/>
  <separator/>
  <filter string="Opportunities" name="filter_opportunity" domain="[('type', '=', 'opportunity')]"/>
  <filter string="Leads" name="filter_lead" domain="[('type', '=', 'lead')]"/>
  <separator/>
  <filter string="Active" name="current" domain="[('active', '=', True)]"/>
  <filter string="Won" name="won" domain="[('won_status', '=', 'won')]"/>
  <filter string="Lost" name="lost" domain="[('active', '=', False), ('probability', '=', 0)]"/>
  <separator/>
  <filter string="Creation Date" name="filter_create_date" date="create_date"/>
  <filter string="Expected Closing" name="filter_date_deadline" date="date_deadline"/>
  <filter string="Closed Date" name="filter_date_closed" date="date_closed"/>
  <group expand="0" string="Group By">
    <filter string="Salesperson" name="salesperson" context="{'group_by': 'user_id'}"/>
    <filter string="Sales Team" name="saleschannel" context="{'group_by': 'team_id'}"/>
    <filter string="Stage" name="stage" context="{'group_by': 'stage_id'}"/>
    <filter string="Country" name="country" context="{'group_by': 'country_id'}"/>
    <filter string="Lost Reason" name="lostreason" context="{'group_by': 'lost_reason_id'}"/>
    <filter string="Won/Lost" name="wonstatus" context="{'group_by': 'won_status'}"/>
    <filter string="Campaign" name="campaign" context="{'group_by': 'campaign_id'}"/>
    <filter string="Medium" name="medium" context="{'group_by': 'medium_id'}"/>
    <filter string="Source" name="source" context="{'group_by': 'source_id'}"/>
    <separator/>
    <filter string="Creation Date" name="month" context="{'group_by': 'create_date:month'}"/>
    <filter string="Expected Closing" name="date_deadline" context="{'group_by': 'date_deadline:month'}"/>
    <filter string="Closed Date" name="date_closed" context="{'group_by': 'date_closed:month'}"/>
  </group>
</search>`;

// ---- Activities analysis (crm.activity.report) ------------------------------------------------

const ACTIVITY_GRAPH = `<graph string="Activities Analysis" type="bar" stacked="True" sample="1">
  <field name="date" interval="month" type="row"/>
  <field name="mail_activity_type_id" type="col"/>
</graph>`;

const ACTIVITY_PIVOT = `<pivot string="Activities Analysis" sample="1">
  <field name="mail_activity_type_id" type="row"/>
  <field name="state" type="col"/>
  <field name="__count" type="measure"/>
</pivot>`;

const ACTIVITY_LIST = `<tree string="Activities Analysis" create="0" edit="0" delete="0" default_order="date desc">
  <field name="date"/>
  <field name="date_deadline" optional="show"/>
  <field name="state" widget="badge" decoration-danger="state == 'overdue'" decoration-warning="state == 'today'" decoration-success="state == 'planned'"/>
  <field name="mail_activity_type_id"/>
  <field name="summary"/>
  <field name="lead_id"/>
  <field name="activity_user_id" widget="many2one_avatar_user"/>
  <field name="user_id" widget="many2one_avatar_user" optional="hide"/>
  <field name="team_id" optional="show"/>
  <field name="stage_id" optional="hide"/>
  <field name="partner_id" optional="hide"/>
  <field name="country_id" optional="hide"/>
</tree>`;

const ACTIVITY_SEARCH = `<search string="Activities Analysis">
  <field name="lead_id"/>
  <field name="mail_activity_type_id"/>
  <field name="activity_user_id"/>
  <field name="user_id"/>
  <field name="team_id"/>
  <filter string="My Activities" name="activities_my" domain="[('activity_user_id', '=', uid)]"/>
  <separator/>
  <filter string="Done" name="done" domain="[('state', '=', 'done')]"/>
  <filter string="Planned" name="planned" domain="[('state', '!=', 'done')]"/>
  <filter string="Overdue" name="overdue" domain="[('state', '=', 'overdue')]"/>
  <separator/>
  <filter string="Leads" name="lead" domain="[('lead_type', '=', 'lead')]"/>
  <filter string="Opportunities" name="opportunity" domain="[('lead_type', '=', 'opportunity')]"/>
  <separator/>
  <filter string="Date" name="filter_date" date="date"/>
  <group expand="0" string="Group By">
    <filter string="Activity Type" name="group_by_type" context="{'group_by': 'mail_activity_type_id'}"/>
    <filter string="Assigned to" name="group_by_user" context="{'group_by': 'activity_user_id'}"/>
    <filter string="Salesperson" name="group_by_salesperson" context="{'group_by': 'user_id'}"/>
    <filter string="Sales Team" name="saleschannel" context="{'group_by': 'team_id'}"/>
    <filter string="State" name="group_by_state" context="{'group_by': 'state'}"/>
    <filter string="Stage" name="stage" context="{'group_by': 'stage_id'}"/>
    <filter string="Country" name="country" context="{'group_by': 'country_id'}"/>
    <filter string="Opportunity" name="group_by_lead" context="{'group_by': 'lead_id'}"/>
    <separator/>
    <filter string="Date" name="month" context="{'group_by': 'date:month'}"/>
    <filter string="Due Date" name="deadline" context="{'group_by': 'date_deadline:week'}"/>
  </group>
</search>`;

// ---- Forecast (crm.lead by month of expected closing) -----------------------------------------

// The pipeline's kanban, by month of expected closing and counting the prorated revenue.
const FORECAST_KANBAN = `<data>
  <xpath expr="//kanban" position="attributes">
    <attribute name="default_group_by">date_deadline:month</attribute>
  </xpath>
  <xpath expr="//progressbar" position="attributes">
    <attribute name="sum_field">prorated_revenue</attribute>
  </xpath>
  <xpath expr="//kanban" position="inside">
    <field name="date_deadline"/>
  </xpath>
  <field name="expected_revenue" position="replace">
    <field name="prorated_revenue" widget="monetary" options="{'currency_field': 'company_currency'}"/>
  </field>
</data>`;

const FORECAST_GRAPH = `<graph string="Forecast" type="bar" stacked="True" sample="1">
  <field name="date_deadline" interval="month" type="row"/>
  <field name="team_id" type="col"/>
  <field name="prorated_revenue" type="measure"/>
</graph>`;

const FORECAST_PIVOT = `<pivot string="Forecast" sample="1">
  <field name="team_id" type="row"/>
  <field name="date_deadline" interval="month" type="col"/>
  <field name="prorated_revenue" type="measure"/>
  <field name="expected_revenue" type="measure"/>
</pivot>`;

const FORECAST_SEARCH = `<data>
  <filter name="open" position="after">
    <separator/>
    <filter string="This month and after" name="forecast" domain="[('date_deadline', '&gt;=', context_today().strftime('%Y-%m-01'))]"
      help="Opportunities expected to close from the first day of this month on"/>
  </filter>
</data>`;

// ---- Forecast vs Target (crm.team) -----------------------------------------------------------

const TEAM_FORECAST_LIST = `<tree string="Forecast vs Target" create="0">
  <field name="name" readonly="1"/>
  <field name="user_id" widget="many2one_avatar_user" readonly="1"/>
  <field name="currency_id" column_invisible="True"/>
  <field name="forecast_prorated_revenue" widget="monetary" sum="Forecast This Month"/>
  <field name="invoiced_target" widget="monetary" sum="Invoicing Target"/>
</tree>`;

const TEAM_DASHBOARD_FORECAST = `<field name="invoiced_target" position="before">
  <field name="forecast_prorated_revenue" widget="monetary" string="Forecast This Month"/>
</field>`;

const records: DataRecord[] = [
  view('crm_opportunity_report_view_pivot', 'crm.lead', 'crm.opportunity.report.view.pivot', PIPELINE_PIVOT, { priority: 32 }),
  view('crm_opportunity_report_view_graph', 'crm.lead', 'crm.opportunity.report.view.graph', PIPELINE_GRAPH, { priority: 32 }),
  view('crm_opportunity_report_view_pivot_lead', 'crm.lead', 'crm.opportunity.report.view.pivot.lead', LEADS_PIVOT, { priority: 32 }),
  view('crm_opportunity_report_view_graph_lead', 'crm.lead', 'crm.opportunity.report.view.graph.lead', LEADS_GRAPH, { priority: 32 }),
  view('crm_opportunity_report_view_pivot_won_lost', 'crm.lead', 'crm.opportunity.report.view.pivot.won.lost', WON_LOST_PIVOT, { priority: 32 }),
  view('crm_opportunity_report_view_graph_won_lost', 'crm.lead', 'crm.opportunity.report.view.graph.won.lost', WON_LOST_GRAPH, { priority: 32 }),
  view('crm_opportunity_report_view_search', 'crm.lead', 'crm.lead.search.report', PIPELINE_SEARCH, { priority: 32 }),
  view('crm_activity_report_view_graph', 'crm.activity.report', 'crm.activity.report.graph', ACTIVITY_GRAPH),
  view('crm_activity_report_view_pivot', 'crm.activity.report', 'crm.activity.report.pivot', ACTIVITY_PIVOT),
  view('crm_activity_report_view_tree', 'crm.activity.report', 'crm.activity.report.tree', ACTIVITY_LIST),
  view('crm_activity_report_view_search', 'crm.activity.report', 'crm.activity.report.search', ACTIVITY_SEARCH),
  view('crm_lead_view_kanban_forecast', 'crm.lead', 'crm.lead.kanban.forecast', FORECAST_KANBAN,
    { inherit_id: ref('crm_case_kanban_view_leads'), mode: 'primary', priority: 32 }),
  view('crm_lead_view_graph_forecast', 'crm.lead', 'crm.lead.graph.forecast', FORECAST_GRAPH, { priority: 32 }),
  view('crm_lead_view_pivot_forecast', 'crm.lead', 'crm.lead.pivot.forecast', FORECAST_PIVOT, { priority: 32 }),
  view('crm_lead_view_search_forecast', 'crm.lead', 'crm.lead.search.forecast', FORECAST_SEARCH,
    { inherit_id: ref('view_crm_case_opportunities_filter'), mode: 'primary', priority: 32 }),
  view('crm_team_view_tree_forecast', 'crm.team', 'crm.team.tree.forecast', TEAM_FORECAST_LIST, { priority: 32 }),
  view('crm_team_view_kanban_dashboard_forecast', 'crm.team', 'crm.team.dashboard.forecast', TEAM_DASHBOARD_FORECAST,
    { inherit_id: ref('crm_team_view_kanban_dashboard') }),

  // Pipeline: the opportunities in play, the won ones included (lost ones with the Lost filter).
  { id: 'crm_opportunity_report_action', model: 'ir.actions.act_window', values: {
    name: 'Pipeline Analysis', res_model: 'crm.lead', view_mode: 'pivot,graph,tree,form',
    context: "{'active_test': False, 'search_default_filter_opportunity': 1, 'search_default_current': 1}",
    search_view_id: ref('crm_opportunity_report_view_search'),
    help: NO_DATA('Use this menu to have an overview of your Pipeline.'),
  } },
  pin('crm_opportunity_report_action', 'pivot', 'crm_opportunity_report_view_pivot', 1),
  pin('crm_opportunity_report_action', 'graph', 'crm_opportunity_report_view_graph', 2),
  pin('crm_opportunity_report_action', 'tree', 'crm_case_tree_view_oppor', 3),

  // Leads: where the leads come from, by month and team.
  { id: 'crm_opportunity_report_action_lead', model: 'ir.actions.act_window', values: {
    name: 'Leads Analysis', res_model: 'crm.lead', view_mode: 'pivot,graph,tree,form',
    context: "{'active_test': False, 'search_default_filter_lead': 1, 'search_default_current': 1}",
    search_view_id: ref('crm_opportunity_report_view_search'), groups_id: [ref('group_use_lead')],
    help: NO_DATA('This report analyses the source of your leads.'),
  } },
  pin('crm_opportunity_report_action_lead', 'pivot', 'crm_opportunity_report_view_pivot_lead', 1),
  pin('crm_opportunity_report_action_lead', 'graph', 'crm_opportunity_report_view_graph_lead', 2),
  pin('crm_opportunity_report_action_lead', 'tree', 'crm_case_tree_view_leads', 3),

  // Won/Lost: the closed opportunities, lost (archived) ones included, by lost reason.
  { id: 'crm_opportunity_report_action_won_lost', model: 'ir.actions.act_window', values: {
    name: 'Won/Lost Analysis', res_model: 'crm.lead', view_mode: 'pivot,graph,tree,form',
    domain: "[('won_status', 'in', ('won', 'lost'))]",
    context: "{'active_test': False, 'search_default_filter_opportunity': 1}",
    search_view_id: ref('crm_opportunity_report_view_search'),
    help: NO_DATA('Win or lose opportunities to see them here.'),
  } },
  pin('crm_opportunity_report_action_won_lost', 'pivot', 'crm_opportunity_report_view_pivot_won_lost', 1),
  pin('crm_opportunity_report_action_won_lost', 'graph', 'crm_opportunity_report_view_graph_won_lost', 2),
  pin('crm_opportunity_report_action_won_lost', 'tree', 'crm_case_tree_view_oppor', 3),

  // Activities: done and planned, by type and month.
  { id: 'crm_activity_report_action', model: 'ir.actions.act_window', values: {
    name: 'Activities Analysis', res_model: 'crm.activity.report', view_mode: 'graph,pivot,tree',
    search_view_id: ref('crm_activity_report_view_search'),
    help: NO_DATA('Schedule activities on your leads and opportunities, and mark them done, to analyse them here.'),
  } },
  pin('crm_activity_report_action', 'graph', 'crm_activity_report_view_graph', 1),
  pin('crm_activity_report_action', 'pivot', 'crm_activity_report_view_pivot', 2),
  pin('crm_activity_report_action', 'tree', 'crm_activity_report_view_tree', 3),

  // Forecast: the open opportunities by month of expected closing, from this month on, every
  // month shown (fill_temporal), at least four of them.
  { id: 'crm_lead_action_forecast', model: 'ir.actions.act_window', values: {
    name: 'Forecast', res_model: 'crm.lead', view_mode: 'kanban,graph,pivot,tree,form',
    domain: "[('type', '=', 'opportunity'), ('date_deadline', '!=', False)]",
    context: "{'default_type': 'opportunity', 'search_default_open': 1, 'search_default_forecast': 1, 'fill_temporal': {'fill_from': context_today().strftime('%Y-%m-01'), 'min_groups': 4}}",
    search_view_id: ref('crm_lead_view_search_forecast'),
    help: '<p class="o_view_nocontent_smiling_face">No opportunity to forecast</p><p>Give your opportunities an expected closing date to see them here, month by month.</p>',
  } },
  pin('crm_lead_action_forecast', 'kanban', 'crm_lead_view_kanban_forecast', 1),
  pin('crm_lead_action_forecast', 'graph', 'crm_lead_view_graph_forecast', 2),
  pin('crm_lead_action_forecast', 'pivot', 'crm_lead_view_pivot_forecast', 3),
  pin('crm_lead_action_forecast', 'tree', 'crm_case_tree_view_oppor', 4),

  // Forecast vs Target: this month's prorated revenue of each team next to its target.
  { id: 'crm_team_action_forecast', model: 'ir.actions.act_window', values: {
    name: 'Forecast vs Target', res_model: 'crm.team', view_mode: 'tree,form',
    help: '<p class="o_view_nocontent_smiling_face">No sales team yet</p><p>Set a target on your sales teams to compare it with their forecast.</p>',
  } },
  pin('crm_team_action_forecast', 'tree', 'crm_team_view_tree_forecast', 1),
];

export default records;
