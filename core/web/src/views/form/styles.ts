// The form view's look (Odoo 17's): control panel, status bar, sheet, groups, notebook, dialog.

import { css } from 'lit';

export const formStyles = css`
  :host { display: block; color: #1f2937; --accent: #71639e; }
  .btn { font: inherit; border: 1px solid #d1d5db; background: white; color: #374151; border-radius: 4px; padding: 4px 12px; cursor: pointer; }
  .btn:hover { background: #f3f4f6; }
  .btn.primary { background: var(--accent); border-color: var(--accent); color: white; }
  .btn.primary:hover { background: #5f5389; }
  .btn.secondary { background: #f3f4f6; border-color: #e5e7eb; }
  /* Nothing to save and no pager: no empty bar above the sheet. */
  .o_control:not(:has(button, .o_pager, .o_dirty)) { display: none; }
  .o_control { display: flex; justify-content: space-between; align-items: center; gap: 8px; min-height: 30px; padding: 6px 16px; background: white; border-bottom: 1px solid #e5e7eb; }
  .o_actions { display: flex; gap: 6px; align-items: center; }
  .o_dirty { color: #9ca3af; font-size: 12px; margin-inline-start: 6px; }
  .o_pager { display: flex; gap: 4px; align-items: center; margin-inline-start: auto; color: #374151; }
  .o_pager .btn { padding: 2px 9px; }
  .o_banner { margin: 12px auto 0; max-width: 1140px; box-sizing: border-box; padding: 10px 16px; border-radius: 4px; background: #fef2f2; color: #991b1b; border: 1px solid #fecaca; }
  .o_form { padding: 0 16px 24px; }
  .o_form_statusbar { display: flex; justify-content: space-between; align-items: center; gap: 12px; flex-wrap: wrap;
    max-width: 1140px; margin: 12px auto 0; box-sizing: border-box; padding: 8px 16px; background: white; border: 1px solid #e5e7eb; border-bottom: 0; }
  .o_statusbar_buttons { display: flex; gap: 6px; }
  .o_statusbar_status { margin-inline-start: auto; }
  .o_form_sheet { max-width: 1140px; margin: 0 auto; box-sizing: border-box; background: white; border: 1px solid #e5e7eb;
    box-shadow: 0 1px 3px rgba(0,0,0,.06); padding: 24px 32px 32px; }
  .o_form_statusbar + .o_form_sheet { border-top: 1px solid #e5e7eb; }
  .o_form > .o_form_sheet:first-child { margin-top: 12px; }
  .oe_title h1, h1 { font-size: 26px; font-weight: 500; margin: 0 0 16px; }
  h1 .o_field { --font: 26px; }
  .oe_title { margin-bottom: 8px; }
  .o_outer_group .o_group_cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); column-gap: 48px; }
  .o_inner_group { display: grid; grid-template-columns: minmax(110px, max-content) minmax(0, 1fr); column-gap: 16px; row-gap: 8px; align-items: start; margin-bottom: 16px; align-content: start; }
  .o_group_title { grid-column: 1 / -1; font-weight: 600; text-transform: uppercase; font-size: 12px; color: #4b5563; border-bottom: 1px solid #e5e7eb; padding-bottom: 4px; margin-bottom: 4px; }
  .o_form_label { font-weight: 500; color: #111827; padding-top: 3px; cursor: default; white-space: nowrap; }
  .o_form_label.o_required { font-weight: 700; }
  .o_form_label.o_required::after { content: ' *'; color: #dc2626; font-weight: 400; }
  .o_form_label.o_readonly { color: #6b7280; font-weight: 400; }
  .o_wide { grid-column: 1 / -1; }
  .o_cell { min-width: 0; }
  .o_field_error { color: #dc2626; font-size: 12px; margin-top: 2px; }
  .o_separator { font-weight: 600; border-bottom: 1px solid #e5e7eb; margin: 16px 0 8px; padding-bottom: 4px; }
  .o_notebook { margin-top: 16px; }
  .o_tabs { display: flex; gap: 2px; border-bottom: 1px solid #d1d5db; }
  .o_tabs button { font: inherit; background: none; border: 1px solid transparent; border-bottom: 0; padding: 8px 16px; cursor: pointer; color: #4b5563; margin-bottom: -1px; border-radius: 4px 4px 0 0; }
  .o_tabs button:hover { color: var(--accent); }
  .o_tabs button[aria-selected='true'] { background: white; border-color: #d1d5db; color: #111827; font-weight: 500; }
  .o_page { padding: 16px 0 0; }
  .o_dialog_backdrop { position: fixed; inset: 0; background: rgba(17,24,39,.35); display: flex; align-items: flex-start; justify-content: center; padding-top: 10vh; z-index: 50; }
  .o_dialog { background: white; border-radius: 6px; min-width: 360px; max-width: 560px; box-shadow: 0 20px 40px rgba(0,0,0,.2); }
  .o_dialog header { display: flex; justify-content: space-between; align-items: center; padding: 12px 16px; border-bottom: 1px solid #e5e7eb; }
  .o_dialog h2 { font-size: 17px; margin: 0; font-weight: 500; }
  .o_dialog p { padding: 16px; margin: 0; }
  .o_dialog footer { padding: 12px 16px; border-top: 1px solid #e5e7eb; }
  .o_dialog .close { background: none; border: 0; font-size: 20px; cursor: pointer; color: #6b7280; }
`;
