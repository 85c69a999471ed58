// The session info the web client boots from (Odoo's `ir.http.session_info()`): who the user is,
// their context, companies and the server version. Only the keys Odoo 17 sends that mean
// something here are filled; the rest have Odoo's neutral values.

import type { Env } from '../models/env.ts';
import { versionInfo } from './version.ts';

type Json = Record<string, unknown>;

async function inGroup(env: Env, uid: number, xmlid: string): Promise<boolean> {
  const group = await env.ref(xmlid, false);
  if (!group) return false;
  const rows = await env.cr.query('SELECT 1 FROM res_groups_users_rel WHERE gid = $1 AND uid = $2', [group.id, uid]);
  return rows.length > 0;
}

async function companies(root: Env, companyId: number | null): Promise<Json> {
  const rows = companyId ? await root.model('res.company').read([companyId], ['name', 'sequence', 'parent_id']) : [];
  const allowed = Object.fromEntries(rows.map((c) => [c.id, {
    id: c.id, name: c.name, sequence: c.sequence, child_ids: [], parent_id: Array.isArray(c.parent_id) ? c.parent_id[0] : false,
  }]));
  return { current_company: companyId ?? false, allowed_companies: allowed, disallowed_ancestor_companies: {} };
}

/** `root` is the request's superuser environment; `uid` the session's user. */
export async function sessionInfo(root: Env, uid: number, dbName: string): Promise<Json> {
  const [user] = await root.model('res.users').with_context({ active_test: false }).read([uid], ['name', 'login', 'partner_id', 'company_id', 'lang', 'tz', 'share']);
  const partner = user.partner_id as [number, string] | false;
  const company = user.company_id as [number, string] | false;
  const isSystem = uid === 1 || await inGroup(root, uid, 'base.group_system');
  const version = versionInfo();
  return {
    uid,
    is_system: isSystem,
    is_admin: isSystem || await inGroup(root, uid, 'base.group_erp_manager'),
    is_public: false,
    is_internal_user: !user.share,
    user_context: { lang: user.lang || 'en_US', tz: user.tz || false, uid },
    db: dbName,
    user_settings: {},
    server_version: version.server_version,
    server_version_info: version.server_version_info,
    support_url: '',
    name: user.name,
    username: user.login,
    partner_display_name: partner ? partner[1] : false,
    partner_id: partner ? partner[0] : false,
    company_id: company ? company[0] : false,
    user_id: [uid],
    'web.base.url': '',
    active_ids_limit: 20000,
    profile_session: null,
    profile_collectors: null,
    profile_params: null,
    max_file_upload_size: 128 * 1024 * 1024,
    home_action_id: false,
    cache_hashes: {},
    currencies: {},
    bundle_params: { lang: user.lang || 'en_US' },
    user_companies: await companies(root, company ? company[0] : null),
    show_effect: true,
    display_switch_company_menu: false,
  };
}
