// The examples of docs/writing-an-addon.md, run against the addon the tutorial builds
// (tests/addons/doc_library, called `library` in the text). When this file fails, the tutorial is
// wrong: fix the page and this file together.

import t from 'tap';
import { testDb } from './helpers/db.ts';
import type { Env } from '../core/models/env.ts';
import type { Model } from '../core/models/model.ts';
import type { ResConfigSettings } from '../core/addons/base/models/settings.ts';
import type { IrCron } from '../core/addons/base/models/scheduling.ts';
import type { MailActivityRecords, MailThread } from '../core/addons/mail/mixins.ts';
import type { ConfigParameters, LibraryBook } from './addons/doc_library/models/book.ts';
import { RpcClient, type RpcError, serve } from './helpers/http.ts';

const db = await testDb(t, { modules: ['doc_library'], demo: true });

const tableExists = async (env: Env, table: string) =>
  (await env.cr.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [table]))[0].t !== null;

const columnExists = async (env: Env, table: string, column: string) =>
  (await env.cr.query('SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = $2', [table, column])).length > 0;

t.test('install: schema, data, demo data, postInstall hook', async (t) => {
  await db.rollback(async (env) => {
    const [module] = await env.model('ir.module.module').search_read([['name', '=', 'doc_library']], ['state', 'latest_version']);
    t.match(module, { state: 'installed', latest_version: '1.1.0' });
    t.ok(await tableExists(env, 'library_book'), 'table of library.book');
    t.ok(await tableExists(env, 'library_tag'), 'table of library.tag');
    t.ok(await tableExists(env, 'library_book_library_tag_rel'), 'many2many relation table, named like Odoo');
    t.ok(await columnExists(env, 'res_partner', 'book_count'), 'stored field added to res.partner');
    t.notOk(await columnExists(env, 'res_partner', 'book_ids'), 'a one2many has no column');

    // Data file: records with external ids, recorded in the ledger.
    const classic = await env.ref('doc_library.tag_classic');
    t.equal(classic?.model, 'library.tag');
    const tags = await env.model('library.tag').search_read([], ['name']);
    t.same(tags.map((r) => r.name), ['Classic', 'Novel', 'Science']);
    const [entry] = await env.model('ir.model.data').search_read([['module', '=', 'doc_library'], ['name', '=', 'tag_classic']], ['model', 'res_id', 'noupdate']);
    t.match(entry, { model: 'library.tag', res_id: classic!.id, noupdate: true });

    // Demo data, with ref() to this addon's records and to base's.
    const warAndPeace = await env.refId('doc_library.book_war_and_peace');
    const [book] = await env.model('library.book').read(warAndPeace, ['name', 'isbn', 'author_id', 'tag_ids', 'shelf_code', 'author_country_id', 'state']);
    const tolstoy = await env.refId('doc_library.author_tolstoy');
    t.same(book.author_id, [tolstoy, 'Leo Tolstoy']);
    t.equal(book.isbn, '9780199232765', 'the create override cleaned the ISBN');
    t.same([...(book.tag_ids as number[])].sort(), [classic!.id, await env.refId('doc_library.tag_novel')].sort());
    t.equal(book.shelf_code, 'TOL-W', 'stored computed field');
    t.same(book.author_country_id, [await env.refId('base.ru'), 'Russian Federation'], 'related field');
    t.equal(book.state, 'available', 'selection default');

    // postInstall hook.
    const params = env.model('ir.config_parameter');
    t.same(await params.search_read([['key', '=', 'doc_library.loan_days']], ['value']).then((r) => r.map((p) => p.value)), ['14']);
  });
});

t.test('the records API examples of the tutorial', async (t) => {
  await db.rollback(async (env) => {
    const books = env.model<LibraryBook>('library.book');
    const partners = env.model('res.partner');

    // create: one record (returns its id) or several (returns their ids, in order).
    const austen = await partners.create({ name: 'Jane Austen' });
    const novel = await env.refId('doc_library.tag_novel');
    const prideId = await books.create({ name: 'Pride and Prejudice', isbn: '978-0-14-143951-8', pages: 432, author_id: austen, tag_ids: [novel] });
    const [emmaId, persuasionId] = await books.create([
      { name: 'Emma', pages: 474, author_id: austen, tag_ids: [[6, 0, [novel]]] },
      { name: 'Persuasion', pages: 249, author_id: austen, date_published: '1817-12-20' },
    ]);
    t.ok(prideId < emmaId && emmaId < persuasionId);

    // read: many2one as [id, name], x2many as ids, computed fields computed.
    const [pride] = await books.read(prideId, ['name', 'isbn', 'author_id', 'tag_ids', 'shelf_code', 'state']);
    t.same(pride, { id: prideId, name: 'Pride and Prejudice', isbn: '9780141439518', author_id: [austen, 'Jane Austen'], tag_ids: [novel], shelf_code: 'AUS-P', state: 'available' });

    // The partner side: one2many back to the books, stored count kept up to date.
    let [jane] = await partners.read(austen, ['book_ids', 'book_count']);
    t.same(jane.book_ids, [emmaId, persuasionId, prideId], "one2many, in the comodel's order (name)");
    t.equal(jane.book_count, 3);
    await books.unlink(persuasionId);
    [jane] = await partners.read(austen, ['book_count']);
    t.equal(jane.book_count, 2, 'recomputed when a book is deleted');

    // A dotted dependency: renaming the author recomputes the shelf code.
    await partners.write(austen, { name: 'Jane Knight' });
    t.same((await books.read([prideId, emmaId], ['shelf_code'])).map((r) => r.shelf_code), ['KNI-P', 'KNI-E']);
    await partners.write(austen, { name: 'Jane Austen' });

    // search with domains.
    const tolstoy = await env.refId('doc_library.author_tolstoy');
    t.same(await books.search([['author_id', '=', tolstoy]]), [await env.refId('doc_library.book_anna_karenina'), await env.refId('doc_library.book_war_and_peace')]);
    t.same(await books.search([['pages', '>', 1000]]), [await env.refId('doc_library.book_war_and_peace')]);
    t.same(await books.search([['author_id.name', 'ilike', 'austen']], { order: 'pages desc' }), [emmaId, prideId], 'a dotted path through a many2one');
    t.same(await books.search([['tag_ids.name', '=', 'Science']]), [await env.refId('doc_library.book_origin')], 'a path through a many2many');
    t.same(await books.search(['|', ['name', 'ilike', 'emma'], ['isbn', '=', '9780143035008']]),
      [await env.refId('doc_library.book_anna_karenina'), emmaId]);
    t.same(await books.search([['author_id', 'in', [austen]], '!', ['name', '=like', 'P%']]), [emmaId]);
    t.equal(await books.search_count([['state', '=', 'borrowed']]), 1);
    t.same(await books.search([], { order: 'pages desc', limit: 2 }).then((ids) => ids.length), 2);

    // search_read: search and read in one call.
    const rows = await books.search_read([['author_id', '=', austen]], ['name', 'pages'], { order: 'pages' });
    t.same(rows, [{ id: prideId, name: 'Pride and Prejudice', pages: 432 }, { id: emmaId, name: 'Emma', pages: 474 }]);

    // write: the same values to several records at once.
    await books.write([prideId, emmaId], { price: 7.5, tag_ids: [[4, await env.refId('doc_library.tag_classic')]] });
    t.same((await books.read([prideId, emmaId], ['price'])).map((r) => r.price), [7.5, 7.5]);
    t.equal(await books.search_count([['tag_ids.name', '=', 'Classic'], ['author_id', '=', austen]]), 2);

    // The addon's own methods.
    await books.action_lend([prideId], austen);
    const [lent] = await books.read(prideId, ['state', 'borrower_id', 'date_due']);
    t.equal(lent.state, 'borrowed');
    t.same(lent.borrower_id, [austen, 'Jane Austen']);
    const expected = new Date(Date.now() + 14 * 86400000).toISOString().slice(0, 10);
    t.equal(lent.date_due, expected, 'due in doc_library.loan_days (14) days');

    await books.action_return([prideId]);
    t.match((await books.read(prideId, ['state', 'borrower_id', 'date_due']))[0], { state: 'available', borrower_id: false, date_due: false });

    // onchange: what the form shows when the borrower is picked; nothing is saved.
    const reply = await books.onchange({ name: 'Dune', borrower_id: austen }, ['borrower_id']);
    t.equal(reply.value.date_due, new Date(Date.now() + 21 * 86400000).toISOString().slice(0, 10), 'onchange proposes a due date');
    t.equal(await books.search_count([['name', '=', 'Dune']]), 0, 'onchange saves nothing');

    // archive: hidden from searches, unless active_test is false.
    await books.action_archive(emmaId);
    t.same(await books.search([['author_id', '=', austen]]), [prideId]);
    t.same(await books.with_context({ active_test: false }).search([['author_id', '=', austen]]), [emmaId, prideId]);
  });
});

t.test('read_group', async (t) => {
  await db.rollback(async (env) => {
    const books = env.model('library.book');
    const [darwin, tolstoy] = [await env.refId('doc_library.author_darwin'), await env.refId('doc_library.author_tolstoy')];

    // One group per state (the first group-by only: lazy), with the count and the sum of pages.
    const byState = await books.read_group([['pages', '>', 0]], ['pages:sum'], ['state']);
    t.same(byState.map(({ __domain, ...g }) => g), [
      { state: 'available', state_count: 2, pages: 2256 },
      { state: 'borrowed', state_count: 1, pages: 502 },
    ]);
    t.same(byState[1].__domain, ['&', ['pages', '>', 0], ['state', '=', 'borrowed']], '__domain selects the records of the group');

    // A many2one groups as [id, display name], in the comodel's order.
    const byAuthor = await books.read_group([], ['pages:sum', 'price:avg'], ['author_id'], { orderby: 'pages:sum desc' });
    t.same(byAuthor.map((g) => [g.author_id, g.author_id_count, g.pages]), [
      [[tolstoy, 'Leo Tolstoy'], 2, 2256],
      [[darwin, 'Charles Darwin'], 1, 502],
    ]);
    t.equal(byAuthor[0].price, 13.25, 'price:avg');

    // A many2many: a book is in the group of each of its tags.
    const byTag = await books.read_group([], [], ['tag_ids']);
    t.same(byTag.map((g) => [(g.tag_ids as [number, string])[1], g.tag_ids_count]), [['Classic', 2], ['Novel', 2], ['Science', 1]]);

    // Dates group by a granularity (day, week, month, quarter, year).
    const byYear = await books.read_group([], [], ['date_published:year']);
    t.same(byYear.map((g) => [g['date_published:year'], g.date_published_count]), [['1859', 1], ['1869', 1], ['1878', 1]]);

    // lazy: false groups by every group-by at once, and counts in __count.
    const byAuthorAndState = await books.read_group([], [], ['author_id', 'state'], { lazy: false });
    t.same(byAuthorAndState.map((g) => [(g.author_id as [number, string])[1], g.state, g.__count]), [
      ['Charles Darwin', 'borrowed', 1],
      ['Leo Tolstoy', 'available', 2],
    ]);
  });
});

t.test('constraints and overrides refuse bad data', async (t) => {
  await db.rollback(async (env) => {
    const books = env.model('library.book');
    await t.rejects(books.create({ name: 'Copy', isbn: '9780143035008' }), { code: 'ERP_SQL_CONSTRAINT', message: 'Another book already has this ISBN.' });
  });
  await db.rollback(async (env) => {
    await t.rejects(env.model('library.book').create({ name: 'Negative', pages: -1 }), { code: 'ERP_SQL_CONSTRAINT', message: 'The number of pages cannot be negative.' });
  });
  await db.rollback(async (env) => {
    await t.rejects(env.model('library.book').create({ name: 'Nobody has it', state: 'borrowed' }), { code: 'ERP_CONSTRAINT', message: /needs a borrower/ });
    await t.rejects(env.model('library.book').create({ pages: 10 }), { code: 'ERP_REQUIRED_FIELD', message: /"Title" \(name\) is required/ });
    await t.rejects(env.model('library.book').create({ name: 'X', state: 'stolen' }), { code: 'ERP_INVALID_VALUE', message: /"stolen" is not one of/ });
  });
  await db.rollback(async (env) => {
    // The extension of res.partner: base's unlink runs only when no borrowed book is left.
    const admin = await env.refId('base.partner_admin');
    await t.rejects(env.model('res.partner').unlink(admin), { code: 'ERP_CONSTRAINT', message: /1 borrowed book\(s\) must be returned/ });
    const reader = await env.model('res.partner').create({ name: 'Casual Reader' });
    await env.model('res.partner').unlink(reader);
    t.same(await env.model('res.partner').exists(reader), [], 'other partners are deleted as before');
  });
});

t.test('queries: reading 1 or 50 books costs the same', async (t) => {
  await db.rollback(async (env) => {
    const books = env.model('library.book');
    const author = await env.model('res.partner').create({ name: 'Prolific Author' });
    const tag = await env.refId('doc_library.tag_novel');
    const cost = async (fn: () => Promise<unknown>) => {
      const before = env.cr.queryCount;
      await fn();
      return env.cr.queryCount - before;
    };
    const vals = (n: number, from: number) => Array.from({ length: n }, (_, i) => ({ name: `Volume ${from + i}`, pages: 100, author_id: author, tag_ids: [tag] }));
    let one: number[] = [];
    let fifty: number[] = [];
    const createOne = await cost(async () => { one = await books.create(vals(1, 0)); });
    const createFifty = await cost(async () => { fifty = await books.create(vals(50, 1)); });
    t.equal(createFifty, createOne, `create: ${createOne} queries for 1 book and for 50`);
    const fields = ['name', 'author_id', 'tag_ids', 'shelf_code', 'author_country_id'];
    const readOne = await cost(() => books.read(one, fields));
    const readFifty = await cost(() => books.read(fifty, fields));
    t.equal(readFifty, readOne, `read: ${readOne} queries for 1 book and for 50`);
    const searchRead = await cost(() => books.search_read([['author_id', '=', author]], ['name', 'author_id']));
    t.equal(searchRead, 2, 'search_read with one many2one: the SELECT and one query for the display names');
  });
});

t.test('access rights and record rules: internal users and librarians', async (t) => {
  await db.rollback(async (env) => {
    const users = env.model('res.users');
    const [readerUid, librarianUid] = await users.create([
      { login: 'reader', name: 'Reader', groups_id: [[6, 0, [await env.refId('base.group_user')]]] },
      { login: 'librarian', name: 'Librarian', groups_id: [[6, 0, [await env.refId('doc_library.group_librarian')]]] },
    ]);
    const lostId = await env.model('library.book').create({ name: 'Lost Book', state: 'lost' });
    const anna = await env.refId('doc_library.book_anna_karenina');

    const reader = env.withUser(readerUid).model<LibraryBook>('library.book');
    t.equal(await reader.search_count([]), 3, 'an internal user reads the books (the three demo books)');
    t.same(await reader.search([['id', '=', lostId]]), [], 'the record rule hides lost books from readers');
    await t.rejects(reader.read([lostId], ['name']), { code: 'ERP_ACCESS' });
    await reader.action_lend([anna], await env.refId('base.partner_admin'));
    t.equal((await reader.read(anna, ['state']))[0].state, 'borrowed', 'readers may lend (a write)');
    await t.rejects(reader.create({ name: 'Not mine to add' }), { code: 'ERP_ACCESS', message: /create "library\.book"/ });

    const librarian = env.withUser(librarianUid).model('library.book');
    t.equal(await librarian.search_count([]), 4, "the librarians' rule, OR-ed with the readers', shows every book");
    t.type(await librarian.create({ name: 'New arrival' }), 'number', 'librarians create books');
    t.ok(await env.withUser(librarianUid).model<Model & { has_group(xmlid: string): Promise<boolean> }>('res.users').has_group('base.group_user'), 'a librarian is an internal user (implied group)');
  });
});

t.test('views, action and menus', async (t) => {
  await db.rollback(async (env) => {
    const form = await env.refId('doc_library.book_view_form');
    const result = await env.model('library.book').get_views([[false, 'list'], [false, 'form']]);
    t.equal(result.views.list.arch, '<tree><field name="name"/><field name="author_id"/><field name="state"/><field name="date_due"/></tree>');
    t.equal(result.views.form.id, form);
    t.equal(result.views.form.arch,
      '<form><header><button name="action_return" type="object" string="Return" invisible="state == \'available\'"/><field name="state" widget="statusbar"/></header>'
      + '<sheet><group><field name="name"/><field name="author_id"/><field name="shelf_code"/><field name="tag_ids" widget="many2many_tags"/></group>'
      + '<notebook><page name="details" string="Details"><group><field name="isbn"/><field name="pages"/><field name="date_published"/></group></page>'
      + '<page name="loan" string="Loan"><group><field name="borrower_id"/><field name="date_due"/></group></page></notebook></sheet>'
      + '<div class="oe_chatter"><field name="activity_ids"/><field name="message_ids"/></div></form>',
      'the form combined with its extension (book_view_form_loan)');
    t.match(result.models['library.book'].fields.borrower_id, { type: 'many2one', relation: 'res.partner' });

    const action = await env.model<Model & { load_action(ref: string): Promise<Record<string, unknown>> }>('ir.actions.act_window').load_action('doc_library.action_books');
    t.match(action, { type: 'ir.actions.act_window', res_model: 'library.book', views: [[false, 'tree'], [false, 'form']], xml_id: 'doc_library.action_books' });

    const reader = await env.model('res.users').create({ login: 'menu_reader', name: 'Menu Reader', groups_id: [[6, 0, [await env.refId('base.group_user')]]] });
    const menus = await env.withUser(reader).model<Model & { load_menus(): Promise<Record<string, any>> }>('ir.ui.menu').load_menus();
    const root = await env.refId('doc_library.menu_root');
    t.ok(menus.root.children.includes(root), 'the Library app shows for an internal user');
    t.match(menus[root], { name: 'Library', children: [await env.refId('doc_library.menu_books')], actionID: await env.refId('doc_library.action_books') });
  });
});

t.test('the settings field writes the system parameter', async (t) => {
  await db.rollback(async (env) => {
    const settings = env.model<ResConfigSettings>('res.config.settings');
    t.equal((await settings.default_get(['library_loan_days'])).library_loan_days, 14, 'a new wizard shows the current value');
    const wizard = await settings.create({ library_loan_days: 21 });
    await settings.execute(wizard);
    t.equal(await env.model<ConfigParameters>('ir.config_parameter').get_param('doc_library.loan_days'), '21');
    const anna = await env.refId('doc_library.book_anna_karenina');
    await env.model<LibraryBook>('library.book').action_lend([anna], await env.refId('base.partner_admin'));
    const [book] = await env.model('library.book').read(anna, ['date_due']);
    t.equal(book.date_due, new Date(Date.now() + 21 * 86400000).toISOString().slice(0, 10), 'action_lend uses the new duration');
  });
});

t.test('the scheduled action marks overdue loans', async (t) => {
  await db.rollback(async (env) => {
    const books = env.model<LibraryBook>('library.book');
    const origin = await env.refId('doc_library.book_origin');   // borrowed, due 2030-01-31
    t.equal(await books.with_context({ now: '2030-01-31 12:00:00' })._cron_mark_overdue(), 0, 'not late on its due date');
    t.equal(await books.with_context({ now: '2030-02-01 08:00:00' })._cron_mark_overdue(), 1);
    t.equal((await books.read(origin, ['state']))[0].state, 'overdue');

    const cron = await env.refId('doc_library.ir_cron_overdue');
    const [job] = await env.model('ir.cron').read(cron, ['model_name', 'method', 'interval_number', 'interval_type', 'active']);
    t.match(job, { model_name: 'library.book', method: '_cron_mark_overdue', interval_number: 1, interval_type: 'days', active: true });
    await books.write(await env.refId('doc_library.book_war_and_peace'), { state: 'borrowed', borrower_id: await env.refId('base.partner_admin'), date_due: '2000-01-01' });
    await env.model<IrCron>('ir.cron').method_direct_trigger(cron);
    t.equal((await books.read(await env.refId('doc_library.book_war_and_peace'), ['state']))[0].state, 'overdue', 'Run Manually (method_direct_trigger)');
  });
});

t.test('chatter, tracking and activities (the mail mixins)', async (t) => {
  await db.rollback(async (env) => {
    const books = env.model<LibraryBook & MailThread & MailActivityRecords>('library.book');
    const anna = await env.refId('doc_library.book_anna_karenina');
    await books.action_lend([anna], await env.refId('base.partner_admin'));
    const [{ message_ids }] = await books.read(anna, ['message_ids']);
    const [tracking] = await env.model('mail.message').read((message_ids as number[])[0], ['body', 'message_type', 'tracking_value_ids']);
    t.match(tracking, { body: '<ul><li>Status: Available -> Borrowed</li></ul>', message_type: 'notification' }, 'changing the state posts a tracking message');
    t.equal((tracking.tracking_value_ids as number[]).length, 1);

    const note = await books.message_post(anna, { body: '<p>Spine is damaged</p>' });
    t.equal(((await books.read(anna, ['message_ids']))[0].message_ids as number[])[0], note, 'newest first');

    await books.activity_schedule([anna], { activity_type: 'mail.mail_activity_data_todo', summary: 'Repair the spine', date_deadline: '2000-01-01' });
    t.match((await books.read(anna, ['activity_state', 'activity_summary']))[0], { activity_state: 'overdue', activity_summary: 'Repair the spine' });
  });
});

t.test('an HTTP route of the addon (routes/)', async (t) => {
  const { url } = await serve(t, db.erp, db.name);
  const client = new RpcClient(url);
  t.equal((await client.call('/library/available').catch((e: RpcError) => e.data.name)), 'odoo.http.SessionExpiredException', 'needs a session');
  await client.authenticate(db.name);
  const books = await client.call('/library/available', { limit: 5 });
  t.same(books.map((b: { name: string }) => b.name), ['Anna Karenina', 'War and Peace']);
});

t.test('upgrade runs the migration and reloads data (honouring noupdate)', async (t) => {
  // Pretend 1.0.0 is installed, with a book in the old "lent" state and edited tags.
  await db.commit(async (env) => {
    await env.cr.execute("UPDATE ir_module_module SET latest_version = '1.0.0' WHERE name = 'doc_library'");
    const anna = await env.refId('doc_library.book_anna_karenina');
    await env.cr.execute("UPDATE library_book SET state = 'lent', borrower_id = $1 WHERE id = $2", [await env.refId('base.partner_admin'), anna]);
    await env.model('library.tag').write(await env.refId('doc_library.tag_classic'), { name: 'Classics' });
    await env.model('library.tag').write(await env.refId('doc_library.tag_novel'), { name: 'Novels' });
  });
  const upgraded = await db.modules.upgrade(['doc_library']);
  t.same(upgraded, ['doc_library']);
  await db.rollback(async (env) => {
    const [anna] = await env.model('library.book').read(await env.refId('doc_library.book_anna_karenina'), ['state']);
    t.equal(anna.state, 'borrowed', 'the 1.1.0 migration renamed the state');
    const [classic] = await env.model('library.tag').read(await env.refId('doc_library.tag_classic'), ['name']);
    const [novel] = await env.model('library.tag').read(await env.refId('doc_library.tag_novel'), ['name']);
    t.equal(classic.name, 'Classics', 'noupdate record keeps the user\'s edit');
    t.equal(novel.name, 'Novel', 'other records are rewritten from the data file');
    const [module] = await env.model('ir.module.module').search_read([['name', '=', 'doc_library']], ['latest_version']);
    t.equal(module.latest_version, '1.1.0');
  });
});

t.test('uninstall: dry run, then everything the addon owns is gone', async (t) => {
  await db.commit(async (env) => env.model<MailThread>('library.book').message_post(await env.refId('doc_library.book_origin'), { body: '<p>Kept until uninstall</p>' }));
  const plan = await db.modules.uninstall(['doc_library'], { dryRun: true });
  t.same(plan.modules, ['doc_library']);
  t.same([...plan.tables].sort(), ['library_book', 'library_book_library_tag_rel', 'library_tag']);
  t.same(plan.columns, [{ table: 'res_partner', column: 'book_count' }, { table: 'res_config_settings', column: 'library_loan_days' }], 'settings fields are columns of the wizard, as in Odoo');
  t.equal(plan.records['res.partner']?.length, 2, 'the two demo authors');
  await db.rollback(async (env) => t.ok(await tableExists(env, 'library_book'), 'the dry run changed nothing'));

  await db.modules.uninstall(['doc_library']);
  await db.rollback(async (env) => {
    t.notOk(await tableExists(env, 'library_book'), 'library_book dropped');
    t.notOk(await tableExists(env, 'library_tag'), 'library_tag dropped');
    t.notOk(await tableExists(env, 'library_book_library_tag_rel'), 'relation table dropped');
    t.notOk(await columnExists(env, 'res_partner', 'book_count'), 'column added to res_partner dropped');
    t.notOk(env.registry.has('library.book'), 'the registry no longer knows the model');
    t.notOk(env.registry.get('res.partner').fields.has('book_ids'), 'nor the fields added to res.partner');
    t.equal(await env.model('res.partner').search_count([['name', 'in', ['Leo Tolstoy', 'Charles Darwin']]]), 0, 'demo partners deleted');
    t.equal(await env.model('res.partner').search_count([['id', '=', await env.refId('base.partner_admin')]]), 1, "base's partners stay");
    t.equal(await env.model('ir.model.data').search_count([['module', '=', 'doc_library']]), 0, 'no external id left');
    t.equal(await env.model('ir.config_parameter').search_count([['key', '=', 'doc_library.loan_days']]), 0, 'the uninstall hook removed the parameter');
    t.equal(await env.model('ir.ui.view').search_count([['model', '=', 'library.book']]), 0, 'views gone');
    t.equal(await env.model('ir.ui.menu').search_count([['name', '=', 'Library']]), 0, 'menus gone');
    t.equal(await env.model('ir.cron').with_context({ active_test: false }).search_count([['model_name', '=', 'library.book']]), 0, 'scheduled action gone');
    t.equal(await env.model('ir.model.access').search_count([['name', 'like', 'access_book_%']]), 0, 'access rights gone');
    t.equal(await env.model('res.groups').search_count([['name', '=', 'Librarian']]), 0, 'group gone');
    // mail follows the model as it goes (its extension of ir.model's unlink).
    t.equal(await env.model('mail.message').search_count([['res_model', '=', 'library.book']]), 0, 'the books\' messages gone');
    t.equal(await env.model('mail.activity').search_count([['res_model', '=', 'library.book']]), 0, 'and their activities');
    const [module] = await env.model('ir.module.module').search_read([['name', '=', 'doc_library']], ['state']);
    t.equal(module.state, 'uninstalled');
  });
});
