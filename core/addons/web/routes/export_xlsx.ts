// POST /web/pivot/export_xlsx: the pivot view's table (JSON) back as an .xlsx file. Like every
// JSON route it takes `application/json` only, which a form on another site cannot send (the
// server's CSRF protection), and it needs a session. The reply is the file, or an Odoo-shaped
// JSON error the client shows.

import type { FastifyInstance } from 'fastify';
import type { RouteOptions } from '../../../http/context.ts';
import { envelopeSchema, sendError } from '../../../http/jsonrpc.ts';
import { requireSession, sessionIdOf } from '../../../http/session.ts';
import { inTransaction } from '../../../http/transaction.ts';
import { httpErrors } from '../../../http/errors.ts';
import { pivotTableSchema, pivotXlsx, type PivotTable } from '../lib/pivot_xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266: an ASCII name for old clients, the real one in UTF-8. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export default async function exportXlsxRoutes(app: FastifyInstance, { ctx }: RouteOptions): Promise<void> {
  app.post('/web/pivot/export_xlsx', { schema: { body: envelopeSchema(pivotTableSchema) }, config: { protocol: 'json' } }, async (request, reply) => {
    try {
      await inTransaction(ctx, (root) => requireSession(root, sessionIdOf(request)));
      const table = (request.body as { params: PivotTable }).params;
      let file: Buffer;
      try {
        file = await pivotXlsx(table);
      } catch (error) {
        if (error instanceof RangeError) throw httpErrors.badRequest(error.message);
        throw error;
      }
      const name = `${table.title.replace(/[\r\n/\\]/g, ' ').trim() || 'Pivot'}.xlsx`;
      return reply.type(XLSX).header('Content-Disposition', attachment(name)).header('Cache-Control', 'no-store').send(file);
    } catch (error) {
      return sendError(ctx, request, reply, error);
    }
  });
}
