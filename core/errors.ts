// One catalogue of the errors the framework raises. Each error has a stable code, the name of the
// Odoo exception it maps to over the API, and a message that names the addon, model or field at
// fault. Raise them through `raise(...)`-style constructors so messages stay consistent.

export type OdooExceptionName =
  | 'odoo.exceptions.UserError'
  | 'odoo.exceptions.ValidationError'
  | 'odoo.exceptions.AccessError'
  | 'odoo.exceptions.MissingError'
  | 'odoo.exceptions.AccessDenied';

export class ErpError extends Error {
  readonly code: string;
  readonly odooName: OdooExceptionName;
  /** Structured details (model, field, addon...) for API clients and tests. */
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, odooName: OdooExceptionName = 'odoo.exceptions.UserError', details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ErpError';
    this.code = code;
    this.odooName = odooName;
    this.details = details;
  }
}

const user = 'odoo.exceptions.UserError';
const validation = 'odoo.exceptions.ValidationError';

export const errors = {
  /** A business rule of an addon refused the action (Odoo's `UserError`): the message says why. */
  userError: (message: string, details: Record<string, unknown> = {}) =>
    new ErpError('ERP_USER_ERROR', message, user, details),
  unknownModel: (model: string) =>
    new ErpError('ERP_UNKNOWN_MODEL', `Unknown model "${model}"`, user, { model }),
  unknownField: (model: string, field: string) =>
    new ErpError('ERP_UNKNOWN_FIELD', `Invalid field "${field}" on model "${model}"`, validation, { model, field }),
  invalidDomain: (message: string, details: Record<string, unknown> = {}) =>
    new ErpError('ERP_INVALID_DOMAIN', `Invalid domain: ${message}`, validation, details),
  invalidOrder: (model: string, order: string, reason: string) =>
    new ErpError('ERP_INVALID_ORDER', `Invalid order "${order}" on model "${model}": ${reason}`, validation, { model, order }),
  invalidValue: (model: string, field: string, reason: string) =>
    new ErpError('ERP_INVALID_VALUE', `Invalid value for field "${field}" on model "${model}": ${reason}`, validation, { model, field }),
  requiredField: (model: string, field: string, label: string) =>
    new ErpError('ERP_REQUIRED_FIELD', `The field "${label}" (${field}) is required on model "${model}"`, validation, { model, field }),
  readonlyField: (model: string, field: string) =>
    new ErpError('ERP_READONLY_FIELD', `The field "${field}" on model "${model}" is read-only`, validation, { model, field }),
  readonlyModel: (model: string, operation: string) =>
    new ErpError('ERP_READONLY_MODEL', `The records of "${model}" are read-only (a report computed by a SQL view): ${operation} is not possible`, user, { model, operation }),
  constraint: (model: string, message: string, fields: string[] = []) =>
    new ErpError('ERP_CONSTRAINT', message, validation, { model, fields }),
  sqlConstraint: (model: string, name: string, message: string) =>
    new ErpError('ERP_SQL_CONSTRAINT', message, validation, { model, constraint: name }),
  foreignKey: (model: string, message: string) =>
    new ErpError('ERP_FOREIGN_KEY', message, validation, { model }),
  missing: (model: string, ids: number[]) =>
    new ErpError('ERP_MISSING_RECORD', `Record does not exist or has been deleted: ${model}(${ids.join(', ')})`, 'odoo.exceptions.MissingError', { model, ids }),
  unknownMethod: (model: string, method: string) =>
    new ErpError('ERP_UNKNOWN_METHOD', `The method "${method}" does not exist on model "${model}"`, user, { model, method }),
  privateMethod: (model: string, method: string) =>
    new ErpError('ERP_PRIVATE_METHOD', `Private methods (such as ${model}.${method}) cannot be called remotely`, 'odoo.exceptions.AccessError', { model, method }),
  accessDenied: (model: string, operation: string, reason = '') =>
    new ErpError('ERP_ACCESS', `You are not allowed to ${operation} "${model}" records${reason ? `: ${reason}` : ''}`, 'odoo.exceptions.AccessError', { model, operation }),

  // Addons and module lifecycle
  badManifest: (addon: string, key: string, reason: string) =>
    new ErpError('ERP_BAD_MANIFEST', `Addon "${addon}": manifest key "${key}" ${reason}`, user, { addon, key }),
  unknownAddon: (addon: string, neededBy?: string) =>
    new ErpError('ERP_UNKNOWN_ADDON', neededBy ? `Addon "${neededBy}" depends on "${addon}", which cannot be found` : `Unknown addon "${addon}"`, user, { addon, neededBy }),
  dependencyCycle: (cycle: string[]) =>
    new ErpError('ERP_DEPENDENCY_CYCLE', `Addons depend on each other in a cycle: ${cycle.join(' -> ')}`, user, { cycle }),
  hasDependents: (addon: string, dependents: string[]) =>
    new ErpError('ERP_HAS_DEPENDENTS', `Cannot uninstall "${addon}": installed modules depend on it (${dependents.join(', ')}); uninstall them first or ask for a cascade`, user, { addon, dependents }),
  notInstalled: (addon: string) =>
    new ErpError('ERP_NOT_INSTALLED', `Module "${addon}" is not installed`, user, { addon }),
  moduleFailed: (addon: string, step: string, cause: unknown) =>
    new ErpError('ERP_MODULE_FAILED', `Module "${addon}" failed during ${step}: ${cause instanceof Error ? cause.message : String(cause)}`, user, { addon, step }),
  badData: (addon: string, file: string, xmlid: string, reason: string) =>
    new ErpError('ERP_BAD_DATA', `Addon "${addon}", data file ${file}, record "${xmlid}": ${reason}`, user, { addon, file, xmlid }),
  badTranslations: (addon: string, file: string, reason: string) =>
    new ErpError('ERP_BAD_TRANSLATIONS', `Addon "${addon}", translation file ${file}: ${reason}`, user, { addon, file }),
  unknownXmlid: (xmlid: string) =>
    new ErpError('ERP_UNKNOWN_XMLID', `External id "${xmlid}" not found`, 'odoo.exceptions.MissingError', { xmlid }),
  badModelDefinition: (model: string, reason: string) =>
    new ErpError('ERP_BAD_MODEL', `Model "${model}": ${reason}`, user, { model }),

  // Databases
  unknownDatabase: (db: string) =>
    new ErpError('ERP_UNKNOWN_DATABASE', `Database "${db}" does not exist`, user, { db }),
  databaseExists: (db: string) =>
    new ErpError('ERP_DATABASE_EXISTS', `Database "${db}" already exists`, user, { db }),
  badDatabaseName: (db: string) =>
    new ErpError('ERP_BAD_DATABASE_NAME', `Invalid database name "${db}": use letters, digits, "_" and "-" (at most 63 characters, starting with a letter)`, user, { db }),

  // read_group
  invalidGroupSpec: (model: string, spec: string, reason: string) =>
    new ErpError('ERP_INVALID_GROUP_SPEC', `Invalid read_group specification "${spec}" on model "${model}": ${reason}`, validation, { model, spec }),

  // Scheduled actions (ir.cron)
  unknownCron: (name: string) =>
    new ErpError('ERP_UNKNOWN_CRON', `No scheduled action is named "${name}" (see "erp cron list")`, user, { name }),
  ambiguousCron: (name: string, ids: number[]) =>
    new ErpError('ERP_AMBIGUOUS_CRON', `Several scheduled actions are named "${name}" (ids ${ids.join(', ')}); use its external id`, user, { name, ids }),
  cronBadTarget: (name: string, model: string, method: string, reason: string) =>
    new ErpError('ERP_CRON_TARGET', `Scheduled action "${name}" calls ${model}.${method}(), but ${reason}`, user, { name, model, method }),
  cronBusy: (name: string) =>
    new ErpError('ERP_CRON_BUSY', `Scheduled action "${name}" is running right now and cannot be run or modified; try again in a few minutes`, user, { name }),
  cronFailed: (name: string, cause: unknown) =>
    new ErpError('ERP_CRON_FAILED', `Scheduled action "${name}" failed: ${cause instanceof Error ? cause.message : String(cause)}`, user, { name }),

  // Settings (res.config.settings)
  uninstallNotConfirmed: (modules: string[], removes: string) =>
    new ErpError('ERP_CONFIRM_UNINSTALL', `Saving these settings uninstalls ${modules.map((m) => `"${m}"`).join(', ')}, which removes ${removes}. Confirm to proceed (context confirm_uninstall: true).`, user, { modules }),

  // Security: authentication, access rights, record rules, field groups
  wrongLogin: () =>
    new ErpError('ERP_ACCESS_DENIED', 'Wrong login/password', 'odoo.exceptions.AccessDenied'),
  tooManyLogins: (seconds: number) =>
    new ErpError('ERP_TOO_MANY_LOGINS', `Too many failed login attempts; try again in ${seconds} seconds`, 'odoo.exceptions.AccessDenied', { seconds }),
  unknownLogin: (login: string, db?: string) =>
    new ErpError('ERP_UNKNOWN_LOGIN', `No user with login "${login}"${db ? ` in database "${db}"` : ''}`, user, { login, db }),
  emptyPassword: (login: string) =>
    new ErpError('ERP_EMPTY_PASSWORD', `The password of "${login}" cannot be empty`, user, { login }),
  invalidRule: (rule: string, reason: string) =>
    new ErpError('ERP_INVALID_RULE', `Record rule "${rule}" has an invalid domain: ${reason}`, validation, { rule }),
  fieldAccess: (model: string, field: string, operation: string) =>
    new ErpError('ERP_FIELD_ACCESS', `You are not allowed to ${operation} the field "${field}" of "${model}" records (it is restricted to some groups)`, 'odoo.exceptions.AccessError', { model, field, operation }),

  // Activities, chatter and meetings (mail)
  activityPlanModel: (plan: string, model: string, expected: string) =>
    new ErpError('ERP_ACTIVITY_PLAN_MODEL', `The activity plan "${plan}" is meant for "${expected}" records, not "${model}"`, user, { plan, model, expected }),
  activityPlanResponsible: (plan: string, step: string) =>
    new ErpError('ERP_ACTIVITY_PLAN_RESPONSIBLE', `The activity plan "${plan}" has a step "${step}" whose responsible is chosen on demand: give on_demand_user_id`, user, { plan, step }),
  activityNoModel: (model: string) =>
    new ErpError('ERP_ACTIVITY_MODEL', `Activities and messages need a model that exists: "${model}" does not`, user, { model }),

  // Views, actions and menus (ir.ui.view, ir.actions.*, ir.ui.menu)
  invalidView: (view: string, reason: string) =>
    new ErpError('ERP_INVALID_VIEW', `View "${view}": ${reason}`, validation, { view }),
  unknownAction: (action: string) =>
    new ErpError('ERP_UNKNOWN_ACTION', `The action "${action}" does not exist`, 'odoo.exceptions.MissingError', { action }),
} as const;
