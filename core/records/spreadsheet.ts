// Writing a matrix of values (export_data's, or an import template's header) as a file: CSV with
// csv-stringify (RFC 4180 quoting, a UTF-8 byte order mark so that Excel reads Persian right),
// or an .xlsx workbook with exceljs (typed cells: numbers, booleans, dates, datetimes; a bold,
// frozen header row). exceljs is loaded on first use only.

import { stringify } from 'csv-stringify/sync';
import type { ExportCell } from './export.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv;charset=utf-8';

/** Excel's limit of rows per sheet. */
export const XLSX_MAX_ROWS = 1_048_576;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** Which columns hold dates or datetimes (their cells are text in the matrix). */
export type ColumnKinds = Array<'date' | 'datetime' | null>;

export function toCsv(headers: string[], rows: ExportCell[][]): Buffer {
  const text = stringify([headers, ...rows], {
    cast: { boolean: (value) => (value ? 'True' : 'False'), number: (value) => String(value) },
    record_delimiter: 'windows',
  });
  return Buffer.concat([Buffer.from('\ufeff', 'utf8'), Buffer.from(text, 'utf8')]);
}

export async function toXlsx(headers: string[], rows: ExportCell[][], kinds: ColumnKinds = [], sheetName = 'Sheet1'): Promise<Buffer> {
  if (rows.length + 1 > XLSX_MAX_ROWS) throw new RangeError(`${rows.length} rows do not fit in an Excel sheet (at most ${XLSX_MAX_ROWS - 1}): export them as CSV`);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1');
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(row.map((cell, i) => {
      const kind = kinds[i];
      // Dates go in as dates (the cell shows the wall-clock value written, whatever the zone).
      if (kind === 'date' && typeof cell === 'string' && DATE.test(cell)) return new Date(`${cell}T00:00:00Z`);
      if (kind === 'datetime' && typeof cell === 'string' && DATETIME.test(cell)) return new Date(`${cell.replace(' ', 'T')}Z`);
      return cell;
    }));
  }
  headers.forEach((header, i) => {
    const column = sheet.getColumn(i + 1);
    if (kinds[i] === 'date') column.numFmt = 'yyyy-mm-dd';
    if (kinds[i] === 'datetime') column.numFmt = 'yyyy-mm-dd hh:mm:ss';
    const widest = Math.max(header.length, ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
    column.width = Math.min(60, Math.max(10, widest + 2));
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
