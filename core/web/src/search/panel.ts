// The search panel above multi-record views, as Odoo 17's: a search box with facets, suggestions
// "Search <field> for: <text>" (many2one: with the matching records to pick one), and a dropdown
// of Filters, Group By (with a custom group) and Favorites (ir.filters on the server, loaded with
// the views: favorites.ts). Every change of the facets dispatches `search-change` with
// `{ domain, groupBy, context }`; once at the start too, with the default favorite or the
// action's search defaults.

import { LitElement, css, html, nothing, svg } from 'lit';
import { callKw, rpc } from '../rpc.ts';
import { parseArch } from '../arch.ts';
import { addTranslations, t } from '../i18n.ts';
import { registerView } from '../views/registry.ts';
import { PyDate, evalDomain } from './pydomain.ts';
import {
  computeSearch, dateOptions, dateOptionsLabel, defaultDateOptions, facetDomainSpec, parseSearchArch,
  type DomainSpec, type Facet, type Favorite, type FieldValue, type SearchFieldInfo, type SearchItem, type SearchResult,
} from './model.ts';
import { contextText, defaultFavorite, deleteFilter, domainText, favoriteOf, loadFilters, saveFilter, type IrFilter } from './favorites.ts';

addTranslations('fa', {
  'Search...': 'جستجو...',
  'Search': 'جستجو',
  'Search {field} for: {text}': 'جستجوی {field} برای: {text}',
  'Toggle search panel': 'نمایش/پنهان کردن پنل جستجو',
  'Filters': 'فیلترها',
  'Group By': 'گروه‌بندی',
  'Favorites': 'علاقه‌مندی‌ها',
  'Add Custom Filter': 'افزودن فیلتر سفارشی',
  'Add Custom Group': 'افزودن گروه سفارشی',
  'Save current search': 'ذخیره جستجوی فعلی',
  'Name': 'نام',
  'Default filter': 'فیلتر پیش‌فرض',
  'Shared': 'اشتراکی',
  'Shared with everyone': 'اشتراکی با همه',
  'Are you sure that you want to remove this filter?': 'آیا مطمئن هستید که می‌خواهید این فیلتر را حذف کنید؟',
  'Save': 'ذخیره',
  'Apply': 'اعمال',
  'Field': 'فیلد',
  'Operator': 'عملگر',
  'Value': 'مقدار',
  'Remove': 'حذف',
  'Delete favorite': 'حذف علاقه‌مندی',
  'or': 'یا',
  'is set': 'تنظیم شده است',
  'is not set': 'تنظیم نشده است',
  'contains': 'شامل',
  'does not contain': 'شامل نیست',
  'is equal to': 'برابر است با',
  'is not equal to': 'برابر نیست با',
  'greater than': 'بزرگتر از',
  'less than': 'کوچکتر از',
  'is true': 'درست است',
  'is false': 'نادرست است',
  'Loading…': 'در حال بارگذاری…',
  '(no match)': '(موردی یافت نشد)',
  'Show matching records': 'نمایش رکوردهای منطبق',
  'January': 'ژانویه', 'February': 'فوریه', 'March': 'مارس', 'April': 'آوریل', 'May': 'مه', 'June': 'ژوئن',
  'July': 'ژوئیه', 'August': 'اوت', 'September': 'سپتامبر', 'October': 'اکتبر', 'November': 'نوامبر', 'December': 'دسامبر',
});

// ---- session and field metadata, fetched once --------------------------------------------------------

let uidPromise: Promise<number | false> | null = null;
/** The user's id for `uid` in domains (the app passes nothing, so ask the session once). */
function currentUid(): Promise<number | false> {
  uidPromise ??= rpc<{ uid?: number | false }>('/web/session/get_session_info').then((info) => info.uid ?? false, () => false);
  return uidPromise;
}

const allFieldsCache = new Map<string, Promise<Record<string, SearchFieldInfo>>>();
/** Every field of the model (for custom filters and groups): the views only describe those they use. */
function allFields(model: string): Promise<Record<string, SearchFieldInfo>> {
  if (!allFieldsCache.has(model)) {
    allFieldsCache.set(model, callKw<Record<string, SearchFieldInfo>>(model, 'fields_get', [], { attributes: ['string', 'type', 'store', 'relation', 'selection', 'sortable'] })
      .catch(() => { allFieldsCache.delete(model); return {}; }));
  }
  return allFieldsCache.get(model)!;
}

/** The panel's facets per action element, so that coming back from a form keeps the search. */
const kept = new WeakMap<Element, { key: string; facets: Facet[] }>();

const GROUPABLE = ['char', 'boolean', 'selection', 'many2one', 'date', 'datetime', 'integer', 'float', 'monetary'];
const SEARCHABLE = [...GROUPABLE, 'text', 'html', 'many2many', 'one2many'];
const RELATIONAL = ['many2one', 'many2many', 'one2many'];

interface Suggestion {
  key: string;
  itemId: number;
  /** A sub-item: one record (many2one) or one option (selection). */
  sub?: { label: string; value: unknown };
  /** many2one: its records are shown below it. */
  expandable?: boolean;
}

interface CustomFilter { field: string; operator: string; value: string }

const icons = {
  filter: svg`<path d="M1 2h14l-5.5 6.5V14l-3-1.5V8.5z" fill="currentColor"/>`,
  groupBy: svg`<path d="M8 1 1 4.5 8 8l7-3.5zM1 8l7 3.5L15 8M1 11.5 8 15l7-3.5" fill="none" stroke="currentColor" stroke-width="1.6"/>`,
  favorite: svg`<path d="m8 1 2.1 4.6 5 .5-3.7 3.4 1 4.9L8 12l-4.4 2.4 1-4.9L.9 6.1l5-.5z" fill="currentColor"/>`,
  search: svg`<circle cx="6.5" cy="6.5" r="4.8" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="m10 10 4.5 4.5" stroke="currentColor" stroke-width="1.8"/>`,
  caret: svg`<path d="M3 5.5 8 11l5-5.5z" fill="currentColor"/>`,
  shared: svg`<circle cx="5.5" cy="5" r="2.3" fill="currentColor"/><circle cx="11" cy="5.5" r="2" fill="currentColor"/><path d="M1 13c0-3 2-4.5 4.5-4.5S10 10 10 13zM9.5 9.3c.5-.3 1-.4 1.5-.4 2.2 0 4 1.3 4 4.1h-4" fill="currentColor"/>`,
};
const icon = (name: keyof typeof icons) => html`<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">${icons[name]}</svg>`;

export class SearchPanel extends LitElement {
  static override properties = {
    model: {}, arch: {}, fields: { attribute: false }, context: { attribute: false }, action: { attribute: false },
    facets: { state: true }, text: { state: true }, suggestions: { state: true }, active: { state: true }, open: { state: true },
    expanded: { state: true }, subItems: { state: true }, openDate: { state: true }, customFilter: { state: true },
    savingFavorite: { state: true }, favoriteName: { state: true }, favoriteDefault: { state: true }, modelFields: { state: true },
    favorites: { state: true }, filters: { attribute: false }, favoriteShared: { state: true }, favoriteError: { state: true },
  };
  declare model: string;
  declare arch: string;
  declare fields: Record<string, SearchFieldInfo>;
  declare context: Record<string, unknown>;
  /** The window action: its favorites are those of its id (and those of no action). */
  declare action: { id?: number | false } | undefined;
  /** The favorites (ir.filters) get_views loaded with the search view; fetched when not given. */
  declare filters: IrFilter[] | undefined;
  declare facets: Facet[];
  declare private text: string;
  declare private suggestions: Suggestion[];
  declare private active: number;
  declare private open: boolean;
  /** Many2one suggestions whose records are shown, by item id. */
  declare private expanded: Set<number>;
  declare private subItems: Map<number, Array<[number, string]> | null>;
  declare private openDate: number | null;
  declare private customFilter: CustomFilter | null;
  declare private savingFavorite: boolean;
  declare private favoriteName: string;
  declare private favoriteDefault: boolean;
  declare private modelFields: Record<string, SearchFieldInfo> | null;
  declare private favorites: Favorite[];
  declare private favoriteShared: boolean;
  declare private favoriteError: string;

  private items: SearchItem[] = [];
  private itemsById = new Map<number, SearchItem>();
  private uid: number | false = false;
  private initKey = '';
  private ready = false;
  private searchSeq = 0;

  static override styles = css`
    :host { display: block; padding: 8px 16px; background: white; border-bottom: 1px solid #e5e7eb; position: relative; }
    .bar { display: flex; align-items: stretch; max-width: 760px; border: 1px solid #d1d5db; border-radius: 4px; background: white; }
    .bar:focus-within { border-color: #71639e; box-shadow: 0 0 0 1px #71639e33; }
    .bar > .magnifier { display: flex; align-items: center; padding: 0 8px; color: #6b7280; }
    .facets { flex: 1; display: flex; flex-wrap: wrap; gap: 4px; align-items: center; padding: 3px 0; min-width: 0; }
    .facet { display: inline-flex; align-items: stretch; border-radius: 3px; overflow: hidden; font-size: 13px; max-width: 100%; }
    .facet .label { background: #71639e; color: white; display: flex; align-items: center; gap: 4px; padding: 2px 6px; }
    .facet .values { background: #e5e7eb; padding: 2px 6px; display: flex; align-items: center; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .facet .values .or { color: #6b7280; font-style: italic; padding: 0 4px; }
    .facet button.remove { background: #e5e7eb; border: 0; cursor: pointer; padding: 0 6px; color: #4b5563; font-size: 14px; }
    .facet button.remove:hover { color: #b91c1c; }
    input.box { flex: 1; min-width: 120px; border: 0; outline: none; font: inherit; padding: 4px 6px; background: transparent; }
    .toggle { border: 0; border-inline-start: 1px solid #d1d5db; background: #f9fafb; cursor: pointer; padding: 0 10px; color: #374151; }
    .toggle[aria-expanded='true'] { background: #ede9fe; }
    ul.suggestions { position: absolute; z-index: 20; margin: 2px 0 0; padding: 4px 0; list-style: none; background: white; border: 1px solid #d1d5db;
      border-radius: 4px; box-shadow: 0 4px 12px #0002; min-width: 360px; max-width: 760px; }
    ul.suggestions li { padding: 5px 12px; cursor: pointer; display: flex; align-items: center; gap: 6px; }
    ul.suggestions li.sub { padding-inline-start: 34px; }
    ul.suggestions li[aria-selected='true'] { background: #ede9fe; }
    ul.suggestions li .expand { border: 0; background: none; cursor: pointer; width: 18px; padding: 0; color: #6b7280; }
    ul.suggestions li .expand[aria-expanded='false'] svg { transform: rotate(-90deg); }
    :host(:dir(rtl)) ul.suggestions li .expand[aria-expanded='false'] svg { transform: rotate(90deg); }
    ul.suggestions li .spacer { width: 18px; }
    ul.suggestions li.empty { color: #6b7280; font-style: italic; cursor: default; }
    .dropdown { position: absolute; z-index: 20; display: grid; grid-template-columns: repeat(3, minmax(200px, 1fr)); gap: 0; margin-top: 2px;
      background: white; border: 1px solid #d1d5db; border-radius: 4px; box-shadow: 0 4px 12px #0002; max-width: 760px; width: 100%; }
    .dropdown section { padding: 8px 0; border-inline-end: 1px solid #e5e7eb; }
    .dropdown section:last-child { border-inline-end: 0; }
    .dropdown h2 { font-size: 13px; margin: 0 0 4px; padding: 0 12px; display: flex; gap: 6px; align-items: center; color: #374151; }
    .dropdown h2 svg { color: #71639e; }
    .dropdown [role='menuitemcheckbox'], .dropdown .action { display: flex; width: 100%; text-align: start; gap: 6px; align-items: center; background: none; border: 0;
      padding: 4px 12px 4px 28px; cursor: pointer; font: inherit; position: relative; }
    .dropdown [role='menuitemcheckbox']:hover, .dropdown .action:hover { background: #f3f4f6; }
    .dropdown [aria-checked='true']::before { content: '✓'; position: absolute; inset-inline-start: 10px; color: #71639e; font-weight: bold; }
    .dropdown .option { padding-inline-start: 44px; }
    .dropdown .option[aria-checked='true']::before { inset-inline-start: 28px; }
    .dropdown hr { border: 0; border-top: 1px solid #e5e7eb; margin: 4px 0; }
    .dropdown .form { padding: 4px 12px; display: grid; gap: 6px; }
    .dropdown select, .dropdown input:not([type='checkbox']) { font: inherit; padding: 3px 4px; border: 1px solid #d1d5db; border-radius: 3px; width: 100%; box-sizing: border-box; }
    .dropdown .primary { background: #71639e; color: white; border: 0; border-radius: 3px; padding: 4px 10px; cursor: pointer; font: inherit; justify-self: start; }
    .favorite { display: flex; align-items: center; }
    .favorite [role='menuitemcheckbox'] { flex: 1; }
    .favorite .delete { border: 0; background: none; cursor: pointer; color: #9ca3af; padding: 0 10px; }
    .favorite .delete:hover { color: #b91c1c; }
    .favorite .shared { color: #9ca3af; display: inline-flex; margin-inline-start: 4px; }
    .dropdown .error { color: #b91c1c; font-size: 12px; margin: 4px 12px; }
  `;

  constructor() {
    super();
    this.model = '';
    this.arch = '<search/>';
    this.fields = {};
    this.context = {};
    this.action = undefined;
    this.facets = [];
    this.text = '';
    this.suggestions = [];
    this.active = 0;
    this.open = false;
    this.expanded = new Set();
    this.subItems = new Map();
    this.openDate = null;
    this.customFilter = null;
    this.savingFavorite = false;
    this.favoriteName = '';
    this.favoriteDefault = false;
    this.modelFields = null;
    this.favorites = [];
    this.filters = undefined;
    this.favoriteShared = false;
    this.favoriteError = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onOutside, true);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('pointerdown', this.onOutside, true);
    super.disconnectedCallback();
  }

  private onOutside = (event: Event): void => {
    if (!event.composedPath().includes(this)) {
      this.open = false;
      this.suggestions = [];
    }
  };

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('model') || changed.has('arch') || changed.has('context') || changed.has('fields')) {
      const key = `${this.model}\n${this.arch}\n${JSON.stringify(this.context ?? {})}`;
      if (key !== this.initKey) {
        this.initKey = key;
        void this.init(key);
      }
    }
  }

  // ---- setup: the arch's items and the defaults --------------------------------------------------

  private get host(): Element | null {
    const root = this.getRootNode();
    return root instanceof ShadowRoot ? root.host : null;
  }

  private get actionId(): number | false {
    return typeof this.action?.id === 'number' ? this.action.id : false;
  }

  /** The favorites changed on the server: shown here, and kept by the action for next time. */
  private setFilters(filters: IrFilter[]): void {
    this.favorites = filters.map((f) => favoriteOf(f, { uid: this.uid }));
    this.dispatchEvent(new CustomEvent<IrFilter[]>('favorites-change', { detail: filters, bubbles: true, composed: true }));
  }

  private async init(key: string): Promise<void> {
    this.ready = false;
    this.uid = await currentUid();
    if (key !== this.initKey) return;
    let root: Element;
    try {
      root = parseArch(this.arch || '<search/>');
    } catch (error) {
      console.warn('[search] invalid search arch', error);
      root = parseArch('<search/>');
    }
    this.items = parseSearchArch(root, this.fields ?? {}, { uid: this.uid });
    this.itemsById = new Map(this.items.map((item) => [item.id, item]));
    let filters = this.filters;
    if (!filters) {
      try {
        filters = await loadFilters(this.model, this.actionId);
      } catch (error) {
        console.warn('[search] the favorites could not be loaded', error);
        filters = [];
      }
      if (key !== this.initKey) return;
    }
    this.favorites = filters.map((f) => favoriteOf(f, { uid: this.uid }));
    const host = this.host;
    const previous = host ? kept.get(host) : undefined;
    const facets = previous && previous.key === key ? previous.facets : await this.defaultFacets();
    if (key !== this.initKey) return;
    this.ready = true;
    this.setFacets(facets);
  }

  /** The default favorite, or the action's `search_default_*` keys. */
  private async defaultFacets(): Promise<Facet[]> {
    const favorite = defaultFavorite(this.favorites);
    if (favorite) return [{ type: 'favorite', favorite }];
    const context = this.context ?? {};
    const defaults = Object.entries(context).filter(([k, v]) => k.startsWith('search_default_') && v !== false && v !== null && v !== undefined && v !== '' && v !== 0)
      .map(([k, v]) => [k.slice('search_default_'.length), v] as const);
    let facets: Facet[] = [];
    const groupBys: Array<{ item: SearchItem; rank: number }> = [];
    for (const [name, value] of defaults) {
      const item = this.items.find((i) => i.name === name && i.type !== 'field') ?? this.items.find((i) => i.type === 'field' && i.name === name);
      if (!item) continue;
      if (item.type === 'groupBy') groupBys.push({ item, rank: typeof value === 'number' ? value : 0 });
      else if (item.type === 'filter') facets = this.toggledFilter(facets, item, true);
      else if (item.type === 'dateFilter') facets = [...facets, { type: 'date', itemId: item.id, options: defaultDateOptions(item.defaultPeriod, PyDate.today()) }];
      else if (item.type === 'field') {
        const values = await this.defaultFieldValues(item, value);
        if (values.length) facets = [...facets, { type: 'field', itemId: item.id, values }];
      }
    }
    groupBys.sort((a, b) => a.rank - b.rank);
    for (const { item } of groupBys) facets = this.toggledGroupBy(facets, item.groupBy!.map((field) => ({ field, label: item.description })), true);
    return facets;
  }

  private async defaultFieldValues(item: SearchItem, value: unknown): Promise<FieldValue[]> {
    const field = this.fields[item.fieldName!];
    if (field && RELATIONAL.includes(field.type) && field.relation && (typeof value === 'number' || Array.isArray(value))) {
      const ids = (Array.isArray(value) ? value : [value]).filter((v): v is number => typeof v === 'number');
      let names = new Map<number, string>(ids.map((id) => [id, `#${id}`]));
      try {
        const rows = await callKw<Array<{ id: number; display_name: string }>>(field.relation, 'read', [ids, ['display_name']]);
        names = new Map(rows.map((r) => [r.id, r.display_name]));
      } catch { /* the ids stay as labels */ }
      return ids.map((id) => this.fieldValue(item, names.get(id) ?? `#${id}`, id, true)).filter((v): v is FieldValue => !!v);
    }
    const fieldValue = this.fieldValue(item, String(value), value, false);
    return fieldValue ? [fieldValue] : [];
  }

  // ---- facets ------------------------------------------------------------------------------------

  private setFacets(facets: Facet[]): void {
    this.facets = facets;
    const host = this.host;
    if (host) kept.set(host, { key: this.initKey, facets });
    if (!this.ready) return;
    const detail: SearchResult = computeSearch(facets, this.itemsById, { uid: this.uid });
    this.searchSeq++;
    this.dataset.searchSeq = String(this.searchSeq);
    this.dispatchEvent(new CustomEvent<SearchResult>('search-change', { detail, bubbles: true, composed: true }));
  }

  /** The current search, as the `search-change` detail. */
  get search(): SearchResult {
    return computeSearch(this.facets, this.itemsById, { uid: this.uid });
  }

  private toggledFilter(facets: Facet[], item: SearchItem, on?: boolean): Facet[] {
    const index = facets.findIndex((f) => f.type === 'filter' && f.groupId === item.groupId);
    const facet = index >= 0 ? facets[index] as Extract<Facet, { type: 'filter' }> : null;
    const active = !!facet?.itemIds.includes(item.id);
    if (on === undefined) on = !active;
    if (on === active) return facets;
    if (!facet) return [...facets, { type: 'filter', groupId: item.groupId, itemIds: [item.id] }];
    const itemIds = on ? [...facet.itemIds, item.id] : facet.itemIds.filter((id) => id !== item.id);
    return itemIds.length ? facets.map((f, i) => (i === index ? { ...facet, itemIds } : f)) : facets.filter((_, i) => i !== index);
  }

  private toggledGroupBy(facets: Facet[], entries: Array<{ field: string; label: string }>, on?: boolean): Facet[] {
    const index = facets.findIndex((f) => f.type === 'groupBy');
    const facet = index >= 0 ? facets[index] as Extract<Facet, { type: 'groupBy' }> : null;
    const has = (field: string) => !!facet?.entries.some((e) => e.field === field);
    const active = entries.every((e) => has(e.field));
    if (on === undefined) on = !active;
    if (on === active) return facets;
    if (!facet) return [...facets, { type: 'groupBy', entries }];
    const fields = new Set(entries.map((e) => e.field));
    const next = on ? [...facet.entries, ...entries.filter((e) => !has(e.field))] : facet.entries.filter((e) => !fields.has(e.field));
    return next.length ? facets.map((f, i) => (i === index ? { type: 'groupBy', entries: next } : f)) : facets.filter((_, i) => i !== index);
  }

  private removeFacet(index: number): void {
    this.setFacets(this.facets.filter((_, i) => i !== index));
    this.input?.focus();
  }

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input.box');
  }

  // ---- field searches: suggestions ---------------------------------------------------------------

  /** The facet value of a field search for `text` (or a picked record/option, `exact`); null when
   *  the text does not fit the field (not a number, not a date). */
  private fieldValue(item: SearchItem, label: string, value: unknown, exact: boolean): FieldValue | null {
    const type = item.fieldType ?? 'char';
    const name = item.fieldName!;
    let operand: unknown = value;
    let operator = item.operator ?? (RELATIONAL.includes(type) || ['char', 'text', 'html'].includes(type) ? 'ilike' : '=');
    if (exact) operator = '=';
    else if (['integer', 'float', 'monetary'].includes(type)) {
      const number = Number(String(value).trim().replace(',', '.'));
      if (!String(value).trim() || Number.isNaN(number) || (type === 'integer' && !Number.isInteger(number))) return null;
      operand = number;
    } else if (type === 'date' || type === 'datetime') {
      const match = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(String(value));
      if (!match) return null;
      const date = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
      return { label, domain: { value: type === 'date' ? [[name, '=', date]] : ['&', [name, '>=', `${date} 00:00:00`], [name, '<=', `${date} 23:59:59`]] } };
    } else if (type === 'selection') {
      const keys = (this.fields[name]?.selection ?? []).filter(([, l]) => l.toLowerCase().includes(String(value).toLowerCase())).map(([k]) => k);
      if (!keys.length) return null;
      return { label, domain: { value: [[name, 'in', keys]] } };
    } else if (type === 'boolean') return null;
    if (item.filterDomain) {
      try {
        return { label, domain: { value: evalDomain(item.filterDomain, { self: operand, uid: this.uid, raw_value: operand }) } };
      } catch (error) {
        console.warn(`[search] the filter_domain of ${name} is not supported: ${(error as Error).message}`);
        return null;
      }
    }
    return { label, domain: { value: [[name, operator, operand]] } };
  }

  private buildSuggestions(): Suggestion[] {
    const text = this.text.trim();
    if (!text) return [];
    const list: Suggestion[] = [];
    for (const item of this.items) {
      if (item.type !== 'field' || item.invisible) continue;
      const type = item.fieldType ?? 'char';
      if (type === 'selection') {
        const options = (this.fields[item.fieldName!]?.selection ?? []).filter(([, l]) => l.toLowerCase().includes(text.toLowerCase()));
        if (!options.length) continue;
        list.push({ key: `f${item.id}`, itemId: item.id });
        for (const [value, label] of options) list.push({ key: `f${item.id}:${value}`, itemId: item.id, sub: { label, value } });
        continue;
      }
      if (!this.fieldValue(item, text, text, false)) continue;
      const expandable = type === 'many2one' && !item.filterDomain && !!this.fields[item.fieldName!]?.relation;
      list.push({ key: `f${item.id}`, itemId: item.id, expandable });
      if (expandable && this.expanded.has(item.id)) {
        const records = this.subItems.get(item.id);
        if (records === null || records === undefined) list.push({ key: `f${item.id}:loading`, itemId: item.id, sub: { label: t('Loading…'), value: undefined } });
        else if (!records.length) list.push({ key: `f${item.id}:none`, itemId: item.id, sub: { label: t('(no match)'), value: undefined } });
        else for (const [id, label] of records) list.push({ key: `f${item.id}:${id}`, itemId: item.id, sub: { label, value: id } });
      }
    }
    return list;
  }

  private refreshSuggestions(): void {
    const current = this.suggestions[this.active]?.key;
    this.suggestions = this.buildSuggestions();
    const index = this.suggestions.findIndex((s) => s.key === current);
    this.active = index >= 0 ? index : 0;
  }

  private onInput(event: Event): void {
    this.text = (event.target as HTMLInputElement).value;
    this.expanded = new Set();
    this.subItems = new Map();
    this.open = false;
    this.refreshSuggestions();
    this.active = 0;
  }

  private async expand(itemId: number, on = true): Promise<void> {
    const expanded = new Set(this.expanded);
    if (on) expanded.add(itemId); else expanded.delete(itemId);
    this.expanded = expanded;
    this.refreshSuggestions();
    if (!on || this.subItems.get(itemId)) return;
    const item = this.itemsById.get(itemId)!;
    const relation = this.fields[item.fieldName!]?.relation;
    const text = this.text.trim();
    let records: Array<[number, string]> = [];
    try {
      records = await callKw<Array<[number, string]>>(relation!, 'name_search', [], { name: text, operator: 'ilike', limit: 8 });
    } catch (error) {
      console.warn('[search] name_search failed', error);
    }
    if (text !== this.text.trim()) return;
    this.subItems = new Map(this.subItems).set(itemId, records);
    this.refreshSuggestions();
  }

  private pick(suggestion: Suggestion | undefined): void {
    if (!suggestion) return;
    const item = this.itemsById.get(suggestion.itemId)!;
    const text = this.text.trim();
    if (suggestion.sub && suggestion.sub.value === undefined) return;
    let value: FieldValue | null;
    if (suggestion.sub) {
      value = item.fieldType === 'selection'
        ? { label: suggestion.sub.label, domain: { value: [[item.fieldName!, '=', suggestion.sub.value]] } }
        : this.fieldValue(item, suggestion.sub.label, suggestion.sub.value, true);
    } else value = this.fieldValue(item, text, text, false);
    if (!value) return;
    const index = this.facets.findIndex((f) => f.type === 'field' && f.itemId === item.id);
    const facets = index >= 0
      ? this.facets.map((f, i) => (i === index ? { ...(f as Extract<Facet, { type: 'field' }>), values: [...(f as Extract<Facet, { type: 'field' }>).values, value!] } : f))
      : [...this.facets, { type: 'field' as const, itemId: item.id, values: [value] }];
    this.text = '';
    this.suggestions = [];
    this.expanded = new Set();
    this.subItems = new Map();
    const input = this.input;
    if (input) input.value = '';
    this.setFacets(facets);
  }

  private onKeydown(event: KeyboardEvent): void {
    const current = this.suggestions[this.active];
    const rtl = getComputedStyle(this).direction === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    switch (event.key) {
      case 'ArrowDown':
        if (!this.suggestions.length) return;
        event.preventDefault();
        this.active = (this.active + 1) % this.suggestions.length;
        break;
      case 'ArrowUp':
        if (!this.suggestions.length) return;
        event.preventDefault();
        this.active = (this.active - 1 + this.suggestions.length) % this.suggestions.length;
        break;
      case forward:
        if (current?.expandable && !this.expanded.has(current.itemId) && (event.target as HTMLInputElement).selectionStart === this.text.length) {
          event.preventDefault();
          void this.expand(current.itemId, true);
        }
        break;
      case backward:
        if (current && this.expanded.has(current.itemId) && (current.expandable || current.sub)) {
          event.preventDefault();
          this.active = this.suggestions.findIndex((s) => s.key === `f${current.itemId}`);
          void this.expand(current.itemId, false);
        }
        break;
      case 'Enter':
        if (current) {
          event.preventDefault();
          this.pick(current);
        }
        break;
      case 'Escape':
        this.suggestions = [];
        this.open = false;
        break;
      case 'Backspace':
        if (!this.text && this.facets.length) {
          event.preventDefault();
          this.removeFacet(this.facets.length - 1);
        }
        break;
      default:
    }
  }

  // ---- dropdown actions -------------------------------------------------------------------------

  private isActive(item: SearchItem): boolean {
    if (item.type === 'filter') return this.facets.some((f) => f.type === 'filter' && f.itemIds.includes(item.id));
    if (item.type === 'dateFilter') return this.facets.some((f) => f.type === 'date' && f.itemId === item.id);
    if (item.type === 'groupBy') {
      const facet = this.facets.find((f) => f.type === 'groupBy') as Extract<Facet, { type: 'groupBy' }> | undefined;
      return !!facet && item.groupBy!.every((g) => facet.entries.some((e) => e.field === g));
    }
    return false;
  }

  private toggleDateOption(item: SearchItem, option: string): void {
    const index = this.facets.findIndex((f) => f.type === 'date' && f.itemId === item.id);
    const facet = index >= 0 ? this.facets[index] as Extract<Facet, { type: 'date' }> : null;
    let options = facet ? [...facet.options] : [];
    const isYear = option.startsWith('year_');
    if (options.includes(option)) {
      options = options.filter((o) => o !== option);
      // Without a year, the months and quarters mean nothing: the filter goes.
      if (isYear && !options.some((o) => o.startsWith('year_'))) options = [];
    } else {
      options.push(option);
      if (!isYear && !options.some((o) => o.startsWith('year_'))) options.push('year_0');
    }
    const next: Facet = { type: 'date', itemId: item.id, options };
    this.setFacets(!options.length ? this.facets.filter((_, i) => i !== index)
      : index >= 0 ? this.facets.map((f, i) => (i === index ? next : f)) : [...this.facets, next]);
  }

  private async loadModelFields(): Promise<void> {
    if (this.modelFields) return;
    const fields = await allFields(this.model);
    this.modelFields = { ...fields, ...Object.fromEntries(Object.entries(this.fields ?? {}).filter(([name]) => !fields[name])) };
  }

  private toggleDropdown(): void {
    this.open = !this.open;
    this.suggestions = [];
    if (this.open) void this.loadModelFields();
  }

  private get groupableFields(): Array<[string, SearchFieldInfo]> {
    return Object.entries(this.modelFields ?? {})
      .filter(([name, f]) => f.store !== false && GROUPABLE.includes(f.type) && name !== 'id')
      .sort(([, a], [, b]) => a.string.localeCompare(b.string));
  }

  private get filterableFields(): Array<[string, SearchFieldInfo]> {
    return Object.entries(this.modelFields ?? {})
      .filter(([, f]) => f.store !== false && SEARCHABLE.includes(f.type))
      .sort(([, a], [, b]) => a.string.localeCompare(b.string));
  }

  private addCustomGroup(event: Event): void {
    const select = event.target as HTMLSelectElement;
    const field = select.value;
    select.value = '';
    if (!field) return;
    const label = this.modelFields?.[field]?.string ?? field;
    this.setFacets(this.toggledGroupBy(this.facets, [{ field, label }], true));
  }

  private operatorsFor(type: string): Array<[string, string]> {
    if (type === 'boolean') return [['is_true', t('is true')], ['is_false', t('is false')]];
    const set: Array<[string, string]> = [['set', t('is set')], ['not_set', t('is not set')]];
    if (['char', 'text', 'html', ...RELATIONAL].includes(type)) return [['ilike', t('contains')], ['not ilike', t('does not contain')], ['=', t('is equal to')], ['!=', t('is not equal to')], ...set];
    if (type === 'selection') return [['=', t('is equal to')], ['!=', t('is not equal to')], ...set];
    return [['=', t('is equal to')], ['!=', t('is not equal to')], ['>', t('greater than')], ['<', t('less than')], ['>=', '>='], ['<=', '<='], ...set];
  }

  private startCustomFilter(): void {
    void this.loadModelFields().then(() => {
      const [name, field] = this.filterableFields.find(([n]) => n === 'name') ?? this.filterableFields[0] ?? ['id', { type: 'integer', string: 'ID' }];
      this.customFilter = { field: name, operator: this.operatorsFor(field.type)[0][0], value: '' };
    });
  }

  private applyCustomFilter(): void {
    const custom = this.customFilter;
    if (!custom) return;
    const field = this.modelFields?.[custom.field];
    const type = field?.type ?? 'char';
    const opLabel = this.operatorsFor(type).find(([op]) => op === custom.operator)?.[1] ?? custom.operator;
    let domain: unknown[];
    let valueLabel = custom.value;
    switch (custom.operator) {
      case 'set': domain = [[custom.field, '!=', false]]; valueLabel = ''; break;
      case 'not_set': domain = [[custom.field, '=', false]]; valueLabel = ''; break;
      case 'is_true': domain = [[custom.field, '=', true]]; valueLabel = ''; break;
      case 'is_false': domain = [[custom.field, '=', false]]; valueLabel = ''; break;
      default: {
        let value: unknown = custom.value;
        if (['integer', 'float', 'monetary'].includes(type)) {
          value = Number(custom.value);
          if (custom.value.trim() === '' || Number.isNaN(value)) return;
        }
        if (type === 'selection') valueLabel = field?.selection?.find(([k]) => k === custom.value)?.[1] ?? custom.value;
        domain = [[custom.field, custom.operator, value]];
      }
    }
    const label = `${field?.string ?? custom.field} ${opLabel}${valueLabel ? ` "${valueLabel}"` : ''}`;
    this.customFilter = null;
    this.setFacets([...this.facets, { type: 'custom', label, domain }]);
  }

  /** Saves the current search as an ir.filters (replacing the user's favorite of that name),
   *  then shows it as the only facet. */
  private async saveFavorite(): Promise<void> {
    const name = this.favoriteName.trim();
    if (!name) return;
    const names = { uid: this.uid, today: PyDate.today() };
    const specs = this.facets.map((f) => facetDomainSpec(f, this.itemsById, names.today)).filter((s): s is DomainSpec => !!s);
    const result = this.search;
    this.favoriteError = '';
    try {
      const id = await saveFilter({
        name, model: this.model, actionId: this.actionId, domain: domainText({ and: specs }, names),
        context: contextText(result.groupBy, result.context), isDefault: this.favoriteDefault, userId: this.favoriteShared ? false : this.uid,
      });
      this.setFilters(await loadFilters(this.model, this.actionId));
      const favorite = this.favorites.find((f) => f.id === id);
      this.savingFavorite = false;
      this.favoriteName = '';
      this.favoriteDefault = false;
      this.favoriteShared = false;
      if (favorite) this.setFacets([{ type: 'favorite', favorite }]);
    } catch (error) {
      this.favoriteError = (error as Error).message;
    }
  }

  private isActiveFavorite(favorite: Favorite): boolean {
    return this.facets.some((f) => f.type === 'favorite' && f.favorite.id === favorite.id);
  }

  private toggleFavorite(favorite: Favorite): void {
    const active = this.isActiveFavorite(favorite);
    this.setFacets(active ? this.facets.filter((f) => !(f.type === 'favorite' && f.favorite.id === favorite.id)) : [{ type: 'favorite', favorite }]);
  }

  /** A user deletes their own favorites (record rules keep the others'). */
  private async deleteFavorite(favorite: Favorite): Promise<void> {
    if (!favorite.id || !window.confirm(t('Are you sure that you want to remove this filter?'))) return;
    this.favoriteError = '';
    try {
      await deleteFilter(favorite.id);
      this.setFilters(await loadFilters(this.model, this.actionId));
      if (this.isActiveFavorite(favorite)) this.setFacets(this.facets.filter((f) => !(f.type === 'favorite' && f.favorite.id === favorite.id)));
    } catch (error) {
      this.favoriteError = (error as Error).message;
    }
  }

  // ---- rendering --------------------------------------------------------------------------------

  private facetParts(facet: Facet): { icon?: keyof typeof icons; label?: string; values: string[]; separator: string } {
    const or = t('or');
    switch (facet.type) {
      case 'filter': return { icon: 'filter', values: facet.itemIds.map((id) => this.itemsById.get(id)?.description ?? '?'), separator: or };
      case 'date': {
        const item = this.itemsById.get(facet.itemId);
        return { icon: 'filter', values: [`${item?.description ?? ''}: ${dateOptionsLabel(facet.options, PyDate.today(), t).replaceAll(' or ', ` ${or} `)}`], separator: or };
      }
      case 'groupBy': return { icon: 'groupBy', values: facet.entries.map((e) => e.label), separator: '>' };
      case 'field': return { label: this.itemsById.get(facet.itemId)?.description ?? '', values: facet.values.map((v) => v.label), separator: or };
      case 'custom': return { icon: 'filter', values: [facet.label], separator: or };
      case 'favorite': return { icon: 'favorite', values: [facet.favorite.name], separator: or };
    }
  }

  override render() {
    const listId = 'search-suggestions';
    const activeKey = this.suggestions[this.active]?.key;
    return html`
      <div class="bar" role="search">
        <span class="magnifier">${icon('search')}</span>
        <div class="facets">
          ${this.facets.map((facet, index) => {
            const parts = this.facetParts(facet);
            const text = parts.values.join(` ${parts.separator} `);
            return html`<span class="facet" role="group" data-type=${facet.type} aria-label=${`${parts.label ?? ''} ${text}`.trim()}>
              <span class="label">${parts.icon ? icon(parts.icon) : nothing}${parts.label ?? nothing}</span>
              <span class="values">${parts.values.map((v, i) => html`${i ? html`<span class="or">${parts.separator}</span>` : nothing}${v}`)}</span>
              <button class="remove" aria-label=${t('Remove')} title=${t('Remove')} @click=${() => this.removeFacet(index)}>×</button>
            </span>`;
          })}
          <input class="box" type="text" role="combobox" aria-label=${t('Search')} placeholder=${t('Search...')} autocomplete="off"
            aria-expanded=${String(this.suggestions.length > 0)} aria-controls=${listId} aria-autocomplete="list"
            aria-activedescendant=${activeKey ? `sugg-${activeKey}` : nothing}
            .value=${this.text} @input=${this.onInput} @keydown=${this.onKeydown}>
        </div>
        <button class="toggle" aria-label=${t('Toggle search panel')} title=${t('Toggle search panel')} aria-expanded=${String(this.open)}
          @click=${this.toggleDropdown}>${icon('caret')}</button>
      </div>
      ${this.suggestions.length ? this.renderSuggestions(listId) : nothing}
      ${this.open ? this.renderDropdown() : nothing}`;
  }

  private renderSuggestions(listId: string) {
    return html`<ul class="suggestions" id=${listId} role="listbox" aria-label=${t('Search')}>
      ${this.suggestions.map((s, index) => {
        const item = this.itemsById.get(s.itemId)!;
        const selected = index === this.active;
        const empty = s.sub && s.sub.value === undefined;
        if (s.sub) {
          return html`<li id=${`sugg-${s.key}`} class="sub ${empty ? 'empty' : ''}" role="option" aria-selected=${String(selected)}
            @pointerdown=${(e: Event) => e.preventDefault()} @click=${() => this.pick(s)} @mouseenter=${() => { this.active = index; }}>${s.sub.label}</li>`;
        }
        const label = t('Search {field} for: {text}', { field: '\u0000', text: '\u0001' });
        const [before, rest] = label.split('\u0000');
        const [middle, after] = (rest ?? '').split('\u0001');
        return html`<li id=${`sugg-${s.key}`} role="option" aria-selected=${String(selected)}
          @pointerdown=${(e: Event) => e.preventDefault()} @click=${() => this.pick(s)} @mouseenter=${() => { this.active = index; }}>
          ${s.expandable ? html`<button class="expand" tabindex="-1" aria-label=${t('Show matching records')} aria-expanded=${String(this.expanded.has(s.itemId))}
            @click=${(e: Event) => { e.stopPropagation(); void this.expand(s.itemId, !this.expanded.has(s.itemId)); }}>${icon('caret')}</button>` : html`<span class="spacer"></span>`}
          <span>${before}<b>${item.description}</b>${middle}<i>${this.text.trim()}</i>${after}</span>
        </li>`;
      })}
    </ul>`;
  }

  private renderDropdown() {
    const visible = this.items.filter((i) => !i.invisible);
    const filterGroups: SearchItem[][] = [];
    for (const item of visible.filter((i) => i.type === 'filter' || i.type === 'dateFilter')) {
      const last = filterGroups[filterGroups.length - 1];
      if (last && last[0].groupId === item.groupId) last.push(item); else filterGroups.push([item]);
    }
    const groupBys = visible.filter((i) => i.type === 'groupBy');
    const customGroups = this.facets.flatMap((f) => (f.type === 'groupBy' ? f.entries : []))
      .filter((e) => !groupBys.some((g) => g.groupBy!.includes(e.field)));
    return html`<div class="dropdown" role="menu" aria-label=${t('Toggle search panel')}>
      <section aria-label=${t('Filters')}>
        <h2>${icon('filter')}${t('Filters')}</h2>
        ${filterGroups.map((group, gi) => html`${gi ? html`<hr>` : nothing}${group.map((item) => this.renderFilterItem(item))}`)}
        ${filterGroups.length ? html`<hr>` : nothing}
        ${this.customFilter ? this.renderCustomFilter() : html`<button class="action" @click=${this.startCustomFilter}>${t('Add Custom Filter')}</button>`}
      </section>
      <section aria-label=${t('Group By')}>
        <h2>${icon('groupBy')}${t('Group By')}</h2>
        ${groupBys.map((item) => html`<button role="menuitemcheckbox" aria-checked=${String(this.isActive(item))}
          @click=${() => this.setFacets(this.toggledGroupBy(this.facets, item.groupBy!.map((field) => ({ field, label: item.description }))))}>${item.description}</button>`)}
        ${customGroups.map((entry) => html`<button role="menuitemcheckbox" aria-checked="true"
          @click=${() => this.setFacets(this.toggledGroupBy(this.facets, [entry], false))}>${entry.label}</button>`)}
        ${groupBys.length || customGroups.length ? html`<hr>` : nothing}
        <div class="form">
          <select aria-label=${t('Add Custom Group')} @change=${this.addCustomGroup}>
            <option value="">${t('Add Custom Group')}</option>
            ${this.groupableFields.map(([name, f]) => html`<option value=${name}>${f.string}</option>`)}
          </select>
        </div>
      </section>
      <section aria-label=${t('Favorites')}>
        <h2>${icon('favorite')}${t('Favorites')}</h2>
        ${this.favorites.map((favorite) => html`<div class="favorite">
          <button role="menuitemcheckbox" aria-checked=${String(this.isActiveFavorite(favorite))}
            @click=${() => this.toggleFavorite(favorite)}>${favorite.name}${favorite.userId ? nothing
              : html`<span class="shared" title=${t('Shared with everyone')} aria-label=${t('Shared with everyone')}>${icon('shared')}</span>`}</button>
          ${favorite.userId === this.uid ? html`<button class="delete" aria-label=${`${t('Delete favorite')} ${favorite.name}`} title=${t('Delete favorite')}
            @click=${() => void this.deleteFavorite(favorite)}>×</button>` : nothing}
        </div>`)}
        ${this.favorites.length ? html`<hr>` : nothing}
        ${this.favoriteError ? html`<p class="error" role="alert">${this.favoriteError}</p>` : nothing}
        ${this.savingFavorite ? html`<div class="form">
          <input aria-label=${t('Name')} placeholder=${t('Name')} .value=${this.favoriteName}
            @input=${(e: Event) => { this.favoriteName = (e.target as HTMLInputElement).value; }}
            @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') void this.saveFavorite(); }}>
          <label><input type="checkbox" .checked=${this.favoriteDefault} @change=${(e: Event) => { this.favoriteDefault = (e.target as HTMLInputElement).checked; }}> ${t('Default filter')}</label>
          <label><input type="checkbox" .checked=${this.favoriteShared} @change=${(e: Event) => { this.favoriteShared = (e.target as HTMLInputElement).checked; }}> ${t('Shared')}</label>
          <button class="primary" ?disabled=${!this.favoriteName.trim()} @click=${() => void this.saveFavorite()}>${t('Save')}</button>
        </div>` : html`<button class="action" aria-expanded="false" @click=${() => { this.savingFavorite = true; }}>${t('Save current search')}</button>`}
      </section>
    </div>`;
  }

  private renderFilterItem(item: SearchItem) {
    if (item.type === 'filter') {
      return html`<button role="menuitemcheckbox" aria-checked=${String(this.isActive(item))}
        @click=${() => this.setFacets(this.toggledFilter(this.facets, item))}>${item.description}</button>`;
    }
    const facet = this.facets.find((f) => f.type === 'date' && f.itemId === item.id) as Extract<Facet, { type: 'date' }> | undefined;
    const expanded = this.openDate === item.id;
    const options = dateOptions(PyDate.today(), t);
    return html`<button role="menuitemcheckbox" aria-checked=${String(!!facet)} aria-expanded=${String(expanded)}
        @click=${() => { this.openDate = expanded ? null : item.id; }}>${item.description} ${icon('caret')}</button>
      ${expanded ? options.map((o, i) => html`${i && options[i - 1].kind !== o.kind ? html`<hr>` : nothing}
        <button role="menuitemcheckbox" class="option" aria-checked=${String(!!facet?.options.includes(o.id))}
          @click=${() => this.toggleDateOption(item, o.id)}>${o.label}</button>`) : nothing}`;
  }

  private renderCustomFilter() {
    const custom = this.customFilter!;
    const field = this.modelFields?.[custom.field];
    const type = field?.type ?? 'char';
    const operators = this.operatorsFor(type);
    const needsValue = !['set', 'not_set', 'is_true', 'is_false'].includes(custom.operator);
    const update = (patch: Partial<CustomFilter>) => { this.customFilter = { ...custom, ...patch }; };
    return html`<div class="form">
      <select aria-label=${t('Field')} @change=${(e: Event) => {
        const name = (e.target as HTMLSelectElement).value;
        const ops = this.operatorsFor(this.modelFields?.[name]?.type ?? 'char');
        update({ field: name, operator: ops[0][0], value: this.modelFields?.[name]?.selection?.[0]?.[0] ?? '' });
      }}>
        ${this.filterableFields.map(([name, f]) => html`<option value=${name} ?selected=${name === custom.field}>${f.string}</option>`)}
      </select>
      <select aria-label=${t('Operator')} @change=${(e: Event) => update({ operator: (e.target as HTMLSelectElement).value })}>
        ${operators.map(([op, label]) => html`<option value=${op} ?selected=${op === custom.operator}>${label}</option>`)}
      </select>
      ${!needsValue ? nothing : type === 'selection'
        ? html`<select aria-label=${t('Value')} @change=${(e: Event) => update({ value: (e.target as HTMLSelectElement).value })}>
            ${(field?.selection ?? []).map(([k, l]) => html`<option value=${k} ?selected=${k === custom.value}>${l}</option>`)}</select>`
        : html`<input aria-label=${t('Value')} type=${type === 'date' ? 'date' : ['integer', 'float', 'monetary'].includes(type) ? 'number' : 'text'}
            .value=${custom.value} @input=${(e: Event) => update({ value: (e.target as HTMLInputElement).value })}
            @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') this.applyCustomFilter(); }}>`}
      <button class="primary" @click=${this.applyCustomFilter}>${t('Apply')}</button>
    </div>`;
  }
}

customElements.define('erp-search-panel', SearchPanel);
registerView('search', 'erp-search-panel');
