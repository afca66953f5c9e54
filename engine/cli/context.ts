// What every command shares: the working directory (--chdir), synthesis and stack selection,
// the state store of each stack, variable inputs, the provider registry, and printing.

import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { type Diagnostic, error, formatDiagnostic, hasErrors } from '../diagnostics.ts';
import { stackNameProblem } from '../synth/stack-name.ts';
import { CliExit } from './exit.ts';
import { consolidateWarnings } from './consolidate-warnings.ts';
import { parseInstance, parseTarget, type InstanceAddr, type ObjectEndpoint } from '../addrs.ts';
import { synthesize, selectStacks, type SynthStack } from '../synth/synth.ts';
import { backendOfStack, openStateStore, s3OverridesFromEnv, type StackBackend, type StoreSelection } from '../../state/open-store.ts';
import type { Lock, StateStore } from '../../state/store.ts';
import { staleLockWarning } from '../operations/stale-lock-warning.ts';
import type { ProviderRegistry } from '../../providers/registry.ts';
import { shippedRegistry } from '../../providers/shipped/shipped-registry.ts';
import type { VariableInputs } from '../config/variables.ts';
import type { RemoteStateReader } from '../plan/remote-state-reader.ts';
import { remoteStateReader } from '../operations/remote-state.ts';

export interface GlobalArgs {
  chdir?: string;
  stack?: string[];
  'stack-name'?: string;
  /** not a flag: the name after the fetched path (`plan --git --path`), used for a lone *.tf.json as the agent does */
  pathStackName?: string;
  'state-dir'?: string;
  'state-s3-bucket'?: string;
  'state-s3-key'?: string;
  'state-s3-region'?: string;
  'state-s3-endpoint'?: string;
  json?: boolean;
  color?: boolean;
  'plugin-dir'?: string[];
  'use-plugin'?: string[];
  kubeconfig?: string;
  'kube-context'?: string;
}

export interface VarArgs {
  var?: string[];
  'var-file'?: string[];
}

/** Options every command accepts. */
export function globalOptions<T>(y: Argv<T>): Argv<T & GlobalArgs> {
  return (
    y
      .option('chdir', { type: 'string', describe: 'Directory of the app (cdktf.json), synthesized output, or *.tf.json to act on', default: undefined })
      .option('stack', { type: 'string', array: true, describe: 'Stack to act on (repeatable); default: all stacks in dependency order' })
      .option('stack-name', { type: 'string', describe: 'Name of a lone *.tf.json stack (default: the file name without .tf.json); needed when stacks share --state-dir' })
      .option('state-dir', { type: 'string', describe: 'Keep state in this directory (one sub-directory per stack) instead of .ballast/' })
      .option('state-s3-bucket', { type: 'string', describe: 'Keep state in this versioned S3 bucket (overrides the stack backend); env BALLAST_STATE_S3_BUCKET' })
      .option('state-s3-key', { type: 'string', describe: 'Object key of the state in the bucket; "{stack}" is replaced by the stack name (default {stack}/ballast.tfstate)' })
      .option('state-s3-region', { type: 'string', describe: 'Region of the state bucket' })
      .option('state-s3-endpoint', { type: 'string', describe: 'S3 endpoint URL for the state bucket (e.g. a local S3-compatible server)' })
      .option('kubeconfig', { type: 'string', describe: 'Kubeconfig file for cluster apps (default: KUBECONFIG, ~/.kube/config, in-cluster service account)' })
      .option('kube-context', { type: 'string', describe: 'Context of the kubeconfig to use for cluster apps' })
      .option('json', { type: 'boolean', default: false, describe: 'Machine-readable JSON output' })
      // Terraform CI scripts pass -input=false; Ballast never prompts for variable values
      .option('input', { type: 'boolean', hidden: true, describe: 'Accepted for Terraform compatibility (Ballast never asks for variable values)' })
      .option('color', { type: 'boolean', describe: 'Force color on or off (default: on when stdout is a terminal and NO_COLOR is unset)' })
      .option('plugin-dir', { type: 'string', array: true, describe: 'Look for provider binaries only in this directory (repeatable; Terraform mirror layout); env BALLAST_PLUGIN_DIRS' })
      .option('use-plugin', {
        type: 'string',
        array: true,
        describe: 'Run this provider (source, e.g. hashicorp/null, or "*") from its binary instead of the built-in one (repeatable); env BALLAST_USE_PLUGINS',
      }) as Argv<T & GlobalArgs>
  );
}

export function varOptions<T>(y: Argv<T>): Argv<T & VarArgs> {
  return y
    .option('var', { type: 'string', array: true, describe: 'Set an input variable: --var name=value (repeatable)' })
    .option('var-file', { type: 'string', array: true, describe: 'Load variable values from a .tfvars or .tfvars.json file (repeatable)' }) as Argv<T & VarArgs>;
}

export class CliContext {
  readonly dir: string;
  readonly registry: ProviderRegistry;
  readonly color: boolean;
  private readonly stores = new Map<string, StateStore>();
  private readonly locks = new Map<string, Lock>();
  private synthCache?: SynthStack[];

  private interrupt?: AbortController;

  /**
   * Aborted by the first Ctrl-C / SIGTERM: no new operations start, those in flight finish and
   * everything done is recorded. A second signal exits at once (the journal still has the record).
   */
  get signal(): AbortSignal {
    if (!this.interrupt) {
      const ctl = (this.interrupt = new AbortController());
      const onSignal = (sig: NodeJS.Signals) => {
        if (ctl.signal.aborted) process.exit(130);
        process.stderr.write(`\nReceived ${sig}: finishing operations in flight and recording state; press Ctrl-C again to exit at once.\n`);
        ctl.abort(new Error(`interrupted by ${sig}`));
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    }
    return this.interrupt.signal;
  }

  readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly args: GlobalArgs,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.dir = resolve(args.chdir ?? process.cwd());
    // The kubernetes provider reads these the way hashicorp/kubernetes does (KUBE_CONFIG_PATH, KUBE_CTX).
    this.env = {
      ...env,
      ...(args.kubeconfig ? { KUBE_CONFIG_PATH: resolve(args.kubeconfig) } : {}),
      ...(args['kube-context'] ? { KUBE_CTX: args['kube-context'] } : {}),
    };
    this.registry = shippedRegistry({ env: this.env, pluginDirs: (args['plugin-dir'] ?? []).map((d) => resolve(d)), usePlugins: args['use-plugin'] ?? [] });
    this.color = args.color ?? (process.stdout.isTTY === true && !env.NO_COLOR && !args.json);
  }

  /** The app directory the default state lives next to. */
  get appDir(): string {
    return existsSync(this.dir) && !this.dir.endsWith('.json') ? this.dir : resolve(this.dir, '..');
  }

  private get storeSelection(): StoreSelection {
    const s3 = this.args['state-s3-bucket']
      ? {
          bucket: this.args['state-s3-bucket'],
          key: this.args['state-s3-key'],
          region: this.args['state-s3-region'],
          endpoint: this.args['state-s3-endpoint'],
          usePathStyle: this.args['state-s3-endpoint'] ? true : undefined,
        }
      : s3OverridesFromEnv(this.env);
    return { stateDir: this.args['state-dir'] ? resolve(this.args['state-dir']) : undefined, s3, appDir: this.appDir };
  }

  /** Synthesizes the app (once per command) and returns the selected stacks in dependency order. */
  async stacks(signal?: AbortSignal): Promise<SynthStack[]> {
    if (!this.synthCache) {
      const result = await synthesize(this.dir, { signal, env: this.env });
      const named = this.args['stack-name'];
      if (named !== undefined) {
        const problem = stackNameProblem(named);
        if (problem) {
          report([error(`Invalid --stack-name "${named}": it ${problem}`)]);
        }
        if (!(result.stacks.length === 1 && result.stacks[0]!.generic)) {
          report([
            error(
              '--stack-name names only a lone *.tf.json stack',
              `${this.dir} is an app whose stacks are named by the app (${result.stacks.map((s) => s.name).join(', ')}); use --stack to select one.`,
            ),
          ]);
        }
      }
      const generic = result.stacks.length === 1 && result.stacks[0]!.generic === true;
      const name = named ?? (generic ? this.args.pathStackName : undefined);
      this.synthCache = name === undefined ? result.stacks : [{ ...result.stacks[0]!, name }];
    }
    const all = { outDir: this.dir, stacks: this.synthCache };
    return selectStacks(all, this.args.stack ?? []);
  }

  /** Whether stacks of different directories can meet in one state store (--state-dir or S3 state), so identities are checked. */
  get sharedStateStore(): boolean {
    const sel = this.storeSelection;
    return sel.stateDir !== undefined || sel.s3?.bucket !== undefined;
  }

  store(stack: string, backend?: { type: string; config: Record<string, unknown> }): StateStore {
    let s = this.stores.get(stack);
    if (!s) {
      // a name becomes a directory or key: `x/../victim` must never reach a store
      const problem = stackNameProblem(stack);
      if (problem) report([error(`Invalid stack name "${stack}": it ${problem}`, 'Stack names follow Terraform identifier rules.')]);
      s = openStateStore(stack, backend ?? this.synthesizedBackend(stack), this.storeSelection);
      this.stores.set(stack, s);
    }
    return s;
  }

  /**
   * Stacks whose state a command reads (history, show, output, rollback, state): --stack, else
   * the stacks with a local state directory, else the app's stacks (synthesized, for their backends).
   */
  async stateStacks(): Promise<string[]> {
    const sel = this.storeSelection;
    if (!sel.s3) {
      const base = sel.stateDir ?? join(this.appDir, '.ballast');
      const local = existsSync(base)
        ? readdirSync(base, { withFileTypes: true })
            .filter((d) => d.isDirectory())
            .map((d) => d.name)
            .sort()
        : [];
      if (this.args.stack?.length) return this.args.stack;
      if (local.length || sel.stateDir) return local;
    } else if (this.args.stack?.length) return this.args.stack;
    return (await this.stacks()).map((s) => s.name);
  }

  private synthesizedBackend(stack: string): StackBackend | undefined {
    return backendOfStack(this.synthCache?.find((s) => s.name === stack)?.json);
  }

  variableInputs(args: VarArgs): VariableInputs {
    return { flags: args.var ?? [], files: (args['var-file'] ?? []).map((f) => resolve(f)), env: this.env };
  }

  /** terraform_remote_state in a multi-stack app reads the outputs recorded for the other stack. */
  remoteState(): RemoteStateReader {
    return remoteStateReader((stack) => this.store(stack));
  }

  /**
   * Takes the state lock of a stack for the rest of the command (released by releaseLock or
   * close). Commands that change state take it before refreshing, as Terraform does, so the
   * plan they show is the plan they apply.
   */
  async lockStack(stack: string, store: StateStore, operation: string, waitMs: number): Promise<Lock> {
    const held = this.locks.get(stack);
    if (held) return held;
    const lock = await store.lock({ operation, waitMs, signal: this.signal });
    this.locks.set(stack, lock);
    if (lock.tookOver) report([staleLockWarning(lock.tookOver, stack)], { throwOnError: false });
    return lock;
  }

  heldLock(stack: string): Lock | undefined {
    return this.locks.get(stack);
  }

  async releaseLock(stack: string): Promise<void> {
    const lock = this.locks.get(stack);
    this.locks.delete(stack);
    await lock?.release().catch(() => undefined);
  }

  async close(): Promise<void> {
    await Promise.all([...this.locks.keys()].map((s) => this.releaseLock(s)));
    await Promise.all([...this.stores.values()].map((s) => s.close?.()));
  }
}

export function parseAddresses(list: string[] | undefined): InstanceAddr[] {
  return (list ?? []).map((t) => parseInstance(t));
}

/** `--target` values: resources, instances, module calls and module instances. */
export function parseTargets(list: string[] | undefined): ObjectEndpoint[] {
  return (list ?? []).map((t) => parseTarget(t));
}

let diagnosticSink: ((d: Diagnostic) => void) | undefined;

/** Sends reported diagnostics to `sink` instead of stderr (the `-json` UI stream); undefined restores stderr. */
export function setDiagnosticSink(sink: ((d: Diagnostic) => void) | undefined): void {
  diagnosticSink = sink;
}

/** Writes diagnostics to stderr (or the diagnostic sink); throws DiagnosticsError when any is an error. */
export function report(diags: readonly Diagnostic[], opts: { throwOnError?: boolean } = {}): void {
  for (const d of consolidateWarnings(diags)) {
    if (diagnosticSink) diagnosticSink(d);
    else process.stderr.write(formatDiagnostic(d) + '\n\n');
  }
  if ((opts.throwOnError ?? true) && hasErrors(diags)) throw new CliExit(1);
}
