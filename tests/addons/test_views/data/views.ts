import { ref, type DataRecord } from '../../../../core/index.ts';

const records: DataRecord[] = [
  { id: 'test_lead_view_form', model: 'ir.ui.view', values: {
    name: 'test.lead.form', model: 'test.lead', type: 'form',
    arch: `<form>
      <header><button name="action_win" type="object" string="Win"/></header>
      <sheet>
        <group>
          <field name="name"/>
          <field name="partner_id"/>
          <field name="user_id" groups="base.group_system"/>
        </group>
        <notebook>
          <page name="notes" string="Notes"><field name="notes"/></page>
          <page name="lines" string="Lines"><field name="line_ids"><tree><field name="name"/><field name="amount"/></tree></field></page>
        </notebook>
      </sheet>
    </form>`,
  } },
  // Same type, higher priority number: never the default form.
  { id: 'test_lead_view_form_alt', model: 'ir.ui.view', values: {
    name: 'test.lead.form.alt', model: 'test.lead', type: 'form', priority: 32, arch: '<form><field name="name"/></form>',
  } },
  { id: 'test_lead_view_tree', model: 'ir.ui.view', values: {
    name: 'test.lead.list', model: 'test.lead', type: 'list', arch: '<tree><field name="name"/><field name="partner_id"/><field name="stage_id"/></tree>',
  } },
  { id: 'test_lead_view_kanban', model: 'ir.ui.view', values: {
    name: 'test.lead.kanban', model: 'test.lead',
    arch: '<kanban><field name="stage_id"/><templates><t t-name="kanban-box"><div><field name="name"/></div></t></templates></kanban>',
  } },
  { id: 'test_lead_view_search', model: 'ir.ui.view', values: {
    name: 'test.lead.search', model: 'test.lead', type: 'search',
    arch: `<search><field name="name"/><field name="partner_id"/><filter name="won" string="Won" domain="[('won', '=', True)]"/></search>`,
  } },
  // An extension in the same module as its parent, with a high priority number: applied before
  // test_views_ext's extensions all the same, since modules come first.
  { id: 'test_lead_view_form_stage', model: 'ir.ui.view', values: {
    name: 'test.lead.form.stage', inherit_id: ref('test_lead_view_form'), priority: 99,
    arch: '<field name="partner_id" position="after"><field name="stage_id"/></field>',
  } },
];

export default records;
