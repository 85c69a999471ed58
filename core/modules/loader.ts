// Loads an addon's data files: each record is created (or, on upgrade, updated unless noupdate)
// and its external id written to the ledger. Consecutive records of one model are created in
// one batch, so seeding thousands of states costs a handful of queries.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { errors, ErpError } from '../errors.ts';
import type { Env } from '../models/env.ts';
import type { Model } from '../models/model.ts';
import { isRef, type DataFile, type DataRecord } from './data.ts';
import type { Addon } from './manifest.ts';

interface Entry { model: string; id: number; noupdate: boolean }

export interface LoadOptions {
  /** 'install' creates everything; 'update' rewrites records unless they are noupdate. */
  mode: 'install' | 'update';
  demo: boolean;
}

export class DataLoader {
  private readonly known = new Map<string, Entry>();
  /** External ids the addon's files define (an upgrade deletes the addon's other records). */
  readonly loaded = new Set<string>();

  constructor(private readonly env: Env, private readonly addon: Addon, private readonly options: LoadOptions) {}

  private full(xmlid: string): string {
    return xmlid.includes('.') ? xmlid : `${this.addon.manifest.name}.${xmlid}`;
  }

  async loadFiles(files: string[]): Promise<void> {
    for (const file of files) await this.loadFile(file);
  }

  async loadFile(file: string): Promise<void> {
    const records = await this.read(file);
    await this.prefetch(records);
    let batch: DataRecord[] = [];
    for (const record of records) {
      const pendingRef = batch.length && (batch[0].model !== record.model || this.refersTo(record, batch));
      if (pendingRef) {
        await this.flush(file, batch);
        batch = [];
      }
      batch.push(record);
    }
    if (batch.length) await this.flush(file, batch);
  }

  private async read(file: string): Promise<DataRecord[]> {
    const name = this.addon.manifest.name;
    let content: DataFile;
    try {
      content = ((await import(pathToFileURL(path.join(this.addon.dir, file)).href)) as { default: DataFile }).default;
    } catch (error) {
      throw errors.badData(name, file, '-', `cannot be loaded: ${(error as Error).message}`);
    }
    const records = typeof content === 'function' ? await content({ demo: this.options.demo }) : content;
    if (!Array.isArray(records)) throw errors.badData(name, file, '-', 'the default export must be a list of records');
    for (const r of records) {
      if (!r || typeof r.id !== 'string' || typeof r.model !== 'string' || typeof r.values !== 'object') {
        throw errors.badData(name, file, String(r?.id ?? '?'), 'a record needs { id, model, values }');
      }
      if (!this.env.registry.has(r.model)) throw errors.badData(name, file, r.id, `unknown model "${r.model}"`);
    }
    return records;
  }

  /** One query for the ledger entries of every xmlid the file defines or refers to. */
  private async prefetch(records: DataRecord[]): Promise<void> {
    const wanted = new Set<string>();
    for (const r of records) {
      wanted.add(this.full(r.id));
      for (const ref of refsOf(r.values)) wanted.add(this.full(ref));
    }
    const missing = [...wanted].filter((x) => !this.known.has(x));
    if (!missing.length) return;
    const rows = await this.env.cr.query<{ xmlid: string; model: string; res_id: number; noupdate: boolean }>(
      `SELECT module || '.' || name AS xmlid, model, res_id, noupdate FROM ir_model_data WHERE module || '.' || name = ANY($1::text[])`, [missing]);
    for (const row of rows) this.known.set(row.xmlid, { model: row.model, id: row.res_id, noupdate: row.noupdate });
  }

  private refersTo(record: DataRecord, batch: DataRecord[]): boolean {
    const ids = new Set(batch.map((r) => this.full(r.id)));
    return refsOf(record.values).some((ref) => ids.has(this.full(ref)));
  }

  private resolve(file: string, record: DataRecord, value: unknown): unknown {
    if (isRef(value)) {
      const entry = this.known.get(this.full(value.__ref));
      if (!entry) throw errors.badData(this.addon.manifest.name, file, record.id, `refers to "${value.__ref}", which is not defined (yet)`);
      return entry.id;
    }
    if (Array.isArray(value)) {
      const items = value.map((v) => this.resolve(file, record, v));
      // A plain list of references is the set of records of a many2many.
      return value.length && value.every(isRef) ? [[6, 0, items]] : items;
    }
    return value;
  }

  private async flush(file: string, batch: DataRecord[]): Promise<void> {
    const model = this.env.model(batch[0].model).with_context({ active_test: false });
    const resolved = batch.map((record) => {
      const xmlid = this.full(record.id);
      this.loaded.add(xmlid);
      const values = Object.fromEntries(Object.entries(record.values).map(([k, v]) => [k, this.resolve(file, record, v)]));
      return { record, values, existing: this.known.get(xmlid) };
    });
    // One look-up for the batch: ledger entries may point to records a user deleted since.
    const alive = new Set(await model.exists(resolved.filter((r) => r.existing).map((r) => r.existing!.id)));
    const toCreate = resolved.filter((r) => !r.existing || !alive.has(r.existing.id));
    if (this.options.mode === 'update') {
      const toUpdate = resolved.filter((r) => r.existing && alive.has(r.existing.id) && !r.existing.noupdate);
      await this.updateChanged(file, model, toUpdate as Array<{ record: DataRecord; values: Record<string, unknown>; existing: Entry }>);
    }
    if (!toCreate.length) return;
    const ids = await this.guard(file, toCreate, () => model.create(toCreate.map((c) => c.values)));
    await this.env.cr.execute('DELETE FROM ir_model_data WHERE module || \'.\' || name = ANY($1::text[])', [toCreate.map((c) => this.full(c.record.id))]);
    await this.env.model('ir.model.data').create(toCreate.map((c, i) => {
      const [module, name] = splitFull(this.full(c.record.id), this.addon.manifest.name);
      this.known.set(`${module}.${name}`, { model: model.meta.name, id: ids[i], noupdate: Boolean(c.record.noupdate) });
      return { module, name, model: model.meta.name, res_id: ids[i], noupdate: Boolean(c.record.noupdate) };
    }));
  }

  /** Rewrites the records whose data differs from what is stored: one read for the batch, then a
   *  write only where something changed (an upgrade of base would otherwise rewrite every state). */
  private async updateChanged(file: string, model: Model, rows: Array<{ record: DataRecord; values: Record<string, unknown>; existing: Entry }>): Promise<void> {
    if (!rows.length) return;
    const names = [...new Set(rows.flatMap((r) => Object.keys(r.values)))].filter((n) => model.meta.fields.has(n));
    const stored = new Map((await model.read(rows.map((r) => r.existing.id), names)).map((r) => [r.id, r]));
    for (const row of rows) {
      const current = stored.get(row.existing.id)!;
      const changed = Object.entries(row.values).some(([name, value]) => !sameValue(model.meta.fields.get(name)?.type, current[name], value));
      if (changed) await this.guard(file, [row], () => model.write([row.existing.id], row.values));
    }
  }

  /** Names the record at fault: the one the records API points at, else the batch's first. */
  private async guard<T>(file: string, batch: Array<{ record: DataRecord }>, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof ErpError && error.code === 'ERP_BAD_DATA') throw error;
      const index = error instanceof ErpError && typeof error.details.index === 'number' ? error.details.index : 0;
      throw errors.badData(this.addon.manifest.name, file, batch[index]?.record.id ?? batch[0].record.id, (error as Error).message);
    }
  }
}

/** Whether a value to write equals the value read (Odoo's read shapes against write shapes). */
function sameValue(type: string | undefined, read: unknown, written: unknown): boolean {
  if (type === undefined) return false;
  if (type === 'many2one') return (Array.isArray(read) ? read[0] : false) === (written || false);
  if (type === 'many2many' || type === 'one2many') {
    const ids = Array.isArray(written) && written.length === 1 && Array.isArray(written[0]) && written[0][0] === 6 ? written[0][2] as number[]
      : Array.isArray(written) && written.every((v) => typeof v === 'number') ? written as number[] : null;
    return ids !== null && [...ids].sort().join(',') === [...(read as number[])].sort().join(',');
  }
  if (type === 'json') return JSON.stringify(read) === JSON.stringify(written ?? false);
  const empty = (v: unknown) => v === false || v === null || v === undefined || v === '';
  if (empty(read) && empty(written)) return true;
  return read === written || (typeof read === 'number' && Number(written) === read);
}

function splitFull(xmlid: string, fallback: string): [string, string] {
  const dot = xmlid.indexOf('.');
  return dot < 0 ? [fallback, xmlid] : [xmlid.slice(0, dot), xmlid.slice(dot + 1)];
}

function refsOf(value: unknown): string[] {
  if (isRef(value)) return [value.__ref];
  if (Array.isArray(value)) return value.flatMap(refsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(refsOf);
  return [];
}
