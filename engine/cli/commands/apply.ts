// `ballast apply [PLANFILE]`: plan, ask, apply and record a state version per stack; or apply
// exactly a saved plan, refusing it when state, config or engine changed since it was made.

import type { Argv, CommandModule } from 'yargs';
import { CliContext } from '../context.ts';
import { report, setDiagnosticSink } from '../context.ts';
import { uiJsonWriter, type UiJsonWriter } from '../ui-json.ts';
import { error } from '../../diagnostics.ts';
import { applyOne, planOne, stackInput } from '../stack-flow.ts';
import { flowOptions, planOptions, type PlanArgs } from './plan.ts';
import { readPlanFile } from '../../plan/plan-file.ts';
import { ENGINE_VERSION } from '../../version.ts';
import { StalePlanError } from '../../errors.ts';
import { prepareStack } from '../../operations/prepare-stack.ts';
import { readPrior } from '../../operations/prior-state.ts';
import { sessionForPlan } from '../../operations/plan-stack.ts';
import { CliExit, EXIT_OK } from '../exit.ts';
import type { Value } from '../../lang/value.ts';

export interface ApplyArgs extends PlanArgs {
  planfile?: string;
  'auto-approve'?: boolean;
}

export function applyOptions<T>(y: Argv<T>): Argv<T & ApplyArgs> {
  return planOptions(y).option('auto-approve', { type: 'boolean', default: false, describe: 'Apply without asking for confirmation' }) as Argv<T & ApplyArgs>;
}

export async function runApply(a: ApplyArgs, destroy: boolean): Promise<never> {
  const ctx = new CliContext(a);
  try {
    // --json: Terraform's machine-readable UI stream, which (as in Terraform) cannot ask for approval
    const uiJson = a.json ? uiJsonWriter((l) => process.stdout.write(l)) : undefined;
    if (uiJson) {
      uiJson.version(ENGINE_VERSION);
      setDiagnosticSink((d) => uiJson.diagnostic(d));
      if (!a.planfile && !a['auto-approve'])
        report([
          error(
            'Plan file or auto-approve required',
            `Ballast cannot ask for approval with --json: pass --auto-approve, or apply a saved plan (ballast ${destroy ? 'destroy' : 'apply'} --json --auto-approve).`,
          ),
        ]);
    }
    if (a.planfile) await applySaved(ctx, a.planfile, a, uiJson);
    else {
      const o = flowOptions(ctx, { ...a, destroy }, { planOnly: false, autoApprove: a['auto-approve'] === true, signal: ctx.signal, uiJson });
      const stacks = await ctx.stacks();
      const ordered = destroy ? [...stacks].reverse() : stacks;
      for (const s of ordered) {
        const session = await planOne(ctx, stackInput(s), o);
        try {
          await applyOne(ctx, session, o, stacks.length > 1);
        } finally {
          await session.close();
          await ctx.releaseLock(s.name);
        }
      }
    }
    throw new CliExit(EXIT_OK);
  } finally {
    setDiagnosticSink(undefined);
    await ctx.close();
  }
}

async function applySaved(ctx: CliContext, file: string, a: ApplyArgs, uiJson?: UiJsonWriter): Promise<void> {
  const saved = readPlanFile(file);
  if (saved.engineVersion !== ENGINE_VERSION) {
    throw new StalePlanError(`saved plan ${file} was made by ${saved.engineVersion}, this is ${ENGINE_VERSION}; run plan again`);
  }
  const synthesized = await ctx.stacks();
  for (const sp of saved.stacks) {
    const s = synthesized.find((x) => x.name === sp.plan.stack);
    if (!s) throw new StalePlanError(`saved plan ${file} is for stack "${sp.plan.stack}", which the app no longer has; run plan again`);
    const prepared = prepareStack(stackInput(s), new Map(Object.entries(sp.variables)) as Map<string, Value>);
    report(prepared.diagnostics);
    if (prepared.stack!.configDigest !== sp.plan.configDigest) {
      throw new StalePlanError(`configuration of stack "${s.name}" changed since the plan in ${file} was made; run plan again`);
    }
    const store = ctx.store(s.name, prepared.stack!.config.backend);
    await ctx.lockStack(s.name, store, 'apply', a['lock-timeout'] ?? 0);
    const prior = await readPrior(store);
    if (prior.digest !== sp.plan.priorDigest || prior.journals.join() !== (sp.plan.priorJournals ?? []).join()) {
      throw new StalePlanError(
        `state of stack "${s.name}" changed since the plan in ${file} was made (planned against serial ${sp.plan.priorSerial ?? 'none'}, now ${prior.version?.serial ?? 'none'}); run plan again`,
      );
    }
    const opened = await sessionForPlan(prepared.stack!, prior, ctx.registry, sp.plan, ctx.env);
    report(opened.diagnostics);
    const session = opened.session!;
    try {
      await applyOne(ctx, session, { ...flowOptions(ctx, a), planOnly: false, autoApprove: true, signal: ctx.signal, uiJson }, saved.stacks.length > 1);
    } finally {
      await session.close();
      await ctx.releaseLock(s.name);
    }
  }
}

export const applyCommand: CommandModule<object, ApplyArgs> = {
  command: 'apply [planfile]',
  describe: 'Apply the changes (asks for confirmation unless --auto-approve) and record a new state version',
  builder: (y) => applyOptions(y).positional('planfile', { type: 'string', describe: 'A plan saved with `plan --out`; applied exactly, without asking' }) as Argv<ApplyArgs>,
  handler: (a) => runApply(a, false),
};

export const destroyCommand: CommandModule<object, ApplyArgs> = {
  command: 'destroy',
  describe: 'Destroy every object of the selected stacks (dependents first) and record the empty state',
  builder: (y) => applyOptions(y) as Argv<ApplyArgs>,
  handler: (a) => runApply(a, true),
};
