// Favorites are saved searches on the server, Odoo's ir.filters: the user's own and the shared
// ones, per model and action. Their domain and context are Python text, as Odoo keeps them: a
// favorite made of "Created recently" keeps `context_today()` and stays relative, and `uid`
// stays the user who applies it. Parts are joined with list concatenation
// (`['&'] + [...] + [...]`), which Python and pydomain.ts both read.

import { callKw } from '../rpc.ts';
import { evalContext, evalDomain, normalizeDomain, PyDate } from './pydomain.ts';
import { resolveDomain, type DomainSpec, type EvalNames, type Favorite } from './model.ts';

/** An ir.filters record as get_filters reads it. */
export interface IrFilter {
  id: number;
  name: string;
  domain: string | false;
  context: string | false;
  sort?: string | false;
  is_default: boolean;
  user_id: [number, string] | false;
  action_id?: [number, string] | false;
}

/** Python's text of a JSON value. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
}

/** How many expressions a domain ANDs at its top level. */
const topLevel = (domain: unknown[]): number => normalizeDomain(domain).length - domain.length + 1;

/** Whether a Python domain means the same whoever applies it, whenever (no uid, no today). */
function isConstant(py: string): boolean {
  try {
    const one = evalDomain(py, { uid: 1 }, { today: new PyDate(2001, 1, 1) });
    const other = evalDomain(py, { uid: 2 }, { today: new PyDate(2002, 2, 2) });
    return JSON.stringify(one) === JSON.stringify(other);
  } catch {
    return false; // left out below, as the search itself leaves it out
  }
}

/** Only the parts that depend on the user or the day keep their text. */
function simplify(spec: DomainSpec, names: EvalNames): DomainSpec {
  if ('py' in spec) return isConstant(spec.py) ? { value: evalDomain(spec.py, { uid: names.uid }) } : spec;
  if ('value' in spec) return spec;
  const parts = ('or' in spec ? spec.or : spec.and).map((s) => simplify(s, names));
  if (parts.every((p) => 'value' in p)) return { value: resolveDomain('or' in spec ? { or: parts } : { and: parts }, names) };
  return 'or' in spec ? { or: parts } : { and: parts };
}

interface Text { text: string; count: number }

function toText(spec: DomainSpec, names: EvalNames): Text | null {
  if ('value' in spec) return spec.value.length ? { text: pyRepr(spec.value), count: topLevel(spec.value) } : null;
  if ('py' in spec) {
    let domain: unknown[];
    try {
      domain = evalDomain(spec.py, { uid: names.uid }, { today: names.today });
    } catch {
      return null;
    }
    return domain.length ? { text: spec.py.trim(), count: topLevel(domain) } : null;
  }
  const parts = ('or' in spec ? spec.or : spec.and).map((s) => toText(s, names)).filter((p): p is Text => p !== null);
  if (parts.length <= 1) return parts[0] ?? null;
  const operators = (operator: string, n: number) => pyRepr(Array<string>(n).fill(operator));
  const single = parts.map((p) => (p.count > 1 ? `${operators('&', p.count - 1)} + ${p.text}` : p.text));
  return { text: `${operators('or' in spec ? '|' : '&', parts.length - 1)} + ${single.join(' + ')}`, count: 1 };
}

/** The domain of the facets as the Python text an ir.filters keeps. */
export function domainText(spec: DomainSpec, names: EvalNames): string {
  return toText(simplify(spec, names), names)?.text ?? '[]';
}

/** The group-bys and context of a search as ir.filters keeps them (`{'group_by': [...]}`). */
export function contextText(groupBy: string[], context: Record<string, unknown>): string {
  return pyRepr(groupBy.length ? { ...context, group_by: groupBy } : context);
}

export function favoriteOf(filter: IrFilter, names: EvalNames): Favorite {
  let context: Record<string, unknown> = {};
  try {
    context = evalContext(filter.context || '{}', { uid: names.uid });
  } catch (error) {
    console.warn(`[search] the context of favorite "${filter.name}" is ignored: ${(error as Error).message}`);
  }
  const { group_by: groupBy, ...rest } = context;
  return {
    id: filter.id, name: filter.name, domain: { py: filter.domain || '[]' },
    groupBy: (Array.isArray(groupBy) ? groupBy : groupBy ? [groupBy] : []).map(String),
    context: rest, isDefault: Boolean(filter.is_default), userId: Array.isArray(filter.user_id) ? filter.user_id[0] : false,
  };
}

/** The favorite that opens with the view: the user's own default, else a shared one. */
export function defaultFavorite(favorites: Favorite[]): Favorite | undefined {
  return favorites.find((f) => f.isDefault && f.userId) ?? favorites.find((f) => f.isDefault);
}

export function loadFilters(model: string, actionId: number | false): Promise<IrFilter[]> {
  return callKw<IrFilter[]>('ir.filters', 'get_filters', [model, actionId]);
}

export interface NewFavorite {
  name: string;
  model: string;
  actionId: number | false;
  domain: string;
  context: string;
  isDefault: boolean;
  /** false: shared with everyone. */
  userId: number | false;
}

export function saveFilter(favorite: NewFavorite): Promise<number> {
  return callKw<number>('ir.filters', 'create_or_replace', [{
    name: favorite.name, model_id: favorite.model, action_id: favorite.actionId, domain: favorite.domain, context: favorite.context,
    sort: '[]', is_default: favorite.isDefault, user_id: favorite.userId,
  }]);
}

export function deleteFilter(id: number): Promise<unknown> {
  return callKw('ir.filters', 'unlink', [[id]]);
}
