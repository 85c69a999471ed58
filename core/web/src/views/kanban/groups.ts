// What the kanban asks the server about its columns when they are records of a comodel (stages):
// create one from its name (`name_create`, with the action's `default_*`), rename it, delete it,
// and number records in a new order (`/web/dataset/resequence`, for cards and for columns).

import { callKw, rpc } from '../../rpc.ts';
import type { Domain } from '../registry.ts';
import type { Column } from './data.ts';

/** Integer fields by model, asked once per page: is there a `sequence` to write? */
const integerFields = new Map<string, Promise<Set<string>>>();

export function hasIntegerField(model: string, field: string, context: Record<string, unknown>): Promise<boolean> {
  let known = integerFields.get(model);
  if (!known) {
    known = callKw<Record<string, { type: string }>>(model, 'fields_get', [], { attributes: ['type'], context })
      .then((all) => new Set(Object.entries(all).filter(([, f]) => f.type === 'integer').map(([name]) => name)))
      .catch(() => new Set<string>());
    integerFields.set(model, known);
  }
  return known.then((names) => names.has(field));
}

/** Numbers `ids` in this order, from `offset` up; false when the model has no such field. */
export function resequence(model: string, ids: number[], offset: number, context: Record<string, unknown>, field = 'sequence'): Promise<boolean> {
  return rpc<boolean>('/web/dataset/resequence', { model, ids, field, offset, context });
}

/** The comodel record behind a column, if the column is one (a many2one group other than "None"). */
export function groupId(column: Column): number | undefined {
  return Array.isArray(column.readValue) ? Number(column.readValue[0]) : undefined;
}

/** Creates the comodel record and returns its (empty) column. */
export async function createGroup(relation: string, name: string, field: string, domain: Domain, writable: boolean, context: Record<string, unknown>): Promise<Column> {
  const [id, label] = await callKw<[number, string]>(relation, 'name_create', [name], { context });
  return {
    key: String(id), value: writable ? id : undefined, readValue: [id, label], label, count: 0, sum: 0,
    domain: [...domain, [field, '=', id]], records: [], loaded: true, progress: new Map(),
  };
}

/** Writes the comodel record's name; returns the name it now displays. */
export async function renameGroup(relation: string, id: number, name: string, context: Record<string, unknown>): Promise<string> {
  await callKw(relation, 'write', [[id], { name }], { context });
  const [row] = await callKw<Array<{ display_name: string }>>(relation, 'read', [[id], ['display_name']], { context });
  return row?.display_name ?? name;
}

export function deleteGroup(relation: string, id: number, context: Record<string, unknown>): Promise<unknown> {
  return callKw(relation, 'unlink', [[id]], { context });
}
