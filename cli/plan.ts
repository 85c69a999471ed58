// The removal plan of an uninstall, as people read it before saying yes.

import type { RemovalPlan } from '../core/modules/uninstall.ts';

export function formatPlan(plan: RemovalPlan): string {
  const lines = [`modules: ${plan.modules.join(', ')}`];
  const models = Object.entries(plan.records).sort(([a], [b]) => a.localeCompare(b));
  lines.push(`records: ${models.length ? '' : 'none'}`);
  for (const [model, ids] of models) lines.push(`  ${model}: ${ids.length}`);
  const list = (label: string, items: string[]) => lines.push(`${label}: ${items.length ? items.join(', ') : 'none'}`);
  list('tables', plan.tables);
  if (plan.views?.length) list('views', plan.views);
  list('columns', plan.columns.map((c) => `${c.table}.${c.column}`));
  list('constraints', plan.constraints.map((c) => `${c.table}.${c.name}`));
  return lines.map((l) => l.trimEnd()).join('\n');
}
