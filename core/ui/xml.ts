// Parsing and serializing view archs with @xmldom/xmldom. Whitespace-only text is dropped on
// parse so that the combined arch an addon author reads back does not depend on how the data
// files were indented (an extension's indentation would otherwise leak into its parent).

import { DOMParser, XMLSerializer, onErrorStopParsing, type Document, type Element, type Node } from '@xmldom/xmldom';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export type { Element, Node, Document };

/** Parses an arch; throws the parser's message (the caller names the view). */
export function parseXml(text: string): Element {
  const doc = new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'text/xml');
  const root = doc.documentElement;
  if (!root) throw new Error('the arch has no root element');
  stripBlank(root);
  return root;
}

function stripBlank(node: Node): void {
  for (let child = node.firstChild; child; ) {
    const next = child.nextSibling;
    if (child.nodeType === TEXT_NODE && !(child.nodeValue ?? '').trim()) node.removeChild(child);
    else if (child.nodeType === ELEMENT_NODE) stripBlank(child);
    child = next;
  }
}

export function serialize(node: Node): string {
  return new XMLSerializer().serializeToString(node);
}

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE;
}

/** The element children of a node, as an array (safe to mutate the tree while iterating). */
export function childElements(node: Node): Element[] {
  const out: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (isElement(child)) out.push(child);
  return out;
}

/** Every element of the tree in document order, the root included. */
export function allElements(root: Element): Element[] {
  const out: Element[] = [root];
  for (const child of childElements(root)) out.push(...allElements(child));
  return out;
}

/** `<xpath expr="//field[@name='x']" position="after">`: an element's opening tag, for messages. */
export function openingTag(el: Element): string {
  const attrs = Array.from({ length: el.attributes.length }, (_, i) => el.attributes.item(i)!)
    .map((a) => ` ${a.name}="${a.value}"`).join('');
  return `<${el.tagName}${attrs}>`;
}

/** A new element of `doc` (used to build default archs). */
export function element(doc: Document, tag: string, attrs: Record<string, string> = {}, children: Node[] = []): Element {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const child of children) el.appendChild(child);
  return el;
}

export function newDocument(rootTag: string): Element {
  return parseXml(`<${rootTag}/>`);
}
