// `erp start`: make sure the database exists (base, plus crm when available, with demo data by
// default), then serve it until SIGINT/SIGTERM.

import { InvalidArgumentError, type Command } from 'commander';
import { pino } from 'pino';
import { withErp } from '../config.ts';
import { globals } from '../globals.ts';
import { closeHttp, loadStartHttp } from '../http.ts';

interface StartOptions {
  port: number;
  host: string;
  db: string;
  demo: boolean;
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
        console.log(`address: http://${opts.host}:${opts.port}`);
        console.log('login:   admin / admin');
        if (!startHttp) console.log('HTTP server not yet available in this version; database ready');
        console.log('press Ctrl-C to stop');

        const signal = await session.untilSignal();
        log.info(`${signal} received, stopping`);
        await closeHttp(handle);
      });
    });
}
