// `ballast show [N] [--diff M]`: one state version (default the current one), or what changed
// between two versions. Sensitive values are always redacted. `ballast show [--json] PLANFILE`:
// a plan saved by `plan --out`, printed as that plan run printed it (the human plan, or with
// --json the plan document), as `terraform show [-json] PLANFILE` does.

import { existsSync } from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { createTwoFilesPatch } from 'diff';
import { CliContext, globalOptions, type GlobalArgs } from '../context.ts';
import { CliExit, EXIT_OK } from '../exit.ts';
import { FlagValueError, MAX_SERIAL, wholeNumber } from '../flag-values.ts';
import { readPlanFile } from '../../plan/plan-file.ts';
import { UserInputError } from '../../errors.ts';
import { describeChanges, redactedVersion } from '../state-view.ts';
import { renderInstance } from '../render-instance.ts';
import type { StateStore } from '../../../state/store.ts';
import type { StateVersion } from '../../../state/model.ts';
import { stringifyJson } from '../../lang/json-numbers.ts';

interface ShowArgs extends GlobalArgs {
  /** a serial (digits) or a plan file */
  target?: string;
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
  command: 'show [target]',
  describe: 'Show a state version (default: current), with --diff M the changes between two versions, or a plan saved with plan --out',
  builder: (y) =>
    globalOptions(y)
      .positional('target', { type: 'string', describe: 'State version serial, or a plan file saved with `plan --out FILE` (--json: the plan document)' })
      .option('diff', { type: 'string', describe: 'Compare with this serial', coerce: wholeNumber('--diff', { min: 1, max: MAX_SERIAL }) }) as Argv<ShowArgs>,
  handler: async (a) => {
    // a number names a state version (a bad one gets the serial's error); anything else is a saved plan
    if (a.target !== undefined && !/^[+-]?\d+(\.\d*)?([eE][+-]?\d+)?$/.test(a.target)) return showPlanFile(a.target, a);
    const serial = a.target === undefined ? undefined : wholeNumber('serial', { min: 1, max: MAX_SERIAL })(a.target);
    const ctx = new CliContext(a);
    try {
      const stack = await onlyStack(ctx);
      const store = ctx.store(stack);
      const v = redactedVersion(await load(store, serial, stack));
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

function showPlanFile(file: string, a: ShowArgs): never {
  if (a.diff !== undefined) throw new FlagValueError('--diff compares two state versions; it does not apply to a plan file');
  let saved: ReturnType<typeof readPlanFile>;
  try {
    saved = readPlanFile(file);
  } catch (e) {
    if (e instanceof UserInputError && !existsSync(file)) throw new UserInputError(`${e.message} (show takes a state version serial or a plan file)`);
    throw e;
  }
  if (!saved.rendered) throw new UserInputError(`saved plan ${file} holds no rendering to show: run plan --out again`);
  const { color } = new CliContext(a);
  process.stdout.write(a.json ? `${saved.rendered.json}\n` : color ? saved.rendered.humanColor : saved.rendered.human);
  throw new CliExit(EXIT_OK);
}

export { onlyStack };
