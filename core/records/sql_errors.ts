// PostgreSQL refuses a row (unique, check, foreign key, not null): say which model and why, in the
// words the addon gave its constraint, never as raw SQL text.

import { ErpError, errors } from '../errors.ts';
import type { Model } from '../models/model.ts';

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
  table?: string;
  detail?: string;
  message?: string;
}

export function mapSqlError(model: Model, error: unknown): Error {
  if (error instanceof ErpError || !(error instanceof Error)) return error as Error;
  const pg = error as PgError;
  const registry = model.env.registry;
  const owner = [...registry.models.values()].find((m) => m.table === pg.table) ?? model.meta;
  switch (pg.code) {
    case '23505':
    case '23514': {
      const declared = owner.sqlConstraints.find((c) => `${owner.table}_${c.name}` === pg.constraint);
      if (declared) return errors.sqlConstraint(owner.name, declared.name, declared.message);
      return errors.sqlConstraint(owner.name, pg.constraint ?? '', `The operation violates the constraint "${pg.constraint}" of "${owner.name}": ${pg.detail ?? pg.message}`);
    }
    case '23503':
      return errors.foreignKey(owner.name, pg.detail?.includes('is still referenced')
        ? `The record cannot be deleted because other records refer to it (${pg.detail})`
        : `The record refers to a record that does not exist (${pg.detail ?? pg.message})`);
    case '23502': {
      const field = owner.fields.get(pg.column ?? '');
      return errors.requiredField(owner.name, pg.column ?? '', field?.string ?? pg.column ?? '');
    }
    default:
      return error;
  }
}
