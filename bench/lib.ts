// Shared helpers for the benchmarks under bench/: statistics, a timing loop that compares
// several variants of the same operation fairly, progress on stderr and a plain-text table.
// Benchmarks print figures; none of these helpers ever decides an exit code.

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root (bench/..), so that paths do not depend on the caller's working folder. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** True when `moduleUrl` is the script node was started with (`npx tsx bench/x.ts`), false when
 *  it was imported (by bin/bench.js), so a bench can be both runnable and importable. */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  return Boolean(script) && pathToFileURL(path.resolve(script)).href === moduleUrl;
}

// ---- statistics ------------------------------------------------------------------------------

/** The p-th percentile (0..100) with linear interpolation between closest ranks. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export interface Summary {
  runs: number;
  median: number;
  p90: number;
  min: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    runs: samples.length,
    median: median(samples),
    p90: percentile(samples, 90),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

// ---- timing ----------------------------------------------------------------------------------

/** Milliseconds spent in `fn` (monotonic clock). */
export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export interface CompareOptions {
  /** Untimed rounds first: caches, JIT and plan caches warm up before anything is recorded. */
  warmup?: number;
  runs?: number;
}

/**
 * Times several variants of one operation (`{ ours, raw }`), interleaved round by round so that
 * drift (autovacuum, a noisy neighbour, CPU frequency) hits every variant alike; the order inside
 * a round alternates so no variant always runs right after the other. Each variant gets the round
 * number, to vary its parameters the same way as its twin. Returns the samples in ms per variant.
 */
export async function compare<K extends string>(
  variants: Record<K, (round: number) => Promise<unknown>>, options: CompareOptions = {},
): Promise<Record<K, number[]>> {
  const { warmup = 5, runs = 30 } = options;
  const names = Object.keys(variants) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < warmup + runs; round++) {
    const order = round % 2 ? [...names].reverse() : names;
    for (const name of order) {
      const ms = await timeMs(() => variants[name](round));
      if (round >= warmup) samples[name].push(ms);
    }
  }
  return samples;
}

// ---- output ----------------------------------------------------------------------------------

/** A progress line on stderr (stdout stays for the results, so it can be piped). */
export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

export const formatMs = (ms: number): string => (Number.isNaN(ms) ? '-' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

export const formatInt = (n: number): string => Math.round(n).toLocaleString('en-US');

export const formatSeconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export type Align = 'left' | 'right';

/** A plain-text table: a header row, a rule, then the rows; numbers usually right-aligned. */
export function table(headers: string[], rows: string[][], align: Align[] = []): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (text: string, i: number) => (align[i] === 'right' ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const line = (cells: string[]) => cells.map((c, i) => cell(c ?? '', i)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---- arguments -------------------------------------------------------------------------------

export interface Flags {
  /** `--name` switches. */
  switches: Set<string>;
  /** `--name=value` and `--name value` options. */
  values: Map<string, string>;
}

/** Parses `--flag`, `--key=value` and `--key value`; `withValue` names the keys that take a value. */
export function parseFlags(argv: readonly string[], withValue: readonly string[] = []): Flags {
  const switches = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const [key, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) values.set(key, inline);
    else if (withValue.includes(key) && i + 1 < argv.length) values.set(key, argv[++i]);
    else switches.add(key);
  }
  return { switches, values };
}

/** A positive integer option, or `fallback`; `1e6` and `1_000_000` are accepted. */
export function intFlag(flags: Flags, key: string, fallback: number): number {
  const raw = flags.values.get(key);
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${key} expects a whole number, got "${raw}"`);
  return n;
}
