// /xmlrpc/2/<service> (integer fault codes) and the legacy /xmlrpc/<service> (string fault
// codes): Odoo's external XML-RPC API, onto the same RPC services as /jsonrpc.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HttpContext, RouteOptions } from '../context.ts';
import { describeError, faultInt, faultString, httpErrors, type Fault } from '../errors.ts';
import { dispatchRpc } from '../rpc_services.ts';
import { parseMethodCall, serializeFault, serializeResponse } from '../xmlrpc_codec.ts';

type ToFault = (error: unknown, dev: boolean) => Fault;

function handler(ctx: HttpContext, toFault: ToFault) {
  return async (request: FastifyRequest<{ Params: { service: string } }>, reply: FastifyReply) => {
    reply.type('text/xml; charset=utf-8');
    try {
      if (typeof request.body !== 'string') throw httpErrors.badRequest('XML-RPC requests must be sent with "Content-Type: text/xml"');
      const call = await parseMethodCall(request.body).catch((error: Error) => { throw httpErrors.badRequest(`Invalid XML-RPC request: ${error.message}`); });
      const result = await dispatchRpc(ctx, request.params.service, call.method, call.params, { ip: request.ip });
      return reply.send(serializeResponse(result));
    } catch (error) {
      const described = describeError(error, ctx.dev);
      if (described.unexpected) request.log.error({ err: error }, 'unexpected error in an XML-RPC call');
      else request.log.info({ error: described.data.name, message: described.data.message }, 'XML-RPC fault');
      return reply.send(serializeFault(toFault(error, ctx.dev)));
    }
  };
}

export default async function xmlrpcRoutes(app: FastifyInstance, { ctx }: RouteOptions): Promise<void> {
  const config = { protocol: 'xml' as const };
  app.post('/xmlrpc/2/:service', { config }, handler(ctx, faultInt));
  app.post('/xmlrpc/:service', { config }, handler(ctx, faultString));
}
