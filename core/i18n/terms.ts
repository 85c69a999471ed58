// The terms of an arch (or of an HTML value) that translations apply to: the attributes people
// read (`string`, `help`, `placeholder`, `sum`, `confirm`, ...) and the text of elements
// (`<span>Expected</span>`, `<p>`, `<h1>`). Each text node is a term of its own, trimmed, with its
// inner whitespace collapsed, so that the indentation of a data file never changes the key.
// The same walk serves the translation (get_views, html fields) and the collection of sources
// (core/i18n/sources.ts), so what is translated is exactly what the checker asks for.

import type { Registry } from '../models/registry.ts';
import { childElements, parseXml, serialize, type Element, type Node } from '../ui/xml.ts';
import type { Catalog } from './catalog.ts';

/** Arch attributes shown to the user. */
export const TRANSLATED_ATTRIBUTES = ['string', 'help', 'placeholder', 'sum', 'avg', 'confirm', 'title', 'alt', 'aria-label'];

/** Elements whose text is code, not words. */
const CODE_ELEMENTS = new Set(['script', 'style']);

const TEXT_NODE = 3;

/** Whether a text is worth translating: it has a letter (not only digits, signs or spaces). */
export const isTerm = (text: string): boolean => /\p{L}/u.test(text);

/** The key of a text: trimmed, inner whitespace as single spaces. */
export const normalizeTerm = (text: string): string => text.trim().replace(/\s+/g, ' ');

export interface Term {
  source: string;
  /** The model the term is about (a field's sub-view belongs to the field's comodel). */
  model: string | undefined;
  /** Puts the translation in place of the source. */
  set(value: string): void;
}

/** Calls `visit` for every term of the tree under `root` (root included). */
export function forEachTerm(root: Element, model: string | undefined, registry: Registry | null, visit: (term: Term) => void): void {
  visitElement(root, model, registry, visit);
}

function visitElement(el: Element, model: string | undefined, registry: Registry | null, visit: (term: Term) => void): void {
  if (CODE_ELEMENTS.has(el.tagName)) return;
  // An extension's `<attribute name="string">Label</attribute>`: its text is an attribute value,
  // a term only for the attributes above (never a domain or a context).
  if (el.tagName === 'attribute' && !TRANSLATED_ATTRIBUTES.includes(el.getAttribute('name') ?? '')) return;
  for (const name of TRANSLATED_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value && isTerm(value)) visit({ source: normalizeTerm(value), model, set: (v) => el.setAttribute(name, v) });
  }
  for (let child: Node | null = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== TEXT_NODE) continue;
    const text = child.nodeValue ?? '';
    if (!isTerm(text)) continue;
    const node = child;
    const [, before, after] = /^(\s*)[\s\S]*?(\s*)$/.exec(text)!;
    visit({ source: normalizeTerm(text), model, set: (v) => { node.nodeValue = `${before}${v}${after}`; } });
  }
  for (const child of childElements(el)) visitElement(child, innerModel(child, model, registry), registry, visit);
}

/** A `<field name="line_ids">`'s children describe the field's comodel. */
function innerModel(el: Element, model: string | undefined, registry: Registry | null): string | undefined {
  if (el.tagName !== 'field' || !model || !registry?.has(model)) return model;
  const field = registry.get(model).fields.get(el.getAttribute('name') ?? '');
  return field?.comodel && registry.has(field.comodel) ? field.comodel : model;
}

/** Translates the terms of an arch in place. */
export function translateArch(root: Element, model: string, registry: Registry, catalog: Catalog): void {
  forEachTerm(root, model, registry, (term) => {
    const translated = catalog.lookup(term.source, term.model);
    if (translated !== undefined) term.set(translated);
  });
}

/** The HTML of a value as an XML tree, or null when it is not well-formed (then it is translated
 *  as a whole). */
export function parseHtml(value: string): Element | null {
  try {
    return parseXml(`<div>${value}</div>`);
  } catch {
    return null;
  }
}

/** An html field's value translated term by term (or as a whole when it cannot be parsed); the
 *  value is returned untouched when nothing in it has a translation. */
export function translateHtml(value: string, model: string, catalog: Catalog): string {
  const whole = catalog.lookup(normalizeTerm(value), model);
  if (whole !== undefined) return whole;
  const root = parseHtml(value);
  if (!root) return value;
  let changed = false;
  forEachTerm(root, model, null, (term) => {
    const translated = catalog.lookup(term.source, term.model);
    if (translated === undefined) return;
    term.set(translated);
    changed = true;
  });
  if (!changed) return value;
  const html = serialize(root);
  return html.slice('<div>'.length, -'</div>'.length);
}

/** The terms of an HTML value (the whole value when it cannot be parsed). */
export function htmlTerms(value: string): string[] {
  const root = parseHtml(value);
  if (!root) return isTerm(value) ? [normalizeTerm(value)] : [];
  const terms: string[] = [];
  forEachTerm(root, undefined, null, (term) => terms.push(term.source));
  return terms;
}
