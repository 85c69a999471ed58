// The logged-in user as the server describes it (Odoo's session info).

import { rpc } from './rpc.ts';

export interface SessionInfo {
  uid: number | false;
  name?: string;
  username?: string;
  db?: string;
  user_context?: { lang?: string; tz?: string; uid?: number };
}

export const getSessionInfo = () => rpc<SessionInfo>('/web/session/get_session_info');

export const authenticate = (db: string, login: string, password: string) =>
  rpc<SessionInfo>('/web/session/authenticate', { db, login, password });

export const logout = () => rpc('/web/session/destroy');
