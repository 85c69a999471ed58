// The translation checker, for any addon: every source a user may read (field labels, helps and
// selections, view terms, menus, actions, translatable data) must have a translation in the
// addon's `i18n/<lang>.json` or in one of its dependencies'. An application's test calls
//   await checkTranslations(t, 'crm');
// and a failure lists the missing sources with where they come from.

import path from 'node:path';
import type { Test } from 'tap';
import { discoverAddons, type AddonIndex } from '../../core/modules/discovery.ts';
import { missingTranslations, type Source, type SourceOptions } from '../../core/i18n/sources.ts';
import { ROOT } from '../setup/state.ts';
import { TEST_ADDONS } from './db.ts';

export interface CheckOptions extends SourceOptions {
  /** Default fa_IR. */
  lang?: string;
  /** Addon folders beyond the core's, `addons/` and `tests/addons/`. */
  addonsPaths?: string[];
}

const indexes = new Map<string, Promise<AddonIndex>>();

function addonIndex(extra: string[] = []): Promise<AddonIndex> {
  const paths = [path.join(ROOT, 'addons'), TEST_ADDONS, ...extra];
  const key = paths.join('\n');
  if (!indexes.has(key)) indexes.set(key, discoverAddons(paths));
  return indexes.get(key)!;
}

/** The sources of `addon` without a translation into `options.lang` (fa_IR). */
export async function missingTranslationsOf(addon: string, options: CheckOptions = {}): Promise<Source[]> {
  const { lang = 'fa_IR', addonsPaths, ...sourceOptions } = options;
  return missingTranslations(await addonIndex(addonsPaths), addon, lang, sourceOptions);
}

/** One line per missing source, ready to paste into the translation file. */
export const formatMissing = (missing: Source[]): string[] =>
  missing.map((s) => `${JSON.stringify(s.source)}: ""  (${s.origin})`);

/** Fails (listing them) when sources of `addon` have no translation into `options.lang`. */
export async function checkTranslations(t: Test, addon: string, options: CheckOptions = {}): Promise<void> {
  const missing = await missingTranslationsOf(addon, options);
  t.same(formatMissing(missing), [], `every source of ${addon} has a ${options.lang ?? 'fa_IR'} translation (i18n/${options.lang ?? 'fa_IR'}.json)`);
}
