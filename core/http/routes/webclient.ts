// /web/webclient/version_info and /web/database/list: what a client asks before logging in.

import type { FastifyInstance } from 'fastify';
import type { RouteOptions } from '../context.ts';
import { jsonRoute } from '../jsonrpc.ts';
import { versionInfo } from '../version.ts';

export default async function webclientRoutes(app: FastifyInstance, { ctx }: RouteOptions): Promise<void> {
  jsonRoute(app, ctx, '/web/webclient/version_info', { type: 'object' }, async () => versionInfo());
  // One server serves one database (as Odoo with --database / a dbfilter matching one name).
  jsonRoute(app, ctx, '/web/database/list', { type: 'object' }, async () => [ctx.dbName]);
}
