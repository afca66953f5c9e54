// A cost yargs adds to every command run, removed.

/**
 * yargs renders the whole help text of a command before running it, to show it should the
 * command fail later; that was a fifth of a cold plan's CPU time. Ballast never shows help on
 * failure (main's `.fail` names the problem and points to --help, which yargs answers before any
 * command runs), so the cache is left empty. The hook is internal to yargs: without it, nothing
 * changes but the time.
 */
export function skipHelpCache(cli: object): void {
  const internal = cli as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } };
  const usage = internal.getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}
