// The screens of the library: a list and a form of books, an extension of that form (how another
// addon would add to it), the window action that opens them, and the menus that lead there.

import { ref, type DataRecord } from '../../../../core/index.ts';

const records: DataRecord[] = [
  { id: 'book_view_tree', model: 'ir.ui.view', values: {
    name: 'library.book.list', model: 'library.book', type: 'list',
    arch: `<tree>
      <field name="name"/>
      <field name="author_id"/>
      <field name="state"/>
      <field name="date_due"/>
    </tree>`,
  } },
  { id: 'book_view_form', model: 'ir.ui.view', values: {
    name: 'library.book.form', model: 'library.book', type: 'form',
    arch: `<form>
      <header>
        <button name="action_return" type="object" string="Return" invisible="state == 'available'"/>
        <field name="state" widget="statusbar"/>
      </header>
      <sheet>
        <group>
          <field name="name"/>
          <field name="author_id"/>
          <field name="tag_ids" widget="many2many_tags"/>
        </group>
        <notebook>
          <page name="details" string="Details">
            <group><field name="isbn"/><field name="pages"/><field name="date_published"/></group>
          </page>
        </notebook>
      </sheet>
      <div class="oe_chatter">
        <field name="activity_ids"/>
        <field name="message_ids"/>
      </div>
    </form>`,
  } },
  // An extension: the loan page, added to the form above. Another addon would write the same
  // record with `inherit_id: ref('library.book_view_form')`.
  { id: 'book_view_form_loan', model: 'ir.ui.view', values: {
    name: 'library.book.form.loan', inherit_id: ref('book_view_form'),
    arch: `<data>
      <page name="details" position="after">
        <page name="loan" string="Loan"><group><field name="borrower_id"/><field name="date_due"/></group></page>
      </page>
      <field name="author_id" position="after"><field name="shelf_code"/></field>
    </data>`,
  } },
  { id: 'action_books', model: 'ir.actions.act_window', values: {
    name: 'Books', res_model: 'library.book', view_mode: 'tree,form',
    help: '<p>Add your first book</p>',
  } },
  { id: 'menu_root', model: 'ir.ui.menu', values: { name: 'Library', sequence: 30, web_icon: 'doc_library,static/description/icon.png' } },
  { id: 'menu_books', model: 'ir.ui.menu', values: {
    name: 'Books', parent_id: ref('menu_root'), sequence: 1, action_model: 'ir.actions.act_window', action_id: ref('action_books'),
  } },
];

export default records;
