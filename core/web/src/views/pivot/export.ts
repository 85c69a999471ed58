// "Download xlsx": the pivot's table as it is on screen (open headers, order, flipped axes) goes
// to the server as JSON, which writes the workbook (core/addons/web/lib/pivot_xlsx.ts): the
// spreadsheet library stays out of the browser's bundle.

import type { PivotTable } from '../../../../addons/web/lib/pivot_xlsx.ts';
import { RpcError } from '../../rpc.ts';
import type { Header, Path } from './model.ts';

export type { PivotTable };

/** The table as the view lays it out (PivotView.table()). */
export interface PivotGrid {
  measures: string[];
  height: number;
  headerRows: Array<Array<{ header: Header; colspan: number; rowspan: number }>>;
  /** Leaf column headers, then null for the grand total column. */
  columns: Array<Header | null>;
  rows: Header[];
}

export interface PivotLabels {
  title: string;
  measureLabel(measure: string): string;
  /** Decimals the measure is shown with. */
  digits(measure: string): number;
  value(row: Path, col: Path, measure: string): number | undefined;
}

export function exportTable(grid: PivotGrid, labels: PivotLabels): PivotTable {
  const { measures, height, headerRows, columns, rows } = grid;
  const colGroupHeaders = headerRows.map((cells) => cells.map((c) => ({ title: c.header.label, width: c.colspan, height: c.rowspan })));
  // The grand total column has a blank header as tall as the others, as on screen.
  if (columns.length > 1 && columns[columns.length - 1] === null && colGroupHeaders.length) {
    colGroupHeaders[0].push({ title: '', width: measures.length, height });
  }
  return {
    title: labels.title,
    col_group_headers: colGroupHeaders,
    measure_headers: columns.flatMap((col) => measures.map((m) => ({ title: labels.measureLabel(m), digits: labels.digits(m), is_bold: col === null }))),
    rows: rows.map((row) => ({
      title: row.label,
      indent: row.path.length,
      values: columns.flatMap((col) => measures.map((m) => ({
        value: labels.value(row.path, col?.path ?? [], m) ?? null,
        is_bold: row.path.length === 0 || col === null,
      }))),
    })),
  };
}

/** The file name the server gave (Content-Disposition, RFC 6266), if any. */
function fileName(disposition: string | null): string | undefined {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1];
}

/** Posts the table (JSON-RPC envelope, so the route's CSRF rule holds) and saves the reply. */
export async function downloadXlsx(table: PivotTable): Promise<void> {
  const response = await fetch('/web/pivot/export_xlsx', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: table, id: Date.now() }),
  });
  if ((response.headers.get('Content-Type') ?? '').startsWith('application/json')) {
    const payload = (await response.json()) as { error?: { message: string; data?: { name?: string; message?: string } } };
    const data = payload.error?.data ?? {};
    throw new RpcError(data.name ?? 'Error', data.message ?? payload.error?.message ?? `HTTP ${response.status}`, data);
  }
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName(response.headers.get('Content-Disposition')) ?? `${table.title}.xlsx`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
