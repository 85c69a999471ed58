// Odoo's export routes: /web/export/get_fields (what the export dialog offers) and
// /web/export/xlsx and /web/export/csv (the file). The file routes take Odoo's `data`, a JSON
// text (or object) `{ model, fields: [{ name, label }], ids | domain, import_compat, context }`,
// in a JSON-RPC envelope: like every JSON route they accept `application/json` only, which a
// form on another site cannot send (the server's CSRF protection), and they need a session.
// The reply is the file, or an Odoo-shaped JSON error the client shows.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RouteOptions } from '../context.ts';
import { envelopeSchema, sendError } from '../jsonrpc.ts';
import { requireSession, sessionIdOf, userEnv } from '../session.ts';
import { inTransaction } from '../transaction.ts';
import { httpErrors } from '../errors.ts';
import { userRoute } from '../user_route.ts';
import { exportableFields, type GetFieldsOptions } from '../../records/export_fields.ts';
import { exportFile, exportMatrix, type ExportRequest } from '../../records/export_file.ts';
import { CSV_TYPE, XLSX_TYPE } from '../../records/spreadsheet.ts';

const exportRequestSchema = {
  type: 'object',
  required: ['model', 'fields'],
  properties: {
    model: { type: 'string', minLength: 1, maxLength: 128 },
    fields: { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 512 }, label: { type: 'string' } } } },
    ids: { anyOf: [{ type: 'array', items: { type: 'integer', minimum: 1 } }, { const: false }, { type: 'null' }] },
    domain: { type: 'array' },
    import_compat: { type: 'boolean' },
    context: { type: ['object', 'null'] },
  },
};

const getFieldsParams = {
  type: 'object',
  required: ['model'],
  properties: {
    model: { type: 'string', minLength: 1, maxLength: 128 },
    prefix: { type: 'string', maxLength: 512 },
    parent_name: { type: 'string', maxLength: 1024 },
    import_compat: { type: 'boolean' },
    parent_field_type: { type: 'string' },
    context: { type: ['object', 'null'] },
  },
};

/** RFC 6266: an ASCII name for old clients, the real one in UTF-8. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** `data` as Odoo's client sends it (JSON text), or as an object; checked either way. */
function readRequest(request: FastifyRequest): ExportRequest {
  const body = request.body as { params?: { data?: unknown }; data?: unknown };
  let data = body.params?.data ?? body.data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      throw httpErrors.badRequest('"data" is not valid JSON');
    }
  }
  const value = data as ExportRequest | undefined;
  if (!value || typeof value !== 'object' || typeof value.model !== 'string' || !Array.isArray(value.fields) || !value.fields.length
    || !value.fields.every((f) => f && typeof f.name === 'string' && f.name)) {
    throw httpErrors.badRequest('"data" must be { model, fields: [{ name, label }], ids or domain, import_compat }');
  }
  if (value.ids && !(Array.isArray(value.ids) && value.ids.every((id) => Number.isInteger(id) && id > 0))) throw httpErrors.badRequest('"ids" must be a list of record ids');
  if (value.domain !== undefined && !Array.isArray(value.domain)) throw httpErrors.badRequest('"domain" must be a list');
  return value;
}

export default async function exportRoutes(app: FastifyInstance, { ctx }: RouteOptions): Promise<void> {
  userRoute<GetFieldsOptions & { model: string }>(app, ctx, '/web/export/get_fields', getFieldsParams,
    (params, env) => exportableFields(env.model(params.model), params));

  for (const format of ['xlsx', 'csv'] as const) {
    const schema = envelopeSchema({ type: 'object', properties: { data: { anyOf: [{ type: 'string' }, exportRequestSchema] } } });
    app.post(`/web/export/${format}`, { schema: { body: schema }, config: { protocol: 'json' } }, async (request, reply) => {
      try {
        const data = readRequest(request);
        const matrix = await inTransaction(ctx, async (root) => {
          const session = await requireSession(root, sessionIdOf(request));
          return exportMatrix(userEnv(root, session.uid, session.context, data.context ?? undefined), data);
        });
        let file: Buffer;
        try {
          file = await exportFile(matrix, format);
        } catch (error) {
          if (error instanceof RangeError) throw httpErrors.badRequest(error.message);
          throw error;
        }
        return reply.type(format === 'xlsx' ? XLSX_TYPE : CSV_TYPE).header('Content-Disposition', attachment(`${matrix.title}.${format}`))
          .header('Cache-Control', 'no-store').send(file);
      } catch (error) {
        return sendError(ctx, request, reply, error);
      }
    });
  }
}
