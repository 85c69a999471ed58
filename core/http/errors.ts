// Errors of the HTTP layer that the core's catalogue does not know (sessions, bad requests), and
// the translation of any error into Odoo's wire shapes: the JSON-RPC `error.data` object and the
// XML-RPC fault. Unexpected errors never reach the client with their details (they are logged):
// only their class name and a generic message, unless the server runs in development mode.

import { ErpError } from '../errors.ts';

export class HttpRpcError extends Error {
  constructor(
    /** Odoo's exception name, e.g. `odoo.http.SessionExpiredException`. */
    readonly odooName: string,
    message: string,
    /** JSON-RPC `error.code` (Odoo: 200 server error, 100 session expired, 404 not found). */
    readonly rpcCode = 200,
    readonly rpcMessage = 'Odoo Server Error',
    /** HTTP status of the reply; Odoo answers JSON-RPC errors with 200. */
    readonly httpStatus = 200,
  ) {
    super(message);
    this.name = 'HttpRpcError';
  }
}

export const httpErrors = {
  sessionExpired: () => new HttpRpcError('odoo.http.SessionExpiredException', 'Session expired', 100, 'Odoo Session Expired'),
  badRequest: (message: string) => new HttpRpcError('werkzeug.exceptions.BadRequest', message, 400, 'Bad Request', 400),
  unsupportedMediaType: (got: string | undefined) => new HttpRpcError('werkzeug.exceptions.UnsupportedMediaType',
    `JSON-RPC requests must be sent with "Content-Type: application/json" (got ${got ? `"${got}"` : 'none'})`, 415, 'Unsupported Media Type', 415),
  invalidParams: (message: string) => new HttpRpcError('builtins.TypeError', message),
  unknownDatabase: (db: unknown) => new HttpRpcError('odoo.exceptions.AccessDenied', `Database "${String(db)}" is not served here`),
  unknownService: (service: string, method: string) => new HttpRpcError('builtins.NameError', `Method "${method}" not found in service "${service}"`),
};

/** Odoo's `serialize_exception` shape. */
export interface OdooErrorData {
  name: string;
  message: string;
  arguments: unknown[];
  context: Record<string, unknown>;
  debug: string;
}

export interface Described {
  data: OdooErrorData;
  rpcCode: number;
  rpcMessage: string;
  httpStatus: number;
  /** True for errors the server did not expect (logged with their details). */
  unexpected: boolean;
}

const GENERIC = 'An internal error occurred; the server log has the details';

export function describeError(error: unknown, dev: boolean): Described {
  const debug = dev && error instanceof Error ? error.stack ?? '' : '';
  const data = (name: string, message: string): OdooErrorData => ({ name, message, arguments: [message], context: {}, debug });
  if (error instanceof ErpError) return { data: data(error.odooName, error.message), rpcCode: 200, rpcMessage: 'Odoo Server Error', httpStatus: 200, unexpected: false };
  if (error instanceof HttpRpcError) return { data: data(error.odooName, error.message), rpcCode: error.rpcCode, rpcMessage: error.rpcMessage, httpStatus: error.httpStatus, unexpected: false };
  const message = dev && error instanceof Error ? error.message : GENERIC;
  return { data: data('builtins.Exception', message), rpcCode: 200, rpcMessage: 'Odoo Server Error', httpStatus: 200, unexpected: true };
}

// Odoo's /xmlrpc/2 fault codes (odoo/addons/base/controllers/rpc.py).
const FAULT_WARNING = 2;
const FAULT_ACCESS_DENIED = 3;
const FAULT_ACCESS_ERROR = 4;
const FAULT_APPLICATION_ERROR = 1;

export interface Fault {
  faultCode: number | string;
  faultString: string;
}

/** The fault `/xmlrpc/2/*` answers (integer codes, as `xmlrpc_handle_exception_int`). */
export function faultInt(error: unknown, dev: boolean): Fault {
  const { data } = describeError(error, dev);
  if (data.name === 'odoo.exceptions.AccessError') return { faultCode: FAULT_ACCESS_ERROR, faultString: data.message };
  if (data.name === 'odoo.exceptions.AccessDenied') return { faultCode: FAULT_ACCESS_DENIED, faultString: data.message };
  if (data.name.startsWith('odoo.exceptions.')) return { faultCode: FAULT_WARNING, faultString: data.message };
  return { faultCode: FAULT_APPLICATION_ERROR, faultString: `${data.name}: ${data.message}` };
}

/** The fault the legacy `/xmlrpc/*` answers (string codes, as `xmlrpc_handle_exception_string`). */
export function faultString(error: unknown, dev: boolean): Fault {
  const { data } = describeError(error, dev);
  const short = data.name.split('.').pop()!;
  if (data.name === 'odoo.exceptions.AccessDenied') return { faultCode: 'AccessDenied', faultString: data.message };
  if (data.name.startsWith('odoo.exceptions.')) {
    const kind = ['MissingError', 'AccessError'].includes(short) ? short : 'UserError';
    return { faultCode: `warning -- ${kind}\n\n${data.message}`, faultString: '' };
  }
  return { faultCode: data.message, faultString: data.name };
}

/** Serialization failures and deadlocks: the transaction may simply be run again. */
export function isRetryable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === '40001' || code === '40P01') return true;
  }
  return false;
}
