// Actions in the shape of Odoo 17's `/web/action/load`: the record's readable fields, plus `type`,
// `xml_id` and, for window actions, `views` (`[[view_id | false, 'tree'], ...]`) computed from
// the action's view lines, its `view_id` and its `view_mode`, as Odoo's `_compute_views` does.

import type { Env } from '../models/env.ts';
import type { RecordValues } from '../models/types.ts';
import { errors } from '../errors.ts';

/** An action as the web client receives it. */
export type ActionDescriptor = Record<string, unknown> & { id: number; type: string; name: string };

/** An action by id (of `model`) or by external id (of whatever action model it names). */
export type ActionRef = number | string;

export const ACTION_MODELS = ['ir.actions.act_window', 'ir.actions.client'];

const READABLE: Record<string, string[]> = {
  'ir.actions.act_window': ['name', 'display_name', 'help', 'binding_model_id', 'binding_type', 'binding_view_types', 'context', 'domain',
    'groups_id', 'limit', 'res_id', 'res_model', 'search_view_id', 'target', 'view_id', 'view_mode'],
  'ir.actions.client': ['name', 'display_name', 'help', 'binding_model_id', 'binding_type', 'binding_view_types', 'context', 'params',
    'res_model', 'tag', 'target', 'groups_id'],
};

/** Odoo 17 calls the list view 'tree' everywhere but in the client's own vocabulary. */
export const viewModeOf = (mode: string): string => (mode.trim() === 'list' ? 'tree' : mode.trim());

/** Loads an action; a missing numeric id gives false (as Odoo's route), a bad external id an error. */
export async function loadAction(env: Env, ref: ActionRef, model = 'ir.actions.act_window'): Promise<ActionDescriptor | false> {
  let id: number;
  if (typeof ref === 'number' || /^\d+$/.test(ref)) {
    id = Number(ref);
  } else {
    const found = await env.ref(ref, false);
    if (!found || !ACTION_MODELS.includes(found.model)) throw errors.unknownAction(ref);
    model = found.model;
    id = found.id;
  }
  if (!ACTION_MODELS.includes(model)) throw errors.unknownAction(`${model},${id}`);
  const [action] = await readActions(env, model, [id]);
  return action ?? false;
}

/** The descriptors of several actions of one model (a fixed number of queries). */
export async function readActions(env: Env, model: string, ids: number[]): Promise<ActionDescriptor[]> {
  const actions = env.model(model).sudo().with_context({ active_test: false });
  const rows = await actions.read(await actions.exists(ids), READABLE[model]);
  if (!rows.length) return [];
  const xmlids = await env.cr.query<{ res_id: number; xmlid: string }>(
    "SELECT res_id, module || '.' || name AS xmlid FROM ir_model_data WHERE model = $1 AND res_id = ANY($2::int4[]) ORDER BY id",
    [model, rows.map((r) => r.id)]);
  const xmlidOf = new Map(xmlids.map((x) => [x.res_id, x.xmlid]));
  const views = model === 'ir.actions.act_window' ? await windowViews(env, rows) : new Map<number, Array<[number | false, string]>>();
  return rows.map((row) => {
    const action: ActionDescriptor = { ...row, id: row.id, name: String(row.name), type: model, xml_id: xmlidOf.get(row.id) ?? false };
    if (model === 'ir.actions.act_window') {
      action.view_mode = String(row.view_mode || 'tree,form').split(',').map(viewModeOf).join(',');
      action.views = views.get(row.id);
      action.context ||= '{}';
      action.filter = false;
    }
    return action;
  });
}

/** Odoo's `_compute_views`: the view lines first, then the modes of `view_mode` they do not
 *  cover, `view_id` standing for its own type. */
async function windowViews(env: Env, actions: RecordValues[]): Promise<Map<number, Array<[number | false, string]>>> {
  const lines = await env.model('ir.actions.act_window.view').sudo().search_read(
    [['act_window_id', 'in', actions.map((a) => a.id)]], ['act_window_id', 'view_id', 'view_mode'], { order: 'sequence, id' });
  const viewIds = actions.map((a) => m2oId(a.view_id)).filter((id): id is number => id !== false);
  const typeOf = new Map((viewIds.length ? await env.model('ir.ui.view').sudo().with_context({ active_test: false }).read(viewIds, ['type']) : [])
    .map((v) => [v.id, String(v.type)]));
  const result = new Map<number, Array<[number | false, string]>>();
  for (const action of actions) {
    const views: Array<[number | false, string]> = lines.filter((l) => m2oId(l.act_window_id) === action.id)
      .map((l) => [m2oId(l.view_id), viewModeOf(String(l.view_mode))]);
    const covered = new Set(views.map(([, mode]) => mode));
    const missing = String(action.view_mode || 'tree,form').split(',').map(viewModeOf).filter((m) => m && !covered.has(m));
    const viewId = m2oId(action.view_id);
    const viewType = viewId !== false ? typeOf.get(viewId) : undefined;
    if (viewType && missing.includes(viewType)) {
      missing.splice(missing.indexOf(viewType), 1);
      views.push([viewId, viewType]);
    }
    views.push(...missing.map((mode): [false, string] => [false, mode]));
    result.set(action.id, views);
  }
  return result;
}

const m2oId = (value: unknown): number | false => (Array.isArray(value) ? (value[0] as number) : false);

/** Window actions bound to a model (its "Action" menu), for the views' toolbar. */
export async function boundActions(env: Env, model: string, userGroups: Set<number> | null): Promise<ActionDescriptor[]> {
  const ids = await env.model('ir.actions.act_window').sudo().search([['binding_model_id.model', '=', model]], { order: 'id' });
  const actions = await readActions(env, 'ir.actions.act_window', ids);
  return actions.filter((a) => userGroups === null || !(a.groups_id as number[]).length || (a.groups_id as number[]).some((g) => userGroups.has(g)))
    .map((a) => ({ ...a, string: a.name }));
}
