// `ballast import ADDR ID`: adopt an existing remote object into a stack's state, as
// `terraform import` does. The address must be declared in the stack; nothing is changed.

import type { Argv, CommandModule } from 'yargs';
import { CliContext, globalOptions, report, varOptions, type GlobalArgs, type VarArgs } from '../context.ts';
import { CliExit, EXIT_OK } from '../exit.ts';
import { parseInstance } from '../../addrs.ts';
import { stackInput } from '../stack-flow.ts';
import { prepareStack } from '../../operations/prepare-stack.ts';
import { importResource } from '../../operations/import-resource.ts';

interface ImportArgs extends GlobalArgs, VarArgs {
  address: string;
  id: string;
}

export const importCommand: CommandModule<object, ImportArgs> = {
  command: 'import <address> <id>',
  describe: 'Adopt an existing object into the state at ADDRESS (declared in the stack) by its provider import ID',
  builder: (y) =>
    varOptions(globalOptions(y))
      .positional('address', { type: 'string', demandOption: true, describe: 'Resource instance address, e.g. aws_s3_bucket.site or aws_sqs_queue.q["a"]' })
      .positional('id', { type: 'string', demandOption: true, describe: "The provider's import ID of the object (e.g. the bucket name, the queue URL)" }) as Argv<ImportArgs>,
  handler: async (a) => {
    const ctx = new CliContext(a);
    try {
      const addr = parseInstance(a.address);
      const stacks = await ctx.stacks();
      if (stacks.length !== 1) {
        process.stderr.write(`Error: the app has ${stacks.length} stacks (${stacks.map((s) => s.name).join(', ')}): choose the one to import into with --stack NAME.\n`);
        throw new CliExit(1);
      }
      const s = stacks[0];
      const prepared = prepareStack(stackInput(s), ctx.variableInputs(a));
      report(prepared.diagnostics);
      const store = ctx.store(s.name, prepared.stack!.config.backend);
      const outcome = await importResource(prepared.stack!, store, ctx.registry, { addr, id: String(a.id), env: ctx.env });
      report(outcome.diagnostics);
      if (!a.json) {
        process.stdout.write(`${a.address}: Import prepared!\n${a.address}: Refreshing state... [id=${a.id}]\n\nImport successful!\n\n`);
        process.stdout.write(`The resource imported is now in the state of stack "${s.name}" (version ${outcome.version!.serial}) and will be managed by Ballast.\n`);
      } else process.stdout.write(JSON.stringify({ stack: s.name, address: a.address, id: a.id, serial: outcome.version!.serial }) + '\n');
      throw new CliExit(EXIT_OK);
    } finally {
      await ctx.close();
    }
  },
};
