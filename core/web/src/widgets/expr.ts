// Odoo 17's modifiers (`invisible="not partner_id"`, `readonly="state in ('done', 'cancel')"`):
// small Python expressions on the record's values, evaluated here as JavaScript. Anything that
// does not evaluate counts as false.

const cache = new Map<string, ((values: Record<string, unknown>) => unknown) | null>();

function compile(expr: string): ((values: Record<string, unknown>) => unknown) | null {
  const js = expr
    .replace(/([\w.]+)\s+not\s+in\s+/g, '!__in($1, ')
    .replace(/([\w.]+)\s+in\s+/g, '__in($1, ')
    .replace(/__in\(([\w.]+), (\([^)]*\)|\[[^\]]*\])/g, (_, name: string, list: string) => `__in(${name}, [${list.slice(1, -1)}])`)
    .replace(/\bnot\b/g, '!').replace(/\band\b/g, '&&').replace(/\bor\b/g, '||')
    .replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false').replace(/\bNone\b/g, 'false');
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const fn = new Function('__v', '__in', `with (__v) { return (${js}); }`) as (v: Record<string, unknown>, within: unknown) => unknown;
    const within = (value: unknown, list: unknown[]) => list.some((item) => item === value);
    return (values) => fn(new Proxy(values, { has: (_target, key) => typeof key === 'string' && !['__in', 'undefined', 'Math'].includes(key) && key in values || key === 'context' }), within);
  } catch {
    return null;
  }
}

/** The truth of a modifier on these values (many2one as its id, x2many as ids). */
export function evaluate(expr: string | null, values: Record<string, unknown>): boolean {
  if (expr === null) return false;
  const text = expr.trim();
  if (!text || text === '0' || text.toLowerCase() === 'false') return false;
  if (text === '1' || text.toLowerCase() === 'true') return true;
  if (!cache.has(text)) cache.set(text, compile(text));
  const fn = cache.get(text);
  try {
    return Boolean(fn?.(values));
  } catch {
    return false;
  }
}
