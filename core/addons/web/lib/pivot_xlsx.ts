// The pivot view's table as an .xlsx workbook (Odoo's /web/pivot/export_xlsx): the column
// headers with their spans merged, the measures' row, then one row per row header, indented by
// its depth, totals in bold. The client sends the table as it shows it, so the file matches the
// screen (open headers, sorting, flipped axes). exceljs is loaded on the first export only.

import type { Workbook, Worksheet } from 'exceljs';

export interface PivotHeaderCell {
  title: string;
  /** Columns spanned (HTML's colspan). */
  width: number;
  /** Rows spanned (HTML's rowspan). */
  height: number;
}

export interface PivotMeasureHeader {
  title: string;
  /** Decimals shown: 0 for counts and integers, 2 for amounts. */
  digits?: number;
  is_bold?: boolean;
}

export interface PivotRow {
  title: string;
  indent: number;
  values: Array<{ value: number | null; is_bold?: boolean }>;
}

export interface PivotTable {
  title: string;
  /** The column header rows, top to bottom (the first column, the row headers', excluded). */
  col_group_headers: PivotHeaderCell[][];
  /** One per value column, left to right. */
  measure_headers: PivotMeasureHeader[];
  rows: PivotRow[];
}

const MAX_CELLS = 1_000_000;

/** The JSON schema of the table (checked before anything runs). */
export const pivotTableSchema = {
  type: 'object',
  required: ['title', 'col_group_headers', 'measure_headers', 'rows'],
  properties: {
    title: { type: 'string', maxLength: 256 },
    col_group_headers: { type: 'array', maxItems: 64, items: { type: 'array', items: {
      type: 'object', required: ['title', 'width', 'height'],
      properties: { title: { type: 'string' }, width: { type: 'integer', minimum: 1 }, height: { type: 'integer', minimum: 1 } },
    } } },
    measure_headers: { type: 'array', minItems: 1, maxItems: 16384, items: {
      type: 'object', required: ['title'],
      properties: { title: { type: 'string' }, digits: { type: 'integer', minimum: 0, maximum: 10 }, is_bold: { type: 'boolean' } },
    } },
    rows: { type: 'array', maxItems: 1_048_000, items: {
      type: 'object', required: ['title', 'values'],
      properties: {
        title: { type: 'string' }, indent: { type: 'integer', minimum: 0, maximum: 15, default: 0 },
        values: { type: 'array', items: { type: 'object', properties: { value: { type: ['number', 'null'] }, is_bold: { type: 'boolean' } } } },
      },
    } },
  },
};

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F3F5' } } as const;
const BORDER = { style: 'thin', color: { argb: 'FFDEE2E6' } } as const;
const BORDERS = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };

/** Excel's rules for sheet names: 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || 'Pivot';
}

function numberFormat(digits = 0): string {
  return digits ? `#,##0.${'0'.repeat(digits)}` : '#,##0';
}

/** Places the header cells as an HTML table would: a cell goes to the first column of its row
 *  not taken by a cell above that spans down into it. */
function writeColumnHeaders(sheet: Worksheet, headers: PivotHeaderCell[][]): void {
  const taken = new Set<string>();
  headers.forEach((cells, r) => {
    let column = 2;
    for (const cell of cells) {
      while (taken.has(`${r},${column}`)) column++;
      for (let dr = 0; dr < cell.height; dr++) for (let dc = 0; dc < cell.width; dc++) taken.add(`${r + dr},${column + dc}`);
      const row = r + 1;
      if (cell.width > 1 || cell.height > 1) sheet.mergeCells(row, column, row + cell.height - 1, column + cell.width - 1);
      const target = sheet.getCell(row, column);
      target.value = cell.title;
      target.font = { bold: true };
      target.fill = HEADER_FILL;
      target.border = BORDERS;
      target.alignment = { vertical: 'top' };
      column += cell.width;
    }
  });
}

export async function pivotWorkbook(table: PivotTable): Promise<Workbook> {
  const values = table.rows.reduce((n, row) => n + row.values.length, 0);
  if (values > MAX_CELLS) throw new RangeError(`the table has ${values} cells; an export holds at most ${MAX_CELLS}`);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName(table.title));
  const headerRows = table.col_group_headers.length;
  const measureRow = headerRows + 1;

  // The corner above the row headers.
  if (measureRow > 1) sheet.mergeCells(1, 1, measureRow, 1);
  Object.assign(sheet.getCell(1, 1), { fill: HEADER_FILL, border: BORDERS });
  writeColumnHeaders(sheet, table.col_group_headers);
  table.measure_headers.forEach((measure, i) => {
    const cell = sheet.getCell(measureRow, i + 2);
    cell.value = measure.title;
    cell.font = { bold: measure.is_bold ?? false, color: { argb: 'FF4B5563' } };
    cell.fill = HEADER_FILL;
    cell.border = BORDERS;
    cell.alignment = { horizontal: 'right' };
  });

  table.rows.forEach((row, r) => {
    const line = sheet.getRow(measureRow + 1 + r);
    const title = line.getCell(1);
    title.value = row.title;
    title.alignment = { indent: row.indent ?? 0 };
    title.font = { bold: (row.indent ?? 0) === 0 };
    title.fill = HEADER_FILL;
    title.border = BORDERS;
    row.values.forEach((v, i) => {
      const cell = line.getCell(i + 2);
      cell.value = v.value ?? null;
      cell.numFmt = numberFormat(table.measure_headers[i]?.digits);
      cell.border = BORDERS;
      if (v.is_bold) cell.font = { bold: true };
    });
  });

  const longest = Math.max(10, ...table.rows.map((row) => row.title.length + 2 * (row.indent ?? 0)));
  sheet.getColumn(1).width = Math.min(60, longest + 2);
  for (let i = 0; i < table.measure_headers.length; i++) sheet.getColumn(i + 2).width = 16;
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: measureRow }];
  return workbook;
}

/** The workbook's bytes. */
export async function pivotXlsx(table: PivotTable): Promise<Buffer> {
  const workbook = await pivotWorkbook(table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
