// A small, safe evaluator of the Python expressions that search archs carry in `domain`,
// `context` and `filter_domain`: literals (lists, tuples, dicts, strings, numbers, True, False,
// None), a few names given by the caller (`uid`, `self`, ...), `context_today()` with
// `.strftime(...)`, `relativedelta(...)` / `timedelta(...)` added to or subtracted from dates,
// and lists joined with `+`.
// Anything else is refused with a PyEvalError: nothing is ever handed to eval().
//
// Domains are lists in Odoo's prefix notation; `andDomains` / `orDomains` combine them.

export class PyEvalError extends Error {
  override name = 'PyEvalError';
}

/** A date (no time) as `context_today()` returns it. Months are 1-12. */
export class PyDate {
  constructor(readonly year: number, readonly month: number, readonly day: number) {}

  static today(now = new Date()): PyDate {
    return new PyDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }

  /** Odoo's serialized form, as sent to the server. */
  toString(): string {
    return this.strftime('%Y-%m-%d');
  }

  strftime(format: string): string {
    const pad = (n: number, size = 2) => String(n).padStart(size, '0');
    return format.replace(/%([YmdHMSy%])/g, (_, code: string) => ({
      Y: pad(this.year, 4), y: pad(this.year % 100), m: pad(this.month), d: pad(this.day), H: '00', M: '00', S: '00', '%': '%',
    })[code]!);
  }

  add(delta: PyDelta, sign: 1 | -1): PyDate {
    // relativedelta: years and months first (the day clamped to the month's end), then days.
    let months = this.year * 12 + (this.month - 1) + sign * (delta.years * 12 + delta.months);
    const year = Math.floor(months / 12);
    months -= year * 12;
    const lastDay = new Date(Date.UTC(year, months + 1, 0)).getUTCDate();
    const base = new Date(Date.UTC(year, months, Math.min(this.day, lastDay)));
    base.setUTCDate(base.getUTCDate() + sign * (delta.days + delta.weeks * 7));
    return new PyDate(base.getUTCFullYear(), base.getUTCMonth() + 1, base.getUTCDate());
  }
}

/** `relativedelta(years=, months=, weeks=, days=)` (and `timedelta(weeks=, days=)`). */
export class PyDelta {
  constructor(readonly years = 0, readonly months = 0, readonly weeks = 0, readonly days = 0) {}
}

type Token = { kind: 'num'; value: number } | { kind: 'str'; value: string } | { kind: 'name'; value: string } | { kind: 'op'; value: string };

const PUNCTUATION = ['(', ')', '[', ']', '{', '}', ',', ':', '.', '+', '-', '='];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '"' || c === "'") {
      let value = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j++) {
        if (text[j] === '\\') {
          const next = text[++j];
          value += ({ n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' } as Record<string, string>)[next] ?? `\\${next}`;
        } else value += text[j];
      }
      if (j >= text.length) throw new PyEvalError('unterminated string');
      tokens.push({ kind: 'str', value });
      i = j + 1;
      continue;
    }
    const number = /^(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)/.exec(text.slice(i));
    if (number) {
      tokens.push({ kind: 'num', value: Number(number[1]) });
      i += number[1].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (name) {
      tokens.push({ kind: 'name', value: name[0] });
      i += name[0].length;
      continue;
    }
    if (PUNCTUATION.includes(c)) {
      tokens.push({ kind: 'op', value: c });
      i++;
      continue;
    }
    throw new PyEvalError(`unexpected character ${JSON.stringify(c)}`);
  }
  return tokens;
}

/** A value of the evaluator: JSON-like values, dates, deltas, and the few callables allowed. */
type PyValue = unknown;

class Callable {
  constructor(readonly name: string, readonly call: (args: PyValue[], kwargs: Record<string, PyValue>) => PyValue) {}
}

const DELTA_KEYS = ['years', 'months', 'weeks', 'days'] as const;

function deltaFactory(name: string, allowed: readonly string[]): Callable {
  return new Callable(name, (args, kwargs) => {
    if (args.length) throw new PyEvalError(`${name}() takes keyword arguments only`);
    const values: Record<string, number> = {};
    for (const [key, value] of Object.entries(kwargs)) {
      if (!allowed.includes(key)) throw new PyEvalError(`${name}(${key}=) is not supported`);
      if (typeof value !== 'number' || !Number.isInteger(value)) throw new PyEvalError(`${name}(${key}=) must be an integer`);
      values[key] = value;
    }
    return new PyDelta(values.years ?? 0, values.months ?? 0, values.weeks ?? 0, values.days ?? 0);
  });
}

export interface EvalContext {
  /** Names the expression may use (`uid`, `self`, ...). */
  [name: string]: unknown;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[], private readonly names: EvalContext, private readonly today: () => PyDate) {}

  parse(): PyValue {
    const value = this.expression();
    if (this.pos < this.tokens.length) throw new PyEvalError(`unexpected ${JSON.stringify(this.tokens[this.pos].value)}`);
    return value;
  }

  private peek(value?: string): Token | undefined {
    const token = this.tokens[this.pos];
    if (value === undefined) return token;
    return token && token.kind === 'op' && token.value === value ? token : undefined;
  }

  private expect(value: string): void {
    if (!this.peek(value)) throw new PyEvalError(`expected ${JSON.stringify(value)}`);
    this.pos++;
  }

  /** Addition and subtraction (numbers, strings, dates with deltas). */
  private expression(): PyValue {
    let left = this.unary();
    while (this.peek('+') || this.peek('-')) {
      const op = this.tokens[this.pos++].value;
      const right = this.unary();
      left = arithmetic(left, op as '+' | '-', right);
    }
    return left;
  }

  private unary(): PyValue {
    if (this.peek('-') || this.peek('+')) {
      const op = this.tokens[this.pos++].value;
      const value = this.unary();
      if (typeof value !== 'number') throw new PyEvalError(`unary ${op} needs a number`);
      return op === '-' ? -value : value;
    }
    return this.postfix();
  }

  private postfix(): PyValue {
    let value = this.primary();
    for (;;) {
      if (this.peek('(')) {
        if (!(value instanceof Callable)) throw new PyEvalError('only a few functions can be called');
        const [args, kwargs] = this.callArguments();
        value = value.call(args, kwargs);
      } else if (this.peek('.')) {
        this.pos++;
        const name = this.tokens[this.pos++];
        if (!name || name.kind !== 'name') throw new PyEvalError('expected a name after "."');
        value = attribute(value, name.value);
      } else if (this.peek('[')) {
        throw new PyEvalError('subscripts are not supported');
      } else return value;
    }
  }

  private callArguments(): [PyValue[], Record<string, PyValue>] {
    this.expect('(');
    const args: PyValue[] = [];
    const kwargs: Record<string, PyValue> = {};
    while (!this.peek(')')) {
      const token = this.peek();
      const next = this.tokens[this.pos + 1];
      if (token?.kind === 'name' && next?.kind === 'op' && next.value === '=') {
        this.pos += 2;
        kwargs[token.value] = this.expression();
      } else {
        if (Object.keys(kwargs).length) throw new PyEvalError('positional argument after keyword argument');
        args.push(this.expression());
      }
      if (!this.peek(')')) this.expect(',');
    }
    this.expect(')');
    return [args, kwargs];
  }

  private primary(): PyValue {
    const token = this.tokens[this.pos];
    if (!token) throw new PyEvalError('unexpected end of expression');
    if (token.kind === 'num' || token.kind === 'str') {
      this.pos++;
      // Adjacent string literals concatenate, as in Python.
      if (token.kind === 'str') {
        let text = token.value;
        while (this.peek()?.kind === 'str') text += (this.tokens[this.pos++] as { value: string }).value;
        return text;
      }
      return token.value;
    }
    if (token.kind === 'name') {
      this.pos++;
      return this.name(token.value);
    }
    if (token.value === '[') return this.sequence('[', ']');
    if (token.value === '(') {
      this.pos++;
      if (this.peek(')')) { this.pos++; return []; }
      const first = this.expression();
      if (this.peek(')')) { this.pos++; return first; } // parentheses, not a tuple
      if (!this.peek(',')) throw new PyEvalError('expected "," or ")"');
      return this.tupleAfterFirst(first);
    }
    if (token.value === '{') return this.dict();
    throw new PyEvalError(`unexpected ${JSON.stringify(token.value)}`);
  }

  private tupleAfterFirst(first: PyValue): PyValue[] {
    // The parser is on the ',' after the first element.
    const items = [first];
    while (this.peek(',')) {
      this.pos++;
      if (this.peek(')')) break;
      items.push(this.expression());
    }
    this.expect(')');
    return items;
  }

  private sequence(open: string, close: string): PyValue[] {
    this.expect(open);
    const items: PyValue[] = [];
    while (!this.peek(close)) {
      items.push(this.expression());
      if (!this.peek(close)) this.expect(',');
    }
    this.expect(close);
    return items;
  }

  private dict(): Record<string, PyValue> {
    this.expect('{');
    const result: Record<string, PyValue> = {};
    while (!this.peek('}')) {
      const key = this.expression();
      if (typeof key !== 'string' && typeof key !== 'number') throw new PyEvalError('dict keys must be strings or numbers');
      this.expect(':');
      result[String(key)] = this.expression();
      if (!this.peek('}')) this.expect(',');
    }
    this.expect('}');
    return result;
  }

  private name(name: string): PyValue {
    switch (name) {
      case 'True': return true;
      case 'False': return false;
      case 'None': return null;
      case 'context_today': return new Callable(name, (args, kwargs) => {
        if (args.length || Object.keys(kwargs).length) throw new PyEvalError('context_today() takes no arguments');
        return this.today();
      });
      case 'relativedelta': return deltaFactory(name, DELTA_KEYS);
      case 'timedelta': return deltaFactory(name, ['weeks', 'days']);
      case 'datetime': return DATETIME_MODULE;
      default:
        if (Object.prototype.hasOwnProperty.call(this.names, name)) return this.names[name];
        throw new PyEvalError(`name ${JSON.stringify(name)} is not defined`);
    }
  }
}

/** `datetime.timedelta(...)` is allowed; nothing else of the module. */
const DATETIME_MODULE = { __module__: 'datetime' };

function attribute(value: PyValue, name: string): PyValue {
  if (value === DATETIME_MODULE && name === 'timedelta') return deltaFactory('timedelta', ['weeks', 'days']);
  if (value instanceof PyDate && name === 'strftime') {
    return new Callable('strftime', (args, kwargs) => {
      if (args.length !== 1 || typeof args[0] !== 'string' || Object.keys(kwargs).length) throw new PyEvalError('strftime() takes one format string');
      if (/%[^YmdHMSy%]/.test(args[0])) throw new PyEvalError(`unsupported strftime format ${JSON.stringify(args[0])}`);
      return value.strftime(args[0]);
    });
  }
  throw new PyEvalError(`attribute ${JSON.stringify(name)} is not supported`);
}

function arithmetic(left: PyValue, op: '+' | '-', right: PyValue): PyValue {
  if (typeof left === 'number' && typeof right === 'number') return op === '+' ? left + right : left - right;
  if (op === '+' && typeof left === 'string' && typeof right === 'string') return left + right;
  // Saved favorites join domains this way: ['&'] + [...] + [...].
  if (op === '+' && Array.isArray(left) && Array.isArray(right)) return [...left, ...right];
  if (left instanceof PyDate && right instanceof PyDelta) return left.add(right, op === '+' ? 1 : -1);
  if (op === '+' && left instanceof PyDelta && right instanceof PyDate) return right.add(left, 1);
  throw new PyEvalError(`unsupported operands for ${op}`);
}

/** JSON-friendly result: tuples are lists already; dates become 'YYYY-MM-DD'. */
function toJson(value: PyValue): unknown {
  if (value instanceof PyDate) return value.toString();
  if (value instanceof PyDelta || value instanceof Callable || value === DATETIME_MODULE) throw new PyEvalError('the expression does not give a value');
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value;
}

export interface EvalOptions {
  /** "Today" for context_today() (default: the browser's date). */
  today?: PyDate;
}

/** Evaluates a Python expression of a search arch; throws PyEvalError when it is not supported. */
export function evaluate(text: string, names: EvalContext = {}, options: EvalOptions = {}): unknown {
  const today = () => options.today ?? PyDate.today();
  return toJson(new Parser(tokenize(text), names, today).parse());
}

/** A domain attribute: a list of terms (an empty text is the empty domain). */
export function evalDomain(text: string | null | undefined, names: EvalContext = {}, options: EvalOptions = {}): unknown[] {
  if (!text || !text.trim()) return [];
  const value = evaluate(text, names, options);
  if (!Array.isArray(value)) throw new PyEvalError('a domain must be a list');
  return value;
}

/** A context attribute: a dict (an empty text is the empty context). */
export function evalContext(text: string | null | undefined, names: EvalContext = {}, options: EvalOptions = {}): Record<string, unknown> {
  if (!text || !text.trim()) return {};
  const value = evaluate(text, names, options);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new PyEvalError('a context must be a dict');
  return value as Record<string, unknown>;
}

// ---- domains in prefix notation -------------------------------------------------------------------

const ARITY: Record<string, number> = { '&': 2, '|': 2, '!': 1 };

/** The number of top-level expressions of a domain (its implicit AND's operands). */
function expressionCount(domain: unknown[]): number {
  let count = 0;
  let pending = 0; // operands still expected by the current expression
  for (const term of domain) {
    if (pending === 0) count++;
    else pending--;
    if (typeof term === 'string' && term in ARITY) pending += ARITY[term];
  }
  if (pending) throw new PyEvalError('malformed domain: an operator misses operands');
  return count;
}

/** The domain as one expression: the implicit ANDs made explicit. */
export function normalizeDomain(domain: unknown[]): unknown[] {
  const count = expressionCount(domain);
  return count > 1 ? [...Array<string>(count - 1).fill('&'), ...domain] : domain;
}

function combine(operator: '&' | '|', domains: unknown[][]): unknown[] {
  const parts = domains.filter((d) => d.length).map(normalizeDomain);
  if (!parts.length) return [];
  return [...Array<string>(parts.length - 1).fill(operator), ...parts.flat()];
}

export const andDomains = (domains: unknown[][]): unknown[] => combine('&', domains);
export const orDomains = (domains: unknown[][]): unknown[] => combine('|', domains);
