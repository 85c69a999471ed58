// Reading the file of an import: an Excel workbook (exceljs) or a CSV file (csv-parse), in
// whatever encoding and with whatever separator the spreadsheet program that wrote it chose.
// Rows keep their number in the file (the header is row 1), which is how errors name them.

import { parse as parseCsv } from 'csv-parse/sync';
import { errors } from '../../errors.ts';

/** What a cell may hold: text from CSV; numbers, dates and booleans too from a workbook. */
export type Cell = string | number | boolean | Date | null;

export interface FileRow {
  /** The row's number in the file or sheet (1 = the header line). */
  row: number;
  cells: Cell[];
}

export interface ReadOptions {
  /** CSV: the separator; detected when missing. */
  separator?: string;
  /** CSV: the text encoding (utf-8, windows-1256, ...); detected when missing. */
  encoding?: string;
  /** CSV: the quote character (default "). */
  quoting?: string;
  /** Workbook: the sheet to read (the first one by default). */
  sheet?: string;
  /** The first row names the columns (default true). */
  has_headers?: boolean;
}

export interface ReadFile {
  type: 'csv' | 'xlsx';
  headers: string[];
  rows: FileRow[];
  /** CSV: what was used (given or detected). */
  separator?: string;
  encoding?: string;
  /** Workbook: the sheets it holds and the one read. */
  sheets?: string[];
  sheet?: string;
}

const SEPARATORS = [',', ';', '\t', '|'];

/** The type of a file, from its content first (a workbook is a zip), then its name. */
export function fileType(data: Buffer, fileName = ''): 'csv' | 'xlsx' {
  if (data.length >= 4 && data.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  if (/\.xlsx$/i.test(fileName)) throw errors.userError(`The file "${fileName}" is not a valid Excel workbook`);
  if (/\.(xls|ods)$/i.test(fileName)) throw errors.userError(`Files of type "${fileName.split('.').pop()}" are not supported: save the sheet as .xlsx or .csv`);
  return 'csv';
}

export async function readFile(data: Buffer, fileName: string, options: ReadOptions = {}): Promise<ReadFile> {
  const read = fileType(data, fileName) === 'xlsx' ? await readWorkbook(data, options) : readCsv(data, options);
  const hasHeaders = options.has_headers !== false;
  const width = Math.max(0, ...read.rows.map((r) => r.cells.length));
  const first = hasHeaders ? read.rows.shift() : undefined;
  const headers = Array.from({ length: Math.max(width, first?.cells.length ?? 0) }, (_, i) => cellText(first?.cells[i] ?? null).trim());
  return { ...read, headers, rows: read.rows };
}

/** A cell as text (what a CSV would hold). */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, cell.getUTCHours() || cell.getUTCMinutes() || cell.getUTCSeconds() ? 19 : 10).replace('T', ' ');
  return String(cell);
}

const isEmptyRow = (cells: Cell[]) => cells.every((c) => c === null || c === '' || (typeof c === 'string' && !c.trim()));

// ---- CSV -------------------------------------------------------------------------------------

export function readCsv(data: Buffer, options: ReadOptions = {}): Omit<ReadFile, 'headers'> {
  const encoding = options.encoding || detectEncoding(data);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: Boolean(options.encoding) }).decode(data);
  } catch (error) {
    if (error instanceof RangeError) throw errors.userError(`Unknown text encoding "${encoding}"`);
    throw errors.userError(`The file is not valid ${encoding} text; choose its encoding`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const separator = options.separator || detectSeparator(text, options.quoting ?? '"');
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter: separator, quote: options.quoting || '"', relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (error) {
    throw errors.userError(`The file cannot be read as CSV: ${(error as Error).message}`);
  }
  const rows: FileRow[] = [];
  records.forEach((cells, i) => { if (!isEmptyRow(cells)) rows.push({ row: i + 1, cells }); });
  return { type: 'csv', rows, separator, encoding };
}

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8; UTF-16 by its BOM; otherwise the
 * Windows code page that suits the text: Arabic (1256, what Excel writes for Persian) when the
 * words are made of high bytes, Western (1252) when the high bytes are scattered accents.
 */
export function detectEncoding(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return 'utf-16le';
  if (data[0] === 0xfe && data[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(0, 1 << 20).length < data.length ? trimUtf8(data.subarray(0, 1 << 20)) : data);
    return 'utf-8';
  } catch {
    let high = 0;
    let asciiLetters = 0;
    for (const byte of data.subarray(0, 1 << 16)) {
      if (byte >= 0xc0) high++;
      else if ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)) asciiLetters++;
    }
    return high > asciiLetters ? 'windows-1256' : 'windows-1252';
  }
}

/** A UTF-8 prefix cut on a character boundary (a sample must not end inside a character). */
function trimUtf8(sample: Buffer): Buffer {
  let end = sample.length;
  while (end > 0 && (sample[end - 1] & 0xc0) === 0x80) end--;
  return end > 0 && sample[end - 1] >= 0xc0 ? sample.subarray(0, end - 1) : sample.subarray(0, end);
}

/** The separator that splits the first lines into the same number (above one) of columns;
 *  failing that, the most frequent one. Separators inside quotes do not count. */
export function detectSeparator(text: string, quote: string): string {
  const lines: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < 20; i++) {
    const ch = text[i];
    if (ch === quote) quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '\n' || ch === '\r') {
      if (current.trim()) lines.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim() && lines.length < 20) lines.push(current);
  let best = ',';
  let bestScore = -1;
  for (const sep of SEPARATORS) {
    const counts = lines.map((line) => line.split(sep).length - 1);
    const consistent = counts.length > 0 && counts.every((c) => c > 0 && c === counts[0]);
    const score = (consistent ? 1_000_000 : 0) + counts.reduce((a, b) => a + b, 0);
    if (score > bestScore) [best, bestScore] = [sep, score];
  }
  return best;
}

// ---- Excel -----------------------------------------------------------------------------------

interface ExcelCellValue {
  richText?: Array<{ text: string }>;
  text?: unknown;
  result?: unknown;
  formula?: string;
  error?: string;
  hyperlink?: string;
}

function excelValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  const v = value as ExcelCellValue;
  if (v.richText) return v.richText.map((part) => part.text).join('');
  if ('result' in v || v.formula) return excelValue(v.result);
  if (v.error) return null;
  if (v.text !== undefined) return excelValue(v.text);
  return String(value);
}

async function readWorkbook(data: Buffer, options: ReadOptions): Promise<Omit<ReadFile, 'headers'>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw errors.userError(`The file cannot be read as an Excel workbook: ${(error as Error).message}`);
  }
  const sheets = workbook.worksheets.map((s) => s.name);
  const sheet = options.sheet ? workbook.getWorksheet(options.sheet) : workbook.worksheets[0];
  if (!sheet) throw errors.userError(options.sheet ? `The workbook has no sheet "${options.sheet}" (it has ${sheets.join(', ')})` : 'The workbook has no sheet');
  const rows: FileRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    // exceljs' row.values starts at index 1 (column A).
    const values = row.values as unknown[];
    for (let i = 1; i < values.length; i++) cells.push(excelValue(values[i]));
    if (!isEmptyRow(cells)) rows.push({ row: number, cells });
  });
  return { type: 'xlsx', rows, sheets, sheet: sheet.name };
}
