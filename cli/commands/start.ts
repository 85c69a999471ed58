// `erp start`: make sure the database exists (base, plus crm when available, with demo data by
// default), then serve it until SIGINT/SIGTERM: over HTTP, and over SMTP for its email aliases
// when `--smtp-port` (or ERP_SMTP_PORT) is given.

import { InvalidArgumentError, Option, type Command } from 'commander';
import { pino } from 'pino';
import { withErp } from '../config.ts';
import { globals } from '../globals.ts';
import { closeHttp, loadStartHttp } from '../http.ts';
import { startSmtpServer, type SmtpHandle } from '../../core/addons/mail/lib/smtp_server.ts';

interface StartOptions {
  port: number;
  host: string;
  db: string;
  demo: boolean;
  smtpPort?: number;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError('expected a port number (1-65535)');
  return n;
}

export function registerStart(program: Command): void {
  program.command('start')
    .description('create the database if needed, then serve it')
    .option('--port <port>', 'HTTP port', port, 8069)
    .option('--host <host>', 'HTTP interface', '127.0.0.1')
    .option('--db <name>', 'database', 'erp')
    .option('--no-demo', 'create the database without demo data')
    .addOption(new Option('--smtp-port <port>', 'SMTP port receiving mail for the email aliases (off unless set)').env('ERP_SMTP_PORT').argParser(port))
    .action(async (opts: StartOptions, cmd: Command) => {
      const log = pino({ name: 'erp' });
      await withErp(globals(cmd), async (erp, session) => {
        if (!(await erp.exists(opts.db))) {
          // crm is the first application; install it when its addon is present.
          const modules = erp.index.has('crm') ? ['crm'] : [];
          log.info(`creating database "${opts.db}" with ${['base', ...modules].join(', ')}${opts.demo ? ' and demo data' : ''}`);
          await erp.createDatabase(opts.db, { demo: opts.demo, modules, progress: (m) => log.info(m) });
        }
        await erp.get(opts.db);
        log.info(`database "${opts.db}" ready`);

        const startHttp = await loadStartHttp();
        const handle = startHttp ? await startHttp({ erp, db: opts.db, host: opts.host, port: opts.port }) : undefined;
        let smtp: SmtpHandle | undefined;
        try {
          smtp = opts.smtpPort ? await startSmtpServer({ erp, db: opts.db, host: opts.host, port: opts.smtpPort, log }) : undefined;
        } catch (error) {
          await closeHttp(handle);
          throw error;
        }
        console.log(`address: http://${opts.host}:${opts.port}`);
        if (smtp) console.log(`smtp:    smtp://${opts.host}:${smtp.port} (mail for the email aliases)`);
        console.log('login:   admin / admin');
        if (!startHttp) console.log('HTTP server not yet available in this version; database ready');
        console.log('press Ctrl-C to stop');

        const signal = await session.untilSignal();
        log.info(`${signal} received, stopping`);
        await smtp?.close();
        await closeHttp(handle);
      });
    });
}
