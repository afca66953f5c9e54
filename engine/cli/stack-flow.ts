// The plan → (confirm) → apply → record flow shared by plan, apply, destroy and rollback.
// Stacks run one at a time in dependency order (reverse order for destroy), so a stack that
// reads another's outputs sees them after that stack was applied, as `cdktf deploy` does.

import { error, hasErrors, type Diagnostic } from '../diagnostics.ts';
import { claimStack, cliOrigin } from '../operations/stack-identity.ts';
import type { InstanceAddr, ObjectEndpoint } from '../addrs.ts';
import type { ResourceSchema } from '../../providers/provider.ts';
import { prepareStack, type PreparedStack, type StackInput } from '../operations/prepare-stack.ts';
import { readPrior } from '../operations/prior-state.ts';
import { planPreparedStack, type PlanSession } from '../operations/plan-stack.ts';
import { applySession } from '../operations/apply-stack.ts';
import type { VariableInputs } from '../config/variables.ts';
import { hasChanges, type Plan } from '../plan/plan.ts';
import { renderPlan } from '../plan/render/human.ts';
import { plainId, type StateVersion } from '../../state/model.ts';
import type { CliContext } from './context.ts';
import { report } from './context.ts';
import { confirm } from './confirm.ts';
import { CliExit } from './exit.ts';
import { formatInstance } from '../addrs.ts';
import type { DriftPolicyRule } from '../plan/drift-policy.ts';
import { applyProgress } from './apply-progress.ts';
import type { UiJsonWriter } from './ui-json.ts';
import { outputLines } from './output-value.ts';
import { applySummary, importCount } from './apply-summary.ts';
import type { OutputState } from '../../state/model.ts';

export interface FlowOptions {
  readonly mode: 'normal' | 'destroy' | 'refresh-only';
  readonly refresh: boolean;
  readonly targets: ObjectEndpoint[];
  readonly replace: InstanceAddr[];
  readonly parallelism: number;
  /** drift policy by address (`--drift-policy ADDRESS=POLICY`) */
  readonly driftPolicies?: readonly DriftPolicyRule[];
  /** how long apply waits for another holder of the state lock (ms) */
  readonly lockWaitMs?: number;
  readonly vars: VariableInputs;
  /** plan only: never lock, never write */
  readonly planOnly: boolean;
  readonly autoApprove: boolean;
  readonly quiet?: boolean;
  readonly rollbackOf?: number;
  readonly sourceRevision?: string;
  readonly signal?: AbortSignal;
  /** `apply --json`: Terraform's machine-readable UI stream instead of the human output */
  readonly uiJson?: UiJsonWriter;
}

export interface StackOutcome {
  readonly stack: string;
  readonly plan: Plan | null;
  readonly version: StateVersion | null;
  readonly diagnostics: Diagnostic[];
  /** prepared inputs and variables, for saving a plan */
  readonly prepared?: PreparedStack;
}

export function stackInput(s: StackInput): StackInput {
  return { name: s.name, file: s.file, dir: s.dir, json: s.json, bytes: s.bytes, varFiles: s.varFiles, locate: s.locate };
}

/** Plans one stack; returns the session (caller closes it) or reports errors and throws CliExit. */
export async function planOne(ctx: CliContext, input: StackInput, o: FlowOptions): Promise<PlanSession> {
  const prepared = prepareStack(input, o.vars);
  report(prepared.diagnostics);
  const stack = prepared.stack!;
  const store = ctx.store(input.name, stack.config.backend);
  // a command that will write takes the lock before refreshing: nobody changes the state
  // between the plan shown and the apply of it
  if (!o.planOnly) await ctx.lockStack(input.name, store, o.mode === 'destroy' ? 'destroy' : 'apply', o.lockWaitMs ?? 0);
  if (ctx.sharedStateStore) {
    // stacks of different directories meet in one store: never let two share one state
    const refused = await claimStack(store, input.name, 'cli', cliOrigin(ctx.dir), !o.planOnly);
    if (refused) report([error(`Refusing to use the state of stack "${input.name}"`, `${refused} (--stack-name sets the name of a lone *.tf.json stack).`)]);
  }
  const prior = await readPrior(store);
  const planned = await planPreparedStack(
    stack,
    prior,
    ctx.registry,
    {
      mode: o.mode,
      refresh: o.refresh,
      targets: o.targets,
      replace: o.replace,
      parallelism: o.parallelism,
      sourceRevision: o.sourceRevision ?? `local:${ctx.dir}`,
      rollbackOf: o.rollbackOf,
      remoteState: ctx.remoteState(),
      signal: o.signal,
      driftPolicies: o.driftPolicies,
      onRefresh: o.uiJson?.refreshEvent,
    },
    ctx.env,
  );
  report(planned.diagnostics);
  return planned.session!;
}

/** The provider schema of each instance in a plan, so renderers show blocks and hide sensitive attributes. */
export function schemaLookup(session: PlanSession): (a: InstanceAddr) => ResourceSchema | undefined {
  const { plan, providers } = session;
  const changes = [...plan.drift, ...plan.changes];
  // renderers ask with the change's own address object, once per change and again per secret
  // scan: a lookup by object, without formatting the address; by text for any other object
  const byObject = new Map<InstanceAddr, string>(changes.map((c) => [c.addr, c.provider]));
  let byText: Map<string, string> | undefined;
  const providerOf = (a: InstanceAddr) => byObject.get(a) ?? (byText ??= new Map(changes.map((c) => [c.address, c.provider]))).get(formatInstance(a));
  return (a) => providers.resourceSchema(providerOf(a) ?? a.type.split('_')[0], a.mode, a.type);
}

export function printPlan(ctx: CliContext, session: PlanSession, many: boolean): void {
  process.stdout.write(planText(session, many, ctx.color));
}

/** The human plan of one stack as `plan` prints it. */
export function planText(session: PlanSession, many: boolean, color: boolean): string {
  // name the implementation of each provider once a provider binary is involved
  const impls = session.providers.implementations();
  const providers = impls.some((i) => i.implementation !== 'built-in') ? `Providers:\n${impls.map((i) => `  ${i.source} (${i.ref}): ${i.implementation}\n`).join('')}\n` : '';
  return `${providers}${renderPlan(session.plan, { color, stackLabel: many, schemaOf: schemaLookup(session) })}\n`;
}

/** plan → confirm → apply → record for one stack. */
export async function applyOne(ctx: CliContext, session: PlanSession, o: FlowOptions, many: boolean): Promise<StackOutcome> {
  const { plan } = session;
  if (o.uiJson) o.uiJson.plan(plan);
  else if (!o.quiet) printPlan(ctx, session, many);
  const needed = hasChanges(plan) || plan.drift.length > 0 || session.prior.journals.length > 0 || plan.rollbackOf !== undefined || session.prior.version === null;
  if (!needed && plan.mode !== 'refresh-only') {
    // nothing to do: Terraform still ends an apply with its summary and the outputs, a destroy with its summary
    if (!o.quiet && !ctx.args.json) {
      process.stdout.write(`${applySummary({ add: 0, change: 0, destroy: 0 }, plan.mode === 'destroy' ? 'destroy' : 'apply')}\n`);
      if (plan.mode !== 'destroy') process.stdout.write(outputsSection(session.prior.version?.outputs ?? {}, many ? plan.stack : undefined));
    }
    return { stack: plan.stack, plan, version: null, diagnostics: [] };
  }
  if (hasChanges(plan) && !o.autoApprove) {
    const verb = plan.mode === 'destroy' ? 'destroy all resources' : plan.rollbackOf !== undefined ? `roll back to version ${plan.rollbackOf}` : 'perform these actions';
    const ok = await confirm(`Do you want to ${verb} in stack "${plan.stack}"?\n  Ballast will perform the actions described above.\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: `);
    if (!ok) {
      // Terraform's words for a "no"
      process.stderr.write(`\n${plan.mode === 'destroy' ? 'Destroy' : 'Apply'} cancelled.${many ? ` (stack "${plan.stack}")` : ''}\n`);
      throw new CliExit(1);
    }
  }
  const store = ctx.store(plan.stack, session.stack.config.backend);
  const started = Date.now();
  const priorId = (address: string) => {
    const prior = plan.prior[address];
    return prior ? plainId(prior.attributes, prior.sensitivePaths) : undefined;
  };
  const progress = o.uiJson ? o.uiJson.applyEvents(priorId) : ctx.args.json || o.quiet ? undefined : applyProgress((line) => process.stdout.write(`${line}\n`), priorId);
  // the plan already read each object an import block adopts; the apply records it (Terraform's lines)
  if (progress && !o.uiJson) {
    for (const c of plan.changes) {
      if (c.importing) process.stdout.write(`${c.address}: Importing... [id=${c.importing.id}]\n${c.address}: Import complete [id=${c.importing.id}]\n`);
    }
  }
  const outcome = await applySession(session, store, {
    parallelism: o.parallelism,
    lock: ctx.heldLock(plan.stack),
    lockWaitMs: o.lockWaitMs,
    signal: o.signal,
    onEvent: progress?.onEvent,
  }).finally(() => progress?.stop());
  report(outcome.diagnostics, { throwOnError: false });
  if (o.uiJson && !hasErrors(outcome.diagnostics)) {
    o.uiJson.summary({ ...(outcome.result?.summary ?? { add: 0, change: 0, destroy: 0 }), import: importCount(plan) }, plan.mode === 'destroy' ? 'destroy' : 'apply');
    if (outcome.version) o.uiJson.appliedOutputs(outcome.version.outputs);
  }
  if (!o.quiet && !ctx.args.json) {
    const s = outcome.result?.summary ?? { add: 0, change: 0, destroy: 0 };
    const what = applySummary({ ...s, import: importCount(plan) }, plan.mode === 'destroy' ? 'destroy' : 'apply');
    if (!hasErrors(outcome.diagnostics)) process.stdout.write(`\n${what}\n`);
    if (outcome.version) process.stdout.write(`Recorded state version ${outcome.version.serial} of stack "${plan.stack}" (${((Date.now() - started) / 1000).toFixed(1)}s).\n`);
    // as Terraform: the outputs after a successful apply (--json streams them instead), none after a destroy
    // (the recorded ones when nothing needed a new version, as after a refresh-only apply that found no drift)
    if (plan.mode !== 'destroy' && !hasErrors(outcome.diagnostics)) process.stdout.write(outputsSection((outcome.version ?? session.prior.version)?.outputs ?? {}, many ? plan.stack : undefined));
  }
  if (hasErrors(outcome.diagnostics)) throw new CliExit(1);
  return { stack: plan.stack, plan, version: outcome.version, diagnostics: outcome.diagnostics };
}

/** Terraform's `Outputs:` section after an apply, naming the stack when several are applied; nothing without outputs. */
function outputsSection(outputs: Readonly<Record<string, OutputState>>, stack: string | undefined): string {
  const lines = outputLines(outputs);
  if (!lines.length) return '';
  return `\n${stack === undefined ? 'Outputs:' : `Outputs of stack "${stack}":`}\n\n${lines.join('\n')}\n`;
}
