// The fields the export dialog offers (Odoo's /web/export/get_fields): the model's fields with
// their labels in the user's language, relational ones expandable one level down. In
// import-compatible mode only what an import can write back is offered (no computed or
// read-only fields), and a relation opens on its external id and name only, as in Odoo.

import type { Model } from './../models/model.ts';
import type { Field } from '../models/types.ts';
import { catalogOf } from '../i18n/catalog.ts';
import { isImportable } from './import/fields.ts';
import { splitPath } from './export.ts';

export interface ExportFieldInfo {
  /** The path exported (`partner_id/email`). */
  id: string;
  /** The label shown: the labels of the path joined by '/'. */
  string: string;
  field_type: string;
  required: boolean;
  /** Relational fields of the first level open on their comodel's fields. */
  children: boolean;
  params?: { model: string; prefix: string; name: string };
}

export interface GetFieldsOptions {
  prefix?: string;
  parent_name?: string;
  import_compat?: boolean;
  parent_field_type?: string;
}

const HIDDEN = new Set(['create_uid', 'write_uid', 'display_name', '__last_update']);

export async function exportableFields(model: Model, options: GetFieldsOptions = {}): Promise<ExportFieldInfo[]> {
  const { prefix = '', parent_name: parentName = '', import_compat: compat = false, parent_field_type: parentType } = options;
  const catalog = catalogOf(model.env);
  const label = (field: Field) => (catalog ? catalog.get(field.string, field.model) : field.string);
  let fields = [...model.meta.fields.values()].filter((f) => !HIDDEN.has(f.name) && f.name !== 'id' && f.type !== 'json');
  const policy = model.env.registry.access;
  if (policy?.checkFields && !model.env.su) fields = await policy.checkFields(model, 'read', fields, false);
  if (compat) {
    fields = fields.filter((f) => isImportable(f) || f.type === 'one2many');
    // A relation followed in import-compatible mode is written back by its name.
    if (parentType === 'many2one' || parentType === 'many2many') fields = fields.filter((f) => f.name === model.meta.recName);
  }
  const depth = prefix ? prefix.split('/').length : 0;
  const externalId = catalog?.lookup('External ID') ?? (model.env.lang.startsWith('fa') ? 'شناسه خارجی' : 'External ID');
  const entries: ExportFieldInfo[] = [{ id: prefix ? `${prefix}/id` : 'id', string: parentName ? `${parentName}/${externalId}` : externalId, field_type: 'id', required: false, children: false }];
  const sorted = fields.map((f) => [f, label(f)] as const).sort((a, b) => a[1].localeCompare(b[1]));
  for (const [field, text] of sorted) {
    const id = prefix ? `${prefix}/${field.name}` : field.name;
    const name = parentName ? `${parentName}/${text}` : text;
    const expandable = Boolean(field.comodel) && depth < 1;
    entries.push({
      id, string: name, field_type: field.type, required: field.required, children: expandable,
      ...(expandable ? { params: { model: field.comodel!, prefix: id, name } } : {}),
    });
  }
  return entries;
}

/** The type of the last field of each path (dates and datetimes become date cells in Excel). */
export function pathTypes(model: Model, paths: string[]): Array<string | null> {
  return paths.map((path) => {
    let meta = model.meta;
    let type: string | null = null;
    for (const name of splitPath(path)) {
      const field = meta.fields.get(name);
      if (!field) return name === 'id' || name === '.id' ? 'id' : null;
      type = field.type;
      if (field.comodel) meta = model.env.registry.get(field.comodel);
    }
    return type;
  });
}
