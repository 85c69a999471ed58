// Translations of the addons' metadata and data. Each addon may ship `i18n/<lang>.json`, a flat
// map from the English source to its translation; a key `model:<model>|<source>` applies to one
// model only, for the rare source that needs two translations. A file named after the language
// alone (`i18n/fa.json`) is read first, so `fa_IR.json` only needs what differs.
//
// The files of the registry's addons are read once per registry and language, on first use, and
// merged in load order (a dependent addon may retranslate a term of its dependency). The source
// language is English: a request in English, or in a language no addon translates, gets null and
// pays nothing.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { errors } from '../errors.ts';
import type { Registry } from '../models/registry.ts';

/** The language the addons are written in (stored values and sources). */
export const SOURCE_LANG = 'en_US';

/** The folder of an addon holding its translation files. */
export const I18N_DIR = 'i18n';

const SCOPE = 'model:';

/** The key of a source restricted to one model. */
export const scopedKey = (model: string, source: string): string => `${SCOPE}${model}|${source}`;

export class Catalog {
  /** Sources that have a translation for some model (`model:x|source`). */
  private readonly scoped = new Set<string>();

  constructor(readonly lang: string, private readonly entries: ReadonlyMap<string, string>) {
    for (const key of entries.keys()) if (key.startsWith(SCOPE) && key.includes('|')) this.scoped.add(key.slice(key.indexOf('|') + 1));
  }

  /** The translation of `source` (the model's own key first), or undefined. */
  lookup(source: string, model?: string): string | undefined {
    return (model !== undefined ? this.entries.get(scopedKey(model, source)) : undefined) ?? this.entries.get(source);
  }

  /** The translation of `source`, or `source` itself. */
  get(source: string, model?: string): string {
    return this.lookup(source, model) ?? source;
  }

  /** Whether some model has its own translation of `source`. */
  hasScoped(source: string): boolean {
    return this.scoped.has(source);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The files of one addon for `lang`, most general first: `fa.json`, then `fa_IR.json`. */
export function translationFiles(dir: string, lang: string): string[] {
  const short = lang.split('_')[0];
  return [...new Set([short, lang])].map((name) => path.join(dir, I18N_DIR, `${name}.json`)).filter((file) => existsSync(file));
}

/** One translation file: a JSON object of non-empty strings. */
export function readTranslationFile(addon: string, file: string): Map<string, string> {
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw errors.badTranslations(addon, file, `is not valid JSON: ${(error as Error).message}`);
  }
  if (!content || typeof content !== 'object' || Array.isArray(content)) throw errors.badTranslations(addon, file, 'must hold one object, { "English source": "translation" }');
  const entries = new Map<string, string>();
  for (const [source, translation] of Object.entries(content)) {
    if (typeof translation !== 'string' || !translation.trim()) throw errors.badTranslations(addon, file, `the translation of "${source}" must be a non-empty string`);
    entries.set(source, translation);
  }
  return entries;
}

/** The merged translations of `addons` (name -> folder, in load order) for `lang`. */
export function loadCatalog(addons: Iterable<[string, string]>, lang: string): Catalog {
  const entries = new Map<string, string>();
  for (const [addon, dir] of addons) {
    for (const file of translationFiles(dir, lang)) for (const [k, v] of readTranslationFile(addon, file)) entries.set(k, v);
  }
  return new Catalog(lang, entries);
}

const cache = new WeakMap<Registry, Map<string, Catalog | null>>();

/** The catalog of a registry's addons for `lang`; null for English or a language without files. */
export function catalogFor(registry: Registry, lang: string | undefined): Catalog | null {
  if (!lang || lang === SOURCE_LANG) return null;
  let byLang = cache.get(registry);
  if (!byLang) cache.set(registry, (byLang = new Map()));
  if (!byLang.has(lang)) {
    const dirs = registry.addons.map((name) => [name, registry.addonDirs.get(name)] as const).filter((e): e is [string, string] => Boolean(e[1]));
    const catalog = loadCatalog(dirs, lang);
    byLang.set(lang, catalog.size ? catalog : null);
  }
  return byLang.get(lang)!;
}

/** The catalog for the language of a records call (`context.lang`). */
export const catalogOf = (env: { registry: Registry; context: { lang?: string } }): Catalog | null => catalogFor(env.registry, env.context.lang);
