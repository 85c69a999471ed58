// Human output: progress on stderr (so stdout stays parseable) and plain-text tables.

import type { Progress } from '../core/modules/lifecycle.ts';

export const progress: Progress = (message) => {
  process.stderr.write(`… ${message}\n`);
};

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
