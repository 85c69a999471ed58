// Odoo's RPC services, shared by `/jsonrpc` and `/xmlrpc/2/<service>` (Odoo's `dispatch_rpc`):
// `common` (version, login, authenticate), `object` (execute, execute_kw) and `db` (list,
// server_version). `object` checks the uid and password on every call, as Odoo does, inside the
// call's own transaction.

import type { Env } from '../models/env.ts';
import type { Context } from '../models/types.ts';
import { callKw } from './call_kw.ts';
import type { HttpContext } from './context.ts';
import { httpErrors } from './errors.ts';
import { checkCredentials, tryAuthenticate, userEnv } from './session.ts';
import { inTransaction } from './transaction.ts';
import { versionInfo } from './version.ts';

export interface CallMeta {
  ip?: string;
}

type Args = unknown[];
type Service = (ctx: HttpContext, args: Args, meta: CallMeta) => Promise<unknown>;

function arity(name: string, args: Args, min: number, max: number): void {
  if (args.length < min || args.length > max) {
    throw httpErrors.invalidParams(`${name}() takes ${min === max ? min : `from ${min} to ${max}`} positional arguments but ${args.length} were given`);
  }
}

function checkDb(ctx: HttpContext, db: unknown): void {
  if (db !== ctx.dbName) throw httpErrors.unknownDatabase(db);
}

async function login(ctx: HttpContext, args: Args, meta: CallMeta): Promise<number | false> {
  checkDb(ctx, args[0]);
  return inTransaction(ctx, (root) => tryAuthenticate(root, args[1], args[2], meta));
}

/** Runs a model method for `uid` after checking its password, in one transaction. */
async function execute(ctx: HttpContext, args: Args, meta: CallMeta, call: (env: Env) => Promise<unknown>, context: unknown): Promise<unknown> {
  checkDb(ctx, args[0]);
  return inTransaction(ctx, async (root) => {
    const uid = await checkCredentials(root, args[1], args[2], meta);
    return call(userEnv(root, uid, context as Context));
  });
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined || value === null || value === false) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw httpErrors.invalidParams(`${what} must be a dictionary`);
  return value as Record<string, unknown>;
}

function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw httpErrors.invalidParams(`${what} must be a list`);
  return value;
}

const services: Record<string, Record<string, Service>> = {
  common: {
    version: async (_ctx, args) => { arity('version', args, 0, 0); return versionInfo(); },
    login: async (ctx, args, meta) => { arity('login', args, 3, 3); return login(ctx, args, meta); },
    authenticate: async (ctx, args, meta) => { arity('authenticate', args, 3, 4); return login(ctx, args, meta); },
  },
  object: {
    execute: async (ctx, args, meta) => {
      if (args.length < 5) arity('execute', args, 5, 5);
      const [, , , model, method, ...rest] = args as [unknown, unknown, unknown, string, string, ...unknown[]];
      return execute(ctx, args, meta, (env) => callKw(env, String(model), String(method), rest, {}), {});
    },
    execute_kw: async (ctx, args, meta) => {
      arity('execute_kw', args, 6, 7);
      const kwargs = asObject(args[6], 'kwargs');
      const positional = asArray(args[5], 'args');
      return execute(ctx, args, meta, (env) => callKw(env, String(args[3]), String(args[4]), positional, kwargs), kwargs.context);
    },
  },
  db: {
    list: async (ctx, args) => { arity('list', args, 0, 1); return [ctx.dbName]; },
    server_version: async (_ctx, args) => { arity('server_version', args, 0, 0); return versionInfo().server_version; },
  },
};

export async function dispatchRpc(ctx: HttpContext, service: string, method: string, args: Args, meta: CallMeta = {}): Promise<unknown> {
  const fn = Object.hasOwn(services, service) && Object.hasOwn(services[service], method) ? services[service][method] : undefined;
  if (!fn) throw httpErrors.unknownService(service, method);
  return fn(ctx, args, meta);
}
