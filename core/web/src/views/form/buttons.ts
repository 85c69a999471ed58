// What a form button asks for, as Odoo 17's: `type="object"` calls the method `name` on the
// record (its context: the form's and the button's own), `type="action"` opens the action
// `name` (`%(module.xmlid)d`, `module.xmlid` or an id); an action returned by a method, or named
// by the button, goes to the action manager with a `do-action` event.

import { evalContext } from '../../search/pydomain.ts';
import type { DoAction } from '../registry.ts';

/** The button's `context` attribute, read with the record's values as names
 *  (`{'default_partner_id': partner_id, 'search_default_user_id': uid}`), never evaluated as code. */
export function buttonContext(node: Element, values: Record<string, unknown>): Record<string, unknown> {
  const text = node.getAttribute('context');
  if (!text?.trim()) return {};
  try {
    return evalContext(text, { ...values, active_id: values.id });
  } catch (error) {
    console.warn(`[form] the context of button "${node.getAttribute('name') ?? ''}" cannot be read: ${(error as Error).message}`);
    return {};
  }
}

/** The action a `type="action"` button names: `%(module.xmlid)d` (Odoo's arch), an external id or an id. */
export function actionRef(name: string): number | string {
  const ref = /^%\((.+)\)d$/.exec(name.trim())?.[1] ?? name.trim();
  return /^\d+$/.test(ref) ? Number(ref) : ref;
}

/** Whether a method returned an action to open (else the form simply reloads). */
export function isAction(value: unknown): value is Record<string, unknown> & { type: string } {
  const type = (value as { type?: unknown } | null)?.type;
  return typeof type === 'string' && type.startsWith('ir.actions.') && type !== 'ir.actions.act_window_close';
}

/** Hands an action to the action manager; settles when it is on screen (at once when no action
 *  manager listens, as in a form shown alone). */
export function requestAction(from: HTMLElement, action: DoAction['action'], context: Record<string, unknown>): Promise<void> {
  const detail: DoAction = { action, context };
  from.dispatchEvent(new CustomEvent<DoAction>('do-action', { detail, bubbles: true, composed: true }));
  return detail.done ?? Promise.resolve();
}
