// The breadcrumbs of the action manager: an action a button opened goes over the one on screen,
// which is kept (with the record, view and search it showed) to come back to. Also the shape
// of actions as methods return them (Odoo's dicts: `view_mode` without `views`, a domain or a
// context as Python text), made into what /web/action/load gives.

import type { Fields } from './arch.ts';
import { evalContext, evalDomain } from './search/pydomain.ts';
import type { Domain, OpenRecord, WindowAction } from './views/registry.ts';

export interface ViewsReply {
  views: Record<string, { arch: string; id: number | false; filters?: Array<Record<string, unknown>> }>;
  models: Record<string, { fields: Fields } | Fields>;
}

export interface SearchState {
  domain: Domain;
  groupBy: string[];
  context: Record<string, unknown>;
}

/** An action left for another one, as it was. */
export interface Crumb {
  /** The URL's `action` while it was on screen. */
  key: string;
  action: WindowAction;
  views: ViewsReply;
  current: string;
  defaultView: string;
  record: OpenRecord | null;
  recordTitle: string;
  search: SearchState;
  searchReady: boolean;
  /** The context of the button that opened it (active_id...). */
  extraContext: Record<string, unknown>;
}

/** The URL key of an action that has an id ('ir.actions.act_window,12'); none for one a method built. */
export function actionKey(action: { id?: unknown; type?: unknown }): string | null {
  return typeof action.id === 'number' && typeof action.type === 'string' ? `${action.type},${action.id}` : null;
}

/** A window action as a method returned it, in /web/action/load's shape. `context` (the
 *  button's, with active_id) gives the names its Python texts may use. */
export function normalizeAction(raw: Record<string, unknown>, context: Record<string, unknown>): WindowAction {
  const action = { ...raw } as unknown as WindowAction & { view_mode?: string; view_id?: unknown };
  action.name = String(action.name ?? '');
  if (action.type === 'ir.actions.act_window' && !Array.isArray(action.views)) {
    const viewId = Array.isArray(action.view_id) ? action.view_id[0] as number : typeof action.view_id === 'number' ? action.view_id : false;
    const modes = String(action.view_mode || 'tree,form').split(',').map((m) => m.trim()).filter(Boolean);
    // The type of `view_id` is unknown here: it is used when it can only be the one mode's view.
    action.views = modes.map((mode) => [modes.length === 1 ? viewId : false, mode]);
  }
  if (typeof action.domain === 'string') action.domain = evalDomain(action.domain, context);
  if (typeof action.context === 'string') action.context = evalContext(action.context, context);
  return action;
}
