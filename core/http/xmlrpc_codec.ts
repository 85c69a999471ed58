// XML-RPC on the wire, through the `xmlrpc` package's own parser and serializer (no XML code of
// ours). XML-RPC has no null: Python's Odoo answers False where a method returned None, and so
// do we. Anything else JSON-like maps one to one.

import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type { Fault } from './errors.ts';

interface DeserializerInstance {
  deserializeMethodCall(stream: Readable, callback: (error: Error | null, method?: string, params?: unknown[]) => void): void;
}
interface Serializer {
  serializeMethodResponse(value: unknown): string;
  serializeFault(fault: Fault): string;
}

// The package's classes are CommonJS modules without type declarations of their own.
const require = createRequire(import.meta.url);
const Deserializer = require('xmlrpc/lib/deserializer.js') as new (encoding?: string) => DeserializerInstance;
const serializer = require('xmlrpc/lib/serializer.js') as Serializer;

export interface MethodCall {
  method: string;
  params: unknown[];
}

export function parseMethodCall(xml: string): Promise<MethodCall> {
  return new Promise((resolve, reject) => {
    new Deserializer('utf8').deserializeMethodCall(Readable.from([xml]), (error, method, params) => {
      if (error) reject(error);
      else resolve({ method: method!, params: params ?? [] });
    });
  });
}

/** None -> False, recursively (the serializer would write `<nil/>`, which Python refuses). */
export function toXmlRpcValue(value: unknown): unknown {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.map(toXmlRpcValue);
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'object' || value instanceof Date || Buffer.isBuffer(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toXmlRpcValue(v)]));
}

export function serializeResponse(value: unknown): string {
  return serializer.serializeMethodResponse(toXmlRpcValue(value));
}

export function serializeFault(fault: Fault): string {
  return serializer.serializeFault(fault);
}
