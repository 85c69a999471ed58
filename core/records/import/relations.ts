// The records an import's relational cells name: by name (Odoo's exact name_search), by
// external id (`base.main_company`, or a bare name meaning `__import__.name`) or by database id.
// Set-based: the distinct keys of a whole batch are looked up in one query per field (two for
// external ids: the ledger, then whether the records still exist), never one per row. Records
// found are remembered for the next batches; misses are asked again (an earlier batch of the
// same import may have created them).

import type { Env } from '../../models/env.ts';
import { errors } from '../../errors.ts';
import { catalogOf } from '../../i18n/catalog.ts';
import { problem, type Problem } from './messages.ts';

export type RefKind = 'name' | 'xmlid' | 'dbid';

export type Found = { id: number; matches: number } | { error: Problem };

/** The module of external ids written without one (Odoo's import does the same). */
export const IMPORT_MODULE = '__import__';

export function qualifyXmlid(xmlid: string): [string, string] {
  const dot = xmlid.indexOf('.');
  return dot > 0 ? [xmlid.slice(0, dot), xmlid.slice(dot + 1)] : [IMPORT_MODULE, xmlid];
}

export class RecordFinder {
  private readonly cache = new Map<string, Map<string, Found>>();

  constructor(private readonly env: Env) {}

  /** What each key names in `comodel`; keys already known are not looked up again. */
  async find(comodel: string, kind: RefKind, keys: Iterable<string>): Promise<Map<string, Found>> {
    const cacheKey = `${comodel}|${kind}`;
    const known = this.cache.get(cacheKey) ?? new Map<string, Found>();
    this.cache.set(cacheKey, known);
    const missing = [...new Set(keys)].filter((k) => !known.has(k));
    if (missing.length) {
      const found = kind === 'name' ? await this.byName(comodel, missing)
        : kind === 'xmlid' ? await this.byXmlid(comodel, missing) : await this.byId(comodel, missing);
      for (const [key, result] of found) if ('id' in result) known.set(key, result);
      const out = new Map(known);
      for (const [key, result] of found) out.set(key, result);
      return out;
    }
    return known;
  }

  /** A model's name as the user reads it (its description, translated). */
  private describe(comodel: string): string {
    const description = this.env.registry.get(comodel).description;
    return catalogOf(this.env)?.get(description, comodel) ?? description;
  }

  private async byName(comodel: string, names: string[]): Promise<Map<string, Found>> {
    const model = this.env.model(comodel);
    const recName = model.meta.recName;
    const field = recName ? model.meta.fields.get(recName) : undefined;
    const out = new Map<string, Found>();
    if (!recName || !field?.column) {
      for (const name of names) out.set(name, { error: problem('no_name', { model: this.describe(comodel) }) });
      return out;
    }
    // The stored (source-language) names are what the search compares with.
    const rows = await model.with_context({ lang: 'en_US' }).search_read([[recName, 'in', names]], [recName]);
    const byName = new Map<string, number[]>();
    for (const row of rows) {
      const name = String(row[recName]);
      byName.set(name, [...(byName.get(name) ?? []), row.id]);
    }
    for (const name of names) {
      const ids = byName.get(name);
      out.set(name, ids ? { id: ids[0], matches: ids.length } : { error: problem('unknown_name', { model: this.describe(comodel), value: name }) });
    }
    return out;
  }

  private async byXmlid(comodel: string, xmlids: string[]): Promise<Map<string, Found>> {
    const qualified = xmlids.map(qualifyXmlid);
    const rows = await this.env.cr.query<{ module: string; name: string; model: string; res_id: number }>(
      `SELECT d.module, d.name, d.model, d.res_id FROM ir_model_data d
         JOIN unnest($1::text[], $2::text[]) AS v(m, n) ON d.module = v.m AND d.name = v.n`,
      [qualified.map((q) => q[0]), qualified.map((q) => q[1])]);
    const byKey = new Map(rows.map((r) => [`${r.module}.${r.name}`, r]));
    const model = this.env.model(comodel);
    const candidates = rows.filter((r) => r.model === comodel).map((r) => r.res_id);
    const alive = new Set(candidates.length ? await model.sudo().with_context({ active_test: false }).exists(candidates) : []);
    const out = new Map<string, Found>();
    xmlids.forEach((xmlid, i) => {
      const row = byKey.get(qualified[i].join('.'));
      if (!row || (row.model === comodel && !alive.has(row.res_id))) out.set(xmlid, { error: problem('unknown_xmlid', { model: this.describe(comodel), value: xmlid }) });
      else if (row.model !== comodel) out.set(xmlid, { error: problem('xmlid_other_model', { value: xmlid, model: row.model }) });
      else out.set(xmlid, { id: row.res_id, matches: 1 });
    });
    return out;
  }

  private async byId(comodel: string, keys: string[]): Promise<Map<string, Found>> {
    const model = this.env.model(comodel);
    const ids = keys.map((k) => Number(k)).filter((n) => Number.isInteger(n) && n > 0 && n <= 2147483647);
    const found = new Set(ids.length ? await model.with_context({ active_test: false }).search([['id', 'in', ids]]) : []);
    const out = new Map<string, Found>();
    for (const key of keys) {
      const id = Number(key);
      if (!Number.isInteger(id) || id <= 0) out.set(key, { error: problem('not_an_id', { value: key }) });
      else out.set(key, found.has(id) ? { id, matches: 1 } : { error: problem('unknown_id', { model: this.describe(comodel), value: key }) });
    }
    return out;
  }
}

/** The records that already carry external ids of the import (rows that update them). */
export async function existingXmlids(env: Env, xmlids: string[]): Promise<Map<string, { model: string; id: number }>> {
  if (!xmlids.length) return new Map();
  const qualified = xmlids.map(qualifyXmlid);
  const rows = await env.cr.query<{ module: string; name: string; model: string; res_id: number }>(
    `SELECT d.module, d.name, d.model, d.res_id FROM ir_model_data d
       JOIN unnest($1::text[], $2::text[]) AS v(m, n) ON d.module = v.m AND d.name = v.n`,
    [qualified.map((q) => q[0]), qualified.map((q) => q[1])]);
  const byKey = new Map(rows.map((r) => [`${r.module}.${r.name}`, { model: r.model, id: r.res_id }]));
  const out = new Map<string, { model: string; id: number }>();
  xmlids.forEach((xmlid, i) => { const hit = byKey.get(qualified[i].join('.')); if (hit) out.set(xmlid, hit); });
  return out;
}

/** Records the external ids of records the import created (one INSERT per batch). */
export async function registerXmlids(env: Env, model: string, pairs: Array<[string, number]>): Promise<void> {
  if (!pairs.length) return;
  const qualified = pairs.map(([xmlid]) => qualifyXmlid(xmlid));
  for (const [, name] of qualified) if (/\s/.test(name)) throw errors.userError(`External ids cannot contain spaces ("${name}")`);
  await env.cr.execute(
    `INSERT INTO ir_model_data (module, name, model, res_id, noupdate, create_uid, create_date, write_uid, write_date)
     SELECT m, n, $1, r, false, $5, now() AT TIME ZONE 'UTC', $5, now() AT TIME ZONE 'UTC' FROM unnest($2::text[], $3::text[], $4::int4[]) AS v(m, n, r)`,
    [model, qualified.map((q) => q[0]), qualified.map((q) => q[1]), pairs.map(([, id]) => id), env.uid]);
}
