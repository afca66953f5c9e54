// `ballast synth`: run the CDKTF app and list the synthesized stacks.

import type { CommandModule } from 'yargs';
import { CliContext, globalOptions, type GlobalArgs } from '../context.ts';
import { CliExit, EXIT_OK } from '../exit.ts';

export const synthCommand: CommandModule<object, GlobalArgs> = {
  command: 'synth',
  describe: 'Synthesize the app to Terraform JSON and list its stacks in dependency order',
  builder: (y) => globalOptions(y),
  handler: async (a) => {
    const ctx = new CliContext(a);
    const stacks = await ctx.stacks();
    if (a.json) {
      process.stdout.write(JSON.stringify({ stacks: stacks.map((s) => ({ name: s.name, file: s.file, dependencies: s.dependencies })) }, null, 2) + '\n');
    } else {
      for (const s of stacks) process.stdout.write(`${s.name}\t${s.file}${s.dependencies.length ? `\t(depends on ${s.dependencies.join(', ')})` : ''}\n`);
    }
    throw new CliExit(EXIT_OK);
  },
};
