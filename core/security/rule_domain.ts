// The `domain_force` of a record rule, written as in Odoo (a Python expression such as
// `[('user_id', 'in', [user.id, False])]`), read by a small parser of Python literals plus a
// few names. It is NEVER evaluated as code: anything else is refused with an error naming the rule.
//
// Supported: lists, tuples, strings, numbers, True/False/None, and the names `user` (with
// `.id`, `.login`, `.company_id`, `.partner_id`, `.company_ids` and `.id`/`.ids` on those), `uid`,
// `company_id` and `company_ids` (the companies the request works for), as in Odoo's rule context.

import { errors } from '../errors.ts';
import type { Domain, DomainTerm } from '../models/types.ts';

type Node =
  | { kind: 'list'; items: Node[] }
  | { kind: 'const'; value: string | number | boolean | null }
  | { kind: 'name'; path: string[] };

/** Parsed once, evaluated per user. */
export interface RuleProgram {
  rule: string;
  root: Node;
}

export interface RuleContext {
  uid: number;
  login: string | null;
  companyId: number | null;
  partnerId: number | null;
  companyIds: number[];
}

const TOKEN = /\s*(?:(\d+\.\d+|\d+)|([A-Za-z_][A-Za-z0-9_]*(?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|([-[\](),]))/y;

function tokenize(rule: string, text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw errors.invalidRule(rule, `unexpected text at "${text.slice(at, at + 20).trim()}"`);
    // Spaces go from dotted names (`user . id`), never from inside quoted strings.
    tokens.push(m[3] ?? m[0].trim().replace(/\s+/g, ''));
    at = TOKEN.lastIndex;
  }
  return tokens;
}

const NAMES: Record<string, ReadonlyArray<string> | null> = {
  uid: null,
  user: ['id', 'login', 'company_id', 'partner_id', 'company_ids'],
  company_id: null,
  company_ids: null,
};

class Parser {
  private i = 0;
  constructor(private readonly rule: string, private readonly tokens: string[]) {}

  parse(): Node {
    const node = this.value();
    if (this.i < this.tokens.length) throw this.fail(`unexpected "${this.tokens[this.i]}"`);
    return node;
  }

  private fail(reason: string) {
    return errors.invalidRule(this.rule, reason);
  }

  private value(): Node {
    const token = this.tokens[this.i++];
    if (token === undefined) throw this.fail('the expression ends too early');
    if (token === '[' || token === '(') return this.sequence(token === '[' ? ']' : ')');
    if (token === '-') {
      const next = this.value();
      if (next.kind !== 'const' || typeof next.value !== 'number') throw this.fail('"-" must precede a number');
      return { kind: 'const', value: -next.value };
    }
    if (/^\d/.test(token)) return { kind: 'const', value: Number(token) };
    if (token[0] === "'" || token[0] === '"') return { kind: 'const', value: unquote(token) };
    if (token === 'True' || token === 'False') return { kind: 'const', value: token === 'True' };
    if (token === 'None') return { kind: 'const', value: null };
    if (/^[A-Za-z_]/.test(token)) return this.name(token.split('.'));
    throw this.fail(`unexpected "${token}"`);
  }

  /** Lists and tuples alike; `(x)` without a comma is just `x`, as in Python. */
  private sequence(close: string): Node {
    const items: Node[] = [];
    let comma = false;
    while (this.tokens[this.i] !== close) {
      if (this.i >= this.tokens.length) throw this.fail(`missing "${close}"`);
      items.push(this.value());
      if (this.tokens[this.i] === ',') { this.i++; comma = true; } else if (this.tokens[this.i] !== close) throw this.fail(`expected "," or "${close}"`);
    }
    this.i++;
    return close === ')' && items.length === 1 && !comma ? items[0] : { kind: 'list', items };
  }

  private name(path: string[]): Node {
    const [head, attr, last, ...more] = path;
    if (!(head in NAMES)) throw this.fail(`unknown name "${head}" (allowed: ${Object.keys(NAMES).join(', ')})`);
    const attrs = NAMES[head];
    const ok = attrs ? !attr || (attrs.includes(attr) && (!last || ['id', 'ids'].includes(last)) && !more.length) : !attr;
    if (!ok) throw this.fail(`"${path.join('.')}" is not available in record rules`);
    return { kind: 'name', path };
  }
}

function unquote(token: string): string {
  return token.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[c] ?? c);
}

/** Parses `domain_force` (empty means every record); throws ERP_INVALID_RULE naming `rule`. */
export function parseRuleDomain(rule: string, text: string | null | false | undefined): RuleProgram {
  const source = (text || '').trim() || '[]';
  const root = new Parser(rule, tokenize(rule, source)).parse();
  checkShape(rule, root);
  return { rule, root };
}

/** A domain is a list of operators and `(field, operator, value)` triples. */
function checkShape(rule: string, root: Node): void {
  if (root.kind !== 'list') throw errors.invalidRule(rule, 'the domain must be a list');
  for (const term of root.items) {
    if (term.kind === 'const' && (term.value === '&' || term.value === '|' || term.value === '!')) continue;
    const [left, op] = term.kind === 'list' ? term.items : [];
    const isTrueLeaf = left?.kind === 'const' && (left.value === 1 || left.value === 0);
    if (term.kind !== 'list' || term.items.length !== 3 || op.kind !== 'const' || typeof op.value !== 'string'
      || left.kind !== 'const' || (typeof left.value !== 'string' && !isTrueLeaf)) {
      throw errors.invalidRule(rule, 'each term must be "&", "|", "!" or a (field, operator, value) triple');
    }
  }
}

/** The domain for one user. */
export function evalRuleDomain(program: RuleProgram, ctx: RuleContext): Domain {
  const value = evaluate(program.root, ctx) as unknown[];
  return value.map((term) => (Array.isArray(term) ? (term as [string, string, unknown]) : term) as DomainTerm);
}

function evaluate(node: Node, ctx: RuleContext): unknown {
  if (node.kind === 'const') return node.value === null ? false : node.value;
  if (node.kind === 'list') return node.items.map((item) => evaluate(item, ctx));
  return resolveName(node.path, ctx);
}

function resolveName([head, attr, last]: string[], ctx: RuleContext): unknown {
  if (head === 'uid') return ctx.uid;
  if (head === 'company_id') return ctx.companyId ?? false;
  if (head === 'company_ids') return ctx.companyIds;
  if (!attr) return ctx.uid; // `user` alone stands for its id in a domain
  if (attr === 'id') return ctx.uid;
  if (attr === 'login') return ctx.login ?? false;
  if (attr === 'company_ids') return ctx.companyIds;
  const id = attr === 'company_id' ? ctx.companyId : ctx.partnerId;
  if (last === 'ids') return id ? [id] : [];
  return id ?? false;
}
