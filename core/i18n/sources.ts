// Every source an addon brings that a user may read, found without a database: the labels, helps
// and selection labels of the fields it declares (on its models and on the models it extends),
// its models' descriptions, its manifest's summary (the Apps and Settings pages), the terms of
// its views and of the `translate: true` fields of its data records (menus, actions, stages,
// tags...). `missingTranslations` compares them with the translation files of the addon and of
// its dependencies (merged at run time, so a dependency's term need not be repeated).

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Registry } from '../models/registry.ts';
import type { AddonIndex } from '../modules/discovery.ts';
import { isRef, type DataFile, type DataRecord } from '../modules/data.ts';
import { errors } from '../errors.ts';
import { parseXml } from '../ui/xml.ts';
import { loadCatalog, type Catalog } from './catalog.ts';
import { forEachTerm, htmlTerms, isTerm, normalizeTerm } from './terms.ts';

export interface Source {
  source: string;
  /** The model the source is about (checked against `model:<model>|<source>` keys too). */
  model?: string;
  /** Where it was found, for the report: `field res.partner.name`, `view base.view_x`, ... */
  origin: string;
}

export interface SourceOptions {
  /** Also the demo files' records (off: demo data is rarely translated). */
  demo?: boolean;
  /** Models whose data records are not asked for (e.g. `res.country`, whose names may stay). */
  ignoreDataModels?: string[];
}

/** A registry of the addon and its dependencies, built from the manifests alone. */
export function closureRegistry(index: AddonIndex, addon: string): Registry {
  return new Registry(index.closure([addon]).map((name) => {
    const { manifest, dir } = index.get(name);
    return { name, dir, models: manifest.models, extend: manifest.extend };
  }));
}

type Add = (source: string, model: string | undefined, origin: string) => void;

/** The translatable sources of one addon, each (source, model) once. */
export async function translatableSources(index: AddonIndex, addon: string, options: SourceOptions = {}): Promise<Source[]> {
  const registry = closureRegistry(index, addon);
  const found = new Map<string, Source>();
  const add: Add = (source, model, origin) => {
    if (!isTerm(source)) return;
    const text = normalizeTerm(source);
    const key = `${model ?? ''}|${text}`;
    if (!found.has(key)) found.set(key, { source: text, model, origin });
  };
  const { manifest } = index.get(addon);
  if (manifest.summary) add(manifest.summary, 'ir.module.module', `manifest ${addon} (summary)`);
  modelSources(registry, addon, new Set((manifest.extend ?? []).filter((e) => e.description).map((e) => e.name)), add);
  await dataSources(index, registry, addon, options, add);
  return [...found.values()];
}

/** Descriptions of the addon's models (and of those it renames); labels, helps and selections
 *  of the fields it declares. */
function modelSources(registry: Registry, addon: string, renamed: Set<string>, add: Add): void {
  for (const meta of registry.models.values()) {
    if (meta.modules[0] === addon || renamed.has(meta.name)) add(meta.description, meta.name, `model ${meta.name}`);
    for (const field of meta.fields.values()) {
      if (!field.modules.includes(addon)) continue;
      const origin = `field ${meta.name}.${field.name}`;
      add(field.string, meta.name, origin);
      if (field.help) add(field.help, meta.name, `${origin} (help)`);
      for (const [value, label] of field.selection ?? []) add(label, meta.name, `${origin} (selection ${value})`);
    }
  }
}

/** Terms of the addon's views, and values of `translate: true` fields of its other records. */
async function dataSources(index: AddonIndex, registry: Registry, addon: string, options: SourceOptions, add: Add): Promise<void> {
  const { manifest, dir } = index.get(addon);
  const files = [...(manifest.data ?? []), ...(options.demo ? manifest.demo ?? [] : [])];
  const ignored = new Set(options.ignoreDataModels ?? []);
  const full = (id: string) => (id.includes('.') ? id : `${addon}.${id}`);
  // An extension view names no model: it has its parent's, when the parent is the addon's own.
  const viewModels = new Map<string, string>();
  for (const file of files) {
    for (const record of await readDataFile(addon, dir, file, options.demo ?? false)) {
      if (ignored.has(record.model) || !registry.has(record.model)) continue;
      const xmlid = full(record.id);
      if (record.model === 'ir.ui.view' && typeof record.values.arch === 'string') {
        const parent = record.values.inherit_id;
        const model = typeof record.values.model === 'string' ? record.values.model : isRef(parent) ? viewModels.get(full(parent.__ref)) : undefined;
        if (model) viewModels.set(xmlid, model);
        forEachTerm(parseXml(record.values.arch), model, registry, (term) => add(term.source, term.model, `view ${xmlid}`));
        continue;
      }
      const meta = registry.get(record.model);
      for (const [name, value] of Object.entries(record.values)) {
        const field = meta.fields.get(name);
        if (!field?.translate || typeof value !== 'string' || !value) continue;
        const origin = `${record.model} ${xmlid} (${name})`;
        if (field.type === 'html') for (const term of htmlTerms(value)) add(term, record.model, origin);
        else add(value, record.model, origin);
      }
    }
  }
}

async function readDataFile(addon: string, dir: string, file: string, demo: boolean): Promise<DataRecord[]> {
  let content: DataFile;
  try {
    content = ((await import(pathToFileURL(path.join(dir, file)).href)) as { default: DataFile }).default;
  } catch (error) {
    throw errors.badData(addon, file, '-', `cannot be loaded: ${(error as Error).message}`);
  }
  const records = typeof content === 'function' ? await content({ demo }) : content;
  return Array.isArray(records) ? records.filter((r) => r && typeof r.model === 'string' && r.values && typeof r.values === 'object') : [];
}

/** Whether the catalog translates a source (for an unknown model, a key of any model will do). */
export const covers = (catalog: Catalog, source: Source): boolean =>
  catalog.lookup(source.source, source.model) !== undefined || (source.model === undefined && catalog.hasScoped(source.source));

/** The sources of `addon` that neither its translation files for `lang` nor its dependencies'
 *  translate. */
export async function missingTranslations(index: AddonIndex, addon: string, lang: string, options: SourceOptions = {}): Promise<Source[]> {
  const catalog = loadCatalog(index.closure([addon]).map((name) => [name, index.get(name).dir]), lang);
  return (await translatableSources(index, addon, options)).filter((s) => !covers(catalog, s));
}
