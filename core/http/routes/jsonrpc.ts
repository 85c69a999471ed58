// /jsonrpc: Odoo's external JSON-RPC API, `{service, method, args}` onto the RPC services.

import type { FastifyInstance } from 'fastify';
import type { RouteOptions } from '../context.ts';
import { jsonRoute } from '../jsonrpc.ts';
import { dispatchRpc } from '../rpc_services.ts';

interface RpcParams {
  service: string;
  method: string;
  args: unknown[];
}

const rpcParams = {
  type: 'object',
  required: ['service', 'method'],
  properties: { service: { type: 'string' }, method: { type: 'string' }, args: { type: 'array', default: [] } },
};

export default async function jsonrpcRoutes(app: FastifyInstance, { ctx }: RouteOptions): Promise<void> {
  jsonRoute<RpcParams>(app, ctx, '/jsonrpc', rpcParams, async (params, request) =>
    dispatchRpc(ctx, params.service, params.method, params.args, { ip: request.ip }));
}
