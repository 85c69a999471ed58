import { ref, type DataRecord } from '../../../../core/index.ts';

const records: DataRecord[] = [
  { id: 'test_lead_view_form_ext', model: 'ir.ui.view', values: {
    name: 'test.lead.form.ext', inherit_id: ref('test_views.test_lead_view_form'),
    arch: `<data>
      <field name="partner_id" position="after"><field name="partner_email"/></field>
      <notebook position="inside"><page name="extra" string="Extra"><field name="description"/></page></notebook>
      <header position="inside"><button name="action_lost" type="object" string="Lost"/></header>
      <xpath expr="//field[@name='name']" position="attributes">
        <attribute name="placeholder">e.g. Big deal</attribute>
        <attribute name="class" add="oe_inline" separator=" "/>
      </xpath>
    </data>`,
  } },
  // Lower priority number than the one above: applied first, so its field ends up further right.
  { id: 'test_lead_view_form_color', model: 'ir.ui.view', values: {
    name: 'test.lead.form.color', inherit_id: ref('test_views.test_lead_view_form'), priority: 8,
    arch: '<xpath expr="//field[@name=\'partner_id\']" position="after"><field name="color"/></xpath>',
  } },
  { id: 'test_lead_view_form_admin', model: 'ir.ui.view', values: {
    name: 'test.lead.form.admin', inherit_id: ref('test_views.test_lead_view_form'), groups_id: [ref('base.group_system')],
    arch: '<field name="name" position="before"><field name="probability"/></field>',
  } },
  { id: 'test_lead_view_tree_ext', model: 'ir.ui.view', values: {
    name: 'test.lead.list.ext', inherit_id: ref('test_views.test_lead_view_tree'),
    arch: '<field name="stage_id" position="replace"/>',
  } },
  { id: 'test_lead_view_form_simple', model: 'ir.ui.view', values: {
    name: 'test.lead.form.simple', inherit_id: ref('test_views.test_lead_view_form'), mode: 'primary', priority: 50,
    arch: '<xpath expr="//notebook" position="replace"/>',
  } },
  { id: 'menu_ext', model: 'ir.ui.menu', values: {
    name: 'Extra leads', parent_id: ref('test_views.menu_root'), sequence: 2, action_model: 'ir.actions.act_window', action_id: ref('test_views.action_test_leads'),
  } },
];

export default records;
