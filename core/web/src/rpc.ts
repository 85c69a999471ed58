// JSON-RPC to the server, in Odoo's envelope. Errors come back as RpcError with Odoo's exception
// name and message, so views can show them next to the field or as a notification.

export class RpcError extends Error {
  constructor(override readonly name: string, message: string, readonly data: Record<string, unknown> = {}) {
    super(message);
  }
}

let nextId = 1;

export async function rpc<T = unknown>(url: string, params: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params, id: nextId++ }),
  });
  const payload = (await response.json()) as { result?: T; error?: { message: string; data?: { name?: string; message?: string } & Record<string, unknown> } };
  if (payload.error) {
    const data = payload.error.data ?? {};
    throw new RpcError(data.name ?? 'Error', data.message ?? payload.error.message, data);
  }
  return payload.result as T;
}

/** A model method through `/web/dataset/call_kw/<model>/<method>`. */
export function callKw<T = unknown>(model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}): Promise<T> {
  return rpc<T>(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs });
}
