// The screens of sales teams (Odoo 17's sales_team and crm_team_views.xml): the team dashboard
// (one card per team with its open pipeline, overdue deals and unassigned leads; a click opens
// the team's pipeline), the teams' list and form with their members as editable lines, and the
// team members' own screens. With rule-based assignment on (Settings), the form shows the
// assignment rules (domains edited with the `domain` widget) and an "Assign Leads" button.

import { ref, type DataRecord } from '../../../core/index.ts';

const view = (id: string, model: string, name: string, arch: string, extra: Record<string, unknown> = {}): DataRecord =>
  ({ id, model: 'ir.ui.view', values: { name, model, arch, ...extra } });

// The card is laid out from its fields; `string` labels the figures. The root's `action` and
// `type` make a click open the team's pipeline rather than the team's form (Odoo 17's kanban).
const DASHBOARD = `<kanban class="o_crm_team_kanban" create="0" action="action_open_pipeline" type="object"
    records_draggable="0" group_create="0" sample="1">
  <field name="currency_id"/>
  <field name="color"/>
  <field name="use_leads"/>
  <templates>
    <t t-name="kanban-box">
      <div class="oe_kanban_global_click">
        <div class="o_kanban_card_header"><strong><field name="name"/></strong></div>
        <div class="o_kanban_primary_right">
          <field name="opportunities_count" string="Open Opportunities"/>
          <field name="opportunities_amount" widget="monetary" string="Expected Revenues"/>
          <field name="opportunities_overdue_count" string="Overdue Opportunities"/>
          <field name="unassigned_leads_count" string="Unassigned Leads" groups="crm.group_use_lead"/>
          <field name="invoiced_target" widget="monetary" string="Invoicing Target"/>
        </div>
        <div class="o_kanban_record_bottom">
          <div class="oe_kanban_bottom_right"><field name="user_id" widget="many2one_avatar_user"/></div>
        </div>
      </div>
    </t>
  </templates>
</kanban>`;

const TEAM_LIST = `<tree string="Sales Team" sample="1">
  <field name="sequence" widget="handle"/>
  <field name="name" readonly="1"/>
  <field name="user_id" widget="many2one_avatar_user" domain="[('share', '=', False)]"/>
  <field name="use_leads" optional="hide" groups="crm.group_use_lead"/>
  <field name="use_opportunities" optional="hide"/>
  <field name="assignment_max" optional="hide"/>
  <field name="company_id" optional="hide"/>
  <field name="active" column_invisible="True"/>
</tree>`;

const TEAM_FORM = `<form string="Sales Team">
  <header>
    <button name="action_assign_leads" type="object" string="Assign Leads" class="oe_highlight" invisible="not assignment_enabled"
      groups="crm.group_sale_manager" help="Assign the unassigned leads matching the domains to this team and its salespersons now."/>
  </header>
  <sheet>
    <div class="oe_button_box" name="button_box">
      <button class="oe_stat_button" type="object" name="action_open_pipeline" icon="fa-star" invisible="not use_opportunities">
        <field name="opportunities_count" widget="statinfo" string="Pipeline"/>
      </button>
      <button class="oe_stat_button" type="object" name="action_open_unassigned" icon="fa-user-plus" invisible="not use_leads" groups="crm.group_use_lead">
        <field name="unassigned_leads_count" widget="statinfo" string="Unassigned Leads"/>
      </button>
    </div>
    <widget name="web_ribbon" title="Archived" bg_color="text-bg-danger" invisible="active"/>
    <field name="active" invisible="1"/>
    <field name="currency_id" invisible="1"/>
    <div class="oe_title">
      <h1><field name="name" placeholder="e.g. North America"/></h1>
    </div>
    <group>
      <group name="left">
        <field name="user_id" widget="many2one_avatar_user" domain="[('share', '=', False)]"/>
        <field name="company_id" options="{'no_create': True}"/>
        <field name="invoiced_target" widget="monetary"/>
      </group>
      <group name="right">
        <field name="use_leads" groups="crm.group_use_lead"/>
        <field name="use_opportunities"/>
        <field name="alias_name" string="Email Alias" placeholder="e.g. sales" invisible="not use_leads and not use_opportunities"/>
        <field name="alias_domain" string="Alias Domain" invisible="not use_leads and not use_opportunities"/>
        <field name="alias_contact" string="Accept Emails From" invisible="not alias_name"/>
      </group>
    </group>
    <field name="assignment_enabled" invisible="1"/>
    <group string="Assignment Rules" name="assignment" invisible="not assignment_enabled">
      <field name="assignment_optout"/>
      <field name="assignment_max"/>
      <field name="assignment_domain" widget="domain" options="{'model': 'crm.lead'}" invisible="assignment_optout"/>
    </group>
    <notebook>
      <page string="Members" name="members_users">
        <field name="crm_team_member_ids">
          <tree editable="bottom">
            <field name="user_id" widget="many2one_avatar_user"/>
            <field name="assignment_domain" string="Domain" widget="domain" options="{'model': 'crm.lead'}"/>
            <field name="assignment_max" string="Leads a month"/>
            <field name="lead_month_count" readonly="1" optional="show"/>
          </tree>
        </field>
      </page>
    </notebook>
  </sheet>
  <div class="oe_chatter">
    <field name="message_ids"/>
  </div>
</form>`;

const TEAM_SEARCH = `<search string="Salesteams Search">
  <field name="name"/>
  <field name="user_id"/>
  <filter string="My Teams" name="my_teams" domain="['|', ('user_id', '=', uid), ('crm_team_member_ids.user_id', '=', uid)]"/>
  <separator/>
  <filter string="Archived" name="inactive" domain="[('active', '=', False)]"/>
  <group expand="0" string="Group By">
    <filter string="Team Leader" name="team_leader" context="{'group_by': 'user_id'}"/>
    <filter string="Company" name="company" context="{'group_by': 'company_id'}"/>
  </group>
</search>`;

const MEMBER_LIST = `<tree string="Sales Men" sample="1">
  <field name="user_id" widget="many2one_avatar_user"/>
  <field name="crm_team_id"/>
  <field name="assignment_domain" optional="hide"/>
  <field name="assignment_max" optional="show"/>
  <field name="lead_month_count" optional="show"/>
</tree>`;

const MEMBER_FORM = `<form string="Sales Team Member">
  <sheet>
    <field name="active" invisible="1"/>
    <widget name="web_ribbon" title="Archived" bg_color="text-bg-danger" invisible="active"/>
    <group>
      <group>
        <field name="user_id" widget="many2one_avatar_user" domain="[('share', '=', False)]"/>
        <field name="crm_team_id"/>
      </group>
      <group string="Assignment Rules" name="assignment">
        <field name="assignment_optout"/>
        <field name="assignment_max"/>
        <field name="lead_month_count"/>
        <field name="assignment_domain" widget="domain" options="{'model': 'crm.lead'}" invisible="assignment_optout"/>
      </group>
    </group>
  </sheet>
</form>`;

const MEMBER_SEARCH = `<search string="Search Sales Team Members">
  <field name="user_id"/>
  <field name="crm_team_id"/>
  <filter string="Archived" name="inactive" domain="[('active', '=', False)]"/>
  <group expand="0" string="Group By">
    <filter string="Sales Team" name="group_by_crm_team_id" context="{'group_by': 'crm_team_id'}"/>
    <filter string="Salesperson" name="group_by_user_id" context="{'group_by': 'user_id'}"/>
  </group>
</search>`;

const records: DataRecord[] = [
  view('crm_team_view_kanban_dashboard', 'crm.team', 'crm.team.dashboard', DASHBOARD, { priority: 1 }),
  view('crm_team_view_tree', 'crm.team', 'crm.team.tree', TEAM_LIST),
  view('crm_team_view_form', 'crm.team', 'crm.team.form', TEAM_FORM),
  view('crm_team_view_search', 'crm.team', 'crm.team.search', TEAM_SEARCH),
  view('crm_team_member_view_tree', 'crm.team.member', 'crm.team.member.tree', MEMBER_LIST),
  view('crm_team_member_view_form', 'crm.team.member', 'crm.team.member.form', MEMBER_FORM),
  view('crm_team_member_view_search', 'crm.team.member', 'crm.team.member.search', MEMBER_SEARCH),

  // Sales > Teams: the dashboard.
  { id: 'crm_team_action_pipeline', model: 'ir.actions.act_window', values: {
    name: 'Teams', res_model: 'crm.team', view_mode: 'kanban,form',
    context: "{'in_sales_app': True}", search_view_id: ref('crm_team_view_search'),
    help: '<p class="o_view_nocontent_smiling_face">Create a Sales Team</p><p>Use Sales Teams to organize your sales departments and draw up reports.</p>',
  } },
  // Configuration > Sales Teams: the teams as a list.
  { id: 'crm_team_action_config', model: 'ir.actions.act_window', values: {
    name: 'Sales Teams', res_model: 'crm.team', view_mode: 'tree,kanban,form',
    context: "{'in_sales_app': True}", search_view_id: ref('crm_team_view_search'),
    help: '<p class="o_view_nocontent_smiling_face">Create a Sales Team</p><p>Use Sales Teams to organize your sales departments and draw up reports.</p>',
  } },
  { id: 'crm_team_member_action', model: 'ir.actions.act_window', values: {
    name: 'Team Members', res_model: 'crm.team.member', view_mode: 'tree,form',
    context: "{'search_default_group_by_crm_team_id': 1}", search_view_id: ref('crm_team_member_view_search'),
    help: '<p class="o_view_nocontent_smiling_face">No Sales Team members yet</p><p>Link users to one or several Sales Teams.</p>',
  } },
];

export default records;
