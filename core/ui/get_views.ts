// `model.get_views([[view_id | false, type], ...], options)` in Odoo 17's shape: each requested
// view's combined arch, post-processed for the user (groups, then the terms translated into the
// context's language), and the metadata of the fields the archs use, per model. A type without
// any view gets Odoo's generated default arch.

import type { Env } from '../models/env.ts';
import type { Model, Values } from '../models/model.ts';
import { errors } from '../errors.ts';
import { viewerGroups } from './access.ts';
import { boundActions, viewModeOf, type ActionDescriptor } from './actions.ts';
import { ViewSet } from './combine.ts';
import { defaultArch } from './default_arch.ts';
import { filterByGroups, usedFields } from './postprocess.ts';
import { parseXml, serialize, type Element } from './xml.ts';
import { catalogOf } from '../i18n/catalog.ts';
import { translateArch } from '../i18n/terms.ts';

export type ViewRequest = [number | false | null, string];

export interface GetViewsOptions {
  /** Adds each view's toolbar (the actions bound to the model). */
  toolbar?: boolean;
  /** Adds the search view's saved filters. */
  load_filters?: boolean;
  action_id?: number | false;
}

export interface ViewDescription {
  arch: string;
  id: number | false;
  model: string;
  toolbar?: { action: ActionDescriptor[]; print: ActionDescriptor[] };
  filters?: Values[];
}

export interface GetViewsResult {
  views: Record<string, ViewDescription>;
  models: Record<string, { fields: Record<string, Values> }>;
}

/** What `fields_get` tells the views about each field (Odoo's `_get_view_field_attributes`). */
const FIELD_ATTRIBUTES = ['change_default', 'context', 'currency_field', 'digits', 'domain', 'groups', 'help', 'name', 'readonly',
  'related', 'relation', 'relation_field', 'required', 'searchable', 'selection', 'size', 'sortable', 'store', 'string', 'translate',
  'trim', 'type'];

export async function getViews(model: Model, requests: ViewRequest[], options: GetViewsOptions = {}): Promise<GetViewsResult> {
  const env = model.env;
  const set = await ViewSet.forModel(env, model.name);
  const userGroups = await viewerGroups(env);
  const views: Record<string, ViewDescription> = {};
  const used = new Map<string, Set<string>>([[model.name, new Set()]]);
  const catalog = catalogOf(env);
  const toolbar = options.toolbar ? { action: await boundActions(env, model.name, userGroups), print: [] } : undefined;
  for (const [viewId, requested] of requests) {
    const { arch, id } = archFor(set, model, viewId || false, viewModeOf(requested), userGroups);
    await filterByGroups(env, arch, model.name, userGroups);
    if (catalog) translateArch(arch, model.name, env.registry, catalog);
    for (const [m, names] of usedFields(env.registry, arch, model.name)) {
      if (!used.has(m)) used.set(m, new Set());
      for (const n of names) used.get(m)!.add(n);
    }
    const view: ViewDescription = { arch: serialize(arch), id, model: model.name };
    if (toolbar && requested !== 'search') view.toolbar = toolbar;
    if (requested === 'search' && options.load_filters) view.filters = await savedFilters(env, model.name, options.action_id ?? false);
    views[requested] = view;
  }
  return { views, models: await describeModels(env, used) };
}

interface FilterStore { get_filters(model: string, actionId: number | false): Promise<Values[]> }

/** The search view's favorites (ir.filters, the user's and the shared ones), loaded with the
 *  views so that the search panel needs no call of its own, as Odoo's `load_filters`. */
async function savedFilters(env: Env, model: string, actionId: number | false): Promise<Values[]> {
  if (!env.registry.has('ir.filters')) return [];
  return env.model<Model & FilterStore>('ir.filters').get_filters(model, actionId);
}

/** The combined arch of the view asked for, of the default view of the type, or generated. */
function archFor(set: ViewSet, model: Model, viewId: number | false, type: string, userGroups: Set<number> | null): { arch: Element; id: number | false } {
  if (viewId !== false) {
    const row = set.get(viewId);
    if (!row || row.model !== model.name) throw errors.invalidView(String(viewId), `no active view with this id for model "${model.name}"`);
    return { arch: set.combined(viewId, userGroups), id: viewId };
  }
  const row = set.defaultView(model.name, type);
  if (row) return { arch: set.combined(row.id, userGroups), id: row.id };
  return { arch: parseXml(defaultArch(model.meta, type)), id: false };
}

async function describeModels(env: Env, used: Map<string, Set<string>>): Promise<GetViewsResult['models']> {
  const models: GetViewsResult['models'] = {};
  for (const [name, fieldNames] of used) {
    models[name] = { fields: fieldNames.size ? await env.model(name).fields_get([...fieldNames], FIELD_ATTRIBUTES) : {} };
  }
  return models;
}
