// Exit codes and the one-line error report. Users see `error: <message>`; the stack only with
// --verbose, since a stack trace hides the message people need to act on.

import { CommanderError } from 'commander';
import { ErpError } from '../core/errors.ts';
import { Interrupted } from './signals.ts';

export const EXIT_OK = 0;
/** The user's input or the state of a database is wrong (an ErpError). */
export const EXIT_USER = 1;
/** The command line itself is wrong (commander's errors). */
export const EXIT_USAGE = 2;
/** A bug or an unexpected failure (sysexits' EX_SOFTWARE). */
export const EXIT_INTERNAL = 70;
/** Stopped by SIGINT/SIGTERM (the shell's 128 + signal number). */
const EXIT_SIGNAL: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

export function exitCodeOf(error: unknown): number {
  if (error instanceof Interrupted) return EXIT_SIGNAL[error.signal] ?? 130;
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  if (error instanceof ErpError) return EXIT_USER;
  return EXIT_INTERNAL;
}

export function reportError(error: unknown, verbose: boolean, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): number {
  const code = exitCodeOf(error);
  // commander has already printed its own message (and help output for exit code 0).
  if (error instanceof CommanderError) return code;
  if (error instanceof Interrupted) {
    write(`${error.message}: stopped; work in progress was rolled back`);
    return code;
  }
  const message = error instanceof Error ? error.message : String(error);
  const [first, ...rest] = message.split('\n');
  const internal = code === EXIT_INTERNAL ? 'internal error: ' : '';
  write(`error: ${internal}${first}`);
  if (verbose) {
    if (rest.length) write(rest.join('\n'));
    if (error instanceof Error && error.stack) write(error.stack);
  } else if (rest.length || code === EXIT_INTERNAL) {
    write('(run again with --verbose for details)');
  }
  return code;
}
