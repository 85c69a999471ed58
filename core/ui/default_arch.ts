// The arch Odoo generates when a model has no view of a type (`_get_default_<type>_view`): every
// field in a form, the record name in a list, a kanban card or a search view, and so on.

import type { ModelMeta } from '../models/types.ts';
import { errors } from '../errors.ts';

const AUTOMATIC = new Set(['id', 'create_uid', 'create_date', 'write_uid', 'write_date', 'display_name']);
const FULL_WIDTH = new Set(['one2many', 'many2many', 'text', 'html']);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const field = (name: string) => `<field name="${esc(name)}"/>`;

/** Odoo's `_rec_name_fallback`: the record name field, else `id`. */
function recName(meta: ModelMeta): string {
  return meta.recName && meta.fields.has(meta.recName) ? meta.recName : 'id';
}

/** Fields two columns wide, and x2many/text fields on a line of their own, as Odoo lays them. */
function defaultForm(meta: ModelMeta): string {
  const blocks: string[] = [];
  let left: string[] = [];
  let right: string[] = [];
  const flushColumns = () => {
    if (left.length || right.length) {
      blocks.push(`<group>${left.length ? `<group>${left.join('')}</group>` : ''}${right.length ? `<group>${right.join('')}</group>` : ''}</group>`);
    }
    left = [];
    right = [];
  };
  for (const f of meta.fields.values()) {
    if (AUTOMATIC.has(f.name)) continue;
    if (FULL_WIDTH.has(f.type)) {
      flushColumns();
      blocks.push(`<group>${field(f.name)}</group>`);
    } else if (left.length > right.length) right.push(field(f.name));
    else left.push(field(f.name));
  }
  flushColumns();
  return `<form><sheet string="${esc(meta.description)}">${blocks.join('')}</sheet></form>`;
}

function defaultCalendar(meta: ModelMeta): string {
  const start = ['date_start', 'date', 'date_from', 'start', 'x_date'].find((n) => meta.fields.has(n))
    ?? [...meta.fields.values()].find((f) => (f.type === 'date' || f.type === 'datetime') && !AUTOMATIC.has(f.name))?.name;
  if (!start) throw errors.invalidView(`${meta.name} default calendar`, `insufficient fields to generate a calendar view for ${meta.name}: it needs a date or datetime field`);
  return `<calendar string="${esc(meta.description)}" date_start="${esc(start)}">${field(recName(meta))}</calendar>`;
}

/** The generated arch of a view type for a model (type 'tree' for lists, as Odoo 17 says). */
export function defaultArch(meta: ModelMeta, type: string): string {
  const name = field(recName(meta));
  switch (type) {
    case 'form': return defaultForm(meta);
    case 'tree': return `<tree>${name}</tree>`;
    case 'search': return `<search>${name}</search>`;
    case 'kanban': return `<kanban><templates><t t-name="kanban-box"><div class="oe_kanban_global_click">${name}</div></t></templates></kanban>`;
    case 'pivot': return `<pivot string="${esc(meta.description)}"/>`;
    case 'graph': return `<graph string="${esc(meta.description)}"/>`;
    case 'calendar': return defaultCalendar(meta);
    case 'activity': return `<activity string="${esc(meta.description)}"><templates><div t-name="activity-box"><field name="display_name"/></div></templates></activity>`;
    default: throw errors.invalidView(`${meta.name} default ${type}`, `no default view of type "${type}" can be generated`);
  }
}
