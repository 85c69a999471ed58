// The list's Action menu: the actions bound to the model (Odoo's `binding_model_id`, for the list
// when `binding_view_types` says so), run on the selected records. get_views gives them as the
// view's toolbar; the list asks for them the first time records are selected, since most lists
// are never used that way.

import { html, nothing } from 'lit';
import { callKw } from '../../rpc.ts';
import { addTranslations, t } from '../../i18n.ts';

addTranslations('fa', { 'Action': 'اقدام' });

/** An action of the toolbar, in /web/action/load's shape. */
export interface BoundAction extends Record<string, unknown> {
  id: number;
  name: string;
  binding_view_types?: string | false;
}

interface ToolbarReply { views: Record<string, { toolbar?: { action?: BoundAction[] } }> }

/** The actions bound to `model` that lists show (Odoo's default binding_view_types: 'list,form'). */
export async function loadBoundActions(model: string, context: Record<string, unknown>): Promise<BoundAction[]> {
  const reply = await callKw<ToolbarReply>(model, 'get_views', [[[false, 'list']], { toolbar: true }], { context });
  const actions = reply.views.list?.toolbar?.action ?? [];
  return actions.filter((a) => String(a.binding_view_types || 'list,form').split(',').map((s) => s.trim()).includes('list'));
}

/** What an action run on the selection receives, as in Odoo (`active_id`, `active_ids`, `active_model`). */
export const selectionContext = (model: string, ids: number[]): Record<string, unknown> =>
  ({ active_id: ids[0], active_ids: ids, active_model: model });

/** The menu button and, when open, its items. */
export function renderActionMenu(actions: BoundAction[] | null, open: boolean, toggle: () => void, run: (action: BoundAction) => void) {
  if (!actions?.length) return nothing;
  return html`<span class="dropdown">
    <button aria-haspopup="menu" aria-expanded=${String(open)} @click=${toggle}>${t('Action')} ▾</button>
    ${open ? html`<div class="menu" role="menu">${actions.map((a) => html`<button role="menuitem" @click=${() => run(a)}>${a.name}</button>`)}</div>` : nothing}
  </span>`;
}
