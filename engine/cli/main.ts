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
  process.exitCode = await main(argv);
}
