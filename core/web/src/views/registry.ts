// The views the client can show, by type (list, kanban, form, ...). A view is a custom element
// that receives the same properties whatever its type (ViewProps), and tells the action manager
// what the user wants with events ('open-record', 'record-saved', 'close-record').

import type { Fields } from '../arch.ts';

export type Domain = unknown[];

export interface WindowAction {
  id: number;
  type: string;
  name: string;
  res_model: string;
  views: Array<[number | false, string]>;
  domain?: Domain | string | false;
  context?: Record<string, unknown> | string | false;
  res_id?: number | false;
  target?: string;
  limit?: number;
  help?: string | false;
  search_view_id?: number | [number, string] | false;
}

/** What every view element is given (set as properties). */
export interface ViewProps {
  model: string;
  /** The view's combined arch (Odoo XML). */
  arch: string;
  /** fields_get of the fields the archs use, for every model involved (`fields` is the main model's). */
  fields: Fields;
  models: Record<string, Fields>;
  /** The action's domain AND the search panel's. */
  domain: Domain;
  context: Record<string, unknown>;
  /** Group-bys chosen in the search panel (list, kanban, pivot, graph use them). */
  groupBy: string[];
  action: WindowAction;
  /** Form view: the record shown (false: a new one). */
  resId?: number | false;
  /** Form view: the ids of the list it was opened from, for previous/next. */
  resIds?: number[];
}

/** `open-record` detail: open this record in the form view (false: a new record). */
export interface OpenRecord { id: number | false; ids?: number[] }

/** `do-action` detail: open this action (an id, an external id, or an action as a method returns
 *  it) over the current one, with breadcrumbs back. `context` (a button's, with `active_id`) goes
 *  under the action's own. The action manager sets `done`, settled once the action is shown. */
export interface DoAction { action: number | string | Record<string, unknown>; context?: Record<string, unknown>; done?: Promise<void> }

/** `record-loaded` detail: the form shows this record now; its name goes to the breadcrumbs. */
export interface RecordLoaded { id: number | false; title: string }

const views = new Map<string, string>();

/** Registers the custom element (already defined) that shows views of `type`. */
export function registerView(type: string, tagName: string): void {
  views.set(type, tagName);
}

/** Odoo 17 still calls the list 'tree' in actions and archs. */
export const normalizeType = (type: string) => (type === 'tree' ? 'list' : type);

export function viewTag(type: string): string | undefined {
  return views.get(normalizeType(type));
}

const clientActions = new Map<string, string>();

/** Registers the custom element that shows client actions with this tag (`settings`, `apps`). */
export function registerClientAction(tag: string, tagName: string): void {
  clientActions.set(tag, tagName);
}

export function clientActionTag(tag: string): string | undefined {
  return clientActions.get(tag);
}
