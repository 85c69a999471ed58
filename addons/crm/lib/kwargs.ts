// Odoo clients call our custom methods with positional arguments, keyword arguments, or both
// (`merge_opportunity(ids, user_id=3)`); call_kw passes the keyword arguments as one last plain
// object. `namedArgs` reads them back by their Python names, keywords winning over positions.

export type Named = Record<string, unknown>;

const isKeywords = (value: unknown): value is Named =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `args` (what follows the ids) read by Python's parameter names. */
export function namedArgs(args: unknown[], names: string[]): Named {
  const last = args.length ? args[args.length - 1] : undefined;
  const keywords = isKeywords(last) ? last : {};
  const positional = isKeywords(last) ? args.slice(0, -1) : args;
  const result: Named = {};
  names.forEach((name, i) => { if (positional[i] !== undefined) result[name] = positional[i]; });
  for (const name of names) if (keywords[name] !== undefined) result[name] = keywords[name];
  return result;
}

/** A many2one argument: an id, `[id, name]`, or nothing (false, null, 0). */
export const idOf = (value: unknown): number | false =>
  (Array.isArray(value) ? (Number(value[0]) || false) : typeof value === 'number' && value > 0 ? value : false);

/** A list of ids given as one id, a list, or nothing. */
export const idsOf = (value: unknown): number[] =>
  (Array.isArray(value) ? value.map(Number).filter((id) => id > 0) : typeof value === 'number' && value > 0 ? [value] : []);

/** The ids an x2many value stands for: a list of ids, or Odoo's commands (6 replaces, 4 adds,
 *  3 and 2 remove, 5 clears). */
export function x2manyIds(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  let ids: number[] = [];
  for (const item of value) {
    if (typeof item === 'number') ids.push(item);
    else if (Array.isArray(item)) {
      const [command, id, arg] = item as [number, number, unknown];
      if (command === 6) ids = idsOf(arg);
      else if (command === 4) ids.push(id);
      else if (command === 3 || command === 2) ids = ids.filter((x) => x !== id);
      else if (command === 5) ids = [];
    }
  }
  return [...new Set(ids)];
}
