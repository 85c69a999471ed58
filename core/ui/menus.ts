// Odoo 17's `/web/webclient/load_menus`: the menus the user may see, as a flat dict by id with a
// `root` entry listing the apps. A menu is hidden when it is restricted to groups the user lacks;
// a menu with an action shows when the action exists and its model may be read; a folder shows
// only when something below it does (Odoo's `_visible_menu_ids`).

import type { Env } from '../models/env.ts';
import type { RecordValues } from '../models/types.ts';
import { inGroups, viewerGroups } from './access.ts';
import { ACTION_MODELS } from './actions.ts';

export interface WebMenu {
  id: number | 'root';
  name: string;
  children: number[];
  appID: number | false;
  xmlid: string;
  actionID: number | false;
  actionModel: string | false;
  webIcon: string | false | null;
  webIconData: string | false | null;
  webIconDataMimetype: string | false | null;
}

interface MenuRow {
  id: number;
  name: string;
  sequence: number;
  parent: number | false;
  action: { model: string; id: number } | null;
  webIcon: string | false;
  groups: number[];
}

async function readMenus(env: Env): Promise<MenuRow[]> {
  const rows = await env.model('ir.ui.menu').sudo().search_read([],
    ['name', 'sequence', 'parent_id', 'action_model', 'action_id', 'web_icon', 'groups_id'], { order: 'sequence, id' });
  return rows.map((r: RecordValues) => ({
    id: r.id, name: String(r.name), sequence: Number(r.sequence),
    parent: Array.isArray(r.parent_id) ? (r.parent_id[0] as number) : false,
    action: r.action_model && r.action_id ? { model: String(r.action_model), id: Number(r.action_id) } : null,
    webIcon: (r.web_icon as string | false) || false, groups: (r.groups_id as number[]) ?? [],
  }));
}

/** `model,id` of the actions that exist and whose model the user may read. */
async function usableActions(env: Env, menus: MenuRow[]): Promise<Set<string>> {
  const usable = new Set<string>();
  for (const model of ACTION_MODELS) {
    const ids = [...new Set(menus.filter((m) => m.action?.model === model).map((m) => m.action!.id))];
    if (!ids.length) continue;
    const actions = env.model(model).sudo().with_context({ active_test: false });
    const rows = model === 'ir.actions.act_window' ? await actions.read(await actions.exists(ids), ['res_model'])
      : (await actions.exists(ids)).map((id) => ({ id, res_model: false }));
    for (const row of rows) {
      const target = row.res_model ? String(row.res_model) : null;
      const readable = !target || (env.registry.has(target) && await env.model(target).check_access_rights('read', false));
      if (readable) usable.add(`${model},${row.id}`);
    }
  }
  return usable;
}

/** Ids of the menus to show: group-allowed menus whose action is usable, and their folders. */
async function visibleMenus(env: Env, menus: MenuRow[]): Promise<Set<number>> {
  const userGroups = await viewerGroups(env);
  const allowed = new Map(menus.filter((m) => inGroups(m.groups, userGroups)).map((m) => [m.id, m]));
  const usable = await usableActions(env, [...allowed.values()]);
  const visible = new Set<number>();
  for (const menu of allowed.values()) {
    if (!menu.action || !usable.has(`${menu.action.model},${menu.action.id}`)) continue;
    visible.add(menu.id);
    for (let parent = allowed.get(menu.parent as number); parent && !parent.action && !visible.has(parent.id); parent = allowed.get(parent.parent as number)) {
      visible.add(parent.id);
    }
  }
  return visible;
}

export async function loadMenus(env: Env): Promise<Record<string, WebMenu>> {
  const menus = await readMenus(env);
  const visible = await visibleMenus(env, menus);
  const shown = menus.filter((m) => visible.has(m.id));
  const byId = new Map(shown.map((m) => [m.id, m]));
  const childrenOf = (id: number | false) => shown.filter((m) => m.parent === id).map((m) => m.id); // already in (sequence, id) order
  const xmlids = new Map((await env.cr.query<{ res_id: number; xmlid: string }>(
    "SELECT res_id, module || '.' || name AS xmlid FROM ir_model_data WHERE model = 'ir.ui.menu' AND res_id = ANY($1::int4[]) ORDER BY id",
    [shown.map((m) => m.id)])).map((r) => [r.res_id, r.xmlid]));
  const roots = childrenOf(false);
  const result: Record<string, WebMenu> = {
    root: { id: 'root', name: 'root', children: roots, appID: false, xmlid: '', actionID: false, actionModel: false, webIcon: null, webIconData: null, webIconDataMimetype: null },
  };
  const addTree = (id: number, appId: number) => {
    const menu = byId.get(id)!;
    const children = childrenOf(id);
    // An app without an action of its own opens the first action found down its first children.
    let action = menu.action;
    for (let child = children[0]; id === appId && !action && child !== undefined; child = childrenOf(child)[0]) action = byId.get(child)!.action;
    result[id] = {
      id, name: menu.name, children, appID: appId, xmlid: xmlids.get(id) ?? '',
      actionID: action?.id ?? false, actionModel: action?.model ?? false,
      webIcon: menu.webIcon, webIconData: false, webIconDataMimetype: false,
    };
    for (const child of children) addTree(child, appId);
  };
  for (const root of roots) addTree(root, root);
  return result;
}
