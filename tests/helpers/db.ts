// A fresh database for one test file, cloned from the run's template (base installed), dropped
// at the end. Extra addon folders (test addons) and modules can be asked for.

import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Test } from 'tap';
import { withAdminClient } from '../../core/db/server.ts';
import type { Env } from '../../core/models/env.ts';
import { Erp, type OpenDatabase } from '../../core/service.ts';
import { readState, ROOT, TEMPLATE } from '../setup/state.ts';

export interface TestDb extends OpenDatabase {
  erp: Erp;
  name: string;
  /** Runs `fn` in a transaction that is rolled back afterwards (nothing persists). */
  rollback<T>(fn: (env: Env) => Promise<T>): Promise<T>;
  /** Runs `fn` in a transaction that commits. */
  commit<T>(fn: (env: Env) => Promise<T>): Promise<T>;
}

export const TEST_ADDONS = path.join(ROOT, 'tests', 'addons');

class Rollback extends Error {
  constructor(readonly value: unknown) { super('rollback'); }
}

export async function testDb(t: Test, options: { modules?: string[]; addonsPaths?: string[]; demo?: boolean } = {}): Promise<TestDb> {
  const state = readState();
  if (!state) throw new Error('The test PostgreSQL is not running: run the tests with `npm test` (tap starts it in tests/setup/start.ts)');
  const erp = await Erp.start({ databaseUrl: state.url, addonsPaths: [path.join(ROOT, 'addons'), TEST_ADDONS, ...(options.addonsPaths ?? [])] });
  const name = `t_${randomBytes(6).toString('hex')}`;
  await withAdminClient(erp.server, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE ${TEMPLATE}`));
  const opened = await erp.get(name);
  if (options.modules?.length) await opened.modules.install(options.modules, { demo: options.demo ?? false });
  t.teardown(async () => {
    await erp.dropDatabase(name).catch(() => {});
    await erp.stop();
  });
  return {
    ...opened, erp, name,
    get db() { return opened.db; },
    commit: (fn) => opened.db.withEnv(fn),
    rollback: async <T>(fn: (env: Env) => Promise<T>) => {
      try {
        await opened.db.withEnv(async (env) => { throw new Rollback(await fn(env)); });
      } catch (error) {
        if (error instanceof Rollback) return error.value as T;
        throw error;
      }
      throw new Error('unreachable');
    },
  };
}
