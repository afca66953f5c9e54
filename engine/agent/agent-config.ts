// The agent's configuration: a YAML or JSON file (`--config`) and/or the flags of the
// single-source case. The file is checked against a schema; every problem is reported at once
// as a diagnostic naming the field (`sources[0].git.url`).

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { type Diagnostic, error } from '../diagnostics.ts';
import { parseDuration } from './duration.ts';
import { gitUrlProblem } from '../sources/git-source.ts';
import { stackNameProblem } from '../synth/stack-name.ts';
import { resolveSharding, SHARDING_SCHEMA, type ShardingConfig, type ShardingFileSettings, type ShardingFlags } from './sharding/sharding-config.ts';
import { DRIFT_POLICIES, type DriftPolicyRule } from '../plan/drift-policy.ts';

/** `./stacks/s01/` -> `stacks/s01`; '' is the repository root. */
export function normalizeDir(p: string): string {
  return p
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '')
    .replace(/^\.$/, '');
}

export type Policy = 'auto' | 'plan-only';

export type SourceSpec =
  | {
      readonly kind: 'git';
      readonly url: string;
      readonly ref: string;
      /** sub-path of the stacks inside the repository */
      readonly path: string;
      readonly tokenFile?: string;
      readonly sshKeyFile?: string;
      readonly verifyKeyringFile?: string;
      readonly shallow?: boolean;
    }
  | {
      readonly kind: 's3';
      readonly bucket: string;
      readonly prefix: string;
      readonly region?: string;
      readonly endpoint?: string;
    };

/** Settings of the stack directories matching `pattern` (a path or glob below the repository root). */
export interface DirectorySettings {
  readonly pattern: string;
  /** the stack's name when its own is generic (a lone *.tf.json); default: after its path */
  readonly name?: string;
  readonly policy?: Policy;
  readonly driftIntervalMs?: number;
  readonly vars?: Record<string, string>;
  readonly varFiles?: string[];
  /** stacks (by name) that must be reconciled first in a cycle, like Flux's dependsOn */
  readonly dependsOn: string[];
}

export interface SourceConfig {
  /** names the source in logs, metrics and its cache directory */
  readonly name: string;
  /** where to fetch from; its `path` is the stack directory or a glob of them (`stacks/*`, `stacks/**`) */
  readonly source: SourceSpec;
  /** globs of directories (below the repository root) that are never stacks */
  readonly exclude: string[];
  /** destroy the stack of a directory that disappeared (default: only report it) */
  readonly prune: boolean;
  /** per-directory settings; the first matching entry applies */
  readonly directories: DirectorySettings[];
  readonly policy: Policy;
  readonly intervalMs: number;
  readonly driftIntervalMs: number;
  /** only these stacks of the app (default all) */
  readonly stacks: string[];
  /** `--var name=value` equivalents */
  readonly vars: Record<string, string>;
  readonly varFiles: string[];
}

export interface StateConfig {
  readonly dir?: string;
  readonly s3?: { readonly bucket: string; readonly key?: string; readonly region?: string; readonly endpoint?: string };
}

export interface UiConfig {
  readonly viewerTokenFile?: string;
  readonly operatorTokenFile?: string;
  /** stack name -> environment, where neither the name nor the path tells it */
  readonly environments: Readonly<Record<string, string>>;
}

export interface AgentConfig {
  /** host:port of the HTTP server; port 0 picks a free one */
  readonly listen: string;
  /** source caches live here */
  readonly workDir: string;
  readonly parallelism: number;
  /** stacks reconciled at once across all sources */
  readonly stackConcurrency: number;
  readonly webhookSecretFile?: string;
  /** the web UI's access (engine/ui): token files, environment labels per stack */
  readonly ui: UiConfig;
  /** how long in-flight work may run after SIGTERM before it is cancelled */
  readonly shutdownTimeoutMs: number;
  /** how long an apply waits for another holder's state lock */
  readonly lockWaitMs: number;
  readonly state: StateConfig;
  readonly sources: SourceConfig[];
  /** several replicas share the stacks through Kubernetes Leases (sharding/) */
  readonly sharding?: ShardingConfig;
  /** drift policy by address (first match wins); an object's own label or annotation wins over these */
  readonly driftPolicies: DriftPolicyRule[];
}

export const DEFAULTS = {
  listen: '127.0.0.1:8080',
  workDir: '.ballast-agent',
  policy: 'auto' as Policy,
  interval: '30s',
  driftInterval: '10m',
  parallelism: 10,
  stackConcurrency: 4,
  shutdownTimeout: '60s',
  lockWait: '10m',
};

const duration = { type: 'string', format: 'duration' };
const stringMap = { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } };

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    listen: { type: 'string', pattern: '^[^\\s]*:\\d{1,5}$' },
    workDir: { type: 'string', minLength: 1 },
    policy: { enum: ['auto', 'plan-only'] },
    interval: duration,
    driftInterval: duration,
    parallelism: { type: 'integer', minimum: 1 },
    stackConcurrency: { type: 'integer', minimum: 1 },
    webhookSecretFile: { type: 'string', minLength: 1 },
    uiViewerTokenFile: { type: 'string', minLength: 1 },
    uiOperatorTokenFile: { type: 'string', minLength: 1 },
    environments: { type: 'object', additionalProperties: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,40}$' } },
    shutdownTimeout: duration,
    lockWait: duration,
    sharding: SHARDING_SCHEMA,
    drift: {
      type: 'object',
      additionalProperties: false,
      properties: {
        policies: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['address', 'policy'],
            properties: {
              address: { type: 'string', minLength: 1 },
              policy: { enum: [...DRIFT_POLICIES] },
              stack: { type: 'string', minLength: 1 },
            },
          },
        },
      },
    },
    state: {
      type: 'object',
      additionalProperties: false,
      properties: {
        dir: { type: 'string', minLength: 1 },
        s3: {
          type: 'object',
          additionalProperties: false,
          required: ['bucket'],
          properties: { bucket: { type: 'string', minLength: 1 }, key: { type: 'string' }, region: { type: 'string' }, endpoint: { type: 'string' } },
        },
      },
    },
    sources: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' },
          git: {
            type: 'object',
            additionalProperties: false,
            required: ['url'],
            properties: {
              url: { type: 'string', minLength: 1 },
              ref: { type: 'string', minLength: 1 },
              path: { type: 'string' },
              tokenFile: { type: 'string', minLength: 1 },
              sshKeyFile: { type: 'string', minLength: 1 },
              verifyKeyringFile: { type: 'string', minLength: 1 },
              shallow: { type: 'boolean' },
            },
          },
          s3: {
            type: 'object',
            additionalProperties: false,
            required: ['bucket'],
            properties: { bucket: { type: 'string', minLength: 1 }, prefix: { type: 'string' }, region: { type: 'string' }, endpoint: { type: 'string' } },
          },
          policy: { enum: ['auto', 'plan-only'] },
          interval: duration,
          driftInterval: duration,
          stacks: { type: 'array', items: { type: 'string', minLength: 1 } },
          vars: stringMap,
          varFiles: { type: 'array', items: { type: 'string', minLength: 1 } },
          exclude: { type: 'array', items: { type: 'string', minLength: 1 } },
          prune: { type: 'boolean' },
          directories: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              additionalProperties: false,
              properties: {
                name: { type: 'string', minLength: 1 },
                policy: { enum: ['auto', 'plan-only'] },
                driftInterval: duration,
                vars: stringMap,
                varFiles: { type: 'array', items: { type: 'string', minLength: 1 } },
                dependsOn: { type: 'array', items: { type: 'string', minLength: 1 } },
              },
            },
          },
        },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('duration', { type: 'string', validate: (s: string) => parseDuration(s) !== null });
const validateFile = ajv.compile(SCHEMA);

/** The top-level settings that both the file and the command line set (a flag wins). */
export interface AgentSettings {
  listen?: string;
  workDir?: string;
  policy?: Policy;
  interval?: string;
  driftInterval?: string;
  parallelism?: number;
  stackConcurrency?: number;
  webhookSecretFile?: string;
  uiViewerTokenFile?: string;
  uiOperatorTokenFile?: string;
  shutdownTimeout?: string;
  lockWait?: string;
}

/** Where an S3 state store keeps state, as the file or the flags give it. */
export type StateS3Setting = { bucket: string; key?: string; region?: string; endpoint?: string };
/** An S3 source, as the file or the flags give it. */
export type SourceS3Setting = { bucket: string; prefix?: string; region?: string; endpoint?: string };

/** The raw file form (after schema validation). */
export interface AgentConfigFile extends AgentSettings {
  environments?: Record<string, string>;
  sharding?: ShardingFileSettings;
  state?: { dir?: string; s3?: StateS3Setting };
  drift?: { policies?: DriftPolicyRule[] };
  sources?: {
    name?: string;
    git?: { url: string; ref?: string; path?: string; tokenFile?: string; sshKeyFile?: string; verifyKeyringFile?: string; shallow?: boolean };
    s3?: SourceS3Setting;
    policy?: Policy;
    interval?: string;
    driftInterval?: string;
    stacks?: string[];
    vars?: Record<string, string | number | boolean>;
    varFiles?: string[];
    exclude?: string[];
    prune?: boolean;
    directories?: Record<string, DirectoryFileSettings>;
  }[];
}

export interface DirectoryFileSettings {
  name?: string;
  policy?: Policy;
  driftInterval?: string;
  vars?: Record<string, string | number | boolean>;
  varFiles?: string[];
  dependsOn?: string[];
}

/** `sources[0].git.url` from `/sources/0/git/url`. */
export function fieldName(instancePath: string, child?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) parts.push(child);
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out || '(top level)';
}

function describe(e: ErrorObject): { field: string; message: string } {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return { field: fieldName(e.instancePath, String(p.additionalProperty)), message: 'is not a known setting' };
    case 'required':
      return { field: fieldName(e.instancePath, String(p.missingProperty)), message: 'is required' };
    case 'format':
      return { field: fieldName(e.instancePath), message: p.format === 'duration' ? 'must be a duration such as 30s, 10m or 1h' : (e.message ?? 'is invalid') };
    case 'enum':
      return { field: fieldName(e.instancePath), message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'pattern':
      return { field: fieldName(e.instancePath), message: e.instancePath.endsWith('/listen') ? 'must be host:port, e.g. 127.0.0.1:8080' : 'may contain only letters, digits, ".", "_" and "-"' };
    default:
      return { field: fieldName(e.instancePath), message: e.message ?? 'is invalid' };
  }
}

/** Validates a parsed config document; `origin` names the file in messages. */
export function validateConfigFile(doc: unknown, origin: string): { file?: AgentConfigFile; diagnostics: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const bad = (field: string, message: string) => diags.push(error(`Invalid agent configuration: ${field} ${message}`, undefined, { attribute: field, range: { file: origin } }));
  if (doc === null || doc === undefined) doc = {};
  if (!validateFile(doc)) {
    const seen = new Set<string>();
    for (const e of validateFile.errors ?? []) {
      const d = describe(e);
      const key = `${d.field} ${d.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        bad(d.field, d.message);
      }
    }
    return { diagnostics: diags };
  }
  const file = doc as AgentConfigFile;
  const names = new Set<string>();
  (file.sources ?? []).forEach((s, i) => {
    if (!s.git === !s.s3) bad(`sources[${i}]`, 'must have exactly one of "git" or "s3"');
    const name = s.name ?? defaultSourceName(s.git ? { kind: 'git', url: s.git.url } : { kind: 's3', bucket: s.s3?.bucket ?? '' });
    if (names.has(name)) bad(`sources[${i}].name`, `"${name}" is used by another source; give each source its own name`);
    names.add(name);
    const urlProblem = s.git ? gitUrlProblem(s.git.url) : null;
    if (urlProblem) bad(`sources[${i}].git.url`, urlProblem);
    if (s.git?.path?.split('/').includes('..')) bad(`sources[${i}].git.path`, 'must stay inside the repository');
    for (const [dir, d] of Object.entries(s.directories ?? {})) {
      const problem = d.name === undefined ? null : stackNameProblem(d.name);
      if (problem) bad(`sources[${i}].directories["${dir}"].name`, problem);
      for (const dep of d.dependsOn ?? []) if (stackNameProblem(dep)) bad(`sources[${i}].directories["${dir}"].dependsOn`, `"${dep}" is not a stack name`);
    }
  });
  if (file.state?.dir && file.state?.s3) bad('state', 'must have only one of "dir" or "s3"');
  return diags.length ? { diagnostics: diags } : { file, diagnostics: [] };
}

/** Reads and validates a YAML or JSON file. */
export function loadConfigFile(path: string): { file?: AgentConfigFile; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { diagnostics: [error(`Cannot read the agent configuration ${path}`, (e as Error).message)] };
  }
  let doc: unknown;
  try {
    doc = parseYaml(text); // YAML is a superset of JSON
  } catch (e) {
    return { diagnostics: [error(`The agent configuration ${path} is not valid YAML or JSON`, (e as Error).message, { range: { file: path } })] };
  }
  const r = validateConfigFile(doc, path);
  // relative paths in the file are relative to the file
  if (r.file) r.file = resolvePaths(r.file, dirname(resolve(path)));
  return r;
}

function resolvePaths(f: AgentConfigFile, base: string): AgentConfigFile {
  const abs = (p: string | undefined) => (p === undefined ? undefined : resolve(base, p));
  return {
    ...f,
    workDir: abs(f.workDir),
    webhookSecretFile: abs(f.webhookSecretFile),
    uiViewerTokenFile: abs(f.uiViewerTokenFile),
    uiOperatorTokenFile: abs(f.uiOperatorTokenFile),
    state: f.state ? { ...f.state, dir: abs(f.state.dir) } : undefined,
    sources: f.sources?.map((s) => ({
      ...s,
      git: s.git
        ? {
            ...s.git,
            url: isLocalPath(s.git.url) ? resolve(base, s.git.url) : s.git.url,
            tokenFile: abs(s.git.tokenFile),
            sshKeyFile: abs(s.git.sshKeyFile),
            verifyKeyringFile: abs(s.git.verifyKeyringFile),
          }
        : undefined,
      varFiles: s.varFiles?.map((v) => resolve(base, v)),
      directories: s.directories ? Object.fromEntries(Object.entries(s.directories).map(([k, d]) => [k, { ...d, varFiles: d.varFiles?.map((v) => resolve(base, v)) }])) : undefined,
    })),
  };
}

const isLocalPath = (url: string) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !/^[^/]+@[^/]+:/.test(url);

export function defaultSourceName(s: { kind: 'git'; url: string } | { kind: 's3'; bucket: string }): string {
  const raw =
    s.kind === 'git'
      ? (s.url
          .replace(/\.git$/, '')
          .split(/[/:]/)
          .filter(Boolean)
          .pop() ?? 'git')
      : s.bucket;
  return raw.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'source';
}

/** What the command line adds on top of (or instead of) the file. */
export interface AgentFlags extends AgentSettings {
  stateDir?: string;
  stateS3?: StateS3Setting;
  git?: { url: string; ref?: string; path?: string; tokenFile?: string; sshKeyFile?: string; verifyKeyringFile?: string };
  s3?: SourceS3Setting;
  stacks?: string[];
  vars?: Record<string, string>;
  varFiles?: string[];
  sharding?: ShardingFlags;
}

/**
 * The effective configuration: flags override the file's top-level settings, and a --git or
 * --s3-bucket flag adds one source. Problems come back as diagnostics naming the flag or field.
 */
export function resolveAgentConfig(file: AgentConfigFile | undefined, flags: AgentFlags): { config?: AgentConfig; diagnostics: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const dur = (value: string | undefined, fallback: string, field: string): number => {
    const ms = parseDuration(value ?? fallback);
    if (ms === null) {
      diags.push(error(`Invalid agent configuration: ${field} must be a duration such as 30s, 10m or 1h`, `Got "${value}".`, { attribute: field }));
      return 0;
    }
    return ms;
  };
  const f = file ?? {};
  const policy = flags.policy ?? f.policy ?? DEFAULTS.policy;
  const interval = flags.interval ?? f.interval ?? DEFAULTS.interval;
  const driftInterval = flags.driftInterval ?? f.driftInterval ?? DEFAULTS.driftInterval;
  const intervalField = flags.interval !== undefined ? '--interval' : 'interval';
  const driftField = flags.driftInterval !== undefined ? '--drift-interval' : 'driftInterval';

  const raw = [...(f.sources ?? [])];
  if (flags.git && flags.s3) diags.push(error('Invalid agent configuration: --git and --s3-bucket cannot be used together', 'Use a configuration file (--config) for more than one source.'));
  if (flags.git) raw.push({ git: flags.git, stacks: flags.stacks, vars: flags.vars, varFiles: flags.varFiles });
  else if (flags.s3) raw.push({ s3: flags.s3, stacks: flags.stacks, vars: flags.vars, varFiles: flags.varFiles });
  if (raw.length === 0)
    diags.push(error('The agent has no source', 'Name one with --git URL (and --ref, --path) or --s3-bucket NAME (and --s3-prefix), or list sources in the file given with --config.'));

  const sources: SourceConfig[] = raw.map((s, i) => {
    const field = (k: string) => (i < (f.sources?.length ?? 0) ? `sources[${i}].${k}` : k === 'interval' ? intervalField : driftField);
    const spec: SourceSpec = s.git
      ? {
          kind: 'git',
          url: s.git.url,
          ref: s.git.ref ?? 'main',
          path: normalizeDir(s.git.path ?? ''),
          tokenFile: s.git.tokenFile,
          sshKeyFile: s.git.sshKeyFile,
          verifyKeyringFile: s.git.verifyKeyringFile,
          shallow: s.git.shallow,
        }
      : { kind: 's3', bucket: s.s3!.bucket, prefix: s.s3!.prefix ?? '', region: s.s3!.region, endpoint: s.s3!.endpoint };
    const intervalMs = dur(s.interval ?? interval, DEFAULTS.interval, s.interval ? field('interval') : intervalField);
    if (intervalMs <= 0 && !diags.length) diags.push(error(`Invalid agent configuration: ${s.interval ? field('interval') : intervalField} must be longer than 0s`));
    const directories: DirectorySettings[] = Object.entries(s.directories ?? {}).map(([pattern, d]) => ({
      pattern: normalizeDir(pattern),
      name: d.name,
      policy: d.policy,
      driftIntervalMs: d.driftInterval === undefined ? undefined : dur(d.driftInterval, DEFAULTS.driftInterval, `sources[${i}].directories["${pattern}"].driftInterval`),
      vars: d.vars ? Object.fromEntries(Object.entries(d.vars).map(([k, v]) => [k, String(v)])) : undefined,
      varFiles: d.varFiles,
      dependsOn: d.dependsOn ?? [],
    }));
    return {
      name: s.name ?? defaultSourceName(spec.kind === 'git' ? spec : { kind: 's3', bucket: spec.bucket }),
      source: spec,
      exclude: (s.exclude ?? []).map(normalizeDir),
      prune: s.prune ?? false,
      directories,
      policy: s.policy ?? policy,
      intervalMs,
      driftIntervalMs: dur(s.driftInterval ?? driftInterval, DEFAULTS.driftInterval, s.driftInterval ? field('driftInterval') : driftField),
      stacks: s.stacks ?? [],
      vars: Object.fromEntries(Object.entries(s.vars ?? {}).map(([k, v]) => [k, String(v)])),
      varFiles: s.varFiles ?? [],
    };
  });
  const names = new Set<string>();
  for (const s of sources) {
    if (names.has(s.name)) diags.push(error(`Invalid agent configuration: two sources are named "${s.name}"`, 'Give the sources in the configuration file distinct names.'));
    names.add(s.name);
  }
  const parallelism = flags.parallelism ?? f.parallelism ?? DEFAULTS.parallelism;
  const stackConcurrency = flags.stackConcurrency ?? f.stackConcurrency ?? DEFAULTS.stackConcurrency;
  if (!Number.isInteger(stackConcurrency) || stackConcurrency < 1)
    diags.push(error('Invalid agent configuration: --stack-concurrency must be a whole number of at least 1', `Got ${stackConcurrency}.`, { attribute: '--stack-concurrency' }));
  if (!Number.isInteger(parallelism) || parallelism < 1)
    diags.push(error('Invalid agent configuration: --parallelism must be a whole number of at least 1', `Got ${parallelism}.`, { attribute: '--parallelism' }));
  const listen = flags.listen ?? f.listen ?? DEFAULTS.listen;
  if (!/^[^\s]*:\d{1,5}$/.test(listen)) diags.push(error('Invalid agent configuration: --listen must be host:port, e.g. 127.0.0.1:8080', `Got "${listen}".`, { attribute: '--listen' }));
  const state: StateConfig = flags.stateS3 ? { s3: flags.stateS3 } : flags.stateDir ? { dir: resolve(flags.stateDir) } : (f.state ?? {});
  const config: AgentConfig = {
    listen,
    workDir: resolve(flags.workDir ?? f.workDir ?? DEFAULTS.workDir),
    parallelism,
    stackConcurrency,
    webhookSecretFile: flags.webhookSecretFile ?? f.webhookSecretFile,
    ui: {
      viewerTokenFile: flags.uiViewerTokenFile ?? f.uiViewerTokenFile,
      operatorTokenFile: flags.uiOperatorTokenFile ?? f.uiOperatorTokenFile,
      environments: f.environments ?? {},
    },
    shutdownTimeoutMs: dur(flags.shutdownTimeout ?? f.shutdownTimeout, DEFAULTS.shutdownTimeout, flags.shutdownTimeout ? '--shutdown-timeout' : 'shutdownTimeout'),
    lockWaitMs: dur(flags.lockWait ?? f.lockWait, DEFAULTS.lockWait, flags.lockWait ? '--lock-wait' : 'lockWait'),
    state,
    sources,
    sharding: resolveSharding(f.sharding, flags.sharding ?? {}, diags),
    driftPolicies: f.drift?.policies ?? [],
  };
  return diags.some((d) => d.severity === 'error') ? { diagnostics: diags } : { config, diagnostics: diags };
}

/** Splits host:port; an IPv6 host may be written in brackets. */
export function parseListen(listen: string): { host: string; port: number } {
  const i = listen.lastIndexOf(':');
  return { host: listen.slice(0, i).replace(/^\[(.*)\]$/, '$1') || '127.0.0.1', port: Number(listen.slice(i + 1)) };
}
