// export_data: Odoo's matrix of values for field paths (`name`, `partner_id/name`, `tag_ids/id`,
// `id` for external ids, `.id` for database ids). A record gives one line; an x2many followed by
// sub-fields adds a line per further related record, as Odoo's `_export_rows` does. In
// import-compatible mode (the context's `import_compat`, true by default as in Odoo) a many2many
// stays in one cell: its names or external ids joined by commas, which the import reads back.
//
// Set-based: each level reads its fields for the whole batch in one `read`, and each relation
// followed by sub-fields is exported once for all the related records of the batch. Records
// without an external id get an `__export__` one (one SELECT and one INSERT per model), so an
// export can be changed and imported again over the same records.

import { randomBytes } from 'node:crypto';
import { errors } from '../errors.ts';
import type { Model } from '../models/model.ts';
import type { Field, RecordValues } from '../models/types.ts';
import { catalogOf } from '../i18n/catalog.ts';
import { knownZone, utcToLocal } from './import/dates.ts';

/** A cell of the matrix: what a spreadsheet shows. */
export type ExportCell = string | number | boolean;

/** Where an external id goes once the ids of its model are known. */
class XidRef {
  constructor(readonly model: string, readonly id: number) {}
}

/** A many2many exported as its external ids, in one cell. */
class XidList {
  constructor(readonly model: string, readonly ids: number[]) {}
}

type Cell = ExportCell | XidRef | XidList;
type Lines = Cell[][];

/** Top-level records are exported by slices, so that memory stays flat on large exports. */
const SLICE = 1000;

/** `partner_id:id` and `partner_id.id` (older spellings) -> `partner_id/id`, `partner_id/.id`. */
export function splitPath(path: string): string[] {
  return path.replace(/([^/]):id\b/g, '$1/id').replace(/([^/])\.id\b/g, '$1/.id').split('/');
}

export async function exportData(model: Model, ids: number[], fieldPaths: string[]): Promise<{ datas: ExportCell[][] }> {
  const paths = fieldPaths.map(splitPath);
  const importCompat = model.context.import_compat !== false;
  const lines: Lines = [];
  for (let i = 0; i < ids.length; i += SLICE) {
    const slice = ids.slice(i, i + SLICE);
    const byRecord = await exportRows(model, slice, paths, importCompat);
    for (const id of slice) lines.push(...(byRecord.get(id) ?? []));
  }
  return { datas: await resolveXids(model, lines) };
}

/** The lines of each record of `ids` (unknown ids are left out). */
async function exportRows(model: Model, ids: number[], paths: string[][], importCompat: boolean): Promise<Map<number, Lines>> {
  const result = new Map<number, Lines>();
  if (!ids.length) return result;
  const meta = model.meta;
  const names = [...new Set(paths.filter((p) => p.length && p[0] !== 'id' && p[0] !== '.id').map((p) => p[0]))];
  const fields = new Map(names.map((name) => {
    const field = meta.fields.get(name);
    if (!field) throw errors.unknownField(meta.name, name);
    return [name, field] as const;
  }));
  const records = names.length ? await model.read(ids, names) : [...new Set(ids)].map((id) => ({ id }) as RecordValues);

  // Each relation is followed once, for the related records of the whole batch.
  const related = new Map<string, Map<number, Lines>>();
  const joined = new Map<string, { index: number; xids: boolean; names: Map<number, string> }>();
  for (const [name, field] of fields) {
    if (!field.comodel) continue;
    const subPaths = paths.map((p) => (p.length && p[0] === name ? (p.length > 1 ? p.slice(1) : ['display_name']) : []));
    const comodel = model.env.model(field.comodel);
    const targets = [...new Set(records.flatMap((r) => relatedIds(field, r[name])))];
    if (importCompat && field.type === 'many2many') {
      joined.set(name, await joinedCell(comodel, paths, subPaths, name, targets));
      continue;
    }
    // A many2one shown by its name: read gave it already.
    if (field.type === 'many2one' && subPaths.every((p) => !p.length || (p.length === 1 && p[0] === 'display_name'))) continue;
    related.set(name, await exportRows(comodel, targets, subPaths, importCompat));
  }

  const catalog = catalogOf(model.env);
  const tz = knownZone(model.context.tz);
  for (const record of records) {
    const current: Cell[] = paths.map(() => '');
    const lines: Lines = [current];
    const done = new Set<string>();
    paths.forEach((path, i) => {
      if (!path.length) return;
      const name = path[0];
      if (done.has(name)) return;
      if (name === '.id') current[i] = record.id;
      else if (name === 'id') current[i] = new XidRef(meta.name, record.id);
      else {
        const field = fields.get(name)!;
        const value = record[name];
        if (!field.comodel) current[i] = exportValue(field, value, catalog, tz);
        else if (joined.has(name)) {
          const { index, xids, names: labels } = joined.get(name)!;
          const targets = relatedIds(field, value);
          current[index] = xids ? new XidList(field.comodel, targets) : targets.map((id) => labels.get(id) ?? '').join(',');
        } else if (!related.has(name)) {
          current[i] = Array.isArray(value) ? String(value[1] ?? '') : '';
        } else {
          done.add(name);
          const sub = relatedIds(field, value).flatMap((id) => related.get(name)!.get(id) ?? []);
          if (!sub.length) return;
          // The first related record shares the record's line; the others get lines of their own.
          sub[0].forEach((cell, j) => { if (cell !== '' && cell !== false) current[j] = cell; });
          lines.push(...sub.slice(1));
        }
      }
    });
    result.set(record.id, lines);
  }
  return result;
}

/** A many2many in one cell (import-compatible): external ids when a sub-path asks for `id`, else
 *  names; the cell goes where that sub-path's column is. */
async function joinedCell(comodel: Model, paths: string[][], subPaths: string[][], name: string, targets: number[]) {
  let index = paths.findIndex((p) => p[0] === name);
  let xids = false;
  for (const wanted of ['id', 'name', 'display_name']) {
    const at = subPaths.findIndex((p) => p.length === 1 && p[0] === wanted);
    if (at >= 0) {
      index = at;
      xids = wanted === 'id';
      break;
    }
  }
  // Names of linked records are shown even where the user could not open them, as read() does.
  const names = xids || !targets.length ? new Map<number, string>() : await comodel.sudo()._display_names(targets);
  return { index, xids, names };
}

/** The ids a relational value read holds: `[id, name]` for a many2one, ids for an x2many. */
const relatedIds = (field: Field, value: unknown): number[] => {
  if (field.type === 'many2one') return Array.isArray(value) && typeof value[0] === 'number' ? [value[0]] : [];
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
};

/** A field's value as a spreadsheet cell (Odoo's `convert_to_export`). */
function exportValue(field: Field, value: unknown, catalog: ReturnType<typeof catalogOf>, tz: string): ExportCell {
  switch (field.type) {
    case 'integer': case 'float': case 'monetary':
      return typeof value === 'number' ? value : 0;
    case 'boolean':
      return Boolean(value);
    case 'selection': {
      if (value === false || value === null || value === undefined) return '';
      const label = field.selection?.find(([key]) => key === value)?.[1];
      if (label === undefined) return String(value);
      return catalog ? catalog.get(label, field.model) : label;
    }
    case 'datetime':
      return typeof value === 'string' && value ? utcToLocal(value, tz) : '';
    case 'json':
      return value === false || value === null || value === undefined ? '' : JSON.stringify(value);
    default:
      return value === false || value === null || value === undefined ? '' : String(value);
  }
}

/** Replaces external id markers by the ids, creating `__export__` ones where records have none. */
async function resolveXids(model: Model, lines: Lines): Promise<ExportCell[][]> {
  const wanted = new Map<string, Set<number>>();
  for (const line of lines) {
    for (const cell of line) {
      if (cell instanceof XidRef) add(wanted, cell.model, [cell.id]);
      else if (cell instanceof XidList) add(wanted, cell.model, cell.ids);
    }
  }
  const xids = new Map<string, Map<number, string>>();
  for (const [name, ids] of wanted) xids.set(name, await ensureXmlIds(model.env.model(name), [...ids]));
  return lines.map((line) => line.map((cell) => {
    if (cell instanceof XidRef) return xids.get(cell.model)!.get(cell.id) ?? '';
    if (cell instanceof XidList) return cell.ids.map((id) => xids.get(cell.model)!.get(id) ?? '').join(',');
    return cell;
  }));
}

function add(map: Map<string, Set<number>>, key: string, ids: number[]): void {
  const set = map.get(key) ?? new Set<number>();
  for (const id of ids) set.add(id);
  map.set(key, set);
}

/** The external id of each record (`module.name`), creating `__export__.<table>_<id>_<random>`
 *  for those that have none (Odoo's `__ensure_xml_id`). Two queries whatever the count. */
export async function ensureXmlIds(model: Model, ids: number[]): Promise<Map<number, string>> {
  const result = new Map<number, string>();
  if (!ids.length) return result;
  // A report's rows (a SQL view) come and go with the data: an external id could not follow them.
  if ('view' in model.meta && model.meta.view) throw errors.userError(`The records of "${model.meta.name}" (a report) have no external ids: export without the ID column`);
  const cr = model.env.cr;
  const rows = await cr.query<{ res_id: number; module: string; name: string }>(
    'SELECT res_id, module, name FROM ir_model_data WHERE model = $1 AND res_id = ANY($2::int4[]) ORDER BY id', [model.meta.name, ids]);
  for (const row of rows) if (!result.has(row.res_id)) result.set(row.res_id, row.module ? `${row.module}.${row.name}` : row.name);
  const missing = ids.filter((id) => !result.has(id));
  if (!missing.length) return result;
  const names = missing.map((id) => `${model.meta.table}_${id}_${randomBytes(4).toString('hex')}`);
  await cr.execute(
    `INSERT INTO ir_model_data (module, name, model, res_id, noupdate, create_uid, create_date, write_uid, write_date)
     SELECT '__export__', n, $1, r, false, $4, now() AT TIME ZONE 'UTC', $4, now() AT TIME ZONE 'UTC'
       FROM unnest($2::text[], $3::int4[]) AS v(n, r)`,
    [model.meta.name, names, missing, model.env.uid]);
  missing.forEach((id, i) => result.set(id, `__export__.${names[i]}`));
  return result;
}
