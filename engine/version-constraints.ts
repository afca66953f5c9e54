// Terraform's version constraint strings: "1.2.3", "= 1.2", "!= 1.3.0", "> 1", ">= 1.2, < 2.0",
// "~> 1.2" (>= 1.2, < 2.0) and "~> 1.2.3" (>= 1.2.3, < 1.3.0). Pre-releases match only exactly.

export class ConstraintError extends Error {}

type Version = { parts: [number, number, number]; pre: string; given: number };

export function parseVersion(v: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(v.trim());
  if (!m) return undefined;
  return { parts: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)], pre: m[4] ?? '', given: m[3] !== undefined ? 3 : m[2] !== undefined ? 2 : 1 };
}

export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return a.localeCompare(b);
  for (let i = 0; i < 3; i++) if (x.parts[i] !== y.parts[i]) return x.parts[i] - y.parts[i];
  if (x.pre === y.pre) return 0;
  if (!x.pre) return 1;
  if (!y.pre) return -1;
  return x.pre.localeCompare(y.pre);
}

type Check = (v: Version, raw: string) => boolean;

function cmp(v: Version, w: Version): number {
  for (let i = 0; i < 3; i++) if (v.parts[i] !== w.parts[i]) return v.parts[i] - w.parts[i];
  return v.pre === w.pre ? 0 : !v.pre ? 1 : !w.pre ? -1 : v.pre.localeCompare(w.pre);
}

export function parseConstraints(spec: string): Check[] {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((c) => {
      const m = /^(=|!=|>=|<=|>|<|~>)?\s*(.+)$/.exec(c);
      const w = m && parseVersion(m[2]);
      if (!m || !w) throw new ConstraintError(`"${c}" is not a version constraint (expected e.g. ">= 1.2.0", "~> 2.1")`);
      const op = m[1] ?? '=';
      return (v: Version) => {
        // a pre-release version is only selected by an exact match
        if (v.pre && op !== '=') return false;
        const d = cmp(v, w);
        switch (op) {
          case '=':
            return d === 0;
          case '!=':
            return d !== 0;
          case '>':
            return d > 0;
          case '>=':
            return d >= 0;
          case '<':
            return d < 0;
          case '<=':
            return d <= 0;
          default: {
            if (d < 0) return false;
            // ~> 1.2 allows 1.x (x >= 2); ~> 1.2.3 allows 1.2.x (x >= 3)
            const fixed = Math.max(1, w.given - 1);
            for (let i = 0; i < fixed; i++) if (v.parts[i] !== w.parts[i]) return false;
            return true;
          }
        }
      };
    });
}

export function satisfies(version: string, spec: string | undefined): boolean {
  const v = parseVersion(version);
  if (!v) return false;
  if (!spec) return !v.pre;
  return parseConstraints(spec).every((c) => c(v, version));
}

/** The newest version meeting the constraints, as Terraform picks it. */
export function newestMatching(versions: readonly string[], spec: string | undefined): string | undefined {
  return [...versions]
    .filter((v) => satisfies(v, spec))
    .sort(compareVersions)
    .pop();
}
