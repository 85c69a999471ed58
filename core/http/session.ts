// Sessions over HTTP: the `session_id` cookie and the checks of who is calling. The sessions
// themselves (storage, expiry) and the password check belong to the security layer
// (core/security); this file only carries them over HTTP, inside the request's transaction.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErpError } from '../errors.ts';
import type { Env } from '../models/env.ts';
import type { Context } from '../models/types.ts';
import { authenticate } from '../security/auth.ts';
import { getSession } from '../security/sessions.ts';
import { httpErrors } from './errors.ts';

export const SESSION_COOKIE = 'session_id';
/** Odoo 17's SESSION_LIFETIME: a week. */
const SESSION_MAX_AGE = 7 * 24 * 3600;

export function sessionIdOf(request: FastifyRequest): string | undefined {
  const sid = request.cookies[SESSION_COOKIE];
  return sid && sid.length <= 256 ? sid : undefined;
}

/** HttpOnly: scripts cannot read it; SameSite=Lax: other sites cannot post with it. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, sid: string): void {
  reply.setCookie(SESSION_COOKIE, sid, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', maxAge: SESSION_MAX_AGE });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
}

export interface UserSession {
  sid: string;
  uid: number;
  context: Context;
}

/** The session behind the request's cookie, or Odoo's "session expired" error. */
export async function requireSession(root: Env, sid: string | undefined): Promise<UserSession> {
  const session = sid ? await getSession(root, sid) : null;
  if (!sid || !session) throw httpErrors.sessionExpired();
  // The user's current language and time zone over the ones stored at login.
  const { tz: _tz, ...stored } = (session.context ?? {}) as Context;
  return { sid, uid: session.uid, context: { ...stored, ...session.preferences } };
}

/** The session user's environment; `context` (the call's) goes over the session's. */
export function userEnv(root: Env, uid: number, ...contexts: Array<Context | undefined>): Env {
  return root.withUser(uid).withContext(Object.assign({}, ...contexts.filter(Boolean)) as Context);
}

export const accessDenied = (): ErpError => new ErpError('ERP_ACCESS_DENIED', 'Access Denied', 'odoo.exceptions.AccessDenied');

/** Checks `password` for the user `uid` (XML-RPC sends them on every call, as Odoo's
 *  `security.check(db, uid, passwd)`): by login, through the security layer. */
export async function checkCredentials(root: Env, uid: unknown, password: unknown, meta: { ip?: string } = {}): Promise<number> {
  if (typeof uid !== 'number' || !Number.isInteger(uid) || typeof password !== 'string') throw accessDenied();
  const [user] = await root.model('res.users').search_read([['id', '=', uid]], ['login']);
  if (!user) throw accessDenied();
  const checked = await authenticate(root, user.login as string, password, meta);
  if (checked !== uid) throw accessDenied();
  return uid;
}

/** `authenticate` that answers `false` instead of throwing AccessDenied (common.login). */
export async function tryAuthenticate(root: Env, login: unknown, password: unknown, meta: { ip?: string } = {}): Promise<number | false> {
  if (typeof login !== 'string' || typeof password !== 'string') return false;
  try {
    return await authenticate(root, login, password, meta);
  } catch (error) {
    if (error instanceof ErpError && error.odooName === 'odoo.exceptions.AccessDenied') return false;
    throw error;
  }
}
