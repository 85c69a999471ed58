// Python literals, as Odoo keeps them in text fields such as `mail.alias.alias_defaults`
// (`{'type': 'lead', 'team_id': 3}`): read with a small parser (Python's `ast.literal_eval`, so
// never evaluated as code) and written back in the same notation. JSON reads too.

import { errors } from '../../../errors.ts';

export type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal };

const TOKEN = /\s*(?:(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|([[\](){},:]))/y;
const NAMES: Record<string, Literal> = { True: true, False: false, None: null, true: true, false: false, null: null };
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0' };

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let at = 0;
  while (!/^\s*$/.test(text.slice(at))) {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw new SyntaxError(`unexpected text at "${text.slice(at, at + 20).trim()}"`);
    tokens.push(m[0].trim());
    at = TOKEN.lastIndex;
  }
  return tokens;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: string[]) {}

  parse(): Literal {
    const value = this.value();
    if (this.i < this.tokens.length) throw new SyntaxError(`unexpected "${this.tokens[this.i]}"`);
    return value;
  }

  private value(): Literal {
    const token = this.tokens[this.i++];
    if (token === undefined) throw new SyntaxError('the expression ends too early');
    if (token === '{') return this.dict();
    if (token === '[' || token === '(') return this.sequence(token === '[' ? ']' : ')');
    if (/^-?\d/.test(token)) return Number(token);
    if (token[0] === "'" || token[0] === '"') return token.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);
    if (token in NAMES) return NAMES[token];
    throw new SyntaxError(`"${token}" is not a literal`);
  }

  /** Lists and tuples alike, trailing comma allowed; `(x)` is just `x`, as in Python. */
  private sequence(close: string): Literal {
    const items: Literal[] = [];
    let comma = false;
    while (this.tokens[this.i] !== close) {
      items.push(this.value());
      if (this.tokens[this.i] === ',') { this.i++; comma = true; } else if (this.tokens[this.i] !== close) throw new SyntaxError(`expected "," or "${close}"`);
    }
    this.i++;
    return close === ')' && items.length === 1 && !comma ? items[0] : items;
  }

  private dict(): Literal {
    const out: Record<string, Literal> = {};
    while (this.tokens[this.i] !== '}') {
      const key = this.value();
      if (typeof key !== 'string' && typeof key !== 'number') throw new SyntaxError('dict keys must be strings or numbers');
      if (this.tokens[this.i++] !== ':') throw new SyntaxError('expected ":"');
      out[String(key)] = this.value();
      if (this.tokens[this.i] === ',') this.i++;
      else if (this.tokens[this.i] !== '}') throw new SyntaxError('expected "," or "}"');
    }
    this.i++;
    return out;
  }
}

/** Reads a Python (or JSON) literal; throws a SyntaxError saying what is wrong. */
export function literalEval(text: string): Literal {
  return new Parser(tokenize(text)).parse();
}

/** A dict literal such as `alias_defaults` (empty text: `{}`); refused with a validation error
 *  naming the model and field when it is not a dict. */
export function parseDict(text: unknown, model: string, field: string): Record<string, Literal> {
  if (text === false || text === null || text === undefined || String(text).trim() === '') return {};
  let value: Literal;
  try {
    value = literalEval(String(text));
  } catch (error) {
    throw errors.invalidValue(model, field, `${(error as Error).message}; expected a dictionary such as {'field': 'value'}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw errors.invalidValue(model, field, "expected a dictionary such as {'field': 'value'}");
  return value;
}

/** Python's `repr` of a literal: what `parseDict` reads back. */
export function pyRepr(value: Literal | undefined): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
}
