// `ballast console`: evaluate expressions against a stack's configuration and recorded state, as
// `terraform console` does. On a terminal it is a prompt loop (`> `; an open bracket continues
// on the next line; `exit` or Ctrl-D ends it). Otherwise it reads one expression per line from
// stdin and prints each result; a line that fails prints its diagnostic and the rest still run,
// and the exit code is 1 when any line failed. Nothing is locked, refreshed or written.

import { createInterface, type Interface } from 'node:readline';
import type { Argv, CommandModule } from 'yargs';
import { error } from '../../diagnostics.ts';
import { consoleScope, evaluateConsoleInput } from '../../operations/console-scope.ts';
import { prepareStack } from '../../operations/prepare-stack.ts';
import { readPrior } from '../../operations/prior-state.ts';
import type { StackScope } from '../../eval/stack-scope.ts';
import { formatConsoleError, needsMoreInput } from '../console-input.ts';
import { formatConsoleValue } from '../console-value.ts';
import { CliContext, globalOptions, report, varOptions, type GlobalArgs, type VarArgs } from '../context.ts';
import { CliExit, EXIT_ERROR, EXIT_OK } from '../exit.ts';
import { stackInput } from '../stack-flow.ts';

type ConsoleArgs = GlobalArgs & VarArgs;

export const consoleCommand: CommandModule<object, ConsoleArgs> = {
  command: 'console',
  describe: 'Evaluate expressions against the configuration and current state of a stack (a prompt on a terminal, else one expression per stdin line)',
  builder: (y) => varOptions(globalOptions(y)) as Argv<ConsoleArgs>,
  handler: async (a) => {
    const ctx = new CliContext(a);
    try {
      const stacks = await ctx.stacks();
      if (stacks.length !== 1) {
        report([error('Choose one stack for the console', `The app has several stacks (${stacks.map((s) => s.name).join(', ')}): name one with --stack NAME.`)]);
      }
      const s = stacks[0]!;
      // as Terraform's console: a required variable without a value is unknown, not an error
      const prepared = prepareStack(stackInput(s), { ...ctx.variableInputs(a), unsetAsUnknown: true });
      report(prepared.diagnostics);
      const stack = prepared.stack!;
      const prior = await readPrior(ctx.store(s.name, stack.config.backend));
      const scope = consoleScope(stack, prior);
      const failed = process.stdin.isTTY ? await interactive(scope) : await piped(scope);
      throw new CliExit(failed ? EXIT_ERROR : EXIT_OK);
    } finally {
      await ctx.close();
    }
  },
};

/** Evaluates one entry and prints its value (stdout) or its diagnostic (stderr); false when it failed. */
function handle(scope: StackScope, text: string): boolean {
  const r = evaluateConsoleInput(scope, text);
  if (r.ok) {
    process.stdout.write(`${formatConsoleValue(r.value)}\n`);
    return true;
  }
  process.stderr.write(`\n${formatConsoleError(r.error, text)}\n\n`);
  return false;
}

async function piped(scope: StackScope): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  let failed = false;
  for await (const raw of rl) {
    const text = raw.trim();
    if (text === '') continue;
    if (text === 'exit') break;
    if (!handle(scope, text)) failed = true;
  }
  rl.close();
  return failed;
}

async function interactive(scope: StackScope): Promise<boolean> {
  const rl: Interface = createInterface({ input: process.stdin, output: process.stdout, terminal: true, prompt: '> ', historySize: 500 });
  let pending = '';
  // Ctrl-C drops the entry being typed; on an empty prompt it ends the console
  rl.on('SIGINT', () => {
    if (pending === '' && rl.line === '') {
      rl.close();
      return;
    }
    pending = '';
    process.stdout.write('\n');
    rl.setPrompt('> ');
    rl.write(null, { ctrl: true, name: 'u' });
    rl.prompt();
  });
  rl.prompt();
  for await (const line of rl) {
    const text = pending ? `${pending}\n${line}` : line.trim();
    if (!pending && (text === 'exit' || text === '')) {
      if (text === 'exit') break;
      rl.prompt();
      continue;
    }
    if (needsMoreInput(text)) {
      pending = text;
      rl.setPrompt('. ');
      rl.prompt();
      continue;
    }
    pending = '';
    handle(scope, text.trim());
    rl.setPrompt('> ');
    rl.prompt();
  }
  rl.close();
  return false;
}
