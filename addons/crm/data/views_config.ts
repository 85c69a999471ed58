// CRM's configuration screens (Odoo 17's crm_stage_views.xml, crm_lost_reason_views.xml,
// crm_recurring_plan_views.xml, crm tags, and crm's activity types and plans): small lists, most
// of them editable in place, and the Settings page opened from the CRM menu.

import { ref, type DataRecord } from '../../../core/index.ts';

const view = (id: string, model: string, name: string, arch: string, extra: Record<string, unknown> = {}): DataRecord =>
  ({ id, model: 'ir.ui.view', values: { name, model, arch, ...extra } });

const action = (id: string, name: string, model: string, viewMode: string, help: string, extra: Record<string, unknown> = {}): DataRecord =>
  ({ id, model: 'ir.actions.act_window', values: { name, res_model: model, view_mode: viewMode, help, ...extra } });

const access = (id: string, model: string, group: string): DataRecord => ({
  id, model: 'ir.model.access',
  values: { name: id, model_id: ref(`mail.model_${model.replace(/\./g, '_')}`), group_id: ref(group), perm_read: true, perm_write: true, perm_create: true, perm_unlink: true },
});

const STAGE_LIST = `<tree string="Stages" multi_edit="1">
  <field name="sequence" widget="handle"/>
  <field name="name" readonly="1"/>
  <field name="is_won"/>
  <field name="fold" optional="hide"/>
  <field name="team_id" optional="show"/>
</tree>`;

const STAGE_FORM = `<form string="Stage">
  <sheet>
    <div class="oe_title">
      <h1><field name="name" placeholder="e.g. Negotiation"/></h1>
    </div>
    <group>
      <group>
        <field name="is_won"/>
        <field name="fold"/>
        <field name="team_id" options="{'no_open': True, 'no_create': True}"/>
      </group>
    </group>
    <separator string="Requirements"/>
    <field name="requirements" nolabel="1" placeholder="Give your team the requirements to move an opportunity to this stage."/>
  </sheet>
</form>`;

const STAGE_SEARCH = `<search string="Stage Search">
  <field name="name"/>
  <field name="team_id"/>
  <filter string="Won Stages" name="won" domain="[('is_won', '=', True)]"/>
</search>`;

const TAG_LIST = `<tree string="Tags" editable="bottom" sample="1">
  <field name="name"/>
  <field name="color" optional="hide"/>
</tree>`;

const TAG_FORM = `<form string="Tags">
  <sheet>
    <div class="oe_title"><h1><field name="name" placeholder="e.g. Services"/></h1></div>
    <group><field name="color"/></group>
  </sheet>
</form>`;

const LOST_REASON_LIST = `<tree string="Lost Reasons" editable="bottom">
  <field name="name"/>
  <field name="leads_count" string="Leads" readonly="1" optional="show"/>
</tree>`;

const LOST_REASON_FORM = `<form string="Lost Reason">
  <sheet>
    <div class="oe_button_box" name="button_box">
      <button class="oe_stat_button" type="object" name="action_lost_leads" icon="fa-star">
        <field name="leads_count" widget="statinfo" string="Leads"/>
      </button>
    </div>
    <widget name="web_ribbon" title="Archived" bg_color="text-bg-danger" invisible="active"/>
    <field name="active" invisible="1"/>
    <div class="oe_title"><h1><field name="name" placeholder="e.g. Too expensive"/></h1></div>
  </sheet>
</form>`;

const RECURRING_PLAN_LIST = `<tree string="Recurring Plans" editable="bottom">
  <field name="sequence" widget="handle"/>
  <field name="name"/>
  <field name="number_of_months"/>
</tree>`;

const ACTIVITY_TYPE_LIST = `<tree string="Activities">
  <field name="sequence" widget="handle"/>
  <field name="name"/>
  <field name="summary" optional="show"/>
  <field name="delay_count" string="Planned in" optional="show"/>
  <field name="delay_unit" optional="show"/>
  <field name="res_model" optional="hide"/>
  <field name="category" optional="hide"/>
</tree>`;

const ACTIVITY_TYPE_FORM = `<form string="Activity Type">
  <sheet>
    <widget name="web_ribbon" title="Archived" bg_color="text-bg-danger" invisible="active"/>
    <field name="active" invisible="1"/>
    <div class="oe_title"><h1><field name="name" placeholder="e.g. Schedule a meeting"/></h1></div>
    <group>
      <group name="activity_details" string="Activity Settings">
        <field name="category"/>
        <field name="res_model" placeholder="e.g. crm.lead"/>
        <field name="summary" placeholder="e.g. Discuss proposal"/>
        <field name="icon" placeholder="e.g. fa-phone"/>
        <field name="decoration_type"/>
        <field name="default_user_id" options="{'no_create': True}"/>
      </group>
      <group name="activity_planning" string="Next Activity">
        <field name="chaining_type"/>
        <field name="triggered_next_type_id" invisible="chaining_type == 'suggest'"/>
        <field name="suggested_next_type_ids" widget="many2many_tags" invisible="chaining_type == 'trigger'"/>
        <field name="delay_count" string="Schedule"/>
        <field name="delay_unit"/>
        <field name="delay_from"/>
      </group>
    </group>
    <separator string="Default Note"/>
    <field name="default_note" nolabel="1" placeholder="e.g. Ask the customer for their budget"/>
  </sheet>
</form>`;

const ACTIVITY_PLAN_LIST = `<tree string="Activity Plans">
  <field name="name"/>
  <field name="steps_count" string="Steps"/>
  <field name="res_model" optional="hide"/>
  <field name="company_id" optional="hide"/>
</tree>`;

const ACTIVITY_PLAN_FORM = `<form string="Activity Plan">
  <sheet>
    <widget name="web_ribbon" title="Archived" bg_color="text-bg-danger" invisible="active"/>
    <field name="active" invisible="1"/>
    <div class="oe_title"><h1><field name="name" placeholder="e.g. Onboarding"/></h1></div>
    <group>
      <group>
        <field name="res_model" placeholder="e.g. crm.lead"/>
        <field name="company_id" options="{'no_create': True}"/>
      </group>
    </group>
    <notebook>
      <page string="Activities To Create" name="activities">
        <field name="template_ids">
          <tree editable="bottom">
            <field name="sequence" widget="handle"/>
            <field name="activity_type_id"/>
            <field name="summary"/>
            <field name="responsible_type"/>
            <field name="responsible_id"/>
            <field name="delay_count" string="Interval"/>
            <field name="delay_unit"/>
            <field name="delay_from"/>
          </tree>
        </field>
      </page>
    </notebook>
  </sheet>
</form>`;

const records: DataRecord[] = [
  // Sales administrators manage the activity types and plans of CRM (Odoo's sales_team grants it).
  access('access_mail_activity_type_sale_manager', 'mail.activity.type', 'group_sale_manager'),
  access('access_mail_activity_plan_sale_manager', 'mail.activity.plan', 'group_sale_manager'),
  access('access_mail_activity_plan_template_sale_manager', 'mail.activity.plan.template', 'group_sale_manager'),

  view('crm_stage_tree', 'crm.stage', 'crm.stage.tree', STAGE_LIST),
  view('crm_stage_form', 'crm.stage', 'crm.stage.form', STAGE_FORM),
  view('crm_stage_search', 'crm.stage', 'crm.stage.search', STAGE_SEARCH),
  view('crm_tag_view_tree', 'crm.tag', 'crm.tag.tree', TAG_LIST),
  view('crm_tag_view_form', 'crm.tag', 'crm.tag.form', TAG_FORM),
  view('crm_lost_reason_view_tree', 'crm.lost.reason', 'crm.lost.reason.tree', LOST_REASON_LIST),
  view('crm_lost_reason_view_form', 'crm.lost.reason', 'crm.lost.reason.form', LOST_REASON_FORM),
  view('crm_recurring_plan_view_tree', 'crm.recurring.plan', 'crm.recurring.plan.tree', RECURRING_PLAN_LIST),
  view('mail_activity_type_view_tree', 'mail.activity.type', 'mail.activity.type.tree', ACTIVITY_TYPE_LIST),
  view('mail_activity_type_view_form', 'mail.activity.type', 'mail.activity.type.form', ACTIVITY_TYPE_FORM),
  view('mail_activity_plan_view_tree', 'mail.activity.plan', 'mail.activity.plan.tree', ACTIVITY_PLAN_LIST),
  view('mail_activity_plan_view_form', 'mail.activity.plan', 'mail.activity.plan.form', ACTIVITY_PLAN_FORM),

  action('crm_stage_action', 'Stages', 'crm.stage', 'tree,form',
    '<p class="o_view_nocontent_smiling_face">Set a new stage in your opportunity pipeline</p><p>Stages allow salespersons to easily track how a specific opportunity is positioned in the sales cycle.</p>',
    { search_view_id: ref('crm_stage_search') }),
  action('crm_tag_action', 'Tags', 'crm.tag', 'tree,form',
    '<p class="o_view_nocontent_smiling_face">Create CRM Tags</p><p>Use Tags to manage and track your Opportunities (product structure, sales type, ...)</p>'),
  action('crm_lost_reason_action', 'Lost Reasons', 'crm.lost.reason', 'tree,form',
    '<p class="o_view_nocontent_smiling_face">Create a Lost Reason</p><p>Use Lost Reasons to report on why opportunities are lost (e.g."Undercut by competitors").</p>'),
  action('crm_recurring_plan_action', 'Recurring Plans', 'crm.recurring.plan', 'tree,form',
    '<p class="o_view_nocontent_smiling_face">Create a Recurring Plan</p><p>Recurring plans describe how often a customer pays (monthly, yearly...).</p>',
    { groups_id: [ref('group_use_recurring_revenues')] }),
  action('mail_activity_type_action_config_sales', 'Activity Types', 'mail.activity.type', 'tree,form',
    '<p class="o_view_nocontent_smiling_face">Create an Activity Type</p><p>Activity types are the kinds of follow-up of your opportunities: calls, meetings, emails...</p>',
    { domain: "['|', ('res_model', '=', False), ('res_model', '=', 'crm.lead')]", context: "{'default_res_model': 'crm.lead'}" }),
  action('mail_activity_plan_action_lead', 'Activity Plans', 'mail.activity.plan', 'tree,form',
    '<p class="o_view_nocontent_smiling_face">Create an Activity Plan</p><p>Activity plans schedule several activities at once on an opportunity.</p>',
    { domain: "[('res_model', '=', 'crm.lead')]", context: "{'default_res_model': 'crm.lead'}" }),
  // The Settings page, on the CRM section (the page reads `module` from the params).
  { id: 'crm_config_settings_action', model: 'ir.actions.client', values: {
    name: 'Settings', tag: 'settings', target: 'main', params: { module: 'crm' }, context: "{'module': 'crm', 'bin_size': False}",
  } },
];

export default records;
