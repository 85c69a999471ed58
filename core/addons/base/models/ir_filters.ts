// Saved searches (Odoo's ir.filters): the favorites of the web client's search panel. A filter
// belongs to a user, or to everyone when `user_id` is empty (shared), and to one action or to
// every view of its model. Domain, context and sort are kept as Odoo keeps them: Python text,
// read by the client with its safe parser, so a favorite made of "context_today() - 7 days"
// stays relative. Who sees and changes what is said by record rules (data/security.ts).

import { errors } from '../../../errors.ts';
import { defineModel, type ModelDefinition } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import { toIds, type Model, type Values } from '../../../models/model.ts';
import type { Domain, RecordValues } from '../../../models/types.ts';

/** What `env.model<IrFilters>('ir.filters')` offers beyond the records API. */
export interface IrFilters extends Model {
  get_filters(model: string, action_id?: number | false | null): Promise<Values[]>;
  create_or_replace(vals: Values): Promise<number>;
}

const FILTER_FIELDS = ['name', 'is_default', 'domain', 'context', 'user_id', 'sort', 'action_id'];

const m2oId = (value: unknown): number | false => (Array.isArray(value) ? value[0] as number : typeof value === 'number' ? value : false);

/** Filters of this action plus those of every action; without an action, only the latter. */
function actionDomain(actionId: number | false): Domain {
  return actionId ? [['action_id', 'in', [actionId, false]]] : [['action_id', '=', false]];
}

export const IrFiltersModel = defineModel({
  name: 'ir.filters',
  description: 'Filters',
  order: 'model_id, name, id desc',
  fields: {
    name: fields.char({ string: 'Filter Name', required: true }),
    user_id: fields.many2one('res.users', { string: 'User', ondelete: 'cascade', index: true,
      help: 'The user this filter is private to. When left empty the filter is public and available to all users.' }),
    model_id: fields.char({ string: 'Model', required: true, index: true, help: 'The technical name of the model, e.g. "crm.lead"' }),
    domain: fields.text({ default: '[]', required: true }),
    context: fields.text({ default: '{}', required: true }),
    sort: fields.text({ default: '[]', required: true }),
    is_default: fields.boolean({ string: 'Default Filter' }),
    action_id: fields.many2one('ir.actions.act_window', { string: 'Action', ondelete: 'cascade',
      help: 'The menu action this filter applies to. When left empty the filter applies to all menus for this model.' }),
    active: fields.boolean({ default: true }),
  },
  constraints: [{
    // Odoo's unique index on (model_id, user_id, action_id, lower(name)), NULLs included: an
    // index of this shape is not among the SQL constraints the schema can declare.
    fields: ['name', 'model_id', 'user_id', 'action_id'],
    async check(this: Model, records: RecordValues[]) {
      const all = this.sudo().with_context({ active_test: false });
      for (const r of records) {
        const clash = await all.search_count([
          ['id', '!=', r.id], ['model_id', '=', r.model_id], ['name', '=ilike', String(r.name).replace(/[\\%_]/g, '\\$&')],
          ['user_id', '=', m2oId(r.user_id)], ['action_id', '=', m2oId(r.action_id)],
        ]);
        if (clash) throw errors.constraint('ir.filters', 'Filter names must be unique', ['name']);
      }
    },
  }],
  methods: (Base) => class extends Base {
    /** The filters the user may pick for `model`: their own and the shared ones, of `action_id`
     *  and of no action, as `read` gives them. */
    async get_filters(model: string, action_id: number | false | null = false): Promise<Values[]> {
      return this.search_read([...actionDomain(action_id || false), ['model_id', '=', model], ['user_id', 'in', [this.env.uid, false]]], FILTER_FIELDS);
    }

    /** Saves a favorite: replaces the user's (or the shared) filter of the same name, else creates
     *  one. A new default turns the user's other defaults off; a second shared default is refused. */
    async create_or_replace(vals: Values): Promise<number> {
      const userId = m2oId(vals.user_id);
      const actionId = m2oId(vals.action_id);
      const model = String(vals.model_id ?? '');
      const current = await this.get_filters(model, actionId);
      const name = String(vals.name ?? '').toLowerCase();
      const matching = current.filter((f) => String(f.name).toLowerCase() === name && m2oId(f.user_id) === userId);
      if (vals.is_default) {
        const defaults = await this.search([...actionDomain(actionId), ['model_id', '=', model], ['user_id', '=', userId], ['is_default', '=', true]]);
        if (userId) {
          if (defaults.length) await this.write(defaults, { is_default: false });
        } else if (defaults.some((id) => id !== matching[0]?.id)) {
          throw errors.constraint('ir.filters', `There is already a shared filter set as default for ${model}, delete or change it before setting a new default`, ['is_default']);
        }
      }
      if (matching.length) {
        await this.write([matching[0].id as number], vals);
        return matching[0].id as number;
      }
      return this.create({ ...vals, user_id: userId, action_id: actionId });
    }

    /** Record rules are checked on the records before the change; a filter must also satisfy
     *  them after it (as Odoo's `check_access_rule('write')`): nobody hands a filter to another user. */
    override async write(ids: number[] | number, vals: Values): Promise<true> {
      await super.write(ids, vals);
      const rules = await this._rule_domain('write');
      if (!rules.length) return true;
      const list = [...new Set(toIds(ids))];
      const allowed = await this.sudo().with_context({ active_test: false }).search_count([['id', 'in', list], ...rules]);
      if (allowed < list.length) throw errors.accessDenied('ir.filters', 'write', 'record rules forbid the filter this change makes');
      return true;
    }
  },
});

export const filterModels: ModelDefinition[] = [IrFiltersModel];
