// The menus every database starts with: the "Settings" app (administrators only), which opens the
// settings page, and "Apps" below it, the list of modules to install.

import { ref, type DataRecord } from '../../../modules/data.ts';

// Internal users read the interface's records, as in Odoo (administrators have full rights
// through base's security data).
const readers: DataRecord[] = ['ir.ui.view', 'ir.ui.menu', 'ir.actions.act_window', 'ir.actions.act_window.view', 'ir.actions.client'].map((model) => ({
  id: `access_${model.replace(/\./g, '_')}_group_user`,
  model: 'ir.model.access',
  values: { name: `${model} user`, model_id: ref(`model_${model.replace(/\./g, '_')}`), group_id: ref('group_user'), perm_read: true },
}));

const records: DataRecord[] = [
  ...readers,
  { id: 'action_settings', model: 'ir.actions.client', values: { name: 'Settings', tag: 'settings', target: 'main' } },
  { id: 'action_apps', model: 'ir.actions.client', values: { name: 'Apps', tag: 'apps', target: 'main' } },
  { id: 'open_module_tree', model: 'ir.actions.act_window', values: {
    name: 'Apps', res_model: 'ir.module.module', view_mode: 'kanban,tree,form',
    help: '<p>No module found!</p><p>You should try other search criteria.</p>',
  } },
  { id: 'menu_administration', model: 'ir.ui.menu', values: {
    name: 'Settings', sequence: 550, web_icon: 'base,static/description/settings.png', groups_id: [ref('group_system')],
    action_model: 'ir.actions.client', action_id: ref('action_settings'),
  } },
  { id: 'menu_apps', model: 'ir.ui.menu', values: {
    name: 'Apps', sequence: 5, parent_id: ref('menu_administration'), groups_id: [ref('group_system')],
    action_model: 'ir.actions.client', action_id: ref('action_apps'),
  } },
];

export default records;
