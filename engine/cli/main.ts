// The entry of the compiled CLI (dist/ballast.js). `--version` alone is answered here, before
// anything else loads: start-up is the whole cost of that call. Every other command line goes to
// cli.ts, which loads yargs and the commands named on the line.

import { ENGINE_VERSION } from '../version.ts';

// A reader that went away (`ballast plan | head`) must not turn into a crash with a stack trace,
// nor stop an apply half-way: the rest of the output is dropped and the command finishes.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

// what yargs' hideBin does for a plain `node` process: drop the node binary and the script
const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') {
  process.stdout.write(`${ENGINE_VERSION}\n`);
} else {
  const { main } = await import('./cli.ts');
  const code = await main(argv);
  // The command has finished and awaited all of its work: exit now rather than through Node's
  // teardown, which after a large plan waits for an idle-time collection of the whole heap (~15 ms
  // at 1,000 resources). Output still buffered (pipes are asynchronous on some systems) goes first.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

/** resolves once everything written to the stream so far has been handed to the system (or the stream failed) */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableLength === 0) resolve();
    else stream.write('', () => resolve());
  });
}
