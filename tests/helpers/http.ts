// An HTTP server on a test database, and a small JSON-RPC client with a cookie jar, as the web
// client would use it (sessions travel in the `session_id` cookie).

import type { Test } from 'tap';
import { pino } from 'pino';
import { startHttp, type HttpHandle } from '../../core/http/server.ts';
import type { Erp } from '../../core/service.ts';
import { testDb, type TestDb } from './db.ts';

export interface TestServer {
  db: TestDb;
  url: string;
  handle: HttpHandle;
}

/** Set ERP_TEST_HTTP_LOG=info to see the server's request log while debugging. */
export const testLog = () => pino({ level: process.env.ERP_TEST_HTTP_LOG ?? 'silent' });

export async function serve(t: Test, erp: Erp, db: string): Promise<{ url: string; handle: HttpHandle }> {
  const handle = await startHttp({ erp, db, host: '127.0.0.1', port: 0, log: testLog() });
  t.teardown(() => handle.close());
  return { url: `http://127.0.0.1:${handle.port}`, handle };
}

export async function testServer(t: Test, options: Parameters<typeof testDb>[1] = {}): Promise<TestServer> {
  const db = await testDb(t, options);
  const { url, handle } = await serve(t, db.erp, db.name);
  return { db, url, handle };
}

export interface RawReply {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** Odoo's error object, thrown by `call` and `callKw` when the reply holds `error`. */
export class RpcError extends Error {
  constructor(readonly code: number, readonly data: { name: string; message: string; arguments: unknown[]; debug: string }) {
    super(`${data.name}: ${data.message}`);
  }
}

export class RpcClient {
  readonly cookies = new Map<string, string>();
  /** The raw Set-Cookie headers of the last reply. */
  setCookies: string[] = [];
  private nextId = 1;

  constructor(readonly url: string) {}

  async post(path: string, body: string, contentType = 'application/json'): Promise<RawReply> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(this.url + path, { method: 'POST', body, headers: { 'content-type': contentType, ...(cookie ? { cookie } : {}) } });
    this.setCookies = response.headers.getSetCookie();
    for (const line of this.setCookies) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value && !/max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    const text = await response.text();
    let json: any;
    try { json = JSON.parse(text); } catch { json = undefined; }
    return { status: response.status, headers: response.headers, text, json };
  }

  /** A JSON-RPC call: the result, or an RpcError. */
  async call(path: string, params: Record<string, unknown> = {}): Promise<any> {
    const id = this.nextId++;
    const reply = await this.post(path, JSON.stringify({ jsonrpc: '2.0', method: 'call', params, id }));
    if (!reply.json) throw new Error(`not JSON (HTTP ${reply.status}): ${reply.text.slice(0, 200)}`);
    if (reply.json.error) throw new RpcError(reply.json.error.code, reply.json.error.data);
    if (reply.json.id !== id) throw new Error(`reply id ${reply.json.id} for request ${id}`);
    return reply.json.result;
  }

  callKw(model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}): Promise<any> {
    return this.call(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs });
  }

  authenticate(db: string, login = 'admin', password = 'admin'): Promise<any> {
    return this.call('/web/session/authenticate', { db, login, password });
  }
}
