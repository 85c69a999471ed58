// The draws of rule-based assignment. Odoo picks the team, then the salesperson, of each lead
// with `random.choices(population, weights)`: a weighted draw, so that teams and members with
// overlapping domains share the leads in proportion to their capacity. Here the draws come from
// a seeded generator (mulberry32): the same seed and data give the same assignment. Tests pass
// `crm_assignment_seed` in the context; without it each run takes a seed of its own, as Odoo's
// unseeded `random` does.

/** A generator of floats in [0, 1) from a 32-bit seed (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** The generator of one assignment run: seeded by `context.crm_assignment_seed` when given. */
export function assignmentRandom(context: Readonly<Record<string, unknown>>): () => number {
  const seed = Number(context.crm_assignment_seed);
  return seededRandom(Number.isFinite(seed) && context.crm_assignment_seed !== undefined && context.crm_assignment_seed !== false
    ? seed : Math.floor(Math.random() * 4294967296));
}

/** Python's `random.choices(range(n), weights)[0]`: the first index whose cumulated weight
 *  exceeds `random() * total` (bisect_right, kept within the list). */
export function weightedIndex(weights: number[], random: () => number): number {
  let total = 0;
  const cumulated = weights.map((w) => (total += w));
  const x = random() * total;
  let lo = 0;
  let hi = weights.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < cumulated[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Python 3's `round(x)`: halves go to the even integer (round(2.5) == 2, round(3.5) == 4). */
export function pythonRound(x: number): number {
  return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : Math.round(x);
}
