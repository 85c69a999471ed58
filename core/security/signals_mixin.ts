// Models whose changes alter who may do what (access rows, rules, groups) bump the security
// signal on every create, write and unlink, so that every process reloads its caches.

import type { Mixin } from '../models/define.ts';
import type { Values } from '../models/model.ts';
import { bumpSecuritySignal } from './signal.ts';
import { forgetUserStates } from './user_state.ts';
import type { Env } from '../models/env.ts';

export async function securityChanged(env: Env): Promise<void> {
  await bumpSecuritySignal(env.cr);
  forgetUserStates(env.cr);
}

export const signalsSecurityChanges: Mixin = (Base) => class extends Base {
  // `any`: the mixin must keep Model.create's overloads (one record -> id, a list -> ids).
  override async create(vals: Values | Values[]): Promise<any> {
    const result = await super.create(vals as Values);
    await securityChanged(this.env);
    return result;
  }

  override async write(ids: number[] | number, vals: Values): Promise<true> {
    const result = await super.write(ids, vals);
    await securityChanged(this.env);
    return result;
  }

  override async unlink(ids: number[] | number): Promise<true> {
    const result = await super.unlink(ids);
    await securityChanged(this.env);
    return result;
  }
};
