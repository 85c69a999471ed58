// The access rows, record rules and group external ids of one database, cached per registry and
// validated by the security signal (see signal.ts): a transaction costs one query (the user state,
// which carries the signal) unless something changed, and then three more to reload.

import type { Cursor } from '../db/cursor.ts';
import type { Env } from '../models/env.ts';
import type { Registry } from '../models/registry.ts';
import { errors, ErpError } from '../errors.ts';
import { parseRuleDomain, type RuleProgram } from './rule_domain.ts';
import { changePending } from './signal.ts';
import { userState } from './user_state.ts';

export type Operation = 'read' | 'write' | 'create' | 'unlink';
export const OPERATIONS: readonly Operation[] = ['read', 'write', 'create', 'unlink'];

/** Per operation, the groups granted it; `null` stands for "everyone". */
export type Grants = Record<Operation, Set<number | null>>;

export interface CachedRule {
  id: number;
  name: string;
  groups: number[];
  perms: Record<Operation, boolean>;
  /** The parsed domain, or the error to raise when the rule applies. */
  program: RuleProgram | ErpError;
}

export interface Snapshot {
  signal: number;
  access: Map<string, Grants>;
  rules: Map<string, CachedRule[]>;
  groupIds: Map<string, number>;
}

const shared = new WeakMap<Registry, Snapshot>();
const perTransaction = new WeakMap<Cursor, Snapshot>();

export async function securitySnapshot(env: Env): Promise<Snapshot> {
  const { signal } = await userState(env);
  const mine = perTransaction.get(env.cr);
  if (mine?.signal === signal) return mine;
  let snapshot = shared.get(env.registry);
  if (snapshot?.signal !== signal) {
    // Checked BEFORE loading: if no writer is pending now, every change up to `signal` has
    // committed and the next statement sees it.
    const pending = await changePending(env.cr);
    snapshot = await load(env.cr, signal);
    if (!pending) shared.set(env.registry, snapshot);
  }
  perTransaction.set(env.cr, snapshot);
  return snapshot;
}

type AccessRow = { model: string; group_id: number | null } & Record<`perm_${Operation}`, boolean>;
type RuleRow = AccessRow & { id: number; name: string; domain_force: string | null; groups: number[] };

async function load(cr: Cursor, signal: number): Promise<Snapshot> {
  const perms = OPERATIONS.map((op) => `x.perm_${op}`).join(', ');
  const [access, rules, groups] = await Promise.all([
    cr.query<AccessRow>(`SELECT m.model, x.group_id, ${perms} FROM ir_model_access x JOIN ir_model m ON m.id = x.model_id WHERE x.active IS TRUE`),
    cr.query<RuleRow>(`SELECT x.id, x.name, m.model, x.domain_force, ${perms},
        ARRAY(SELECT group_id FROM rule_group_rel WHERE rule_group_id = x.id)::int4[] AS groups
      FROM ir_rule x JOIN ir_model m ON m.id = x.model_id WHERE x.active IS TRUE ORDER BY x.id`),
    cr.query<{ xmlid: string; res_id: number }>(`SELECT module || '.' || name AS xmlid, res_id FROM ir_model_data WHERE model = 'res.groups'`),
  ]);
  return { signal, access: grantsByModel(access), rules: rulesByModel(rules), groupIds: new Map(groups.map((g) => [g.xmlid, g.res_id])) };
}

function grantsByModel(rows: AccessRow[]): Map<string, Grants> {
  const result = new Map<string, Grants>();
  for (const row of rows) {
    let grants = result.get(row.model);
    if (!grants) result.set(row.model, (grants = { read: new Set(), write: new Set(), create: new Set(), unlink: new Set() }));
    for (const op of OPERATIONS) if (row[`perm_${op}`]) grants[op].add(row.group_id);
  }
  return result;
}

function rulesByModel(rows: RuleRow[]): Map<string, CachedRule[]> {
  const result = new Map<string, CachedRule[]>();
  for (const row of rows) {
    let program: RuleProgram | ErpError;
    try {
      program = parseRuleDomain(row.name, row.domain_force);
    } catch (error) {
      program = error instanceof ErpError ? error : errors.invalidRule(row.name, String(error));
    }
    const perms = Object.fromEntries(OPERATIONS.map((op) => [op, Boolean(row[`perm_${op}`])])) as Record<Operation, boolean>;
    const list = result.get(row.model) ?? [];
    list.push({ id: row.id, name: row.name, groups: row.groups, perms, program });
    result.set(row.model, list);
  }
  return result;
}
