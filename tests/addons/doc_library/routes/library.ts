// An HTTP route of the addon: POST /library/available (JSON-RPC, as the web client calls), the
// books on the shelves, as the logged-in user sees them. The server loads every file of an
// installed addon's routes/ folder.

import type { FastifyInstance } from 'fastify';
import { userRoute, type RouteOptions } from '../../../../core/index.ts';

export default async function libraryRoutes(app: FastifyInstance, { ctx }: RouteOptions): Promise<void> {
  userRoute<{ limit?: number }>(app, ctx, '/library/available', { type: 'object', properties: { limit: { type: 'integer', minimum: 1 } } },
    (params, env) => env.model('library.book').search_read([['state', '=', 'available']], ['name', 'author_id'], { limit: params.limit }));
}
