// /web/session/*: logging in (sets the session cookie), the session info, logging out.

import type { FastifyInstance } from 'fastify';
import { authenticate } from '../../security/auth.ts';
import { createSession, destroySession } from '../../security/sessions.ts';
import type { RouteOptions } from '../context.ts';
import { httpErrors } from '../errors.ts';
import { jsonRoute } from '../jsonrpc.ts';
import { clearSessionCookie, requireSession, sessionIdOf, setSessionCookie } from '../session.ts';
import { sessionInfo } from '../session_info.ts';
import { inTransaction } from '../transaction.ts';
import type { Context } from '../../models/types.ts';

interface Credentials {
  db: string;
  login: string;
  password: string;
}

const credentials = {
  type: 'object',
  required: ['db', 'login', 'password'],
  properties: { db: { type: 'string' }, login: { type: 'string' }, password: { type: 'string' }, base_location: { type: 'string' } },
};
const none = { type: 'object' };

export default async function sessionRoutes(app: FastifyInstance, { ctx }: RouteOptions): Promise<void> {
  jsonRoute<Credentials>(app, ctx, '/web/session/authenticate', credentials, async (params, request, reply) => {
    if (params.db !== ctx.dbName) throw httpErrors.unknownDatabase(params.db);
    const { sid, info } = await inTransaction(ctx, async (root) => {
      const uid = await authenticate(root, params.login, params.password, { ip: request.ip });
      const [user] = await root.model('res.users').read([uid], ['lang', 'tz']);
      const context: Context = { lang: (user.lang as string) || 'en_US', tz: (user.tz as string) || undefined, uid };
      return { sid: await createSession(root, uid, context), info: await sessionInfo(root, uid, ctx.dbName) };
    });
    setSessionCookie(request, reply, sid);
    return info;
  });

  jsonRoute(app, ctx, '/web/session/get_session_info', none, async (_params, request) =>
    inTransaction(ctx, async (root) => sessionInfo(root, (await requireSession(root, sessionIdOf(request))).uid, ctx.dbName)));

  jsonRoute(app, ctx, '/web/session/destroy', none, async (_params, request, reply) => {
    await inTransaction(ctx, async (root) => destroySession(root, (await requireSession(root, sessionIdOf(request))).sid));
    clearSessionCookie(reply);
    return null;
  });
}
