// `ballast state list`, `state show ADDR`, `state mv SRC DST`, `state rm ADDR...` and
// `ballast state unlock ID --force`; `state pull` and `state push` live in state-interchange.ts.

import type { Argv, CommandModule } from 'yargs';
import { CliContext, globalOptions, type GlobalArgs } from '../context.ts';
import { CliExit, EXIT_OK } from '../exit.ts';
import { holderIsGone } from '../../../state/lock-holder.ts';
import { endpointHolds, parseEndpoint, parseInstance } from '../../addrs.ts';
import { formatDiagnostic } from '../../diagnostics.ts';
import { editInstances, editState, type StateEdit } from '../../operations/edit-state.ts';
import { readPrior } from '../../operations/prior-state.ts';
import { onlyStack } from './show.ts';
import { renderInstance } from '../render-instance.ts';
import { redactedVersion } from '../state-view.ts';
import { pullCommand, pushCommand } from './state-interchange.ts';

interface ShowArgs extends GlobalArgs {
  address: string;
}
interface MvArgs extends GlobalArgs {
  source: string;
  destination: string;
  'dry-run'?: boolean;
}
interface RmArgs extends GlobalArgs {
  addresses: string[];
  'dry-run'?: boolean;
}

const showInstanceCommand: CommandModule<object, ShowArgs> = {
  command: 'show <address>',
  describe: 'Show one recorded resource instance (sensitive values redacted)',
  builder: (y) => globalOptions(y).positional('address', { type: 'string', demandOption: true, describe: 'Instance address, e.g. module.net.aws_vpc.main or aws_s3_bucket.b["k"]' }) as Argv<ShowArgs>,
  handler: async (a) => {
    const ctx = new CliContext(a);
    try {
      const stack = await onlyStack(ctx);
      const v = await ctx.store(stack).current();
      const ep = parseEndpoint(a.address);
      const shown = Object.values(v ? redactedVersion(v).resources : {}).filter((i) => endpointHolds(ep, parseInstance(i.address)));
      if (!shown.length) {
        process.stderr.write(`No instance found for the given address "${a.address}" in stack "${stack}" (see ballast state list).
`);
        throw new CliExit(1);
      }
      if (a.json) process.stdout.write(JSON.stringify(shown.length === 1 ? shown[0] : shown, null, 2) + '\n');
      else process.stdout.write(shown.map(renderInstance).join('\n\n') + '\n');
      throw new CliExit(EXIT_OK);
    } finally {
      await ctx.close();
    }
  },
};

async function runEdit(a: GlobalArgs & { 'dry-run'?: boolean }, edit: StateEdit, verb: (t: string[]) => string): Promise<never> {
  const ctx = new CliContext(a);
  try {
    const stack = await onlyStack(ctx);
    const store = ctx.store(stack);
    if (a['dry-run']) {
      const r = editInstances(stack, (await readPrior(store)).instances, edit);
      for (const d of r.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n\n');
      for (const t of r.touched) process.stdout.write(`Would ${verb(t)}\n`);
      throw new CliExit(r.diagnostics.length ? 1 : EXIT_OK);
    }
    const r = await editState(stack, store, edit);
    for (const d of r.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n\n');
    if (!r.version) throw new CliExit(1);
    for (const t of r.touched) process.stdout.write(`${verb(t).replace(/^./, (c) => c.toUpperCase())}\n`);
    process.stdout.write(`${edit.kind === 'mv' ? 'Successfully moved' : 'Successfully removed'} ${r.touched.length} object(s). Recorded state version ${r.version.serial} of stack "${stack}".\n`);
    throw new CliExit(EXIT_OK);
  } finally {
    await ctx.close();
  }
}

const mvCommand: CommandModule<object, MvArgs> = {
  command: 'mv <source> <destination>',
  describe: 'Record an object (resource, instance or module) under a new address; nothing in the real world changes',
  builder: (y) =>
    globalOptions(y)
      .positional('source', { type: 'string', demandOption: true })
      .positional('destination', { type: 'string', demandOption: true })
      .option('dry-run', { type: 'boolean', default: false, describe: 'Only print what would move' }) as Argv<MvArgs>,
  handler: (a) => runEdit(a, { kind: 'mv', from: a.source, to: a.destination }, (t) => `move "${t[0]}" to "${t[1]}"`),
};

const rmCommand: CommandModule<object, RmArgs> = {
  command: 'rm <addresses..>',
  describe: 'Forget objects (resources, instances or modules) without destroying them',
  builder: (y) =>
    globalOptions(y)
      .positional('addresses', { type: 'string', array: true, demandOption: true })
      .option('dry-run', { type: 'boolean', default: false, describe: 'Only print what would be removed' }) as Argv<RmArgs>,
  handler: (a) => runEdit(a, { kind: 'rm', addresses: a.addresses }, (t) => `remove ${t[0]}`),
};

interface UnlockArgs extends GlobalArgs {
  id?: string;
  force?: boolean;
}

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
  builder: (y) =>
    globalOptions(y)
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
          process.stdout.write(
            lock
              ? `Stack "${name}" is locked by ${lock.who}@${lock.host} (pid ${lock.pid}) for ${lock.operation} since ${lock.created}; ${expired ? 'EXPIRED' : 'expires'} ${lock.expires}.${gone} Lock id: ${lock.id}\n`
              : `Stack "${name}" is not locked.\n`,
          );
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
  describe: 'Inspect and edit recorded state, and locks',
  builder: (y) => y.command(listCommand).command(showInstanceCommand).command(mvCommand).command(rmCommand).command(unlockCommand).command(pullCommand).command(pushCommand).demandCommand(1),
  handler: () => undefined,
};
