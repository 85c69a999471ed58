// What the library adds to base's res.partner: the books a partner wrote, how many, and a guard
// on deleting a partner who still has books out.

import { errors, extendModel, fields, type RecordValues } from '../../../../core/index.ts';

export const PartnerLibrary = extendModel('res.partner', {
  fields: {
    book_ids: fields.one2many('library.book', 'author_id', { string: 'Books Written' }),
    book_count: fields.integer({ string: 'Number of Books', compute: '_compute_book_count', depends: ['book_ids'], store: true }),
  },
  methods: (Base) => class extends Base {
    _compute_book_count(records: RecordValues[]): Map<number, unknown> {
      // `book_ids` was read for us because it is in `depends`: a list of ids per partner.
      return new Map(records.map((r) => [r.id, (r.book_ids as number[]).length]));
    }

    /** Refuses to delete partners who still have borrowed books, then lets base delete. */
    override async unlink(ids: number[] | number): Promise<true> {
      const list = Array.isArray(ids) ? ids : [ids];
      const out = await this.env.model('library.book').search_count([['borrower_id', 'in', list], ['state', 'in', ['borrowed', 'overdue']]]);
      if (out) throw errors.constraint('res.partner', `${out} borrowed book(s) must be returned before the borrower is deleted.`, ['borrower_id']);
      return super.unlink(ids);
    }
  },
});
