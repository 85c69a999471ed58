// Rule-based assignment in headless Chromium, as a sales administrator sets it up: Rule-Based
// Assignment turned on (and repeated every 2 hours) in CRM's Settings, a team opened from
// Configuration > Sales Teams, its domain edited with the domain editor (a rule, the count of
// matching leads, a refused domain), then "Assign Leads": the notification says what was done
// and the leads have their team and salesperson.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../../tests/helpers/browser.ts';
import { logIn } from '../../../tests/helpers/web.ts';
import { testServer } from '../../../tests/helpers/http.ts';
import { ROOT } from '../../../tests/setup/state.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');

const session = await launchBrowser();
if ('missing' in session) {
  t.test('rule-based assignment in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  const server = await testServer(t, { modules: ['crm'] });
  const ids = await server.db.commit(async (root) => {
    const env = root.sudo();
    const salesman = await env.refId('crm.group_sale_salesman');
    const [marc, sara] = await env.model('res.users').create([
      { name: 'Marc Demo', login: 'marc', groups_id: [[6, 0, [salesman]]] },
      { name: 'Sara Karimi', login: 'sara', groups_id: [[6, 0, [salesman]]] },
    ]) as number[];
    const europe = await env.model('crm.team').create({ name: 'Europe', use_leads: true }) as number;
    await env.model('crm.team.member').create([
      { crm_team_id: europe, user_id: marc, assignment_max: 30 },
      { crm_team_id: europe, user_id: sara, assignment_max: 30, assignment_domain: "[('probability', '>=', 70)]" },
    ]);
    const leads = await env.model('crm.lead').create([10, 40, 55, 70, 85, 90].map((probability, i) => ({
      name: `Website lead ${i + 1}`, type: 'lead', user_id: false, team_id: false, probability, email_from: `visitor${i}@site${i}.example`,
    }))) as number[];
    return { europe, marc, sara, leads };
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  const crumbs = (page: Page) => page.getByRole('navigation', { name: 'Breadcrumbs' });
  const openMenu = async (page: Page, top: string, item: string) => {
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: top }).click();
    const entry = page.getByRole('menu', { name: top }).getByRole('menuitem', { name: item });
    await entry.waitFor();
    await entry.click();
  };

  t.test('turn the assignment on, edit a team\'s domain, assign its leads', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1360, height: 900 } });
    t.teardown(() => page.close());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await logIn(page, server.url);
    await page.getByRole('button', { name: 'CRM' }).click();

    // Settings: Rule-Based Assignment, repeated every 2 hours.
    await openMenu(page, 'Configuration', 'Settings');
    const toggle = page.getByLabel('Rule-Based Assignment');
    await toggle.waitFor();
    await toggle.check();
    await page.getByLabel('Auto Assignment Action').selectOption('auto');
    await page.getByLabel('Repeat every').fill('2');
    await page.getByLabel('Repeat every').press('Tab');
    await page.getByLabel('Auto Assignment Interval Unit').selectOption('hours');
    await toggle.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-assignment-settings.png') });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const cron = await server.db.commit(async (env) => {
      const [row] = await env.model('ir.cron').with_context({ active_test: false }).read(await env.refId('crm.ir_cron_crm_lead_assign'), ['active', 'interval_number', 'interval_type']);
      return row;
    });
    t.match(cron, { active: true, interval_number: 2, interval_type: 'hours' }, 'the scheduled action runs every 2 hours');

    // The team's form: the assignment rules and the Assign Leads button are there now.
    await openMenu(page, 'Configuration', 'Sales Teams');
    await page.locator('erp-list-view').getByText('Europe', { exact: true }).click();
    await crumbs(page).getByText('Europe').waitFor();
    const form = page.locator('erp-form-view');
    const assign = form.locator('.o_form_statusbar button[data-name="action_assign_leads"]');
    await assign.waitFor();
    const editor = form.locator('erp-field-domain[data-name="assignment_domain"]').first();
    await editor.getByText('Match all records').waitFor();
    await t.resolves(editor.getByText('6 records').waitFor(), 'an empty domain matches the 6 leads');
    t.same(await form.locator('erp-field-one2many erp-field-domain .o_domain_summary').allInnerTexts(), ['Match all records', 'Probability is greater than or equal to 70'],
      'a member\'s domain reads as a rule in its line');

    // A rule: Probability is greater than or equal to 50.
    await editor.getByRole('button', { name: '+ New Rule' }).click();
    const rule = editor.locator('.o_domain_rule').first();
    await rule.getByLabel('Field').selectOption({ label: 'Probability' });
    await rule.getByLabel('Operator').selectOption({ label: 'is greater than or equal to' });
    await rule.getByLabel('Value').fill('50');
    await rule.getByLabel('Value').press('Enter');
    await t.resolves(editor.getByText('4 records').waitFor(), 'the count follows the rule');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-assignment-domain.png') });

    // A domain the server cannot search is refused on save, saying why.
    await editor.getByRole('button', { name: 'Code editor' }).click();
    const code = editor.locator('textarea');
    t.equal(await code.inputValue(), "[('probability', '>=', 50)]", 'the rule written as Odoo writes domains');
    await code.fill("[('no_such_field', '=', 1)]");
    await code.press('Tab');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await t.resolves(form.locator('.o_banner').filter({ hasText: /Assignment domain for team Europe is incorrectly formatted: Invalid field "no_such_field"/ }).waitFor(),
      'the server refuses it');
    await code.fill("[('probability', '>=', 50)]");
    await code.press('Tab');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await form.getByRole('button', { name: 'Save', exact: true }).waitFor({ state: 'detached' });
    const saved = await server.db.commit(async (env) => (await env.model('crm.team').read(ids.europe, ['assignment_domain']))[0].assignment_domain);
    t.equal(saved, "[('probability', '>=', 50)]", 'the domain is saved');

    // A member's domain, in the dialog its line opens: Marc takes leads below 60%.
    const marcLine = form.locator('erp-field-one2many tbody tr').first().locator('erp-field-domain');
    t.equal(await form.locator('erp-field-one2many tbody tr').first().locator('input').first().inputValue(), 'Marc Demo');
    await marcLine.getByRole('button', { name: 'Edit the domain' }).click();
    const dialog = marcLine.getByRole('dialog');
    await dialog.getByRole('button', { name: '+ New Rule' }).click();
    await dialog.getByLabel('Field').selectOption({ label: 'Probability' });
    await dialog.getByLabel('Operator').selectOption({ label: 'is lower than' });
    await dialog.getByLabel('Value').fill('60');
    await dialog.getByLabel('Value').press('Enter');
    await dialog.getByText('3 records').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-assignment-member-domain.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    t.equal(await marcLine.locator('.o_domain_summary').innerText(), 'Probability is lower than 60', 'the line reads the new rule');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await form.getByRole('button', { name: 'Save', exact: true }).waitFor({ state: 'detached' });

    // Assign Leads: a notification says what was done.
    await assign.click();
    const toast = page.locator('erp-notifications .toast');
    await toast.waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crm-assignment-done.png') });
    t.match(await toast.innerText(), /Leads Assigned[\s\S]*4 leads allocated to Europe team\. 4 leads assigned among 2 salespersons\./);
    const leads = await server.db.commit(async (env) => env.model('crm.lead').read(ids.leads, ['team_id', 'user_id', 'type']));
    const owner = (i: number) => (Array.isArray(leads[i].user_id) ? leads[i].user_id[0] : false);
    t.same(leads.slice(0, 2).map((l) => [l.team_id, l.user_id]), [[false, false], [false, false]], 'the leads below 50% stay unassigned');
    t.ok(leads.slice(2).every((l) => Array.isArray(l.team_id) && l.team_id[0] === ids.europe && l.type === 'opportunity'), 'the others are Europe\'s opportunities');
    t.same([2, 3, 4, 5].map(owner), [ids.marc, ids.sara, ids.sara, ids.sara], 'each to the salesperson whose domain it matches: Marc below 60%, Sara from 70%');
    t.same(errors, [], 'no error in the page');
  });
}
