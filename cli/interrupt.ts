// Ctrl-C in the middle of work (say, installing modules): the work's connections are terminated
// so its transaction rolls back and its own cleanup runs (createDatabase drops the half-made
// database), then the command stops as usual. Connections are told apart by application_name,
// which node-postgres takes from PGAPPNAME: on a shared server only ours are touched.

import { withAdminClient, type PgServer } from '../core/db/server.ts';

const APP_NAME = `erp-cli-${process.pid}`;

/** Tags every connection this process opens from now on. */
export function tagConnections(): void {
  process.env.PGAPPNAME = APP_NAME;
}

const GRACE_MS = 15000;

/** Ends `work` by cutting its connections; stops the server outright if it still lingers. */
export async function abandon(server: PgServer, work: Promise<unknown>): Promise<void> {
  const settled = work.then(() => true, () => true);
  try {
    await withAdminClient(server, (client) => client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()', [APP_NAME]));
  } catch {
    // Fall through to the hard stop below.
  }
  const timeout = new Promise<boolean>((resolve) => setTimeout(resolve, GRACE_MS, false).unref());
  if (!(await Promise.race([settled, timeout]))) await server.stop();
}
