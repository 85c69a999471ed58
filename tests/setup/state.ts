// Where the test run's PostgreSQL is described: written by start.ts, read by every test file.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// One file per tap run (the before script and the test files are all children of the runner),
// so that two runs at once never share or stop each other's server.
export const STATE_FILE = path.join(ROOT, '.tap', `erp-test-pg-${process.ppid}.json`);
export const TEMPLATE = 'erp_test_template';

export interface TestServerState {
  url: string;
  dataDir: string;
  port: number;
  pid: number;
}

export function readState(): TestServerState | null {
  return existsSync(STATE_FILE) ? (JSON.parse(readFileSync(STATE_FILE, 'utf8')) as TestServerState) : null;
}
