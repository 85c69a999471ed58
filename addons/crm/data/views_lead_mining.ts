// The screens of lead generation (Odoo 17's crm_iap_mine views): the request as the dialog
// "Need help reaching your target?" that the "Generate Leads" button of the leads' list and
// kanban opens, the list and form of requests, the company directory (its Import Directory
// dialog), the industries, and the Configuration > Lead Generation menus. The button and the
// menus show only with the "Lead Generation" setting (crm.group_lead_mining); the button, as in
// Odoo, to sales administrators.

import { ref, type DataRecord } from '../../../core/index.ts';

const view = (id: string, model: string, name: string, arch: string, extra: Record<string, unknown> = {}): DataRecord =>
  ({ id, model: 'ir.ui.view', values: { name, model, arch, ...extra } });

/** What the request asks for, by part; the dialog stacks the parts, the request's form sets them
 *  side by side. A done request is read-only (the dialog's request is always a draft). */
const ro = `readonly="state == 'done'"`;
const TARGET = `
        <field name="lead_number" ${ro}/>
        <field name="search_type" ${ro}/>
        <field name="lead_type" groups="crm.group_use_lead" ${ro}/>`;
const LEAD_INFO = `
        <field name="team_id" options="{'no_create': True, 'no_open': True}" ${ro}/>
        <field name="user_id" options="{'no_create': True, 'no_open': True}" ${ro}/>
        <field name="tag_ids" string="Default Tags" widget="many2many_tags" options="{'color_field': 'color'}" ${ro}/>`;
const WHERE = `
        <field name="country_ids" widget="many2many_tags" options="{'no_create': True, 'no_open': True}" ${ro}/>
        <field name="state_ids" widget="many2many_tags" options="{'no_create': True, 'no_open': True}" invisible="not country_ids"
          domain="[('country_id', 'in', country_ids)]" placeholder="Pick States..." ${ro}/>
        <field name="industry_ids" widget="many2many_tags" options="{'color_field': 'color', 'no_create': True, 'no_open': True}" ${ro}/>`;
const SIZE = `
        <field name="filter_on_size" ${ro}/>
        <field name="company_size_min" string="From (employees)" invisible="not filter_on_size" required="filter_on_size" ${ro}/>
        <field name="company_size_max" string="To (employees)" invisible="not filter_on_size" required="filter_on_size" ${ro}/>`;
const CONTACT_NUMBER = `
        <field name="contact_number" required="search_type == 'people'" ${ro}/>
        <field name="contact_filter_type" ${ro}/>`;
const CONTACT_FILTER = `
        <field name="preferred_role_id" options="{'no_create': True, 'no_open': True}" invisible="contact_filter_type != 'role'" ${ro}/>
        <field name="role_ids" widget="many2many_tags" options="{'color_field': 'color', 'no_create': True}"
          invisible="contact_filter_type != 'role' or not preferred_role_id" ${ro}/>
        <field name="seniority_id" options="{'no_create': True, 'no_open': True}" invisible="contact_filter_type != 'seniority'"
          required="search_type == 'people' and contact_filter_type == 'seniority'" ${ro}/>`;

// One group, the parts under separators: the labels line up in one column.
const people = "search_type != 'people'";
const REQUEST_DIALOG = `<form string="Generate Leads">
  <field name="state" invisible="1"/>
  <p>Find companies, and their contacts, in the lead generation directory: each one becomes a lead.</p>
  <group name="requests">${TARGET}${LEAD_INFO}
    <separator string="Companies"/>${WHERE}${SIZE}
    <separator string="Contacts" invisible="${people}"/>
    <field name="contact_number" invisible="${people}" required="search_type == 'people'"/>
    <field name="contact_filter_type" invisible="${people}"/>
    <field name="preferred_role_id" options="{'no_create': True, 'no_open': True}" invisible="${people} or contact_filter_type != 'role'"/>
    <field name="role_ids" widget="many2many_tags" options="{'color_field': 'color', 'no_create': True}"
      invisible="${people} or contact_filter_type != 'role' or not preferred_role_id"/>
    <field name="seniority_id" options="{'no_create': True, 'no_open': True}" invisible="${people} or contact_filter_type != 'seniority'"
      required="search_type == 'people' and contact_filter_type == 'seniority'"/>
  </group>
  <footer>
    <button string="Generate Leads" name="action_submit" type="object" class="btn-primary" data-hotkey="q"/>
    <button string="Cancel" class="btn-secondary" special="cancel" data-hotkey="x"/>
  </footer>
</form>`;

const REQUEST_FORM = `<form string="Lead Mining Request">
  <header>
    <button name="action_submit" type="object" string="Submit" class="oe_highlight" invisible="state != 'draft'"/>
    <button name="action_submit" type="object" string="Retry" class="oe_highlight" invisible="state != 'error'"/>
    <field name="state" widget="statusbar" statusbar_visible="draft,done"/>
  </header>
  <sheet>
    <div class="oe_button_box" name="button_box">
      <button name="action_get_lead_action" class="oe_stat_button" type="object" icon="fa-star" invisible="lead_type != 'opportunity' or state != 'done'">
        <field name="lead_count" widget="statinfo" string="Opportunities"/>
      </button>
      <button name="action_get_lead_action" class="oe_stat_button" type="object" icon="fa-star" invisible="lead_type != 'lead' or state != 'done'">
        <field name="lead_count" widget="statinfo" string="Leads"/>
      </button>
    </div>
    <div class="oe_title"><h1><field name="name"/></h1></div>
    <group name="error" invisible="state != 'error'">
      <field name="error_message"/>
    </group>
    <group name="requests">
      <group name="target">${TARGET}
      </group>
      <group name="lead_info">${LEAD_INFO}
        <field name="provider" invisible="state == 'draft'"/>
      </group>
    </group>
    <group name="companies" string="Companies">
      <group name="where">${WHERE}
      </group>
      <group name="size">${SIZE}
      </group>
    </group>
    <group name="contacts" string="Contacts" invisible="search_type != 'people'">
      <group name="contact_number">${CONTACT_NUMBER}
      </group>
      <group name="contact_filter">${CONTACT_FILTER}
      </group>
    </group>
  </sheet>
</form>`;

const REQUEST_LIST = `<tree string="Lead Mining Requests" sample="1">
  <field name="name"/>
  <field name="lead_number" string="Number of Leads"/>
  <field name="search_type"/>
  <field name="lead_type" optional="hide"/>
  <field name="country_ids" widget="many2many_tags"/>
  <field name="industry_ids" widget="many2many_tags" optional="hide"/>
  <field name="team_id"/>
  <field name="user_id" widget="many2one_avatar_user"/>
  <field name="tag_ids" widget="many2many_tags" options="{'color_field': 'color'}" optional="hide"/>
  <field name="lead_count" string="Generated"/>
  <field name="state"/>
</tree>`;

const REQUEST_SEARCH = `<search string="Lead Mining Request">
  <field name="name"/>
  <field name="team_id"/>
  <field name="user_id"/>
  <field name="tag_ids"/>
  <filter name="state_is_draft" string="Draft" domain="[('state', '=', 'draft')]"/>
  <filter name="state_is_done" string="Done" domain="[('state', '=', 'done')]"/>
  <filter name="state_is_error" string="Error" domain="[('state', '=', 'error')]"/>
  <separator/>
  <filter name="type_is_lead" string="Leads" domain="[('lead_type', '=', 'lead')]"/>
  <filter name="type_is_opportunity" string="Opportunities" domain="[('lead_type', '=', 'opportunity')]"/>
  <group expand="0" string="Group By">
    <filter string="Type" name="groupby_lead_type" context="{'group_by': 'lead_type'}"/>
    <filter string="Sales Team" name="groupby_team_id" context="{'group_by': 'team_id'}"/>
    <filter string="Salesperson" name="groupby_user_id" context="{'group_by': 'user_id'}"/>
  </group>
</search>`;

const COMPANY_LIST = `<tree string="Directory" sample="1">
  <header>
    <button name="%(crm.crm_lead_directory_import_action)d" type="action" string="Import Directory" display="always"/>
  </header>
  <field name="name"/>
  <field name="website" optional="show"/>
  <field name="city" optional="hide"/>
  <field name="state_id" optional="hide"/>
  <field name="country_id" optional="show"/>
  <field name="industry_id" optional="show"/>
  <field name="size" optional="show"/>
  <field name="size_range" optional="hide"/>
  <field name="contact_count" string="Contacts" optional="show"/>
  <field name="used" optional="show"/>
</tree>`;

const COMPANY_FORM = `<form string="Directory Company">
  <sheet>
    <widget name="web_ribbon" title="Used" bg_color="text-bg-info" invisible="not used"/>
    <field name="active" invisible="1"/>
    <div class="oe_title"><h1><field name="name" placeholder="e.g. Pars Software"/></h1></div>
    <group>
      <group name="company">
        <field name="website" widget="url" placeholder="e.g. https://www.example.com"/>
        <field name="email" widget="email"/>
        <field name="phone" widget="phone"/>
        <field name="industry_id" options="{'no_create': True}"/>
        <field name="size"/>
        <field name="size_range"/>
      </group>
      <group name="address">
        <field name="street" placeholder="Street..."/>
        <field name="city" placeholder="City"/>
        <field name="zip" placeholder="ZIP"/>
        <field name="country_id" options="{'no_create': True, 'no_open': True}"/>
        <field name="state_id" options="{'no_create': True, 'no_open': True}" domain="[('country_id', '=', country_id)]"/>
        <field name="used"/>
      </group>
    </group>
    <notebook>
      <page string="Contacts" name="contacts">
        <field name="contact_ids">
          <tree editable="bottom">
            <field name="name"/>
            <field name="email"/>
            <field name="phone"/>
            <field name="role"/>
            <field name="seniority"/>
          </tree>
        </field>
      </page>
      <page string="Description" name="description">
        <field name="description" nolabel="1" placeholder="What the company does, for the salesperson who calls them."/>
      </page>
      <page string="Generated Leads" name="leads" invisible="not lead_ids">
        <field name="lead_ids" readonly="1">
          <tree>
            <field name="name"/>
            <field name="type"/>
            <field name="user_id"/>
            <field name="stage_id"/>
          </tree>
        </field>
      </page>
    </notebook>
  </sheet>
</form>`;

const COMPANY_SEARCH = `<search string="Directory">
  <field name="name"/>
  <field name="country_id"/>
  <field name="industry_id"/>
  <field name="contact_ids" string="Contact" filter_domain="['|', ('contact_ids.name', 'ilike', self), ('contact_ids.email', 'ilike', self)]"/>
  <filter name="available" string="Available" domain="[('used', '=', False)]"/>
  <filter name="used" string="Used" domain="[('used', '=', True)]"/>
  <separator/>
  <filter name="inactive" string="Archived" domain="[('active', '=', False)]"/>
  <group expand="0" string="Group By">
    <filter string="Country" name="groupby_country" context="{'group_by': 'country_id'}"/>
    <filter string="Industry" name="groupby_industry" context="{'group_by': 'industry_id'}"/>
    <filter string="Company Size" name="groupby_size_range" context="{'group_by': 'size_range'}"/>
  </group>
</search>`;

const IMPORT_FORM = `<form string="Import Directory">
  <p>One row per contact, the company repeated on each of its rows. The columns: company, website, country (name or code),
    state, industry, size (employees), email, phone, contact name, contact email, contact phone, role, seniority.
    Nothing is loaded when a row has an error.</p>
  <group>
    <field name="file" filename="file_name"/>
    <field name="file_name" invisible="1"/>
  </group>
  <footer>
    <button string="Load" name="action_load" type="object" class="btn-primary" data-hotkey="q"/>
    <button string="Cancel" class="btn-secondary" special="cancel" data-hotkey="x"/>
  </footer>
</form>`;

const INDUSTRY_LIST = `<tree string="Industries" editable="bottom">
  <field name="sequence" widget="handle"/>
  <field name="name"/>
  <field name="color" optional="hide"/>
</tree>`;

/** "Generate Leads" in the header of a crm.lead list or kanban, for sales administrators: an
 *  extension applied only with the Lead Generation setting. */
const generateButton = (id: string, parent: string, root: 'tree' | 'kanban'): DataRecord => view(id, 'crm.lead', `crm.lead.${root}.lead.mining`, `<xpath expr="/${root}" position="inside">
  <header>
    <button name="action_generate_leads" type="object" string="Generate Leads" display="always" groups="crm.group_sale_manager" class="o_button_generate_leads"/>
  </header>
</xpath>`, { inherit_id: ref(parent), groups_id: [ref('group_lead_mining')] });

const menu = (id: string, name: string, sequence: number, parent: string, action?: string): DataRecord => ({
  id, model: 'ir.ui.menu',
  values: { name, sequence, parent_id: ref(parent), ...(action ? { action_model: 'ir.actions.act_window', action_id: ref(action) } : { groups_id: [ref('group_lead_mining')] }) },
});

const records: DataRecord[] = [
  view('crm_iap_lead_mining_request_view_form', 'crm.iap.lead.mining.request', 'crm.iap.lead.mining.request.view.form', REQUEST_FORM),
  view('crm_iap_lead_mining_request_view_form_dialog', 'crm.iap.lead.mining.request', 'crm.iap.lead.mining.request.view.form.dialog', REQUEST_DIALOG, { priority: 20 }),
  view('crm_iap_lead_mining_request_view_tree', 'crm.iap.lead.mining.request', 'crm.iap.lead.mining.request.view.tree', REQUEST_LIST),
  view('crm_iap_lead_mining_request_view_search', 'crm.iap.lead.mining.request', 'crm.iap.lead.mining.request.view.search', REQUEST_SEARCH),
  view('crm_lead_directory_company_view_tree', 'crm.lead.directory.company', 'crm.lead.directory.company.tree', COMPANY_LIST),
  view('crm_lead_directory_company_view_form', 'crm.lead.directory.company', 'crm.lead.directory.company.form', COMPANY_FORM),
  view('crm_lead_directory_company_view_search', 'crm.lead.directory.company', 'crm.lead.directory.company.search', COMPANY_SEARCH),
  view('crm_lead_directory_import_view_form', 'crm.lead.directory.import', 'crm.lead.directory.import.form', IMPORT_FORM),
  view('crm_lead_directory_industry_view_tree', 'crm.lead.directory.industry', 'crm.lead.directory.industry.tree', INDUSTRY_LIST),

  generateButton('crm_lead_view_tree_lead_mining_leads', 'crm_case_tree_view_leads', 'tree'),
  generateButton('crm_lead_view_tree_lead_mining_opportunities', 'crm_case_tree_view_oppor', 'tree'),
  generateButton('crm_lead_view_kanban_lead_mining', 'crm_case_kanban_view_leads', 'kanban'),

  { id: 'crm_iap_lead_mining_request_action', model: 'ir.actions.act_window', values: {
    name: 'Lead Mining Requests', res_model: 'crm.iap.lead.mining.request', view_mode: 'tree,form',
    search_view_id: ref('crm_iap_lead_mining_request_view_search'),
    help: '<p class="o_view_nocontent_smiling_face">Create a Lead Mining Request</p><p>Generate new leads based on their country, industry, size, etc.</p>',
  } },
  { id: 'crm_lead_directory_company_action', model: 'ir.actions.act_window', values: {
    name: 'Directory', res_model: 'crm.lead.directory.company', view_mode: 'tree,form',
    search_view_id: ref('crm_lead_directory_company_view_search'),
    help: '<p class="o_view_nocontent_smiling_face">Import your first companies</p><p>Lead generation draws its leads from this directory. Import a spreadsheet of companies and their contacts with "Import Directory".</p>',
  } },
  { id: 'crm_lead_directory_import_action', model: 'ir.actions.act_window', values: {
    name: 'Import Directory', res_model: 'crm.lead.directory.import', view_mode: 'form', target: 'new',
  } },
  { id: 'crm_lead_directory_industry_action', model: 'ir.actions.act_window', values: {
    name: 'Industries', res_model: 'crm.lead.directory.industry', view_mode: 'tree',
    help: '<p class="o_view_nocontent_smiling_face">Create an Industry</p><p>Industries classify the companies of the directory, and requests ask for them.</p>',
  } },

  menu('crm_menu_lead_generation', 'Lead Generation', 15, 'crm_menu_config'),
  menu('crm_iap_lead_mining_request_menu_action', 'Requests', 1, 'crm_menu_lead_generation', 'crm_iap_lead_mining_request_action'),
  menu('crm_lead_directory_company_menu', 'Directory', 2, 'crm_menu_lead_generation', 'crm_lead_directory_company_action'),
  menu('crm_lead_directory_industry_menu', 'Industries', 3, 'crm_menu_lead_generation', 'crm_lead_directory_industry_action'),
];

export default records;
