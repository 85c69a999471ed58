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
  app.get<{ Params: { file: string } }>('/web/assets/:file', async (request, reply) => {
    const current = await getBundle();
    const body = current.files.get(request.params.file);
    // A page loaded before a new build asks for the old entry: send it to the current one.
    if (body === undefined && request.params.file.startsWith('app-')) return reply.redirect(`/web/assets/${current.entry}`);
    if (body === undefined) return reply.code(404).send('Not found');
    return reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'public, max-age=31536000, immutable').send(body);
  });
}
