// `ballast bootstrap`: writes the manifests that run the agent in the cluster it manages into
// a directory of the git repository the agent will follow (like `flux bootstrap`), see
// engine/agent/bootstrap/agent-manifests.ts. Apply them once by hand (kubectl apply -k DIR);
// from then on the agent reconciles its own Deployment from git.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { CliExit, EXIT_ERROR, EXIT_OK } from '../exit.ts';
import { durationText, wholeNumber } from '../flag-values.ts';
import { agentManifests } from '../../agent/bootstrap/agent-manifests.ts';
import { normalizeDir } from '../../agent/agent-config.ts';
import { resolveSharding } from '../../agent/sharding/sharding-config.ts';
import { formatDiagnostic, type Diagnostic } from '../../diagnostics.ts';

interface BootstrapArgs {
  dir: string;
  path: string;
  namespace: string;
  replicas: number;
  image: string;
  'git-url'?: string;
  ref: string;
  'stacks-path'?: string;
  'state-s3-bucket'?: string;
  'state-s3-region'?: string;
  shards: number;
  'lease-duration': string;
}

function fail(message: string, hint?: string): never {
  process.stderr.write(`Error: ${message}\n${hint ? `  ${hint}\n` : ''}`);
  throw new CliExit(EXIT_ERROR);
}

function originUrl(dir: string): string | undefined {
  try {
    return execFileSync('git', ['-C', dir, 'remote', 'get-url', 'origin'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export const bootstrapCommand: CommandModule<object, BootstrapArgs> = {
  command: 'bootstrap',
  describe: 'Write the manifests that run the agent in the cluster (Kustomize base: Deployment of N replicas, RBAC, probes, PDB, Service) into a git repository it then follows',
  builder: (y) =>
    y
      .option('dir', { type: 'string', default: '.', describe: 'Working copy of the git repository the agent will follow' })
      .option('path', { type: 'string', default: 'clusters/ballast', describe: 'Directory for the manifests inside the repository (reconciled by the agent as its own stack)' })
      .option('namespace', { type: 'string', default: 'ballast-system', describe: 'Namespace of the agent and its shard Leases' })
      .option('replicas', { type: 'string', default: '3', describe: 'Agent replicas sharing the stacks, 1 to 100', coerce: wholeNumber('--replicas', { min: 1, max: 100 }) })
      .option('image', { type: 'string', default: 'ghcr.io/ballast-dev/ballast:latest', describe: 'Container image of the agent (see Dockerfile)' })
      .option('git-url', { type: 'string', describe: 'URL the agent clones (default: the remote "origin" of --dir)' })
      .option('ref', { type: 'string', default: 'main', describe: 'Branch the agent follows' })
      .option('stacks-path', { type: 'string', describe: 'Stack directories (a path or glob, e.g. stacks/*) the agent reconciles besides itself' })
      .option('state-s3-bucket', { type: 'string', describe: 'S3 bucket of the state (required: pods keep no local state)' })
      .option('state-s3-region', { type: 'string', describe: 'Region of --state-s3-bucket' })
      .option('shards', { type: 'string', default: '64', describe: 'Shards (one Lease each) the stacks map to', coerce: wholeNumber('--shards', { min: 1, max: 4096 }) })
      .option('lease-duration', { type: 'string', default: '15s', coerce: durationText('--lease-duration'), describe: 'How long a shard Lease lasts unrenewed' }) as unknown as Argv<BootstrapArgs>,
  handler: (a) => {
    const dir = resolve(a.dir);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`--dir ${a.dir} is not a directory`, 'Point --dir at a working copy of the repository the agent will follow.');
    const path = normalizeDir(a.path);
    if (!path || path.split('/').includes('..') || a.path.startsWith('/')) fail(`--path "${a.path}" must be a directory inside the repository, e.g. clusters/ballast`);
    const gitUrl = a['git-url'] ?? originUrl(dir);
    if (!gitUrl) fail('the repository URL the agent clones is unknown', `--dir ${a.dir} has no remote "origin": name it with --git-url URL.`);
    if (!a['state-s3-bucket']) fail('--state-s3-bucket is required', 'Agent pods keep no local state: the state must live in S3 (or an S3-compatible store).');
    const diags: Diagnostic[] = [];
    resolveSharding(undefined, { namespace: a.namespace, shards: a.shards, leaseDuration: a['lease-duration'] }, diags);
    if (diags.length)
      fail(
        diags
          .map(formatDiagnostic)
          .join('\n')
          .replace(/Invalid agent configuration: --shard-lease-namespace/g, '--namespace'),
      );
    const files = agentManifests({
      namespace: a.namespace,
      replicas: a.replicas,
      image: a.image,
      gitUrl,
      ref: a.ref,
      path,
      stacksPath: a['stacks-path'] ? normalizeDir(a['stacks-path']) : undefined,
      stateS3Bucket: a['state-s3-bucket'],
      stateS3Region: a['state-s3-region'],
      shards: a.shards,
      leaseDuration: a['lease-duration'],
    });
    const out = join(dir, path);
    mkdirSync(out, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
    process.stdout.write(
      `Wrote ${Object.keys(files).length} files to ${out}:\n${Object.keys(files)
        .map((f) => `  ${f}`)
        .join(
          '\n',
        )}\n\nNext:\n  git -C ${a.dir} add ${path} && git -C ${a.dir} commit -m "Bootstrap the Ballast agent" && git -C ${a.dir} push\n  kubectl apply -k ${join(a.dir, path)}    # once; the agent then reconciles ${path} from git as its own stack\n`,
    );
    throw new CliExit(EXIT_OK);
  },
};
