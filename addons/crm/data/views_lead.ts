// The screens of crm.lead, after Odoo 17's crm_lead_views.xml: the pipeline kanban (and its quick
// create form), the lists of opportunities, leads and activities, the lead/opportunity form, the
// calendar of expected closings, pivot, graph and activity views, and the search views. The archs
// stay within what our web client draws (see core/web/src/views/): a kanban card is laid out from
// its `<field>` nodes, a form from groups, notebooks, smart buttons and a status bar.

import { ref, type DataRecord } from '../../../core/index.ts';

const view = (id: string, name: string, arch: string, extra: Record<string, unknown> = {}): DataRecord =>
  ({ id, model: 'ir.ui.view', values: { name, model: 'crm.lead', arch, ...extra } });

const KANBAN = `<kanban default_group_by="stage_id" class="o_opportunity_kanban" on_create="quick_create"
    quick_create_view="crm.quick_create_opportunity_form" archivable="false" sample="1">
  <field name="stage_id"/>
  <field name="probability"/>
  <field name="color"/>
  <field name="active"/>
  <field name="company_currency"/>
  <field name="activity_state"/>
  <field name="team_id"/>
  <progressbar field="activity_state" colors='{"planned": "success", "today": "warning", "overdue": "danger"}'
    sum_field="expected_revenue" help="This bar allows to filter the opportunities based on scheduled activities."/>
  <templates>
    <t t-name="kanban-box">
      <div class="oe_kanban_global_click oe_kanban_card">
        <div class="o_kanban_record_title"><strong><field name="name"/></strong></div>
        <div class="o_kanban_record_subtitle">
          <field name="expected_revenue" widget="monetary" options="{'currency_field': 'company_currency'}"/>
        </div>
        <div><field name="partner_id"/></div>
        <div><field name="tag_ids" widget="many2many_tags" options="{'color_field': 'color'}"/></div>
        <div class="o_kanban_record_bottom">
          <div class="oe_kanban_bottom_left">
            <field name="priority" widget="priority"/>
            <field name="activity_ids" widget="kanban_activity"/>
          </div>
          <div class="oe_kanban_bottom_right">
            <field name="user_id" widget="many2one_avatar_user"/>
          </div>
        </div>
      </div>
    </t>
  </templates>
</kanban>`;

const QUICK_CREATE = `<form>
  <group>
    <field name="partner_id" widget="res_partner_many2one" string="Organization / Contact"/>
    <field name="name" placeholder="e.g. Product Pricing"/>
    <field name="email_from" widget="email" string="Email"/>
    <field name="phone" widget="phone" string="Phone"/>
    <field name="company_currency" invisible="1"/>
    <field name="expected_revenue" widget="monetary" options="{'currency_field': 'company_currency'}"/>
    <field name="priority" widget="priority" nolabel="1"/>
  </group>
</form>`;

const LIST_OPPORTUNITIES = `<tree string="Opportunities" sample="1" multi_edit="1">
  <field name="date_deadline" optional="hide"/>
  <field name="create_date" optional="hide"/>
  <field name="name" string="Opportunity" readonly="1"/>
  <field name="partner_id" optional="show"/>
  <field name="contact_name" optional="hide"/>
  <field name="email_from" optional="show"/>
  <field name="phone" optional="show"/>
  <field name="city" optional="hide"/>
  <field name="country_id" optional="hide"/>
  <field name="user_id" widget="many2one_avatar_user" optional="show"/>
  <field name="team_id" optional="show"/>
  <field name="my_activity_date_deadline" string="My Deadline" optional="show"/>
  <field name="activity_summary" optional="hide"/>
  <field name="campaign_id" optional="hide"/>
  <field name="medium_id" optional="hide"/>
  <field name="source_id" optional="hide"/>
  <field name="company_currency" column_invisible="True"/>
  <field name="expected_revenue" sum="Expected Revenues" widget="monetary" options="{'currency_field': 'company_currency'}" optional="show"/>
  <field name="recurring_revenue_monthly" sum="Expected MRR" optional="hide" groups="crm.group_use_recurring_revenues"/>
  <field name="probability" optional="hide"/>
  <field name="stage_id" optional="show"/>
  <field name="priority" optional="hide"/>
  <field name="tag_ids" widget="many2many_tags" options="{'color_field': 'color'}" optional="hide"/>
</tree>`;

const LIST_LEADS = `<tree string="Leads" sample="1" multi_edit="1">
  <field name="date_deadline" column_invisible="True"/>
  <field name="create_date" optional="hide"/>
  <field name="name" string="Lead" readonly="1"/>
  <field name="contact_name" optional="show"/>
  <field name="partner_name" optional="show"/>
  <field name="email_from" optional="show"/>
  <field name="phone" optional="show"/>
  <field name="city" optional="show"/>
  <field name="country_id" optional="show"/>
  <field name="user_id" widget="many2one_avatar_user" optional="show"/>
  <field name="team_id" optional="show"/>
  <field name="activity_summary" optional="hide"/>
  <field name="campaign_id" optional="hide"/>
  <field name="medium_id" optional="hide"/>
  <field name="source_id" optional="hide"/>
  <field name="priority" optional="hide"/>
  <field name="tag_ids" widget="many2many_tags" options="{'color_field': 'color'}" optional="hide"/>
</tree>`;

const LIST_ACTIVITIES = `<tree string="Next Activities" default_order="my_activity_date_deadline asc, id desc" create="false">
  <field name="my_activity_date_deadline" string="My Deadline"/>
  <field name="name" string="Opportunity"/>
  <field name="partner_id" optional="show"/>
  <field name="activity_summary" string="Next Activity"/>
  <field name="activity_state" optional="hide"/>
  <field name="user_id" widget="many2one_avatar_user" optional="show"/>
  <field name="team_id" optional="hide"/>
  <field name="company_currency" column_invisible="True"/>
  <field name="expected_revenue" sum="Expected Revenues" widget="monetary" options="{'currency_field': 'company_currency'}" optional="show"/>
  <field name="stage_id" optional="show"/>
</tree>`;

// One form for leads and opportunities, as Odoo's: `type` shows one or the other part.
const FORM = `<form class="o_lead_opportunity_form">
  <header>
    <button name="action_set_won_rainbowman" string="Won" type="object" class="oe_highlight" title="Mark as won"
      invisible="not active or probability == 100 or type == 'lead'"/>
    <button name="action_lost_wizard" string="Lost" type="object" title="Mark as lost"
      invisible="type == 'lead' or not active and probability &lt; 100"/>
    <button name="%(crm.action_crm_lead2opportunity_partner)d" string="Convert to Opportunity" type="action" class="oe_highlight"
      help="Convert to Opportunity" invisible="type == 'opportunity' or not active"/>
    <button name="action_lost_wizard" string="Lost" type="object" title="Mark as lost"
      invisible="type == 'opportunity' or probability == 0 and not active"/>
    <button name="action_restore" string="Restore" type="object" invisible="probability &gt; 0 or active"/>
    <field name="stage_id" widget="statusbar" options="{'clickable': '1', 'fold_field': 'fold'}"
      domain="['|', ('team_id', '=', team_id), ('team_id', '=', False)]" invisible="not active or type == 'lead'"/>
  </header>
  <sheet>
    <field name="active" invisible="1"/>
    <field name="type" invisible="1"/>
    <field name="company_id" invisible="1"/>
    <field name="company_currency" invisible="1"/>
    <field name="is_automated_probability" invisible="1"/>
    <div class="oe_button_box" name="button_box">
      <button class="oe_stat_button" type="object" name="action_schedule_meeting" icon="fa-calendar"
        context="{'partner_id': partner_id}" invisible="type == 'lead'">
        <field name="calendar_event_count" widget="statinfo" string="Meetings"/>
      </button>
      <button class="oe_stat_button" type="object" name="action_show_potential_duplicates" icon="fa-star"
        invisible="duplicate_lead_count &lt; 1">
        <field name="duplicate_lead_count" widget="statinfo" string="Similar Leads"/>
      </button>
    </div>
    <widget name="web_ribbon" title="Lost" bg_color="text-bg-danger" invisible="probability &gt; 0 or active"/>
    <widget name="web_ribbon" title="Won" bg_color="text-bg-success" invisible="probability &lt; 100"/>
    <div class="oe_title">
      <h1><field name="name" placeholder="e.g. Product Pricing"/></h1>
    </div>
    <group>
      <group name="opportunity_partner" invisible="type == 'lead'">
        <field name="partner_id" widget="res_partner_many2one" string="Customer"
          context="{'default_name': contact_name or partner_name, 'default_email': email_from, 'default_phone': phone, 'default_team_id': team_id}"/>
        <field name="email_from" widget="email" string="Email"/>
        <field name="phone" widget="phone"/>
        <field name="expected_revenue" widget="monetary" options="{'currency_field': 'company_currency'}"/>
        <field name="recurring_revenue" widget="monetary" options="{'currency_field': 'company_currency'}" groups="crm.group_use_recurring_revenues"/>
        <field name="recurring_plan" groups="crm.group_use_recurring_revenues"/>
        <field name="probability" widget="float" string="Probability (%)"/>
        <field name="automated_probability" string="Estimated Probability (%)" invisible="is_automated_probability"/>
        <button name="action_reset_probability" type="object" string="Switch to automatic probability" class="btn-link"
          title="Switch to automatic probability" invisible="is_automated_probability"/>
      </group>
      <group name="lead_partner" invisible="type == 'opportunity'">
        <field name="partner_name" string="Company Name"/>
        <field name="contact_name"/>
        <field name="email_from" widget="email" string="Email"/>
        <field name="phone" widget="phone"/>
        <field name="function"/>
        <field name="probability" widget="float" string="Probability (%)"/>
      </group>
      <group name="opportunity_info">
        <field name="user_id" widget="many2one_avatar_user" domain="[('share', '=', False)]"/>
        <field name="team_id" options="{'no_open': True, 'no_create': True}"/>
        <field name="date_deadline" invisible="type == 'lead'"/>
        <field name="priority" widget="priority"/>
        <field name="tag_ids" widget="many2many_tags" options="{'color_field': 'color', 'no_create_edit': True}"/>
        <field name="lost_reason_id" invisible="active"/>
        <field name="date_conversion" invisible="1"/>
      </group>
    </group>
    <notebook>
      <page string="Internal Notes" name="internal_notes">
        <field name="description" placeholder="Add a description..." nolabel="1"/>
      </page>
      <page string="Extra Info" name="extra">
        <group>
          <group string="Contact Information" name="contact">
            <field name="partner_name" string="Company Name" invisible="type == 'lead'"/>
            <field name="contact_name" invisible="type == 'lead'"/>
            <field name="title" placeholder="Title"/>
            <field name="function" invisible="type == 'lead'"/>
            <field name="mobile" widget="phone"/>
            <field name="website" widget="url" placeholder="e.g. https://www.example.com"/>
            <field name="lang_id" options="{'no_create': True}"/>
          </group>
          <group string="Address" name="address">
            <field name="street" placeholder="Street..."/>
            <field name="street2" placeholder="Street 2..."/>
            <field name="city" placeholder="City"/>
            <field name="state_id" placeholder="State" options="{'no_open': True}"/>
            <field name="zip" placeholder="ZIP"/>
            <field name="country_id" placeholder="Country" options="{'no_open': True, 'no_create': True}"/>
          </group>
          <group string="Marketing" name="categorization">
            <field name="campaign_id" options="{'create_name_field': 'title', 'always_reload': True}"/>
            <field name="medium_id"/>
            <field name="source_id"/>
            <field name="referred"/>
          </group>
          <group string="Analysis" name="analysis">
            <field name="date_open"/>
            <field name="date_closed"/>
          </group>
        </group>
      </page>
    </notebook>
  </sheet>
  <div class="oe_chatter">
    <field name="activity_ids"/>
    <field name="message_ids"/>
  </div>
</form>`;

const CALENDAR = `<calendar string="Leads Generation" date_start="date_deadline" color="user_id" mode="month" quick_create="0">
  <field name="name"/>
  <field name="partner_id"/>
  <field name="expected_revenue"/>
  <field name="stage_id"/>
  <field name="user_id"/>
</calendar>`;

const PIVOT = `<pivot string="Pipeline Analysis" sample="1">
  <field name="create_date" interval="month" type="row"/>
  <field name="stage_id" type="col"/>
  <field name="expected_revenue" type="measure"/>
</pivot>`;

const GRAPH = `<graph string="Pipeline Analysis" type="bar" sample="1">
  <field name="stage_id" type="row"/>
  <field name="expected_revenue" type="measure"/>
</graph>`;

const ACTIVITY = `<activity string="Leads or Opportunities">
  <templates>
    <div t-name="activity-box">
      <div>
        <field name="name" display="full"/>
        <field name="partner_id" muted="1" display="full"/>
      </div>
    </div>
  </templates>
</activity>`;

/** The filters every lead search view shares (Odoo's opportunity and lead search views differ
 *  only by a few lines). `label` names the record: Opportunity or Lead. */
const searchArch = (label: string, plural: string, extra = '') => `<search string="Search ${plural}">
  <field name="name" string="${label}" filter_domain="['|', '|', '|', '|', ('partner_id', 'ilike', self), ('partner_name', 'ilike', self), ('email_from', 'ilike', self), ('name', 'ilike', self), ('contact_name', 'ilike', self)]"/>
  <field name="partner_id" operator="child_of" string="Customer"/>
  <field name="tag_ids" string="Tag" filter_domain="[('tag_ids', 'ilike', self)]"/>
  <field name="user_id"/>
  <field name="team_id"/>
  <field name="stage_id"/>
  <field name="country_id"/>
  <field name="city"/>
  <field name="email_from"/>
  <field name="phone"/>
  <field name="lost_reason_id"/>
  <field name="campaign_id"/>
  <field name="medium_id"/>
  <field name="source_id"/>
  <separator/>
  <filter string="My Pipeline" name="assigned_to_me" domain="[('user_id', '=', uid)]" help="Opportunities that are assigned to me"/>
  <filter string="Unassigned" name="unassigned" domain="[('user_id', '=', False)]" help="No salesperson"/>
  ${extra}
  <separator/>
  <filter string="My Activities" name="activities_my" domain="[('activity_user_id', '=', uid)]"/>
  <filter string="Late Activities" name="activities_overdue" domain="[('activity_date_deadline', '&lt;', context_today().strftime('%Y-%m-%d'))]"
    help="Show all opportunities for which the next action date is before today"/>
  <filter string="Today Activities" name="activities_today" domain="[('activity_date_deadline', '=', context_today().strftime('%Y-%m-%d'))]"/>
  <filter string="Future Activities" name="activities_upcoming_all" domain="[('activity_date_deadline', '&gt;', context_today().strftime('%Y-%m-%d'))]"/>
  <separator/>
  <filter string="Creation Date" name="creation_date" date="create_date"/>
  <filter string="Closed Date" name="close_this_month" date="date_closed"/>
  <separator/>
  <filter string="Open" name="open" domain="[('won_status', '=', 'pending')]"/>
  <filter string="Won" name="won" domain="['&amp;', ('active', '=', True), ('stage_id.is_won', '=', True)]"/>
  <filter string="Lost" name="lost" domain="['&amp;', ('active', '=', False), ('probability', '=', 0)]"/>
  <separator/>
  <filter string="Archived" name="inactive" domain="[('active', '=', False)]"/>
  <group expand="0" string="Group By">
    <filter string="Salesperson" name="salesperson" context="{'group_by': 'user_id'}"/>
    <filter string="Sales Team" name="saleschannel" context="{'group_by': 'team_id'}"/>
    <filter string="Stage" name="stage" context="{'group_by': 'stage_id'}"/>
    <filter string="City" name="city" context="{'group_by': 'city'}"/>
    <filter string="Country" name="country" context="{'group_by': 'country_id'}"/>
    <filter string="Lost Reason" name="lostreason" context="{'group_by': 'lost_reason_id'}"/>
    <filter string="Campaign" name="compaign" context="{'group_by': 'campaign_id'}"/>
    <filter string="Medium" name="medium" context="{'group_by': 'medium_id'}"/>
    <filter string="Source" name="source" context="{'group_by': 'source_id'}"/>
    <separator/>
    <filter string="Creation Date" name="month" context="{'group_by': 'create_date:month'}"/>
    <filter string="Expected Closing" name="date_deadline" context="{'group_by': 'date_deadline:month'}"/>
    <filter string="Closed Date" name="date_closed" context="{'group_by': 'date_closed:month'}"/>
  </group>
</search>`;

const SEARCH_OPPORTUNITIES = searchArch('Opportunity', 'Opportunities',
  `<filter string="Open Opportunities" name="open_opportunities" domain="[('probability', '&lt;', 100), ('type', '=', 'opportunity')]" help="Open Opportunities"/>`);
const SEARCH_LEADS = searchArch('Lead', 'Leads');

const HELP_PIPELINE = `<p class="o_view_nocontent_smiling_face">Create an opportunity to start playing with your pipeline.</p>
<p>Click New to add one, then move it from stage to stage until it is won.</p>`;
const HELP_LEADS = `<p class="o_view_nocontent_smiling_face">Create a Lead</p>
<p>Leads are the qualification step before the creation of an opportunity.</p>`;
const HELP_ACTIVITIES = `<p class="o_view_nocontent_smiling_face">Looks like you are not waiting for any action.</p>
<p>Schedule an activity on an opportunity to see it here.</p>`;

/** `ir.actions.act_window.view` lines: pins a view to one mode of an action. */
const pin = (action: string, mode: string, viewId: string, sequence: number): DataRecord => ({
  id: `${action}_view_${mode}`, model: 'ir.actions.act_window.view',
  values: { act_window_id: ref(action), view_mode: mode, view_id: ref(viewId), sequence },
});

const records: DataRecord[] = [
  view('crm_case_kanban_view_leads', 'crm.lead.kanban.lead', KANBAN, { priority: 1 }),
  view('quick_create_opportunity_form', 'crm.lead.form.quick_create', QUICK_CREATE, { priority: 1000 }),
  view('crm_case_tree_view_oppor', 'crm.lead.tree.opportunity', LIST_OPPORTUNITIES, { priority: 1 }),
  view('crm_case_tree_view_leads', 'crm.lead.tree.lead', LIST_LEADS, { priority: 20 }),
  view('crm_lead_view_list_activities', 'crm.lead.list.activities', LIST_ACTIVITIES, { priority: 30 }),
  view('crm_lead_view_form', 'crm.lead.form', FORM, { priority: 1 }),
  view('crm_case_calendar_view_leads', 'crm.lead.calendar.lead', CALENDAR),
  view('crm_lead_view_pivot', 'crm.lead.view.pivot', PIVOT),
  view('crm_lead_view_graph', 'crm.lead.view.graph', GRAPH),
  view('crm_lead_view_activity', 'crm.lead.activity', ACTIVITY),
  view('view_crm_case_opportunities_filter', 'crm.lead.search.opportunity', SEARCH_OPPORTUNITIES, { priority: 15 }),
  view('view_crm_case_leads_filter', 'crm.lead.search.lead', SEARCH_LEADS, { priority: 20 }),

  // My Pipeline: the opportunities, assigned to me by default.
  { id: 'crm_lead_action_pipeline', model: 'ir.actions.act_window', values: {
    name: 'Pipeline', res_model: 'crm.lead', view_mode: 'kanban,tree,graph,pivot,form,calendar,activity',
    domain: "[('type', '=', 'opportunity')]",
    context: "{'default_type': 'opportunity', 'search_default_assigned_to_me': 1}",
    search_view_id: ref('view_crm_case_opportunities_filter'), help: HELP_PIPELINE,
  } },
  pin('crm_lead_action_pipeline', 'kanban', 'crm_case_kanban_view_leads', 1),
  pin('crm_lead_action_pipeline', 'tree', 'crm_case_tree_view_oppor', 2),

  // Leads: the qualification step (the "Leads" setting shows their menu).
  { id: 'crm_lead_all_leads', model: 'ir.actions.act_window', values: {
    name: 'Leads', res_model: 'crm.lead', view_mode: 'tree,kanban,graph,pivot,calendar,form,activity',
    domain: "['|', ('type', '=', 'lead'), ('type', '=', False)]",
    context: "{'default_type': 'lead', 'search_default_assigned_to_me': 1}",
    search_view_id: ref('view_crm_case_leads_filter'), help: HELP_LEADS,
    groups_id: [ref('group_use_lead')],
  } },
  pin('crm_lead_all_leads', 'tree', 'crm_case_tree_view_leads', 1),
  pin('crm_lead_all_leads', 'kanban', 'crm_case_kanban_view_leads', 2),

  // My Activities: my opportunities that have something planned, by deadline.
  { id: 'crm_lead_action_my_activities', model: 'ir.actions.act_window', values: {
    name: 'My Activities', res_model: 'crm.lead', view_mode: 'tree,kanban,graph,pivot,calendar,form,activity',
    domain: "[('activity_ids', '!=', False)]",
    context: "{'default_type': 'opportunity', 'search_default_activities_my': 1}",
    search_view_id: ref('view_crm_case_opportunities_filter'), help: HELP_ACTIVITIES,
  } },
  pin('crm_lead_action_my_activities', 'tree', 'crm_lead_view_list_activities', 1),
  pin('crm_lead_action_my_activities', 'kanban', 'crm_case_kanban_view_leads', 2),

  // Reporting (crm_opportunity_report_action and the others) is in views_reports.ts.
];

export default records;
