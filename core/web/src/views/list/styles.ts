// The list view's look.

import { css } from 'lit';

export const listStyles = css`
  :host { display: block; }
  .bar { display: flex; gap: 8px; padding: 8px 16px; align-items: center; color: #374151; }
  .bar .spacer { flex: 1; }
  .actions { background: #ede9fe; border-radius: 4px; margin: 0 8px; }
  .error { color: #b91c1c; padding: 4px 16px; }
  table { width: 100%; border-collapse: collapse; background: white; }
  table:focus { outline: 2px solid #a78bfa; outline-offset: -2px; }
  th, td { text-align: start; padding: 6px 12px; border-bottom: 1px solid #e5e7eb; white-space: nowrap; }
  thead th { cursor: pointer; user-select: none; font-weight: 600; background: #f3f4f6; }
  thead th.picker { width: 1%; cursor: default; position: relative; }
  td.number, th.number { text-align: end; font-variant-numeric: tabular-nums; }
  tbody tr { cursor: pointer; }
  tbody tr:hover { background: #f5f3ff; }
  tbody tr.current { background: #ede9fe; box-shadow: inset 3px 0 0 #7c3aed; }
  tbody tr.selected { background: #f5f3ff; }
  tr.group th { background: #f9fafb; font-weight: 600; }
  tr.group .count { color: #6b7280; font-weight: normal; margin-inline-start: 4px; }
  tr.group .caret { display: inline-block; width: 1em; color: #6b7280; }
  tr.row-error td { color: #b91c1c; background: #fef2f2; white-space: normal; cursor: default; }
  tfoot td { font-weight: 600; background: #f9fafb; }
  input[type=checkbox] { margin: 0 8px 0 0; vertical-align: middle; }
  td input:not([type=checkbox]), td select { font: inherit; padding: 1px 4px; width: 100%; box-sizing: border-box; min-width: 80px; }
  td.editing { padding: 2px 6px; }
  button { border: 1px solid #d1d5db; background: white; border-radius: 4px; padding: 2px 8px; cursor: pointer; }
  .menu { position: absolute; inset-inline-end: 0; top: 100%; background: white; border: 1px solid #d1d5db; border-radius: 4px; padding: 4px 0; z-index: 5; box-shadow: 0 4px 12px rgb(0 0 0 / 0.1); font-weight: normal; }
  .menu label { display: flex; gap: 6px; padding: 4px 12px; cursor: pointer; white-space: nowrap; }
  .dropdown { position: relative; }
  .dropdown .menu { inset-inline-start: 0; inset-inline-end: auto; min-width: 160px; }
  .menu [role=menuitem] { display: block; width: 100%; border: 0; border-radius: 0; padding: 4px 12px; text-align: start; white-space: nowrap; font: inherit; }
  .menu [role=menuitem]:hover, .menu [role=menuitem]:focus { background: #f5f3ff; }
`;
