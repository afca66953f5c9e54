// data "local_command" (hashicorp/local 2.5+): runs a program at plan time and reports its
// output. The program is run directly, without a shell, as the real provider does.

import type * as childProcess from 'node:child_process';
import { lazyRequire } from '../../engine/lazy-require.ts';
import { resolve } from 'node:path';
import type { ProviderContext, ResourceSchema } from '../provider.ts';
import { fail, type DataSource } from '../schema-provider.ts';

export const localCommandSchema: ResourceSchema = {
  version: 0,
  block: {
    attributes: {
      command: { type: 'string', required: true, description: 'The program to run, found on PATH unless it is a path.' },
      arguments: { type: { list: 'string' }, optional: true },
      stdin: { type: 'string', optional: true },
      working_directory: { type: 'string', optional: true, description: 'Defaults to the stack directory.' },
      allow_non_zero_exit_code: { type: 'bool', optional: true },
      stdout: { type: 'string', computed: true },
      stderr: { type: 'string', computed: true },
      exit_code: { type: 'number', computed: true },
    },
  },
};

interface Finished {
  stdout: string;
  stderr: string;
  code: number;
}

// loaded when a command really runs, not by every stack that uses the local provider
const childProcesses = lazyRequire<typeof childProcess>('node:child_process');

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, stdin: string | null, signal?: AbortSignal): Promise<Finished> {
  return new Promise((done, failed) => {
    const child = childProcesses().spawn(command, args, { cwd, env, signal, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', failed);
    child.on('close', (code) => done({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code: code ?? -1 }));
    child.stdin.on('error', () => {}); // a program that ignores stdin may close it early
    child.stdin.end(stdin ?? undefined);
  });
}

export function createLocalCommandData(ctx: ProviderContext): DataSource {
  return {
    schema: localCommandSchema,
    async read(config, signal) {
      const command = config.command as string;
      const args = ((config.arguments as string[] | null) ?? []).map(String);
      const cwd = resolve(ctx.workingDir, (config.working_directory as string | null) ?? '.');
      let result: Finished;
      try {
        result = await run(command, args, cwd, ctx.env, (config.stdin as string | null) ?? null, signal);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return fail(`Command "${command}" could not be run`, code === 'ENOENT' ? 'The program or the working directory was not found.' : (e as Error).message, 'command');
      }
      if (result.code !== 0 && config.allow_non_zero_exit_code !== true) {
        fail(`Command "${command}" exited with code ${result.code}`, 'Set allow_non_zero_exit_code = true to accept a failing command.', 'command');
      }
      return { ...config, stdout: result.stdout, stderr: result.stderr, exit_code: result.code };
    },
  };
}
