// Where the test run's PostgreSQL is described: written by start.ts, read by every test file.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const STATE_FILE = path.join(ROOT, '.tap', 'erp-test-pg.json');
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
