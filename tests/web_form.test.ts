// The form view in headless Chromium, as a person uses it: open a lead from the list, edit it
// (text, a many2one through its autocomplete, a tag, a line), meet a validation error next to
// the field, save, find the values again after a reload; create a lead whose customer's onchange
// proposes the name; move a lead through the status bar.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import type { Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.ts';
import { logIn, grantAll } from './helpers/web.ts';
import { testServer } from './helpers/http.ts';
import { ROOT } from './setup/state.ts';

const SCREENSHOTS = path.join(ROOT, 'tests', 'screenshots');

const FORM_ARCH = `<form>
  <header>
    <button name="action_win" type="object" string="Mark as won" class="oe_highlight"/>
    <field name="stage_id" widget="statusbar"/>
  </header>
  <sheet>
    <div class="oe_title"><h1><field name="name" placeholder="e.g. Product pricing"/></h1></div>
    <group>
      <group>
        <field name="partner_id"/>
        <field name="expected_revenue"/>
        <field name="probability"/>
        <field name="partner_email" invisible="not partner_id"/>
      </group>
      <group>
        <field name="date_deadline"/>
        <field name="priority" widget="priority"/>
        <field name="tag_ids" string="Tags" widget="many2many_tags"/>
        <field name="won" readonly="1"/>
      </group>
    </group>
    <notebook>
      <page string="Lines"><field name="line_ids"><tree editable="bottom"><field name="name"/><field name="amount"/></tree></field></page>
      <page string="Description"><field name="description"/></page>
      <page string="Extra"><group><field name="notes"/><field name="date_closed"/></group></page>
    </notebook>
  </sheet>
</form>`;

const session = await launchBrowser();
if ('missing' in session) {
  t.test('the form view in a browser', { skip: `no browser: ${session.missing}` }, () => {});
} else {
  t.teardown(() => session.close());
  const server = await testServer(t, { modules: ['test_views'] });
  await server.db.commit(async (env) => {
    const sudo = env.sudo();
    await grantAll(env, ['test.lead', 'test.stage', 'test.tag', 'test.line']);
    await sudo.model('ir.ui.view').create({ name: 'test.lead.form.full', model: 'test.lead', type: 'form', priority: 1, arch: FORM_ARCH });
    await sudo.model('res.partner').create([{ name: 'Acme Corp', email: 'info@acme.example' }, { name: 'Bolt Ltd' }]);
    await sudo.model('test.tag').create({ name: 'Urgent' });
    await sudo.model('test.lead').create({ name: 'Alpha deal', stage_id: await sudo.refId('test_pipeline.stage_qualified'), probability: 10 });
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const lead = (name: string): Promise<Record<string, any> | undefined> => server.db.commit(async (env) => {
    const [row] = await env.sudo().model('test.lead').search_read([['name', '=', name]], ['name', 'partner_id', 'probability', 'tag_ids', 'stage_id', 'line_ids', 'priority']);
    return row;
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  async function openLeads(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Test Pipeline' }).click();
    await page.getByRole('heading', { name: 'Leads' }).waitFor();
    const list = page.getByRole('button', { name: 'List', exact: true });
    if (await list.count()) await list.click();
    await page.locator('erp-list-view tbody tr').first().waitFor();
  }

  t.test('a lead is edited, refused, fixed, saved and found again; a new lead is created', async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    t.teardown(() => page.close());
    await logIn(page, server.url);
    await openLeads(page);

    await page.locator('erp-list-view tbody tr', { hasText: 'Alpha deal' }).click();
    const form = page.locator('erp-form-view');
    const name = form.getByRole('textbox', { name: 'Opportunity' });
    await t.resolves(name.waitFor(), 'the form opens');
    await page.waitForFunction(() => true);
    t.equal(await name.inputValue(), 'Alpha deal', 'the name is shown');

    await name.fill('Alpha deal (edited)');
    await name.press('Enter');
    t.equal(await page.locator('erp-form-view').count(), 1, 'Enter in a char input submits nothing: still on the form');

    const customer = form.getByRole('combobox', { name: 'Customer' });
    await customer.fill('Acm');
    await form.getByRole('option', { name: 'Acme Corp' }).waitFor();
    await customer.press('ArrowDown');
    await customer.press('ArrowUp');
    await customer.press('Enter');
    await t.resolves(page.waitForFunction(() => document.querySelector('erp-app')!.shadowRoot!.querySelector('erp-action')!.shadowRoot!
      .querySelector('erp-form-view')!.shadowRoot!.querySelector('.o_field[data-name="partner_email"]') !== null), 'the customer is picked (a field shown for it appears)');
    t.equal(await customer.inputValue(), 'Acme Corp', 'the autocomplete shows the customer');

    const tags = form.getByRole('combobox', { name: 'Tags' });
    await tags.fill('Urg');
    await form.getByRole('option', { name: 'Urgent' }).click();
    await form.getByRole('listitem').filter({ hasText: 'Urgent' }).waitFor();
    t.pass('the tag is added as a chip');

    await form.getByRole('tab', { name: 'Lines' }).click();
    await form.getByRole('button', { name: 'Add a line' }).click();
    const lineName = form.locator('erp-field-one2many tbody tr').last().getByRole('textbox', { name: 'Name' });
    await lineName.fill('Setup fee');
    await lineName.press('Tab');
    const amount = form.locator('erp-field-one2many tbody tr').last().getByRole('textbox', { name: 'Amount' });
    await amount.fill('250');
    await amount.press('Enter');

    const probability = form.getByRole('textbox', { name: 'Probability' });
    await probability.fill('abc');
    await probability.press('Enter');
    await t.resolves(form.locator('.o_field_error[data-field="probability"]').waitFor(), 'text that is not a number is an inline error');
    await probability.fill('150');
    await probability.press('Enter');
    await form.getByRole('button', { name: 'Save' }).click();
    const error = form.locator('.o_field_error[data-field="probability"]');
    await t.resolves(error.waitFor(), 'the server\'s validation error shows next to the probability');
    t.match(await error.textContent(), /probability/i, 'with the server\'s message');
    t.ok(await form.locator('.o_banner').isVisible(), 'and in a banner');
    t.equal((await lead('Alpha deal'))?.probability, 10, 'nothing was saved');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'form_error.png') });

    await probability.fill('75');
    await probability.press('Enter');
    await form.getByRole('button', { name: 'Save' }).click();
    await t.resolves(form.getByRole('button', { name: 'Save' }).waitFor({ state: 'detached' }), 'saved: no Save button any more');
    const saved = await lead('Alpha deal (edited)');
    t.equal(saved?.probability, 75, 'the probability is saved');
    t.same(saved?.partner_id?.[1], 'Acme Corp', 'the customer is saved');
    t.equal((saved?.tag_ids as number[]).length, 1, 'the tag is saved');
    t.equal((saved?.line_ids as number[]).length, 1, 'the line is saved');

    await page.reload();
    await openLeads(page);
    await page.locator('erp-list-view tbody tr', { hasText: 'Alpha deal (edited)' }).click();
    await page.waitForFunction(() => true);
    await t.resolves(page.waitForFunction(() => {
      const root = document.querySelector('erp-app')?.shadowRoot?.querySelector('erp-action')?.shadowRoot?.querySelector('erp-form-view')?.shadowRoot;
      const input = root?.querySelector('.o_field[data-name="name"]')?.shadowRoot?.querySelector('input');
      return input?.value === 'Alpha deal (edited)';
    }), 'after a reload the name is kept');
    t.equal(await customer.inputValue(), 'Acme Corp', 'the customer is kept');
    t.ok(await form.getByRole('listitem').filter({ hasText: 'Urgent' }).isVisible(), 'the tag is kept');
    t.equal(await probability.inputValue(), '75.00', 'the probability is kept');
    await form.getByRole('tab', { name: 'Lines' }).click();
    t.equal(await form.locator('erp-field-one2many tbody tr').count(), 1, 'the line is kept');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'form.png') });

    await form.getByRole('radio', { name: 'Won' }).click();
    await t.resolves(page.waitForFunction(() => true).then(async () => {
      for (let i = 0; i < 50 && (await lead('Alpha deal (edited)'))?.stage_id?.[1] !== 'Won'; i++) await new Promise((r) => setTimeout(r, 100));
    }), 'the status bar click');
    t.equal((await lead('Alpha deal (edited)'))?.stage_id?.[1], 'Won', 'the status bar writes the stage');
    await t.resolves(form.getByRole('radio', { name: 'Won', checked: true }).waitFor(), 'and shows it');

    await form.getByRole('textbox', { name: 'Opportunity' }).fill('Dirty');
    await form.getByRole('textbox', { name: 'Opportunity' }).press('Escape');
    await t.resolves(page.waitForFunction(() => {
      const root = document.querySelector('erp-app')!.shadowRoot!.querySelector('erp-action')!.shadowRoot!.querySelector('erp-form-view')!.shadowRoot!;
      return root.querySelector('.o_field[data-name="name"]')!.shadowRoot!.querySelector('input')!.value === 'Alpha deal (edited)';
    }), 'Escape discards the changes');

    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('button', { name: 'Leads' }).click();
    await page.getByRole('button', { name: 'New' }).click();
    const newName = form.getByRole('textbox', { name: 'Opportunity' });
    await newName.waitFor();
    t.equal(await newName.inputValue(), '', 'a new lead starts without a name');
    await form.getByRole('combobox', { name: 'Customer' }).fill('Bolt');
    await form.getByRole('option', { name: 'Bolt Ltd' }).click();
    const dialog = form.getByRole('dialog');
    await t.resolves(dialog.filter({ hasText: 'Bolt Ltd has no email address' }).waitFor(), 'the onchange\'s warning is shown');
    await dialog.getByRole('button', { name: 'Ok' }).click();
    await t.resolves(page.waitForFunction(() => {
      const root = document.querySelector('erp-app')!.shadowRoot!.querySelector('erp-action')!.shadowRoot!.querySelector('erp-form-view')!.shadowRoot!;
      return root.querySelector('.o_field[data-name="name"]')!.shadowRoot!.querySelector('input')!.value === "Bolt Ltd's opportunity";
    }), 'the onchange proposes the name');
    await form.getByRole('radio', { name: 'High', exact: true }).click();
    await form.getByRole('button', { name: 'Save' }).click();
    await t.resolves(form.getByRole('button', { name: 'Save' }).waitFor({ state: 'detached' }), 'the new lead is saved');
    const created = await lead("Bolt Ltd's opportunity");
    t.same(created?.partner_id?.[1], 'Bolt Ltd', 'with its customer');
    t.equal(created?.priority, '2', 'and the priority picked with the stars');
  });
}
