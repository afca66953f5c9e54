// The provider registry with real provider binaries: built-in providers stay the default for
// the sources they serve; a source listed in `usePlugins` (or "*") runs its binary instead; a
// source no built-in serves always runs its binary. The binary is found (and checked against the
// lock file) when the provider starts, so a missing one is a diagnostic, not a crash.

import { homedir } from 'node:os';
import { join } from 'node:path';
import { error } from '../../engine/diagnostics.ts';
import { type AsyncProviderFactory, BUILTIN_SOURCE, canonicalSource, type ProviderRegistry } from '../registry.ts';
import { type CliConfig, readCliConfig } from './install/cli-config.ts';
import type { InstallOptions } from './install/installer.ts';
import { mightBeInstalled } from './install/might-be-installed.ts';
import { currentPlatform } from './install/locate.ts';
import { type PluginLogSink, stderrSink } from './stderr-log.ts';

export interface PluginSettings {
  /** the environment the CLI configuration and mirrors are read from (default: process.env) */
  readonly env?: NodeJS.ProcessEnv;
  /** --plugin-dir: the only places to look when given */
  readonly pluginDirs?: readonly string[];
  /** sources whose binary replaces the built-in provider; "*" for all */
  readonly usePlugins?: readonly string[];
  readonly log?: PluginLogSink;
  /** a single provider call taking longer fails (after StopProvider); BALLAST_PROVIDER_TIMEOUT (seconds) by default */
  readonly callTimeoutMs?: number;
  readonly startTimeoutMs?: number;
}

/** Settings from the environment: BALLAST_PLUGIN_DIRS (path list), BALLAST_USE_PLUGINS (comma list), BALLAST_PROVIDER_TIMEOUT. */
export function pluginSettingsFromEnv(env: NodeJS.ProcessEnv, extra: PluginSettings = {}): PluginSettings {
  const list = (v: string | undefined, sep: string) =>
    (v ?? '')
      .split(sep)
      .map((s) => s.trim())
      .filter(Boolean);
  const timeout = Number(env.BALLAST_PROVIDER_TIMEOUT);
  return {
    ...extra,
    env,
    pluginDirs: [...(extra.pluginDirs ?? []), ...list(env.BALLAST_PLUGIN_DIRS, ':')],
    usePlugins: [...(extra.usePlugins ?? []), ...list(env.BALLAST_USE_PLUGINS, ',')],
    callTimeoutMs: extra.callTimeoutMs ?? (timeout > 0 ? timeout * 1000 : undefined),
  };
}

export function withPlugins(base: ProviderRegistry, settings: PluginSettings): ProviderRegistry {
  const use = new Set((settings.usePlugins ?? []).map((s) => (s === '*' ? s : canonicalSource(s))));
  const pluginFactory =
    (source: string, constraint: string | undefined): AsyncProviderFactory =>
    async (ctx) => {
      const env = ctx.env;
      // the gRPC and msgpack machinery loads only when a stack uses a provider binary
      const { PluginProvider } = await import('./plugin-provider.ts');
      return new PluginProvider({
        name: source,
        env,
        log: settings.log ?? stderrSink(env),
        callTimeoutMs: settings.callTimeoutMs,
        startTimeoutMs: settings.startTimeoutMs,
        install: async () => {
          const where = { address: `provider["${source}"]` };
          // the installer (zip, hashes, registry downloads) loads only when a provider binary is used
          const [{ checkLock, InstallError, installProvider }, { fileDigest }, { LockFileError }, { RegistryError, SignatureError }, { HclSyntaxError }] = await Promise.all([
            import('./install/installer.ts'),
            import('./install/package-hash.ts'),
            import('./install/lock-file.ts'),
            import('./install/registry-errors.ts'),
            import('./install/hcl-subset.ts'),
          ]);
          try {
            const opts: InstallOptions = {
              workingDir: ctx.workingDir,
              pluginDirs: settings.pluginDirs ?? [],
              cliConfig: readCliConfig(env, canonicalSource),
              env,
              platform: currentPlatform(),
              cacheDir: env.BALLAST_PLUGIN_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(env.HOME ?? homedir(), '.cache'), 'ballast', 'providers'),
              canonical: canonicalSource,
            };
            const installed = await installProvider(source, constraint, opts);
            const refused = checkLock(installed, constraint, ctx.workingDir);
            if (refused) return [error(`Provider ${source} refused: hash or version not in the lock file`, refused, where)];
            // the package's h1 hash covers the binary's bytes: the schema cache needs no second read of a binary that may be hundreds of MB
            const h1 = installed.hashes.find((h) => h.startsWith('h1:'));
            return { binary: installed.binary, digest: h1 ?? fileDigest(installed.binary), version: installed.version };
          } catch (e) {
            if (e instanceof SignatureError) return [error(`Provider ${source} refused: its signature does not check out`, e.message, where)];
            if (e instanceof InstallError || e instanceof RegistryError || e instanceof LockFileError || e instanceof HclSyntaxError) {
              return [error(`Provider ${source} is not installed`, e.message, where)];
            }
            if (e instanceof Error && 'code' in e && typeof (e as NodeJS.ErrnoException).code === 'string') {
              return [error(`Provider ${source} could not be installed`, e.message, where)];
            }
            throw e;
          }
        },
      });
    };
  return {
    resolve(localName, source, version) {
      const builtin = base.resolve(localName, source);
      if (builtin && (builtin.source === BUILTIN_SOURCE || !(use.has('*') || use.has(builtin.source)))) return builtin;
      const wanted = builtin?.source ?? canonicalSource(source ?? localName);
      if (!builtin) {
        // nothing anywhere and no download allowed: the engine's "Unknown provider" says so
        let cli: CliConfig;
        try {
          cli = readCliConfig(settings.env ?? process.env, canonicalSource);
        } catch {
          cli = { devOverrides: new Map(), methods: [] };
        }
        const probe = { pluginDirs: settings.pluginDirs ?? [], cliConfig: cli, env: settings.env ?? process.env, canonical: canonicalSource, workingDir: process.cwd() };
        if (!mightBeInstalled(wanted, probe)) return undefined;
      }
      return { source: wanted, factory: pluginFactory(wanted, version) };
    },
    sources: () => base.sources(),
  };
}
