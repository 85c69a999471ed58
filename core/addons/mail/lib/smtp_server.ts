// The SMTP server of `erp start --smtp-port N`: receives email for the aliases of one database and
// hands each message to the mail gateway (gateway.ts). A recipient that is no alias is refused at
// RCPT TO (550), so the sending server bounces it at once; each message accepted is processed in
// a transaction of its own (retried on serialization conflicts, like an HTTP request), and logged
// on one line.
//
// It speaks plain SMTP without AUTH or STARTTLS: put it behind the mail server of the domain (an
// MTA relaying the aliases' domain to it) or on a private network, as Odoo's gateway scripts are.

import { hostname } from 'node:os';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { pino, type Logger } from 'pino';
import type { Erp } from '../../../service.ts';
import { ErpError } from '../../../errors.ts';
import type { Env } from '../../../models/env.ts';
import { inTransaction } from '../../../http/transaction.ts';
import type { HttpContext } from '../../../http/context.ts';
import type { MailAlias } from '../models/alias.ts';
import { message_process, type ProcessResult } from './gateway.ts';

export interface SmtpServerOptions {
  erp: Erp;
  /** The database whose aliases receive mail. */
  db: string;
  host: string;
  /** 0 picks a free port (see the handle's `port`). */
  port: number;
  log?: Logger;
  /** The largest message accepted, in bytes (default 25 MB). */
  maxSize?: number;
}

export interface SmtpHandle {
  port: number;
  /** Stops accepting connections; those open get a few seconds to finish. */
  close(): Promise<void>;
}

const MAX_SIZE = 25 * 1024 * 1024;

/** An Error carrying the SMTP reply code, as smtp-server expects. */
function reply(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

/** The reply for a message that could not be processed: the gateway's own refusals and invalid
 *  data are permanent (the sender gets a bounce), anything else may pass when tried again. */
function failureReply(error: unknown): { error: Error; permanent: boolean } {
  if (error instanceof ErpError) {
    const smtp = typeof error.details.smtp === 'string' ? error.details.smtp : '554 5.6.0';
    const [code, enhanced] = smtp.split(' ');
    return { error: reply(Number(code), `${enhanced} ${error.message}`), permanent: true };
  }
  // PostgreSQL's class 22 "data exception": text it cannot store (a NUL byte in a file name...).
  const sqlState = (error as { code?: unknown })?.code;
  if (typeof sqlState === 'string' && sqlState.startsWith('22')) {
    return { error: reply(554, `5.6.0 The message cannot be stored: ${(error as Error).message}`), permanent: true };
  }
  return { error: reply(451, '4.3.0 Temporary failure while processing the message, please try again later'), permanent: false };
}

function readStream(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

const recipientsOf = (session: SMTPServerSession): string[] => session.envelope.rcptTo.map((a) => a.address);

export async function startSmtpServer(options: SmtpServerOptions): Promise<SmtpHandle> {
  const log = (options.log ?? pino({ name: 'erp', level: process.env.ERP_LOG_LEVEL ?? 'info' })).child({ component: 'smtp' });
  const ctx: HttpContext = { erp: options.erp, dbName: options.db, log, dev: false };
  const db = options.db;

  const knownAlias = (address: string): Promise<boolean> => inTransaction(ctx, async (env: Env) =>
    env.registry.has('mail.alias') && (await env.model<MailAlias>('mail.alias')._match_recipients([address])).size > 0);

  async function receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<string> {
    const started = performance.now();
    const raw = await readStream(stream);
    const fields = { db, from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null, to: recipientsOf(session), size: raw.length };
    if (stream.sizeExceeded) {
      log.info({ ...fields, outcome: 'refused' }, 'mail refused: too large');
      throw reply(552, `5.3.4 The message exceeds the size limit of ${options.maxSize ?? MAX_SIZE} bytes`);
    }
    let result: ProcessResult;
    try {
      result = await inTransaction(ctx, (env) => message_process(env, raw, { recipients: recipientsOf(session) }));
    } catch (error) {
      const { error: answer, permanent } = failureReply(error);
      const ms = Math.round(performance.now() - started);
      if (permanent) log.warn({ ...fields, duration_ms: ms, outcome: 'refused', reason: (error as Error).message }, `mail refused: ${(error as Error).message}`);
      else log.error({ ...fields, duration_ms: ms, outcome: 'failed', err: error }, `mail processing failed: ${(error as Error).message}`);
      throw answer;
    }
    const ms = Math.round(performance.now() - started);
    const routes = result.routes.map((r) => `${r.kind === 'new' ? 'new' : 'reply'} ${r.model}(${r.res_id})`);
    log.info({ ...fields, message_id: result.message_id, routes: result.routes, duration_ms: ms, outcome: result.duplicate ? 'duplicate' : 'ok' },
      result.duplicate ? `mail ${result.message_id} already received` : `mail ${result.message_id} -> ${routes.join(', ')} in ${ms} ms`);
    return result.duplicate ? 'Ok: already received' : 'Ok: delivered';
  }

  const server = new SMTPServer({
    name: hostname() || 'localhost',
    banner: 'erp mail gateway',
    size: options.maxSize ?? MAX_SIZE,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    closeTimeout: 5000,
    onRcptTo(address, _session, callback) {
      knownAlias(address.address).then(
        (known) => {
          // A message refused here is never processed: this is its one log line.
          if (!known) log.info({ db, to: address.address, outcome: 'refused' }, `recipient ${address.address} refused: no such alias`);
          callback(known ? null : reply(550, `5.1.1 <${address.address}>: Recipient address rejected: no such alias in this database`));
        },
        (error: unknown) => {
          log.error({ db, to: address.address, err: error }, `alias look-up failed: ${(error as Error).message}`);
          callback(reply(451, '4.3.0 Temporary failure, please try again later'));
        });
    },
    onData(stream, session, callback) {
      receive(stream, session).then((message) => callback(null, message), (error: Error) => callback(error));
    },
  });
  server.on('error', (error: Error) => log.error({ db, err: error }, `SMTP server error: ${error.message}`));

  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.server.once('error', failed);
    server.listen(options.port, options.host, () => {
      server.server.off('error', failed);
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  let closing: Promise<void> | undefined;
  return {
    port,
    close: () => (closing ??= new Promise<void>((resolve) => server.close(() => resolve()))),
  };
}
