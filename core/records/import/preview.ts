// What the import page shows once a file is chosen (Odoo's `parse_preview`): the columns, the
// field proposed for each, the first rows, how the file was read (separator, encoding, sheet)
// and the fields a column may be mapped to.

import type { Model } from '../../models/model.ts';
import { cellText, readFile, type ReadOptions } from './file.ts';
import { importableFields, matchColumns, type ImportField } from './fields.ts';

export interface Preview {
  headers: string[];
  /** The field path proposed for each column, or null. */
  matches: Array<string | null>;
  /** The first rows, as text, column by column. */
  preview: string[][];
  /** Data rows in the file (the header excluded). */
  row_count: number;
  type: 'csv' | 'xlsx';
  separator?: string;
  encoding?: string;
  sheets?: string[];
  sheet?: string;
  fields: ImportField[];
}

const PREVIEW_ROWS = 10;

export async function previewFile(model: Model, data: Buffer, fileName: string, options: ReadOptions = {}): Promise<Preview> {
  const file = await readFile(data, fileName, options);
  const width = file.headers.length;
  return {
    headers: file.headers,
    matches: options.has_headers === false ? file.headers.map(() => null) : matchColumns(model, file.headers),
    preview: file.rows.slice(0, PREVIEW_ROWS).map((r) => Array.from({ length: width }, (_, i) => cellText(r.cells[i] ?? null))),
    row_count: file.rows.length,
    type: file.type,
    separator: file.separator,
    encoding: file.encoding,
    sheets: file.sheets,
    sheet: file.sheet,
    fields: importableFields(model),
  };
}
