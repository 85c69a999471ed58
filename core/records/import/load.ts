// The import itself: rows of a file -> records, in batches through the records API's `create`
// with lists, so that 100,000 rows cost a few hundred queries, not a few per row.
//
// Each batch: every cell converted (errors noted by row and column, nothing sent to the
// database), the relational cells of the whole batch looked up at once (RecordFinder), then one
// `create` of the good rows inside a savepoint. When `create` refuses the batch, the row it names
// (`details.index`) is set aside and the rest tried again; a refusal that names no row is narrowed
// down by halves. Rows with an external id the database knows update their record instead.
//
// All or nothing by default: the whole import runs in a savepoint that is rolled back when any
// row failed, and always for a dry run ("Test"). With `skipErrors`, good rows are kept.

import { ErpError, errors } from '../../errors.ts';
import type { Model, Values } from '../../models/model.ts';
import type { Field } from '../../models/types.ts';
import { catalogOf } from '../../i18n/catalog.ts';
import { guessDateOrder, knownZone, type DateOrder } from './dates.ts';
import { cellText, type FileRow } from './file.ts';
import { isImportable } from './fields.ts';
import { existingXmlids, RecordFinder, registerXmlids, type RefKind } from './relations.ts';
import { convertCell, type ValueOptions } from './values.ts';
import { problem, type ImportCode, type MessageValues, type Problem } from './messages.ts';

export interface ImportOptions {
  /** Keep the good rows and report the bad ones (default: import nothing when a row fails). */
  skipErrors?: boolean;
  /** Do everything, report, then roll back ("Test"). */
  dryRun?: boolean;
  /** Rows per `create` (default 2000). */
  batchSize?: number;
  /** Decimal separator of numbers written as text (default '.'). */
  decimalSeparator?: string;
  /** Day/month order of dates written as text (guessed per column by default). */
  dateOrder?: DateOrder;
  /** Log the changes in the chatter (slower; off by default, as in Odoo). */
  tracking?: boolean;
  /** Errors reported at most; an all-or-nothing import stops there (default 500). */
  maxErrors?: number;
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
}

export interface ImportProgress {
  /** Data rows handled so far, and in all. */
  done: number;
  total: number;
}

export interface ImportMessage {
  type: 'error' | 'warning';
  /** The row in the file (the header is row 1); null for the file as a whole. */
  row: number | null;
  /** The column (0-based) and its header, when the message is about one cell. */
  column: number | null;
  header: string | null;
  /** The field the column maps to. */
  field: string | null;
  /** The English text; `code` and `values` let a client say it in the user's language (messages.ts). */
  message: string;
  code: ImportCode | null;
  values: MessageValues;
}

export interface ImportResult {
  /** True when the records are saved (or would be, for a dry run). */
  ok: boolean;
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  /** Rows left out because of errors. */
  skipped: number;
  /** Ids of the records created or updated, in file order. */
  ids: number[];
  messages: ImportMessage[];
  /** True when processing stopped early (too many errors). */
  stopped: boolean;
}

interface Column {
  index: number;
  header: string;
  path: string;
  /** null for the record's own `id` / `.id`. */
  field: Field | null;
  by: RefKind | null;
}

/** A row on its way to the database. */
interface Pending {
  row: FileRow;
  vals: Values;
  /** The record it updates (an external id or database id that exists). */
  target: number | null;
  /** A new external id to register once the record exists. */
  xmlid: string | null;
  failed: boolean;
}

const said = (text: Problem | string): Pick<ImportMessage, 'message' | 'code' | 'values'> =>
  (typeof text === 'string' ? { message: text, code: null, values: {} } : { message: text.message, code: text.code, values: text.values });

class Undo extends Error {
  constructor(readonly result: ImportResult) { super('import undone'); }
}

const DEFAULT_BATCH = 2000;

/** Errors a row causes: reported on the row. Anything else stops the import. */
const ROW_ERRORS = new Set(['ERP_INVALID_VALUE', 'ERP_REQUIRED_FIELD', 'ERP_CONSTRAINT', 'ERP_SQL_CONSTRAINT', 'ERP_FOREIGN_KEY', 'ERP_USER_ERROR', 'ERP_MISSING_RECORD']);

/** The columns of the import, checked: known, importable, each field once. */
export function resolveColumns(model: Model, headers: string[], mapping: Array<string | null | undefined | false>): Column[] {
  const seen = new Map<string, string>();
  const columns: Column[] = [];
  const fieldOf = (name: string) => {
    const field = model.meta.fields.get(name);
    if (!field) throw errors.userError(`The column "${headers[columns.length] ?? name}" maps to "${name}", which is not a field of ${model.meta.name}`);
    if (!isImportable(field)) throw errors.userError(`The field "${field.string}" (${name}) cannot be imported: it is computed or read-only`);
    return field;
  };
  mapping.forEach((path, index) => {
    if (!path) return;
    const header = headers[index] ?? '';
    const [name, sub] = path.split('/');
    const key = name === '.id' ? 'id' : name;
    if (seen.has(key)) throw errors.userError(`The columns "${seen.get(key)}" and "${header}" both map to "${key}": keep one of them`);
    seen.set(key, header || path);
    if (name === 'id' || name === '.id') columns.push({ index, header, path, field: null, by: name === 'id' ? 'xmlid' : 'dbid' });
    else {
      const field = fieldOf(name);
      const relational = field.type === 'many2one' || field.type === 'many2many';
      if (sub !== undefined && (!relational || !['id', '.id'].includes(sub))) throw errors.userError(`"${path}" cannot be imported: only relational fields have /id and /.id`);
      columns.push({ index, header, path, field, by: relational ? (sub === 'id' ? 'xmlid' : sub === '.id' ? 'dbid' : 'name') : null });
    }
  });
  if (!columns.length) throw errors.userError('No column is mapped to a field: choose at least one field to import');
  return columns;
}

export async function importRecords(model: Model, file: { headers: string[]; rows: FileRow[] },
  mapping: Array<string | null | undefined | false>, options: ImportOptions = {}): Promise<ImportResult> {
  const target = model.with_context({ import_file: true, tracking_disable: !options.tracking });
  const columns = resolveColumns(target, file.headers, mapping);
  const result: ImportResult = { ok: false, dryRun: Boolean(options.dryRun), total: file.rows.length, created: 0, updated: 0, skipped: 0, ids: [], messages: [], stopped: false };
  const run = new ImportRun(target, columns, file.rows, options, result);
  try {
    await target.env.cr.savepoint(async () => {
      await run.all();
      result.ok = !result.stopped && (Boolean(options.skipErrors) || result.skipped === 0);
      if (!result.ok || options.dryRun) throw new Undo(result);
    });
  } catch (error) {
    if (!(error instanceof Undo)) throw error;
  }
  if (!result.ok) [result.created, result.updated, result.ids] = [0, 0, []];
  return result;
}

class ImportRun {
  private readonly finder: RecordFinder;
  private readonly values: ValueOptions;
  private readonly errorRows = new Set<number>();
  private readonly warned = new Set<string>();
  private readonly newXmlids = new Set<string>();
  private errorCount = 0;
  private readonly maxErrors: number;

  constructor(private readonly model: Model, private readonly columns: Column[], private readonly rows: FileRow[],
    private readonly options: ImportOptions, private readonly result: ImportResult) {
    this.finder = new RecordFinder(model.env);
    this.maxErrors = options.maxErrors ?? 500;
    const dateOrders = new Map<string, DateOrder>();
    for (const column of columns) {
      if (column.field?.type !== 'date' && column.field?.type !== 'datetime') continue;
      const samples = rows.map((r) => r.cells[column.index]).filter((c): c is string => typeof c === 'string' && c.trim() !== '').map((c) => c.trim());
      dateOrders.set(column.field.name, options.dateOrder ?? guessDateOrder(samples));
    }
    this.values = { decimalSeparator: options.decimalSeparator ?? '.', dateOrders, tz: knownZone(model.context.tz), catalog: catalogOf(model.env) };
  }

  async all(): Promise<void> {
    const size = Math.max(1, this.options.batchSize ?? DEFAULT_BATCH);
    for (let start = 0; start < this.rows.length; start += size) {
      await this.batch(this.rows.slice(start, start + size));
      await this.options.onProgress?.({ done: Math.min(start + size, this.rows.length), total: this.rows.length });
      if (this.stopping()) {
        this.result.stopped = true;
        this.message(null, null, problem('stopped', { count: this.errorCount }));
        break;
      }
    }
  }

  /** An all-or-nothing import fails anyway: past the limit, further rows would only add noise. */
  private stopping(): boolean {
    return !this.options.skipErrors && this.errorCount >= this.maxErrors;
  }

  private async batch(rows: FileRow[]): Promise<void> {
    const pending = rows.map((row): Pending => ({ row, vals: {}, target: null, xmlid: null, failed: false }));
    for (const column of this.columns) {
      if (!column.field) await this.ownIds(column, pending);
      else if (column.by) await this.references(column, pending);
      else this.scalars(column, pending);
    }
    this.checkRequired(pending);
    const good = pending.filter((p) => !p.failed);
    await this.createAll(good.filter((p) => p.target === null));
    for (const p of good.filter((q) => q.target !== null)) await this.update(p);
    for (const p of pending) {
      if (p.failed) this.result.skipped++;
    }
  }

  private scalars(column: Column, pending: Pending[]): void {
    const field = column.field!;
    for (const p of pending) {
      const converted = convertCell(field, p.row.cells[column.index] ?? null, this.values);
      if ('error' in converted) this.fail(p, column, converted.error);
      else p.vals[field.name] = converted.value;
    }
  }

  /** Relational cells: the distinct keys of the batch, looked up at once. */
  private async references(column: Column, pending: Pending[]): Promise<void> {
    const field = column.field!;
    const many = field.type === 'many2many';
    const keysOf = (p: Pending): string[] => {
      const text = cellText(p.row.cells[column.index] ?? null).trim();
      if (!text) return [];
      return many ? text.split(',').map((k) => k.trim()).filter(Boolean) : [text];
    };
    const keys = new Set(pending.flatMap(keysOf));
    const found = keys.size ? await this.finder.find(field.comodel!, column.by!, keys) : new Map();
    for (const p of pending) {
      const ids: number[] = [];
      for (const key of keysOf(p)) {
        const hit = found.get(key);
        if (!hit || 'error' in hit) {
          this.fail(p, column, hit?.error ?? problem('unknown_name', { model: field.comodel!, value: key }));
          continue;
        }
        if (hit.matches > 1) this.warn(column, key, problem('ambiguous', { count: hit.matches, value: key }));
        ids.push(hit.id);
      }
      if (p.failed) continue;
      p.vals[field.name] = many ? [[6, 0, ids]] : ids[0] ?? false;
    }
  }

  /** The record's own id column: an external id or database id that exists makes the row an
   *  update of that record; a new external id is given to the record created. */
  private async ownIds(column: Column, pending: Pending[]): Promise<void> {
    const keyOf = (p: Pending) => cellText(p.row.cells[column.index] ?? null).trim();
    const keys = [...new Set(pending.map(keyOf).filter(Boolean))];
    if (column.by === 'dbid') {
      const found = await this.finder.find(this.model.meta.name, 'dbid', keys);
      for (const p of pending) {
        const key = keyOf(p);
        if (!key) continue;
        const hit = found.get(key)!;
        if ('error' in hit) this.fail(p, column, hit.error);
        else p.target = hit.id;
      }
      return;
    }
    const existing = await existingXmlids(this.model.env, keys);
    for (const p of pending) {
      const key = keyOf(p);
      if (!key) continue;
      const hit = existing.get(key);
      if (hit && hit.model !== this.model.meta.name) this.fail(p, column, problem('xmlid_other_model', { value: key, model: hit.model }));
      else if (hit) p.target = hit.id;
      else if (this.newXmlids.has(key)) this.fail(p, column, problem('xmlid_twice', { value: key }));
      else if (/\s/.test(key)) this.fail(p, column, problem('xmlid_spaces', { value: key }));
      else {
        this.newXmlids.add(key);
        p.xmlid = key;
      }
    }
  }

  /** Required fields given by a column must have a value in every row. */
  private checkRequired(pending: Pending[]): void {
    for (const column of this.columns) {
      const field = column.field;
      if (!field?.required || field.type === 'boolean') continue;
      for (const p of pending) {
        const value = p.vals[field.name];
        if (!p.failed && (value === false || value === '' || value === undefined || value === null)) {
          this.fail(p, column, problem('required', { field: this.label(field) }));
        }
      }
    }
  }

  /** One `create` for the rows; on a refusal, the row at fault is set aside and the rest tried
   *  again (by halves when the refusal names no row). */
  private async createAll(pending: Pending[]): Promise<void> {
    if (!pending.length) return;
    const cr = this.model.env.cr;
    try {
      const ids = await cr.savepoint(async () => {
        const created = await this.model.create(pending.map((p) => p.vals));
        await registerXmlids(this.model.env, this.model.meta.name, pending.flatMap((p, i) => (p.xmlid ? [[p.xmlid, created[i]] as [string, number]] : [])));
        return created;
      });
      this.result.created += ids.length;
      this.result.ids.push(...ids);
    } catch (error) {
      const index = this.rowError(error, pending.length);
      if (index !== null) {
        this.failWith(pending[index], error);
        await this.createAll(pending.filter((_, i) => i !== index));
      } else if (pending.length === 1) this.failWith(pending[0], error);
      else {
        const half = Math.ceil(pending.length / 2);
        await this.createAll(pending.slice(0, half));
        if (!this.stopping()) await this.createAll(pending.slice(half));
      }
    }
  }

  private async update(p: Pending): Promise<void> {
    try {
      await this.model.env.cr.savepoint(() => this.model.write([p.target!], p.vals));
      this.result.updated++;
      this.result.ids.push(p.target!);
    } catch (error) {
      this.rowError(error, 1);
      this.failWith(p, error);
    }
  }

  /** The index of the row a refusal names (null: it names none); throws what is not a row's fault. */
  private rowError(error: unknown, size: number): number | null {
    // PostgreSQL's data errors (a number out of range, text too long) are a row's fault too.
    const sqlState = (error as { code?: unknown }).code;
    if (!(error instanceof ErpError) && typeof sqlState === 'string' && /^2[23]/.test(sqlState)) return null;
    if (!(error instanceof ErpError) || !ROW_ERRORS.has(error.code)) throw error;
    const field = typeof error.details.field === 'string' ? error.details.field : null;
    // A required field no column gives fails every row alike: say so once.
    if (error.code === 'ERP_REQUIRED_FIELD' && field && !this.columns.some((c) => c.field?.name === field)) {
      const meta = this.model.meta.fields.get(field);
      throw errors.userError(`The field "${meta ? this.label(meta) : field}" is required and no column gives it: add a column for it`, { field });
    }
    const index = error.details.index;
    return typeof index === 'number' && index >= 0 && index < size ? index : null;
  }

  private failWith(p: Pending, error: unknown): void {
    const e = error as ErpError;
    const details = e.details ?? {};
    const names = [details.field, ...(Array.isArray(details.fields) ? details.fields : [])].filter((n): n is string => typeof n === 'string');
    const column = this.columns.find((c) => c.field && names.includes(c.field.name)) ?? null;
    this.fail(p, column, e.message);
  }

  /** A row refused: `text` is a problem of the catalogue, or the message of a model's error. */
  private fail(p: Pending, column: Column | null, text: Problem | string): void {
    p.failed = true;
    this.errorCount++;
    if (!this.errorRows.has(p.row.row)) this.errorRows.add(p.row.row);
    if (this.result.messages.filter((m) => m.type === 'error').length >= this.maxErrors) return;
    this.result.messages.push({
      type: 'error', row: p.row.row, column: column?.index ?? null, header: column?.header ?? null, field: column?.field?.name ?? (column ? column.path : null), ...said(text),
    });
  }

  private warn(column: Column, key: string, text: Problem): void {
    const id = `${column.index}|${key}`;
    if (this.warned.has(id)) return;
    this.warned.add(id);
    this.result.messages.push({ type: 'warning', row: null, column: column.index, header: column.header, field: column.field?.name ?? null, ...said(text) });
  }

  private message(row: number | null, column: Column | null, text: Problem): void {
    this.result.messages.push({ type: 'error', row, column: column?.index ?? null, header: column?.header ?? null, field: column?.field?.name ?? null, ...said(text) });
  }

  private label(field: Field): string {
    return this.values.catalog ? this.values.catalog.get(field.string, field.model) : field.string;
  }
}
