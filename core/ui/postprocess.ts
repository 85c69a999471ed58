// What a combined arch becomes for one user: nodes with `groups="..."` the user is not in are
// removed (so are fields whose definition is restricted to groups), and the fields the arch uses
// are collected per model. A field's sub-views (`<field name="line_ids"><tree>...`) belong to the
// field's comodel.

import type { Env } from '../models/env.ts';
import type { Registry } from '../models/registry.ts';
import { errors } from '../errors.ts';
import { groupIdsByXmlid, groupsOf, matchesGroups } from './access.ts';
import { childElements, type Element } from './xml.ts';

/** Calls `visit` for every element below `root`, with the model it is about. */
export function walk(registry: Registry, root: Element, model: string, visit: (el: Element, model: string) => void): void {
  for (const child of childElements(root)) {
    visit(child, model);
    let inner = model;
    if (child.tagName === 'field' && registry.has(model)) {
      const field = registry.get(model).fields.get(child.getAttribute('name') ?? '');
      if (field?.comodel && registry.has(field.comodel)) inner = field.comodel;
    }
    walk(registry, child, inner, visit);
  }
}

/** Refuses archs naming fields their model does not have (Odoo checks this when a view is saved). */
export function checkFields(registry: Registry, root: Element, model: string, view: string): void {
  if (!registry.has(model)) throw errors.invalidView(view, `model "${model}" does not exist`);
  walk(registry, root, model, (el, m) => {
    if (el.tagName !== 'field') return;
    const name = el.getAttribute('name');
    if (!name) throw errors.invalidView(view, 'a <field> element needs a name');
    // The record count is a measure of pivots and graphs, as in Odoo 17: `<field name="__count"/>`.
    if (name === '__count' && (root.tagName === 'pivot' || root.tagName === 'graph')) return;
    if (!registry.get(m).fields.has(name)) throw errors.invalidView(view, `field "${name}" does not exist in model "${m}"`);
  });
}

/** The groups expression restricting a node: its `groups` attribute, else (for a field) its
 *  definition's groups. */
function restriction(registry: Registry, el: Element, model: string): string | null {
  if (el.hasAttribute('groups')) return el.getAttribute('groups');
  if (el.tagName !== 'field' || !registry.has(model)) return null;
  const groups = registry.get(model).fields.get(el.getAttribute('name') ?? '')?.groups;
  return groups?.length ? groups.join(',') : null;
}

/** Removes the nodes `userGroups` may not see (null: sees all) and the `groups` attributes. */
export async function filterByGroups(env: Env, root: Element, model: string, userGroups: Set<number> | null): Promise<void> {
  const restricted: Array<{ el: Element; groups: string }> = [];
  walk(env.registry, root, model, (el, m) => {
    const groups = restriction(env.registry, el, m);
    if (groups) restricted.push({ el, groups });
  });
  if (!restricted.length) return;
  const ids = userGroups === null ? new Map<string, number>() : await groupIdsByXmlid(env, restricted.flatMap((r) => groupsOf(r.groups)));
  for (const { el, groups } of restricted) {
    if (matchesGroups(groups, userGroups, ids)) el.removeAttribute('groups');
    else el.parentNode?.removeChild(el);
  }
}

/** The field names an arch uses, per model. */
export function usedFields(registry: Registry, root: Element, model: string): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>([[model, new Set()]]);
  walk(registry, root, model, (el, m) => {
    const name = el.getAttribute('name');
    if (el.tagName !== 'field' || !name) return;
    if (!used.has(m)) used.set(m, new Set());
    used.get(m)!.add(name);
  });
  return used;
}
