// The examples of docs/writing-an-addon.md, run against the addon the tutorial builds
// (tests/addons/doc_library, called `library` in the text). When this file fails, the tutorial is
// wrong: fix the page and this file together.

import t from 'tap';
import { testDb } from './helpers/db.ts';
import type { Env } from '../core/models/env.ts';
import type { LibraryBook } from './addons/doc_library/models/book.ts';

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
  const plan = await db.modules.uninstall(['doc_library'], { dryRun: true });
  t.same(plan.modules, ['doc_library']);
  t.same([...plan.tables].sort(), ['library_book', 'library_book_library_tag_rel', 'library_tag']);
  t.same(plan.columns, [{ table: 'res_partner', column: 'book_count' }]);
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
    const [module] = await env.model('ir.module.module').search_read([['name', '=', 'doc_library']], ['state']);
    t.equal(module.state, 'uninstalled');
  });
});
