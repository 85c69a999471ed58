import { ref, type DataRecord } from '../../../../core/index.ts';

const FORM = `<form>
  <sheet>
    <div class="oe_button_box" name="button_box">
      <button class="oe_stat_button" type="object" name="action_view_opportunities" icon="fa-star" help="The customer's opportunities">
        <field name="opportunity_count" widget="statinfo" string="Opportunities"/>
      </button>
      <button class="oe_stat_button" type="object" name="action_view_won" icon="fa-trophy" invisible="won_count == 0">
        <field name="won_count" widget="statinfo" string="Won"/>
      </button>
      <button class="oe_stat_button" type="object" name="action_view_won" icon="fa-usd" invisible="won_count == 0">
        <div class="o_stat_info"><span class="o_stat_value"><field name="won_revenue"/></span><span class="o_stat_text">Won revenue</span></div>
      </button>
      <button class="oe_stat_button" type="action" name="%(test_views.action_test_stages)d" icon="fa-list" context="{'default_name': name}">
        <div class="o_stat_info"><span class="o_stat_text">Stages</span></div>
      </button>
      <button class="oe_stat_button" type="object" name="action_view_opportunities" icon="fa-calendar" string="Meetings"/>
    </div>
    <div class="oe_title"><h1><field name="name" placeholder="e.g. Brandon Freeman"/></h1></div>
    <group>
      <group><field name="email"/><field name="phone"/></group>
      <group><field name="website"/><field name="function"/></group>
    </group>
  </sheet>
</form>`;

const records: DataRecord[] = [
  { id: 'partner_view_form', model: 'ir.ui.view', values: { name: 'res.partner.form.buttons', model: 'res.partner', type: 'form', priority: 1, arch: FORM } },
  { id: 'partner_view_tree', model: 'ir.ui.view', values: { name: 'res.partner.list', model: 'res.partner', type: 'list', arch: '<tree><field name="name"/><field name="email"/></tree>' } },
  { id: 'action_contacts', model: 'ir.actions.act_window', values: { name: 'Contacts', res_model: 'res.partner', view_mode: 'tree,form' } },
  { id: 'menu_contacts', model: 'ir.ui.menu', values: { name: 'Contacts', sequence: 3, action_model: 'ir.actions.act_window', action_id: ref('action_contacts') } },
];

export default records;
