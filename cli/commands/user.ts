// `erp user passwd LOGIN [--db erp] [--password X]`: sets a user's password (hashed by res.users).
// Without --password the password is read from stdin (first line), so it stays out of the shell
// history and the process list: `echo secret | erp user passwd admin`.

import type { Command } from 'commander';
import { errors } from '../../core/errors.ts';
import { withErp } from '../config.ts';
import { globals } from '../globals.ts';

const DEFAULT_DB = 'erp';

interface PasswdOptions { db: string; password?: string }

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('New password (end with Enter, then Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

export function registerUser(program: Command): Command {
  const user = program.command('user').description('manage users');

  user.command('passwd')
    .description("change a user's password (read from stdin unless --password is given)")
    .argument('<login>', 'login of the user')
    .option('--db <name>', 'database', DEFAULT_DB)
    .option('--password <password>', 'the new password (prefer stdin: options show in the process list)')
    .action(async (login: string, opts: PasswdOptions, cmd: Command) => {
      const password = opts.password ?? (await readStdin());
      if (!password) throw errors.emptyPassword(login);
      await withErp(globals(cmd), async (erp) => {
        const { db } = await erp.get(opts.db);
        await db.withEnv(async (env) => {
          const users = env.model('res.users').with_context({ active_test: false });
          const ids = await users.search([['login', '=', login]], { limit: 1 });
          if (!ids.length) throw errors.unknownLogin(login, opts.db);
          await users.write(ids, { password });
        });
      });
      console.log(`password changed for "${login}"`);
    });
  return program;
}
