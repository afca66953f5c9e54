// `ballast state list` and `ballast state unlock ID --force`.

import type { Argv, CommandModule } from 'yargs';
import { CliContext, globalOptions, type GlobalArgs } from '../context.ts';
import { CliExit, EXIT_OK } from '../exit.ts';
import { holderIsGone } from '../../../state/lock-holder.ts';

interface UnlockArgs extends GlobalArgs { id?: string; force?: boolean }

const listCommand: CommandModule<object, GlobalArgs> = {
  command: 'list',
  describe: 'List the resource instances recorded in the current state version',
  builder: (y) => globalOptions(y),
  handler: async (a) => {
    const ctx = new CliContext(a);
    try {
      const names = await ctx.stateStacks();
      const all: Record<string, string[]> = {};
      for (const name of names) all[name] = Object.keys((await ctx.store(name).current())?.resources ?? {});
      if (a.json) process.stdout.write(JSON.stringify(names.length === 1 ? all[names[0]] : all, null, 2) + '\n');
      else for (const name of names) for (const addr of all[name]) process.stdout.write(names.length > 1 ? `${name}\t${addr}\n` : `${addr}\n`);
      throw new CliExit(EXIT_OK);
    } finally {
      await ctx.close();
    }
  },
};

const unlockCommand: CommandModule<object, UnlockArgs> = {
  command: 'unlock [id]',
  describe: 'Show the current lock, or with ID --force remove it (only when its holder is certainly gone)',
  builder: (y) => globalOptions(y)
    .positional('id', { type: 'string', describe: 'Lock id, as shown by `ballast state unlock` or in a lock error' })
    .option('force', { type: 'boolean', default: false, describe: 'Remove the lock without its holder' }) as Argv<UnlockArgs>,
  handler: async (a) => {
    const ctx = new CliContext(a);
    try {
      for (const name of await ctx.stateStacks()) {
        const store = ctx.store(name);
        const lock = await store.currentLock();
        if (!a.id || !a.force) {
          const expired = lock && Date.parse(lock.expires) < Date.now();
          // a holder that is provably gone (dead pid on this host) left a stale lock: say so
          const gone = lock && holderIsGone(lock) ? ` STALE: its holder (pid ${lock.pid} on ${lock.host}) is no longer running; the next apply takes it over.` : '';
          process.stdout.write(lock
            ? `Stack "${name}" is locked by ${lock.who}@${lock.host} (pid ${lock.pid}) for ${lock.operation} since ${lock.created}; ${expired ? 'EXPIRED' : 'expires'} ${lock.expires}.${gone} Lock id: ${lock.id}\n`
            : `Stack "${name}" is not locked.\n`);
          continue;
        }
        if (lock?.id !== a.id) continue;
        await store.forceUnlock(a.id);
        process.stdout.write(`Removed lock ${a.id} of stack "${name}" (held by ${lock.who}@${lock.host}, pid ${lock.pid}).\n`);
        throw new CliExit(EXIT_OK);
      }
      if (a.id && a.force) {
        process.stderr.write(`No stack holds a lock with id ${a.id}.\n`);
        throw new CliExit(1);
      }
      if (a.id && !a.force) process.stderr.write('Add --force to remove the lock: Ballast cannot tell whether its holder is still working.\n');
      throw new CliExit(a.id ? 1 : EXIT_OK);
    } finally {
      await ctx.close();
    }
  },
};

export const stateCommand: CommandModule<object, object> = {
  command: 'state <command>',
  describe: 'Inspect recorded state and locks',
  builder: (y) => y.command(listCommand).command(unlockCommand).demandCommand(1),
  handler: () => undefined,
};
