// The html of an incoming email, made safe to keep: mail from anyone ends up in chatters and
// html fields, which the web client shows as html. An allow-list (Odoo's `html_sanitize` in
// spirit): formatting tags stay, their attributes go except links to http(s)/mailto and table
// spans; scripts, styles, frames, forms, images (remote images track the reader) and comments
// are dropped, text is escaped again.

import { Parser } from 'htmlparser2';

const KEPT = new Set([
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'div', 'dl', 'dt', 'em', 'font',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'small',
  'span', 'strike', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
]);
/** Dropped with everything inside them. */
const DROPPED = new Set(['script', 'style', 'head', 'title', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'template', 'svg', 'math', 'textarea', 'select', 'button']);
const VOID = new Set(['br', 'hr']);
const ATTRIBUTES: Record<string, string[]> = { a: ['href', 'title'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'], ol: ['start'] };
const SAFE_URL = /^(?:https?:|mailto:)/i;

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text: string): string => escapeText(text).replace(/"/g, '&quot;');

function attributes(tag: string, attribs: Record<string, string>): string {
  let out = '';
  for (const name of ATTRIBUTES[tag] ?? []) {
    const value = attribs[name];
    if (value === undefined) continue;
    if (name === 'href' && !SAFE_URL.test(value.replace(/[\s\u0000-\u001f]/g, ''))) continue;
    if ((name === 'colspan' || name === 'rowspan' || name === 'start') && !/^\d{1,3}$/.test(value)) continue;
    out += ` ${name}="${escapeAttr(value)}"`;
  }
  // Links open outside the application, without telling the target where they come from.
  if (tag === 'a' && out.includes('href=')) out += ' target="_blank" rel="noopener noreferrer"';
  return out;
}

/** Safe html from any html text; the body of a full document is kept, its head dropped. */
export function sanitizeHtml(html: string): string {
  let out = '';
  let dropping = 0;
  const open: string[] = [];
  const parser = new Parser({
    onopentag(name, attribs) {
      if (DROPPED.has(name)) { dropping++; return; }
      if (dropping || !KEPT.has(name)) return;
      out += `<${name}${attributes(name, attribs)}>`;
      if (!VOID.has(name)) open.push(name);
    },
    ontext(text) {
      if (!dropping) out += escapeText(text);
    },
    onclosetag(name) {
      if (DROPPED.has(name)) { dropping = Math.max(0, dropping - 1); return; }
      if (dropping || !KEPT.has(name) || VOID.has(name)) return;
      // Close what the message left open inside this element, as a browser would.
      const at = open.lastIndexOf(name);
      if (at < 0) return;
      while (open.length > at) out += `</${open.pop()}>`;
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true });
  parser.write(html);
  parser.end();
  while (open.length) out += `</${open.pop()}>`;
  return out.trim();
}

/** Plain text as html paragraphs (a text-only email). */
export function textToHtml(text: string): string {
  return text.trim().split(/\r?\n\s*\r?\n/).map((p) => `<p>${escapeText(p).replace(/\r?\n/g, '<br>')}</p>`).join('');
}
