// The fastify application: parsers, the JSON-only rule of JSON-RPC routes, Odoo-shaped errors
// for whatever fails before a handler runs (bad JSON, bad envelope, wrong content type), and the
// routes, loaded with @fastify/autoload from core/http/routes/ and from each installed addon's
// routes/ folder.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autoload from '@fastify/autoload';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { HttpContext } from './context.ts';
import { HttpRpcError, faultInt, httpErrors } from './errors.ts';
import { sendError } from './jsonrpc.ts';
import { OneLineRequestLog } from './request_log.ts';
import { serializeFault } from './xmlrpc_codec.ts';

const ROUTES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'routes');
const BODY_LIMIT = 64 * 1024 * 1024;
const JSON_TYPE = /^application\/json\s*(;|$)/i;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Which error shape the route answers with. */
    protocol?: 'json' | 'xml';
  }
}

/** Maps fastify's own errors (raised before a handler runs) to ours. */
function translate(error: FastifyError): unknown {
  if (error.validation) {
    const inParams = error.validation.every((v) => v.instancePath === '/params' || v.instancePath.startsWith('/params/'));
    const message = `Invalid request: ${error.message}`;
    return inParams ? httpErrors.invalidParams(message) : httpErrors.badRequest(message);
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return httpErrors.unsupportedMediaType(undefined);
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new HttpRpcError('werkzeug.exceptions.RequestEntityTooLarge', error.message, 413, 'Request Entity Too Large', 413);
  if (error.statusCode === 400) return httpErrors.badRequest(`Invalid JSON data: ${error.message}`);
  return error;
}

function errorHandler(ctx: HttpContext) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const translated = translate(error);
    if (request.routeOptions.config?.protocol === 'xml') {
      if (!(translated instanceof HttpRpcError)) request.log.error({ err: error }, 'unexpected error in an XML-RPC call');
      return reply.code(200).type('text/xml').send(serializeFault(faultInt(translated, ctx.dev)));
    }
    return sendError(ctx, request, reply, translated);
  };
}

/** JSON-RPC routes take `application/json` only: an HTML form on another site cannot send
 *  that without a CORS preflight, which this server never grants (CSRF protection). */
function jsonOnly(ctx: HttpContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.routeOptions.config?.protocol !== 'json') return;
    const type = request.headers['content-type'];
    if (!type || !JSON_TYPE.test(type)) return sendError(ctx, request, reply, httpErrors.unsupportedMediaType(type));
  };
}

export async function buildApp(ctx: HttpContext, addonRouteDirs: string[]): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    logController: new OneLineRequestLog(),
    bodyLimit: BODY_LIMIT,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Bodies are checked, never rewritten: no type coercion, no dropping of unknown keys.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: true, allowUnionTypes: true } },
  });
  await app.register(cookie);
  app.addContentTypeParser(['text/xml', 'application/xml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.addHook('onRequest', jsonOnly(ctx));
  app.setErrorHandler(errorHandler(ctx));
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ jsonrpc: '2.0', id: null, error: { code: 404, message: '404: Not Found', data: { name: 'werkzeug.exceptions.NotFound', message: `No route for ${request.method} ${request.url}`, arguments: [], context: {}, debug: '' } } }));

  // autoload refuses .ts files unless it recognises a TypeScript loader; tsx's register() API
  // (bin/erp.js) is not among those it detects, yet this very file runs as TypeScript.
  process.env.FASTIFY_AUTOLOAD_TYPESCRIPT ??= '1';
  const options = { ctx };
  const ignorePattern = /(\.test|\.d)\.ts$/;
  await app.register(autoload, { dir: ROUTES, options, ignorePattern, forceESM: true });
  for (const dir of addonRouteDirs) await app.register(autoload, { dir, options, ignorePattern, forceESM: true });
  return app;
}

/** The routes/ folders of the installed addons that have one. */
export function addonRouteDirs(dirs: string[]): string[] {
  return dirs.map((d) => path.join(d, 'routes')).filter((d) => existsSync(d));
}
