// The search model, without the DOM of the panel: the items a search arch declares (fields,
// filters, date filters, group-bys, in their groups), the facets the user activated, and what
// they mean (domain, group-bys, context). Filters of one group are OR-ed, facets are AND-ed, as in
// Odoo 17. Python texts of the arch are evaluated with pydomain.ts, never eval().

import { andDomains, evalContext, evalDomain, orDomains, PyDate, PyEvalError } from './pydomain.ts';

export interface SearchFieldInfo {
  type: string;
  string: string;
  relation?: string;
  selection?: Array<[string, string]>;
  store?: boolean;
  sortable?: boolean;
}

export interface SearchItem {
  id: number;
  type: 'field' | 'filter' | 'dateFilter' | 'groupBy';
  /** Filters of the same group are OR-ed in one facet. */
  groupId: number;
  name: string;
  description: string;
  invisible: boolean;
  /** filter: its Python domain text. */
  domain?: string;
  /** filter: its Python context text (group_by keys removed for plain filters). */
  context?: string;
  /** groupBy: the fields it groups by (from context group_by). */
  groupBy?: string[];
  /** field / dateFilter: the field searched. */
  fieldName?: string;
  fieldType?: string;
  /** field: `operator` and `filter_domain` attributes. */
  operator?: string;
  filterDomain?: string;
  /** dateFilter: the `default_period` attribute. */
  defaultPeriod?: string;
}

/** A domain that may still hold Python text, evaluated when the search runs (so that
 *  `context_today()` in a saved favorite stays relative). */
export type DomainSpec = { py: string } | { value: unknown[] } | { or: DomainSpec[] } | { and: DomainSpec[] };

export interface FieldValue { label: string; domain: DomainSpec }
export interface GroupByEntry { field: string; label: string }

export interface Favorite {
  /** The ir.filters record it is saved as. */
  id?: number;
  /** Its owner; false: shared with everyone. */
  userId?: number | false;
  name: string;
  domain: DomainSpec;
  groupBy: string[];
  /** The labels of the group-bys, for the facet. */
  groupByLabels?: string[];
  context: Record<string, unknown>;
  isDefault?: boolean;
}

export type Facet =
  | { type: 'filter'; groupId: number; itemIds: number[] }
  | { type: 'date'; itemId: number; options: string[] }
  | { type: 'groupBy'; entries: GroupByEntry[] }
  | { type: 'field'; itemId: number; values: FieldValue[] }
  | { type: 'custom'; label: string; domain: unknown[] }
  | { type: 'favorite'; favorite: Favorite };

export interface SearchResult {
  domain: unknown[];
  groupBy: string[];
  context: Record<string, unknown>;
}

export interface EvalNames {
  uid: number | false;
  today?: PyDate;
}

const warn = (message: string) => console.warn(`[search] ${message}`);

/** The items of a `<search>` arch, in order, with their groups (Odoo's SearchArchParser). */
export function parseSearchArch(root: Element, fields: Record<string, SearchFieldInfo>, names: EvalNames): SearchItem[] {
  const items: SearchItem[] = [];
  let groupId = 1;
  let lastType: string | null = null;
  let groupByGroup = 0;
  const newGroup = () => { groupId++; lastType = null; };
  const visit = (node: Element) => {
    for (const child of [...node.children]) {
      const tag = child.tagName;
      const invisible = ['1', 'true', 'True'].includes(child.getAttribute('invisible') ?? '');
      if (tag === 'separator') newGroup();
      else if (tag === 'group') { newGroup(); visit(child); newGroup(); }
      else if (tag === 'field') {
        const name = child.getAttribute('name') ?? '';
        const field = fields[name];
        newGroup();
        items.push({
          id: items.length + 1, type: 'field', groupId, name, invisible, fieldName: name, fieldType: field?.type ?? 'char',
          description: child.getAttribute('string') ?? field?.string ?? name,
          operator: child.getAttribute('operator') ?? undefined, filterDomain: child.getAttribute('filter_domain') ?? undefined,
          context: child.getAttribute('context') ?? undefined,
        });
        newGroup();
      } else if (tag === 'filter') {
        const name = child.getAttribute('name') ?? `filter_${items.length + 1}`;
        const description = child.getAttribute('string') ?? child.getAttribute('help') ?? name;
        const contextText = child.getAttribute('context') ?? '';
        let context: Record<string, unknown>;
        try {
          context = evalContext(contextText, { uid: names.uid }, { today: names.today });
        } catch (error) {
          warn(`filter "${name}" skipped: its context ${JSON.stringify(contextText)} is not supported (${(error as Error).message})`);
          continue;
        }
        const groupBy = context.group_by;
        if (groupBy) {
          groupByGroup ||= -1;
          items.push({ id: items.length + 1, type: 'groupBy', groupId: groupByGroup, name, description, invisible,
            groupBy: (Array.isArray(groupBy) ? groupBy : [groupBy]).map(String) });
          continue;
        }
        const type = child.getAttribute('date') ? 'dateFilter' : 'filter';
        if (type === 'dateFilter' || lastType !== 'filter') newGroup();
        const domain = child.getAttribute('domain') ?? '';
        try {
          evalDomain(domain, { uid: names.uid }, { today: names.today });
        } catch (error) {
          warn(`filter "${name}" skipped: its domain ${JSON.stringify(domain)} is not supported (${(error as Error).message})`);
          continue;
        }
        const dateField = child.getAttribute('date') ?? undefined;
        items.push({
          id: items.length + 1, type, groupId, name, description, invisible, domain, context: contextText || undefined,
          fieldName: dateField, fieldType: dateField ? fields[dateField]?.type ?? 'date' : undefined,
          defaultPeriod: child.getAttribute('default_period') ?? undefined,
        });
        lastType = type;
        if (type === 'dateFilter') newGroup();
      }
    }
  };
  visit(root);
  return items;
}

export function resolveDomain(spec: DomainSpec, names: EvalNames): unknown[] {
  if ('py' in spec) return evalDomain(spec.py, { uid: names.uid }, { today: names.today });
  if ('value' in spec) return spec.value;
  if ('or' in spec) return orDomains(spec.or.map((s) => resolveDomain(s, names)));
  return andDomains(spec.and.map((s) => resolveDomain(s, names)));
}

// ---- date filters: months of this year, quarters, the last three years ---------------------------

export interface DateOption { id: string; label: string; kind: 'month' | 'quarter' | 'year' }

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function dateOptions(today: PyDate, translate: (text: string) => string = (s) => s): DateOption[] {
  const months: DateOption[] = [0, 1, 2].map((back) => {
    const month = ((today.month - 1 - back) % 12 + 12) % 12;
    return { id: `month_${month + 1}`, label: translate(MONTHS[month]), kind: 'month' };
  });
  const quarters: DateOption[] = [4, 3, 2, 1].map((q) => ({ id: `quarter_${q}`, label: `Q${q}`, kind: 'quarter' }));
  const years: DateOption[] = [0, 1, 2].map((back) => ({ id: `year_${back}`, label: String(today.year - back), kind: 'year' }));
  return [...months, ...quarters, ...years];
}

/** The options a date filter starts with: `default_period` (this_month, this_quarter, this_year,
 *  last_month, ...) or this month. */
export function defaultDateOptions(period: string | undefined, today: PyDate): string[] {
  const quarter = Math.floor((today.month - 1) / 3) + 1;
  switch (period) {
    case 'this_year': return ['year_0'];
    case 'last_year': return ['year_1'];
    case 'this_quarter': return [`quarter_${quarter}`, 'year_0'];
    case 'last_month': return today.month === 1 ? ['month_12', 'year_1'] : [`month_${today.month - 1}`, 'year_0'];
    default: return [`month_${today.month}`, 'year_0'];
  }
}

const iso = (year: number, month: number, day: number) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The domain of a date filter's options: years × (months ∪ quarters), OR-ed; whole years when
 *  no month or quarter is chosen. Datetime fields compare with the bounds at midnight. */
export function dateDomain(field: string, type: string | undefined, options: string[], today: PyDate): unknown[] {
  const years = options.filter((o) => o.startsWith('year_')).map((o) => today.year - Number(o.slice(5)));
  const periods: Array<[number, number]> = []; // [first month, months]
  for (const o of options) {
    if (o.startsWith('month_')) periods.push([Number(o.slice(6)), 1]);
    if (o.startsWith('quarter_')) periods.push([(Number(o.slice(8)) - 1) * 3 + 1, 3]);
  }
  const bound = (y: number, m: number) => {
    const year = y + Math.floor((m - 1) / 12);
    const date = iso(year, ((m - 1) % 12) + 1, 1);
    return type === 'datetime' ? `${date} 00:00:00` : date;
  };
  const ranges: unknown[][] = [];
  for (const year of years.length ? years : [today.year]) {
    for (const [first, count] of periods.length ? periods : [[1, 12] as [number, number]]) {
      ranges.push([[field, '>=', bound(year, first)], [field, '<', bound(year, first + count)]]);
    }
  }
  return orDomains(ranges);
}

export function dateOptionsLabel(options: string[], today: PyDate, translate: (text: string) => string = (s) => s): string {
  const all = dateOptions(today, translate);
  const label = (id: string) => all.find((o) => o.id === id)?.label ?? id;
  const years = options.filter((o) => o.startsWith('year_'));
  const periods = options.filter((o) => !o.startsWith('year_'));
  const yearLabels = (years.length ? years : ['year_0']).map(label);
  if (!periods.length) return yearLabels.join(' or ');
  return yearLabels.flatMap((y) => periods.map((p) => `${label(p)} ${y}`)).join(' or ');
}

// ---- the meaning of the facets -------------------------------------------------------------------

export function facetDomainSpec(facet: Facet, items: Map<number, SearchItem>, today: PyDate): DomainSpec | null {
  switch (facet.type) {
    case 'filter': return { or: facet.itemIds.map((id) => ({ py: items.get(id)?.domain ?? '' })) };
    case 'date': {
      const item = items.get(facet.itemId)!;
      const own: DomainSpec[] = item.domain?.trim() ? [{ py: item.domain }] : [];
      return { and: [...own, { value: dateDomain(item.fieldName!, item.fieldType, facet.options, today) }] };
    }
    case 'field': return { or: facet.values.map((v) => v.domain) };
    case 'custom': return { value: facet.domain };
    case 'favorite': return facet.favorite.domain;
    case 'groupBy': return null;
  }
}

export function computeSearch(facets: Facet[], items: Map<number, SearchItem>, names: EvalNames): SearchResult {
  const today = names.today ?? PyDate.today();
  const domains: unknown[][] = [];
  const groupBy: string[] = [];
  const context: Record<string, unknown> = {};
  for (const facet of facets) {
    const spec = facetDomainSpec(facet, items, today);
    if (spec) {
      try {
        domains.push(resolveDomain(spec, { ...names, today }));
      } catch (error) {
        if (!(error instanceof PyEvalError)) throw error;
        warn(`a facet was ignored: ${error.message}`);
      }
    }
    if (facet.type === 'groupBy') groupBy.push(...facet.entries.map((e) => e.field));
    if (facet.type === 'favorite') {
      groupBy.push(...facet.favorite.groupBy);
      Object.assign(context, facet.favorite.context);
    }
    if (facet.type === 'filter' || facet.type === 'date') {
      const ids = facet.type === 'filter' ? facet.itemIds : [facet.itemId];
      for (const id of ids) {
        const text = items.get(id)?.context;
        if (!text) continue;
        try {
          const { group_by: _ignored, ...rest } = evalContext(text, { uid: names.uid }, { today });
          Object.assign(context, rest);
        } catch (error) {
          warn(`the context of a filter was ignored: ${(error as Error).message}`);
        }
      }
    }
  }
  return { domain: andDomains(domains), groupBy, context };
}
