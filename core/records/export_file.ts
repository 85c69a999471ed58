// An export as the dialog asks for it (Odoo's `data`: model, fields with their labels, ids or a
// domain, import-compatible or not) -> the headers and lines of the file, and the file itself.
// Shared by the /web/export routes and `erp export`.

import type { Env } from '../models/env.ts';
import type { Context, Domain } from '../models/types.ts';
import { pathTypes } from './export_fields.ts';
import type { ExportCell } from './export.ts';
import { toCsv, toXlsx, type ColumnKinds } from './spreadsheet.ts';

export interface ExportRequest {
  model: string;
  fields: Array<{ name: string; label?: string }>;
  /** The records; all those matching `domain` when empty or missing. */
  ids?: number[] | false | null;
  domain?: Domain;
  import_compat?: boolean;
  context?: Context | null;
}

export interface ExportMatrix {
  headers: string[];
  datas: ExportCell[][];
  kinds: ColumnKinds;
  /** `Lead/Opportunity (crm.lead)`: the sheet's and the file's name, as Odoo names them. */
  title: string;
}

export async function exportMatrix(env: Env, data: ExportRequest): Promise<ExportMatrix> {
  const compat = data.import_compat ?? false;
  const model = env.model(data.model).with_context({ import_compat: compat });
  const ids = data.ids && data.ids.length ? data.ids : await model.search(data.domain ?? []);
  const names = data.fields.map((f) => f.name);
  const { datas } = await model.export_data(ids, names);
  // Import-compatible files are headed by paths, so that an import maps them back exactly.
  const headers = compat ? names : data.fields.map((f) => (f.label ?? f.name).trim());
  const kinds: ColumnKinds = pathTypes(model, names).map((type) => (type === 'date' || type === 'datetime' ? type : null));
  return { headers, datas, kinds, title: `${model.meta.description} (${model.meta.name})` };
}

export function exportFile(matrix: ExportMatrix, format: 'xlsx' | 'csv'): Promise<Buffer> {
  return format === 'xlsx' ? toXlsx(matrix.headers, matrix.datas, matrix.kinds, matrix.title) : Promise.resolve(toCsv(matrix.headers, matrix.datas));
}
