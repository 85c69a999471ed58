// What an import may fill, and which column goes where. The fields are Odoo's importable ones:
// stored, not read-only, not the magic ones; relational fields also offer their external id
// (`partner_id/id`) and database id (`partner_id/.id`), and the record itself its external id
// (`id`), which makes the row update the record that has it. A column is matched to a field by
// its technical name or its label, in English or in the user's language, ignoring case, spaces
// and the ways Persian is typed (Arabic or Persian yeh and kaf, zero-width non-joiners).

import type { Model } from '../../models/model.ts';
import type { Field, FieldType } from '../../models/types.ts';
import { catalogFor, type Catalog } from '../../i18n/catalog.ts';

export interface ImportField {
  /** What the column maps to: `name`, `partner_id`, `partner_id/id`, `id`. */
  path: string;
  /** The label shown, in the user's language: "Customer", "Customer / External ID". */
  label: string;
  /** The English label (for the template and for matching). */
  source: string;
  type: FieldType | 'id';
  required: boolean;
  comodel?: string;
  /** How the column's cells name records: by name, external id or database id. */
  by?: 'name' | 'xmlid' | 'dbid';
}

const MAGIC = new Set(['id', 'create_uid', 'create_date', 'write_uid', 'write_date', 'display_name', '__last_update']);
const UNSUPPORTED: ReadonlySet<FieldType> = new Set(['one2many', 'binary', 'json']);

/** Labels of the import's own sub-fields, in the languages the client speaks. */
const OWN_LABELS: Record<string, Record<string, string>> = {
  fa: { 'External ID': 'شناسه خارجی', 'Database ID': 'شناسه پایگاه داده' },
};

const own = (lang: string | undefined, text: string, catalog: Catalog | null) =>
  catalog?.lookup(text) ?? OWN_LABELS[(lang ?? '').split('_')[0]]?.[text] ?? text;

/** A field may be imported when it is stored and written by users. */
export function isImportable(field: Field): boolean {
  if (MAGIC.has(field.name) || UNSUPPORTED.has(field.type)) return false;
  if (field.readonly || field.compute || field.related) return false;
  return Boolean(field.column) || field.type === 'many2many';
}

/** The fields the model's import offers, in the language of `lang` (labels). */
export function importableFields(model: Model, lang = model.env.lang): ImportField[] {
  const catalog = catalogFor(model.env.registry, lang);
  const label = (field: Field) => (catalog ? catalog.get(field.string, field.model) : field.string);
  const xid = own(lang, 'External ID', catalog);
  const dbid = own(lang, 'Database ID', catalog);
  const out: ImportField[] = [{ path: 'id', label: xid, source: 'External ID', type: 'id', required: false, by: 'xmlid' }];
  const fields = [...model.meta.fields.values()].filter(isImportable)
    .sort((a, b) => Number(b.required) - Number(a.required) || a.string.localeCompare(b.string));
  for (const field of fields) {
    const base = { type: field.type, required: field.required, comodel: field.comodel };
    if (field.type === 'many2one' || field.type === 'many2many') {
      out.push({ ...base, path: field.name, label: label(field), source: field.string, by: 'name' });
      out.push({ ...base, path: `${field.name}/id`, label: `${label(field)} / ${xid}`, source: `${field.string} / External ID`, by: 'xmlid', required: false });
      out.push({ ...base, path: `${field.name}/.id`, label: `${label(field)} / ${dbid}`, source: `${field.string} / Database ID`, by: 'dbid', required: false });
    } else out.push({ ...base, path: field.name, label: label(field), source: field.string });
  }
  return out;
}

/** Lower case, no spaces, no zero-width joiners, Persian letters for their Arabic look-alikes,
 *  `:id` and `.id` spelled the way paths are. */
export function normalizeHeader(text: string): string {
  return text.normalize('NFC').toLowerCase()
    .replace(/[\s\u200b-\u200f\u00a0\u202f\u2066-\u2069_]+/g, '')
    .replace(/[يى]/g, 'ی').replace(/ك/g, 'ک').replace(/[ۀة]/g, 'ه')
    .replace(/:id$/, '/id')
    .replace(/([^/])\.id$/, '$1/.id');
}

/**
 * The field proposed for each column (null: none). Technical names win over labels; each field
 * is proposed once, to the first column that names it. Labels are tried in English, in the
 * user's language and in Persian, so that a file from a colleague working in the other
 * language maps too.
 */
export function matchColumns(model: Model, headers: string[], lang = model.env.lang): Array<string | null> {
  const byKey = new Map<string, string>();
  const put = (key: string, path: string) => { const k = normalizeHeader(key); if (k && !byKey.has(k)) byKey.set(k, path); };
  const languages = [...new Set(['en_US', lang, 'fa_IR'])];
  const lists = languages.map((l) => importableFields(model, l));
  // Technical names first, then labels language by language.
  for (const field of lists[0]) put(field.path, field.path);
  for (const list of lists) for (const field of list) put(field.label, field.path);
  // "Customer/External ID" written without spaces, or with the English sub-label.
  for (const field of lists[0]) put(field.source, field.path);
  const taken = new Set<string>();
  return headers.map((header) => {
    const path = byKey.get(normalizeHeader(header));
    if (!path || taken.has(path)) return null;
    taken.add(path);
    return path;
  });
}
