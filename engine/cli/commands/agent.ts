// `ballast agent`: runs the GitOps agent until SIGTERM/SIGINT (see engine/agent/), and
// `ballast agent suspend|resume STACK`, which flip the switch the agent reads next to the
// stack's state.

import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Argv, CommandModule } from 'yargs';
import { CliContext, globalOptions, varOptions, report, type GlobalArgs, type VarArgs } from '../context.ts';
import { CliExit, EXIT_ERROR, EXIT_OK } from '../exit.ts';
import { durationText, PARALLELISM_MAX, wholeNumber } from '../flag-values.ts';
import { loadConfigFile, parseListen, resolveAgentConfig, type AgentConfig, type AgentConfigFile, type AgentFlags, type Policy } from '../../agent/agent-config.ts';
import { Agent } from '../../agent/agent.ts';
import { startHttpServer } from '../../agent/http-server.ts';
import { createLogger } from '../../agent/logger.ts';
import { createAgentMetrics } from '../../agent/metrics.ts';
import { readControl, resumeStack, suspendStack } from '../../agent/pins.ts';
import { agentUiBackend } from '../../ui/agent-ui-backend.ts';
import { createUi, UiSetupError } from '../../ui/start-ui.ts';
import { defaultIdentity, LeaseSharding } from '../../agent/sharding/lease-sharding.ts';
import type { ShardingConfig } from '../../agent/sharding/sharding-config.ts';
import type { Logger } from '../../agent/logger.ts';
import { KubeConfig } from '@kubernetes/client-node';
import type { Registry } from 'prom-client';

export interface AgentArgs extends GlobalArgs, VarArgs {
  config?: string;
  git?: string;
  ref?: string;
  path?: string;
  'git-token-file'?: string;
  'git-ssh-key-file'?: string;
  'git-verify-keyring'?: string;
  's3-bucket'?: string;
  's3-prefix'?: string;
  's3-region'?: string;
  's3-endpoint'?: string;
  interval?: string;
  'drift-interval'?: string;
  policy?: Policy;
  parallelism?: number;
  'stack-concurrency'?: number;
  listen?: string;
  'webhook-secret-file'?: string;
  'ui-viewer-token-file'?: string;
  'ui-operator-token-file'?: string;
  'work-dir'?: string;
  'shutdown-timeout'?: string;
  'lock-wait'?: string;
  'shard-lease-namespace'?: string;
  shards?: number;
  'lease-duration'?: string;
  'lease-renew-interval'?: string;
  'lease-group'?: string;
  'replica-name'?: string;
}

interface StackArgs extends GlobalArgs {
  config?: string;
  name: string;
}

function agentOptions<T>(y: Argv<T>): Argv<T & AgentArgs> {
  return varOptions(globalOptions(y))
    .option('config', { type: 'string', describe: 'Agent configuration file (YAML or JSON): sources, intervals, policy, state' })
    .option('git', { type: 'string', describe: 'Git repository URL of the single source (path, file://, git://, https://, ssh://)' })
    .option('ref', { type: 'string', describe: 'Branch, tag or commit of --git (default main)' })
    .option('path', { type: 'string', describe: 'Sub-directory of the stacks in the repository or below the S3 prefix' })
    .option('git-token-file', { type: 'string', describe: 'File holding an HTTPS token for --git (never logged)' })
    .option('git-ssh-key-file', { type: 'string', describe: 'SSH private key file for --git' })
    .option('git-verify-keyring', { type: 'string', describe: 'Apply only commits signed by a key in this keyring (gpg export)' })
    .option('s3-bucket', { type: 'string', describe: 'Versioned S3 bucket of the single source' })
    .option('s3-prefix', { type: 'string', describe: 'Key prefix of the stacks in --s3-bucket' })
    .option('s3-region', { type: 'string', describe: 'Region of --s3-bucket' })
    .option('s3-endpoint', { type: 'string', describe: 'S3 endpoint URL for --s3-bucket (an S3-compatible server)' })
    .option('interval', { type: 'string', coerce: durationText('--interval'), describe: 'How often to fetch the source, e.g. 30s, 10m, 1h (default 30s)' })
    .option('drift-interval', { type: 'string', coerce: durationText('--drift-interval'), describe: 'How often to check applied stacks for drift (default 10m)' })
    .option('policy', { choices: ['auto', 'plan-only'] as const, describe: 'auto: apply new revisions and correct drift; plan-only: plan and report' })
    .option('parallelism', {
      type: 'string',
      describe: `Provider operations in flight at once, 1 to ${PARALLELISM_MAX} (default 10)`,
      coerce: wholeNumber('--parallelism', { min: 1, max: PARALLELISM_MAX }),
    })
    .option('stack-concurrency', { type: 'string', describe: 'Stacks reconciled at once across all sources, 1 to 64 (default 4)', coerce: wholeNumber('--stack-concurrency', { min: 1, max: 64 }) })
    .option('listen', { type: 'string', describe: 'host:port of /healthz, /readyz, /metrics, /status and /hooks/git (default 127.0.0.1:8080)' })
    .option('webhook-secret-file', { type: 'string', describe: 'File with the shared secret that signs POST /hooks/git (X-Hub-Signature-256)' })
    .option('ui-viewer-token-file', { type: 'string', describe: 'Tokens (one a line) that may read the web UI; without it the read-only UI is open' })
    .option('ui-operator-token-file', { type: 'string', describe: 'Tokens (one a line) that may act in the web UI (sync, suspend/resume, rollback); without it nobody can' })
    .option('work-dir', { type: 'string', describe: 'Where source checkouts are cached (default .ballast-agent)' })
    .option('shutdown-timeout', { type: 'string', coerce: durationText('--shutdown-timeout'), describe: 'After SIGTERM, how long in-flight applies may run before they are cancelled (default 60s)' })
    .option('lock-wait', { type: 'string', coerce: durationText('--lock-wait'), describe: 'How long an apply waits for another holder of the state lock (default 10m)' })
    .option('shard-lease-namespace', {
      type: 'string',
      describe: 'Share the stacks with other replicas through Kubernetes Leases in this namespace (uses --kubeconfig/--kube-context, else KUBECONFIG or the in-cluster service account)',
    })
    .option('shards', {
      type: 'string',
      describe: 'Stacks map to this many shards, one Lease each, 1 to 4096 (default 64; the same on every replica)',
      coerce: wholeNumber('--shards', { min: 1, max: 4096 }),
    })
    .option('lease-duration', {
      type: 'string',
      coerce: durationText('--lease-duration'),
      describe: "How long a shard Lease lasts unrenewed, whole seconds (default 15s): a dead replica's stacks move after this",
    })
    .option('lease-renew-interval', { type: 'string', coerce: durationText('--lease-renew-interval'), describe: 'How often Leases are listed and renewed (default a third of --lease-duration)' })
    .option('lease-group', { type: 'string', describe: 'Names the Leases; replicas of one group share the stacks (default ballast)' })
    .option('replica-name', { type: 'string', describe: "This replica's Lease holder identity (default $POD_NAME, else host-pid)" }) as Argv<T & AgentArgs>;
}

function stackOptions<T>(y: Argv<T>): Argv<T & StackArgs> {
  return globalOptions(y)
    .positional('name', { type: 'string', demandOption: true, describe: 'Stack name' })
    .option('config', { type: 'string', describe: 'Agent configuration file, for its state settings' }) as Argv<T & StackArgs>;
}

/** Reads --config (if any) and merges the flags; diagnostics are printed, errors exit 1. */
export function agentConfigFromArgs(a: AgentArgs): AgentConfig {
  let file: AgentConfigFile | undefined;
  if (a.config) {
    const loaded = loadConfigFile(a.config);
    report(loaded.diagnostics);
    file = loaded.file;
  }
  const flags: AgentFlags = {
    listen: a.listen,
    workDir: a['work-dir'],
    policy: a.policy,
    interval: a.interval,
    driftInterval: a['drift-interval'],
    parallelism: a.parallelism,
    stackConcurrency: a['stack-concurrency'],
    webhookSecretFile: a['webhook-secret-file'],
    uiViewerTokenFile: a['ui-viewer-token-file'],
    uiOperatorTokenFile: a['ui-operator-token-file'],
    shutdownTimeout: a['shutdown-timeout'],
    lockWait: a['lock-wait'],
    stateDir: a['state-dir'],
    stateS3: a['state-s3-bucket'] ? { bucket: a['state-s3-bucket'], key: a['state-s3-key'], region: a['state-s3-region'], endpoint: a['state-s3-endpoint'] } : undefined,
    git: a.git ? { url: a.git, ref: a.ref, path: a.path, tokenFile: a['git-token-file'], sshKeyFile: a['git-ssh-key-file'], verifyKeyringFile: a['git-verify-keyring'] } : undefined,
    s3: a['s3-bucket'] ? { bucket: a['s3-bucket'], prefix: joinPrefix(a['s3-prefix'], a.path), region: a['s3-region'], endpoint: a['s3-endpoint'] } : undefined,
    stacks: a.stack,
    vars: Object.fromEntries(
      (a.var ?? []).map((v) => {
        const i = v.indexOf('=');
        return i < 0 ? [v, ''] : [v.slice(0, i), v.slice(i + 1)];
      }),
    ),
    varFiles: a['var-file'],
    sharding: {
      namespace: a['shard-lease-namespace'],
      shards: a.shards,
      leaseDuration: a['lease-duration'],
      renewInterval: a['lease-renew-interval'],
      group: a['lease-group'],
      replicaName: a['replica-name'],
    },
  };
  const r = resolveAgentConfig(file, flags);
  report(r.diagnostics);
  return r.config!;
}

function joinPrefix(prefix: string | undefined, path: string | undefined): string | undefined {
  if (!path) return prefix;
  const p = (prefix ?? '').replace(/\/*$/, prefix ? '/' : '');
  return `${p}${path.replace(/^\/+/, '').replace(/\/*$/, '/')}`;
}

/** The CLI context whose state store selection matches the agent's (flags, else the file's `state`). */
function contextFor(a: GlobalArgs, state: AgentConfig['state']): CliContext {
  return new CliContext({
    ...a,
    'state-dir': a['state-dir'] ?? state.dir,
    'state-s3-bucket': a['state-s3-bucket'] ?? state.s3?.bucket,
    'state-s3-key': a['state-s3-key'] ?? state.s3?.key,
    'state-s3-region': a['state-s3-region'] ?? state.s3?.region,
    'state-s3-endpoint': a['state-s3-endpoint'] ?? state.s3?.endpoint,
  });
}

async function runAgent(a: AgentArgs): Promise<never> {
  const config = agentConfigFromArgs(a);
  let webhookSecret: Buffer | undefined;
  if (config.webhookSecretFile) {
    try {
      webhookSecret = Buffer.from(readFileSync(config.webhookSecretFile, 'utf8').trim());
    } catch (e) {
      process.stderr.write(`Error: cannot read the webhook secret file ${config.webhookSecretFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      throw new CliExit(EXIT_ERROR);
    }
    if (webhookSecret.length === 0) {
      process.stderr.write(`Error: the webhook secret file ${config.webhookSecretFile} is empty\n`);
      throw new CliExit(EXIT_ERROR);
    }
  }
  const ctx = contextFor(a, config.state);
  const log = createLogger();
  const metrics = createAgentMetrics();
  const sharding = config.sharding ? leaseSharding(config.sharding, a, log, metrics.registry) : undefined;
  const agent = new Agent({ config, registry: ctx.registry, openStore: (stack, backend) => ctx.store(stack, backend), log, metrics, sharding });
  let ui: ReturnType<typeof createUi>;
  try {
    ui = createUi(agentUiBackend(agent, config, ctx), config.ui, (e, path) => log.error({ event: 'ui', path, error: e.message }, 'web UI request failed'));
  } catch (e) {
    if (!(e instanceof UiSetupError)) throw e;
    process.stderr.write(`Error: ${e.message}\n`);
    throw new CliExit(EXIT_ERROR);
  }
  if (sharding) {
    sharding.busy = (shard) => agent.runningStacks().some((s) => sharding.shardOf(s) === shard);
    sharding.start();
    log.info(
      { event: 'sharding', identity: sharding.status().identity, namespace: config.sharding!.namespace, shards: config.sharding!.shards, leaseDurationMs: config.sharding!.leaseDurationMs },
      'sharing stacks with other replicas through Leases',
    );
  }
  const { host, port } = parseListen(config.listen);
  const http = await startHttpServer(host, port, {
    ready: () => agent.ready,
    status: () => agent.status(),
    metrics: metrics.registry,
    trigger: (reason) => agent.trigger('git', reason),
    webhookSecret,
    log,
    ui: (req, res) => ui.handle(req, res),
  });
  log.info({ event: 'listening', address: http.address, webhook: webhookSecret !== undefined }, `listening on http://${http.address}`);

  const done = new Promise<number>((resolve) => {
    let signals = 0;
    const onSignal = (sig: NodeJS.Signals) => {
      signals++;
      if (signals > 1) {
        log.warn({ event: 'signal', signal: sig }, 'second signal: exiting now');
        process.exit(EXIT_ERROR);
      }
      log.info({ event: 'signal', signal: sig }, 'shutting down');
      // no new work first, then the idle shards go back at once; the busy ones once their applies end
      const stopped = agent.stop();
      const handedBack = sharding?.releaseIdle().catch(() => undefined);
      stopped.then(
        async () => {
          await handedBack;
          await sharding?.stop();
          await ui.close();
          await http.close();
          await ctx.close();
          resolve(EXIT_OK);
        },
        (e) => {
          log.error({ event: 'stop', error: (e as Error).message }, 'shutdown failed');
          resolve(EXIT_ERROR);
        },
      );
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
  agent.start();
  const code = await done;
  // whatever SDK connection pools are left must not keep a stopped agent alive
  setTimeout(() => process.exit(code), 2000).unref();
  throw new CliExit(code);
}

function leaseSharding(c: ShardingConfig, a: AgentArgs, log: Logger, registry: Registry): LeaseSharding {
  const kc = new KubeConfig();
  try {
    if (a.kubeconfig) kc.loadFromFile(a.kubeconfig);
    else kc.loadFromDefault();
    if (a['kube-context']) kc.setCurrentContext(a['kube-context']);
    if (!kc.getCurrentCluster()) throw new Error('it names no current cluster');
  } catch (e) {
    process.stderr.write(`Error: cannot load the kubeconfig for shard Leases${a.kubeconfig ? ` (${a.kubeconfig})` : ''}: ${(e as Error).message}\n`);
    throw new CliExit(EXIT_ERROR);
  }
  return new LeaseSharding({
    kubeConfig: kc,
    namespace: c.namespace,
    shards: c.shards,
    group: c.group,
    identity: c.replicaName ?? defaultIdentity(),
    leaseDurationMs: c.leaseDurationMs,
    renewIntervalMs: c.renewIntervalMs,
    marginMs: c.fenceMarginMs,
    log,
    registry,
  });
}

async function setSwitch(a: StackArgs, action: 'suspend' | 'resume'): Promise<never> {
  let state: AgentConfig['state'] = {};
  if (a.config) {
    const loaded = loadConfigFile(a.config);
    report(loaded.diagnostics);
    state = loaded.file?.state ?? {};
  }
  const ctx = contextFor(a, state);
  try {
    const store = ctx.store(a.name);
    if (action === 'suspend') {
      await suspendStack(store, safeUser());
      process.stdout.write(`Suspended stack "${a.name}": the agent skips it until "ballast agent resume ${a.name}".\n`);
    } else {
      const before = await readControl(store);
      await resumeStack(store);
      const was = [before.suspended ? 'suspended' : '', before.pin ? `pinned to version ${before.pin.serial} by a rollback` : ''].filter(Boolean).join(' and ');
      process.stdout.write(was ? `Resumed stack "${a.name}" (it was ${was}): the agent follows the source again.\n` : `Stack "${a.name}" was neither suspended nor pinned; nothing to resume.\n`);
    }
    throw new CliExit(EXIT_OK);
  } finally {
    await ctx.close();
  }
}

function safeUser(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}

export const agentCommand: CommandModule<object, AgentArgs> = {
  command: 'agent',
  describe: 'Run the GitOps agent: fetch, plan and apply stacks from git or S3 continuously (suspend/resume: see subcommands)',
  builder: (y) =>
    agentOptions(y)
      .command<StackArgs>({
        command: 'suspend <name>',
        describe: 'Pause the agent for one stack (kept next to its state)',
        builder: (s) => stackOptions(s),
        handler: (s) => setSwitch(s, 'suspend'),
      })
      .command<StackArgs>({
        command: 'resume <name>',
        describe: 'Let the agent follow the source again for one stack (clears suspend and rollback pins)',
        builder: (s) => stackOptions(s),
        handler: (s) => setSwitch(s, 'resume'),
      }) as unknown as Argv<AgentArgs>,
  handler: (a) => runAgent(a),
};
