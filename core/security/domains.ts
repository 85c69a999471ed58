// Combining domains in prefix notation, as Odoo's expression.AND / expression.OR. An empty domain
// means "every record": it vanishes from an AND and makes an OR match everything.

import { normalizeDomain } from '../db/domain.ts';
import type { Domain } from '../models/types.ts';

export function andDomains(domains: Domain[]): Domain {
  const parts = domains.filter((d) => d.length && !alwaysTrue(d));
  return combine('&', parts);
}

export function orDomains(domains: Domain[]): Domain {
  if (domains.some((d) => !d.length || alwaysTrue(d))) return [];
  return combine('|', domains);
}

function combine(operator: '&' | '|', domains: Domain[]): Domain {
  if (!domains.length) return [];
  if (domains.length === 1) return domains[0];
  const terms: Domain = [];
  for (let i = 1; i < domains.length; i++) terms.push(operator);
  for (const d of domains) terms.push(...normalizeDomain(d));
  return terms;
}

/** `[(1, '=', 1)]` and the like (Odoo's "all records" rule): dropped rather than compiled, so
 *  that an OR with it needs no SQL at all. */
function alwaysTrue(domain: Domain): boolean {
  return domain.every((term) => {
    if (term === '&') return true;
    const [left, op, right] = Array.isArray(term) ? (term as unknown[]) : [];
    return left === 1 && op === '=' && right === 1;
  });
}
