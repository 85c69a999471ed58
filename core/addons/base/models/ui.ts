// Views, window and client actions, and menus as records (Odoo's ir.ui.view, ir.actions.*,
// ir.ui.menu). Addons declare them in data files with external ids, so the ledger removes them
// with their module. The logic (combining archs, get_views, load_action, load_menus) lives in
// core/ui; these models only store, normalise and validate.

import { defineModel, type Mixin, type ModelDefinition } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import type { Values } from '../../../models/model.ts';
import type { RecordValues, SelectionList } from '../../../models/types.ts';
import { loadAction, viewModeOf, type ActionDescriptor, type ActionRef } from '../../../ui/actions.ts';
import { ViewSet } from '../../../ui/combine.ts';
import { loadMenus, type WebMenu } from '../../../ui/menus.ts';
import { validateViews } from '../../../ui/validate.ts';
import { parseXml, serialize } from '../../../ui/xml.ts';

/** Odoo 17's view types; 'tree' is the list view ('list' is accepted and stored as 'tree'). */
export const VIEW_TYPES: SelectionList = [
  ['tree', 'Tree'], ['form', 'Form'], ['graph', 'Graph'], ['pivot', 'Pivot'], ['calendar', 'Calendar'],
  ['kanban', 'Kanban'], ['search', 'Search'], ['qweb', 'QWeb'], ['activity', 'Activity'],
];

const TARGETS: SelectionList = [['current', 'Current Window'], ['new', 'New Window'], ['inline', 'Inline Edit'], ['fullscreen', 'Full Screen'], ['main', 'Main action of Current Window']];
const BINDING_TYPES: SelectionList = [['action', 'Action'], ['report', 'Report']];

/** The type a new view gets: the one given, else its parent's, else its arch's root tag. */
function viewType(vals: Values, parents: Map<number, RecordValues>): string | undefined {
  if (typeof vals.type === 'string') return viewModeOf(vals.type);
  const parent = typeof vals.inherit_id === 'number' ? parents.get(vals.inherit_id) : undefined;
  if (parent) return String(parent.type);
  if (typeof vals.arch === 'string') {
    try {
      return viewModeOf(parseXml(vals.arch).tagName);
    } catch {
      return undefined; // validation reports the bad XML, naming the view
    }
  }
  return undefined;
}

const VIEW_CHECKED = ['arch', 'inherit_id', 'mode', 'model', 'active', 'type'];

export const IrUiView = defineModel({
  name: 'ir.ui.view',
  description: 'View',
  order: 'priority, name, id',
  fields: {
    name: fields.char({ string: 'View Name', required: true }),
    model: fields.char({ index: true }),
    type: fields.selection(VIEW_TYPES, { string: 'View Type' }),
    arch: fields.text({ string: 'View Architecture', help: 'The XML of the view, or of the inheritance specs of an extension' }),
    priority: fields.integer({ string: 'Sequence', default: 16, required: true }),
    // An extension has no meaning without the view it extends: it goes with it.
    inherit_id: fields.many2one('ir.ui.view', { string: 'Inherited View', ondelete: 'cascade', index: true }),
    inherit_children_ids: fields.one2many('ir.ui.view', 'inherit_id', { string: 'Views which inherit from this one' }),
    mode: fields.selection([['primary', 'Base view'], ['extension', 'Extension View']], { string: 'View inheritance mode', required: true, default: 'primary' }),
    active: fields.boolean({ default: true }),
    groups_id: fields.many2many('res.groups', { string: 'Groups', relation: 'ir_ui_view_group_rel', column1: 'view_id', column2: 'group_id' }),
  },
  methods: (Base) => class extends Base {
    /** Fills type, model and mode from the parent and the arch, as Odoo does, then checks the views. */
    override async create(vals: Values | Values[]): Promise<any> {
      const list = (Array.isArray(vals) ? vals : [vals]).map((v) => ({ ...v }));
      const parentIds = [...new Set(list.map((v) => v.inherit_id).filter((id): id is number => typeof id === 'number'))];
      const parents = new Map((parentIds.length ? await this.sudo().with_context({ active_test: false }).read(parentIds, ['type', 'model']) : []).map((p) => [p.id, p]));
      for (const v of list) {
        v.type = viewType(v, parents) ?? v.type;
        const parent = typeof v.inherit_id === 'number' ? parents.get(v.inherit_id) : undefined;
        if (!v.model && parent) v.model = parent.model;
        if (!v.mode) v.mode = v.inherit_id ? 'extension' : 'primary';
      }
      const ids: number[] = await super.create(list);
      await validateViews(this.env, ids);
      return Array.isArray(vals) ? ids : ids[0];
    }

    override async write(ids: number[] | number, vals: Values): Promise<true> {
      const own = typeof vals.type === 'string' ? { ...vals, type: viewModeOf(vals.type) } : vals;
      await super.write(ids, own);
      if (VIEW_CHECKED.some((f) => f in vals)) await validateViews(this.env, Array.isArray(ids) ? ids : [ids]);
      return true;
    }

    /** The arch of a view with every extension applied (all of them: no group filtering). */
    async get_combined_arch(id: number | number[]): Promise<string> {
      const [row] = await this.sudo().read(Array.isArray(id) ? id[0] : id, ['model']);
      const set = await ViewSet.forModel(this.env, String(row.model));
      return serialize(set.combined(row.id, null));
    }
  },
});

/** Shared by window and client actions: the "Action" menu binding and the groups. */
const bindingFields = (relation: string) => ({
  binding_model_id: fields.many2one('ir.model', { string: 'Binding Model', ondelete: 'cascade', help: 'Shows the action in the "Action" menu of this model\'s views' }),
  binding_type: fields.selection(BINDING_TYPES, { default: 'action', required: true }),
  binding_view_types: fields.char({ default: 'list,form' }),
  groups_id: fields.many2many('res.groups', { string: 'Groups', relation, column1: 'act_id', column2: 'gid' }),
  help: fields.html({ string: 'Action Description', translate: true }),
});

const loadActionMixin = (model: string): Mixin => (Base) => class extends Base {
  /** Odoo's `/web/action/load`: the action by id or external id, or false when the id is unknown. */
  async load_action(ref: ActionRef): Promise<ActionDescriptor | false> {
    return loadAction(this.env, ref, model);
  }
};

export const IrActionsActWindow = defineModel({
  name: 'ir.actions.act_window',
  table: 'ir_act_window',
  description: 'Action Window',
  order: 'name, id',
  fields: {
    name: fields.char({ string: 'Action Name', required: true, translate: true }),
    type: fields.char({ string: 'Action Type', default: 'ir.actions.act_window', required: true }),
    res_model: fields.char({ string: 'Destination Model', required: true }),
    view_mode: fields.char({ default: 'tree,form', required: true, help: 'Comma-separated view types, e.g. "kanban,tree,form" ("list" is accepted for "tree")' }),
    view_id: fields.many2one('ir.ui.view', { string: 'View Ref.', ondelete: 'set null' }),
    view_ids: fields.one2many('ir.actions.act_window.view', 'act_window_id', { string: 'No of Views' }),
    search_view_id: fields.many2one('ir.ui.view', { string: 'Search View Ref.', ondelete: 'set null' }),
    domain: fields.char({ string: 'Domain Value', help: 'A domain, Odoo-style ("[(\'x\', \'=\', 1)]") or JSON' }),
    context: fields.char({ string: 'Context Value', default: '{}', required: true }),
    res_id: fields.integer({ string: 'Record ID' }),
    target: fields.selection(TARGETS, { string: 'Target Window', default: 'current' }),
    limit: fields.integer({ default: 80 }),
    ...bindingFields('ir_act_window_group_rel'),
  },
  methods: loadActionMixin('ir.actions.act_window'),
});

export const IrActionsActWindowView = defineModel({
  name: 'ir.actions.act_window.view',
  table: 'ir_act_window_view',
  description: 'Action Window View',
  order: 'sequence, id',
  recName: 'view_mode',
  fields: {
    sequence: fields.integer(),
    view_id: fields.many2one('ir.ui.view', { string: 'View', ondelete: 'cascade' }),
    view_mode: fields.selection(VIEW_TYPES, { string: 'View Type', required: true }),
    act_window_id: fields.many2one('ir.actions.act_window', { string: 'Action', ondelete: 'cascade', index: true }),
  },
  methods: (Base) => class extends Base {
    override async create(vals: Values | Values[]): Promise<any> {
      const fix = (v: Values) => (typeof v.view_mode === 'string' ? { ...v, view_mode: viewModeOf(v.view_mode) } : v);
      return Array.isArray(vals) ? super.create(vals.map(fix)) : super.create(fix(vals));
    }
  },
});

export const IrActionsClient = defineModel({
  name: 'ir.actions.client',
  table: 'ir_act_client',
  description: 'Client Action',
  order: 'name, id',
  fields: {
    name: fields.char({ string: 'Action Name', required: true, translate: true }),
    type: fields.char({ string: 'Action Type', default: 'ir.actions.client', required: true }),
    tag: fields.char({ string: 'Client action tag', required: true, help: 'What the web client shows, e.g. "settings" or "reload"' }),
    target: fields.selection(TARGETS, { string: 'Target Window', default: 'current' }),
    res_model: fields.char({ string: 'Destination Model' }),
    context: fields.char({ string: 'Context Value', default: '{}', required: true }),
    params: fields.json({ string: 'Supplementary arguments' }),
    ...bindingFields('ir_act_client_group_rel'),
  },
  methods: loadActionMixin('ir.actions.client'),
});

/** `'ir.actions.act_window,12'` (Odoo's reference value) into its two stored parts. */
function splitAction(vals: Values): Values {
  if (!('action' in vals)) return vals;
  const { action, ...rest } = vals;
  const [model, id] = typeof action === 'string' && action.includes(',') ? action.split(',') : [false, false];
  return { ...rest, action_model: model || false, action_id: id ? Number(id) : false };
}

export const IrUiMenu = defineModel({
  name: 'ir.ui.menu',
  description: 'Menu',
  order: 'sequence, id',
  fields: {
    name: fields.char({ string: 'Menu', required: true, translate: true }),
    active: fields.boolean({ default: true }),
    sequence: fields.integer({ default: 10 }),
    // Menus below an app go with it (uninstalling removes the children first anyway).
    parent_id: fields.many2one('ir.ui.menu', { string: 'Parent Menu', ondelete: 'cascade', index: true }),
    child_id: fields.one2many('ir.ui.menu', 'parent_id', { string: 'Child IDs' }),
    groups_id: fields.many2many('res.groups', { string: 'Groups', relation: 'ir_ui_menu_group_rel', column1: 'menu_id', column2: 'gid' }),
    action_model: fields.char({ string: 'Action Model', help: 'ir.actions.act_window or ir.actions.client' }),
    action_id: fields.integer({ string: 'Action ID' }),
    action: fields.char({ compute: '_compute_action', depends: ['action_model', 'action_id'], help: "Odoo's reference: 'ir.actions.act_window,12'" }),
    web_icon: fields.char({ string: 'Web Icon File', help: '"module,path/to/icon.png"' }),
  },
  methods: (Base) => class extends Base {
    _compute_action(records: RecordValues[]): Map<number, unknown> {
      return new Map(records.map((r) => [r.id, r.action_model && r.action_id ? `${r.action_model},${r.action_id}` : false]));
    }

    /** Accepts Odoo's `action: 'model,id'` besides `action_model` + `action_id`. */
    override async create(vals: Values | Values[]): Promise<any> {
      return Array.isArray(vals) ? super.create(vals.map(splitAction)) : super.create(splitAction(vals));
    }

    override async write(ids: number[] | number, vals: Values): Promise<true> {
      return super.write(ids, splitAction(vals));
    }

    /** Odoo 17's `/web/webclient/load_menus` for the environment's user. */
    async load_menus(_debug?: boolean): Promise<Record<string, WebMenu>> {
      return loadMenus(this.env);
    }

    async load_web_menus(debug?: boolean): Promise<Record<string, WebMenu>> {
      return this.load_menus(debug);
    }
  },
});

export const uiModels: ModelDefinition[] = [IrUiView, IrActionsActWindow, IrActionsActWindowView, IrActionsClient, IrUiMenu];
