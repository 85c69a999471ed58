// one2many: a small editable table of the sub-view's fields (the `<tree>` inside the `<field>`),
// with a line added at the bottom and a bin per line. The value is an X2ManyValue; the form
// writes it as commands ([0, 0, vals], [1, id, vals], [2, id]).

import { css, html, svg } from 'lit';
import { FieldWidget, type FieldChange } from './base.ts';
import { isTrue } from '../arch.ts';
import { addTranslations, t } from '../i18n.ts';
import { isX2Many, newRowKey, type X2ManyValue, type X2Row } from './values.ts';
import { renderWidget } from './index.ts';

const BIN = svg`<svg width="14" height="14" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true"><path d="M6 2h4l.5 1H13v1.5H3V3h2.5L6 2zm-2 3.5h8l-.6 8.1c-.05.5-.45.9-1 .9H5.6c-.5 0-.95-.4-1-.9L4 5.5z"/></svg>`;

addTranslations('fa', { 'Add a line': 'افزودن سطر', 'Delete': 'حذف' });

export class One2manyField extends FieldWidget {
  static override styles = [FieldWidget.styles, css`
    table { width: 100%; border-collapse: collapse; }
    th { text-align: start; font-weight: 600; padding: 6px 8px; border-bottom: 2px solid #e5e7eb; white-space: nowrap; }
    th.number { text-align: start; }
    td { padding: 3px 8px; border-bottom: 1px solid #f3f4f6; vertical-align: middle; }
    td.actions { width: 32px; text-align: center; }
    .add { background: none; border: 0; color: #71639e; cursor: pointer; padding: 6px 8px; font: inherit; }
    .add:hover { text-decoration: underline; }
    .bin { background: none; border: 0; cursor: pointer; color: #9ca3af; font-size: 15px; }
    .bin:hover { color: #dc2626; }
  `];

  private get columns(): Element[] {
    const tree = this.node?.querySelector('tree, list');
    const nodes = tree ? subFieldNodes(tree) : [];
    return nodes.filter((n) => !isTrue(n.getAttribute('column_invisible')) && !isTrue(n.getAttribute('invisible')));
  }

  private get current(): X2ManyValue {
    return isX2Many(this.value) ? this.value : { rows: [], deleted: [] };
  }

  override render() {
    const sub = this.models[this.field.relation ?? ''] ?? {};
    const columns = this.columns;
    const names = columns.length ? columns.map((c) => c.getAttribute('name')!) : ['display_name'];
    const numeric = (n: string) => ['integer', 'float', 'monetary'].includes(sub[n]?.type);
    const value = this.current;
    return html`<table aria-label=${this.label || this.name}>
      <thead><tr>${names.map((n, i) => html`<th class=${numeric(n) ? 'number' : ''}>${columns[i]?.getAttribute('string') ?? sub[n]?.string ?? n}</th>`)}<th></th></tr></thead>
      <tbody>${value.rows.map((row) => html`<tr data-key=${row.key}>
        ${names.map((n, i) => html`<td @field-change=${(e: CustomEvent<FieldChange>) => this.edit(e, row, n)} @field-invalid=${this.invalidCell}>${renderWidget({
          name: n, value: row.values[n] ?? false, field: sub[n], node: columns[i], readonly: this.readonly || n === 'display_name' || isTrue(columns[i]?.getAttribute('readonly') ?? null),
          required: false, invalid: false, record: row.values, models: this.models, context: this.context, label: sub[n]?.string ?? n,
        })}</td>`)}
        <td class="actions">${this.readonly ? '' : html`<button type="button" class="bin" aria-label=${t('Delete')} title=${t('Delete')} @click=${() => this.removeRow(row)}>${BIN}</button>`}</td>
      </tr>`)}</tbody>
    </table>
    ${this.readonly ? '' : html`<button type="button" class="add" @click=${() => this.add(names)}>${t('Add a line')}</button>`}`;
  }

  private edit(event: CustomEvent<FieldChange>, row: X2Row, name: string): void {
    event.stopPropagation();
    const rows = this.current.rows.map((r) => (r.key === row.key
      ? { ...r, values: { ...r.values, [name]: event.detail.value }, changed: r.changed.includes(name) ? r.changed : [...r.changed, name] }
      : r));
    this.commit({ ...this.current, rows });
  }

  private invalidCell = (event: CustomEvent): void => {
    event.stopPropagation();
    this.reportInvalid(String(event.detail?.message ?? ''));
  };

  private add(names: string[]): void {
    const values = Object.fromEntries(names.filter((n) => n !== 'display_name').map((n) => [n, false]));
    const row: X2Row = { key: newRowKey(), id: false, values, changed: [] };
    this.commit({ ...this.current, rows: [...this.current.rows, row] });
    void this.updateComplete.then(() => {
      const input = this.renderRoot.querySelector(`tr[data-key="${row.key}"] .o_field`) as HTMLElement | null;
      (input?.shadowRoot?.querySelector('input, textarea, select') as HTMLElement | null)?.focus();
    });
  }

  private removeRow(row: X2Row): void {
    const value = this.current;
    this.commit({ rows: value.rows.filter((r) => r.key !== row.key), deleted: row.id === false ? value.deleted : [...value.deleted, row.id] });
  }
}

/** The `<field>`s of a sub-view (its own, not those of deeper sub-views). */
export function subFieldNodes(tree: Element): Element[] {
  return [...tree.querySelectorAll('field')].filter((f) => f.parentElement?.closest('field, tree, list') === tree);
}

customElements.define('erp-field-one2many', One2manyField);
