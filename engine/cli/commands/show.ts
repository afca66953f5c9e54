// `ballast show [N] [--diff M]`: one state version (default the current one), or what changed
// between two versions. Sensitive values are always redacted.

import type { Argv, CommandModule } from 'yargs';
import { createTwoFilesPatch } from 'diff';
import { CliContext, globalOptions, type GlobalArgs } from '../context.ts';
import { CliExit, EXIT_OK } from '../exit.ts';
import { MAX_SERIAL, wholeNumber } from '../flag-values.ts';
import { describeChanges, redactedVersion } from '../state-view.ts';
import { renderInstance } from '../render-instance.ts';
import type { StateStore } from '../../../state/store.ts';
import type { StateVersion } from '../../../state/model.ts';
import { stringifyJson } from '../../lang/json-numbers.ts';

interface ShowArgs extends GlobalArgs {
  serial?: number;
  diff?: number;
}

async function load(store: StateStore, serial: number | undefined, stack: string): Promise<StateVersion> {
  const v = serial === undefined ? await store.current() : await store.get(serial);
  if (!v) {
    process.stderr.write(serial === undefined ? `Stack "${stack}" has no state yet.\n` : `Stack "${stack}" has no state version ${serial} (see ballast history).\n`);
    throw new CliExit(1);
  }
  return v;
}

async function onlyStack(ctx: CliContext): Promise<string> {
  const names = await ctx.stateStacks();
  if (names.length !== 1) {
    process.stderr.write(names.length ? `Several stacks have state (${names.join(', ')}): choose one with --stack NAME.\n` : 'No state recorded yet.\n');
    throw new CliExit(1);
  }
  return names[0];
}

export const showCommand: CommandModule<object, ShowArgs> = {
  command: 'show [serial]',
  describe: 'Show a state version (default: current), or with --diff M the changes between two versions',
  builder: (y) =>
    globalOptions(y)
      .positional('serial', { type: 'string', describe: 'State version serial', coerce: wholeNumber('serial', { min: 1, max: MAX_SERIAL }) })
      .option('diff', { type: 'string', describe: 'Compare with this serial', coerce: wholeNumber('--diff', { min: 1, max: MAX_SERIAL }) }) as Argv<ShowArgs>,
  handler: async (a) => {
    const ctx = new CliContext(a);
    try {
      const stack = await onlyStack(ctx);
      const store = ctx.store(stack);
      const v = redactedVersion(await load(store, a.serial, stack));
      if (a.diff !== undefined) {
        const w = redactedVersion(await load(store, a.diff, stack));
        const [from, to] = w.serial < v.serial ? [w, v] : [v, w];
        const text = (x: StateVersion) => stringifyJson({ resources: x.resources, outputs: x.outputs }, 2, true) + '\n';
        process.stdout.write(createTwoFilesPatch(`version ${from.serial}`, `version ${to.serial}`, text(from), text(to), from.time, to.time));
        throw new CliExit(EXIT_OK);
      }
      if (a.json) {
        process.stdout.write(stringifyJson(v, 2, true) + '\n');
        throw new CliExit(EXIT_OK);
      }
      const out: string[] = [
        `Stack "${v.stack}" state version ${v.serial} (${v.reason}${v.rollbackOf !== undefined ? ` to version ${v.rollbackOf}` : ''}) at ${v.time}`,
        `  lineage ${v.lineage}, parent ${v.parentDigest ?? 'none'}`,
        `  source ${v.sourceRevision ?? '-'}, config ${v.configDigest ?? '-'}, engine ${v.engineVersion}`,
        `  changes ${describeChanges(v.changes)}`,
        '',
      ];
      // the same aligned style as the plan: no null attributes, heredocs for multi-line strings
      for (const inst of Object.values(v.resources)) out.push(renderInstance(inst), '');
      if (Object.keys(v.outputs).length) {
        out.push('Outputs:', '');
        for (const [k, o] of Object.entries(v.outputs)) out.push(`${k} = ${stringifyJson(o.value, undefined, true)}`);
      }
      process.stdout.write(out.join('\n') + '\n');
      throw new CliExit(EXIT_OK);
    } finally {
      await ctx.close();
    }
  },
};

export { onlyStack };
