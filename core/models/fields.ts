// Field constructors: what an addon writes to declare a field.
//   name: fields.char({ string: 'Name', required: true })
//   partner_id: fields.many2one('res.partner', { string: 'Customer', ondelete: 'set null' })

import type { FieldDef, SelectionList } from './types.ts';

type Options = Omit<FieldDef, 'type' | 'comodel' | 'selection' | 'inverseName'>;

const scalar = (type: FieldDef['type']) => (opts: Options = {}): FieldDef => ({ ...opts, type });

export const fields = {
  char: scalar('char'),
  text: scalar('text'),
  html: scalar('html'),
  integer: scalar('integer'),
  float: scalar('float'),
  /** A money amount; `currencyField` names the many2one to `res.currency` (default `currency_id`). */
  monetary: (opts: Options = {}): FieldDef => ({ currencyField: 'currency_id', ...opts, type: 'monetary' }),
  boolean: scalar('boolean'),
  date: scalar('date'),
  datetime: scalar('datetime'),
  binary: scalar('binary'),
  json: scalar('json'),
  selection: (selection: SelectionList, opts: Options = {}): FieldDef => ({ ...opts, type: 'selection', selection }),
  many2one: (comodel: string, opts: Options = {}): FieldDef => ({ ondelete: 'set null', ...opts, type: 'many2one', comodel }),
  one2many: (comodel: string, inverseName: string, opts: Options = {}): FieldDef => ({ ...opts, type: 'one2many', comodel, inverseName }),
  /** Relation table and columns default to Odoo's: `<table1>_<table2>_rel` (sorted), `<table>_id`. */
  many2many: (comodel: string, opts: Options = {}): FieldDef => ({ ...opts, type: 'many2many', comodel }),
};
