// Code constraints (`constraints: [{ fields, check }]`): after a create or write that touches one
// of their fields, the check runs on the whole batch and throws to refuse it. The request's
// transaction then rolls back, so a refused write leaves nothing behind.

import type { Model } from '../models/model.ts';

export async function checkConstraints(model: Model, ids: number[], changed: string[], all = false): Promise<void> {
  if (!ids.length) return;
  const touched = new Set(changed);
  for (const constraint of model.meta.constraints) {
    if (!all && !constraint.fields.some((f) => touched.has(f))) continue;
    if (all && !constraint.fields.some((f) => touched.has(f)) && changed.length) continue;
    const records = await model.sudo().with_context({ active_test: false }).read(ids, constraint.fields);
    await constraint.check.call(model, records, model.env);
  }
}
