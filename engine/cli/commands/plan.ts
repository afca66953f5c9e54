// `ballast plan`: show what apply would do. Never takes the lock, never writes state.

import { stripVTControlCharacters } from 'node:util';
import type { Argv, CommandModule } from 'yargs';
import { CliContext, globalOptions, parseAddresses, parseTargets, setDiagnosticSink, varOptions, type GlobalArgs, type VarArgs } from '../context.ts';
import { uiJsonWriter } from '../ui-json.ts';
import { planOne, stackInput, planText, schemaLookup, type FlowOptions } from '../stack-flow.ts';
import { hasChanges } from '../../plan/plan.ts';
import { planToJson } from '../../plan/render/json.ts';
import { stringifyJson } from '../../lang/json-numbers.ts';
import { renderPlansMarkdown, type StackPlanResult } from '../../plan/render/markdown.ts';
import { writePlanFile, PLAN_FILE_FORMAT, type SavedStackPlan } from '../../plan/plan-file.ts';
import { ENGINE_VERSION } from '../../version.ts';
import { CliExit, EXIT_CHANGES, EXIT_OK } from '../exit.ts';
import { DiagnosticsError, formatDiagnostic } from '../../diagnostics.ts';
import type { PlanSession } from '../../operations/plan-stack.ts';
import { nameFromPath } from '../../synth/stack-name.ts';
import { durationFlag, FlagValueError, PARALLELISM_MAX, wholeNumber } from '../flag-values.ts';
import { parseDriftPolicyFlag, type DriftPolicyRule } from '../../plan/drift-policy.ts';

export interface PlanArgs extends GlobalArgs, VarArgs {
  out?: string;
  'detailed-exitcode'?: boolean;
  target?: string[];
  replace?: string[];
  'refresh-only'?: boolean;
  refresh?: boolean;
  parallelism?: number;
  'drift-policy'?: DriftPolicyRule[];
  /** milliseconds (coerced from a duration) */
  'lock-timeout'?: number;
  destroy?: boolean;
  format?: 'human' | 'json' | 'markdown' | 'ui-json';
  git?: string;
  ref?: string;
  path?: string;
}

export function planOptions<T>(y: Argv<T>): Argv<T & PlanArgs> {
  return varOptions(globalOptions(y))
    .option('target', { type: 'string', array: true, describe: 'Limit to this resource, instance or module (module.NAME, module.NAME["KEY"]) and what it depends on (repeatable)' })
    .option('replace', { type: 'string', array: true, describe: 'Force replacement of this instance (repeatable)' })
    .option('refresh-only', { type: 'boolean', default: false, describe: 'Only reconcile state with the real objects; propose no changes' })
    .option('refresh', { type: 'boolean', default: true, describe: 'Read the real objects before planning (--refresh=false to skip)' })
    .option('parallelism', {
      type: 'string',
      describe: `Provider operations in flight at once, 1 to ${PARALLELISM_MAX} (default 10)`,
      coerce: wholeNumber('--parallelism', { min: 1, max: PARALLELISM_MAX }),
    })
    .option('drift-policy', {
      type: 'string',
      array: true,
      describe: 'ADDRESS=POLICY: what to do with drift of the matching instances (glob, * and ?): revert (default), alert (report only) or ignore (repeatable; first match wins)',
      coerce: driftPolicyFlags,
    })
    .option('lock-timeout', {
      type: 'string',
      describe: 'How long apply, destroy and rollback wait for another holder of the state lock, e.g. 30s or 5m (default 0s: fail at once)',
      coerce: durationFlag('--lock-timeout'),
    })
    .option('destroy', { type: 'boolean', default: false, describe: 'Plan to destroy every object of the selected stacks' }) as Argv<T & PlanArgs>;
}

function driftPolicyFlags(raw: unknown): DriftPolicyRule[] | undefined {
  if (raw === undefined) return undefined;
  return (Array.isArray(raw) ? raw : [raw]).map((v) => {
    const rule = parseDriftPolicyFlag(String(v));
    if (!rule)
      throw new FlagValueError(
        `--drift-policy: ${JSON.stringify(String(v))} is not ADDRESS=POLICY; use e.g. --drift-policy 'kubernetes_manifest.Deployment_shop_*=alert' (policies: revert, alert, ignore)`,
      );
    return rule;
  });
}

export function flowOptions(ctx: CliContext, a: PlanArgs, extra: Partial<FlowOptions> = {}): FlowOptions {
  return {
    mode: a.destroy ? 'destroy' : a['refresh-only'] ? 'refresh-only' : 'normal',
    refresh: a.refresh !== false,
    targets: parseTargets(a.target),
    replace: parseAddresses(a.replace),
    parallelism: a.parallelism ?? 10,
    driftPolicies: a['drift-policy'] ?? [],
    lockWaitMs: a['lock-timeout'] ?? 0,
    vars: ctx.variableInputs(a),
    planOnly: true,
    autoApprove: false,
    ...extra,
  };
}

export const planCommand: CommandModule<object, PlanArgs> = {
  command: 'plan',
  describe: 'Show the changes apply would make (drift, creates, updates, replacements, deletes)',
  builder: (y) =>
    planOptions(y)
      .option('out', { type: 'string', describe: 'Save the plan to FILE; `ballast apply FILE` applies exactly it' })
      .option('detailed-exitcode', { type: 'boolean', default: false, describe: 'Exit 0 when there are no changes, 2 when there are, 1 on error' })
      .option('format', {
        choices: ['human', 'json', 'markdown', 'ui-json'] as const,
        describe:
          "Output format (default human; --json is the same as --format json, the plan document; ui-json streams Terraform's machine-readable UI, one JSON object per line, as `terraform plan -json`)",
      })
      .option('git', { type: 'string', describe: 'Plan the stacks of this git repository (a preview for CI) instead of --chdir' })
      .option('ref', { type: 'string', describe: 'Branch, tag or commit of --git (default main)' })
      .option('path', { type: 'string', describe: 'Sub-directory of the stacks in the --git repository' }) as Argv<PlanArgs>,
  handler: async (a) => {
    if (a.git) {
      // a preview: fetch into a temporary directory, plan from there, remove it afterwards
      // simple-git loads only for a --git preview
      const { fetchGitPreview } = await import('./plan-source.ts');
      const preview = await fetchGitPreview(a.git, a.ref ?? 'main', a.path);
      try {
        // a lone *.tf.json is named after its directory, as the agent names it
        const pathStackName = a.path ? (nameFromPath(a.path.replace(/\/+$/, '').split('/').pop() ?? '') ?? undefined) : undefined;
        return await planHandler({ ...a, chdir: preview.dir, pathStackName }, preview.revision);
      } finally {
        await preview.dispose();
      }
    }
    return planHandler(a);
  },
};

async function planHandler(a: PlanArgs, sourceRevision?: string): Promise<void> {
  {
    const ctx = new CliContext(a);
    const format = a.json ? 'json' : (a.format ?? 'human');
    const ui = format === 'ui-json' ? uiJsonWriter((l) => process.stdout.write(l)) : undefined;
    if (ui) {
      ui.version(ENGINE_VERSION);
      setDiagnosticSink((d) => ui.diagnostic(d));
    }
    const o = flowOptions(ctx, a, { ...(sourceRevision ? { sourceRevision } : {}), uiJson: ui });
    const stacks = await ctx.stacks();
    const ordered = o.mode === 'destroy' ? [...stacks].reverse() : stacks;
    const sessions: PlanSession[] = [];
    const results: StackPlanResult[] = [];
    const many = stacks.length > 1;
    // the human plan with colors, as printed; a plan file keeps it (and shows it without them)
    const colored = new Map<PlanSession, string>();
    const coloredText = (s: PlanSession) => colored.get(s) ?? colored.set(s, planText(s, many, true)).get(s)!;
    let jsonText: string | undefined;
    try {
      for (const s of ordered) {
        try {
          const session = await planOne(ctx, stackInput(s), o);
          sessions.push(session);
          results.push({ stack: s.name, plan: session.plan });
          if (format === 'human') process.stdout.write(ctx.color ? coloredText(session) : planText(session, many, false));
          ui?.plan(session.plan);
        } catch (e) {
          if (format !== 'markdown' || !(e instanceof CliExit || e instanceof DiagnosticsError)) throw e;
          results.push({ stack: s.name, plan: null, error: e instanceof DiagnosticsError ? e.diagnostics.map(formatDiagnostic).join('\n') : 'planning failed (see the log)' });
        }
      }
      if (format === 'json') {
        jsonText = planDocumentText(sessions);
        process.stdout.write(jsonText + '\n');
      } else if (format === 'markdown') {
        const lookups = sessions.map(schemaLookup);
        process.stdout.write(renderPlansMarkdown(results, { schemaOf: (a) => lookups.map((f) => f(a)).find(Boolean) }) + '\n');
      }
      if (a.out) {
        const saved: SavedStackPlan[] = sessions.map((s) => ({ plan: s.plan, variables: Object.fromEntries(s.stack.variables) }));
        // `show PLANFILE` prints these: the plan as this run renders it, with its configuration and schemas
        const humanColor = sessions.map(coloredText).join('');
        const rendered = { json: jsonText ?? planDocumentText(sessions), human: stripVTControlCharacters(humanColor), humanColor };
        writePlanFile(a.out, { format: PLAN_FILE_FORMAT, engineVersion: ENGINE_VERSION, created: new Date().toISOString(), stacks: saved, rendered });
        if (format === 'human') process.stdout.write(`\nSaved the plan to ${a.out}. To apply exactly these actions, run: ballast apply ${a.out}\n`);
      }
      if (results.some((r) => r.plan === null)) throw new CliExit(1);
      const changed = sessions.some((s) => hasChanges(s.plan));
      throw new CliExit(a['detailed-exitcode'] && changed ? EXIT_CHANGES : EXIT_OK);
    } finally {
      if (ui) setDiagnosticSink(undefined);
      await Promise.all(sessions.map((s) => s.close()));
      await ctx.close();
    }
  }
}

/** The plan document of `plan --json`: one stack's, or `{stacks: {NAME: document}}` for several. */
function planDocumentText(sessions: readonly PlanSession[]): string {
  const docs = sessions.map((s) => planToJson(s.plan, { engineVersion: ENGINE_VERSION, schemaOf: schemaLookup(s), config: s.stack.config, variables: s.stack.variables }));
  return stringifyJson(docs.length === 1 ? docs[0] : { stacks: Object.fromEntries(sessions.map((s, i) => [s.plan.stack, docs[i]])) }, 2, true);
}
