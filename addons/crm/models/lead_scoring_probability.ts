// Predictive lead scoring on crm.lead, part 2: the probabilities (part 1, the data and the
// frequency table: lead_scoring.ts). Creating a lead, or changing its stage, team or a scoring
// variable, rescores it; its probability follows when it was the automated one (probability =
// automated_probability). Reopened and restored leads get their score back (lead.ts's hooks).
// The daily scheduled action rebuilds the table, then rescores every open lead in one UPDATE.

import { extendModel, writeWithDependents, type Model, type Values } from '../../../core/index.ts';
import { collectFields, naiveBayes, type FrequencyRow, type LeadsPlsValues } from '../lib/pls.ts';
import { PLS_VARIABLES, type CrmLeadPlsData, type PlsReport } from './lead_scoring.ts';

/** Variables a change of customer may change (the lead copies them from the partner). */
const FROM_PARTNER = new Set(['state_id', 'country_id', 'phone_state', 'email_state', 'lang_id']);

/** How `_pls_store_probabilities` treats each lead's probability (the automated one is always set). */
export const ProbabilityMode = { Keep: 0, Set: 1, IfAutomated: 2, IfActive: 3 } as const;
type ProbabilityMode = typeof ProbabilityMode[keyof typeof ProbabilityMode];

/** lead.ts's methods and part 1, which this extension builds on. */
interface LeadBase extends CrmLeadPlsData {
  _automated_probabilities(ids: number[]): Promise<Map<number, number>>;
  _write_automated(ids: number[], extra?: Values, recompute?: boolean): Promise<void>;
}

export const LeadScoringProbability = extendModel('crm.lead', {
  methods: (Base) => class extends (Base as new (...args: ConstructorParameters<typeof Base>) => LeadBase) {
    // ---------------------------------------------------------------------------------------
    // Scoring
    // ---------------------------------------------------------------------------------------

    /** The automated probability of the leads that can be scored. `batchMode`: only the open
     *  ones (active, probability empty or strictly between 0 and 100), as the cron does. */
    async _pls_get_naive_bayes_probabilities(ids: number[], batchMode = false): Promise<Map<number, number>> {
      if (!ids.length) return new Map();
      const leads = await this._pls_get_lead_pls_values(batchMode
        ? { where: 'l.active AND l.id = ANY($1::int4[]) AND (l.probability IS NULL OR (l.probability < 100 AND l.probability > 0))', params: [ids] }
        : { ids });
      return this._pls_score(leads);
    }

    async _pls_score(leads: LeadsPlsValues): Promise<Map<number, number>> {
      if (!leads.size) return new Map();
      const stages = await this._pls_stages();
      const frequencies = await this.env.cr.query<FrequencyRow>(
        `SELECT f.variable, f.value, f.won_count::float8 AS won_count, f.lost_count::float8 AS lost_count, f.team_id
           FROM crm_lead_scoring_frequency f LEFT JOIN crm_team t ON t.id = f.team_id
          WHERE f.variable = ANY($1::text[])
          ORDER BY t.sequence ASC, t.create_date DESC, t.id DESC, f.id`, [collectFields(leads)]);
      const first = stages.find((s) => s.team_id === null);
      return naiveBayes(leads, frequencies, new Set(stages.filter((s) => s.is_won).map((s) => s.id)), first ? first.id : false);
    }

    /** Writes the automated probabilities of the scored leads among `leadIds` in one UPDATE (and
     *  the probability, per `modes`, by default Odoo's rule: when the lead is active and its
     *  probability was the automated one), then lets the stored fields that depend on them
     *  follow, for all of `leadIds`: whether a lead could be scored depends on the data, and
     *  the number of queries must not. Returns the leads that changed. */
    async _pls_store_probabilities(leadIds: number[], probabilities: Map<number, number>, modes?: Map<number, ProbabilityMode>): Promise<number[]> {
      if (!leadIds.length) return [];
      const ids = [...probabilities.keys()];
      const newProbability = `CASE u.m WHEN ${ProbabilityMode.Set} THEN u.p WHEN ${ProbabilityMode.Keep} THEN l.probability
          WHEN ${ProbabilityMode.IfActive} THEN CASE WHEN l.active THEN u.p ELSE l.probability END
          ELSE CASE WHEN l.active AND abs(coalesce(l.probability, 0) - coalesce(l.automated_probability, 0)) < 0.005 THEN u.p ELSE l.probability END END`;
      const rows = await this.env.cr.query<{ id: number }>(
        `UPDATE crm_lead l SET automated_probability = u.p, probability = ${newProbability}
           FROM unnest($1::int4[], $2::float8[], $3::int4[]) AS u(id, p, m)
          WHERE l.id = u.id AND (l.automated_probability IS DISTINCT FROM u.p OR l.probability IS DISTINCT FROM ${newProbability})
          RETURNING l.id`,
        [ids, ids.map((id) => probabilities.get(id)), ids.map((id) => modes?.get(id) ?? ProbabilityMode.IfAutomated)]);
      await this._modified(leadIds, ['probability', 'automated_probability']);
      return rows.map((r) => r.id);
    }

    /** Odoo's `_compute_probabilities`: rescores the leads (probability follows when automated). */
    async _compute_probabilities(ids: number[]): Promise<number[]> {
      return this._pls_store_probabilities(ids, await this._pls_get_naive_bayes_probabilities(ids));
    }

    /** lead.ts's hook for reopened and restored leads: the Bayes probability; leads that cannot
     *  be scored (no won or no lost lead yet) keep lead.ts's default. */
    override async _automated_probabilities(ids: number[]): Promise<Map<number, number>> {
      const result = await super._automated_probabilities(ids);
      for (const [id, p] of await this._pls_get_naive_bayes_probabilities(ids)) result.set(id, p);
      return result;
    }

    /** Restoring a lead or taking it out of the won stage: Odoo first updates the frequency
     *  table for the state change, then scores the lead. So the state (`extra`) is written
     *  first, then the probabilities; an archived lead only gets its automated probability. */
    override async _write_automated(ids: number[], extra: Values = {}, recompute = false): Promise<void> {
      if (!recompute || !ids.length) return super._write_automated(ids, extra, recompute);
      if (Object.keys(extra).length) await this.with_context({ active_test: false }).write(ids, extra);
      const values = await this._automated_probabilities(ids);
      await this._pls_store_probabilities(ids, values, new Map(ids.map((id) => [id, ProbabilityMode.IfActive])));
    }

    // ---------------------------------------------------------------------------------------
    // create / write
    // ---------------------------------------------------------------------------------------

    override async create(vals: Values | Values[]): Promise<any> {
      const result = await super.create(vals as Values[]);
      const list = Array.isArray(vals) ? vals : [vals];
      const ids: number[] = Array.isArray(result) ? result : [result];
      const ctx = this.env.context;
      // Odoo computes the probabilities of every new lead. Its probability takes the automated
      // one unless one was given (or the lead is created archived); a given automated
      // probability is left alone.
      const modes = new Map<number, ProbabilityMode>();
      ids.forEach((id, i) => {
        const v = list[i] ?? {};
        if ('automated_probability' in v) return;
        const active = 'active' in v ? Boolean(v.active) : 'default_active' in ctx ? Boolean(ctx.default_active) : true;
        const given = 'probability' in v ? v.probability : 'default_probability' in ctx ? ctx.default_probability : undefined;
        modes.set(id, active && (given === undefined || !Number(given)) ? ProbabilityMode.Set : ProbabilityMode.Keep);
      });
      const scored = [...modes.keys()];
      if (scored.length) {
        // `_pls_store_probabilities` with these modes, but the fields that follow the
        // probability (prorated revenues, won status) are written by the same UPDATE: on a
        // large import, one pass over the new rows instead of two.
        const probabilities = await this._pls_get_naive_bayes_probabilities(scored);
        await writeWithDependents(this, scored, ['automated_probability', 'probability'], (lead) => {
          const p = probabilities.get(lead.id);
          if (p === undefined) return {};
          return modes.get(lead.id) === ProbabilityMode.Set ? { automated_probability: p, probability: p } : { automated_probability: p };
        });
      }
      // A lead created in a won stage is a won lead for the frequency table (Odoo's create).
      const index = new Map(ids.map((id, i) => [id, i]));
      const withState = ids.filter((_, i) => list[i] && ('stage_id' in list[i] || 'active' in list[i]));
      if (withState.length) await this._pls_handle_state_changes(withState, (id) => list[index.get(id)!]);
      return result;
    }

    override async write(ids: number[] | number, vals: Values): Promise<true> {
      const list = Array.isArray(ids) ? ids : [ids];
      if (list.length && ('active' in vals || 'stage_id' in vals)) await this._handle_won_lost(list, vals);
      await super.write(ids, vals);
      // Writing the probability protects both from the recomputation, as in Odoo.
      if (list.length && !('probability' in vals) && !('automated_probability' in vals) && await this._pls_triggered(Object.keys(vals))) {
        await this._compute_probabilities(list);
      }
      return true;
    }

    /** Whether writing these fields changes a lead's score: its stage, team, a scoring variable
     *  or what a variable is computed from (the email for its quality...). The parameter is
     *  read only when one of the possible variables is written. */
    async _pls_triggered(names: string[]): Promise<boolean> {
      const triggers = (variables: readonly string[]) => {
        const set = new Set<string>(['stage_id', 'team_id', ...variables]);
        for (const name of variables) {
          for (const dep of this.meta.fields.get(name)?.depends ?? []) set.add(dep.split('.')[0]);
          if (FROM_PARTNER.has(name)) set.add('partner_id');
        }
        return set;
      };
      if (!names.some((n) => triggers(PLS_VARIABLES).has(n))) return false;
      const possible = triggers(await this._pls_get_safe_fields());
      return names.some((n) => possible.has(n));
    }

    // ---------------------------------------------------------------------------------------
    // The daily rebuild
    // ---------------------------------------------------------------------------------------

    /** Called by the scheduled action crm.website_crm_score_cron (and the settings' button). */
    async _cron_update_automated_probabilities(): Promise<PlsReport> {
      const rebuilt = await this._rebuild_pls_frequency_table();
      const scored = await this._update_automated_probabilities();
      return { ...rebuilt, ...scored };
    }

    /** Rescores every open lead created since the start date (active, with a stage, probability
     *  empty or strictly between 0 and 100) in one UPDATE; a probability that was the automated
     *  one (or empty) follows. Odoo cuts this into batches of 50,000 leads (one transaction
     *  each); one pass gives the same values. */
    async _update_automated_probabilities(): Promise<{ scored_leads: number; updated_leads: number }> {
      const start = await this._pls_get_safe_start_date();
      if (!start) return { scored_leads: 0, updated_leads: 0 };
      const leads = await this._pls_get_lead_pls_values({
        where: `l.active AND l.stage_id IS NOT NULL AND l.create_date >= $1::timestamp
                AND (l.probability IS NULL OR (l.probability < 100 AND l.probability > 0))`, params: [start],
      });
      const probabilities = await this._pls_score(leads);
      if (!probabilities.size) return { scored_leads: 0, updated_leads: 0 };
      const ids = [...probabilities.keys()];
      const follows = '(l.probability = l.automated_probability OR l.probability IS NULL)';
      const rows = await this.env.cr.query<{ id: number }>(
        `UPDATE crm_lead l SET automated_probability = u.p, probability = CASE WHEN ${follows} THEN u.p ELSE l.probability END
           FROM unnest($1::int4[], $2::float8[]) AS u(id, p)
          WHERE l.id = u.id AND (l.automated_probability IS DISTINCT FROM u.p OR (${follows} AND l.probability IS DISTINCT FROM u.p))
          RETURNING l.id`, [ids, ids.map((id) => probabilities.get(id))]);
      const changed = rows.map((r) => r.id);
      await this._modified(changed, ['probability', 'automated_probability']);
      return { scored_leads: ids.length, updated_leads: changed.length };
    }
  },
});
