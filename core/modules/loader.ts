// Loads an addon's data files: each record is created (or, on upgrade, updated unless noupdate)
// and its external id written to the ledger. Consecutive records of one model are created in
// one batch, so seeding thousands of states costs a handful of queries.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { errors, ErpError } from '../errors.ts';
import type { Env } from '../models/env.ts';
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
    const model = this.env.model(batch[0].model);
    const toCreate: Array<{ record: DataRecord; values: Record<string, unknown> }> = [];
    for (const record of batch) {
      const xmlid = this.full(record.id);
      this.loaded.add(xmlid);
      const values = Object.fromEntries(Object.entries(record.values).map(([k, v]) => [k, this.resolve(file, record, v)]));
      const existing = this.known.get(xmlid);
      const alive = existing && (await model.with_context({ active_test: false }).exists([existing.id])).length;
      if (existing && alive) {
        if (this.options.mode === 'update' && !existing.noupdate) await this.guard(file, [{ record }], () => model.write([existing.id], values));
      } else toCreate.push({ record, values });
    }
    if (!toCreate.length) return;
    const ids = await this.guard(file, toCreate, () => model.create(toCreate.map((c) => c.values)));
    const [moduleName] = [this.addon.manifest.name];
    await this.env.cr.execute('DELETE FROM ir_model_data WHERE module || \'.\' || name = ANY($1::text[])', [toCreate.map((c) => this.full(c.record.id))]);
    await this.env.model('ir.model.data').create(toCreate.map((c, i) => {
      const [module, name] = splitFull(this.full(c.record.id), moduleName);
      this.known.set(`${module}.${name}`, { model: model.meta.name, id: ids[i], noupdate: Boolean(c.record.noupdate) });
      return { module, name, model: model.meta.name, res_id: ids[i], noupdate: Boolean(c.record.noupdate) };
    }));
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
