// How a request touches the database: first pick up modules another process installed (the
// registry signal), then do ALL the request's work in ONE transaction, so a failure anywhere
// leaves nothing behind. Serialization failures and deadlocks are not the client's fault: the
// whole transaction is run again, a few times, as Odoo's `retrying()` does.

import { setTimeout as sleep } from 'node:timers/promises';
import type { Env } from '../models/env.ts';
import { openDatabase, type HttpContext } from './context.ts';
import { isRetryable } from './errors.ts';
import { RegistryChanged } from '../modules/lifecycle.ts';

const MAX_ATTEMPTS = 3;

/** Runs `fn` in one transaction with a superuser environment (the caller narrows it to the
 *  session's user with `env.withUser`, inside the same transaction). */
export async function inTransaction<T>(ctx: HttpContext, fn: (root: Env) => Promise<T>): Promise<T> {
  const { db, modules } = await openDatabase(ctx);
  for (let attempt = 1; ; attempt++) {
    try {
      // The registry check rides in the request's own transaction; only when another process
      // changed the modules is the registry reloaded and the request run again.
      return await db.withEnv(async (env) => {
        await modules.assertCurrent(env.cr);
        return fn(env);
      });
    } catch (error) {
      if (error instanceof RegistryChanged && attempt < MAX_ATTEMPTS) {
        await modules.refreshIfChanged();
        continue;
      }
      if (!isRetryable(error) || attempt >= MAX_ATTEMPTS) throw error;
      ctx.log.info({ attempt, code: (error as { code?: string }).code }, 'transaction conflict, retrying');
      // A short random wait so that the two conflicting requests do not collide again.
      await sleep(Math.floor(Math.random() * 50 * attempt));
    }
  }
}
