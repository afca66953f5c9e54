// `ballast state pull` and `ballast state push FILE`: the current state version as a Terraform
// v4 state file, and a v4 state file (e.g. an existing Terraform stack's) recorded as the next
// version. Like terraform's, a pulled state holds sensitive values in clear: it goes to stdout
// only, never to a log.

import { readFile } from 'node:fs/promises';
import type { Argv, CommandModule } from 'yargs';
import { CliContext, globalOptions, type GlobalArgs } from '../context.ts';
import { CliExit, EXIT_OK } from '../exit.ts';
import { onlyStack } from './show.ts';
import { ENGINE_VERSION } from '../../version.ts';
import { parseTerraformState, TerraformStateError, toTerraformState, type DynamicAttrs } from '../../operations/terraform-state.ts';
import { pushState } from '../../operations/push-state.ts';
import type { ProviderRegistry } from '../../../providers/registry.ts';
import type { ResourceMode } from '../../addrs.ts';
import { stringifyJson } from '../../lang/json-numbers.ts';

/**
 * Attributes of dynamic type, from built-in providers' schemas (cheap, no process). Provider
 * binaries are not started for this: their dynamic attributes pass through unwrapped.
 */
export function builtinDynamicAttrs(registry: ProviderRegistry, dir: string): DynamicAttrs {
  const cache = new Map<string, ReadonlySet<string>>();
  return (provider: string, mode: ResourceMode, type: string) => {
    const key = JSON.stringify([provider, mode, type]);
    const hit = cache.get(key);
    if (hit) return hit;
    let out: ReadonlySet<string> = new Set();
    const m = /^provider\["([^"]+)"\]/.exec(provider);
    const local = m ? m[1]!.split('/').pop()! : provider.split('.')[0]!;
    const entry = registry.resolve(local, m?.[1]);
    if (entry) {
      try {
        const p = entry.factory({ workingDir: dir, env: process.env });
        if (!(p instanceof Promise) && !p.start) {
          const s = mode === 'data' ? p.getSchema().dataSources[type] : p.getSchema().resources[type];
          out = new Set(
            Object.entries(s?.block.attributes ?? {})
              .filter(([, a]) => a.type === 'dynamic')
              .map(([n]) => n),
          );
        }
      } catch {
        // a provider that cannot be built here: its attributes pass through as they are
      }
    }
    cache.set(key, out);
    return out;
  };
}

const pullCommand: CommandModule<object, GlobalArgs> = {
  command: 'pull',
  describe: "Print the current state version as a Terraform v4 state file (holds sensitive values in clear, as terraform's does)",
  builder: (y) => globalOptions(y),
  handler: async (a) => {
    const ctx = new CliContext(a);
    try {
      const stack = await onlyStack(ctx);
      const v = await ctx.store(stack).current();
      if (!v) {
        process.stderr.write(`No state recorded yet for stack "${stack}".\n`);
        throw new CliExit(1);
      }
      const doc = toTerraformState(v, builtinDynamicAttrs(ctx.registry, ctx.appDir), ENGINE_VERSION);
      process.stdout.write(stringifyJson(doc, 2) + '\n');
      throw new CliExit(EXIT_OK);
    } finally {
      await ctx.close();
    }
  },
};

interface PushArgs extends GlobalArgs {
  file: string;
  force?: boolean;
}

const pushCommand: CommandModule<object, PushArgs> = {
  command: 'push <file>',
  describe: 'Record a Terraform v4 state file as the next state version; nothing in the real world changes',
  builder: (y) =>
    globalOptions(y)
      .positional('file', { type: 'string', demandOption: true, describe: 'A terraform.tfstate (version 4), or - for stdin' })
      .option('force', { type: 'boolean', default: false, describe: 'Push even if the lineage differs or the serial is not greater' }) as Argv<PushArgs>,
  handler: async (a) => {
    const ctx = new CliContext(a);
    try {
      let text: string;
      try {
        text =
          a.file === '-'
            ? await new Promise<string>((res, rej) => {
                let s = '';
                process.stdin
                  .setEncoding('utf8')
                  .on('data', (d: string) => (s += d))
                  .on('end', () => res(s))
                  .on('error', rej);
              })
            : await readFile(a.file, 'utf8');
      } catch (e) {
        process.stderr.write(`Error: cannot read ${a.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
        throw new CliExit(1);
      }
      const stack = await onlyStack(ctx);
      try {
        const parsed = parseTerraformState(text, a.file === '-' ? 'stdin' : a.file, builtinDynamicAttrs(ctx.registry, ctx.appDir));
        const r = await pushState(stack, ctx.store(stack), parsed, { force: a.force });
        process.stdout.write(`Pushed ${parsed.instances.size} object(s) and ${Object.keys(parsed.outputs).length} output(s). Recorded state version ${r.version.serial} of stack "${stack}".\n`);
      } catch (e) {
        if (!(e instanceof TerraformStateError)) throw e;
        process.stderr.write(`Error: ${e.message}\n`);
        throw new CliExit(1);
      }
      throw new CliExit(EXIT_OK);
    } finally {
      await ctx.close();
    }
  },
};

export { pullCommand, pushCommand };
