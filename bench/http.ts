// The HTTP stack's cost: `call_kw search_read` of 80 partners through our server (session check,
// registry signal, one transaction, access checks, Odoo's JSON-RPC envelope) against a bare
// fastify route sending the same SELECT on the same database through a plain pg pool. autocannon
// drives both on 127.0.0.1, one after the other; it prints requests/s, latencies and the ratio.
//
//   npm run bench -- http [--duration 10] [--connections 10]
//   npx tsx bench/http.ts [same flags]
//
// Data lives in an embedded PostgreSQL under .erp-bench (or on DATABASE_URL), database bench_http.

import { createRequire } from 'node:module';
import path from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { pino } from 'pino';
import { startHttp } from '../core/http/server.ts';
import { Erp } from '../core/service.ts';
import { formatInt, intFlag, isMain, parseFlags, progress, ROOT, table } from './lib.ts';

const DB_NAME = 'bench_http';
const PARTNERS = 500;
const PAGE = 80;
const FIELDS = ['name', 'email', 'phone', 'is_company', 'city'];

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<CannonResult>;
// autocannon is CommonJS without type declarations.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

async function ensureDatabase(erp: Erp): Promise<void> {
  if (!(await erp.exists(DB_NAME))) {
    progress(`creating ${DB_NAME} with ${PARTNERS} partners`);
    await erp.createDatabase(DB_NAME);
  }
  const { db } = await erp.get(DB_NAME);
  await db.withEnv(async (env) => {
    const partners = env.model('res.partner');
    const missing = PARTNERS - await partners.search_count([['name', '=like', 'Bench %']]);
    if (missing > 0) {
      await partners.create(Array.from({ length: missing }, (_, i) => ({ name: `Bench ${i}`, email: `b${i}@example.com`, phone: String(i), city: 'Brussels' })));
    }
  });
}

async function login(url: string): Promise<string> {
  const response = await fetch(`${url}/web/session/authenticate`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { db: DB_NAME, login: 'admin', password: 'admin' } }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('session_id='));
  if (!cookie) throw new Error(`login failed: ${await response.text()}`);
  return cookie.split(';')[0];
}

/** The same page as `search_read([], FIELDS, {limit: 80})` returns (res.partner's order), with
 *  the same envelope, through a bare pool. */
async function bareServer(url: string): Promise<{ url: string; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const app = Fastify();
  const sql = `SELECT id, ${FIELDS.join(', ')} FROM res_partner WHERE active ORDER BY complete_name, id DESC LIMIT ${PAGE}`;
  app.post('/raw', async (request, reply) => {
    const { rows } = await pool.query(sql);
    const result = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ?? false])));
    return reply.type('application/json').send(JSON.stringify({ jsonrpc: '2.0', id: (request.body as { id?: unknown }).id ?? null, result }));
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, close: async () => { await app.close(); await pool.end(); } };
}

async function drive(url: string, cookie: string | null, body: string, duration: number, connections: number): Promise<CannonResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) };
  await autocannon({ url, method: 'POST', headers, body, duration: 2, connections }); // warm-up
  return autocannon({ url, method: 'POST', headers, body, duration, connections });
}

export default async function main(argv: string[] = []): Promise<void> {
  const flags = parseFlags(argv, ['duration', 'connections']);
  const duration = intFlag(flags, 'duration', 10);
  const connections = intFlag(flags, 'connections', 10);
  const erp = await Erp.start({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: path.join(ROOT, '.erp-bench'), log: progress });
  try {
    await ensureDatabase(erp);
    const ours = await startHttp({ erp, db: DB_NAME, host: '127.0.0.1', port: 0, log: pino({ level: 'warn' }) });
    const bare = await bareServer(erp.server.url(DB_NAME));
    try {
      const base = `http://127.0.0.1:${ours.port}`;
      const cookie = await login(base);
      const params = { model: 'res.partner', method: 'search_read', args: [[]], kwargs: { fields: FIELDS, limit: PAGE } };
      const body = JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params });
      progress(`call_kw search_read (${PAGE} records), ${connections} connections, ${duration} s`);
      const a = await drive(`${base}/web/dataset/call_kw/res.partner/search_read`, cookie, body, duration, connections);
      progress('bare fastify + pg, same SELECT');
      const b = await drive(`${bare.url}/raw`, null, body, duration, connections);
      const row = (name: string, r: CannonResult) => [name, formatInt(r.requests.average), String(r.latency.p50), String(r.latency.p99), String(r.non2xx + r.errors)];
      console.log(table(['route', 'req/s', 'p50 ms', 'p99 ms', 'errors'], [row('call_kw search_read', a), row('bare fastify + SQL', b)], ['left', 'right', 'right', 'right', 'right']));
      console.log(`ratio bare/ours: ${(b.requests.average / a.requests.average).toFixed(2)}x`);
    } finally {
      await ours.close();
      await bare.close();
    }
  } finally {
    await erp.stop();
  }
}

if (isMain(import.meta.url)) await main(process.argv.slice(2));
