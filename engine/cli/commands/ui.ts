// `ballast ui --state-dir DIR [--listen 127.0.0.1:PORT]`: the agent's read-only web UI for
// recorded state, without an agent (overview, history, diffs, resources, graph, environments).
// Runs until SIGINT/SIGTERM. No actions: those need a running agent.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Argv, CommandModule } from 'yargs';
import { CliContext, globalOptions, type GlobalArgs } from '../context.ts';
import { CliExit, EXIT_ERROR, EXIT_OK } from '../exit.ts';
import { parseListen } from '../../agent/agent-config.ts';
import { CommitHistory } from '../../ui/commit-history.ts';
import { createUi, UiSetupError } from '../../ui/start-ui.ts';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

interface UiArgs extends GlobalArgs {
  listen: string;
  git?: string;
  environment?: string[];
  'ui-viewer-token-file'?: string;
}

export const uiCommand: CommandModule<object, UiArgs> = {
  command: 'ui',
  describe: 'Serve the read-only web UI (overview, history, diffs, graph) for recorded state, without an agent',
  builder: (y) =>
    globalOptions(y)
      .option('listen', { type: 'string', default: '127.0.0.1:8080', describe: 'host:port to serve on (port 0 picks a free one)' })
      .option('git', { type: 'string', describe: 'Git repository the recorded revisions come from, for commit subjects and "commits behind" (path or URL)' })
      .option('environment', { type: 'string', array: true, describe: 'Environment of a stack whose name and path do not tell it: --environment STACK=ENV (repeatable)' })
      .option('ui-viewer-token-file', { type: 'string', describe: 'Tokens (one a line) that may read the UI; without it the UI is open' }) as Argv<UiArgs>,
  handler: async (a) => {
    if (!/^[^\s]*:\d{1,5}$/.test(a.listen)) {
      process.stderr.write(`Error: --listen must be host:port, e.g. 127.0.0.1:8080 (got "${a.listen}")\n`);
      throw new CliExit(EXIT_ERROR);
    }
    const labels: Record<string, string> = {};
    for (const e of a.environment ?? []) {
      const m = /^([^=]+)=([A-Za-z0-9._-]{1,40})$/.exec(e);
      if (!m) {
        process.stderr.write(`Error: --environment must be STACK=ENV with ENV made of letters, digits, ".", "_" and "-" (got "${e}")\n`);
        throw new CliExit(EXIT_ERROR);
      }
      labels[m[1]!] = m[2]!;
    }
    const ctx = new CliContext(a);
    const mirror = a.git ? mkdtempSync(join(tmpdir(), 'ballast-ui-git-')) : null;
    let ui: ReturnType<typeof createUi>;
    try {
      ui = createUi(
        {
          title: ctx.args['state-dir'] ?? 'local state',
          stacks: () => ctx.stateStacks(),
          store: (stack) => ctx.store(stack),
          labels,
          history: a.git && mirror ? new CommitHistory(a.git, join(mirror, 'history.git'), ctx.env) : undefined,
        },
        { viewerTokenFile: a['ui-viewer-token-file'] },
        (e, path) => process.stderr.write(`web UI: ${path}: ${e.message}\n`),
      );
    } catch (e) {
      if (!(e instanceof UiSetupError)) throw e;
      process.stderr.write(`Error: ${e.message}\n`);
      throw new CliExit(EXIT_ERROR);
    }
    const server = createServer((req, res) => {
      ui.handle(req, res).then(
        (handled) => {
          if (handled) return;
          res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
          res.end('not found\n');
        },
        () => {
          if (!res.headersSent) res.writeHead(500);
          res.end();
        },
      );
    });
    const { host, port } = parseListen(a.listen);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    }).catch((e: NodeJS.ErrnoException) => {
      process.stderr.write(`Error: cannot listen on ${a.listen}: ${e.code ?? e.message}\n`);
      throw new CliExit(EXIT_ERROR);
    });
    const addr = server.address() as AddressInfo;
    process.stdout.write(`Serving the web UI on http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}/ (read-only; Ctrl-C to stop)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await ui.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await ctx.close();
    if (mirror) rmSync(mirror, { recursive: true, force: true });
    throw new CliExit(EXIT_OK);
  },
};
