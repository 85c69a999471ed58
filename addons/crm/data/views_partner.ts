// Customers (res.partner) in CRM. `base` ships no partner screens yet, so the contact views are
// here, shaped like Odoo 17's base.view_partner_form / _tree / _kanban / _search (a button box,
// an address group, a notebook); CRM's own additions (the Opportunities and Meetings smart
// buttons, the sales team) are an extension of that form, as Odoo's res_partner_views.xml.
// When base gets contact views, only the extension stays here.

import { ref, type DataRecord } from '../../../core/index.ts';

const view = (id: string, name: string, arch: string, extra: Record<string, unknown> = {}): DataRecord =>
  ({ id, model: 'ir.ui.view', values: { name, model: 'res.partner', arch, ...extra } });

const FORM = `<form string="Partners">
  <sheet>
    <div class="oe_button_box" name="button_box"/>
    <widget name="web_ribbon" title="Archived" bg_color="text-bg-danger" invisible="active"/>
    <field name="active" invisible="1"/>
    <div class="oe_title">
      <h1><field name="name" placeholder="e.g. Brandon Freeman" required="1"/></h1>
    </div>
    <group>
      <group name="identity">
        <field name="is_company"/>
        <field name="parent_id" string="Company" placeholder="Company Name..." domain="[('is_company', '=', True)]" invisible="is_company"/>
        <field name="function" placeholder="e.g. Sales Director" invisible="is_company"/>
        <field name="vat" placeholder="e.g. BE0477472701"/>
      </group>
      <group name="contact">
        <field name="phone" widget="phone"/>
        <field name="mobile" widget="phone"/>
        <field name="email" widget="email"/>
        <field name="website" widget="url" placeholder="e.g. https://www.example.com"/>
        <field name="category_id" widget="many2many_tags" options="{'color_field': 'color', 'no_create_edit': True}" placeholder="e.g. &quot;B2B&quot;, &quot;VIP&quot;, &quot;Consulting&quot;, ..."/>
      </group>
    </group>
    <notebook>
      <page string="Address" name="address">
        <group>
          <group>
            <field name="street" placeholder="Street..."/>
            <field name="street2" placeholder="Street 2..."/>
            <field name="city" placeholder="City"/>
          </group>
          <group>
            <field name="state_id" placeholder="State" options="{'no_open': True, 'no_quick_create': True}"/>
            <field name="zip" placeholder="ZIP"/>
            <field name="country_id" placeholder="Country" options="{'no_open': True, 'no_create': True}"/>
          </group>
        </group>
      </page>
      <page string="Contacts &amp; Addresses" name="contact_addresses" invisible="not is_company">
        <field name="child_ids">
          <tree editable="bottom">
            <field name="name"/>
            <field name="function"/>
            <field name="email"/>
            <field name="phone"/>
          </tree>
        </field>
      </page>
      <page string="Sales &amp; Purchase" name="sales_purchases">
        <group>
          <group string="Sales" name="sale">
            <field name="user_id" widget="many2one_avatar_user" domain="[('share', '=', False)]"/>
          </group>
          <group string="Misc" name="misc">
            <field name="ref" string="Reference"/>
            <field name="company_id" options="{'no_create': True}"/>
            <field name="lang"/>
          </group>
        </group>
      </page>
      <page string="Internal Notes" name="internal_notes">
        <field name="comment" placeholder="Internal notes..." nolabel="1"/>
      </page>
    </notebook>
  </sheet>
</form>`;

const LIST = `<tree string="Contacts" sample="1" multi_edit="1">
  <field name="complete_name" string="Name"/>
  <field name="function" optional="hide"/>
  <field name="phone" optional="show"/>
  <field name="email" optional="show"/>
  <field name="user_id" widget="many2one_avatar_user" optional="show"/>
  <field name="city" optional="show"/>
  <field name="state_id" optional="hide"/>
  <field name="country_id" optional="show"/>
  <field name="vat" optional="hide"/>
  <field name="category_id" widget="many2many_tags" optional="hide"/>
  <field name="company_id" optional="hide"/>
</tree>`;

const KANBAN = `<kanban class="o_res_partner_kanban" sample="1">
  <field name="is_company"/>
  <field name="color"/>
  <templates>
    <t t-name="kanban-box">
      <div class="oe_kanban_global_click o_kanban_record_has_image_fill o_res_partner_kanban">
        <div class="oe_kanban_details">
          <strong class="o_kanban_record_title oe_partner_heading"><field name="display_name"/></strong>
          <field name="function"/>
          <field name="email"/>
          <field name="city"/>
          <field name="category_id" widget="many2many_tags"/>
        </div>
      </div>
    </t>
  </templates>
</kanban>`;

const SEARCH = `<search string="Search Partner">
  <field name="name" filter_domain="['|', '|', ('complete_name', 'ilike', self), ('ref', 'ilike', self), ('email', 'ilike', self)]"/>
  <field name="parent_id" domain="[('is_company', '=', True)]" operator="child_of"/>
  <field name="email" filter_domain="[('email', 'ilike', self)]"/>
  <field name="phone" filter_domain="['|', ('phone', 'ilike', self), ('mobile', 'ilike', self)]"/>
  <field name="category_id" string="Tag" operator="child_of"/>
  <field name="user_id"/>
  <separator/>
  <filter string="Individuals" name="type_person" domain="[('is_company', '=', False)]"/>
  <filter string="Companies" name="type_company" domain="[('is_company', '=', True)]"/>
  <separator/>
  <filter string="Archived" name="inactive" domain="[('active', '=', False)]"/>
  <group expand="0" name="group_by" string="Group By">
    <filter name="salesperson" string="Salesperson" domain="[]" context="{'group_by': 'user_id'}"/>
    <filter name="group_company" string="Company" context="{'group_by': 'parent_id'}"/>
    <filter name="group_country" string="Country" context="{'group_by': 'country_id'}"/>
  </group>
</search>`;

// CRM's part of the contact form: its opportunities and meetings, and its sales team.
const FORM_CRM = `<data>
  <div name="button_box" position="inside">
    <button class="oe_stat_button" type="object" name="action_view_opportunity" icon="fa-star" groups="crm.group_sale_salesman">
      <field name="opportunity_count" widget="statinfo" string="Opportunities"/>
    </button>
    <button class="oe_stat_button" type="object" name="schedule_meeting" icon="fa-calendar" groups="crm.group_sale_salesman">
      <field name="meeting_count" widget="statinfo" string="Meetings"/>
    </button>
  </div>
  <field name="user_id" position="after">
    <field name="team_id" groups="crm.group_sale_salesman"/>
  </field>
</data>`;

const records: DataRecord[] = [
  view('view_partner_form', 'res.partner.form', FORM, { priority: 1 }),
  view('view_partner_tree', 'res.partner.tree', LIST, { priority: 1 }),
  view('res_partner_kanban_view', 'res.partner.kanban', KANBAN, { priority: 1 }),
  view('view_res_partner_filter', 'res.partner.select', SEARCH, { priority: 1 }),
  { id: 'view_partners_form_crm1', model: 'ir.ui.view', values: {
    name: 'res.partner.form.crm', inherit_id: ref('view_partner_form'), priority: 10, arch: FORM_CRM,
  } },

  { id: 'res_partner_action_customer', model: 'ir.actions.act_window', values: {
    name: 'Customers', res_model: 'res.partner', view_mode: 'kanban,tree,form',
    context: "{'res_partner_search_mode': 'customer', 'default_is_company': True}",
    search_view_id: ref('view_res_partner_filter'),
    help: '<p class="o_view_nocontent_smiling_face">Create a new customer in your address book</p><p>Keep track of everything related to a customer: opportunities, meetings, activities.</p>',
  } },
];

export default records;
