// Odoo's JSON-RPC 2.0 routes (`type='json'`): the envelope `{jsonrpc, method: 'call', params,
// id}`, its schema (checked by fastify's ajv before anything runs), the reply `{jsonrpc, id,
// result}` and errors as Odoo shapes them (`{code, message, data: {name, message, ...}}`).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HttpContext } from './context.ts';
import { describeError } from './errors.ts';

export type JsonSchema = Record<string, unknown>;
export type RpcId = string | number | null;

/** The envelope, with `params` described by the route. Odoo accepts a missing `params`. */
export function envelopeSchema(params: JsonSchema): JsonSchema {
  return {
    type: 'object',
    properties: {
      jsonrpc: { type: 'string', enum: ['2.0'] },
      method: { type: 'string' },
      id: { type: ['string', 'integer', 'null'] },
      params: { default: {}, ...params },
    },
  };
}

/** Buffers (binary fields) travel as base64, as Odoo sends them. */
function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer' && Array.isArray((value as { data?: unknown }).data)) {
    return Buffer.from((value as { data: number[] }).data).toString('base64');
  }
  return value;
}

export function rpcIdOf(request: FastifyRequest): RpcId {
  const id = (request.body as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

export function sendResult(reply: FastifyReply, id: RpcId, result: unknown): FastifyReply {
  const body = JSON.stringify({ jsonrpc: '2.0', id, result: result === undefined ? null : result }, replacer);
  return reply.type('application/json').send(body);
}

export function sendError(ctx: HttpContext, request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const described = describeError(error, ctx.dev);
  if (described.unexpected) request.log.error({ err: error }, 'unexpected error in a JSON-RPC call');
  else request.log.info({ error: described.data.name, message: described.data.message }, 'JSON-RPC error');
  return reply.code(described.httpStatus).type('application/json').send(JSON.stringify({
    jsonrpc: '2.0',
    id: rpcIdOf(request),
    error: { code: described.rpcCode, message: described.rpcMessage, data: described.data },
  }));
}

export type JsonHandler<P> = (params: P, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** Registers a JSON-RPC route: POST only, `application/json` only (see app.ts), body checked
 *  against the schema, result or error in Odoo's envelope. */
export function jsonRoute<P>(app: FastifyInstance, ctx: HttpContext, url: string, params: JsonSchema, handler: JsonHandler<P>): void {
  app.post(url, { schema: { body: envelopeSchema(params) }, config: { protocol: 'json' } }, async (request, reply) => {
    try {
      const body = request.body as { params: P };
      return sendResult(reply, rpcIdOf(request), await handler(body.params, request, reply));
    } catch (error) {
      return sendError(ctx, request, reply, error);
    }
  });
}
