// The dialogs of CRM's wizards (Odoo 17's archs and external ids): mark as lost, convert to
// opportunity (one lead, or a selection), merge. The list actions are bound to crm.lead, so that
// they show in the Action menu of the leads' list (Odoo's binding_model_id).

import { ref, type DataRecord } from '../../../core/index.ts';

const view = (id: string, model: string, arch: string): DataRecord =>
  ({ id, model: 'ir.ui.view', values: { name: `${model}.form`, model, type: 'form', arch } });

const dialog = (id: string, name: string, model: string, viewId: string, extra: Record<string, unknown> = {}): DataRecord =>
  ({ id, model: 'ir.actions.act_window', values: { name, res_model: model, view_mode: 'form', view_id: ref(viewId), target: 'new', ...extra } });

/** Bound to the leads' list: shown in its Action menu, for the records selected. */
const inLeadList = { binding_model_id: ref('model_crm_lead'), binding_view_types: 'list' };

const records: DataRecord[] = [
  view('crm_lead_lost_view_form', 'crm.lead.lost', `<form string="Lost Reason">
    <field name="lead_ids" invisible="1"/>
    <group>
      <field name="lost_reason_id" options="{'no_create_edit': True}"/>
    </group>
    <field name="lost_feedback" placeholder="What went wrong?" nolabel="1"/>
    <footer>
      <button name="action_lost_reason_apply" string="Mark as Lost" type="object" class="btn-primary" data-hotkey="q"/>
      <button string="Cancel" class="btn-secondary" special="cancel" data-hotkey="x"/>
    </footer>
  </form>`),
  dialog('crm_lead_lost_action', 'Mark Lost', 'crm.lead.lost', 'crm_lead_lost_view_form', { ...inLeadList, context: "{'dialog_size': 'medium'}" }),

  view('view_crm_lead2opportunity_partner', 'crm.lead2opportunity.partner', `<form string="Convert to Opportunity">
    <field name="lead_id" invisible="1"/>
    <group name="name">
      <field name="name" widget="radio"/>
    </group>
    <group string="Assign this opportunity to">
      <field name="user_id" domain="[('share', '=', False)]"/>
      <field name="team_id" options="{'no_open': True, 'no_create': True}"/>
      <field name="force_assignment" invisible="name != 'merge'"/>
    </group>
    <group string="Opportunities" invisible="name != 'merge'">
      <field name="duplicated_lead_ids" nolabel="1" colspan="2" context="{'active_test': False}">
        <tree>
          <field name="create_date" widget="date"/>
          <field name="name"/>
          <field name="type"/>
          <field name="contact_name"/>
          <field name="email_from"/>
          <field name="user_id"/>
          <field name="team_id"/>
        </tree>
      </field>
    </group>
    <group name="action" string="Customer" invisible="name != 'convert'">
      <field name="action" widget="radio" nolabel="1" colspan="2"/>
      <field name="partner_id" invisible="action != 'exist'" required="action == 'exist'"/>
    </group>
    <footer>
      <button name="action_apply" string="Create Opportunity" type="object" class="btn-primary" data-hotkey="q"/>
      <button string="Cancel" class="btn-secondary" special="cancel" data-hotkey="x"/>
    </footer>
  </form>`),
  dialog('action_crm_lead2opportunity_partner', 'Convert to opportunity', 'crm.lead2opportunity.partner', 'view_crm_lead2opportunity_partner'),

  view('view_crm_lead2opportunity_partner_mass', 'crm.lead2opportunity.partner.mass', `<form string="Convert to Opportunities">
    <group name="name">
      <field name="name" widget="radio"/>
    </group>
    <group string="Assign these opportunities to">
      <field name="team_id" options="{'no_open': True, 'no_create': True}"/>
      <field name="user_ids" widget="many2many_tags" domain="[('share', '=', False)]"/>
      <field name="force_assignment"/>
    </group>
    <group string="Customers" invisible="name != 'convert'">
      <field name="action" widget="radio" nolabel="1" colspan="2"/>
      <field name="partner_id" invisible="action != 'exist'" required="action == 'exist'"/>
      <field name="deduplicate"/>
    </group>
    <group string="Leads with existing duplicates (for information)" invisible="not deduplicate">
      <field name="duplicated_lead_ids" nolabel="1" colspan="2" readonly="1">
        <tree>
          <field name="create_date" widget="date"/>
          <field name="name"/>
          <field name="contact_name"/>
          <field name="email_from"/>
          <field name="user_id"/>
          <field name="team_id"/>
        </tree>
      </field>
    </group>
    <group string="Selected leads">
      <field name="lead_tomerge_ids" nolabel="1" colspan="2">
        <tree>
          <field name="name"/>
          <field name="contact_name"/>
          <field name="email_from"/>
          <field name="user_id"/>
          <field name="team_id"/>
        </tree>
      </field>
    </group>
    <footer>
      <button name="action_mass_convert" string="Convert to Opportunities" type="object" class="btn-primary" data-hotkey="q"/>
      <button string="Cancel" class="btn-secondary" special="cancel" data-hotkey="x"/>
    </footer>
  </form>`),
  dialog('action_crm_send_mass_convert', 'Convert to opportunities', 'crm.lead2opportunity.partner.mass', 'view_crm_lead2opportunity_partner_mass',
    { ...inLeadList, groups_id: [ref('group_use_lead')] }),

  view('merge_opportunity_form', 'crm.merge.opportunity', `<form string="Merge Leads/Opportunities">
    <group string="Assign opportunities to">
      <field name="user_id" domain="[('share', '=', False)]"/>
      <field name="team_id" options="{'no_open': True, 'no_create': True}"/>
    </group>
    <group string="Select Leads/Opportunities">
      <field name="opportunity_ids" nolabel="1" colspan="2" context="{'active_test': False}">
        <tree>
          <field name="create_date" widget="date"/>
          <field name="name"/>
          <field name="type"/>
          <field name="contact_name"/>
          <field name="email_from"/>
          <field name="stage_id"/>
          <field name="user_id"/>
          <field name="team_id"/>
        </tree>
      </field>
    </group>
    <footer>
      <button name="action_merge" string="Merge" type="object" class="btn-primary" data-hotkey="q"/>
      <button string="Cancel" class="btn-secondary" special="cancel" data-hotkey="x"/>
    </footer>
  </form>`),
  dialog('action_merge_opportunities', 'Merge', 'crm.merge.opportunity', 'merge_opportunity_form', inLeadList),
];

export default records;
