// The database schema follows the registry: each model becomes a MikroORM EntitySchema built at
// run time, and MikroORM's SchemaGenerator computes the SQL that brings the database to it.
// Installs only ever add: the diff is asked for in safe mode, without dropping tables it does not
// know (MikroORM drops them by default). Removing what a module owned is the uninstaller's job,
// from the ownership ledger.

import { EntitySchema, MikroORM, type Options } from '@mikro-orm/postgresql';
import type { Registry } from '../models/registry.ts';
import { columnType } from '../records/convert.ts';
import type { Field, ModelMeta } from '../models/types.ts';
import type { PgServer } from './server.ts';
import type { Cursor } from './cursor.ts';
import { quote } from './query.ts';

type Props = Record<string, Record<string, unknown>>;

function scalar(field: Field): Record<string, unknown> {
  const type = columnType(field);
  const prop: Record<string, unknown> = { type: type === 'bool' ? 'boolean' : type === 'int4' ? 'integer' : 'string', columnType: type, nullable: true, fieldName: field.column };
  if (field.type === 'char' && field.size) prop.columnType = `varchar(${field.size})`;
  if (field.index) prop.index = true;
  return prop;
}

function properties(registry: Registry, meta: ModelMeta, relations: Set<string>): Props {
  const props: Props = { id: { type: 'integer', primary: true, autoincrement: true, fieldName: 'id' } };
  for (const field of meta.fields.values()) {
    if (field.name === 'id') continue;
    if (field.type === 'many2one' && field.column && registry.get(field.comodel!).view) {
      // A view has no primary key to refer to: the id is kept without a foreign key.
      props[field.name] = { type: 'integer', columnType: 'int4', nullable: true, fieldName: field.column, index: field.index ?? false };
    } else if (field.type === 'many2one' && field.column) {
      const comodel = registry.get(field.comodel!);
      props[field.name] = {
        kind: 'm:1', entity: comodel.table, fieldName: field.column, nullable: true,
        deleteRule: field.ondelete ?? 'set null', updateRule: 'no action', index: field.index ?? false,
        // The first records of a database (base's data) are created before the user they name.
        ...(field.name === 'create_uid' || field.name === 'write_uid' ? { deferMode: 'deferred' } : {}),
      };
    } else if (field.type === 'many2many' && field.store && !field.compute && !relations.has(field.relation!)) {
      relations.add(field.relation!);
      const comodel = registry.get(field.comodel!);
      props[field.name] = {
        kind: 'm:n', entity: comodel.table, pivotTable: field.relation, owner: true,
        joinColumn: field.column1, inverseJoinColumn: field.column2,
      };
    } else if (field.column) {
      props[field.name] = scalar(field);
    }
  }
  return props;
}

function constraints(meta: ModelMeta) {
  const uniques: Array<{ name: string; properties: string[] }> = [];
  const checks: Array<{ name: string; expression: string }> = [];
  for (const c of meta.sqlConstraints) {
    const unique = /^\s*unique\s*\((.+)\)\s*$/i.exec(c.definition);
    const check = /^\s*check\s*\((.+)\)\s*$/is.exec(c.definition);
    const name = `${meta.table}_${c.name}`;
    if (unique) uniques.push({ name, properties: unique[1].split(',').map((s) => s.trim()) });
    else if (check) checks.push({ name, expression: check[1] });
  }
  return { uniques, checks };
}

/** One EntitySchema per model (many2many relation tables come with their owning side); models
 *  backed by a SQL view have none (see `createViews`), and MikroORM ignores views it finds. */
export function entitySchemas(registry: Registry): EntitySchema[] {
  const relations = new Set<string>();
  return [...registry.models.values()].filter((meta) => !meta.view).map((meta) => new EntitySchema({
    name: meta.table,
    tableName: meta.table,
    properties: properties(registry, meta, relations) as never,
    ...constraints(meta),
  } as never));
}

/** A MikroORM instance for `database` knowing the registry's entities. */
export async function openOrm(server: PgServer, database: string, registry: Registry | null, pool = 10): Promise<MikroORM> {
  const options: Options = {
    clientUrl: server.url(database),
    entities: registry ? entitySchemas(registry) : [],
    discovery: { warnWhenNoEntities: false },
    pool: { min: 0, max: pool },
    debug: false,
    allowGlobalContext: true,
    ensureDatabase: false,
    schemaGenerator: { disableForeignKeys: false, createForeignKeyConstraints: true },
  };
  return MikroORM.init(options);
}

/** SQL that adds what the registry has and the database lacks; never drops anything. */
export async function schemaDiff(server: PgServer, database: string, registry: Registry): Promise<string> {
  const orm = await openOrm(server, database, registry, 1);
  try {
    return await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: true, dropTables: false });
  } finally {
    await orm.close(true);
  }
}

/**
 * (Re)creates the SQL views of the registry's report models, after the tables they read are in
 * place. All are dropped first, then created in load order: a view's columns may change with an
 * upgrade (CREATE OR REPLACE cannot drop or retype one), and a view may read another. The
 * uninstaller drops them (`planRemoval`), from the models the ledger says the modules own.
 */
export async function createViews(cr: Cursor, registry: Registry): Promise<void> {
  const views = [...registry.models.values()].filter((meta) => meta.view);
  for (const meta of [...views].reverse()) await cr.execute(`DROP VIEW IF EXISTS ${quote(meta.table)} CASCADE`);
  for (const meta of views) await cr.execute(`CREATE VIEW ${quote(meta.table)} AS (${meta.view})`);
}
