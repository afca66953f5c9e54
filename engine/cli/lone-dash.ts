// A lone `-` is the usual name for stdin (`ballast state push -`), but yargs hands such a
// positional to the command as an empty string (yargs/yargs#1312): it re-parses positionals as
// `--name -`, and a value starting with a dash is not a value. So `-` crosses the parser as a
// placeholder that is no flag, and is put back in the parsed arguments and in any message.

const PLACEHOLDER = '\u0000lone-dash';

/** Every lone `-` in argv as the placeholder. */
export function protectLoneDash(argv: readonly string[]): string[] {
  return argv.map((a) => (a === '-' ? PLACEHOLDER : a));
}

const restore = (v: unknown): unknown => (v === PLACEHOLDER ? '-' : Array.isArray(v) ? v.map(restore) : v);

/** Puts `-` back wherever the parser left the placeholder (values and array elements). */
export function restoreLoneDash(args: Record<string, unknown>): void {
  for (const k of Object.keys(args)) args[k] = restore(args[k]);
}

/** A parser message that quotes an argument shows `-`, not the placeholder. */
export function restoreLoneDashText(text: string): string {
  return text.split(PLACEHOLDER).join('-');
}
