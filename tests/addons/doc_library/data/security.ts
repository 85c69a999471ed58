// Who may do what with the library's models. Internal users read the books and tags and lend
// and return books (a write); librarians (a group implying internal user) also create and delete
// them. Administrators (base.group_system) get the librarians' rights, since base's groups know
// nothing of this addon. A record rule hides lost books from readers; the librarians' rule, OR-ed
// with it as in Odoo, gives librarians and administrators every book.

import { ref, type DataRecord } from '../../../../core/index.ts';

const access = (id: string, model: string, group: string, perms: string) => ({
  id, model: 'ir.model.access',
  values: {
    name: id, model_id: ref(`model_${model.replace(/\./g, '_')}`), group_id: ref(group),
    perm_read: perms.includes('r'), perm_write: perms.includes('w'), perm_create: perms.includes('c'), perm_unlink: perms.includes('u'),
  },
});

const records: DataRecord[] = [
  { id: 'group_librarian', model: 'res.groups', values: { name: 'Librarian', category: 'Library', implied_ids: [[4, ref('base.group_user')]] } },

  access('access_book_user', 'library.book', 'base.group_user', 'rw'),
  access('access_book_librarian', 'library.book', 'group_librarian', 'rwcu'),
  access('access_book_system', 'library.book', 'base.group_system', 'rwcu'),
  access('access_tag_user', 'library.tag', 'base.group_user', 'r'),
  access('access_tag_librarian', 'library.tag', 'group_librarian', 'rwcu'),
  access('access_tag_system', 'library.tag', 'base.group_system', 'rwcu'),

  { id: 'rule_book_not_lost', model: 'ir.rule', values: {
    name: 'Readers do not see lost books', model_id: ref('model_library_book'), groups: [[4, ref('base.group_user')]],
    domain_force: "[('state', '!=', 'lost')]",
  } },
  { id: 'rule_book_all', model: 'ir.rule', values: {
    name: 'Librarians see every book', model_id: ref('model_library_book'), groups: [[4, ref('group_librarian')], [4, ref('base.group_system')]],
    domain_force: '[(1, "=", 1)]',
  } },
];

export default records;
