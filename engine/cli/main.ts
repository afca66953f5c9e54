// The entry of the compiled CLI (dist/ballast.js). `--version` alone is answered here, before
// anything else loads: start-up is the whole cost of that call. Every other command line goes to
// cli.ts, which loads yargs and the commands named on the line.

import { ENGINE_VERSION } from '../version.ts';

// what yargs' hideBin does for a plain `node` process: drop the node binary and the script
const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') {
  process.stdout.write(`${ENGINE_VERSION}\n`);
} else {
  const { main } = await import('./cli.ts');
  process.exitCode = await main(argv);
}
