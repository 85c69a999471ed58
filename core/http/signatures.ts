// Odoo's Python signatures of the standard model methods, and how each maps onto ours. Odoo
// clients send positional args plus keyword args (`search(domain, offset=0, limit=None, ...)`);
// our methods take positional values with option objects (`search(domain, {limit, offset,
// order})`). For each method the table lists Python's parameter names (for methods on records,
// the ids come first, as RPC sends them) and builds our call from the named values.

import type { Domain } from '../models/types.ts';
import { httpErrors } from './errors.ts';

type Named = Record<string, unknown>;

export interface Signature {
  /** Python's parameter names, in order (without `self`; record methods start with `ids`). */
  params: string[];
  /** How many leading parameters have no default. */
  required: number;
  /** Names that may be given for a parameter (Odoo 18 renamed name_search's `args`). */
  aliases?: Record<string, string>;
  /** Our method and its positional arguments, from the named values. */
  call(v: Named): { method: string; args: unknown[] };
}

const domain = (v: unknown): Domain => (v ?? []) as Domain;
const orNull = (v: unknown): unknown => (v === false || v === undefined ? null : v);
const offset = (v: unknown): number => (typeof v === 'number' ? v : 0);

const table: Record<string, Signature> = {
  search: {
    params: ['domain', 'offset', 'limit', 'order', 'count'], required: 1,
    call: (v) => (v.count
      ? { method: 'search_count', args: [domain(v.domain), { limit: orNull(v.limit) }] }
      : { method: 'search', args: [domain(v.domain), { offset: offset(v.offset), limit: orNull(v.limit), order: orNull(v.order) }] }),
  },
  search_count: {
    params: ['domain', 'limit'], required: 1,
    call: (v) => ({ method: 'search_count', args: [domain(v.domain), { limit: orNull(v.limit) }] }),
  },
  search_read: {
    params: ['domain', 'fields', 'offset', 'limit', 'order', 'load'], required: 0,
    call: (v) => ({ method: 'search_read', args: [domain(v.domain), orNull(v.fields), { offset: offset(v.offset), limit: orNull(v.limit), order: orNull(v.order) }] }),
  },
  read: {
    params: ['ids', 'fields', 'load'], required: 1,
    call: (v) => ({ method: 'read', args: [v.ids, orNull(v.fields)] }),
  },
  read_group: {
    params: ['domain', 'fields', 'groupby', 'offset', 'limit', 'orderby', 'lazy'], required: 3,
    call: (v) => ({
      method: 'read_group',
      args: [domain(v.domain), v.fields ?? [], v.groupby ?? [], { offset: offset(v.offset), limit: orNull(v.limit), orderby: orNull(v.orderby), lazy: v.lazy ?? true }],
    }),
  },
  name_search: {
    params: ['name', 'args', 'operator', 'limit'], required: 0,
    aliases: { domain: 'args' },
    call: (v) => ({ method: 'name_search', args: [v.name ?? '', domain(v.args), v.operator ?? 'ilike', v.limit === undefined ? 100 : orNull(v.limit)] }),
  },
  name_get: { params: ['ids'], required: 1, call: (v) => ({ method: 'name_get', args: [v.ids] }) },
  fields_get: {
    params: ['allfields', 'attributes'], required: 0,
    call: (v) => ({ method: 'fields_get', args: [orNull(v.allfields), orNull(v.attributes)] }),
  },
  default_get: { params: ['fields_list'], required: 1, aliases: { fields: 'fields_list' }, call: (v) => ({ method: 'default_get', args: [v.fields_list ?? []] }) },
  copy: { params: ['ids', 'default'], required: 1, call: (v) => ({ method: 'copy', args: [v.ids, v.default ?? {}] }) },
  onchange: {
    params: ['ids', 'values', 'field_names', 'fields_spec'], required: 2,
    call: (v) => ({ method: 'onchange', args: [v.values ?? {}, v.field_names ?? [], v.fields_spec] }),
  },
  check_access_rights: {
    params: ['operation', 'raise_exception'], required: 1,
    call: (v) => ({ method: 'check_access_rights', args: [v.operation, v.raise_exception ?? true] }),
  },
  create: { params: ['vals_list'], required: 1, call: (v) => ({ method: 'create', args: [v.vals_list] }) },
  write: { params: ['ids', 'vals'], required: 2, call: (v) => ({ method: 'write', args: [v.ids, v.vals] }) },
  unlink: { params: ['ids'], required: 1, call: (v) => ({ method: 'unlink', args: [v.ids] }) },
  exists: { params: ['ids'], required: 1, call: (v) => ({ method: 'exists', args: [v.ids] }) },
};

/** The Odoo signature of `method`, when it is one of the standard ones. */
export function signatureOf(method: string): Signature | undefined {
  return Object.hasOwn(table, method) ? table[method] : undefined;
}

/** Binds positional and keyword arguments to the parameter names, as Python does, with
 *  Python's messages for the mistakes. */
export function bindArguments(method: string, sig: Signature, args: unknown[], kwargs: Named): Named {
  if (args.length > sig.params.length) {
    throw httpErrors.invalidParams(`${method}() takes ${sig.params.length} positional arguments but ${args.length} were given`);
  }
  const named: Named = {};
  sig.params.forEach((p, i) => { if (i < args.length) named[p] = args[i]; });
  for (const [key, value] of Object.entries(kwargs)) {
    const name = sig.aliases?.[key] ?? key;
    if (!sig.params.includes(name)) throw httpErrors.invalidParams(`${method}() got an unexpected keyword argument '${key}'`);
    if (name in named) throw httpErrors.invalidParams(`${method}() got multiple values for argument '${name}'`);
    named[name] = value;
  }
  const missing = sig.params.slice(0, sig.required).filter((p) => !(p in named));
  if (missing.length) {
    throw httpErrors.invalidParams(`${method}() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${missing.map((m) => `'${m}'`).join(' and ')}`);
  }
  return named;
}
