#!/usr/bin/env node
// The `erp` command: TypeScript sources run through tsx's loader, no build step.

import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exit(await main(process.argv));
