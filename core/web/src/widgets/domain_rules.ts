// The domain editor's model: a domain as readable rules ("Probability is greater than 10"), back
// to a domain, and a domain written as Odoo's Python text (`[('probability', '>', 10)]`). Only
// flat domains, all their rules joined by one AND or one OR, become rules; anything else
// (nested '|' in '&', '!') is left to the code editor.

import type { FieldInfo } from '../arch.ts';
import { addTranslations, t } from '../i18n.ts';

/** Pseudo-operators of the editor: "is set" is `!= False`, "is not set" is `= False`. */
export type RuleOperator = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'ilike' | 'not ilike' | 'in' | 'not in' | 'set' | 'not_set';

export interface Rule {
  path: string;
  operator: RuleOperator;
  value: unknown;
}

export interface RuleTree {
  connector: '&' | '|';
  rules: Rule[];
}

addTranslations('fa', {
  'is equal to': 'برابر است با', 'is not equal to': 'برابر نیست با', 'is greater than': 'بزرگ‌تر است از',
  'is greater than or equal to': 'بزرگ‌تر یا برابر است با', 'is lower than': 'کوچک‌تر است از', 'is lower than or equal to': 'کوچک‌تر یا برابر است با',
  'contains': 'شامل', 'does not contain': 'شامل نیست', 'is in': 'یکی از', 'is not in': 'هیچ‌یک از', 'is set': 'تنظیم شده است',
  'is not set': 'تنظیم نشده است', 'and': 'و', 'or': 'یا',
});

const LABELS: Record<RuleOperator, string> = {
  '=': 'is equal to', '!=': 'is not equal to', '>': 'is greater than', '>=': 'is greater than or equal to', '<': 'is lower than',
  '<=': 'is lower than or equal to', 'ilike': 'contains', 'not ilike': 'does not contain', 'in': 'is in', 'not in': 'is not in',
  'set': 'is set', 'not_set': 'is not set',
};

export const operatorLabel = (operator: RuleOperator): string => t(LABELS[operator]);

const TEXT: RuleOperator[] = ['ilike', 'not ilike', '=', '!=', 'in', 'not in', 'set', 'not_set'];
const ORDERED: RuleOperator[] = ['=', '!=', '>', '>=', '<', '<=', 'set', 'not_set'];

/** The operators the editor offers for a field type. */
export function operatorsFor(type: string | undefined): RuleOperator[] {
  switch (type) {
    case 'integer': case 'float': case 'monetary': case 'date': case 'datetime': return ORDERED;
    case 'boolean': return ['set', 'not_set'];
    case 'selection': return ['=', '!=', 'in', 'not in', 'set', 'not_set'];
    case 'many2many': case 'one2many': return ['ilike', 'not ilike', 'in', 'not in', 'set', 'not_set'];
    default: return TEXT;
  }
}

/** A new rule's operator and value for a field. */
export function defaultRule(path: string, field: FieldInfo | undefined): Rule {
  const operator = operatorsFor(field?.type)[0];
  const value = field?.type === 'selection' ? field.selection?.[0]?.[0] ?? false
    : ['integer', 'float', 'monetary'].includes(field?.type ?? '') ? 0 : field?.type === 'boolean' ? true : '';
  return { path, operator, value: operator === 'set' || operator === 'not_set' ? false : value };
}

const isLeaf = (term: unknown): term is [string, string, unknown] =>
  Array.isArray(term) && term.length === 3 && typeof term[0] === 'string' && typeof term[1] === 'string';

function toRule([path, op, value]: [string, string, unknown], field: FieldInfo | undefined): Rule | null {
  if (field?.type === 'boolean' && op === '=' && typeof value === 'boolean') return { path, operator: value ? 'set' : 'not_set', value: false };
  if (field?.type === 'boolean' && op === '!=' && typeof value === 'boolean') return { path, operator: value ? 'not_set' : 'set', value: false };
  if (value === false && (op === '=' || op === '!=')) return { path, operator: op === '=' ? 'not_set' : 'set', value: false };
  if (!(op in LABELS) || op === 'set' || op === 'not_set') return null;
  return { path, operator: op as RuleOperator, value };
}

/** The rules of a domain, or null when it is not a flat AND or OR of leaves. */
export function domainToRules(domain: unknown[], fields: Record<string, FieldInfo>): RuleTree | null {
  const operators = domain.filter((term) => typeof term === 'string');
  const leaves = domain.filter((term) => !(typeof term === 'string'));
  if (!leaves.every(isLeaf)) return null;
  let connector: '&' | '|' = '&';
  if (operators.length) {
    // Odoo's OR of n rules: n-1 '|' first, then the rules.
    const op = operators[0];
    if ((op !== '|' && op !== '&') || operators.some((o) => o !== op) || operators.length !== leaves.length - 1
      || domain.slice(0, operators.length).some((term) => term !== op)) return null;
    connector = op;
  }
  const rules = (leaves as Array<[string, string, unknown]>).map((leaf) => toRule(leaf, fields[leaf[0]]));
  return rules.every(Boolean) ? { connector, rules: rules as Rule[] } : null;
}

/** The domain of the rules (prefix notation). */
export function rulesToDomain(tree: RuleTree, fields: Record<string, FieldInfo>): unknown[] {
  const leaves = tree.rules.map(({ path, operator, value }) => {
    if (operator === 'set' || operator === 'not_set') {
      const isBool = fields[path]?.type === 'boolean';
      return isBool ? [path, '=', operator === 'set'] : [path, operator === 'set' ? '!=' : '=', false];
    }
    return [path, operator, value];
  });
  if (tree.connector === '|' && leaves.length > 1) return [...Array<string>(leaves.length - 1).fill('|'), ...leaves];
  return leaves;
}

/** A value written as Python (single-quoted strings, True/False/None, lists). */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (Array.isArray(value)) {
    const isLeafTuple = value.length === 3 && typeof value[0] === 'string' && typeof value[1] === 'string';
    const items = value.map(pyRepr).join(', ');
    return isLeafTuple ? `(${items})` : `[${items}]`;
  }
  return `'${String(value)}'`;
}

/** The domain as Odoo stores it in a char field: `[('probability', '>=', 10)]`. */
export const domainToText = (domain: unknown[]): string => `[${domain.map(pyRepr).join(', ')}]`;

/** A value as the editor's summary shows it. */
export function valueLabel(value: unknown, field: FieldInfo | undefined): string {
  if (Array.isArray(value)) return value.map((v) => valueLabel(v, field)).join(', ');
  if (field?.type === 'selection') return field.selection?.find(([key]) => key === value)?.[1] ?? String(value);
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}

/** "Probability is greater than 10": one line per rule. */
export function ruleLabel(rule: Rule, fields: Record<string, FieldInfo>): string {
  const field = fields[rule.path];
  const name = field?.string ?? rule.path;
  if (rule.operator === 'set' || rule.operator === 'not_set') return `${name} ${operatorLabel(rule.operator)}`;
  return `${name} ${operatorLabel(rule.operator)} ${valueLabel(rule.value, field)}`;
}

/** The text of an `in` rule's value typed by the user ("1, 2") as a list of the field's type. */
export function parseList(text: string, type: string | undefined): unknown[] {
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  return ['integer', 'float', 'monetary', 'many2one', 'many2many', 'one2many'].includes(type ?? '')
    ? items.map(Number).filter((n) => Number.isFinite(n)) : items;
}
