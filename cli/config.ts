// Global options -> the core's configuration, and the one way commands get a running Erp: started
// for the command, always stopped afterwards (also on Ctrl-C), so the embedded PostgreSQL it
// started stops too.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Erp, type ErpConfig } from '../core/service.ts';
import { abandon, tagConnections } from './interrupt.ts';
import { Interrupted, keepAliveUntil, watchSignals } from './signals.ts';

export interface GlobalOptions {
  dataDir: string;
  databaseUrl?: string;
  addonsPath?: string;
  verbose?: boolean;
}

/** The addons shipped with this repository (crm...), whatever the working directory. */
export const REPO_ADDONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'addons');

export function splitList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

export function erpConfig(options: GlobalOptions): ErpConfig {
  return {
    dataDir: path.resolve(options.dataDir),
    databaseUrl: options.databaseUrl || undefined,
    addonsPaths: [REPO_ADDONS, ...splitList(options.addonsPath).map((p) => path.resolve(p))],
  };
}

export interface Session {
  /** Waits for SIGINT/SIGTERM; from then on a signal ends the wait instead of the command. */
  untilSignal(): Promise<NodeJS.Signals>;
}

export async function withErp<T>(options: GlobalOptions, fn: (erp: Erp, session: Session) => Promise<T>): Promise<T> {
  tagConnections();
  // Watched from before the server starts until after it stops: a Ctrl-C at any point still
  // goes through erp.stop(), instead of killing Node and leaving PostgreSQL running.
  const signals = watchSignals();
  let finish = () => {};
  const finished = new Promise<void>((resolve) => { finish = resolve; });
  try {
    const erp = await Erp.start(erpConfig(options));
    let handled = false;
    const session: Session = {
      untilSignal: () => {
        handled = true;
        void keepAliveUntil(Promise.race([signals.received, finished]));
        return signals.received;
      },
    };
    const interrupted = signals.received.then((signal): Promise<never> => {
      if (handled) return new Promise<never>(() => {});
      throw new Interrupted(signal);
    });
    const work = fn(erp, session);
    // Its failure after an interruption is expected: the error reported is the interruption.
    work.catch(() => {});
    try {
      return await Promise.race([work, interrupted]);
    } catch (error) {
      if (error instanceof Interrupted) await abandon(erp.server, work);
      throw error;
    } finally {
      await erp.stop();
    }
  } finally {
    finish();
    signals.dispose();
  }
}
