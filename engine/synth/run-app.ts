// Runs a cdktf app's entry file in a child node process: TypeScript compiled on the fly by tsx,
// bare imports falling back to Ballast's node_modules (ESM hook + NODE_PATH for CommonJS),
// CDKTF_OUTDIR / CDKTF_CONTEXT_JSON set the way the cdktf CLI sets them.

import type * as childProcess from 'node:child_process';
import { lazyRequire } from '../lazy-require.ts';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter } from 'node:path';
import { SynthError } from './synth-error.ts';
import { tidyAppOutput } from './tidy-app-output.ts';

export interface RunAppOptions {
  /** the stack directory: the app's working directory */
  cwd: string;
  entry: string;
  outDir: string;
  context: Record<string, unknown>;
  /** base environment (default process.env) */
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export interface AppOutput {
  stdout: string;
  stderr: string;
}

const OUTPUT_LIMIT = 64 * 1024;
// loaded when an app really runs: plan and apply of Terraform JSON or HCL never start one
const spawnProcess = lazyRequire<typeof childProcess>('node:child_process');
const fallbackRegisterURL = new URL('./register-module-fallback.mjs', import.meta.url).href;

/** node_modules directories Ballast itself resolves packages from (for CommonJS NODE_PATH). */
function ballastNodeModules(): string[] {
  const require = createRequire(import.meta.url);
  return (require.resolve.paths('cdktf') ?? []).filter((p) => p.endsWith('node_modules') && existsSync(p));
}

/** Keeps the tail: the end of a long log is where the error is. */
function appendCapped(buf: string, chunk: string): string {
  const s = buf + chunk;
  return s.length > OUTPUT_LIMIT ? s.slice(s.length - OUTPUT_LIMIT) : s;
}

export function runApp(opts: RunAppOptions): Promise<AppOutput> {
  const base = opts.env ?? process.env;
  const nodePath = [...ballastNodeModules(), ...(base.NODE_PATH ? base.NODE_PATH.split(delimiter) : [])].join(delimiter);
  const env: NodeJS.ProcessEnv = {
    ...base,
    CDKTF_OUTDIR: opts.outDir,
    CDKTF_CONTEXT_JSON: JSON.stringify(opts.context),
    NODE_PATH: nodePath,
  };
  // Ballast writes JSON; an inherited HCL switch would make output we cannot read.
  delete env.SYNTH_HCL_OUTPUT;
  // resolved here, not at load: plan and apply of an already synthesized stack never run an app
  const args = ['--import', import.meta.resolve('tsx'), '--import', fallbackRegisterURL, opts.entry];

  return new Promise((resolvePromise, reject) => {
    if (opts.signal?.aborted) {
      reject(opts.signal.reason ?? new DOMException('synthesis aborted', 'AbortError'));
      return;
    }
    const child = spawnProcess().spawn(process.execPath, args, { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let spawnError: Error | undefined;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout = appendCapped(stdout, d)));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = appendCapped(stderr, d)));
    const onAbort = () => child.kill('SIGTERM');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (e) => (spawnError = e));
    child.on('close', (code, sig) => {
      opts.signal?.removeEventListener('abort', onAbort);
      if (opts.signal?.aborted) {
        reject(opts.signal.reason ?? new DOMException('synthesis aborted', 'AbortError'));
        return;
      }
      if (spawnError) {
        reject(new SynthError(`cannot start the app in ${opts.cwd}: ${spawnError.message}`, { cause: spawnError }));
        return;
      }
      if (code !== 0) {
        const how = sig ? `was killed by ${sig}` : `exited with code ${code}`;
        const output = tidyAppOutput(stderr) || tidyAppOutput(stdout) || '(no output)';
        reject(new SynthError(`synthesis failed in ${opts.cwd}: app ${opts.entry} ${how}:\n${output}`));
        return;
      }
      resolvePromise({ stdout, stderr });
    });
  });
}
