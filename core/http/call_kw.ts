// `call_kw`: calling a model method by name from the network. Only public methods that model
// classes define can be reached: Odoo's rule (no leading underscore) plus ours, since TypeScript
// classes carry runtime plumbing (`constructor`, `withEnv`, `sudo`...) that must never be called
// remotely. Odoo's positional + keyword arguments are mapped through `signatures.ts`.

import { errors } from '../errors.ts';
import type { Env } from '../models/env.ts';
import type { Model } from '../models/model.ts';
import { bindArguments, signatureOf } from './signatures.ts';

const PUBLIC_NAME = /^[a-z][a-z0-9_]*$/;
/** Public-looking methods that would let a caller change its own environment or rights. */
const REFUSED = new Set(['constructor', 'sudo', 'with_context', 'with_user', 'with_env', 'with_company', 'browse', 'env']);

type Method = (...args: unknown[]) => unknown;

/** The method `name` of `model`, if it may be called remotely (throws Odoo's errors otherwise). */
export function remoteMethod(model: Model, name: string): Method {
  if (name.startsWith('_')) throw errors.privateMethod(model.name, name);
  if (!PUBLIC_NAME.test(name) || REFUSED.has(name)) throw errors.unknownMethod(model.name, name);
  // Walk the class chain by descriptors: a getter (`name`, `context`) must not be run, and
  // Object.prototype's methods are not model methods.
  for (let proto: object | null = Object.getPrototypeOf(model); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (!descriptor) continue;
    if (typeof descriptor.value === 'function') return descriptor.value as Method;
    break;
  }
  throw errors.unknownMethod(model.name, name);
}

/** Calls `model.method(*args, **kwargs)` as Odoo's `call_kw` does, in `env` (whose context
 *  already holds `kwargs.context`). */
export async function callKw(env: Env, modelName: string, method: string, args: unknown[], kwargs: Record<string, unknown>): Promise<unknown> {
  const model = env.model(modelName);
  remoteMethod(model, method);
  const { context: _context, ...rest } = kwargs;
  const sig = signatureOf(method);
  if (sig) {
    const call = sig.call(bindArguments(method, sig, args, rest));
    return remoteMethod(model, call.method).apply(model, call.args);
  }
  // A custom method: positional args as given, keyword args as one last option object.
  const fn = remoteMethod(model, method);
  return fn.apply(model, Object.keys(rest).length ? [...args, rest] : args);
}
