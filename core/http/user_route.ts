// The shape most routes take, for the core and for addons: a JSON-RPC route that runs as the
// logged-in user, in one transaction (refused with SessionExpired when there is no session).

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Env } from '../models/env.ts';
import type { HttpContext } from './context.ts';
import { jsonRoute, type JsonSchema } from './jsonrpc.ts';
import { requireSession, sessionIdOf, userEnv } from './session.ts';
import { inTransaction } from './transaction.ts';

export type UserHandler<P> = (params: P, env: Env, request: FastifyRequest) => Promise<unknown>;

export function userRoute<P>(app: FastifyInstance, ctx: HttpContext, url: string, params: JsonSchema, handler: UserHandler<P>): void {
  jsonRoute<P>(app, ctx, url, params, (body, request) => inTransaction(ctx, async (root) => {
    const session = await requireSession(root, sessionIdOf(request));
    const context = (body as { context?: Record<string, unknown> } | undefined)?.context ?? undefined;
    return handler(body, userEnv(root, session.uid, session.context, context), request);
  }));
}
