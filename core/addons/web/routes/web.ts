// The web client: one HTML page and one script bundle (built in memory on first use, then
// served with a content hash in its name so browsers may cache it for good).

import type { FastifyInstance } from 'fastify';
import { buildWebClient, webPage, type WebBundle } from '../../../web/build.ts';

let bundle: Promise<WebBundle> | null = null;
const getBundle = () => (bundle ??= buildWebClient({ minify: process.env.ERP_DEV !== '1' }).catch((error: unknown) => {
  bundle = null;
  throw error;
}));

export default async function webRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', async (_request, reply) => reply.redirect('/web'));
  for (const url of ['/web', '/web/login']) {
    app.get(url, async (_request, reply) => reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(webPage(await getBundle())));
  }
  app.get<{ Params: { hash: string } }>('/web/assets/app-:hash.js', async (request, reply) => {
    const current = await getBundle();
    if (request.params.hash !== current.hash) return reply.redirect(`/web/assets/app-${current.hash}.js`);
    return reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'public, max-age=31536000, immutable').send(current.js);
  });
}
