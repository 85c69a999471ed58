// The `<header>` buttons of a list or kanban arch that Odoo 17 shows in the control panel, beside
// "New", whatever is selected (`display="always"`): "Generate Leads" on CRM's leads, "Import
// Directory" on its directory. A `type="object"` button calls its method on the model with no
// records (the view's context, default_type included, tells it where it was pressed); a
// `type="action"` button opens its action. What either returns goes to the action manager.

import { html, nothing } from 'lit';
import { parseArch } from '../arch.ts';
import { addTranslations } from '../i18n.ts';
import { evaluate } from '../widgets/expr.ts';
import { actionRef, buttonContext } from './form/buttons.ts';

addTranslations('fa', { 'Error': 'خطا' });

/** The buttons to show: `display="always"` ones of the root's `<header>`, not invisible. */
export function headerButtons(arch: string | undefined): Element[] {
  if (!arch) return [];
  const header = [...parseArch(arch).children].find((c) => c.tagName === 'header');
  return header ? [...header.children].filter((b) => b.tagName === 'button' && b.getAttribute('display') === 'always' && !evaluate(b.getAttribute('invisible'), {})) : [];
}

export interface HeaderButtonRun {
  /** `type="object"`: the method's name and the context to call it with. */
  call(method: string, context: Record<string, unknown>): Promise<void>;
  /** `type="action"`: the action to open, with the button's context. */
  open(action: number | string, context: Record<string, unknown>): Promise<void>;
}

export function renderHeaderButtons(buttons: Element[], context: Record<string, unknown>, run: HeaderButtonRun) {
  if (!buttons.length) return nothing;
  return buttons.map((node) => {
    const name = node.getAttribute('name') ?? '';
    const own = { ...context, ...buttonContext(node, {}) };
    const primary = /\b(oe_highlight|btn-primary)\b/.test(node.getAttribute('class') ?? '');
    const click = () => (node.getAttribute('type') === 'action' ? run.open(actionRef(name), buttonContext(node, {})) : run.call(name, own));
    return html`<button class="header-button ${primary ? 'primary' : ''} ${node.getAttribute('class') ?? ''}" data-name=${name}
      @click=${() => void click()}>${node.getAttribute('string') ?? node.textContent?.trim() ?? name}</button>`;
  });
}
