// Which environment a stack belongs to, and which app it is an instance of, so the overview can
// group stacks and the side-by-side page can compare the same app across environments. The
// environment comes from an explicit label (agent config), else from a well-known word in the
// stack's source path or name (`envs/prod/web`, `web-staging`); the app is what remains.

export const ENVIRONMENT_ORDER = ['dev', 'test', 'qa', 'staging', 'prod'];

const ALIASES: Record<string, string> = {
  dev: 'dev',
  development: 'dev',
  test: 'test',
  testing: 'test',
  qa: 'qa',
  uat: 'qa',
  stage: 'staging',
  staging: 'staging',
  preprod: 'staging',
  prod: 'prod',
  production: 'prod',
  live: 'prod',
};

export interface Placement {
  /** '' when no environment could be told */
  readonly environment: string;
  readonly app: string;
}

/**
 * `path` is the stack's source directory (relative to the source root) when known, `labels`
 * the configured environment per stack name.
 */
export function placeStack(name: string, path: string | null, labels: Readonly<Record<string, string>> = {}): Placement {
  const nameTokens = name.split(/[-_.]+/).filter(Boolean);
  const fromName = nameTokens.findIndex((t) => ALIASES[t.toLowerCase()] !== undefined);
  const appFromName = fromName >= 0 ? nameTokens.filter((_, i) => i !== fromName).join('-') || name : name;
  const label = labels[name];
  if (label) return { environment: label, app: appFromName };
  if (fromName >= 0) return { environment: ALIASES[nameTokens[fromName]!.toLowerCase()]!, app: appFromName };
  const pathTokens = (path ?? '').split(/[/\\]+/).filter(Boolean);
  const fromPath = pathTokens.find((t) => ALIASES[t.toLowerCase()] !== undefined);
  if (fromPath) return { environment: ALIASES[fromPath.toLowerCase()]!, app: name };
  return { environment: '', app: name };
}

/** Environments in promotion order (dev → prod), unknown ones alphabetically between, unlabelled last. */
export function compareEnvironments(a: string, b: string): number {
  const rank = (e: string) => (e === '' ? 1000 : ENVIRONMENT_ORDER.includes(e) ? ENVIRONMENT_ORDER.indexOf(e) * 10 : 25);
  return rank(a) - rank(b) || a.localeCompare(b);
}
