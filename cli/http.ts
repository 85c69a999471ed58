// The HTTP server is a later addition to the core: it is looked up at run time so that, once
// core/http/server.ts exports `startHttp`, `erp start` serves it without changes here.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Erp } from '../core/service.ts';

export interface HttpOptions {
  erp: Erp;
  /** Name of the database to serve. */
  db: string;
  host: string;
  port: number;
}

/** Whatever `startHttp` resolves to; closed on shutdown when it has `close` or `stop`. */
export interface HttpHandle {
  close?: () => unknown;
  stop?: () => unknown;
}

export type StartHttp = (options: HttpOptions) => Promise<HttpHandle | void> | HttpHandle | void;

const HTTP_MODULE = new URL('../core/http/server.ts', import.meta.url);

export async function loadStartHttp(): Promise<StartHttp | null> {
  if (!existsSync(fileURLToPath(HTTP_MODULE))) return null;
  const loaded = (await import(HTTP_MODULE.href)) as { startHttp?: unknown };
  return typeof loaded.startHttp === 'function' ? (loaded.startHttp as StartHttp) : null;
}

export async function closeHttp(handle: HttpHandle | void): Promise<void> {
  if (!handle) return;
  if (typeof handle.close === 'function') await handle.close();
  else if (typeof handle.stop === 'function') await handle.stop();
}
