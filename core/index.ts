// The public API of the core: what addons (and only addons) import.

export { defineAddon, type AddonManifest, type AddonHooks, type Migration } from './modules/manifest.ts';
export { defineModel, extendModel, type Mixin, type ModelDefinition, type ModelExtension } from './models/define.ts';
export { fields } from './models/fields.ts';
export { Model, type SearchOptions, type Values } from './models/model.ts';
export { Env, SUPERUSER_ID } from './models/env.ts';
export { ref, defineData, type DataRecord, type DataFile } from './modules/data.ts';
export { ErpError, errors } from './errors.ts';
export type { ComputeFn, Context, Domain, FieldDef, Field, ModelMeta, RecordValues, SearchFn, SearchLeaf, SelectionList } from './models/types.ts';
export { now, setClock } from './clock.ts';
// Domains written as Odoo's Python text (`[('user_id', '=', uid)]`): parsed, never evaluated.
export { parseRuleDomain, evalRuleDomain, type RuleContext } from './security/rule_domain.ts';
// Translations of the addons' i18n catalogs, for strings an addon writes in code.
export { catalogOf, type Catalog } from './i18n/catalog.ts';
// Reading spreadsheets and CSV files (XLSX with exceljs, CSV with csv-parse), as the importer does.
export { readFile, cellText, type FileRow } from './records/import/file.ts';
export { writeWithDependents } from './records/compute.ts';
export type { ResConfigSettings } from './addons/base/models/settings.ts';
// For an addon's HTTP routes (files in its routes/ folder, loaded by the server).
export { userRoute, type UserHandler } from './http/user_route.ts';
export { jsonRoute, type JsonSchema } from './http/jsonrpc.ts';
export type { RouteOptions } from './http/context.ts';
