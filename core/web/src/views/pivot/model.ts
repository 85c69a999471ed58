// The pivot's data, as Odoo 17's PivotModel: a row tree and a column tree of group headers, and
// the measures of every (row header, column header) pair. The groups of one pair of levels come
// from ONE read_group (row group-bys of that depth + column group-bys of that depth, lazy=false):
// expanding a header costs one call per level of the other axis, never one per cell.

import type { Fields, FieldInfo } from '../../arch.ts';
import { t } from '../../i18n.ts';

export type Axis = 'row' | 'col';
export type Measures = Record<string, number>;
/** A group path: the group's value key at each level of its axis. */
export type Path = string[];

export interface Header {
  path: Path;
  label: string;
  expanded: boolean;
  children: Header[];
}

export type ReadGroup = (groupby: string[], fields: string[]) => Promise<Array<Record<string, unknown>>>;

export const COUNT = '__count';

/** A group value as a key: the id of a many2one, 'false' for no value, else the value itself. */
export function valueKey(value: unknown): string {
  if (Array.isArray(value)) return String(value[0]);
  if (value === false || value === null || value === undefined) return '\u0000false';
  return String(value);
}

export function groupLabel(value: unknown, field: FieldInfo | undefined): string {
  if (value === false || value === null || value === undefined) return t('None');
  if (Array.isArray(value)) return String(value[1]);
  if (field?.type === 'selection') return field.selection?.find(([k]) => k === value)?.[1] ?? String(value);
  if (field?.type === 'boolean') return value ? t('Yes') : t('No');
  return String(value);
}

const fieldName = (groupBy: string) => groupBy.split(':')[0];
const pathKey = (path: Path) => JSON.stringify(path);
const pairKey = (rows: string[], cols: string[]) => JSON.stringify([rows, cols]);
const cellKey = (row: Path, col: Path) => JSON.stringify([row, col]);

export class PivotData {
  groupBys: Record<Axis, string[]> = { row: [], col: [] };
  expanded: Record<Axis, Set<string>> = { row: new Set(), col: new Set() };
  measures: string[] = [COUNT];
  /** pair of group-by prefixes -> (row path, col path) -> measures, in read_group's order. */
  private cells = new Map<string, Map<string, Measures>>();
  /** `${groupBy}\u0000${valueKey}` -> label. */
  private labels = new Map<string, string>();
  /** How many read_group calls were made (tests and curiosity). */
  calls = 0;

  constructor(private readGroup: ReadGroup, private fields: Fields) {}

  /** Forgets the data (new domain or measures); keeps the layout. */
  clear(): void {
    this.cells.clear();
  }

  setFields(fields: Fields): void {
    this.fields = fields;
  }

  private prefix(axis: Axis, depth: number): string[] {
    return this.groupBys[axis].slice(0, depth);
  }

  /** Depth of the deepest visible header of an axis + 1 (the number of levels shown). */
  depth(axis: Axis): number {
    let depth = 0;
    for (const key of this.expanded[axis]) depth = Math.max(depth, (JSON.parse(key) as Path).length + 1);
    return Math.min(depth, this.groupBys[axis].length);
  }

  /** Fetches the pairs of levels the visible headers need and that are not loaded yet. */
  async load(): Promise<void> {
    const rows = this.depth('row');
    const cols = this.depth('col');
    const wanted: Array<[string[], string[]]> = [];
    for (let r = 0; r <= rows; r++) for (let c = 0; c <= cols; c++) wanted.push([this.prefix('row', r), this.prefix('col', c)]);
    const fields = this.measures.filter((m) => m !== COUNT).map((m) => `${m}:${this.fields[m]?.group_operator ?? 'sum'}`);
    await Promise.all(wanted.filter(([r, c]) => !this.cells.has(pairKey(r, c))).map(async ([r, c]) => {
      this.calls++;
      const groups = await this.readGroup([...r, ...c], fields);
      const cells = new Map<string, Measures>();
      for (const group of groups) {
        const path = (gbs: string[]) => gbs.map((gb) => {
          const key = valueKey(group[gb]);
          this.labels.set(`${gb}\u0000${key}`, groupLabel(group[gb], this.fields[fieldName(gb)]));
          return key;
        });
        const measures: Measures = { [COUNT]: Number(group.__count ?? 0) };
        for (const m of this.measures) if (m !== COUNT) measures[m] = Number(group[m] || 0);
        cells.set(cellKey(path(r), path(c)), measures);
      }
      this.cells.set(pairKey(r, c), cells);
    }));
  }

  value(row: Path, col: Path, measure: string): number | undefined {
    return this.cells.get(pairKey(this.prefix('row', row.length), this.prefix('col', col.length)))?.get(cellKey(row, col))?.[measure];
  }

  /** The children of a header: the groups one level down that start with its path. */
  private childPaths(axis: Axis, path: Path): Path[] {
    const depth = path.length + 1;
    if (depth > this.groupBys[axis].length) return [];
    const cells = this.cells.get(axis === 'row' ? pairKey(this.prefix('row', depth), []) : pairKey([], this.prefix('col', depth)));
    if (!cells) return [];
    const out: Path[] = [];
    const parent = pathKey(path).slice(0, -1);
    for (const key of cells.keys()) {
      const [row, col] = JSON.parse(key) as [Path, Path];
      const child = axis === 'row' ? row : col;
      if (path.length === 0 || pathKey(child).startsWith(`${parent},`)) out.push(child);
    }
    return out;
  }

  tree(axis: Axis, path: Path = []): Header {
    const expanded = this.expanded[axis].has(pathKey(path));
    const label = path.length ? this.labels.get(`${this.groupBys[axis][path.length - 1]}\u0000${path[path.length - 1]}`) ?? '' : t('Total');
    return { path, label, expanded, children: expanded ? this.childPaths(axis, path).map((child) => this.tree(axis, child)) : [] };
  }

  isExpanded(axis: Axis, path: Path): boolean {
    return this.expanded[axis].has(pathKey(path));
  }

  /** Expands a header; `groupBy` (a new level) when the header is at the deepest level. */
  async expand(axis: Axis, path: Path, groupBy?: string): Promise<void> {
    if (groupBy && path.length >= this.groupBys[axis].length) this.groupBys[axis] = [...this.groupBys[axis].slice(0, path.length), groupBy];
    if (path.length >= this.groupBys[axis].length) return;
    this.expanded[axis].add(pathKey(path));
    await this.load();
  }

  collapse(axis: Axis, path: Path): void {
    const key = pathKey(path).slice(0, -1);
    for (const other of [...this.expanded[axis]]) if (other === pathKey(path) || (path.length === 0 || other.startsWith(`${key},`))) this.expanded[axis].delete(other);
    // Nothing left open at this level: its group-by goes, the next expansion asks for one again.
    const stillOpen = [...this.expanded[axis]].some((other) => (JSON.parse(other) as Path).length === path.length);
    if (!stillOpen && path.length > 0) this.groupBys[axis] = this.groupBys[axis].slice(0, path.length);
  }

  /** Opens every header of an axis down to its last group-by, level by level. */
  async expandAll(axis: Axis): Promise<void> {
    for (let depth = 0; depth < this.groupBys[axis].length; depth++) {
      const open = (header: Header): void => {
        if (header.path.length === depth) this.expanded[axis].add(pathKey(header.path));
        header.children.forEach(open);
      };
      open(this.tree(axis));
      await this.load();
    }
  }

  /** Closes both axes to their "Total" header; the group-bys stay for "Expand all". */
  collapseAll(): void {
    this.expanded.row.clear();
    this.expanded.col.clear();
  }

  /** Rows become columns and columns rows, without a server call. */
  flip(): void {
    this.groupBys = { row: this.groupBys.col, col: this.groupBys.row };
    this.expanded = { row: this.expanded.col, col: this.expanded.row };
    const flipped = new Map<string, Map<string, Measures>>();
    for (const [pair, cells] of this.cells) {
      const [r, c] = JSON.parse(pair) as [string[], string[]];
      flipped.set(pairKey(c, r), new Map([...cells].map(([key, m]) => {
        const [row, col] = JSON.parse(key) as [Path, Path];
        return [cellKey(col, row), m];
      })));
    }
    this.cells = flipped;
  }

  /** Sorts the children of every header of an axis by a measure of the other axis' header `by`. */
  sortBy(axis: Axis, header: Header, by: Path, measure: string, ascending: boolean): Header {
    const value = (h: Header) => (axis === 'row' ? this.value(h.path, by, measure) : this.value(by, h.path, measure)) ?? 0;
    const children = header.children.map((child) => this.sortBy(axis, child, by, measure, ascending))
      .sort((a, b) => (ascending ? value(a) - value(b) : value(b) - value(a)));
    return { ...header, children };
  }
}
