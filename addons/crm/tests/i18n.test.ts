// CRM speaks Persian completely: every field label, help and selection of crm and utm, every term
// of their views, their menus and actions, and their stages, lost reasons, teams and plans.

import t from 'tap';
import { checkTranslations } from '../../../tests/helpers/i18n.ts';

t.test('crm and utm have a complete Persian translation', async (t) => {
  await checkTranslations(t, 'utm');
  await checkTranslations(t, 'crm');
});
