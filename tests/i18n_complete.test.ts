// Every core addon speaks Persian completely: each source a user may read (field labels, helps and
// selections of its models, terms of its views, its menus and actions, its translatable data)
// has a translation in its i18n/fa_IR.json or in a dependency's. Country names may stay as they
// are. The checker itself (tests/helpers/i18n.ts) is what applications call for their own addon.

import path from 'node:path';
import t from 'tap';
import { CORE_ADDONS, discoverAddons } from '../core/modules/discovery.ts';
import { checkTranslations, missingTranslationsOf } from './helpers/i18n.ts';

const index = await discoverAddons([]);
const core = index.names().filter((name) => path.dirname(index.get(name).dir) === CORE_ADDONS);

t.test('every core addon has a complete Persian translation', async (t) => {
  t.ok(core.includes('base') && core.includes('mail') && core.includes('web'), `the core addons are found (${core.join(', ')})`);
  for (const addon of core) await checkTranslations(t, addon, { ignoreDataModels: ['res.country'] });
});

t.test('the checker lists each missing source with where it comes from', async (t) => {
  // No addon translates into German: every source of the test helpdesk is missing.
  const missing = await missingTranslationsOf('test_i18n', { lang: 'de_DE' });
  const origin = (source: string) => missing.filter((m) => m.source === source).map((m) => m.origin).sort();
  t.same(origin('Hours Spent'), ['field test.i18n.ticket.hours'], 'a field label');
  t.same(origin('Time spent on the ticket, in hours'), ['field test.i18n.ticket.hours (help)'], 'a help');
  t.same(origin('Urgent'), ['field test.i18n.ticket.priority (selection 1)'], 'a selection label');
  t.same(origin('Solve this ticket?'), ['view test_i18n.ticket_view_form'], 'a view attribute (confirm)');
  t.same(origin('Spent'), ['view test_i18n.ticket_view_form'], 'a view text');
  t.same(origin('Importance'), ['view test_i18n.ticket_view_form_ext'], "an extension's <attribute name=\"string\">");
  t.same(origin('Helpdesk'), ['ir.ui.menu test_i18n.menu_root (name)'], 'a menu');
  t.same(origin('Create your first ticket'), ['ir.actions.act_window test_i18n.action_tickets (help)'], "a term of an action's help");
  t.same(origin('In Progress'), ['test.i18n.stage test_i18n.stage_progress (name)'], 'a translatable data record');
  t.same(origin('Ticket Reminders'), ['field res.config.settings.ticket_reminders'], 'a setting');
  t.notOk(missing.some((m) => m.source === '0' || m.source.includes("'priority'")), 'no domain, value or number is a source');
  t.same(missing.filter((m) => m.source === 'Name').map((m) => m.model), ['test.i18n.stage'], 'sources come with their model');

  // In Persian, the base terms it uses ("Name", "Created by") come from base's file.
  t.same(await missingTranslationsOf('test_i18n'), [], 'complete in Persian');
});
