// Options of the `erp` program as seen from any sub-command.

import type { Command } from 'commander';
import type { GlobalOptions } from './config.ts';

export function globals(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}
