// `ballast rollback --to N`: plan version N's recorded configuration against the real world as
// it is now, show it, apply on confirmation, and record a new version (reason "rollback",
// linked to N). Earlier objects that still exist (e.g. random values) come back; old versions
// are never modified. Works without synthesizing the app, which may be what is broken.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { CliContext, report } from '../context.ts';
import { applyOne, type FlowOptions } from '../stack-flow.ts';
import { applyOptions, type ApplyArgs } from './apply.ts';
import { flowOptions } from './plan.ts';
import { onlyStack } from './show.ts';
import { CliExit, EXIT_OK } from '../exit.ts';
import { MAX_SERIAL, wholeNumber } from '../flag-values.ts';
import { prepareStack } from '../../operations/prepare-stack.ts';
import { readPrior } from '../../operations/prior-state.ts';
import { planPreparedStack } from '../../operations/plan-stack.ts';
import { canHoldControls, pinStack, readControl, writeControl } from '../../agent/pins.ts';

interface RollbackArgs extends ApplyArgs {
  to: number;
}

export const rollbackCommand: CommandModule<object, RollbackArgs> = {
  command: 'rollback',
  describe: 'Re-converge a stack to the configuration recorded in an earlier state version',
  builder: (y) =>
    applyOptions(y).option('to', {
      type: 'string',
      demandOption: true,
      describe: 'Serial of the state version to roll back to',
      coerce: wholeNumber('--to', { min: 1, max: MAX_SERIAL }),
    }) as Argv<RollbackArgs>,
  handler: async (a) => {
    const ctx = new CliContext(a);
    try {
      const stack = await onlyStack(ctx);
      const store = ctx.store(stack);
      const target = await store.get(a.to);
      if (!target) {
        process.stderr.write(`Stack "${stack}" has no state version ${a.to} (see ballast history).\n`);
        throw new CliExit(1);
      }
      // a destroy version keeps the configuration it destroyed; applying that would bring back
      // everything instead of the empty stack version N recorded
      if (target.reason === 'destroy') {
        process.stderr.write(
          `State version ${a.to} of stack "${stack}" was recorded by destroy and holds no objects; to get there again run ballast destroy, or roll back to a version made by apply.\n`,
        );
        throw new CliExit(1);
      }
      const bytes = target.configDigest ? await store.getConfig(target.configDigest) : null;
      if (!bytes) {
        process.stderr.write(`State version ${a.to} of stack "${stack}" has no recorded configuration (it was a ${target.reason}); choose a version made by apply.\n`);
        throw new CliExit(1);
      }
      // relative paths resolve where the synthesized stack lives, as when N was applied
      const synthDir = join(ctx.dir, 'cdktf.out', 'stacks', stack);
      const dir = existsSync(synthDir) ? synthDir : ctx.dir;
      const input = { name: stack, file: `state version ${a.to} configuration (${target.configDigest})`, dir, json: JSON.parse(bytes.toString('utf8')), bytes };
      const o: FlowOptions = {
        ...flowOptions(ctx, a),
        planOnly: false,
        autoApprove: a['auto-approve'] === true,
        signal: ctx.signal,
        rollbackOf: a.to,
        sourceRevision: target.sourceRevision ?? undefined,
      };
      const prepared = prepareStack(input, o.vars);
      report(prepared.diagnostics);
      await ctx.lockStack(stack, store, 'rollback', o.lockWaitMs ?? 0);
      const prior = await readPrior(store);
      const restore = new Map(Object.entries(target.resources));
      const planned = await planPreparedStack(
        prepared.stack!,
        { ...prior, restore },
        ctx.registry,
        {
          mode: 'normal',
          refresh: o.refresh,
          parallelism: o.parallelism,
          sourceRevision: target.sourceRevision,
          rollbackOf: a.to,
          remoteState: ctx.remoteState(),
        },
        ctx.env,
      );
      report(planned.diagnostics);
      const session = planned.session!;
      // pin first, so an agent polling in between cannot re-apply the revision being rolled back
      const control = canHoldControls(store) ? await readControl(store) : null;
      if (control) await pinStack(store, a.to, prior.version?.sourceRevision);
      try {
        await applyOne(ctx, session, o, false);
      } catch (e) {
        if (control) await writeControl(store, control);
        throw e;
      } finally {
        await session.close();
      }
      throw new CliExit(EXIT_OK);
    } finally {
      await ctx.close();
    }
  },
};
