// library.book: a book of the library, who wrote it, its tags, and who borrowed it.

import { defineModel, errors, fields, now, type Model, type RecordValues, type Values } from '../../../../core/index.ts';

/** A many2one reads as `[id, display name]` or `false`. */
const m2oId = (value: unknown): number | false => (Array.isArray(value) ? (value[0] as number) : false);

/** ISBNs are stored without dashes or spaces. */
const cleanIsbn = (vals: Values): Values => (typeof vals.isbn === 'string' ? { ...vals, isbn: vals.isbn.replace(/[-\s]/g, '') } : vals);

/** The methods this addon adds, for callers: `env.model<LibraryBook>('library.book').action_lend(...)`. */
export interface LibraryBook extends Model {
  action_lend(ids: number[], partnerId: number): Promise<true>;
  action_return(ids: number[]): Promise<true>;
  _cron_mark_overdue(): Promise<number>;
}

/** base's ir.config_parameter methods, typed for this addon's use. */
export interface ConfigParameters extends Model {
  get_param(key: string, fallback?: unknown): Promise<unknown>;
  set_param(key: string, value: unknown): Promise<unknown>;
}

export const STATES: Array<[string, string]> = [
  ['available', 'Available'],
  ['borrowed', 'Borrowed'],
  ['overdue', 'Overdue'],
  ['lost', 'Lost'],
];

export const Book = defineModel({
  name: 'library.book',
  description: 'Book',
  order: 'name, id',
  fields: {
    name: fields.char({ string: 'Title', required: true, index: true }),
    isbn: fields.char({ string: 'ISBN', size: 13, help: '13 digits, without dashes', copy: false }),
    pages: fields.integer({ string: 'Number of Pages' }),
    price: fields.float({ string: 'Price', digits: [10, 2] }),
    date_published: fields.date({ string: 'Published On' }),
    summary: fields.text({ string: 'Summary' }),
    // tracking: each change posts a message in the book's chatter (the mail mixins, manifest).
    state: fields.selection(STATES, { string: 'Status', default: 'available', required: true, tracking: true }),
    active: fields.boolean({ default: true }),
    author_id: fields.many2one('res.partner', { string: 'Author', ondelete: 'set null', index: true }),
    tag_ids: fields.many2many('library.tag', { string: 'Tags' }),
    borrower_id: fields.many2one('res.partner', { string: 'Borrowed By' }),
    date_due: fields.date({ string: 'Due On', copy: false }),
    // Related: mirrors the author's country, computed on read (not stored).
    author_country_id: fields.many2one('res.country', { string: 'Author Country', related: 'author_id.country_id' }),
    // Computed and stored: recomputed when the title or the author's name changes.
    shelf_code: fields.char({ string: 'Shelf Code', compute: '_compute_shelf_code', depends: ['name', 'author_id.name'], store: true }),
  },
  // Run when the form's borrower changes: propose a due date three weeks ahead.
  onchange: {
    borrower_id: (values) => ({
      value: { date_due: values.borrower_id ? new Date(Date.now() + 21 * 86400000).toISOString().slice(0, 10) : false },
    }),
  },
  sqlConstraints: [
    { name: 'isbn_uniq', definition: 'unique(isbn)', message: 'Another book already has this ISBN.' },
    { name: 'pages_positive', definition: 'check(pages >= 0)', message: 'The number of pages cannot be negative.' },
  ],
  constraints: [{
    fields: ['state', 'borrower_id'],
    check(records: RecordValues[]) {
      for (const r of records) {
        if ((r.state === 'borrowed' || r.state === 'overdue') && !r.borrower_id) {
          throw errors.constraint('library.book', `The book "${r.id}" is borrowed, so it needs a borrower.`, ['borrower_id']);
        }
      }
    },
  }],
  methods: (Base) => class extends Base {
    /** `TOL-W` for "War and Peace" by Leo Tolstoy: the author's last name, then the title. */
    async _compute_shelf_code(records: RecordValues[]): Promise<Map<number, unknown>> {
      const authorIds = [...new Set(records.map((r) => m2oId(r.author_id)).filter((id): id is number => Boolean(id)))];
      const authors = authorIds.length ? await this.env.model('res.partner').read(authorIds, ['name']) : [];
      const names = new Map(authors.map((a) => [a.id, String(a.name || '')]));
      return new Map(records.map((r) => {
        const author = names.get(m2oId(r.author_id) || 0) ?? '';
        const last = author.trim().split(/\s+/).pop() ?? '';
        const prefix = (last || 'ANON').slice(0, 3).toUpperCase();
        return [r.id, `${prefix}-${String(r.name ?? '').trim().charAt(0).toUpperCase()}`];
      }));
    }

    // Overrides: clean the ISBN, then let the next class in the chain (here the core's Model) work.
    override async create(vals: Values | Values[]): Promise<any> {
      return Array.isArray(vals) ? super.create(vals.map(cleanIsbn)) : super.create(cleanIsbn(vals));
    }

    override async write(ids: number[] | number, vals: Values): Promise<true> {
      return super.write(ids, cleanIsbn(vals));
    }

    /** Lends the books to a partner for the number of days set in `doc_library.loan_days`. */
    async action_lend(ids: number[], partnerId: number): Promise<true> {
      const days = Number(await this.env.model<ConfigParameters>('ir.config_parameter').get_param('doc_library.loan_days', 14));
      const due = new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
      return this.write(ids, { state: 'borrowed', borrower_id: partnerId, date_due: due });
    }

    async action_return(ids: number[]): Promise<true> {
      return this.write(ids, { state: 'available', borrower_id: false, date_due: false });
    }

    /** Called once a day by the scheduled action `doc_library.ir_cron_overdue` (data/cron.ts):
     *  borrowed books past their due date become overdue. Returns how many. */
    async _cron_mark_overdue(): Promise<number> {
      const today = now(this.env.context).toISOString().slice(0, 10);
      const late = await this.search([['state', '=', 'borrowed'], ['date_due', '<', today]]);
      if (late.length) await this.write(late, { state: 'overdue' });
      return late.length;
    }
  },
});
