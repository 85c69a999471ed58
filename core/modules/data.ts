// Data files: the records an addon seeds, each with an external id (`module.name`) recorded in the
// ownership ledger (`ir_model_data`). A data file is a TypeScript module whose default export is
// an array of `DataRecord`s (or a function of the loading context returning one), loaded in order.

export interface Ref {
  readonly __ref: string;
}

/** A reference to another record by external id; `ref('base.ir')` or, inside the same addon, `ref('ir')`. */
export const ref = (xmlid: string): Ref => ({ __ref: xmlid });

export const isRef = (value: unknown): value is Ref =>
  typeof value === 'object' && value !== null && typeof (value as Ref).__ref === 'string';

export interface DataRecord {
  /** External id, without the module prefix for the addon's own records (`stage_new`). */
  id: string;
  model: string;
  /** Field values. many2one: `ref(...)`; many2many: an array of `ref(...)`. */
  values: Record<string, unknown>;
  /** Once created, upgrades leave the record as the user edited it. */
  noupdate?: boolean;
}

export type DataFile = DataRecord[] | ((ctx: { demo: boolean }) => DataRecord[] | Promise<DataRecord[]>);

export const defineData = (records: DataFile): DataFile => records;
