// Views arrive as Odoo XML archs; the browser's own DOMParser reads them.

export interface FieldInfo {
  type: string;
  string: string;
  relation?: string;
  selection?: Array<[string, string]>;
  required?: boolean;
  readonly?: boolean;
  currency_field?: string;
  /** How the field is aggregated in groups (`sum` when absent): Odoo 17's `group_operator`. */
  group_operator?: string;
}

export type Fields = Record<string, FieldInfo>;

export function parseArch(arch: string): Element {
  const doc = new DOMParser().parseFromString(arch, 'text/xml');
  const error = doc.querySelector('parsererror');
  if (error) throw new Error(`Invalid view: ${error.textContent ?? ''}`);
  return doc.documentElement;
}

/** The `<field name>` children of a node, in order (not inside nested x2many views). */
export function fieldNodes(node: Element): Element[] {
  return [...node.querySelectorAll('field')].filter((f) => !f.parentElement?.closest('field'));
}

/** Odoo's boolean-ish attributes: "1", "True", "true". */
export const isTrue = (value: string | null): boolean => value === '1' || value?.toLowerCase() === 'true';
