// Predictive lead scoring (Odoo 17's naive Bayes), the pure part: no database here. The model
// side (addons/crm/models/lead_scoring.ts) reads the leads and the frequency table with a few
// set-based queries and hands them to these functions.
//
// Everything follows Odoo's crm_lead.py step by step, including its order of operations (float
// products and sums are not associative, and the result is rounded to 2 decimals) and its quirks,
// so that the same data gives the same probabilities as Odoo.

/** A variable's value as read from a lead (many2one id, selection key, false for empty). */
export type PlsValue = string | number | boolean | null;

/** One lead's (variable, value) couples, in Odoo's order: stage_id, the configured fields,
 *  `probability` (batch and rebuild reads only), then one `tag_id` couple per tag. */
export interface LeadPlsValues {
  values: Array<[string, PlsValue]>;
  /** 0: no team (Odoo's convention in `_pls_get_lead_pls_values`). */
  team_id: number;
}

/** Leads by id, in the order Odoo iterates them (the order matters, see `naiveBayes`). */
export type LeadsPlsValues = Map<number, LeadPlsValues>;

export interface FrequencyRow {
  variable: string;
  value: string;
  won_count: number;
  lost_count: number;
  team_id: number | null;
}

export interface StageRow {
  id: number;
  sequence: number;
  is_won: boolean;
  team_id: number | null;
}

/** field -> value (as text) -> counts, in insertion order (Odoo's dicts). */
export type Frequencies = Map<string, Map<string, { won: number; lost: number }>>;

/** Python's `str()` of a value: frequencies store values as text ('12', 'correct', 'False'). */
export function pyStr(value: PlsValue | undefined): string {
  if (value === false) return 'False';
  if (value === true) return 'True';
  if (value === null || value === undefined) return 'None';
  return String(value);
}

/** Python's truthiness, as in `if value or field in ('email_state', 'phone_state')`. */
const truthy = (value: PlsValue | undefined): boolean => Boolean(value);

/**
 * Python's `round(x, 2)`: correctly rounded on the exact binary value, ties to even. JavaScript's
 * `toFixed(2)` is also exact on the binary value (the spec picks the integer n minimising
 * |n / 100 - x|), but breaks ties away from zero. A double is exactly halfway between two
 * hundredths only when it is an odd multiple of 1/8 (0.125, 0.375, ...): only then do the two
 * differ, and we pick the even hundredth as Python does.
 */
export function pyRound2(x: number): number {
  if (!Number.isFinite(x)) return x;
  const eighths = x * 8; // exact: a power of two
  if (Number.isInteger(eighths) && Math.abs(eighths) % 2 === 1) {
    const low = Math.floor(x * 100); // exact for these values (12.5 * odd)
    const even = low % 2 === 0 ? low : low + 1;
    return even / 100;
  }
  return Number(x.toFixed(2));
}

/** The value a float field with `digits=(16, 1)` stores (Odoo writes `float_repr(float_round())`). */
export const round1 = (x: number): number => Number(x.toFixed(1));

/** Every variable the leads have, sorted (Odoo's `sorted(leads_fields)`). */
export function collectFields(leads: LeadsPlsValues): string[] {
  const fields = new Set<string>();
  for (const lead of leads.values()) for (const [field] of lead.values) fields.add(field);
  return [...fields].sort();
}

interface FieldStats {
  won_total: number;
  lost_total: number;
  values: Map<string, { won: number; lost: number }>;
}

interface TeamStats {
  fields: Map<string, FieldStats>;
  team_won: number;
  team_lost: number;
  team_total: number;
}

const emptyTeam = (fields: string[]): TeamStats => ({
  fields: new Map(fields.map((f) => [f, { won_total: 0, lost_total: 0, values: new Map() }])),
  team_won: 0, team_lost: 0, team_total: 0,
});

/**
 * Odoo's `_pls_get_naive_bayes_probabilities` once the data is read: the probability (in %) that
 * each lead will be won. Leads without stage get 0, leads in a won stage 100; a lead whose team
 * (or, without team statistics, the whole table) has no won or no lost count gets no value.
 *
 * `frequencies` must be the rows whose variable is among the leads' variables, in Odoo's order
 * (team, then id). `firstStageId` is the first stage shared by all teams (by sequence, id): its
 * frequency gives each team's won and lost totals (`_pls_get_won_lost_total_count`).
 *
 * Faithful to Odoo, including this: the team statistics are looked up only when the team changes
 * from one lead to the next, so after a team without won or without lost counts, the following
 * leads of that team are computed with the previous team's priors.
 */
export function naiveBayes(leads: LeadsPlsValues, frequencies: FrequencyRow[], wonStageIds: Set<number>, firstStageId: number | false): Map<number, number> {
  const probabilities = new Map<number, number>();
  if (!leads.size) return probabilities;
  const wonLeads = new Set<number>();
  for (const [id, lead] of leads) {
    for (const [field, value] of lead.values) if (field === 'stage_id' && wonStageIds.has(value as number)) wonLeads.add(id);
  }
  const leadsFields = collectFields(leads);

  // 1. Counts by team, and for all teams together (-1): leads whose team has no statistics use those.
  const result = new Map<number, TeamStats>();
  for (const f of frequencies) if (f.team_id && !result.has(f.team_id)) result.set(f.team_id, emptyTeam(leadsFields));
  result.set(-1, emptyTeam(leadsFields));
  const all = result.get(-1)!;
  for (const frequency of frequencies) {
    const { variable: field, value } = frequency;
    // A tag weighs too much on a small subset: ignore tags seen fewer than 50 times.
    if (field === 'tag_id' && frequency.won_count + frequency.lost_count < 50) continue;
    if (frequency.team_id) {
      const stats = result.get(frequency.team_id)!.fields.get(field)!;
      stats.values.set(value, { won: frequency.won_count, lost: frequency.lost_count });
      stats.won_total += frequency.won_count;
      stats.lost_total += frequency.lost_count;
    }
    const stats = all.fields.get(field)!;
    const counts = stats.values.get(value) ?? { won: 0, lost: 0 };
    stats.values.set(value, counts);
    counts.won += frequency.won_count;
    counts.lost += frequency.lost_count;
    stats.won_total += frequency.won_count;
    stats.lost_total += frequency.lost_count;
  }
  // Won and lost totals: every won lead counts in every stage, every lost lead in the first one.
  for (const team of result.values()) {
    const first = firstStageId === false ? undefined : team.fields.get('stage_id')?.values.get(pyStr(firstStageId));
    if (first) Object.assign(team, { team_won: first.won, team_lost: first.lost, team_total: first.won + first.lost });
  }

  // 2. Each lead's won and lost scores, 3. its probability.
  let saveTeam: number | null = null;
  let pWon = 1;
  let pLost = 1;
  let teamWon = 0;
  let teamLost = 0;
  for (const [id, lead] of leads) {
    if (!lead.values.some(([field]) => field === 'stage_id')) {
      probabilities.set(id, 0);
      continue;
    }
    if (wonLeads.has(id)) {
      probabilities.set(id, 100);
      continue;
    }
    const leadTeam = result.has(lead.team_id) ? lead.team_id : -1;
    if (leadTeam !== saveTeam) {
      saveTeam = leadTeam;
      const team = result.get(saveTeam)!;
      teamWon = team.team_won;
      teamLost = team.team_lost;
      if (!teamWon || !teamLost) continue;
      pWon = teamWon / team.team_total;
      pLost = teamLost / team.team_total;
    }
    let sWon = pWon;
    let sLost = pLost;
    for (const [field, value] of lead.values) {
      const fieldStats = result.get(saveTeam)?.fields.get(field);
      const counts = fieldStats?.values.get(pyStr(value));
      if (!fieldStats || !counts) continue;
      const totalWon = field === 'stage_id' ? teamWon : fieldStats.won_total;
      const totalLost = field === 'stage_id' ? teamLost : fieldStats.lost_total;
      if (!totalWon || !totalLost) continue;
      sWon *= counts.won / totalWon;
      sLost *= counts.lost / totalLost;
    }
    // Odoo divides by zero here (both scores 0 only with hand-written zero counts): leave the lead.
    if (sWon + sLost === 0) continue;
    const probability = sWon / (sWon + sLost);
    probabilities.set(id, Math.min(Math.max(pyRound2(100 * probability), 0.01), 99.99));
  }
  return probabilities;
}

/** One entry of Odoo's `leads_frequency_values_by_team[team]`: a lead (`count` 1 with its
 *  variables and probability) or one of its tags (`tag_id`, `count`, `probability`). */
export type FrequencyInput = Record<string, PlsValue> & { count: number };

/** Splits leads by team as `_pls_prepare_update_frequency_table` does; also returns the
 *  variables seen (sorted, `probability` left out). */
export function splitByTeam(leads: LeadsPlsValues, teamIds: number[]): { byTeam: Map<number, FrequencyInput[]>; fields: string[] } {
  const byTeam = new Map<number, FrequencyInput[]>(teamIds.map((team) => [team, []]));
  const fields = new Set<string>();
  for (const lead of leads.values()) {
    const entry: FrequencyInput = { count: 1 };
    let probability: PlsValue = null;
    const list = byTeam.get(lead.team_id) ?? [];
    byTeam.set(lead.team_id, list);
    for (const [field, value] of lead.values) {
      if (field !== 'probability') fields.add(field);
      else probability = value; // comes before the tags
      if (field === 'tag_id') list.push({ tag_id: value, count: 1, probability });
      else entry[field] = value;
    }
    list.push(entry);
  }
  return { byTeam, fields: [...fields].sort() };
}

const increment = (frequencies: Frequencies, field: string, value: PlsValue, won: number, lost: number) => {
  const key = pyStr(value);
  const byValue = frequencies.get(field);
  if (!byValue) return;
  const counts = byValue.get(key);
  if (!counts) byValue.set(key, { won, lost });
  else {
    counts.won += won;
    counts.lost += lost;
  }
};

/**
 * Odoo's `_pls_prepare_frequencies`: the won and lost counts of each (variable, value) of the
 * given leads. With `targetState` ('won' or 'lost', the live increments), the leads count as
 * that; otherwise (the rebuild) probability 100 is won and 0 is lost. A won lead counts in every
 * stage, a lost one in its stage and the stages before it (by sequence).
 */
export function prepareFrequencies(leadValues: FrequencyInput[], plsFields: string[], stages: StageRow[], targetState: 'won' | 'lost' | null = null): Frequencies {
  let fields = [...plsFields];
  const frequencies: Frequencies = new Map(fields.map((f) => [f, new Map()]));
  const sequences = new Map(stages.map((s) => [s.id, s.sequence]));
  for (const values of leadValues) {
    let won: number;
    let lost: number;
    if (targetState) {
      won = targetState === 'won' ? values.count : 0;
      lost = targetState === 'lost' ? values.count : 0;
    } else {
      won = ('probability' in values ? values.probability : 0) === 100 ? values.count : 0;
      lost = ('probability' in values ? values.probability : 1) === 0 ? values.count : 0;
    }
    if ('tag_id' in values) {
      increment(frequencies, 'tag_id', values.tag_id, won, lost);
      continue;
    }
    fields = fields.filter((f) => f !== 'tag_id');
    for (const field of fields) {
      if (!(field in values)) continue;
      const value = values[field];
      if (!truthy(value) && field !== 'email_state' && field !== 'phone_state') continue;
      if (field === 'stage_id') {
        const current = sequences.get(value as number) ?? Number.POSITIVE_INFINITY;
        const reached = won ? stages : stages.filter((s) => s.sequence <= current);
        for (const stage of reached) increment(frequencies, field, stage.id, won, lost);
      } else increment(frequencies, field, value, won, lost);
    }
  }
  return frequencies;
}

export interface ExistingFrequency { id: number; won: number; lost: number }

/** team (0: none) -> variable -> value -> existing row. */
export type ExistingByTeam = Map<number, Map<string, Map<string, ExistingFrequency>>>;

export interface FrequencyChanges {
  update: Array<{ id: number; won_count: number; lost_count: number }>;
  create: Array<{ variable: string; value: string; won_count: number; lost_count: number; team_id: number | null }>;
}

/**
 * Odoo's `_pls_update_frequency_table` without the writes: existing couples move by `step`
 * (+1 or -1) times their counts, never below 0.1; new couples start at their counts + 0.1 (the
 * smoothing that avoids zero frequencies), whatever the step.
 */
export function frequencyChanges(newByTeam: Map<number, Frequencies>, step: 1 | -1, existingByTeam: ExistingByTeam = new Map()): FrequencyChanges {
  const updates = new Map<number, { id: number; won_count: number; lost_count: number }>();
  const create: FrequencyChanges['create'] = [];
  for (const [team, frequencies] of newByTeam) {
    const current = existingByTeam.get(team);
    for (const [field, byValue] of frequencies) {
      for (const [value, counts] of byValue) {
        const existing = current?.get(field)?.get(value);
        if (existing) {
          const won = existing.won + counts.won * step;
          const lost = existing.lost + counts.lost * step;
          updates.set(existing.id, { id: existing.id, won_count: round1(won > 0 ? won : 0.1), lost_count: round1(lost > 0 ? lost : 0.1) });
          continue;
        }
        create.push({ variable: field, value, won_count: round1(counts.won + 0.1), lost_count: round1(counts.lost + 0.1), team_id: team || null });
      }
    }
  }
  return { update: [...updates.values()], create };
}
