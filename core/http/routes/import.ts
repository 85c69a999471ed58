// The import routes, Odoo's base_import without a wizard model: the file travels with each call
// (base64 in the JSON body; the server keeps nothing between calls, so any server process of a
// cluster can answer).
//
//   POST /web/import/preview   columns, proposed fields, first rows, how the file was read
//   POST /web/import/execute   Test (dry_run) or Import; with `Accept: text/event-stream` the
//                              reply is a stream of server-sent events: `progress` after each
//                              batch ({ done, total }), then `result` (or `error`)
//   GET  /web/import/template  an .xlsx whose headers are the model's importable fields
//
// Like every JSON route the POSTs accept `application/json` only (CSRF protection) and need a
// session; the import runs as the user, in the request's transaction.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteOptions } from '../context.ts';
import { envelopeSchema, rpcIdOf, sendError, sendResult } from '../jsonrpc.ts';
import { describeError, httpErrors } from '../errors.ts';
import { requireSession, sessionIdOf, userEnv } from '../session.ts';
import { inTransaction } from '../transaction.ts';
import { userRoute } from '../user_route.ts';
import type { Context } from '../../models/types.ts';
import type { Env } from '../../models/env.ts';
import { readFile, type ReadOptions } from '../../records/import/file.ts';
import { importableFields } from '../../records/import/fields.ts';
import { importRecords, type ImportOptions, type ImportProgress, type ImportResult } from '../../records/import/load.ts';
import { previewFile } from '../../records/import/preview.ts';
import { toXlsx, XLSX_TYPE } from '../../records/spreadsheet.ts';
import { attachment } from './export.ts';

interface FileParams {
  model: string;
  /** The file's bytes, base64. */
  file: string;
  file_name?: string;
  options?: ReadOptions & {
    skip_errors?: boolean;
    dry_run?: boolean;
    batch_size?: number;
    decimal_separator?: string;
    date_order?: 'dmy' | 'mdy' | 'ymd';
    tracking?: boolean;
  };
  context?: Context | null;
}

interface ExecuteParams extends FileParams {
  /** The field path of each column (null: not imported). */
  columns: Array<string | null | false>;
}

const readOptions = {
  type: 'object',
  properties: {
    separator: { type: 'string', maxLength: 4 },
    encoding: { type: 'string', maxLength: 32 },
    quoting: { type: 'string', maxLength: 1 },
    sheet: { type: 'string', maxLength: 128 },
    has_headers: { type: 'boolean' },
    skip_errors: { type: 'boolean' },
    dry_run: { type: 'boolean' },
    batch_size: { type: 'integer', minimum: 1, maximum: 10000 },
    decimal_separator: { type: 'string', enum: ['.', ','] },
    date_order: { type: 'string', enum: ['dmy', 'mdy', 'ymd'] },
    tracking: { type: 'boolean' },
  },
};

const fileProperties = {
  model: { type: 'string', minLength: 1, maxLength: 128 },
  file: { type: 'string', minLength: 1 },
  file_name: { type: 'string', maxLength: 512 },
  options: readOptions,
  context: { type: ['object', 'null'] },
};

const previewParams = { type: 'object', required: ['model', 'file'], properties: fileProperties };
const executeParams = {
  type: 'object', required: ['model', 'file', 'columns'],
  properties: { ...fileProperties, columns: { type: 'array', maxItems: 2000, items: { type: ['string', 'null', 'boolean'] } } },
};

const decode = (params: FileParams): Buffer => Buffer.from(params.file, 'base64');

/** Runs the import as the user; a dry run changes nothing (the import undoes itself). */
export async function runImport(env: Env, params: ExecuteParams, onProgress?: (p: ImportProgress) => void): Promise<ImportResult> {
  const { options = {} } = params;
  const file = await readFile(decode(params), params.file_name ?? '', options);
  const importOptions: ImportOptions = {
    skipErrors: options.skip_errors, dryRun: options.dry_run, batchSize: options.batch_size,
    decimalSeparator: options.decimal_separator, dateOrder: options.date_order, tracking: options.tracking, onProgress,
  };
  return importRecords(env.model(params.model), file, params.columns.map((c) => c || null), importOptions);
}

/** Server-sent events on the raw reply (fastify steps aside once the reply is hijacked). */
function eventStream(reply: FastifyReply) {
  reply.hijack();
  reply.raw.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no', Connection: 'keep-alive' });
  return (event: string, data: unknown) => {
    // A client gone away does not stop the import (its transaction decides); only the news is lost.
    if (!reply.raw.destroyed && !reply.raw.writableEnded) reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
}

export default async function importRoutes(app: FastifyInstance, { ctx }: RouteOptions): Promise<void> {
  userRoute<FileParams>(app, ctx, '/web/import/preview', previewParams,
    (params, env) => previewFile(env.model(params.model), decode(params), params.file_name ?? '', params.options ?? {}));

  app.post('/web/import/execute', { schema: { body: envelopeSchema(executeParams) }, config: { protocol: 'json' } }, async (request: FastifyRequest, reply) => {
    const params = (request.body as { params: ExecuteParams }).params;
    const stream = /text\/event-stream/.test(request.headers.accept ?? '');
    const run = (onProgress?: (p: ImportProgress) => void) => inTransaction(ctx, async (root) => {
      const session = await requireSession(root, sessionIdOf(request));
      return runImport(userEnv(root, session.uid, session.context, params.context ?? undefined), params, onProgress);
    });
    if (!stream) {
      try {
        return sendResult(reply, rpcIdOf(request), await run());
      } catch (error) {
        return sendError(ctx, request, reply, error);
      }
    }
    const send = eventStream(reply);
    try {
      // The result is sent once the transaction has committed.
      const result = await run((progress) => send('progress', progress));
      send('result', result);
    } catch (error) {
      const described = describeError(error, ctx.dev);
      if (described.unexpected) request.log.error({ err: error }, 'unexpected error in an import');
      send('error', described.data);
    }
    if (!reply.raw.writableEnded) reply.raw.end();
  });

  app.get<{ Querystring: { model?: string } }>('/web/import/template', async (request, reply) => {
    try {
      const modelName = request.query.model;
      if (!modelName) throw httpErrors.badRequest('Give the model: /web/import/template?model=crm.lead');
      const { headers, title } = await inTransaction(ctx, async (root) => {
        const session = await requireSession(root, sessionIdOf(request));
        const model = userEnv(root, session.uid, session.context).model(modelName);
        await model.check_access_rights('create');
        const fields = importableFields(model).filter((f) => f.path !== 'id' && !f.path.includes('/'));
        return { headers: fields.map((f) => f.label), title: model.meta.description };
      });
      const file = await toXlsx(headers, [], [], title);
      return reply.type(XLSX_TYPE).header('Content-Disposition', attachment(`${title} import template.xlsx`)).header('Cache-Control', 'no-store').send(file);
    } catch (error) {
      return sendError(ctx, request, reply, error);
    }
  });
}
