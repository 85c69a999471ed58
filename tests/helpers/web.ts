// What browser tests do again and again: log in through the login page, and give a group every
// right on the models a test works with (test addons grant only what their own tests need).

import type { Page } from 'playwright-core';
import type { Env } from '../../core/models/env.ts';

/** Logs in through the login page and waits for the client to be ready. */
export async function logIn(page: Page, url: string, login = 'admin', password = 'admin'): Promise<void> {
  await page.goto(`${url}/web`);
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
}

/** Read, write, create and delete on `models` (technical names) for `group` (administrators by default). */
export async function grantAll(env: Env, models: string[], group = 'base.group_system'): Promise<void> {
  const sudo = env.sudo();
  const groupId = await sudo.refId(group);
  const rows = await sudo.model('ir.model').search_read([['model', 'in', models]], ['model']);
  await sudo.model('ir.model.access').create(rows.map((row) => ({
    name: `${row.model} ${group} (test)`, model_id: row.id, group_id: groupId,
    perm_read: true, perm_write: true, perm_create: true, perm_unlink: true,
  })));
}
