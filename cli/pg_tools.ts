// The real PostgreSQL client tools (pg_dump, pg_restore): found on PATH or under
// /usr/lib/postgresql/*/bin, never older than the server (pg_dump refuses newer servers), and run
// with the connection passed through the PG* environment variables, never on the command line.

import { execFile, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ErpError } from '../core/errors.ts';
import { withAdminClient, type PgServer } from '../core/db/server.ts';

const run = promisify(execFile);

export interface PgTool {
  path: string;
  major: number;
  /** Full version, e.g. [15, 18], for picking the newest. */
  version: number[];
}

export async function serverMajor(server: PgServer): Promise<number> {
  const num = await withAdminClient(server, async (client) => Number((await client.query('SHOW server_version_num')).rows[0].server_version_num));
  return Math.floor(num / 10000);
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function candidates(tool: string): string[] {
  // Versioned folders first: on a tie they win over Debian's /usr/bin wrapper, which picks a
  // version by its own rules.
  const root = '/usr/lib/postgresql';
  const dirs = existsSync(root) ? readdirSync(root).map((v) => path.join(root, v, 'bin')) : [];
  dirs.push(...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean));
  const files = dirs.map((d) => path.join(d, tool)).filter(executable);
  const seen = new Set<string>();
  return files.filter((f) => {
    const real = realpathSync(f);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

async function probe(file: string): Promise<PgTool | null> {
  try {
    const { stdout } = await run(file, ['--version']);
    const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(stdout);
    if (!match) return null;
    const version = [Number(match[1]), Number(match[2] ?? 0)];
    return { path: file, major: version[0], version };
  } catch {
    return null;
  }
}

/** The newest `tool` able to talk to a server of major version `major`. */
export async function findPgTool(tool: 'pg_dump' | 'pg_restore', major: number): Promise<PgTool> {
  const found = (await Promise.all(candidates(tool).map(probe))).filter((t): t is PgTool => t !== null);
  const usable = found.filter((t) => t.major >= major).sort((a, b) => b.version[0] - a.version[0] || b.version[1] - a.version[1]);
  if (usable.length) return usable[0];
  const older = found.length ? ` (found only ${found.map((t) => `${t.path} ${t.version.join('.')}`).join(', ')})` : '';
  throw new ErpError('ERP_NO_PG_TOOLS', `${tool} ${major} or newer is needed for this PostgreSQL ${major} server${older}: install postgresql-client-${major}`);
}

export function pgEnv(server: PgServer): NodeJS.ProcessEnv {
  return { ...process.env, PGHOST: server.host, PGPORT: String(server.port), PGUSER: server.user, PGPASSWORD: server.password };
}

/** Runs a tool to completion; its stderr becomes the error message when it fails. */
export function runPgTool(tool: PgTool, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', (error) => reject(new ErpError('ERP_PG_TOOL_FAILED', `${path.basename(tool.path)} could not run: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) return resolve();
      const lines = stderr.trim().split('\n').filter(Boolean);
      const summary = lines.find((l) => /error/i.test(l)) ?? lines.at(-1) ?? `exit code ${code}`;
      reject(new ErpError('ERP_PG_TOOL_FAILED', `${path.basename(tool.path)} failed: ${summary}${lines.length > 1 ? `\n${lines.join('\n')}` : ''}`));
    });
  });
}
