// `ballast history [--verify]`: the state versions of each stack, oldest first. Listing checks
// the digest chain of the history (a changed or missing version is an error naming the broken
// link); --verify also checks every recorded configuration snapshot against its digest.

import type { Argv, CommandModule } from 'yargs';
import { CliContext, globalOptions, type GlobalArgs } from '../context.ts';
import { CliExit, EXIT_OK } from '../exit.ts';
import { describeChanges } from '../state-view.ts';

interface HistoryArgs extends GlobalArgs {
  verify?: boolean;
}

export const historyCommand: CommandModule<object, HistoryArgs> = {
  command: 'history',
  describe: 'List the recorded state versions (serial, time, reason, source revision, changes)',
  builder: (y) =>
    globalOptions(y).option('verify', {
      type: 'boolean',
      default: false,
      describe: 'Check every version and configuration snapshot against the digest chain; exit 1 naming the first broken link',
    }) as Argv<HistoryArgs>,
  handler: async (a) => {
    const ctx = new CliContext(a);
    try {
      const names = await ctx.stateStacks();
      const all: Record<string, unknown> = {};
      for (const name of names) {
        const store = ctx.store(name);
        if (a.verify) {
          const chain = await store.verify();
          let configs = 0;
          for (const e of chain) {
            if (!e.configDigest) continue;
            // getConfig refuses a snapshot whose content does not match its digest
            if (!(await store.getConfig(e.configDigest))) {
              process.stderr.write(`Error: state version ${e.serial} of stack "${name}" records configuration ${e.configDigest}, but ${store.description} no longer holds it.\n`);
              throw new CliExit(1);
            }
            configs++;
          }
          const head = chain[chain.length - 1];
          if (a.json) all[name] = { verified: true, versions: chain.length, configs, head: head ? { serial: head.serial, digest: head.digest } : null };
          else
            process.stdout.write(
              `Stack "${name}": history verified, ${chain.length} version(s) and ${configs} configuration snapshot(s) intact${head ? `; version ${head.serial} has digest ${head.digest}` : ''}.\n`,
            );
          continue;
        }
        const list = await store.list();
        if (a.json) {
          all[name] = list;
          continue;
        }
        process.stdout.write(`Stack "${name}" (${store.description})\n`);
        if (!list.length) process.stdout.write('  no versions yet\n');
        process.stdout.write(`  ${'SERIAL'.padEnd(7)} ${'TIME'.padEnd(24)} ${'REASON'.padEnd(9)} ${'CHANGES'.padEnd(13)} SOURCE\n`);
        for (const v of list) {
          const note = v.rollbackOf !== undefined ? ` (rolled back to ${v.rollbackOf})` : '';
          process.stdout.write(`  ${String(v.serial).padEnd(7)} ${v.time.padEnd(24)} ${v.reason.padEnd(9)} ${describeChanges(v.changes).padEnd(13)} ${v.sourceRevision ?? '-'}${note}\n`);
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
