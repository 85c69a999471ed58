// Translating what the records API returns: the metadata of fields (`fields_get`, the settings
// page) and the values of `translate: true` fields. Records store their source (English) value;
// reading in another language replaces it with the translation the addons ship, if any. A value
// a user typed has no translation and reads as typed, in every language.

import type { Values } from '../models/model.ts';
import type { Field, SelectionList } from '../models/types.ts';
import type { Catalog } from './catalog.ts';
import { normalizeTerm, translateHtml } from './terms.ts';

/** A field's label, help and selection labels in the catalog's language (a new object). */
export function translateFieldAttributes<T extends Values>(description: T, field: Field, catalog: Catalog): T {
  const out: Values = { ...description };
  if (typeof out.string === 'string') out.string = catalog.get(out.string, field.model);
  if (typeof out.help === 'string' && out.help) out.help = catalog.get(out.help, field.model);
  if (Array.isArray(out.selection)) out.selection = translateSelection(out.selection as SelectionList, field.model, catalog);
  return out as T;
}

export const translateSelection = (selection: SelectionList, model: string, catalog: Catalog): SelectionList =>
  selection.map(([value, label]) => [value, catalog.get(label, model)]);

/** The value of a `translate: true` field as the reader should see it. */
export function translateValue(field: Field, value: unknown, catalog: Catalog): unknown {
  if (typeof value !== 'string' || !value) return value;
  if (field.type === 'html') return translateHtml(value, field.model, catalog);
  return catalog.lookup(normalizeTerm(value), field.model) ?? value;
}
