// The dependency graph of a stack's configuration objects (locals, resources, data sources,
// outputs), built from the references in their expressions and from depends_on. Instances are
// expanded later, per node, while the graph is walked in dependency order.

import { type Diagnostic, error } from '../diagnostics.ts';
import { CycleError, Dag } from '../graph/dag.ts';
import type { Expr } from '../lang/ast.ts';
import { references } from '../lang/references.ts';
import { functionCalls } from '../lang/function-calls.ts';
import { functionNames, hasFunction } from '../lang/functions/index.ts';
import { EVALUATOR_FUNCTIONS } from '../lang/evaluate.ts';
import { closest } from '../did-you-mean.ts';
import type { StackConfig } from '../config/model.ts';

export type ConfigNode =
  | { kind: 'local'; id: string; name: string; module?: string }
  | { kind: 'resource'; id: string; address: string }
  | { kind: 'output'; id: string; name: string }
  /** an input variable or an output of a module instance */
  | { kind: 'module-var' | 'module-output'; id: string; name: string; module: string };

export interface ConfigGraph {
  readonly dag: Dag;
  readonly nodes: ReadonlyMap<string, ConfigNode>;
  /** resource address -> resource addresses it depends on, directly or through locals */
  readonly resourceDeps: ReadonlyMap<string, readonly string[]>;
  /** a data source scoped to a check block -> the resources its check's assertions read */
  readonly checkDeps?: ReadonlyMap<string, readonly string[]>;
  /** of those, the ones its own arguments do not reach (directly or through locals): they do not hold back reading it */
  readonly checkOnlyDeps?: ReadonlyMap<string, readonly string[]>;
}

/** Node ids that an expression refers to (locals and resources; variables have no node). */
export interface UndeclaredReference {
  readonly kind: 'resource' | 'local value' | 'module' | 'input variable';
  readonly text: string;
  readonly start: number;
  /** the declared name closest to a misspelled one */
  readonly suggestion?: string;
}

export function referencedNodes(expr: Expr, config: StackConfig, module?: string): { ids: string[]; unknown: UndeclaredReference[] } {
  const ids: string[] = [];
  const unknown: UndeclaredReference[] = [];
  const prefix = module ? `${module}.` : '';
  const decl = module ? config.modules?.get(module)?.call.module : config;
  for (const r of references(expr)) {
    const a = r.steps[0]?.kind === 'attr' ? r.steps[0].name : undefined;
    switch (r.root) {
      case 'count':
      case 'each':
      case 'self':
      case 'path':
      case 'terraform':
        break;
      case 'var':
        if (a === undefined) break;
        if (decl?.variables.has(a)) {
          if (module) ids.push(`${prefix}var.${a}`);
        } else if (decl) unknown.push({ kind: 'input variable', text: `var.${a}`, start: r.range.start, suggestion: suggestion('var', a, decl.variables.keys()) });
        break;
      case 'local':
        // an undeclared local has no node: report it here rather than link to nothing
        if (a !== undefined) {
          if (decl?.locals.has(a)) ids.push(`${prefix}local.${a}`);
          else unknown.push({ kind: 'local value', text: `local.${a}`, start: r.range.start, suggestion: suggestion('local', a, decl?.locals.keys() ?? []) });
        }
        break;
      case 'module':
        if (a !== undefined) {
          const call = decl?.moduleCalls?.get(a);
          if (!call) {
            unknown.push({ kind: 'module', text: `module.${a}`, start: r.range.start });
            break;
          }
          for (const m of config.modules?.values() ?? []) {
            if (m.parent === (module ?? '') && m.call === call) for (const o of call.module.outputs.keys()) ids.push(`${m.path}.output.${o}`);
          }
        }
        break;
      case 'data': {
        const b = r.steps[1]?.kind === 'attr' ? (r.steps[1] as { name: string }).name : undefined;
        if (a !== undefined && b !== undefined) {
          const id = `data.${a}.${b}`;
          if (config.resources.has(prefix + id)) ids.push(prefix + id);
          else unknown.push({ kind: 'resource', text: id, start: r.range.start, suggestion: resourceSuggestion(id, config, prefix) });
        }
        break;
      }
      default:
        if (a !== undefined) {
          const id = `${r.root}.${a}`;
          if (config.resources.has(prefix + id)) ids.push(prefix + id);
          else unknown.push({ kind: 'resource', text: id, start: r.range.start, suggestion: resourceSuggestion(id, config, prefix) });
        }
    }
  }
  return { ids, unknown };
}

function suggestion(root: string, name: string, declared: Iterable<string>): string | undefined {
  const c = closest(name, [...declared]);
  return c === undefined ? undefined : `${root}.${c}`;
}

/** The declared resource of the same module closest to a misspelled `type.name`. */
function resourceSuggestion(id: string, config: StackConfig, prefix: string): string | undefined {
  const here = [...config.resources.keys()].filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).startsWith('module.')).map((k) => k.slice(prefix.length));
  return closest(id, here);
}

/** Calls of functions that do not exist, with the closest real name. */
function unknownFunctions(e: Expr): { name: string; start: number; suggestion?: string }[] {
  return functionCalls(e)
    .filter((c) => !c.name.includes('::') && !hasFunction(c.name) && !EVALUATOR_FUNCTIONS.has(c.name))
    .map((c) => ({ name: c.name, start: c.range.start, suggestion: closest(c.name, functionNames()) }));
}

export function buildConfigGraph(config: StackConfig): { graph?: ConfigGraph; diagnostics: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const dag = new Dag();
  const nodes = new Map<string, ConfigNode>();
  const stack = config.name;

  for (const name of config.locals.keys()) nodes.set(`local.${name}`, { kind: 'local', id: `local.${name}`, name });
  for (const address of config.resources.keys()) nodes.set(address, { kind: 'resource', id: address, address });
  for (const name of config.outputs.keys()) nodes.set(`output.${name}`, { kind: 'output', id: `output.${name}`, name });
  for (const m of config.modules?.values() ?? []) {
    const d = m.call.module;
    for (const name of d.locals.keys()) nodes.set(`${m.path}.local.${name}`, { kind: 'local', id: `${m.path}.local.${name}`, name, module: m.path });
    for (const name of d.variables.keys()) nodes.set(`${m.path}.var.${name}`, { kind: 'module-var', id: `${m.path}.var.${name}`, name, module: m.path });
    for (const name of d.outputs.keys()) nodes.set(`${m.path}.output.${name}`, { kind: 'module-output', id: `${m.path}.output.${name}`, name, module: m.path });
  }
  for (const id of nodes.keys()) dag.addNode(id);

  const link = (from: string, exprs: (Expr | undefined)[], dependsOn: readonly string[], range: { file?: string; pointer?: string }, module?: string) => {
    for (const e of exprs) {
      if (!e) continue;
      const { ids, unknown } = referencedNodes(e, config, module);
      // a local naming itself is reported below; a variable's validation naming it is no cycle
      for (const id of ids) if (id !== from || (nodes.get(id)?.kind !== 'local' && nodes.get(id)?.kind !== 'module-var')) dag.addEdge(from, id);
      for (const u of unknown) {
        const hint = u.suggestion ? ` Did you mean "${u.suggestion}"?` : '';
        diags.push(
          error(`Reference to undeclared ${u.kind} "${u.text}"`, `"${from}" refers to "${u.text}", which is not declared in ${module ? `module ${module}` : 'the stack'}.${hint}`, {
            stack,
            address: from,
            range: { ...range, start: u.start, subject: u.text },
          }),
        );
      }
      // misspelled functions are found here too, so every such mistake is reported in one run
      for (const f of unknownFunctions(e)) {
        diags.push(
          error(`Call to unknown function "${f.name}"`, `There is no function named "${f.name}".${f.suggestion ? ` Did you mean "${f.suggestion}"?` : ''}`, {
            stack,
            address: from,
            range: { ...range, start: f.start, subject: `${f.name}(` },
          }),
        );
      }
    }
    for (const d of dependsOn) {
      if (nodes.has(d)) {
        dag.addEdge(from, d);
        continue;
      }
      // depends_on = [module.x]: everything the module's instances hold
      const inside = /(^|\.)module\.[A-Za-z_][A-Za-z0-9_-]*$/.test(d)
        ? [...nodes.values()].filter((n) => (n.kind === 'resource' || n.kind === 'module-output') && (n.id.startsWith(`${d}.`) || n.id.startsWith(`${d}[`)))
        : [];
      if (inside.length || (config.modules && [...config.modules.keys()].some((p) => p === d || p.startsWith(`${d}[`)))) for (const n of inside) dag.addEdge(from, n.id);
      else diags.push(error(`depends_on refers to undeclared resource "${d}"`, undefined, { stack, address: from, range }));
    }
  };

  for (const [name, l] of config.locals) link(`local.${name}`, [l.expr], [], l.range);
  for (const [address, r] of config.resources) {
    const lc = r.lifecycle;
    link(address, [r.body, r.count, r.forEach, ...lc.preconditions.flatMap((c) => [c.condition, c.errorMessage]), ...lc.replaceTriggeredBy], r.dependsOn, r.range, r.module);
  }
  // a scoped data source is planned after what its check block's assertions read (not other data of the same check)
  const checkDeps = new Map<string, string[]>();
  const checkOnlyDeps = new Map<string, string[]>();
  /** resources a node reaches through its own references and locals (before any check edge is added) */
  const ownResources = (id: string, out = new Set<string>(), seen = new Set<string>()): Set<string> => {
    for (const d of dag.dependencies(id)) {
      if (seen.has(d)) continue;
      seen.add(d);
      const n = nodes.get(d);
      if (n?.kind === 'resource') out.add(d);
      else if (n && n.kind !== 'output') ownResources(d, out, seen);
    }
    return out;
  };
  for (const [address, r] of config.resources) {
    if (!r.check) continue;
    const decl = r.module ? config.modules?.get(r.module)?.call.module : config;
    const check = decl?.checks?.find((c) => c.name === r.check);
    const ids = (check?.asserts ?? []).flatMap((a) => referencedNodes(a.condition, config, r.module).ids);
    const deps = [...new Set(ids)].filter((id) => nodes.get(id)?.kind === 'resource' && config.resources.get(id)?.check !== r.check);
    const own = ownResources(address);
    checkOnlyDeps.set(
      address,
      deps.filter((d) => !own.has(d)),
    );
    for (const id of deps) dag.addEdge(address, id);
    checkDeps.set(address, deps);
  }
  for (const [name, o] of config.outputs) link(`output.${name}`, [o.expr, ...o.preconditions.map((c) => c.condition)], o.dependsOn, o.range);
  for (const m of config.modules?.values() ?? []) {
    const d = m.call.module;
    for (const [name, l] of d.locals) link(`${m.path}.local.${name}`, [l.expr], [], l.range, m.path);
    for (const [name, v] of d.variables) {
      link(`${m.path}.var.${name}`, [m.call.inputs.get(name), m.call.count, m.call.forEach], [], m.call.range, m.parent || undefined);
      // validation rules are evaluated inside the module (they may read its other variables and locals)
      if (v.validations.length)
        link(
          `${m.path}.var.${name}`,
          v.validations.flatMap((c) => [c.condition, c.errorMessage]),
          [],
          v.range,
          m.path,
        );
    }
    for (const [name, o] of d.outputs)
      link(
        `${m.path}.output.${name}`,
        [o.expr, ...o.preconditions.map((c) => c.condition)],
        o.dependsOn.map((x) => `${m.path}.${x}`),
        o.range,
        m.path,
      );
  }

  // a local that refers to itself is a cycle too
  for (const [id, n] of nodes) {
    if (n.kind !== 'local') continue;
    const l = (n.module ? config.modules?.get(n.module)?.call.module : config)?.locals.get(n.name);
    if (l && referencedNodes(l.expr, config, n.module).ids.includes(id)) {
      diags.push(error(`Cycle: ${id} -> ${id}`, 'A local value cannot refer to itself.', { stack, address: id, range: l.range }));
    }
  }
  if (diags.length) return { diagnostics: diags };

  const cycle = dag.findCycle();
  if (cycle) {
    diags.push(
      error(`Cycle: ${[...cycle, cycle[0]].join(' -> ')}`, 'These objects refer to each other, so none of them can be evaluated first. Break the cycle by removing one of the references.', {
        stack,
        address: cycle[0],
      }),
    );
    return { diagnostics: diags };
  }

  // resource-level dependencies, seen through locals (what the state records per instance)
  const resourceDeps = new Map<string, string[]>();
  const memo = new Map<string, Set<string>>();
  const viaLocals = (id: string): Set<string> => {
    const hit = memo.get(id);
    if (hit) return hit;
    const out = new Set<string>();
    memo.set(id, out);
    for (const d of dag.dependencies(id)) {
      const n = nodes.get(d)!;
      if (n.kind === 'resource') out.add(d);
      else if (n.kind !== 'output') for (const x of viaLocals(d)) out.add(x);
    }
    return out;
  };
  for (const address of config.resources.keys()) resourceDeps.set(address, [...viaLocals(address)].sort());

  return { graph: { dag, nodes, resourceDeps, checkDeps, checkOnlyDeps }, diagnostics: diags };
}

export { CycleError };
