// `ballast validate`: check the configuration (syntax, references, types, provider schemas)
// without reading or changing any real object.

import type { Argv, CommandModule } from 'yargs';
import { CliContext, globalOptions, varOptions, report, type GlobalArgs, type VarArgs } from '../context.ts';
import { prepareStack } from '../../operations/prepare-stack.ts';
import { planPreparedStack } from '../../operations/plan-stack.ts';
import { stackInput } from '../stack-flow.ts';
import { CliExit, EXIT_OK } from '../exit.ts';
import { hasErrors, type Diagnostic } from '../../diagnostics.ts';

export const validateCommand: CommandModule<object, GlobalArgs & VarArgs> = {
  command: 'validate',
  describe: 'Check the configuration of every selected stack; changes nothing and reads no real objects',
  builder: (y) => varOptions(globalOptions(y)) as Argv<GlobalArgs & VarArgs>,
  handler: async (a) => {
    const ctx = new CliContext(a);
    const all: Diagnostic[] = [];
    for (const s of await ctx.stacks()) {
      const prepared = prepareStack(stackInput(s), ctx.variableInputs(a));
      all.push(...prepared.diagnostics);
      if (!prepared.stack) continue;
      // plan against an empty state without refresh: evaluates and validates every resource, touches nothing
      const empty = { version: null, digest: null, instances: new Map(), journals: [] };
      const r = await planPreparedStack(prepared.stack, empty, ctx.registry, { mode: 'normal', refresh: false, remoteState: async () => null }, ctx.env);
      all.push(...r.diagnostics);
      await r.session?.close();
    }
    report(all, { throwOnError: false });
    if (a.json) process.stdout.write(JSON.stringify({ valid: !hasErrors(all), diagnostics: all }, null, 2) + '\n');
    else if (!hasErrors(all)) process.stdout.write('Success! The configuration is valid.\n');
    throw new CliExit(hasErrors(all) ? 1 : EXIT_OK);
  },
};
