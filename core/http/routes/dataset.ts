// /web/dataset/call_kw[/<model>/<method>]: the web client's way of calling model methods, as the
// session's user, with `kwargs.context` over the session's context, in one transaction.
// /web/dataset/resequence: Odoo's route for drag and drop in lists and kanban columns, which
// numbers the records in the order given (`field` = i + `offset`), in one request and one
// transaction, with the user's write rights and record rules.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Context } from '../../models/types.ts';
import { callKw } from '../call_kw.ts';
import type { RouteOptions } from '../context.ts';
import { jsonRoute } from '../jsonrpc.ts';
import { requireSession, sessionIdOf, userEnv } from '../session.ts';
import { inTransaction } from '../transaction.ts';
import { userRoute } from '../user_route.ts';

interface ResequenceParams {
  model: string;
  ids: number[];
  field: string;
  offset: number;
}

const resequenceParams = {
  type: 'object',
  required: ['model', 'ids'],
  properties: {
    model: { type: 'string', minLength: 1, maxLength: 128 },
    ids: { type: 'array', items: { type: 'integer', minimum: 1 }, maxItems: 10000 },
    field: { type: 'string', minLength: 1, maxLength: 128, default: 'sequence' },
    offset: { type: 'integer', default: 0 },
    context: { type: ['object', 'null'] },
  },
};

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

  // As Odoo: false when the model has no such (integer) field, so a client can try without asking.
  userRoute<ResequenceParams>(app, ctx, '/web/dataset/resequence', resequenceParams, async ({ model: name, ids, field, offset }, env) => {
    const model = env.model(name);
    if (model.meta.fields.get(field)?.type !== 'integer') return false;
    // Refused even for an empty list, as Odoo's write would be for any record.
    await model.check_access_rights('write');
    for (const [index, id] of ids.entries()) await model.write([id], { [field]: index + offset });
    return true;
  });
}
