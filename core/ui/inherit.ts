// Odoo's inheritance specs applied to an arch: `<xpath expr=... position=...>`, the `<field
// name=...>` shorthand and any other element matched on its tag and attributes, with the
// positions before, after, inside, replace and attributes (and `position="move"` children).
// Each spec's anchor must exist: a missing one is an error naming the view, as in Odoo.

import xpath from 'xpath';
import { errors } from '../errors.ts';
import { allElements, childElements, isElement, openingTag, type Element, type Node } from './xml.ts';

/** Applies every spec of `specArch` (a `<data>` of specs, or one spec) to `arch`; returns the
 *  resulting root, which differs from `arch` only when a spec replaced the root. */
export function applyInheritance(arch: Element, specArch: Element, view: string): Element {
  let root = arch;
  const queue = [specArch];
  while (queue.length) {
    const spec = queue.shift()!;
    if (spec.tagName === 'data') {
      queue.unshift(...childElements(spec));
      continue;
    }
    const node = locate(root, spec, view);
    if (!node) throw errors.invalidView(view, `element '${openingTag(spec)}' cannot be located in parent view`);
    root = applySpec(root, node, spec, view);
  }
  return root;
}

/** The first node of `arch` the spec designates, or null. */
export function locate(arch: Element, spec: Element, view: string): Element | null {
  if (spec.tagName === 'xpath') {
    const expr = spec.getAttribute('expr') ?? '';
    let found: unknown;
    try {
      found = xpath.select(expr, arch as unknown as globalThis.Node);
    } catch (error) {
      throw errors.invalidView(view, `invalid xpath expression "${expr}": ${(error as Error).message}`);
    }
    const nodes = (Array.isArray(found) ? found : []) as unknown as Node[];
    return (nodes.find((n) => isElement(n)) as Element | undefined) ?? null;
  }
  const wanted = Array.from({ length: spec.attributes.length }, (_, i) => spec.attributes.item(i)!)
    .filter((a) => a.name !== 'position' && a.name !== 'version');
  return allElements(arch).find((node) => node.tagName === spec.tagName
    && (spec.tagName !== 'field' || node.getAttribute('name') === spec.getAttribute('name'))
    && wanted.every((a) => node.getAttribute(a.name) === a.value)) ?? null;
}

function applySpec(root: Element, node: Element, spec: Element, view: string): Element {
  const position = spec.getAttribute('position') || 'inside';
  switch (position) {
    case 'attributes':
      setAttributes(node, spec);
      return root;
    case 'inside':
      for (const child of content(root, spec, view)) node.appendChild(child);
      return root;
    case 'after': {
      const next = node.nextSibling;
      for (const child of content(root, spec, view)) node.parentNode!.insertBefore(child, next);
      return root;
    }
    case 'before':
      for (const child of content(root, spec, view)) node.parentNode!.insertBefore(child, node);
      return root;
    case 'replace':
      return replace(root, node, spec, view);
    default:
      throw errors.invalidView(view, `invalid position "${position}" in '${openingTag(spec)}'`);
  }
}

/** `position="replace"`: the node gives way to the spec's content; `mode="inner"` replaces only
 *  its children. Replacing the root needs exactly one element to become the new root. */
function replace(root: Element, node: Element, spec: Element, view: string): Element {
  const nodes = content(root, spec, view);
  if (spec.getAttribute('mode') === 'inner') {
    while (node.firstChild) node.removeChild(node.firstChild);
    for (const child of nodes) node.appendChild(child);
    return root;
  }
  if (node === root) {
    const elements = nodes.filter(isElement);
    if (elements.length !== 1) throw errors.invalidView(view, 'replacing the root element needs exactly one element');
    return elements[0];
  }
  for (const child of nodes) node.parentNode!.insertBefore(child, node);
  node.parentNode!.removeChild(node);
  return root;
}

/** The nodes a spec inserts, imported into the arch's document. A child with
 *  `position="move"` designates a node of the arch, which is detached and moved instead. */
function content(root: Element, spec: Element, view: string): Node[] {
  const out: Node[] = [];
  for (let child = spec.firstChild; child; child = child.nextSibling) {
    if (isElement(child) && child.getAttribute('position') === 'move') {
      const moved = locate(root, child, view);
      if (!moved) throw errors.invalidView(view, `element '${openingTag(child)}' to move cannot be located in parent view`);
      moved.parentNode!.removeChild(moved);
      out.push(moved);
    } else {
      out.push(root.ownerDocument!.importNode(child, true));
    }
  }
  return out;
}

/** `<attribute name="invisible">1</attribute>` sets (empty text: removes) an attribute;
 *  `add="x" remove="y" separator=","` edits a list-valued one, as Odoo 17 does. */
function setAttributes(node: Element, spec: Element): void {
  for (const child of childElements(spec)) {
    if (child.tagName !== 'attribute') continue;
    const name = child.getAttribute('name') ?? '';
    let value = child.textContent ?? '';
    if (child.hasAttribute('add') || child.hasAttribute('remove')) {
      const sep = child.getAttribute('separator') || ',';
      const split = (s: string | null) => (s ?? '').split(sep === ' ' ? /\s+/ : sep).map((v) => v.trim()).filter(Boolean);
      const removed = new Set(split(child.getAttribute('remove')));
      value = [...split(node.getAttribute(name)).filter((v) => !removed.has(v)), ...split(child.getAttribute('add'))].join(sep === ' ' ? ' ' : sep);
    }
    if (value) node.setAttribute(name, value);
    else node.removeAttribute(name);
  }
}
