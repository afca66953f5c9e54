// The `ballast` command line. Exit codes are decided here: 0 success, 1 error, 2 changes
// present (plan --detailed-exitcode). User mistakes print as diagnostics, never stack traces.

import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { DiagnosticsError, formatDiagnostic } from '../diagnostics.ts';
import { LockHeldError, ProviderError, SourceUnreachableError, StalePlanError, StateConflictError } from '../errors.ts';
import { SynthError } from '../synth/synth-error.ts';
import { AddressSyntaxError } from '../addrs.ts';
import { CliExit, EXIT_ERROR } from './exit.ts';
import { commandToLoad, lazyCommands } from './lazy-commands.ts';
import { ENGINE_VERSION } from '../version.ts';

/** Errors that are the user's or the world's, printed as one clear message. */
const EXPECTED = [SynthError, LockHeldError, StateConflictError, StalePlanError, SourceUnreachableError, ProviderError, AddressSyntaxError];

export async function main(argv: string[]): Promise<number> {
  try {
    await yargs(argv)
      .scriptName('ballast')
      .version(ENGINE_VERSION)
      .command(await lazyCommands(commandToLoad(argv)))
      .demandCommand(1, 'Name a command (see --help).')
      .strict()
      .recommendCommands()
      .fail((msg, err) => {
        if (err) throw err;
        throw new UsageError(msg);
      })
      .help()
      .wrap(Math.min(110, process.stdout.columns || 100))
      .parseAsync();
    return 0;
  } catch (e) {
    if (e instanceof CliExit) {
      if (e.message) process.stderr.write(e.message + '\n');
      return e.code;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`Error: ${e.message}\nRun "ballast --help" for usage.\n`);
      return EXIT_ERROR;
    }
    if (e instanceof DiagnosticsError) {
      for (const d of e.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n\n');
      return EXIT_ERROR;
    }
    // the machine said no (permissions, disk full, missing directory): a plain message, not a bug
    const systemError = typeof (e as NodeJS.ErrnoException)?.code === 'string' && typeof (e as NodeJS.ErrnoException)?.syscall === 'string';
    if (systemError || EXPECTED.some((cls) => e instanceof cls) || (e as Error)?.name === 'LockIdMismatchError' || (e as Error)?.name === 'CorruptStateError' || (e as Error)?.name === 'LockLostError') {
      process.stderr.write(`Error: ${(e as Error).message}\n`);
      return EXIT_ERROR;
    }
    // a bug: keep the stack trace, it is ours to fix
    process.stderr.write(`Internal error (please report): ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT_ERROR;
  }
}

class UsageError extends Error {}

main(hideBin(process.argv)).then((code) => {
  process.exitCode = code;
});
