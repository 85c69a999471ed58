// search and search_count: one SELECT each, with the domain, the record rules and active_test
// compiled into its WHERE clause.

import { Query, quote } from '../db/query.ts';
import { applyDomain } from '../db/domain.ts';
import { compileOrder } from '../db/order.ts';
import type { Model, SearchOptions } from '../models/model.ts';
import type { Domain } from '../models/types.ts';

/** A query over the model with the caller's domain, the read rules and active_test applied. */
export async function searchQuery(model: Model, domain: Domain, operation: 'read' | 'write' | 'unlink' = 'read'): Promise<Query> {
  await model.check_access_rights(operation === 'unlink' ? 'unlink' : operation);
  const query = new Query(model.env.registry, model.meta.name);
  applyDomain(query, domain, { activeTest: model.context.active_test !== false, uid: model.env.uid, context: model.context });
  const rules = await model._rule_domain(operation);
  if (rules.length) applyDomain(query, rules, { activeTest: false });
  return query;
}

export async function search(model: Model, domain: Domain, opts: SearchOptions): Promise<number[]> {
  const query = await searchQuery(model, domain);
  const orderBy = compileOrder(query, opts.order);
  const { sql, params } = query.select([`${quote(query.alias)}."id"`], { orderBy, limit: opts.limit, offset: opts.offset });
  const rows = await model.env.cr.query<{ id: number }>(sql, params);
  return rows.map((r) => r.id);
}

export async function searchCount(model: Model, domain: Domain, limit?: number | null): Promise<number> {
  const query = await searchQuery(model, domain);
  if (limit != null) {
    const inner = query.select(['1'], { limit });
    const rows = await model.env.cr.query<{ count: number }>(`SELECT count(*) AS count FROM (${inner.sql}) AS limited`, inner.params);
    return rows[0].count;
  }
  const { sql, params } = query.select(['count(*) AS count']);
  const rows = await model.env.cr.query<{ count: number }>(sql, params);
  return rows[0].count;
}
