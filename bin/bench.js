#!/usr/bin/env node
// `npm run bench -- NAME` runs bench/NAME.ts; without a name, lists the benchmarks.

import { existsSync, readdirSync } from 'node:fs';
import { register } from 'tsx/esm/api';

const dir = new URL('../bench/', import.meta.url);
const available = () => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'lib.ts' && !f.startsWith('_')).map((f) => f.slice(0, -3)).sort() : []);

const name = process.argv[2];
if (!name) {
  const names = available();
  console.log(names.length ? `benchmarks (npm run bench -- NAME):\n${names.map((n) => `  ${n}`).join('\n')}` : 'no benchmarks in bench/');
  process.exit(0);
}
if (!/^[\w-]+$/.test(name) || !existsSync(new URL(`${name}.ts`, dir))) {
  const names = available();
  console.error(`error: no benchmark "${name}" (bench/${name}.ts)${names.length ? `; available: ${names.join(', ')}` : ''}`);
  process.exit(2);
}
register();
const loaded = await import(new URL(`${name}.ts`, dir).href);
// A bench either does its work at top level or exports it as its default function.
if (typeof loaded.default === 'function') await loaded.default(process.argv.slice(3));
