// Odoo 17's smart buttons: `<div class="oe_button_box" name="button_box">` at the top of the
// sheet, a right-aligned row of `<button class="oe_stat_button" icon="fa-...">` each showing a
// number and a label (`<field name="x_count" widget="statinfo" string="Meetings"/>`, or an
// `o_stat_info` block of text and fields). Buttons run like the header's (FormView.runButton);
// `invisible` is honoured on the buttons and inside them. On a phone the row wraps.

import { css, html, nothing, type TemplateResult } from 'lit';
import type { FieldInfo } from '../../arch.ts';
import { formatValue } from '../../format.ts';
import { addTranslations, t } from '../../i18n.ts';
import { faIcon } from './icons.ts';

addTranslations('fa', { 'Smart buttons': 'دکمه‌های هوشمند' });

/** What the smart buttons need from the form. */
export interface ButtonBoxHost {
  invisible(node: Element): boolean;
  value(name: string): unknown;
  field(name: string): FieldInfo | undefined;
  /** A button is running: the others wait. */
  busy: boolean;
  run(node: Element): void;
}

export const isButtonBox = (node: Element): boolean => node.tagName === 'div' && /\boe_button_box\b/.test(node.getAttribute('class') ?? '');

export function renderButtonBox(box: Element, host: ButtonBoxHost): TemplateResult | typeof nothing {
  const buttons = [...box.children].filter((c) => c.tagName === 'button' && !host.invisible(c));
  if (!buttons.length) return nothing;
  return html`<div class="oe_button_box" role="toolbar" aria-label=${t('Smart buttons')}>${buttons.map((b) => renderStatButton(b, host))}</div>`;
}

function renderStatButton(node: Element, host: ButtonBoxHost): TemplateResult {
  const label = node.getAttribute('string');
  const content = node.children.length ? renderContent(node, host)
    : html`<span class="o_stat_info"><span class="o_stat_text">${label ?? node.textContent?.trim() ?? ''}</span></span>`;
  const help = node.getAttribute('help') ?? node.getAttribute('title');
  return html`<button class="oe_stat_button" type="button" name=${node.getAttribute('name') ?? ''} data-type=${node.getAttribute('type') ?? ''}
    title=${help ?? nothing} ?disabled=${host.busy} @click=${() => host.run(node)}>
    ${node.hasAttribute('icon') ? faIcon(node.getAttribute('icon')) : nothing}${content}</button>`;
}

/** The inside of a button: fields shown as values (statinfo: value over label), markup kept as
 *  spans (a button may only hold phrasing content). */
function renderContent(node: Element, host: ButtonBoxHost): unknown[] {
  return [...node.childNodes].map((child) => {
    if (child.nodeType === 3) return child.textContent?.trim() ? child.textContent : '';
    if (child.nodeType !== 1) return '';
    const element = child as Element;
    if (host.invisible(element)) return '';
    if (element.tagName === 'field') return renderField(element, host);
    return html`<span class=${element.getAttribute('class') ?? ''}>${renderContent(element, host)}</span>`;
  });
}

function renderField(node: Element, host: ButtonBoxHost): TemplateResult {
  const name = node.getAttribute('name') ?? '';
  const field = host.field(name);
  const value = formatValue(host.value(name), field) || (field && ['integer', 'float', 'monetary'].includes(field.type) ? '0' : '');
  if (node.getAttribute('widget') !== 'statinfo') return html`<span class="o_field_value" data-name=${name}>${value}</span>`;
  return html`<span class="o_stat_info" data-name=${name}><span class="o_stat_value">${value}</span>
    <span class="o_stat_text">${node.getAttribute('string') ?? field?.string ?? name}</span></span>`;
}

export const buttonBoxStyles = css`
  .oe_button_box { display: flex; flex-wrap: wrap; justify-content: flex-end; margin: -24px -32px 20px; border-bottom: 1px solid #e5e7eb; }
  .oe_stat_button { display: flex; align-items: center; gap: 8px; min-width: 132px; height: 48px; box-sizing: border-box; padding: 0 14px;
    font: inherit; color: #374151; text-align: start; background: white; border: 0; border-inline-start: 1px solid #e5e7eb;
    border-bottom: 1px solid #e5e7eb; margin-bottom: -1px; cursor: pointer; }
  .oe_stat_button:hover { background: #f9fafb; }
  .oe_stat_button:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
  .oe_stat_button:disabled { cursor: progress; opacity: .7; }
  .oe_stat_button .o_button_icon { flex: none; color: var(--accent); }
  .oe_stat_button .o_stat_info { display: flex; flex-direction: column; line-height: 1.15; min-width: 0; }
  .oe_stat_button .o_stat_value { font-weight: 600; color: #111827; font-variant-numeric: tabular-nums; }
  .oe_stat_button .o_stat_text { font-size: 12px; color: #4b5563; white-space: nowrap; }
  @media (max-width: 640px) {
    .oe_button_box { display: grid; grid-template-columns: 1fr 1fr; }
    .oe_stat_button { min-width: 0; border-inline-start: 0; }
    .oe_stat_button:nth-child(odd) { border-inline-end: 1px solid #e5e7eb; }
  }
`;
