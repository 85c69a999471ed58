// Before the test run: start one embedded PostgreSQL in a fresh folder and build the template
// database (base installed) that each test file clones.

import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, withAdminClient } from '../../core/db/server.ts';
import { Erp } from '../../core/service.ts';
import { STATE_FILE, TEMPLATE } from './state.ts';

const started = Date.now();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'erp-test-'));
chmodSync(dataDir, 0o755);
const server = await startServer({ dataDir });
const url = server.url('postgres');
mkdirSync(path.dirname(STATE_FILE), { recursive: true });
writeFileSync(STATE_FILE, JSON.stringify({ url, dataDir, port: server.port, pid: process.pid }));

const erp = await Erp.start({ databaseUrl: url });
await withAdminClient(server, (c) => c.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`));
await erp.createDatabase(TEMPLATE, { demo: false });
await erp.stop();
console.log(`# test PostgreSQL on port ${server.port}, template with base ready in ${Date.now() - started} ms`);
