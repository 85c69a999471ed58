// The access policy the registry consults (see AccessPolicy in core/models/registry.ts), with
// Odoo's semantics:
// - model access: an operation is allowed when some `ir.model.access` row of the model grants it
//   to everyone (no group) or to one of the user's groups (implied ones included);
// - record rules: the global rules are AND-ed, the rules of the user's groups OR-ed together, and
//   the two AND-ed; each rule applies only to the operations its perm_* flags name;
// - field groups: see field_access.ts.
// The superuser (env.su) never gets here: Model bypasses the policy.

import { errors, ErpError } from '../errors.ts';
import type { Model } from '../models/model.ts';
import type { AccessPolicy } from '../models/registry.ts';
import type { Domain, Field } from '../models/types.ts';
import { securitySnapshot, type Operation } from './cache.ts';
import { andDomains, orDomains } from './domains.ts';
import { checkFieldGroups } from './field_access.ts';
import { evalRuleDomain, type RuleContext } from './rule_domain.ts';
import type { Env } from '../models/env.ts';
import { userState, type UserState } from './user_state.ts';

const VERB: Record<Operation, string> = { read: 'read', write: 'write', create: 'create', unlink: 'delete' };

export class AccessControl implements AccessPolicy {
  async checkModel(model: Model, operation: Operation, raiseException: boolean): Promise<boolean> {
    const env = model.env;
    const [snapshot, user] = await Promise.all([securitySnapshot(env), userState(env)]);
    const grants = snapshot.access.get(model.name)?.[operation];
    const allowed = Boolean(grants && (grants.has(null) || [...user.groups].some((g) => grants.has(g))));
    if (!allowed && raiseException) {
      const who = user.login ? `user "${user.login}" (id ${user.uid})` : `user id ${user.uid}`;
      throw errors.accessDenied(model.name, VERB[operation], `no access right (ir.model.access) grants it to ${who}`);
    }
    return allowed;
  }

  async ruleDomain(model: Model, operation: Operation): Promise<Domain> {
    const env = model.env;
    const [snapshot, user] = await Promise.all([securitySnapshot(env), userState(env)]);
    const rules = (snapshot.rules.get(model.name) ?? []).filter((r) => r.perms[operation]);
    if (!rules.length) return [];
    const ctx = ruleContext(user, env.context.allowed_company_ids);
    const globals: Domain[] = [];
    const byGroup: Domain[] = [];
    for (const rule of rules) {
      const mine = rule.groups.some((g) => user.groups.has(g));
      if (rule.groups.length && !mine) continue;
      if (rule.program instanceof ErpError) throw rule.program;
      (rule.groups.length ? byGroup : globals).push(evalRuleDomain(rule.program, ctx));
    }
    return andDomains([...globals, ...(byGroup.length ? [orDomains(byGroup)] : [])]);
  }

  async checkFields(model: Model, operation: 'read' | 'write', fields: Field[], explicit: boolean): Promise<Field[]> {
    return checkFieldGroups(model, operation, fields, explicit);
  }
}

/** The values a domain written as Odoo text (rules, actions) may name, for the env's user. */
export async function domainContext(env: Env): Promise<RuleContext> {
  return ruleContext(await userState(env), env.context.allowed_company_ids);
}

/** The names a rule's domain may use: the user, and the companies the request works for. */
function ruleContext(user: UserState, allowed: unknown): RuleContext {
  const fromContext = Array.isArray(allowed) ? allowed.filter((v): v is number => typeof v === 'number') : [];
  const companyIds = fromContext.length ? fromContext : user.companyId ? [user.companyId] : [];
  return { uid: user.uid, login: user.login, companyId: companyIds[0] ?? user.companyId, partnerId: user.partnerId, companyIds };
}
