// Access rights (ir.model.access), record rules (ir.rule), and the tables behind logins and
// sessions. Changing rights or rules bumps the security signal (core/security/signal.ts).

import { defineModel, type ModelDefinition } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import type { RecordValues } from '../../../models/types.ts';
import { parseRuleDomain } from '../../../security/rule_domain.ts';
import { signalsSecurityChanges } from '../../../security/signals_mixin.ts';

export const IrModelAccess = defineModel({
  name: 'ir.model.access',
  description: 'Model Access',
  order: 'name, id',
  fields: {
    name: fields.char({ required: true, index: true }),
    active: fields.boolean({ default: true, help: 'Archived rights grant nothing' }),
    model_id: fields.many2one('ir.model', { string: 'Model', required: true, index: true, ondelete: 'cascade' }),
    group_id: fields.many2one('res.groups', { string: 'Group', index: true, ondelete: 'cascade', help: 'Empty: every user' }),
    perm_read: fields.boolean({ string: 'Read Access' }),
    perm_write: fields.boolean({ string: 'Write Access' }),
    perm_create: fields.boolean({ string: 'Create Access' }),
    perm_unlink: fields.boolean({ string: 'Delete Access' }),
  },
  methods: signalsSecurityChanges,
});

export const IrRule = defineModel({
  name: 'ir.rule',
  description: 'Record Rule',
  order: 'id',
  fields: {
    name: fields.char({ index: true }),
    active: fields.boolean({ default: true, help: 'Archived rules restrict nothing' }),
    model_id: fields.many2one('ir.model', { string: 'Model', required: true, index: true, ondelete: 'cascade' }),
    groups: fields.many2many('res.groups', { relation: 'rule_group_rel', column1: 'rule_group_id', column2: 'group_id', help: 'Empty: a global rule, for everyone' }),
    domain_force: fields.text({ string: 'Domain', help: "As in Odoo: [('user_id', 'in', [user.id, False])]" }),
    perm_read: fields.boolean({ string: 'Apply for Read', default: true }),
    perm_write: fields.boolean({ string: 'Apply for Write', default: true }),
    perm_create: fields.boolean({ string: 'Apply for Create', default: true }),
    perm_unlink: fields.boolean({ string: 'Apply for Delete', default: true }),
  },
  constraints: [{
    fields: ['name', 'domain_force'],
    // A rule that cannot be read is refused when saved, not when it would first apply.
    check(records: RecordValues[]) {
      for (const r of records) parseRuleDomain(String(r.name || `#${r.id}`), r.domain_force as string | false);
    },
  }],
  methods: signalsSecurityChanges,
});

export const UserSession = defineModel({
  name: 'res.users.session',
  description: 'User Session',
  order: 'id desc',
  fields: {
    sid_hash: fields.char({ string: 'Session id (SHA-256)', required: true, index: true }),
    user_id: fields.many2one('res.users', { string: 'User', required: true, index: true, ondelete: 'cascade' }),
    context: fields.json(),
    expires: fields.datetime({ required: true, index: true }),
  },
  sqlConstraints: [{ name: 'sid_hash_uniq', definition: 'unique(sid_hash)', message: 'Session ids are unique' }],
});

export const LoginAttempt = defineModel({
  name: 'res.users.login.attempt',
  description: 'Failed Login',
  order: 'id desc',
  fields: {
    login: fields.char({ index: true }),
    ip: fields.char({ string: 'IP Address', index: true }),
  },
});

/** Password hashes (see core/security/credentials.ts); reached only by the superuser. */
export const UserCredential = defineModel({
  name: 'res.users.credential',
  description: 'User Password',
  fields: {
    user_id: fields.many2one('res.users', { string: 'User', required: true, ondelete: 'cascade' }),
    password: fields.char({ string: 'Password hash (scrypt)' }),
  },
  sqlConstraints: [{ name: 'user_uniq', definition: 'unique(user_id)', message: 'A user has one password' }],
});

export const securityModels: ModelDefinition[] = [IrModelAccess, IrRule, UserSession, LoginAttempt, UserCredential];
/** Models that no access right opens, not even to Settings: code reaches them as superuser. */
export const PRIVATE_MODELS: ReadonlySet<string> = new Set(['res.users.credential']);
