// SIGINT/SIGTERM. Commands stop on the first one. Stopping (ending the work, stopping the
// embedded PostgreSQL) takes a moment, and the same signal often arrives twice: npm forwards the
// one it gets to `npm start`'s child, and a terminal sends Ctrl-C to the whole process group.
// So a second signal only says that the stop is under way; a third cuts it short.

export const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

export interface SignalWatch {
  /** Resolves with the first signal received. */
  received: Promise<NodeJS.Signals>;
  dispose(): void;
}

export function watchSignals(): SignalWatch {
  let resolve: (signal: NodeJS.Signals) => void = () => {};
  const received = new Promise<NodeJS.Signals>((r) => { resolve = r; });
  let count = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    count++;
    if (count === 1) resolve(signal);
    else if (count === 2) process.stderr.write('stopping (PostgreSQL is shutting down); send the signal again to stop at once\n');
    else process.exit(EXIT_CODES[signal] ?? 1);
  };
  const dispose = () => {
    for (const s of SIGNALS) process.off(s, onSignal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  return { received, dispose };
}

/** Keeps the process up until `promise` settles: a pending promise alone does not. */
export function keepAliveUntil<T>(promise: Promise<T>): Promise<T> {
  const timer = setInterval(() => {}, 1 << 30);
  return promise.finally(() => clearInterval(timer));
}

export class Interrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
    this.name = 'Interrupted';
  }
}
