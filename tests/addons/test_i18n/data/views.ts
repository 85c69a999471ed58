import { ref, type DataRecord } from '../../../../core/index.ts';

const records: DataRecord[] = [
  { id: 'ticket_view_form', model: 'ir.ui.view', values: {
    name: 'test.i18n.ticket.form', model: 'test.i18n.ticket',
    arch: `<form>
      <header><button name="action_solve" type="object" string="Solve" confirm="Solve this ticket?"/></header>
      <sheet>
        <div class="oe_title"><h1><field name="name" placeholder="e.g. The printer is jammed"/></h1></div>
        <group string="Details">
          <field name="stage_id"/>
          <field name="priority"/>
          <div><span>Spent</span> <field name="hours"/> <span>hours</span></div>
        </group>
        <notebook>
          <page name="description" string="Internal Notes"><separator string="What the customer said"/><field name="description"/></page>
        </notebook>
      </sheet>
    </form>`,
  } },
  { id: 'ticket_view_tree', model: 'ir.ui.view', values: {
    name: 'test.i18n.ticket.list', model: 'test.i18n.ticket',
    arch: '<tree><field name="name"/><field name="stage_id"/><field name="priority"/><field name="hours" sum="Total Hours"/></tree>',
  } },
  { id: 'ticket_view_search', model: 'ir.ui.view', values: {
    name: 'test.i18n.ticket.search', model: 'test.i18n.ticket',
    arch: `<search><field name="name"/><filter name="urgent" string="Urgent Tickets" help="Tickets to answer first" domain="[('priority', '=', '1')]"/></search>`,
  } },
  // An extension, as another addon would write it: its terms are translated once combined.
  { id: 'ticket_view_form_ext', model: 'ir.ui.view', values: {
    name: 'test.i18n.ticket.form.ext', inherit_id: ref('ticket_view_form'),
    arch: '<field name="priority" position="attributes"><attribute name="string">Importance</attribute><attribute name="invisible">0</attribute></field>',
  } },
  { id: 'action_tickets', model: 'ir.actions.act_window', values: {
    name: 'Tickets', res_model: 'test.i18n.ticket', view_mode: 'list,form', search_view_id: ref('ticket_view_search'),
    help: '<p class="o_view_nocontent_smiling_face">Create your first ticket</p><p>Tickets are the requests of your customers.</p>',
  } },
  { id: 'action_stages', model: 'ir.actions.act_window', values: { name: 'Stages', res_model: 'test.i18n.stage', view_mode: 'list,form' } },
];

export default records;
