// The human plan rendering, after `terraform plan`: drift note, action legend, one block
// per resource change with attribute-level diffs, the summary line, then output changes.
// Sensitive values never appear: see value-diff.ts.

import { formatKey, formatResource, type InstanceAddr } from '../../addrs.ts';
import type { ResourceSchema } from '../../../providers/provider.ts';
import { ACTION_SYMBOL, isReplace, type Action } from '../actions.ts';
import { summarize, type OutputChange, type Plan, type ResourceChange } from '../plan.ts';
import { closing, colorSymbol, emitRows, item, renderBlockBody, renderValueDiff, type DiffContext, type Row, type Side } from './value-diff.ts';
import { planSecrets, sensitivePathsOf } from './plan-secrets.ts';
import { COLORS, MARKED, NO_COLORS, pathTree, type Palette } from './value-format.ts';

export interface RenderPlanOptions {
  color: boolean;
  /** provider schema of an instance, so nested blocks render as blocks and sensitive attributes hide */
  schemaOf?: (addr: InstanceAddr) => ResourceSchema | undefined;
  /** start with the stack name (when several stacks print one after another) */
  stackLabel?: boolean;
}

const RULE = '─'.repeat(77);

const LEGEND: [Action, string][] = [
  ['create', 'create'],
  ['update', 'update in-place'],
  ['delete', 'destroy'],
  ['delete-then-create', 'destroy and then create replacement'],
  ['create-then-delete', 'create replacement and then destroy'],
  ['read', 'read (data resources)'],
];

export function renderPlan(plan: Plan, opts: RenderPlanOptions): string {
  const p = opts.color ? COLORS : NO_COLORS;
  // walks every value of the plan: only when a change is rendered (never for a no-op plan)
  let secrets: Set<string> | undefined;
  const secretsOf = () => (secrets ??= planSecrets(plan, opts.schemaOf));
  const out: string[] = [];
  if (opts.stackLabel) out.push(p.bold(`Stack "${plan.stack}"`) + (plan.sourceRevision ? ` at ${plan.sourceRevision}` : ''), '');
  if (plan.rollbackOf !== undefined) out.push(`This plan rolls the stack back to the configuration recorded in state version ${plan.rollbackOf}.`, '');

  const refreshOnly = plan.mode === 'refresh-only';
  const drift = plan.drift.filter((c) => c.action !== 'no-op');
  if (drift.length) {
    out.push(p.bold('Note: Objects have changed outside of Ballast'), '');
    out.push(`Ballast detected the following changes made outside of Ballast since the last "ballast apply"${refreshOnly ? ':' : ' which may have affected this plan:'}`, '');
    for (const c of drift) out.push(...renderResourceChange(c, opts, { drift: true, secrets: secretsOf() }), '');
    if (refreshOnly) {
      out.push(
        'This is a refresh-only plan, so Ballast will not take any actions to undo these. If you were expecting these changes then you can apply this plan to record the updated values in the Ballast state without changing any remote objects.',
        '',
      );
    } else {
      out.push(
        'Unless you have made equivalent changes to your configuration, or ignored the relevant attributes using ignore_changes, the following plan may include actions to undo or respond to these changes.',
        '',
        RULE,
        '',
      );
    }
  }

  const changes = refreshOnly ? [] : plan.changes.filter((c) => c.action !== 'no-op' || c.importing || c.previousAddress);
  const forgotten = refreshOnly ? [] : (plan.forgotten ?? []);
  const outputs = refreshOnly ? [] : plan.outputs.filter((o) => o.action !== 'no-op').sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  if (changes.length || forgotten.length) {
    const used = new Set(changes.map((c) => c.action));
    out.push('Ballast used the selected providers to generate the following execution plan. Resource actions are indicated with the following symbols:');
    for (const [action, text] of LEGEND) if (used.has(action)) out.push(`${colorSymbol(ACTION_SYMBOL[action].padStart(3), p)} ${text}`);
    out.push('', 'Ballast will perform the following actions:', '');
    for (const c of changes) out.push(...renderResourceChange(c, opts, { secrets: secretsOf() }), '');
    for (const a of forgotten)
      out.push(`  ${p.bold(`# ${a} will no longer be managed by Ballast`)}`, '  # (removed from the configuration with lifecycle { destroy = false }: the object itself is kept)', '');
    out.push(p.bold(renderSummaryLine(plan)));
    if (outputs.length) out.push('', 'Changes to Outputs:', ...renderOutputChanges(outputs, p, secretsOf()));
  } else if (outputs.length) {
    out.push('Changes to Outputs:', ...renderOutputChanges(outputs, p, secretsOf()), '');
    out.push('You can apply this plan to save these new output values to the Ballast state, without changing any real infrastructure.');
  } else if (refreshOnly) {
    if (!drift.length)
      out.push(
        p.bold('No changes. Your infrastructure still matches the configuration.'),
        '',
        'Ballast has checked that the real remote objects still match the result of your most recent changes, and found no differences.',
      );
  } else {
    out.push(p.bold(renderSummaryLine(plan)));
    out.push(
      '',
      plan.mode === 'destroy'
        ? 'Either you have not created any objects yet or the existing objects were already deleted outside of Ballast.'
        : 'Ballast has compared your real infrastructure against your configuration and found no differences, so no changes are needed.',
    );
  }
  return out.join('\n') + '\n';
}

/** One line for logs, CI titles and the agent's status: counts, or why there is nothing to do. */
export function renderSummaryLine(plan: Plan): string {
  if (plan.mode === 'refresh-only') {
    const n = plan.drift.filter((c) => c.action !== 'no-op').length;
    return n
      ? `Refresh-only plan: ${n} object${n === 1 ? ' has' : 's have'} changed outside of Ballast; applying it updates the state only.`
      : 'No changes. Your infrastructure still matches the configuration.';
  }
  const forget = plan.forgotten?.length ?? 0;
  if (plan.changes.some((c) => c.action !== 'no-op' || c.importing || c.previousAddress) || forget) {
    const s = summarize(plan.changes);
    const imports = plan.changes.filter((c) => c.importing).length;
    return `Plan: ${imports ? `${imports} to import, ` : ''}${s.add} to add, ${s.change} to change, ${s.destroy} to destroy${forget ? `, ${forget} to forget` : ''}.`;
  }
  const outputs = plan.outputs.filter((o) => o.action !== 'no-op').length;
  if (outputs) return `Changes to Outputs only: ${outputs} output${outputs === 1 ? '' : 's'} to change, no infrastructure changes.`;
  return plan.mode === 'destroy' ? 'No changes. No objects need to be destroyed.' : 'No changes. Your infrastructure matches the configuration.';
}

/**
 * The block for one resource change (or drift entry), as lines. Exported for apply progress
 * output; pass the plan's secrets (planSecrets) when rendering changes of a whole plan.
 */
export function renderResourceChange(c: ResourceChange, opts: RenderPlanOptions, how: { drift?: boolean; secrets?: ReadonlySet<string> } = {}): string[] {
  const p = opts.color ? COLORS : NO_COLORS;
  const out = [`  ${p.bold(`# ${headline(c, how.drift === true)}`)}`];
  const why = reasonLine(c);
  if (why) out.push(`  ${why}`);
  if (c.importing && c.action !== 'no-op' && !how.drift) out.push(`  # (imported from "${c.importing.id}")`);
  if (c.previousAddress && c.action !== 'no-op' && !how.drift) out.push(`  # (moved from ${c.previousAddress})`);
  const sensitive = pathTree(sensitivePathsOf(c, opts.schemaOf));
  const before: Side = { v: c.before ?? undefined, sens: sensitive };
  const after: Side = { v: c.after ?? undefined, sens: sensitive };
  const ctx: DiffContext = { palette: p, hideUnchanged: c.before !== null && c.after !== null, secrets: how.secrets };
  const symbol = how.drift ? (c.action === 'delete' ? '-' : '~') : ACTION_SYMBOL[c.action];
  const kind = c.addr.mode === 'data' ? 'data' : 'resource';
  out.push(item(0, symbol, `${kind} "${c.addr.type}" "${c.addr.name}" {`, p));
  out.push(...renderBlockBody(before, after, 1, opts.schemaOf?.(c.addr)?.block, pathTree(c.requiresReplace), ctx, true));
  out.push(closing(1) + '}');
  return out;
}

function headline(c: ResourceChange, drift: boolean): string {
  const a = c.deposed ? `${c.address} (deposed object)` : c.address;
  if (drift) return c.action === 'delete' ? `${a} has been deleted` : `${a} has changed`;
  if (isReplace(c.action)) {
    if (c.reason === 'replace-because-tainted') return `${a} is tainted, so must be replaced`;
    if (c.reason === 'replace-by-request') return `${a} will be replaced, as requested`;
    if (c.reason === 'replace-by-triggers') return `${a} will be replaced due to changes in replace_triggered_by`;
    return `${a} must be replaced`;
  }
  switch (c.action) {
    case 'create':
      return `${a} will be created`;
    case 'read':
      return `${a} will be read during apply`;
    case 'update':
      return `${a} will be updated in-place`;
    case 'delete':
      return `${a} will be destroyed`;
    default:
      return c.importing ? `${a} will be imported` : c.previousAddress ? `${c.previousAddress} has moved to ${a}` : `${a} has no changes`;
  }
}

function reasonLine(c: ResourceChange): string | undefined {
  switch (c.reason) {
    case 'delete-because-no-resource-config':
      return `# (because ${formatResource(c.addr)} is not in configuration)`;
    case 'delete-because-count-index':
      return `# (because index ${formatKey(c.addr.key)} is out of range for count)`;
    case 'delete-because-each-key':
      return `# (because key ${formatKey(c.addr.key)} is not in for_each map)`;
    case 'delete-because-wrong-repetition':
      return c.addr.key === undefined
        ? '# (because resource uses count or for_each)'
        : typeof c.addr.key === 'number'
          ? '# (because resource does not use count)'
          : '# (because resource does not use for_each)';
    case 'read-because-config-unknown':
      return '# (config refers to values not yet known)';
    case 'read-because-dependency-pending':
      return '# (depends on a resource or a module with changes pending)';
    case 'read-because-check-nested':
      return '# (read again during apply to verify a check block)';
    default:
      return undefined;
  }
}

const OUTPUT_SYMBOL: Record<OutputChange['action'], string> = { 'no-op': ' ', create: '+', update: '~', delete: '-' };

function renderOutputChanges(outputs: OutputChange[], p: Palette, secrets: ReadonlySet<string>): string[] {
  const ctx: DiffContext = { palette: p, hideUnchanged: true, secrets };
  const rows: Row[] = outputs.map((o) => {
    const sens = o.sensitive ? MARKED : undefined;
    const b: Side = { v: o.action === 'create' ? undefined : o.before, sens };
    const a: Side = { v: o.action === 'delete' ? undefined : o.after, sens };
    const sym = OUTPUT_SYMBOL[o.action] as Row['sym'];
    return { sym, label: o.name, lines: renderValueDiff(b, a, 0, undefined, undefined, ctx), forcesReplacement: false };
  });
  return emitRows(rows, 0, p);
}
