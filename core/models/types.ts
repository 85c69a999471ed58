// The shapes shared by the model registry, the SQL layer and the records API.
// Field and model names follow Odoo's so that Odoo clients and Odoo people feel at home.

export type FieldType =
  | 'char' | 'text' | 'html' | 'integer' | 'float' | 'monetary' | 'boolean'
  | 'date' | 'datetime' | 'selection' | 'many2one' | 'one2many' | 'many2many'
  | 'binary' | 'json';

export const RELATIONAL_TYPES: ReadonlySet<FieldType> = new Set(['many2one', 'one2many', 'many2many']);

export type OnDelete = 'cascade' | 'set null' | 'restrict';

/** A domain in Odoo's prefix notation: `['|', ['a', '=', 1], ['b', 'ilike', 'x']]`. */
export type DomainOperator = '&' | '|' | '!';
// The left side is a field path, or 1 / 0 in Odoo's constant leaves [1, '=', 1] (true) and [0, '=', 1] (false).
export type DomainLeaf = [string | 0 | 1, string, unknown] | readonly [string | 0 | 1, string, unknown];
export type DomainTerm = DomainOperator | DomainLeaf;
export type Domain = DomainTerm[];

export type SelectionList = Array<[string, string]>;

/** What an addon writes when it declares a field (see `fields.ts`). */
export interface FieldDef {
  type: FieldType;
  string?: string;
  help?: string;
  required?: boolean;
  readonly?: boolean;
  /** A value, or a function of the environment returning one. */
  default?: unknown;
  index?: boolean;
  /** Copied by `copy()`: true by default except for one2many and computed fields. */
  copy?: boolean;
  selection?: SelectionList;
  /** Domain offered to the UI for relational fields. */
  domain?: Domain;
  /** External ids of groups that may see the field (checked by the security layer). */
  groups?: string[];
  /** Target model of a relational field. */
  comodel?: string;
  /** one2many: the many2one field on the comodel pointing back. */
  inverseName?: string;
  /** many2many: relation table and its two columns (this side, other side). */
  relation?: string;
  column1?: string;
  column2?: string;
  ondelete?: OnDelete;
  /** monetary: the many2one field holding the currency. */
  currencyField?: string;
  digits?: [number, number];
  /** How read_group aggregates the field when asked for it by name, and how the pivot and graph
   *  views measure it (Odoo 17's `group_operator`): `sum` (numbers' default), `avg`, `min`, `max`. */
  groupOperator?: 'sum' | 'avg' | 'min' | 'max';
  size?: number;
  /** Name of a method on the model class, or a function, that computes the field for a batch. */
  compute?: string | ComputeFn;
  depends?: string[];
  /** Stored in a column. Defaults to true, except computed and related fields (false). */
  store?: boolean;
  /** Dotted path whose value this field mirrors, e.g. `partner_id.email`. */
  related?: string;
  /** Write the changes of this field to the record's chatter (used by the activities layer). */
  tracking?: boolean;
  translate?: boolean;
  /** Makes a non-stored computed field searchable (Odoo's `search=`): returns a boolean SQL
   *  expression over `leaf.alias` for `field op value`, with values only through `leaf.param()`. */
  search?: SearchFn;
  // ---- res.config.settings only (see core/settings): where a setting's value really lives ----
  /** boolean: checking adds this group (external id, `crm.group_use_lead`) to the groups implied
   *  by `base.group_user`, so every internal user gets it; unchecking removes it again, from the
   *  users too (Odoo's `implied_group`). */
  impliedGroup?: string;
  /** The value is the `ir.config_parameter` of this key (Odoo's `config_parameter`). Works for
   *  char, text, selection, integer, float, boolean, date, datetime, many2one (the id) and
   *  many2many (ids joined by commas). */
  configParameter?: string;
  /** boolean: switches the scheduled action of this external id on and off (its `active`). */
  cron?: string;
  /** integer or selection: sets one part of the interval of the scheduled action of this external
   *  id, its `interval_number` ('number') or its `interval_type` ('type'). */
  cronInterval?: { cron: string; part: 'number' | 'type' };
}

/** One leaf `[field, op, value]` on a field with a `search` function. */
export interface SearchLeaf {
  /** The alias of the model's table in the query. */
  alias: string;
  op: string;
  value: unknown;
  /** Adds a value to the query and returns its placeholder. */
  param(value: unknown): string;
  /** The user searching (null outside a user's search, e.g. in record rules of the superuser). */
  uid: number | null;
  context: Record<string, unknown>;
}

export type SearchFn = (leaf: SearchLeaf) => string;

/** Computes a field for a batch of records: receives the records (with their dependencies read)
 *  and returns the value per id. */
export type ComputeFn = (records: RecordValues[], env: EnvLike) => Promise<Map<number, unknown>> | Map<number, unknown>;

/** A field once the registry has placed it in its model. */
export interface Field extends FieldDef {
  name: string;
  model: string;
  /** The column that stores it, or null when it is not stored (computed, one2many, many2many). */
  column: string | null;
  store: boolean;
  string: string;
  required: boolean;
  readonly: boolean;
  /** Modules that declare (or redeclare) this field, in load order. */
  modules: string[];
}

export interface SqlConstraint {
  name: string;
  /** `unique(col, col)` or `check(expr)`. */
  definition: string;
  message: string;
  /** The addon that declared it (set by the registry). */
  module?: string;
}

export type ConstraintFn = (records: RecordValues[], env: EnvLike) => void | Promise<void>;

export interface ModelConstraint {
  fields: string[];
  check: ConstraintFn;
}

/** What an onchange handler returns: new values for fields of the form, and optionally a
 *  warning to show (Odoo's `{ 'warning': { 'title', 'message' } }`). */
export interface OnchangeResult {
  value?: Record<string, unknown>;
  warning?: { title: string; message: string };
}

/** Reacts to a field edited in a form, before anything is saved: `values` are the form's current
 *  values in read shape (many2one as `[id, name]` or false), `this` the model. */
export type OnchangeFn = (values: Record<string, unknown>, env: EnvLike) => OnchangeResult | Promise<OnchangeResult>;

/** A model as the registry knows it once every installed addon's contribution is applied. */
export interface ModelMeta {
  name: string;
  table: string;
  description: string;
  /** Default order, Odoo syntax: `priority desc, id desc`. */
  order: string;
  /** Field shown as the record's name (`_rec_name`). */
  recName: string | null;
  fields: Map<string, Field>;
  sqlConstraints: SqlConstraint[];
  constraints: ModelConstraint[];
  /** Onchange handlers per field (method names or functions), in addon order. */
  onchanges: Map<string, Array<string | OnchangeFn>>;
  /** Transient models (wizards, settings) are stored but vacuumed. */
  transient: boolean;
  /** Models backed by a SQL view (reports): the view's SELECT. Their records are read-only. */
  view?: string;
  /** The modules that contribute to it, in load order; the first declared it. */
  modules: string[];
}

export type RecordValues = Record<string, unknown> & { id: number };

/** The slice of the environment that compute and constraint functions may rely on. */
export interface EnvLike {
  uid: number;
  context: Context;
}

export interface Context {
  lang?: string;
  tz?: string;
  active_test?: boolean;
  [key: string]: unknown;
}

/** Resolves model names; implemented by the registry. */
export interface ModelResolver {
  get(model: string): ModelMeta;
  has(model: string): boolean;
}
