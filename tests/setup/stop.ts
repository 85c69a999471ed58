// After the test run: stop the run's PostgreSQL and remove its folder.

import { rmSync } from 'node:fs';
import { stopCluster } from '../../core/db/server.ts';
import { readState, STATE_FILE } from './state.ts';

const state = readState();
if (state) {
  await stopCluster(state.dataDir, 'immediate');
  rmSync(state.dataDir, { recursive: true, force: true });
  rmSync(STATE_FILE, { force: true });
}
