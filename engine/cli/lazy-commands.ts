// The command table, loaded lazily: only the commands named on the command line are imported
// (each pulls in its own part of the engine); the rest are listed by name and description for
// --help and "did you mean". `--version` and bare `--help` import no command at all.

import type { CommandModule } from 'yargs';

interface CommandEntry {
  /** the first word of the command, as typed */
  name: string;
  /** yargs command string and description, kept equal to the module's (lazy-commands.test.ts) */
  command: string;
  describe: string;
  load: () => Promise<CommandModule>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'synth',
    command: 'synth',
    describe: 'Synthesize the app to Terraform JSON and list its stacks in dependency order',
    load: async () => (await import('./commands/synth.ts')).synthCommand as CommandModule,
  },
  {
    name: 'validate',
    command: 'validate',
    describe: 'Check the configuration of every selected stack; changes nothing and reads no real objects',
    load: async () => (await import('./commands/validate.ts')).validateCommand as CommandModule,
  },
  {
    name: 'plan',
    command: 'plan',
    describe: 'Show the changes apply would make (drift, creates, updates, replacements, deletes)',
    load: async () => (await import('./commands/plan.ts')).planCommand as CommandModule,
  },
  {
    name: 'apply',
    command: 'apply [planfile]',
    describe: 'Apply the changes (asks for confirmation unless --auto-approve) and record a new state version',
    load: async () => (await import('./commands/apply.ts')).applyCommand as CommandModule,
  },
  {
    name: 'destroy',
    command: 'destroy',
    describe: 'Destroy every object of the selected stacks (dependents first) and record the empty state',
    load: async () => (await import('./commands/apply.ts')).destroyCommand as CommandModule,
  },
  {
    name: 'show',
    command: 'show [target]',
    describe: 'Show a state version (default: current), with --diff M the changes between two versions, or a plan saved with plan --out',
    load: async () => (await import('./commands/show.ts')).showCommand as CommandModule,
  },
  {
    name: 'console',
    command: 'console',
    describe: 'Evaluate expressions against the configuration and current state of a stack (a prompt on a terminal, else one expression per stdin line)',
    load: async () => (await import('./commands/console.ts')).consoleCommand as CommandModule,
  },
  {
    name: 'history',
    command: 'history',
    describe: 'List the recorded state versions (serial, time, reason, source revision, changes)',
    load: async () => (await import('./commands/history.ts')).historyCommand as CommandModule,
  },
  {
    name: 'rollback',
    command: 'rollback',
    describe: 'Re-converge a stack to the configuration recorded in an earlier state version',
    load: async () => (await import('./commands/rollback.ts')).rollbackCommand as CommandModule,
  },
  {
    name: 'output',
    command: 'output [name]',
    describe: "Print the outputs of a stack's current state version ({name: {sensitive, type, value}} with --json)",
    load: async () => (await import('./commands/output.ts')).outputCommand as CommandModule,
  },
  {
    name: 'state',
    command: 'state <command>',
    describe: 'Inspect and edit recorded state, and locks',
    load: async () => (await import('./commands/state.ts')).stateCommand as CommandModule,
  },
  {
    name: 'agent',
    command: 'agent',
    describe: 'Run the GitOps agent: fetch, plan and apply stacks from git or S3 continuously (suspend/resume: see subcommands)',
    load: async () => (await import('./commands/agent.ts')).agentCommand as CommandModule,
  },
  {
    name: 'bootstrap',
    command: 'bootstrap',
    describe: 'Write the manifests that run the agent in the cluster (Kustomize base: Deployment of N replicas, RBAC, probes, PDB, Service) into a git repository it then follows',
    load: async () => (await import('./commands/bootstrap.ts')).bootstrapCommand as CommandModule,
  },
  {
    name: 'import',
    command: 'import <address> <id>',
    describe: 'Adopt an existing object into the state at ADDRESS (declared in the stack) by its provider import ID',
    load: async () => (await import('./commands/import.ts')).importCommand as CommandModule,
  },
  {
    name: 'ui',
    command: 'ui',
    describe: 'Serve the read-only web UI (overview, history, diffs, graph) for recorded state, without an agent',
    load: async () => (await import('./commands/ui.ts')).uiCommand as CommandModule,
  },
];

/**
 * The command names that appear anywhere on the command line. Every one is loaded (not only the
 * first word that is not an option) so an option value placed before the command cannot make
 * yargs pick a command whose real module was never imported.
 */
export function commandToLoad(argv: readonly string[]): Set<string> {
  const words = new Set(argv);
  return new Set(COMMANDS.filter((c) => words.has(c.name)).map((c) => c.name));
}

/** The command modules for yargs: real ones for `names`, name-and-description entries otherwise. */
export async function lazyCommands(names: ReadonlySet<string>): Promise<CommandModule[]> {
  return Promise.all(COMMANDS.map(async (c) => (names.has(c.name) ? c.load() : listedOnly(c))));
}

function listedOnly(c: CommandEntry): CommandModule {
  return {
    command: c.command,
    describe: c.describe,
    // unreachable: yargs runs a command only when its name is on the line, and then it is loaded
    handler: () => {
      throw new Error(`internal error: command "${c.name}" ran without its module`);
    },
  };
}
