// The field widgets by field type and `widget` attribute, and how the form (and the one2many
// table) puts one on screen.

import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { FieldInfo, Fields } from '../arch.ts';
import './char.ts';
import './text.ts';
import './html.ts';
import './number.ts';
import './boolean.ts';
import './date.ts';
import './selection.ts';
import './priority.ts';
import './many2one.ts';
import './many2many_tags.ts';
import './statusbar.ts';
import './one2many.ts';
import './binary.ts';
import './domain.ts';

const BY_WIDGET: Record<string, string> = {
  priority: 'erp-field-priority', statusbar: 'erp-field-statusbar', many2many_tags: 'erp-field-many2many-tags',
  html: 'erp-field-html', text: 'erp-field-text', boolean: 'erp-field-boolean', selection: 'erp-field-selection',
  domain: 'erp-field-domain',
};

const BY_TYPE: Record<string, string> = {
  char: 'erp-field-char', text: 'erp-field-text', html: 'erp-field-html', integer: 'erp-field-number', float: 'erp-field-number',
  monetary: 'erp-field-number', boolean: 'erp-field-boolean', date: 'erp-field-date', datetime: 'erp-field-date',
  selection: 'erp-field-selection', many2one: 'erp-field-many2one', many2many: 'erp-field-many2many-tags', one2many: 'erp-field-one2many',
  binary: 'erp-field-binary',
};

export function widgetTag(field: FieldInfo | undefined, widget: string | null): string {
  return (widget && BY_WIDGET[widget]) || BY_TYPE[field?.type ?? ''] || 'erp-field-char';
}

export interface WidgetOptions {
  name: string;
  value: unknown;
  field: FieldInfo | undefined;
  node?: Element;
  readonly: boolean;
  required: boolean;
  invalid: boolean;
  record: Record<string, unknown>;
  models: Record<string, Fields>;
  context: Record<string, unknown>;
  label: string;
  widget?: string | null;
}

export function renderWidget(o: WidgetOptions) {
  const tag = unsafeStatic(widgetTag(o.field, o.widget ?? o.node?.getAttribute('widget') ?? null));
  return staticHtml`<${tag} class="o_field" data-name=${o.name} .name=${o.name} .value=${o.value} .field=${o.field ?? { type: 'char', string: o.name }}
    .node=${o.node} .readonly=${o.readonly} .required=${o.required} .invalid=${o.invalid} .record=${o.record}
    .models=${o.models} .context=${o.context} .label=${o.label} .placeholder=${o.node?.getAttribute('placeholder') ?? ''}></${tag}>`;
}
