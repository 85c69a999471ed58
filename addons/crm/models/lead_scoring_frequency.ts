// The tables of predictive lead scoring (Odoo 17's `crm.lead.scoring.frequency` and
// `crm.lead.scoring.frequency.field`): how many won and lost leads had each value of each
// variable, per sales team, and the variables an administrator may choose in the settings.
// The counts are maintained by crm.lead (models/lead_scoring.ts).

import { defineModel, extendModel, fields } from '../../../core/index.ts';

export const LeadScoringFrequency = defineModel({
  name: 'crm.lead.scoring.frequency',
  description: 'Lead Scoring Frequency',
  fields: {
    variable: fields.char({ string: 'Variable', index: true }),
    value: fields.char({ string: 'Value' }),
    // Floats because every count starts at 0.1, to avoid zero frequencies.
    won_count: fields.float({ string: 'Won Count', digits: [16, 1] }),
    lost_count: fields.float({ string: 'Lost Count', digits: [16, 1] }),
    team_id: fields.many2one('crm.team', { string: 'Sales Team', ondelete: 'cascade' }),
  },
});

export const LeadScoringFrequencyField = defineModel({
  name: 'crm.lead.scoring.frequency.field',
  description: 'Fields that can be used for predictive lead scoring computation',
  order: 'id',
  fields: {
    name: fields.char({ string: 'Field Label', required: true, translate: true }),
    // Odoo points at ir.model.fields; the name of the crm.lead field is what the parameter
    // `crm.pls_fields` stores, so we keep that.
    field_name: fields.char({ string: 'Field Name', required: true, help: 'A field of crm.lead, as listed in the parameter crm.pls_fields.' }),
  },
  sqlConstraints: [{ name: 'field_name_uniq', definition: 'unique(field_name)', message: 'This field is already a lead scoring variable.' }],
});

/** Deleting a team keeps what its frequencies learned: they are added to the "no team" ones
 *  (Odoo's `crm.team.unlink`), in two statements whatever the number of teams or rows. */
export const TeamPls = extendModel('crm.team', {
  methods: (Base) => class extends Base {
    override async unlink(ids: number[] | number): Promise<true> {
      const list = Array.isArray(ids) ? ids : [ids];
      if (list.length) {
        // Rows that hold nothing beyond the initial 0.1 are skipped. Counts are rounded to
        // integers before adding (the .1 is an artefact of the initialisation), and a total
        // of 0 becomes 0.1 again. A couple new to "no team" keeps its counts as they are (when
        // several deleted teams have it, Odoo adds the others to it rounded: so do we).
        const args = [list];
        const teamRows = `SELECT variable, value, sum(round(won_count::numeric))::float8 AS won, sum(round(lost_count::numeric))::float8 AS lost,
                                 count(*) AS n, sum(won_count) AS raw_won, sum(lost_count) AS raw_lost
                            FROM crm_lead_scoring_frequency
                           WHERE team_id = ANY($1::int4[]) AND (won_count > 0.1 OR lost_count > 0.1)
                           GROUP BY variable, value`;
        await this.env.cr.execute(
          `UPDATE crm_lead_scoring_frequency f
              SET won_count = greatest(round(f.won_count::numeric)::float8 + t.won, 0.1),
                  lost_count = greatest(round(f.lost_count::numeric)::float8 + t.lost, 0.1)
             FROM (${teamRows}) t
            WHERE f.team_id IS NULL AND f.variable = t.variable AND f.value = t.value`, args);
        await this.env.cr.execute(
          `INSERT INTO crm_lead_scoring_frequency (variable, value, won_count, lost_count, team_id, create_uid, create_date, write_uid, write_date)
           SELECT t.variable, t.value,
                  CASE WHEN t.n = 1 THEN t.raw_won ELSE greatest(t.won, 0.1) END, CASE WHEN t.n = 1 THEN t.raw_lost ELSE greatest(t.lost, 0.1) END, NULL, $2, now() AT TIME ZONE 'UTC', $2, now() AT TIME ZONE 'UTC'
             FROM (${teamRows}) t
            WHERE NOT EXISTS (SELECT 1 FROM crm_lead_scoring_frequency f WHERE f.team_id IS NULL AND f.variable = t.variable AND f.value = t.value)`,
          [list, this.env.uid]);
      }
      return super.unlink(ids);
    }
  },
});
