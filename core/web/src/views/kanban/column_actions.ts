// What the user does to the columns themselves when they are records of the grouping's comodel
// (stages): add one at the end, rename one, delete one (after a confirmation; the server may refuse,
// e.g. while cards use it), move one by its header. Also the cog menu's open/closed state. A lit
// controller, so the view keeps the cards and this file keeps the columns' bookkeeping.

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Fields } from '../../arch.ts';
import { addTranslations, t } from '../../i18n.ts';
import type { Domain } from '../registry.ts';
import type { Column } from './data.ts';
import { createGroup, deleteGroup, groupId, renameGroup, resequence } from './groups.ts';
import { confirmDialog } from './confirm.ts';

addTranslations('fa', {
  'Could not create the column: {message}': 'ایجاد ستون ممکن نشد: {message}',
  'Could not rename the column: {message}': 'تغییر نام ستون ممکن نشد: {message}',
  'Could not delete the column: {message}': 'حذف ستون ممکن نشد: {message}',
  'Could not move the column: {message}': 'جابجایی ستون ممکن نشد: {message}',
  'Are you sure that you want to remove this column?': 'آیا مطمئن هستید که می‌خواهید این ستون را حذف کنید؟',
});

/** What the controller needs from the view. */
export interface ColumnsHost extends ReactiveControllerHost {
  renderRoot: HTMLElement | DocumentFragment;
  columns: Column[] | null;
  /** The grouping's comodel, '' when not grouped by a many2one. */
  readonly relation: string;
  readonly groupField: string;
  fields: Fields;
  domain: Domain;
  context: Record<string, unknown>;
  notify(message: string): void;
}

export class ColumnActions implements ReactiveController {
  /** The column whose cog menu is open, the one being renamed; whether "Add a column" is open. */
  menuKey: string | null = null;
  renaming: string | null = null;
  adding = false;
  private focus: (() => void) | null = null;

  constructor(private host: ColumnsHost) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this.closeMenu);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.closeMenu);
  }

  hostUpdated(): void {
    const focus = this.focus;
    this.focus = null;
    focus?.();
  }

  private query<E extends Element>(selector: string): E | null {
    return this.host.renderRoot.querySelector<E>(selector);
  }

  /** Changes state, re-renders, then runs `focus` on the new DOM. */
  private set(change: () => void, focus?: () => void): void {
    change();
    this.focus = focus ?? null;
    this.host.requestUpdate();
  }

  private cog(column: Column): HTMLElement | null {
    return this.query(`section.column[data-key="${CSS.escape(column.key)}"] .cog`);
  }

  /** A press outside the open cog menu closes it. */
  private closeMenu = (event: Event): void => {
    if (this.menuKey !== null && !event.composedPath().some((n) => n instanceof HTMLElement && n.classList.contains('cog-wrap'))) this.set(() => { this.menuKey = null; });
  };

  /** Opens the cog menu of `column` (its first item focused, from the keyboard), or closes it. */
  menu(column: Column | null, focusItem = false): void {
    const open = this.menuKey !== null ? this.query<HTMLElement>('.cog.open') : null;
    this.set(() => { this.menuKey = column?.key ?? null; }, () => {
      if (column && focusItem) this.query<HTMLElement>('.menu [role="menuitem"]')?.focus();
      else if (!column) open?.focus();
    });
  }

  edit(column: Column): void {
    this.set(() => { this.renaming = column.key; }, () => {
      const input = this.query<HTMLInputElement>('input.rename');
      input?.focus();
      input?.select();
    });
  }

  toggleAdd(open: boolean): void {
    this.set(() => { this.adding = open; }, () => this.query<HTMLInputElement>('.add-column input')?.focus());
  }

  async add(input: HTMLInputElement): Promise<void> {
    const host = this.host;
    const name = input.value.trim();
    if (!name || !host.columns) { input.focus(); return; }
    const [field] = host.groupField.split(':');
    input.disabled = true;
    try {
      const column = await createGroup(host.relation, name, field, host.domain, !host.fields[field]?.readonly, host.context);
      host.columns = [...(host.columns ?? []), column];
      input.value = '';
      this.set(() => {}, () => this.query('.add-column')?.scrollIntoView({ block: 'nearest', inline: 'end' }));
    } catch (error) {
      host.notify(t('Could not create the column: {message}', { message: (error as Error).message }));
    } finally {
      input.disabled = false;
      input.focus();
    }
  }

  /** Ends a rename: `name` null means Escape. Back to the cog, as after any menu action. */
  async rename(column: Column, name: string | null): Promise<void> {
    const host = this.host;
    const id = groupId(column);
    const label = name?.trim();
    this.set(() => { this.renaming = null; }, () => this.cog(column)?.focus());
    if (id === undefined || !label || label === column.label) return;
    const before = column.label;
    column.label = label;
    try {
      column.label = await renameGroup(host.relation, id, label, host.context);
      column.readValue = [id, column.label];
    } catch (error) {
      column.label = before;
      host.notify(t('Could not rename the column: {message}', { message: (error as Error).message }));
    }
    this.set(() => {});
  }

  async remove(column: Column): Promise<void> {
    const host = this.host;
    const id = groupId(column);
    if (id === undefined) return;
    const sure = await confirmDialog(host.renderRoot, t('Are you sure that you want to remove this column?'));
    if (sure) {
      try {
        await deleteGroup(host.relation, id, host.context);
        host.columns = (host.columns ?? []).filter((c) => c !== column);
        return;
      } catch (error) {
        host.notify(t('Could not delete the column: {message}', { message: (error as Error).message }));
      }
    }
    this.cog(column)?.focus();
  }

  /** A column dropped by its header at `index` among the others: the comodel's sequence follows. */
  async move(column: Column, index: number): Promise<void> {
    const host = this.host;
    const before = host.columns ?? [];
    const others = before.filter((c) => c !== column);
    const after = [...others.slice(0, index), column, ...others.slice(index)];
    if (after.every((c, i) => c === before[i])) return;
    host.columns = after;
    try {
      await resequence(host.relation, after.map(groupId).filter((id): id is number => id !== undefined), 0, host.context);
    } catch (error) {
      host.columns = before;
      host.notify(t('Could not move the column: {message}', { message: (error as Error).message }));
    }
  }
}
