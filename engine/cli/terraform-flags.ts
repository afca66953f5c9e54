// Terraform's habits on the command line: single-dash long flags (`-auto-approve`,
// `-var 'k=v'`, `-var-file=f`, `-target=...`, `-refresh=false`, `-no-color`) mean the same as
// Ballast's double-dash ones, and a misspelled flag or command gets a "Did you mean ...?"
// that names the flag as a user types it, never yargs' internal camelCase alias.

import { closest } from '../did-you-mean.ts';

const SINGLE_DASH_LONG = /^-([a-zA-Z][a-zA-Z0-9-]+)(=.*)?$/s;

/** `-name[=value]` → `--name[=value]` for every long flag before a `--` separator. */
export function terraformStyleArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  let rest = false;
  for (const a of argv) {
    if (a === '--') rest = true;
    out.push(!rest && SINGLE_DASH_LONG.test(a) ? `-${a}` : a);
  }
  return out;
}

/** The flags a yargs parser knows at the moment it fails (the command's and the global ones). */
export function knownFlags(parser: object): string[] {
  // yargs has getOptions() at run time but leaves it out of its type declarations
  const getOptions = (parser as { getOptions?: () => { key?: Record<string, unknown> } }).getOptions;
  return typeof getOptions === 'function' ? Object.keys(getOptions.call(parser).key ?? {}) : [];
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The flag named `name` (kebab-case) as the user typed it (`-bogus`, `--bogus`), without a value. */
function typedFlag(name: string, argv: readonly string[]): string | undefined {
  for (const a of argv) {
    if (a === '--') break;
    const m = /^(--?)([a-zA-Z][^=]*)/.exec(a);
    if (m && kebab(m[2]!) === name) return `${m[1]}${m[2]}`;
  }
  return undefined;
}

/**
 * yargs' "Unknown argument(s): auto-aprove, autoAprove" as a Terraform-style message: each
 * unknown flag once, as typed (`argv` as the user gave it, before terraformStyleArgv), with
 * the closest known flag; an unknown command with the closest command.
 */
export function explainUsage(msg: string, known: { flags: readonly string[]; commands: readonly string[] }, argv: readonly string[]): string {
  const command = /^Did you mean (\S+)\?$/.exec(msg);
  const typedCommand = argv.find((a) => !a.startsWith('-'));
  if (command && typedCommand) return `Unknown command "${typedCommand}". Did you mean "${command[1]}"?`;
  const m = /^Unknown arguments?: (.*)$/s.exec(msg);
  if (!m) return msg;
  const names = [...new Set(m[1]!.split(', ').map(kebab))];
  const lines: string[] = [];
  for (const n of names) {
    const flag = typedFlag(n, argv);
    if (flag) {
      const hint = closest(
        n,
        known.flags.filter((f) => f.length > 1),
      );
      lines.push(`Unknown flag ${flag}.${hint ? ` Did you mean --${hint}?` : ''}`);
    } else if (argv.includes(n)) {
      const hint = closest(n, known.commands);
      lines.push(`Unknown command or argument "${n}".${hint ? ` Did you mean "${hint}"?` : ''}`);
    }
  }
  return lines.length ? lines.join('\n') : msg;
}
