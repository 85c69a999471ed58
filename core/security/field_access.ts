// Fields declared with `groups` (external ids of res.groups, as Odoo's `groups="base.group_system"`)
// are readable and writable only by members of one of those groups; a `!` prefix excludes the
// members of a group instead. Asked for explicitly, a forbidden field raises an access error that
// names it; when the caller asked for no fields in particular it is just left out.

import { errors } from '../errors.ts';
import type { Model } from '../models/model.ts';
import type { Field } from '../models/types.ts';
import { securitySnapshot } from './cache.ts';
import { userState } from './user_state.ts';

export async function checkFieldGroups(model: Model, operation: 'read' | 'write', fields: Field[], explicit: boolean): Promise<Field[]> {
  if (!fields.some((f) => f.groups?.length)) return fields;
  const [snapshot, user] = await Promise.all([securitySnapshot(model.env), userState(model.env)]);
  const member = (xmlid: string) => {
    const id = snapshot.groupIds.get(xmlid);
    return id !== undefined && user.groups.has(id);
  };
  const allowed = (field: Field) => {
    if (!field.groups?.length) return true;
    const excluded = field.groups.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
    const included = field.groups.filter((g) => !g.startsWith('!'));
    return !excluded.some(member) && (!included.length || included.some(member));
  };
  const refused = fields.filter((f) => !allowed(f));
  if (!refused.length) return fields;
  if (explicit) throw errors.fieldAccess(model.name, refused[0].name, operation);
  return fields.filter(allowed);
}

/** Whether the user of `model.env` may see `field` (for views and fields_get). */
export async function fieldAllowed(model: Model, field: Field): Promise<boolean> {
  if (model.env.su || !field.groups?.length) return true;
  return (await checkFieldGroups(model, 'read', [field], false)).length === 1;
}
