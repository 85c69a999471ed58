// read_group: see the implementation notes in the file's history; the full version lands with
// its tests.
import type { Model, Values } from '../models/model.ts';
import type { Domain } from '../models/types.ts';

export interface ReadGroupOptions {
  offset?: number;
  limit?: number | null;
  orderby?: string | null;
  lazy?: boolean;
}

export async function readGroup(model: Model, domain: Domain, fields: string[], groupby: string[], opts: ReadGroupOptions): Promise<Values[]> {
  void model; void domain; void fields; void groupby; void opts;
  throw new Error('read_group arrives in the next commit');
}
