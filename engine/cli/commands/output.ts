// `ballast output [NAME]`: the outputs recorded in the current state version. As with
// terraform output, --json and a single NAME print values (sensitive ones included, since the
// caller asked for them by name or for machine use); the human listing redacts them.

import { stringifyJson } from '../../lang/json-numbers.ts';
import type { Argv, CommandModule } from 'yargs';
import { CliContext, globalOptions, type GlobalArgs } from '../context.ts';
import { CliExit, EXIT_OK } from '../exit.ts';
import { onlyStack } from './show.ts';
import { REDACTED } from '../state-view.ts';

interface OutputArgs extends GlobalArgs { name?: string; raw?: boolean }

export const outputCommand: CommandModule<object, OutputArgs> = {
  command: 'output [name]',
  describe: 'Print the outputs of a stack\'s current state version ({name: {value, sensitive}} with --json)',
  builder: (y) => globalOptions(y)
    .positional('name', { type: 'string', describe: 'Print only this output' })
    .option('raw', { type: 'boolean', default: false, describe: 'Print a string output without quotes' }) as Argv<OutputArgs>,
  handler: async (a) => {
    const ctx = new CliContext(a);
    try {
      const stack = await onlyStack(ctx);
      const v = await ctx.store(stack).current();
      const outputs = v?.outputs ?? {};
      if (a.name !== undefined) {
        const o = outputs[a.name];
        if (!o) {
          process.stderr.write(`Output "${a.name}" not found in stack "${stack}". Available: ${Object.keys(outputs).join(', ') || 'none'}.\n`);
          throw new CliExit(1);
        }
        process.stdout.write((a.raw && typeof o.value === 'string' ? o.value : stringifyJson(o.value, a.json ? 2 : undefined, true)) + '\n');
        throw new CliExit(EXIT_OK);
      }
      if (a.json) {
        process.stdout.write(stringifyJson(Object.fromEntries(Object.entries(outputs).map(([k, o]) => [k, { value: o.value, sensitive: o.sensitive }])), 2, true) + '\n');
      } else {
        for (const [k, o] of Object.entries(outputs)) process.stdout.write(`${k} = ${o.sensitive ? `<${REDACTED}>` : stringifyJson(o.value, undefined, true)}\n`);
      }
      throw new CliExit(EXIT_OK);
    } finally {
      await ctx.close();
    }
  },
};
