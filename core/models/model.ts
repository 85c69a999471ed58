// The base class of every model: the records API. Addons extend it through mixins
// (`(Base) => class extends Base { ... super.write(ids, vals) ... }`), and each method here is the
// last link of that chain. Methods take ids, as Odoo's RPC does, so that `call_kw` maps straight
// onto them: `model.write([1, 2], { stage_id: 3 })`.

import { errors } from '../errors.ts';
import type { Env } from './env.ts';
import type { Context, Domain, ModelMeta, RecordValues } from './types.ts';
import { search, searchCount } from '../records/search.ts';
import { read, searchRead, displayNames } from '../records/read.ts';
import { create } from '../records/create.ts';
import { write } from '../records/write.ts';
import { unlink } from '../records/unlink.ts';
import { readGroup, type ReadGroupOptions } from '../records/read_group.ts';
import { copy, defaultGet, exists, fieldsGet, nameSearch } from '../records/misc.ts';
import { onchange, type OnchangeReply } from '../records/onchange.ts';
import { recomputeAfterChange } from '../records/compute.ts';
import { getViews, type GetViewsOptions, type GetViewsResult, type ViewRequest } from '../ui/get_views.ts';
import { exportData, type ExportCell } from '../records/export.ts';

export interface SearchOptions {
  limit?: number | null;
  offset?: number;
  order?: string | null;
}

export type Values = Record<string, unknown>;

export class Model {
  constructor(readonly env: Env, readonly meta: ModelMeta) {}

  get name(): string {
    return this.meta.name;
  }

  get context(): Readonly<Context> {
    return this.env.context;
  }

  /** The same model in another environment (sudo, another user, another context). */
  withEnv(env: Env): this {
    return env.model(this.meta.name) as this;
  }

  sudo(flag = true): this {
    return this.withEnv(this.env.sudo(flag));
  }

  with_context(context: Context): this {
    return this.withEnv(this.env.withContext(context));
  }

  // ---- reading -------------------------------------------------------------------------------

  async search(domain: Domain = [], opts: SearchOptions = {}): Promise<number[]> {
    return search(this, domain, opts);
  }

  async search_count(domain: Domain = [], opts: { limit?: number | null } = {}): Promise<number> {
    return searchCount(this, domain, opts.limit);
  }

  async read(ids: number[] | number, fields?: string[] | null): Promise<RecordValues[]> {
    return read(this, toIds(ids), fields ?? undefined);
  }

  async search_read(domain: Domain = [], fields?: string[] | null, opts: SearchOptions = {}): Promise<RecordValues[]> {
    return searchRead(this, domain, fields ?? undefined, opts);
  }

  async read_group(domain: Domain, fields: string[], groupby: string[] | string, opts: ReadGroupOptions = {}): Promise<Values[]> {
    return readGroup(this, domain, fields, typeof groupby === 'string' ? [groupby] : groupby, opts);
  }

  async exists(ids: number[] | number): Promise<number[]> {
    return exists(this, toIds(ids));
  }

  async name_search(name = '', domain: Domain = [], operator = 'ilike', limit: number | null = 100): Promise<Array<[number, string]>> {
    return nameSearch(this, name, domain, operator, limit);
  }

  /** `[[id, display name], ...]` (Odoo < 17 `name_get`, kept for older clients). */
  async name_get(ids: number[] | number): Promise<Array<[number, string]>> {
    const list = toIds(ids);
    const names = await this._display_names(list);
    return list.filter((id) => names.has(id)).map((id) => [id, names.get(id)!]);
  }

  /** Display names by id; override to build names from several fields. */
  async _display_names(ids: number[]): Promise<Map<number, string>> {
    return displayNames(this, ids);
  }

  /** The compute of the `display_name` field every model has. */
  async _compute_display_name(records: RecordValues[]): Promise<Map<number, unknown>> {
    return this._display_names(records.map((r) => r.id));
  }

  /** Odoo's `export_data(fields)`: `{ datas }`, one line per record (more when an x2many is
   *  followed by sub-fields), for field paths such as `partner_id/name` or `id` (external ids,
   *  created when missing). `context.import_compat` (default true) keeps many2many in one cell. */
  async export_data(ids: number[] | number, fields: string[]): Promise<{ datas: ExportCell[][] }> {
    return exportData(this, toIds(ids), fields);
  }

  async fields_get(allfields?: string[] | null, attributes?: string[] | null): Promise<Record<string, Values>> {
    return fieldsGet(this, allfields ?? undefined, attributes ?? undefined);
  }

  async default_get(fields: string[]): Promise<Values> {
    return defaultGet(this, fields);
  }

  /** What the form shows after `fieldNames` were edited (none: a new record's defaults), as
   *  Odoo's `onchange(values, field_names, fields_spec)`; nothing is saved. */
  async onchange(values: Values, fieldNames: string[] | string | false = [], _spec?: unknown): Promise<OnchangeReply> {
    return onchange(this, values ?? {}, Array.isArray(fieldNames) ? fieldNames : fieldNames ? [fieldNames] : []);
  }

  /** Odoo 17's `get_views([[view_id | false, 'form'], ...], { toolbar, load_filters })`: the
   *  combined archs for the user and the fields they use (core/ui/get_views.ts). */
  async get_views(views: ViewRequest[], options: GetViewsOptions = {}): Promise<GetViewsResult> {
    return getViews(this, views, options ?? {});
  }

  // ---- writing -------------------------------------------------------------------------------

  /** Creates one record (returns its id) or several (returns their ids, in order). */
  async create(vals: Values): Promise<number>;
  async create(vals: Values[]): Promise<number[]>;
  async create(vals: Values | Values[]): Promise<number | number[]> {
    if (Array.isArray(vals)) return create(this, vals);
    const [id] = await create(this, [vals]);
    return id;
  }

  /** Odoo's `name_create`: a record from its name alone (the context's `default_*` fill the rest,
   *  as in `create`); `[id, display name]`. The kanban's "Add a column" and many2one fields use it. */
  async name_create(name: string): Promise<[number, string]> {
    const recName = this.meta.recName;
    if (!recName) throw errors.badModelDefinition(this.meta.name, 'has no name field (rec_name): name_create is not possible');
    const id = await this.create({ [recName]: name });
    return [id, (await this._display_names([id])).get(id) ?? name];
  }

  async write(ids: number[] | number, vals: Values): Promise<true> {
    await write(this, toIds(ids), vals);
    return true;
  }

  async unlink(ids: number[] | number): Promise<true> {
    await unlink(this, toIds(ids));
    return true;
  }

  async copy(id: number | number[], defaults: Values = {}): Promise<number> {
    return copy(this, Array.isArray(id) ? id[0] : id, defaults);
  }

  /** Archives (active = false) the records. */
  async action_archive(ids: number[] | number): Promise<true> {
    return this.write(ids, { active: false });
  }

  async action_unarchive(ids: number[] | number): Promise<true> {
    return this.write(ids, { active: true });
  }

  /** Results shared by the computes of one read (see `_shared`); null outside a read. */
  _computeScratch: Map<string, Promise<unknown>> | null = null;

  /**
   * Runs `fn` once per read for `key`: several computed fields that need the same lookup (a count
   * and the ids it counts, three figures of one aggregation) share it instead of repeating it.
   * Outside a read it simply runs `fn`.
   */
  _shared<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const scratch = this._computeScratch;
    if (!scratch) return fn();
    if (!scratch.has(key)) scratch.set(key, fn());
    return scratch.get(key) as Promise<T>;
  }

  /**
   * Odoo's `modified`: after code changed `fields` of `ids` with its own SQL (a set-based UPDATE),
   * recomputes the stored fields that depend on them, here and on other models. Not callable
   * over RPC (leading underscore).
   */
  async _modified(ids: number[], fields: string[]): Promise<void> {
    if (ids.length && fields.length) await recomputeAfterChange(this, ids, fields);
  }

  // ---- hooks for the security layer ----------------------------------------------------------

  /** Checks the model-level right for `operation`; throws an access error. Overridden by security. */
  async check_access_rights(operation: 'read' | 'write' | 'create' | 'unlink', raiseException = true): Promise<boolean> {
    const policy = this.env.registry.access;
    if (!policy || this.env.su) return true;
    return policy.checkModel(this, operation, raiseException);
  }

  /** The domain the record rules add for `operation` (empty when none apply). */
  async _rule_domain(operation: 'read' | 'write' | 'create' | 'unlink'): Promise<Domain> {
    const policy = this.env.registry.access;
    if (!policy || this.env.su) return [];
    return policy.ruleDomain(this, operation);
  }
}

export type ModelClass = new (env: Env, meta: ModelMeta) => Model;

export function toIds(ids: number[] | number): number[] {
  return Array.isArray(ids) ? ids : ids === undefined || ids === null ? [] : [ids];
}
