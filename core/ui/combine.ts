// The combined arch of a view: its primary ancestor's arch (for a primary view that inherits
// another), then its own, then its extension views applied depth-first, siblings in Odoo's
// order: the modules' dependency order, then priority, then id. Extension views restricted to
// groups apply only for users of those groups.

import type { Env } from '../models/env.ts';
import type { Domain } from '../models/types.ts';
import { errors } from '../errors.ts';
import { inGroups } from './access.ts';
import { applyInheritance } from './inherit.ts';
import { parseXml, type Element } from './xml.ts';

export interface ViewRow {
  id: number;
  name: string;
  model: string;
  type: string;
  arch: string;
  priority: number;
  inheritId: number | null;
  mode: 'primary' | 'extension';
  groups: number[];
  /** The external id when there is one, else the name: what error messages show. */
  label: string;
  /** Load order of the module that defines the view (views made by code come last). */
  moduleRank: number;
}

const FIELDS = ['name', 'model', 'type', 'arch', 'priority', 'inherit_id', 'mode', 'groups_id'];

/** The active views matching `domain`, with their external ids (three queries). */
export async function fetchViews(env: Env, domain: Domain): Promise<ViewRow[]> {
  const rows = await env.model('ir.ui.view').sudo().search_read(domain, FIELDS);
  if (!rows.length) return [];
  const xmlids = await env.cr.query<{ res_id: number; module: string; name: string }>(
    "SELECT res_id, module, name FROM ir_model_data WHERE model = 'ir.ui.view' AND res_id = ANY($1::int4[]) ORDER BY id",
    [rows.map((r) => r.id)]);
  const byId = new Map(xmlids.map((x) => [x.res_id, x]));
  const addons = env.registry.addons;
  return rows.map((r) => {
    const xmlid = byId.get(r.id);
    const rank = xmlid ? addons.indexOf(xmlid.module) : -1;
    return {
      id: r.id, name: String(r.name), model: String(r.model), type: String(r.type), arch: String(r.arch || ''),
      priority: Number(r.priority), inheritId: Array.isArray(r.inherit_id) ? r.inherit_id[0] as number : null,
      mode: r.mode === 'extension' ? 'extension' : 'primary', groups: (r.groups_id as number[]) ?? [],
      label: xmlid ? `${xmlid.module}.${xmlid.name}` : `${String(r.name)} (${r.id})`,
      moduleRank: rank < 0 ? Number.MAX_SAFE_INTEGER : rank,
    };
  });
}

/** The views of one model, completed with the ancestors that live on other models. */
export class ViewSet {
  readonly rows = new Map<number, ViewRow>();

  private constructor(private readonly env: Env) {}

  static async forModel(env: Env, model: string): Promise<ViewSet> {
    const set = new ViewSet(env);
    set.add(await fetchViews(env, [['model', '=', model]]));
    await set.completeAncestors();
    return set;
  }

  private add(rows: ViewRow[]): void {
    for (const row of rows) this.rows.set(row.id, row);
  }

  private async completeAncestors(): Promise<void> {
    for (;;) {
      const missing = [...this.rows.values()].map((r) => r.inheritId).filter((id): id is number => id !== null && !this.rows.has(id));
      if (!missing.length) return;
      const found = await fetchViews(this.env, [['id', 'in', missing]]);
      if (!found.length) return; // archived parents: their children are skipped when combining
      this.add(found);
    }
  }

  get(id: number): ViewRow | undefined {
    return this.rows.get(id);
  }

  /** The primary view of the lowest priority (then id) of a type, as Odoo's `default_view`. */
  defaultView(model: string, type: string): ViewRow | undefined {
    return [...this.rows.values()].filter((r) => r.model === model && r.type === type && r.mode === 'primary')
      .sort((a, b) => a.priority - b.priority || a.id - b.id)[0];
  }

  /** The view whose combined arch `id` contributes to: itself when primary, else its closest
   *  primary ancestor. */
  primaryOf(id: number): ViewRow {
    let row = this.rows.get(id);
    const seen = new Set<number>();
    while (row && row.mode === 'extension' && row.inheritId !== null && !seen.has(row.id)) {
      seen.add(row.id);
      row = this.rows.get(row.inheritId);
    }
    if (!row) throw errors.invalidView(String(id), 'the view or one of its parents does not exist or is archived');
    return row;
  }

  /** Extension views directly inheriting `id`, in application order. */
  extensionsOf(id: number, userGroups: Set<number> | null): ViewRow[] {
    return [...this.rows.values()]
      .filter((r) => r.inheritId === id && r.mode === 'extension' && inGroups(r.groups, userGroups))
      .sort((a, b) => a.moduleRank - b.moduleRank || a.priority - b.priority || a.id - b.id);
  }

  /** The combined arch of a view (of its primary view when it is an extension). */
  combined(id: number, userGroups: Set<number> | null): Element {
    return this.combine(this.primaryOf(id), userGroups, new Set());
  }

  private combine(view: ViewRow, userGroups: Set<number> | null, seen: Set<number>): Element {
    if (seen.has(view.id)) throw errors.invalidView(view.label, 'the view inherits from itself');
    seen.add(view.id);
    let arch: Element;
    if (view.inheritId !== null) {
      const parent = this.combine(this.primaryOf(view.inheritId), userGroups, seen);
      arch = applyInheritance(parent, parse(view), view.label);
    } else {
      arch = parse(view);
    }
    return this.applyExtensions(view, arch, userGroups);
  }

  private applyExtensions(view: ViewRow, arch: Element, userGroups: Set<number> | null): Element {
    let root = arch;
    for (const ext of this.extensionsOf(view.id, userGroups)) {
      root = applyInheritance(root, parse(ext), ext.label);
      root = this.applyExtensions(ext, root, userGroups);
    }
    return root;
  }
}

export function parse(view: Pick<ViewRow, 'arch' | 'label'>): Element {
  try {
    return parseXml(view.arch);
  } catch (error) {
    throw errors.invalidView(view.label, `invalid XML: ${(error as Error).message}`);
  }
}
