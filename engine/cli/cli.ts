// The `ballast` command line (entered through main.ts). Exit codes are decided here: 0 success, 1 error, 2 changes
// present (plan --detailed-exitcode). User mistakes print as diagnostics, never stack traces.

import { DiagnosticsError, formatDiagnostic, readableText } from '../diagnostics.ts';
import { CorruptStateError, LockHeldError, LockIdMismatchError, LockLostError, ProviderError, SourceUnreachableError, StalePlanError, StateConflictError, UserInputError } from '../errors.ts';
import { BrokenChainError } from '../../state/chain.ts';
import { SynthError } from '../synth/synth-error.ts';
import { AddressSyntaxError } from '../addrs.ts';
import { CliExit, EXIT_ERROR } from './exit.ts';
import { FlagValueError } from './flag-values.ts';
import { COMMANDS, commandToLoad, lazyCommands } from './lazy-commands.ts';
import { skipHelpCache } from './skip-help-cache.ts';
import { ENGINE_VERSION } from '../version.ts';
import { explainUsage, knownFlags, terraformStyleArgv } from './terraform-flags.ts';
import { protectLoneDash, restoreLoneDash, restoreLoneDashText } from './lone-dash.ts';

/** Errors that are the user's or the world's, printed as one clear message. */
const EXPECTED = [
  SynthError,
  LockHeldError,
  StateConflictError,
  StalePlanError,
  SourceUnreachableError,
  ProviderError,
  AddressSyntaxError,
  UserInputError,
  CorruptStateError,
  LockIdMismatchError,
  LockLostError,
  BrokenChainError,
];

export async function main(argv: string[]): Promise<number> {
  try {
    const { default: yargs } = await import('yargs');
    const parser = yargs(protectLoneDash(terraformStyleArgv(argv)));
    skipHelpCache(parser);
    await parser
      // English only: usage errors are rewritten from yargs' English messages (explainUsage), and
      // the bundled yargs (dist/vendor) carries no locale files
      .detectLocale(false)
      .scriptName('ballast')
      .version(ENGINE_VERSION)
      .command(await lazyCommands(commandToLoad(argv)))
      .option('debug', { type: 'boolean', global: true, describe: 'print stack traces of internal errors' })
      // `-` (stdin) arrives as typed, not as the empty string yargs would make of it
      .middleware((a) => restoreLoneDash(a), true)
      .demandCommand(1, 'Name a command (see --help).')
      .strict()
      .recommendCommands()
      .fail((msg, err) => {
        // a coerce function's complaint about a flag value arrives wrapped in yargs' YError
        if (err?.name === 'YError') throw new UsageError(restoreLoneDashText(err.message));
        if (err) throw err;
        throw new UsageError(explainUsage(restoreLoneDashText(msg), { flags: knownFlags(parser), commands: COMMANDS.map((c) => c.name) }, argv));
      })
      .help()
      .wrap(Math.min(110, process.stdout.columns || 100))
      .parseAsync();
    return 0;
  } catch (e) {
    if (e instanceof CliExit) {
      if (e.message) process.stderr.write(readableText(e.message) + '\n');
      return e.code;
    }
    if (e instanceof UsageError || e instanceof FlagValueError) {
      process.stderr.write(`Error: ${readableText(e.message)}\nRun "ballast --help" for usage.\n`);
      return EXIT_ERROR;
    }
    if (e instanceof DiagnosticsError) {
      for (const d of e.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n\n');
      return EXIT_ERROR;
    }
    // the machine said no (permissions, disk full, missing directory): a plain message, not a bug
    const systemError = typeof (e as NodeJS.ErrnoException)?.code === 'string' && typeof (e as NodeJS.ErrnoException)?.syscall === 'string';
    if (e instanceof LockHeldError) {
      process.stderr.write(`Error: ${readableText(e.message)}\n\n${unlockHint(e)}\n`);
      return EXIT_ERROR;
    }
    if (systemError || EXPECTED.some((cls) => e instanceof cls)) {
      process.stderr.write(`Error: ${readableText((e as Error).message)}\n`);
      return EXIT_ERROR;
    }
    // a bug: ours to fix; the stack trace only when asked for (--debug), never by default
    if (argv.includes('--debug')) process.stderr.write(`Internal error (please report): ${(e as Error)?.stack ?? String(e)}\n`);
    else process.stderr.write(`Internal error (please report): ${(e as Error)?.message ?? String(e)}\nRun again with --debug for the stack trace.\n`);
    return EXIT_ERROR;
  }
}

class UsageError extends Error {}

/** What to do about a held lock: wait for it, or remove it when its holder is certainly gone. */
function unlockHint(e: LockHeldError): string {
  return (
    `Wait for the other operation to finish (or pass --lock-timeout, e.g. --lock-timeout 5m), or, if you are sure ` +
    `its holder is no longer running, remove the lock with:\n  ballast state unlock ${e.holder.id} --force`
  );
}
