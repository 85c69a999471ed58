// The kanban view's look, after Odoo 17: light columns side by side that scroll sideways, white
// cards with a coloured edge, a header with the count and the column's total.

import { css } from 'lit';

export const kanbanStyles = css`
  :host { display: block; --primary: #71639e; --border: #d8dadd; --muted: #6b7280; --column: 290px; background: #fff; }
  .board { display: flex; gap: 12px; align-items: stretch; overflow-x: auto; padding: 12px 16px; box-sizing: border-box;
    height: var(--board-height, calc(100vh - 110px)); scroll-padding-inline: 16px; }
  .column { flex: 0 0 var(--column); display: flex; flex-direction: column; min-height: 0; border-radius: 6px; background: #f4f5f7;
    transition: background 120ms; }
  .column.drop { background: #ebe8f4; outline: 2px dashed var(--primary); outline-offset: -2px; }
  .column header { padding: 8px 10px 6px; position: sticky; top: 0; z-index: 2; }
  .head { display: flex; align-items: center; gap: 6px; min-height: 28px; }
  .head h2 { font-size: 15px; font-weight: 600; margin: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: #1f2937; }
  .count { color: var(--muted); font-size: 13px; font-variant-numeric: tabular-nums; }
  .spacer { flex: 1; }
  .icon { border: 0; background: none; cursor: pointer; width: 26px; height: 26px; border-radius: 4px; color: #4b5563; font-size: 17px; line-height: 1; padding: 0; }
  .icon:hover, .icon:focus-visible { background: #e2e4ea; color: #111827; }
  .progress { display: flex; align-items: center; gap: 8px; margin-top: 6px; }
  .bar { flex: 1; display: flex; height: 5px; border-radius: 3px; background: #dfe1e6; overflow: hidden; }
  .bar span { display: block; height: 100%; }
  .sum { font-weight: 600; font-size: 13px; color: #374151; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .cards { flex: 1; overflow-y: auto; padding: 2px 8px 10px; display: flex; flex-direction: column; gap: 6px; min-height: 40px; }
  .card { background: #fff; border: 1px solid var(--border); border-inline-start: 3px solid var(--card-color, var(--border)); border-radius: 4px;
    padding: 8px 10px; cursor: pointer; display: flex; flex-direction: column; gap: 3px; box-sizing: border-box; color: #374151; }
  .card:hover { box-shadow: 0 2px 6px rgb(0 0 0 / 12%); }
  .card:focus-visible { outline: 2px solid var(--primary); outline-offset: 1px; }
  .card.dragging { opacity: 0.45; }
  .card .title { font-weight: 600; color: #111827; overflow-wrap: anywhere; }
  .card .line { font-size: 13px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .card .amount { font-variant-numeric: tabular-nums; }
  .card .line.labelled { display: flex; justify-content: space-between; gap: 12px; }
  .card .line.labelled .label { color: #6b7280; overflow: hidden; text-overflow: ellipsis; }
  .card .line.labelled .value { font-weight: 600; color: #111827; font-variant-numeric: tabular-nums; }
  .tags { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 2px; }
  .tag { --tag: #9ca3af; font-size: 12px; line-height: 18px; padding: 0 8px; border-radius: 9px; color: #1f2937;
    background: color-mix(in srgb, var(--tag) 22%, white); border: 1px solid color-mix(in srgb, var(--tag) 45%, white); }
  .bottom { display: flex; justify-content: space-between; align-items: center; margin-top: 4px; min-height: 24px; }
  .stars { display: inline-flex; }
  .star { border: 0; background: none; padding: 0 1px; font-size: 17px; line-height: 1; cursor: pointer; color: #b8bcc4; }
  .star.on { color: #f3b61f; }
  .star:hover { color: #f3b61f; }
  .avatar { display: inline-grid; place-items: center; width: 24px; height: 24px; border-radius: 4px; color: white; font-size: 11px; font-weight: 600; letter-spacing: 0.3px; }
  .more { margin: 4px 0 0; border: 1px dashed #c4c7ce; background: transparent; border-radius: 4px; padding: 6px; cursor: pointer; color: var(--primary); font: inherit; }
  .more:hover { background: #fff; }
  .quick { background: #fff; border: 1px solid var(--primary); border-radius: 4px; padding: 8px; display: flex; flex-direction: column; gap: 8px; box-shadow: 0 2px 8px rgb(0 0 0 / 10%); }
  .quick label { font-size: 12px; color: var(--muted); }
  .quick input { font: inherit; padding: 5px 6px; border: 0; border-bottom: 1px solid #c4c7ce; outline: none; }
  .quick input:focus { border-bottom-color: var(--primary); }
  .quick .actions { display: flex; gap: 6px; }
  .btn { font: inherit; border-radius: 4px; padding: 4px 12px; cursor: pointer; border: 1px solid #c4c7ce; background: #fff; color: #374151; }
  .btn.primary { background: var(--primary); border-color: var(--primary); color: #fff; }
  .bottom .left { display: flex; align-items: center; gap: 6px; }
  /* Drag and drop: a line where the card (or the column) would land. */
  .slot { position: relative; }
  .slot.line-before::before, .slot.line-after::after { content: ''; position: absolute; inset-inline: 0; height: 3px; border-radius: 2px; background: var(--primary); }
  .slot.line-before::before { top: -5px; }
  .slot.line-after::after { bottom: -5px; }
  .cards.drop-empty { outline: 2px dashed var(--primary); outline-offset: -4px; border-radius: 6px; }
  .column { position: relative; }
  .column.dragging { opacity: 0.5; }
  .column.drop-before::before, .column.drop-after::after { content: ''; position: absolute; top: 0; bottom: 0; width: 3px; border-radius: 2px; background: var(--primary); }
  .column.drop-before::before { inset-inline-start: -8px; }
  .column.drop-after::after { inset-inline-end: -8px; }
  header.grab { cursor: grab; }
  /* The header's cog and its menu. */
  .cog-wrap { position: relative; display: inline-flex; }
  .cog { opacity: 0.55; font-size: 15px; }
  .column:hover .cog, .cog:focus-visible, .cog.open { opacity: 1; }
  .menu { position: absolute; top: 30px; inset-inline-end: 0; z-index: 5; min-width: 150px; padding: 4px 0; display: flex; flex-direction: column;
    background: #fff; border: 1px solid var(--border); border-radius: 4px; box-shadow: 0 6px 16px rgb(0 0 0 / 14%); }
  .menu button { border: 0; background: none; text-align: start; padding: 6px 14px; font: inherit; font-size: 14px; color: #1f2937; cursor: pointer; }
  .menu button:hover, .menu button:focus-visible { background: #f3f4f6; outline: none; }
  .menu .danger { color: #b91c1c; }
  .head .rename { flex: 1; min-width: 0; font: inherit; font-size: 15px; font-weight: 600; padding: 2px 6px; border: 1px solid var(--primary); border-radius: 3px; outline: none; }
  /* "Add a column", after the last one. */
  .add-column { flex: 0 0 auto; align-self: flex-start; padding-top: 2px; }
  .add-column.open { flex-basis: var(--column); }
  .add-toggle { font: inherit; font-weight: 500; color: var(--primary); background: transparent; border: 1px dashed #c4c7ce; border-radius: 6px; padding: 8px 14px;
    cursor: pointer; white-space: nowrap; }
  .add-toggle:hover, .add-toggle:focus-visible { background: #f4f2f9; border-color: var(--primary); }
  .add-column .quick input { border-bottom: 1px solid #c4c7ce; }
  /* A folded column: a narrow strip with its title written sideways. */
  .column.folded { flex: 0 0 42px; cursor: pointer; align-items: center; padding-top: 8px; }
  .column.folded .vertical { writing-mode: vertical-lr; display: flex; gap: 8px; align-items: center; font-weight: 600; color: #374151; margin-top: 8px; white-space: nowrap; }
  .column.folded .vertical .count { font-weight: 400; }
  .notice { display: flex; justify-content: space-between; align-items: center; gap: 12px; margin: 8px 16px 0; padding: 8px 12px; border-radius: 4px;
    background: #fdecea; color: #8a1c1c; border: 1px solid #f5c2c0; }
  .notice button { border: 0; background: none; cursor: pointer; color: inherit; font-size: 16px; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 8px; padding: 12px 16px; align-content: start; }
  .empty { color: var(--muted); padding: 32px 16px; text-align: center; }
  .loading { color: var(--muted); padding: 16px; }
  /* Phones: one column at a time, swiped sideways. */
  @media (max-width: 600px) {
    .board { padding: 8px; gap: 8px; scroll-snap-type: x mandatory; }
    .column { flex-basis: calc(100vw - 48px); scroll-snap-align: center; }
    .column.folded { flex-basis: 42px; }
    .grid { grid-template-columns: 1fr; padding: 8px; }
  }
`;
