// The web UI inside the agent: the agent's live status, its stacks' stores, the git history of
// its (first) git source, and the operator actions.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Agent } from '../agent/agent.ts';
import type { AgentConfig } from '../agent/agent-config.ts';
import type { RemoteStateReader } from '../plan/remote-state-reader.ts';
import type { ProviderRegistry } from '../../providers/registry.ts';
import type { StateStore } from '../../state/store.ts';
import { CommitHistory } from './commit-history.ts';
import type { UiBackend } from './ui-backend.ts';

export interface AgentUiContext {
  readonly registry: ProviderRegistry;
  readonly env: NodeJS.ProcessEnv;
  store(stack: string): StateStore;
  remoteState(): RemoteStateReader;
}

export function agentUiBackend(agent: Agent, config: AgentConfig, ctx: AgentUiContext): UiBackend {
  // the history mirror reads the repository the same way the agent does; a source that needs
  // credentials is left out (commit lists then say they are unavailable)
  const git = config.sources.map((s) => s.source).find((s) => s.kind === 'git' && !s.tokenFile && !s.sshKeyFile);
  const history = git?.kind === 'git' ? new CommitHistory(git.url, join(config.workDir, 'ui-history', createHash('sha256').update(git.url).digest('hex').slice(0, 16)), ctx.env) : undefined;
  return {
    title: `agent · ${config.sources.map((s) => s.name).join(', ')}`,
    stacks: async () => Object.keys(agent.status().stacks),
    store: (stack) => ctx.store(stack),
    status: () => agent.status(),
    drift: (stack) => agent.driftDetail(stack),
    labels: config.ui.environments,
    history,
    actions: {
      sync: () => agent.trigger('all', 'web UI'),
      rollback: {
        registry: ctx.registry,
        env: ctx.env,
        parallelism: config.parallelism,
        dir: config.workDir,
        remoteState: ctx.remoteState(),
        vars: (stack) => {
          const source = config.sources.find((s) => s.name === agent.status().stacks[stack]?.source);
          return { flags: Object.entries(source?.vars ?? {}).map(([k, v]) => `${k}=${v}`), files: [...(source?.varFiles ?? [])], env: ctx.env };
        },
      },
    },
  };
}
