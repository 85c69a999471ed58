// The groups of a user, for the views and menus (`groups` attributes) and for code that asks
// `hasGroup` as Odoo's `user.has_group`: the groups given plus all they imply, transitively.
// One query per user and transaction (user_state.ts), shared with the access checks.

import type { Env } from '../models/env.ts';
import { securitySnapshot } from './cache.ts';
import { userState } from './user_state.ts';

export async function userGroups(env: Env, uid: number = env.uid): Promise<Set<number>> {
  return new Set((await userState(env, uid)).groups);
}

/** Whether the environment's user belongs to the group `xmlid` (membership, not sudo). */
export async function hasGroup(env: Env, xmlid: string): Promise<boolean> {
  const [snapshot, user] = await Promise.all([securitySnapshot(env), userState(env)]);
  const id = snapshot.groupIds.get(xmlid.includes('.') ? xmlid : `base.${xmlid}`);
  return id !== undefined && user.groups.has(id);
}
