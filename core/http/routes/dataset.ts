// /web/dataset/call_kw[/<model>/<method>]: the web client's way of calling model methods, as the
// session's user, with `kwargs.context` over the session's context, in one transaction.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Context } from '../../models/types.ts';
import { callKw } from '../call_kw.ts';
import type { RouteOptions } from '../context.ts';
import { jsonRoute } from '../jsonrpc.ts';
import { requireSession, sessionIdOf, userEnv } from '../session.ts';
import { inTransaction } from '../transaction.ts';

interface CallKwParams {
  model: string;
  method: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}

const callKwParams = {
  type: 'object',
  required: ['model', 'method'],
  properties: {
    model: { type: 'string', minLength: 1, maxLength: 128 },
    method: { type: 'string', minLength: 1, maxLength: 128 },
    args: { type: 'array', default: [] },
    kwargs: { type: 'object', default: {}, properties: { context: { type: ['object', 'null'] } } },
  },
};

export default async function datasetRoutes(app: FastifyInstance, { ctx }: RouteOptions): Promise<void> {
  const handler = async (params: CallKwParams, request: FastifyRequest) =>
    inTransaction(ctx, async (root) => {
      const session = await requireSession(root, sessionIdOf(request));
      const env = userEnv(root, session.uid, session.context, (params.kwargs.context ?? undefined) as Context | undefined);
      return callKw(env, params.model, params.method, params.args, params.kwargs);
    });
  jsonRoute<CallKwParams>(app, ctx, '/web/dataset/call_kw', callKwParams, handler);
  // The path's model and method are only for logs and debugging, as in Odoo: params decide.
  jsonRoute<CallKwParams>(app, ctx, '/web/dataset/call_kw/*', callKwParams, handler);
}
