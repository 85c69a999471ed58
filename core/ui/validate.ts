// Saving a view checks it as Odoo's `_check_xml` does: the arch is well-formed XML, and the
// combined arch of the primary view it contributes to can be built (every extension finds its
// anchor) and names only fields of the model. A broken addon therefore fails at install, with
// the view named, rather than when a user opens the screen.

import type { Env } from '../models/env.ts';
import { ViewSet } from './combine.ts';
import { checkFields } from './postprocess.ts';

export async function validateViews(env: Env, ids: number[]): Promise<void> {
  if (!ids.length) return;
  const views = await env.model('ir.ui.view').sudo().read(ids, ['model', 'active']);
  const byModel = new Map<string, number[]>();
  for (const v of views) {
    if (!v.active) continue; // archived views take no part in any combined arch
    const list = byModel.get(String(v.model)) ?? [];
    list.push(v.id);
    byModel.set(String(v.model), list);
  }
  for (const [model, modelIds] of byModel) {
    const set = await ViewSet.forModel(env, model);
    for (const id of modelIds) {
      const view = set.get(id)!;
      checkFields(env.registry, set.combined(id, null), set.primaryOf(id).model, view.label);
    }
  }
}
