// Predictive lead scoring on crm.lead (Odoo 17's "PLS"), part 1: the data. The automated
// probability of an open lead is a naive Bayes estimate (lib/pls.ts) from the won and lost leads
// created since `crm.pls_start_date`, on the stage, the team and the variables listed in
// `crm.pls_fields`. This file reads the parameters and the leads' variables, and keeps the
// frequency table (crm.lead.scoring.frequency) up to date, in two ways, as in Odoo:
// - live: each time leads are won, lost, restored or leave the won stage (`_handle_won_lost`,
//   called by write before the values are written, since leaving a state needs the old values);
// - rebuilt from scratch by the daily scheduled action (`_rebuild_pls_frequency_table`).
// Part 2, the probabilities themselves: lead_scoring_probability.ts.
//
// Every step is set-based: a fixed number of queries whatever the number of leads.

import { errors, extendModel, now, type Env, type Model, type Values } from '../../../core/index.ts';
import {
  frequencyChanges, prepareFrequencies, splitByTeam,
  type ExistingByTeam, type Frequencies, type LeadsPlsValues, type PlsValue, type StageRow,
} from '../lib/pls.ts';

/** The variables the settings offer (the crm.lead.scoring.frequency.field records). */
export const PLS_VARIABLES = ['state_id', 'country_id', 'phone_state', 'email_state', 'source_id', 'lang_id', 'tag_ids'] as const;
export const DEFAULT_PLS_FIELDS = 'phone_state,email_state';

export type PlsState = 'won' | 'lost';

/** What the rebuild and the rescoring did (the settings button reports it). */
export interface PlsReport {
  closed_leads: number;
  frequencies: number;
  scored_leads: number;
  updated_leads: number;
}

/** Which leads `_pls_get_lead_pls_values` reads: given ids, in their order (Odoo's ORM reading,
 *  without `probability`), or a SQL condition on `l` (Odoo's domain reading: with `probability`,
 *  ordered by team then id descending). */
export type PlsQuery = { ids: number[] } | { where: string; params: unknown[] };

/** What part 1 adds to crm.lead. */
export interface CrmLeadPlsData extends Model {
  _pls_params(): Promise<Map<string, string>>;
  _pls_get_safe_start_date(params?: Map<string, string>): Promise<string | false>;
  _pls_get_safe_fields(params?: Map<string, string>): Promise<string[]>;
  _pls_stages(): Promise<StageRow[]>;
  _pls_get_lead_pls_values(query: PlsQuery, safeFields?: string[]): Promise<LeadsPlsValues>;
  _handle_won_lost(ids: number[], vals: Values): Promise<void>;
  _pls_handle_state_changes(ids: number[], valsOf: (id: number) => Values): Promise<void>;
  _pls_increment_frequencies(ids: number[], fromState?: PlsState | null, toState?: PlsState | null): Promise<void>;
  _rebuild_pls_frequency_table(): Promise<{ closed_leads: number; frequencies: number }>;
}

/** What the scoring adds to crm.lead, for callers: `env.model<CrmLeadPls>('crm.lead')`. */
export interface CrmLeadPls extends CrmLeadPlsData {
  // lead_scoring_probability.ts
  _pls_get_naive_bayes_probabilities(ids: number[], batchMode?: boolean): Promise<Map<number, number>>;
  _compute_probabilities(ids: number[]): Promise<number[]>;
  _update_automated_probabilities(): Promise<{ scored_leads: number; updated_leads: number }>;
  _cron_update_automated_probabilities(): Promise<PlsReport>;
}

const m2oId = (value: unknown): number | false =>
  (Array.isArray(value) ? (value[0] as number) : typeof value === 'number' && value ? value : false);
const isDate = (text: string): boolean => {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
};
const toDateString = (text: string): string => {
  const [y, m, d] = text.slice(0, 10).split(/[-T ]/).map(Number);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/** `crm.pls_start_date` as Odoo sets it at install: 8 days before today. */
export const defaultPlsStartDate = (context?: Env['context']): string => new Date(now(context).getTime() - 8 * 86400000).toISOString().slice(0, 10);

export const LeadScoring = extendModel('crm.lead', {
  methods: (Base) => class extends Base {
    // ---------------------------------------------------------------------------------------
    // Parameters
    // ---------------------------------------------------------------------------------------

    async _pls_params(): Promise<Map<string, string>> {
      const rows = await this.env.cr.query<{ key: string; value: string }>(
        "SELECT key, value FROM ir_config_parameter WHERE key IN ('crm.pls_start_date', 'crm.pls_fields')");
      return new Map(rows.map((r) => [r.key, r.value]));
    }

    /** `crm.pls_start_date` when it is a date (it goes into SQL), else false: no scoring data. */
    async _pls_get_safe_start_date(params?: Map<string, string>): Promise<string | false> {
      const text = (params ?? await this._pls_params()).get('crm.pls_start_date');
      return text && isDate(text) ? toDateString(text) : false;
    }

    /** The variables of `crm.pls_fields` that are stored fields of crm.lead (others are ignored,
     *  as in Odoo; they go into SQL). */
    async _pls_get_safe_fields(params?: Map<string, string>): Promise<string[]> {
      const text = (params ?? await this._pls_params()).get('crm.pls_fields');
      return (text ? text.split(',') : []).filter((name) => {
        const field = this.meta.fields.get(name);
        return Boolean(field && (field.column || name === 'tag_ids'));
      });
    }

    /** Stages by sequence: the won ones, the first shared one (`_pls_get_won_lost_total_count`)
     *  and the sequences a lost lead counts in. */
    async _pls_stages(): Promise<StageRow[]> {
      return this.env.cr.query<StageRow>(
        'SELECT id, coalesce(sequence, 0) AS sequence, coalesce(is_won, false) AS is_won, team_id FROM crm_stage ORDER BY sequence, id');
    }

    // ---------------------------------------------------------------------------------------
    // Reading the leads' variables
    // ---------------------------------------------------------------------------------------

    /** Odoo's `_pls_get_lead_pls_values`: each lead's (variable, value) couples, in one query. */
    async _pls_get_lead_pls_values(query: PlsQuery, safeFields?: string[]): Promise<LeadsPlsValues> {
      const fields = ['stage_id', 'team_id', ...(safeFields ?? await this._pls_get_safe_fields())];
      const useTags = fields.includes('tag_ids');
      const plain = fields.filter((f) => f !== 'tag_ids' && f !== 'team_id');
      const columns = [...new Set(plain)].map((f) => `l."${this.meta.fields.get(f)!.column}" AS "${f}"`);
      const byIds = 'ids' in query;
      if (byIds && !query.ids.length) return new Map();
      const rows = await this.env.cr.query<Record<string, PlsValue> & { id: number; team_id: number | null; tags: number[] | null }>(
        `SELECT l.id, l.team_id, l.probability::float8 AS probability, ${columns.join(', ')}
                ${useTags ? ', ARRAY(SELECT r.tag_id FROM crm_tag_rel r WHERE r.lead_id = l.id ORDER BY r.tag_id) AS tags' : ''}
           FROM crm_lead l
          WHERE ${byIds ? 'l.id = ANY($1::int4[])' : query.where}
          ORDER BY ${byIds ? 'array_position($1::int4[], l.id)' : 'l.team_id ASC, l.id DESC'}`,
        byIds ? [query.ids] : query.params);
      const result: LeadsPlsValues = new Map();
      for (const row of rows) {
        const values: Array<[string, PlsValue]> = [];
        for (const field of plain) {
          const value = row[field];
          if (value) values.push([field, value]);
          // An empty quality is a value of its own ('False'), as Odoo's ORM reads it.
          else if (field === 'email_state' || field === 'phone_state') values.push([field, false]);
        }
        // The domain reading also returns the probability: the rebuild tells won from lost by it.
        if (!byIds) values.push(['probability', row.probability]);
        for (const tag of row.tags ?? []) values.push(['tag_id', tag]);
        result.set(row.id, { values, team_id: row.team_id ?? 0 });
      }
      return result;
    }

    // ---------------------------------------------------------------------------------------
    // Live increments
    // ---------------------------------------------------------------------------------------

    /** Odoo's `_handle_won_lost`, before `vals` is written: leads reaching or leaving the won
     *  state (a won stage) and the lost state (archived) move the frequency table. */
    async _handle_won_lost(ids: number[], vals: Values): Promise<void> {
      await this._pls_handle_state_changes(ids, () => vals);
    }

    async _pls_handle_state_changes(ids: number[], valsOf: (id: number) => Values): Promise<void> {
      const stages = await this._pls_stages();
      const wonStages = new Set(stages.filter((s) => s.is_won).map((s) => s.id));
      const rows = await this.env.cr.query<{ id: number; stage_id: number | null; active: boolean | null; probability: number }>(
        `SELECT id, stage_id, active, coalesce(probability, 0)::float8 AS probability FROM crm_lead
          WHERE id = ANY($1::int4[]) ORDER BY array_position($1::int4[], id)`, [ids]);
      const reachWon = new Set<number>();
      const leaveWon = new Set<number>();
      const reachLost = new Set<number>();
      const leaveLost = new Set<number>();
      for (const lead of rows) {
        const vals = valsOf(lead.id);
        if ('stage_id' in vals) {
          if (wonStages.has(m2oId(vals.stage_id) || 0)) {
            if (lead.probability === 0) leaveLost.add(lead.id);
            reachWon.add(lead.id);
          } else if (wonStages.has(lead.stage_id ?? 0) && lead.active) {
            leaveWon.add(lead.id); // a lead can be lost in a won stage
          }
        }
        if ('active' in vals) {
          if (!vals.active && lead.active) {
            if (wonStages.has(lead.stage_id ?? 0)) leaveWon.add(lead.id);
            reachLost.add(lead.id);
          } else if (vals.active && !lead.active) {
            leaveLost.add(lead.id);
          }
        }
      }
      await this._pls_increment_frequencies([...reachWon], null, 'won', stages);
      await this._pls_increment_frequencies([...leaveWon], 'won', null, stages);
      await this._pls_increment_frequencies([...reachLost], null, 'lost', stages);
      await this._pls_increment_frequencies([...leaveLost], 'lost', null, stages);
    }

    /** Counts the leads (created since the start date) as won or lost (`toState`: +1), or takes
     *  them out of a state (`fromState`: -1). */
    async _pls_increment_frequencies(ids: number[], fromState: PlsState | null = null, toState: PlsState | null = null, stages?: StageRow[]): Promise<void> {
      if (!ids.length) return;
      const { byTeam, existing } = await this._pls_prepare_update_frequency_table(ids, { targetState: fromState ?? toState, stages });
      await this._pls_update_frequency_table(byTeam, toState ? 1 : -1, existing);
    }

    /** Odoo's `_pls_prepare_update_frequency_table`: the counts to add per team, and the
     *  existing rows they add to. `ids` null with `rebuild`: every closed lead since the start date. */
    async _pls_prepare_update_frequency_table(ids: number[] | null, opts: { rebuild?: boolean; targetState?: PlsState | null; stages?: StageRow[] } = {})
      : Promise<{ byTeam: Map<number, Frequencies>; existing: ExistingByTeam; leads: number }> {
      const empty = { byTeam: new Map(), existing: new Map(), leads: 0 };
      const params = await this._pls_params();
      const start = await this._pls_get_safe_start_date(params);
      if (!start) return empty;
      const safeFields = await this._pls_get_safe_fields(params);
      let leads: LeadsPlsValues;
      let teamIds: number[];
      if (opts.rebuild) {
        leads = await this._pls_get_lead_pls_values({
          where: 'l.create_date >= $1::timestamp AND (l.probability = 100 OR (l.probability = 0 AND NOT coalesce(l.active, false)))', params: [start],
        }, safeFields);
        const teams = await this.env.cr.query<{ id: number }>('SELECT id FROM crm_team ORDER BY sequence ASC, create_date DESC, id DESC');
        teamIds = [...teams.map((t) => t.id), 0];
      } else {
        leads = await this._pls_get_lead_pls_values({ where: 'l.id = ANY($1::int4[]) AND l.create_date::date >= $2::date', params: [ids ?? [], start] }, safeFields);
        if (!leads.size) return empty;
        // Teams in the order of the given leads, then "no team".
        teamIds = [...new Set((ids ?? []).map((id) => leads.get(id)?.team_id).filter((t): t is number => Boolean(t))), 0];
      }
      const stages = opts.stages ?? await this._pls_stages();
      const { byTeam: inputs, fields } = splitByTeam(leads, teamIds);
      const byTeam = new Map(teamIds.map((team) => [team, prepareFrequencies(inputs.get(team) ?? [], fields, stages, opts.targetState ?? null)]));
      const existing: ExistingByTeam = new Map();
      if (!opts.rebuild) {
        const rows = await this.env.cr.query<{ id: number; team_id: number | null; variable: string; value: string; won: number; lost: number }>(
          `SELECT id, team_id, variable, value, won_count::float8 AS won, lost_count::float8 AS lost FROM crm_lead_scoring_frequency
            WHERE variable = ANY($1::text[]) AND (team_id = ANY($2::int4[]) OR team_id IS NULL) ORDER BY id`,
          [fields, teamIds.filter(Boolean)]);
        for (const row of rows) {
          const team = existing.get(row.team_id ?? 0) ?? new Map(fields.map((f) => [f, new Map()]));
          existing.set(row.team_id ?? 0, team);
          team.get(row.variable)?.set(row.value, { id: row.id, won: row.won, lost: row.lost });
        }
      }
      return { byTeam, existing, leads: leads.size };
    }

    /** Creates and updates frequency rows: one UPDATE and one INSERT. Returns the rows created. */
    async _pls_update_frequency_table(byTeam: Map<number, Frequencies>, step: 1 | -1, existing?: ExistingByTeam): Promise<number> {
      const { update, create } = frequencyChanges(byTeam, step, existing);
      const cr = this.env.cr;
      if (update.length) {
        await cr.execute(
          `UPDATE crm_lead_scoring_frequency f SET won_count = u.won, lost_count = u.lost, write_uid = $4, write_date = now() AT TIME ZONE 'UTC'
             FROM unnest($1::int4[], $2::float8[], $3::float8[]) AS u(id, won, lost) WHERE f.id = u.id`,
          [update.map((u) => u.id), update.map((u) => u.won_count), update.map((u) => u.lost_count), this.env.uid]);
      }
      if (create.length) {
        await cr.execute(
          `INSERT INTO crm_lead_scoring_frequency (variable, value, won_count, lost_count, team_id, create_uid, create_date, write_uid, write_date)
           SELECT v.variable, v.value, v.won, v.lost, v.team, $6, now() AT TIME ZONE 'UTC', $6, now() AT TIME ZONE 'UTC'
             FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::int4[]) WITH ORDINALITY AS v(variable, value, won, lost, team, n)
            ORDER BY v.n`,
          [create.map((c) => c.variable), create.map((c) => c.value), create.map((c) => c.won_count), create.map((c) => c.lost_count),
            create.map((c) => c.team_id), this.env.uid]);
      }
      return create.length;
    }

    // ---------------------------------------------------------------------------------------
    // The daily rebuild (the rescoring that follows it: lead_scoring_probability.ts)
    // ---------------------------------------------------------------------------------------

    /** Empties the frequency table and fills it again from every won and lost lead created
     *  since the start date. */
    async _rebuild_pls_frequency_table(): Promise<{ closed_leads: number; frequencies: number }> {
      if (!(await this.check_access_rights('unlink', false))) throw errors.userError("You don't have the access needed to run this cron.");
      // Odoo truncates; PostgreSQL refuses TRUNCATE in a transaction that wrote rows with
      // deferred foreign keys (ours are), so the rows are deleted.
      await this.env.cr.execute('DELETE FROM crm_lead_scoring_frequency');
      const { byTeam, leads } = await this._pls_prepare_update_frequency_table(null, { rebuild: true });
      const frequencies = await this._pls_update_frequency_table(byTeam, 1);
      return { closed_leads: leads, frequencies };
    }
  },
});
