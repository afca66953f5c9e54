// `ballast output [NAME]`: the outputs recorded in the current state version. As with
// terraform output, --json and a single NAME print values (sensitive ones included, since the
// caller asked for them by name or for machine use); the human listing redacts them.

import { stringifyJson } from '../../lang/json-numbers.ts';
import type { Argv, CommandModule } from 'yargs';
import { CliContext, globalOptions, type GlobalArgs } from '../context.ts';
import { CliExit, EXIT_OK } from '../exit.ts';
import { onlyStack } from './show.ts';
import { formatOutputValue, outputLines, outputTypeJson, rawOutput } from '../output-value.ts';

interface OutputArgs extends GlobalArgs {
  name?: string;
  raw?: boolean;
}

export const outputCommand: CommandModule<object, OutputArgs> = {
  command: 'output [name]',
  describe: "Print the outputs of a stack's current state version ({name: {sensitive, type, value}} with --json)",
  builder: (y) =>
    globalOptions(y)
      .positional('name', { type: 'string', describe: 'Print only this output' })
      .option('raw', { type: 'boolean', default: false, describe: 'Print a string, number or bool output as it is (no quotes, no newline), for shell scripts' }) as Argv<OutputArgs>,
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
        if (a.raw) {
          const raw = rawOutput(o.value);
          if ('problem' in raw) {
            process.stderr.write(`Error: Unsupported value for raw output\n\n  ${raw.problem.replace('the output value', `output value "${a.name}"`)}\n`);
            throw new CliExit(1);
          }
          process.stdout.write(raw.text);
          throw new CliExit(EXIT_OK);
        }
        process.stdout.write((a.json ? stringifyJson(o.value, 2, true) : formatOutputValue(o.value)) + '\n');
        throw new CliExit(EXIT_OK);
      }
      const names = Object.keys(outputs).sort();
      if (a.json) {
        process.stdout.write(
          stringifyJson(Object.fromEntries(names.map((k) => [k, { sensitive: outputs[k]!.sensitive, type: outputTypeJson(outputs[k]!.value), value: outputs[k]!.value }])), 2, true) + '\n',
        );
      } else {
        // as terraform output: sorted, sensitive ones as <sensitive>, lists and maps over several lines
        for (const line of outputLines(outputs)) process.stdout.write(`${line}\n`);
      }
      throw new CliExit(EXIT_OK);
    } finally {
      await ctx.close();
    }
  },
};
