// Drag and drop on the board, as a lit controller: a card to another column or to another place in
// its own column, and a column by its header to another place among the columns. It keeps where
// the thing would land (the view draws a line there) and hands the drop to the view.
// Positions are worked out from the pointer and the cards' boxes at each event, so a drop lands
// where the line was even when the browser sent no dragover just before it.

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Column } from './data.ts';
import type { CardRecord } from './card.ts';

export interface DropHandlers {
  /** A card dropped in `to` at `index` (counted among the column's other cards). */
  dropCard(id: number, from: Column, to: Column, index: number): void;
  /** A column dropped at `index` (counted among the other columns). */
  dropColumn(column: Column, index: number): void;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

const COLUMN_TYPE = 'application/x-erp-kanban-column';

export class KanbanDrag implements ReactiveController {
  /** The card being dragged, and its column. */
  card: number | null = null;
  from: Column | null = null;
  /** The column being dragged by its header. */
  column: Column | null = null;
  /** Where it would land: a column's key and an index in it (cards) or among the columns. */
  target: { key: string; index: number } | null = null;

  constructor(private host: Host, private handlers: DropHandlers) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  reset(): void {
    this.card = null;
    this.from = null;
    this.column = null;
    this.setTarget(null);
  }

  private setTarget(target: { key: string; index: number } | null): void {
    if (this.target?.key === target?.key && this.target?.index === target?.index) return;
    this.target = target;
    this.host.requestUpdate();
  }

  /** Whether a card of `from` may land in `to`: its own column always, another one if both
   *  columns' values can be written. */
  accepts(to: Column): boolean {
    if (this.card === null || !this.from) return false;
    return to.key === this.from.key || (this.from.value !== undefined && to.value !== undefined);
  }

  startCard(event: DragEvent, record: CardRecord, from: Column): void {
    event.dataTransfer?.setData('text/plain', String(record.id));
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    this.card = record.id;
    this.from = from;
    this.host.requestUpdate();
  }

  startColumn(event: DragEvent, column: Column): void {
    event.dataTransfer?.setData(COLUMN_TYPE, column.key);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    this.column = column;
    this.host.requestUpdate();
  }

  over(event: DragEvent, column: Column): void {
    const target = this.targetOf(event, column);
    if (!target) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    this.setTarget(target);
  }

  leave(event: DragEvent, column: Column): void {
    const to = event.relatedTarget as Node | null;
    if (this.target?.key === column.key && !(to && (event.currentTarget as Element).contains(to)) && this.column === null) this.setTarget(null);
  }

  drop(event: DragEvent, column: Column): void {
    event.preventDefault();
    const target = this.targetOf(event, column) ?? this.target;
    const { card, from, column: dragged } = this;
    this.reset();
    if (!target) return;
    if (card !== null && from) this.handlers.dropCard(card, from, column, target.index);
    else if (dragged) this.handlers.dropColumn(dragged, target.index);
  }

  /** A column's classes while something is dragged: a card would land in it ('drop'), a column
   *  would land before or after it, or it is the column being dragged. */
  columnClasses(columns: Column[], column: Column): string {
    if (this.card !== null) return this.target?.key === column.key && this.from?.key !== column.key ? 'drop' : '';
    if (!this.column) return '';
    if (this.column === column) return 'dragging';
    if (!this.target) return '';
    const others = columns.filter((c) => c !== this.column);
    const at = others.indexOf(column);
    if (at === this.target.index) return 'drop-before';
    return at === others.length - 1 && this.target.index === others.length ? 'drop-after' : '';
  }

  /** Where the line goes in a column while a card is dragged over it: before a card, after the
   *  last one, or the whole (empty) column. */
  cardLine(column: Column): { before?: number; after?: number; empty: boolean } {
    if (this.card === null || this.target?.key !== column.key) return { empty: false };
    const others = column.records.filter((r) => r.id !== this.card);
    const index = this.target.index;
    return { before: others[index]?.id, after: index >= others.length ? others.at(-1)?.id : undefined, empty: !others.length };
  }

  private targetOf(event: DragEvent, column: Column): { key: string; index: number } | null {
    const section = event.currentTarget as HTMLElement | null;
    if (!section) return null;
    if (this.column) {
      const board = section.parentElement!;
      const others = [...board.querySelectorAll<HTMLElement>(':scope > section.column[data-key]')].filter((c) => c.dataset.key !== this.column!.key);
      const rtl = getComputedStyle(board).direction === 'rtl';
      const index = others.filter((c) => {
        const box = c.getBoundingClientRect();
        const middle = box.left + box.width / 2;
        return rtl ? middle > event.clientX : middle < event.clientX;
      }).length;
      return { key: '', index };
    }
    if (!this.accepts(column)) return null;
    const cards = [...section.querySelectorAll<HTMLElement>('article.card')].filter((c) => c.dataset.id !== String(this.card));
    const index = cards.filter((c) => {
      const box = c.getBoundingClientRect();
      return box.top + box.height / 2 < event.clientY;
    }).length;
    return { key: column.key, index };
  }
}
