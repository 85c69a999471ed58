// An addon is a folder whose `manifest.ts` default-exports `defineAddon({...})`. The manifest is
// checked (ajv) before any of the addon's code runs: a bad one is refused with an error naming the
// addon and the key.

import { Ajv } from 'ajv';
import type { ModelDefinition, ModelExtension } from '../models/define.ts';
import type { Env } from '../models/env.ts';
import { errors } from '../errors.ts';

export interface AddonHooks {
  /** After the addon's schema and data are in place, in the install transaction. */
  postInstall?: (env: Env) => Promise<void> | void;
  /** Before the addon's records, columns and tables are removed, in the uninstall transaction. */
  uninstall?: (env: Env) => Promise<void> | void;
}

/** `migrations['1.1.0'] = fn` runs when upgrading from a version below 1.1.0 to one at or above it. */
export type Migration = (env: Env) => Promise<void> | void;

export interface AddonManifest {
  name: string;
  version: string;
  depends?: string[];
  summary?: string;
  description?: string;
  category?: string;
  author?: string;
  license?: string;
  website?: string;
  /** Shown on the home menu and the Apps page as an application. */
  application?: boolean;
  /** Installed by itself as soon as all its dependencies are installed (glue modules). */
  autoInstall?: boolean;
  models?: ModelDefinition[];
  extend?: ModelExtension[];
  /** Data files (relative to the addon folder), loaded in this order. */
  data?: string[];
  /** Demo data files, loaded only in databases created with demo data. */
  demo?: string[];
  hooks?: AddonHooks;
  migrations?: Record<string, Migration>;
}

export interface Addon {
  manifest: AddonManifest;
  /** Absolute path of the addon's folder. */
  dir: string;
}

export const defineAddon = (manifest: AddonManifest): AddonManifest => manifest;

const ajv = new Ajv({ allErrors: false, strict: false });
ajv.addKeyword({ keyword: 'isFunction', validate: (_: unknown, data: unknown) => typeof data === 'function', errors: false });

const strings = { type: 'array', items: { type: 'string', minLength: 1 } };
const objects = (kind: string) => ({ type: 'array', items: { type: 'object', required: ['kind', 'name'], properties: { kind: { const: kind } } } });

const schema = {
  type: 'object',
  required: ['name', 'version'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
    version: { type: 'string', pattern: '^\\d+\\.\\d+(\\.\\d+)?$' },
    depends: strings,
    summary: { type: 'string' },
    description: { type: 'string' },
    category: { type: 'string' },
    author: { type: 'string' },
    license: { type: 'string' },
    website: { type: 'string' },
    application: { type: 'boolean' },
    autoInstall: { type: 'boolean' },
    models: objects('model'),
    extend: objects('extension'),
    data: strings,
    demo: strings,
    hooks: { type: 'object', additionalProperties: false, properties: { postInstall: { isFunction: true }, uninstall: { isFunction: true } } },
    migrations: { type: 'object', propertyNames: { pattern: '^\\d+\\.\\d+(\\.\\d+)?$' }, additionalProperties: { isFunction: true } },
  },
};

const validate = ajv.compile(schema);

const REASONS: Record<string, string> = {
  required: 'is missing',
  additionalProperties: 'is not a manifest key',
  type: 'has the wrong type',
  pattern: 'is malformed',
  isFunction: 'must be a function',
  const: 'must be made with defineModel() (models) or extendModel() (extend)',
  propertyNames: 'must be versions like "1.2.0"',
};

/** Checks a manifest found in `folder`; returns it or throws naming the addon and the key. */
export function checkManifest(folder: string, manifest: unknown): AddonManifest {
  const addonName = (manifest as { name?: unknown })?.name;
  const addon = typeof addonName === 'string' ? addonName : folder;
  if (validate(manifest)) {
    const m = manifest as unknown as AddonManifest;
    if (m.name !== folder) throw errors.badManifest(addon, 'name', `must match its folder name "${folder}"`);
    return m;
  }
  const e = validate.errors![0];
  const key = e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty
    : e.keyword === 'additionalProperties' ? `${e.instancePath.slice(1).replace(/\//g, '.')}${e.instancePath ? '.' : ''}${(e.params as { additionalProperty: string }).additionalProperty}`
      : e.instancePath.slice(1).replace(/\//g, '.') || '(root)';
  throw errors.badManifest(addon, key, `${REASONS[e.keyword] ?? e.message}${e.keyword === 'pattern' ? ` (expected ${(e.params as { pattern: string }).pattern})` : ''}`);
}
