// Demo data: loaded only in databases created with demo data (`erp db create --demo`).
// `ref('tag_novel')` names a record of this addon; `ref('base.ru')` one of another addon.

import { ref, type DataRecord } from '../../../../core/index.ts';

const records: DataRecord[] = [
  { id: 'author_tolstoy', model: 'res.partner', values: { name: 'Leo Tolstoy', country_id: ref('base.ru') } },
  { id: 'author_darwin', model: 'res.partner', values: { name: 'Charles Darwin', country_id: ref('base.uk') } },
  {
    id: 'book_war_and_peace', model: 'library.book',
    values: { name: 'War and Peace', isbn: '978-0-19-923276-5', pages: 1392, price: 14.5, date_published: '1869-01-01', author_id: ref('author_tolstoy'), tag_ids: [ref('tag_classic'), ref('tag_novel')] },
  },
  {
    id: 'book_anna_karenina', model: 'library.book',
    values: { name: 'Anna Karenina', isbn: '9780143035008', pages: 864, price: 12, date_published: '1878-01-01', author_id: ref('author_tolstoy'), tag_ids: [ref('tag_novel')] },
  },
  {
    id: 'book_origin', model: 'library.book',
    values: {
      name: 'On the Origin of Species', isbn: '9780451529060', pages: 502, price: 9.95, date_published: '1859-11-24', author_id: ref('author_darwin'), tag_ids: [ref('tag_classic'), ref('tag_science')],
      state: 'borrowed', borrower_id: ref('base.partner_admin'), date_due: '2030-01-31',
    },
  },
];

export default records;
