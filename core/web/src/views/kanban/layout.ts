// What the kanban view needs from its arch. We do not run QWeb: the `<field>` nodes of the
// `kanban-box` template are enough to lay out a generic card (title, amounts, relations, tags,
// priority, the user's avatar), which is what CRM-like cards show.

import { fieldNodes, isTrue, parseArch, type FieldInfo, type Fields } from '../../arch.ts';

export type CardPart = 'title' | 'line' | 'amount' | 'tags' | 'priority' | 'avatar' | 'date' | 'activity';

/** `label`: the node's `string`, shown before the value (a dashboard's figures need it). */
export interface CardField { name: string; part: CardPart; field: FieldInfo; widget: string; label: string }

export interface KanbanLayout {
  /** `default_group_by`, if any. */
  defaultGroupBy: string;
  /** The column aggregate: the progressbar's `sum_field`, else a monetary/float field of the card. */
  sumField: string;
  /** Fields to read for each card (the arch's fields, shown or not). */
  read: string[];
  card: CardField[];
  /** The progressbar's field (counts per value, coloured by `colors`), if the model has it. */
  progressField: string;
  progressColors: Record<string, string>;
  /** The integer field colouring the card's edge (Odoo's `color` / `highlight_color`). */
  colorField: string;
  quickCreate: boolean;
  /** The field the quick create asks for (the record's name). */
  nameField: string;
  /** Whether cards open the form view (Odoo: `can_open`). */
  canOpen: boolean;
  /** Odoo 17's `<kanban action="..." type="object|action">`: a click on a card runs this
   *  rather than opening the form (a team's card opens its pipeline). */
  openAction: { name: string; type: 'object' | 'action' } | null;
  records_draggable: boolean;
  /** Odoo's `group_create`, `group_edit`, `group_delete`, `groups_draggable` (all on by default;
   *  they apply to many2one groupings only). */
  groupCreate: boolean;
  groupEdit: boolean;
  groupDelete: boolean;
  groupsDraggable: boolean;
}

const USER_MODELS = new Set(['res.users', 'res.partner', 'hr.employee']);

function partOf(name: string, field: FieldInfo, widget: string): CardPart | null {
  if (widget === 'kanban_activity') return 'activity';
  if (widget === 'priority' || (field.type === 'selection' && name === 'priority')) return 'priority';
  if (field.type === 'many2many' || widget === 'many2many_tags') return 'tags';
  if (field.type === 'many2one' && (widget.includes('avatar') || (name === 'user_id' && USER_MODELS.has(field.relation ?? '')))) return 'avatar';
  if (['monetary', 'float', 'integer'].includes(field.type)) return 'amount';
  if (field.type === 'date' || field.type === 'datetime') return 'date';
  if (['many2one', 'char', 'selection', 'text'].includes(field.type)) return 'line';
  return null;
}

export function kanbanLayout(arch: string, fields: Fields): KanbanLayout {
  const root = parseArch(arch);
  const template = root.querySelector('templates t[t-name="kanban-box"], templates t[t-name="card"]') ?? root.querySelector('templates');
  const all = fieldNodes(root).map((node) => node.getAttribute('name')!).filter((name) => fields[name]);
  const card: CardField[] = [];
  const seen = new Set<string>();
  let colorField = root.getAttribute('highlight_color') ?? '';
  for (const node of template ? fieldNodes(template) : []) {
    const name = node.getAttribute('name')!;
    const field = fields[name];
    if (!field || seen.has(name) || isTrue(node.getAttribute('invisible'))) continue;
    seen.add(name);
    const widget = node.getAttribute('widget') ?? '';
    if (name === 'color' && field.type === 'integer') { colorField ||= name; continue; }
    const part = partOf(name, field, widget);
    if (part) card.push({ name, part, field, widget, label: node.getAttribute('string') ?? '' });
  }
  // The first char field is the card's title (Odoo cards start with `<strong><field name="name"/>`).
  const title = card.find((c) => c.field.type === 'char') ?? card.find((c) => c.part === 'line');
  if (title) title.part = 'title';
  if (!colorField && fields.color?.type === 'integer' && all.includes('color')) colorField = 'color';
  const progress = root.querySelector('progressbar');
  const sumField = (progress?.getAttribute('sum_field') && fields[progress.getAttribute('sum_field')!] ? progress.getAttribute('sum_field')! : '')
    || card.find((c) => c.field.type === 'monetary')?.name
    || (fields.expected_revenue ? 'expected_revenue' : '')
    || card.find((c) => c.field.type === 'float')?.name || '';
  const nameField = fields.name?.type === 'char' ? 'name' : (title?.name ?? '');
  // The activity clock is coloured by the record's `activity_state` (mail's activity mixin).
  const activity = card.some((c) => c.part === 'activity') ? ['activity_state'] : [];
  const read = [...new Set([...all, ...card.map((c) => c.name), ...(sumField ? [sumField] : []), ...(colorField ? [colorField] : []), ...activity])];
  for (const c of card) {
    const currency = c.field.currency_field ?? (c.field.type === 'monetary' ? 'currency_id' : '');
    if (currency && fields[currency] && !read.includes(currency)) read.push(currency);
  }
  let progressColors: Record<string, string> = {};
  try { progressColors = JSON.parse(progress?.getAttribute('colors') ?? '{}') as Record<string, string>; } catch { /* Odoo accepts only JSON here too */ }
  const progressField = progress?.getAttribute('field') ?? '';
  const flag = (attr: string, fallback: boolean) => (root.hasAttribute(attr) ? isTrue(root.getAttribute(attr)) : fallback);
  return {
    defaultGroupBy: root.getAttribute('default_group_by') ?? '',
    sumField,
    progressField: fields[progressField] ? progressField : '',
    progressColors,
    read,
    card,
    colorField,
    quickCreate: flag('quick_create', true) && flag('create', true) && Boolean(nameField),
    nameField,
    canOpen: flag('can_open', true),
    openAction: root.getAttribute('action') && ['object', 'action'].includes(root.getAttribute('type') ?? '')
      ? { name: root.getAttribute('action')!, type: root.getAttribute('type') as 'object' | 'action' } : null,
    records_draggable: flag('records_draggable', true),
    groupCreate: flag('group_create', true),
    groupEdit: flag('group_edit', true),
    groupDelete: flag('group_delete', true),
    groupsDraggable: flag('groups_draggable', true),
  };
}
