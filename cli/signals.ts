// SIGINT/SIGTERM. Commands stop on the first one; a second falls back to Node's default (the
// process dies at once), so a stuck shutdown can always be cut short.

export const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

export interface SignalWatch {
  /** Resolves with the first signal received. */
  received: Promise<NodeJS.Signals>;
  dispose(): void;
}

export function watchSignals(): SignalWatch {
  let resolve: (signal: NodeJS.Signals) => void = () => {};
  const received = new Promise<NodeJS.Signals>((r) => { resolve = r; });
  const dispose = () => {
    for (const s of SIGNALS) process.off(s, onSignal);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    dispose();
    resolve(signal);
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
