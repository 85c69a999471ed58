// Odoo 17's `web_ribbon` (`<widget name="web_ribbon" title="Won" bg_color="text-bg-success"
// invisible="..."/>`): a band across the top corner of the form sheet, saying at a glance what
// state the record is in (Won, Lost, Archived). The form renders it where the arch puts it, once
// its `invisible` is evaluated: `if (isRibbon(node)) return renderRibbon(node);` in renderNode,
// and `ribbonStyles` among the form's styles (they make the sheet the ribbon's anchor).

import { css, html, type TemplateResult } from 'lit';

/** Odoo's Bootstrap classes for the band's colour; the default is Odoo's (success). */
const COLORS: Record<string, string> = {
  success: '#28a745', danger: '#dc3545', warning: '#e6a700', info: '#17a2b8', primary: '#71639e', secondary: '#6c757d', dark: '#343a40',
};

export const isRibbon = (node: Element): boolean => node.tagName === 'widget' && node.getAttribute('name') === 'web_ribbon';

function colorOf(bgColor: string | null): string {
  const key = /(?:text-bg|bg)-(\w+)/.exec(bgColor ?? '')?.[1] ?? 'success';
  return COLORS[key] ?? COLORS.success;
}

export function renderRibbon(node: Element): TemplateResult {
  const title = node.getAttribute('title') ?? node.getAttribute('text') ?? '';
  const tooltip = node.getAttribute('tooltip') ?? title;
  return html`<div class="o_ribbon_wrap" aria-hidden="false"><span class="o_ribbon" role="status" title=${tooltip}
    style="--ribbon:${colorOf(node.getAttribute('bg_color'))}">${title}</span></div>`;
}

export const ribbonStyles = css`
  .o_form_sheet { position: relative; }
  .o_ribbon_wrap { position: absolute; top: 0; inset-inline-end: 0; width: 112px; height: 112px; overflow: hidden; pointer-events: none; z-index: 2; }
  .o_ribbon { position: absolute; top: 24px; inset-inline-end: -34px; width: 150px; padding: 5px 0; transform: rotate(45deg);
    background: var(--ribbon); color: white; text-align: center; font-size: 13px; font-weight: 600; letter-spacing: .3px;
    text-transform: uppercase; box-shadow: 0 2px 4px rgb(0 0 0 / 20%); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  :host(:dir(rtl)) .o_ribbon { transform: rotate(-45deg); }
  /* The smart buttons leave the corner to the ribbon. */
  .o_form_sheet:has(.o_ribbon_wrap) .oe_button_box { padding-inline-end: 88px; }
`;
