// `ballast history`: the state versions of each stack, oldest first.

import type { CommandModule } from 'yargs';
import { CliContext, globalOptions, type GlobalArgs } from '../context.ts';
import { CliExit, EXIT_OK } from '../exit.ts';
import { describeChanges } from '../state-view.ts';

export const historyCommand: CommandModule<object, GlobalArgs> = {
  command: 'history',
  describe: 'List the recorded state versions (serial, time, reason, source revision, changes)',
  builder: (y) => globalOptions(y),
  handler: async (a) => {
    const ctx = new CliContext(a);
    try {
      const names = await ctx.stateStacks();
      const all: Record<string, unknown> = {};
      for (const name of names) {
        const list = await ctx.store(name).list();
        if (a.json) { all[name] = list; continue; }
        process.stdout.write(`Stack "${name}" (${ctx.store(name).description})\n`);
        if (!list.length) process.stdout.write('  no versions yet\n');
        process.stdout.write(`  ${'SERIAL'.padEnd(7)} ${'TIME'.padEnd(24)} ${'REASON'.padEnd(9)} ${'CHANGES'.padEnd(13)} SOURCE\n`);
        for (const v of list) {
          const reason = v.rollbackOf !== undefined ? `${v.reason}` : v.reason;
          const note = v.rollbackOf !== undefined ? ` (rolled back to ${v.rollbackOf})` : '';
          process.stdout.write(`  ${String(v.serial).padEnd(7)} ${v.time.padEnd(24)} ${reason.padEnd(9)} ${describeChanges(v.changes).padEnd(13)} ${v.sourceRevision ?? '-'}${note}\n`);
        }
      }
      if (a.json) process.stdout.write(JSON.stringify(names.length === 1 ? all[names[0]] : all, null, 2) + '\n');
      else if (!names.length) process.stdout.write('No state recorded yet.\n');
      throw new CliExit(EXIT_OK);
    } finally {
      await ctx.close();
    }
  },
};
