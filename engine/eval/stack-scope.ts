// The values a stack's expressions can see: variables, locals, resource and data instances,
// each/count/self, path.* and terraform.workspace. The planner fills instance values with
// planned objects; apply replaces them with applied objects as operations finish.

import type { ProviderFunctions } from './provider-functions.ts';
import { formatResource, type InstanceKey } from '../addrs.ts';
import type { SourceRange } from '../diagnostics.ts';
import type { TraversalStep } from '../lang/ast.ts';
import { evaluate } from '../lang/evaluate.ts';
import { ExpressionError } from '../lang/expression-error.ts';
import type { FunctionContext } from '../lang/functions/function.ts';
import type { Scope } from '../lang/scope.ts';
import type { Value, ValueObject } from '../lang/value.ts';
import type { StackConfig } from '../config/model.ts';
import { relative } from 'node:path';
import { convert } from '../lang/convert.ts';
import { jsonToValue } from '../lang/json-value.ts';
import { Sensitive } from '../lang/value.ts';
import { suggestName } from '../suggest.ts';
import { functionContext } from '../lang/function-context.ts';

/** How a resource expands: one object, a count-indexed tuple, or a for_each-keyed object. */
export type Expansion = { kind: 'single' } | { kind: 'count'; count: number } | { kind: 'for_each'; keys: string[] };

export interface InstanceContext {
  /** module instance path the expression belongs to ('' or absent: the root module) */
  readonly module?: string;
  readonly countIndex?: number;
  readonly eachKey?: string;
  readonly eachValue?: Value;
  readonly self?: Value;
}

export class StackScope {
  private readonly instances = new Map<string, Map<InstanceKey, Value>>();
  private readonly expansions = new Map<string, Expansion>();
  private readonly aggregates = new Map<string, Value>();
  private readonly localValues = new Map<string, Value>();
  private readonly localsInProgress = new Set<string>();
  /** module variables and outputs, by `path|name`; recomputed like locals when instances change */
  private readonly moduleValues = new Map<string, Value>();
  private readonly moduleRoots = new Map<string, Scope>();
  readonly functions: FunctionContext;
  private readonly rootScope: Scope;
  private readonly workspace: string;
  /** set while module instances are expanded: resource values do not exist yet */
  private readonly resourcesUnavailable?: string;

  constructor(
    readonly config: StackConfig,
    private readonly variables: ReadonlyMap<string, Value>,
    opts: { applying?: boolean; workspace?: string; planTimestamp?: string; resourcesUnavailable?: string } = {},
  ) {
    this.resourcesUnavailable = opts.resourcesUnavailable;
    this.workspace = opts.workspace ?? 'default';
    this.functions = functionContext(config.dir, opts.applying ?? false, opts.planTimestamp);
    this.rootScope = this.scope({});
  }

  /** provider-defined functions for this run; set once the providers are started */
  providerFunctions?: ProviderFunctions;

  useProviderFunctions(pf: ProviderFunctions): void {
    this.providerFunctions = pf;
    this.functions.providerFunctions = pf;
  }

  /** A value computed while a provider function call was pending holds a placeholder: not cached. */
  private cacheable(): boolean {
    return !this.providerFunctions?.hasPending();
  }

  get root(): Scope {
    return this.rootScope;
  }

  /** The scope of a module instance's own expressions (locals, outputs, count/for_each of its resources). */
  moduleRoot(path: string | undefined): Scope {
    if (!path) return this.rootScope;
    let s = this.moduleRoots.get(path);
    if (!s) this.moduleRoots.set(path, (s = this.scope({ module: path })));
    return s;
  }

  private forget(): void {
    if (this.localValues.size) this.localValues.clear();
    if (this.moduleValues.size) this.moduleValues.clear();
  }

  setExpansion(resourceAddress: string, e: Expansion): void {
    this.expansions.set(resourceAddress, e);
    this.aggregates.delete(resourceAddress);
  }

  setInstance(resourceAddress: string, key: InstanceKey, value: Value): void {
    let m = this.instances.get(resourceAddress);
    if (!m) this.instances.set(resourceAddress, (m = new Map()));
    m.set(key, value);
    this.aggregates.delete(resourceAddress);
    // locals may read resource attributes: recompute them on next use
    this.forget();
  }

  deleteInstance(resourceAddress: string, key: InstanceKey): void {
    this.instances.get(resourceAddress)?.delete(key);
    this.aggregates.delete(resourceAddress);
    this.forget();
  }

  instanceValue(resourceAddress: string, key: InstanceKey): Value | undefined {
    return this.instances.get(resourceAddress)?.get(key);
  }

  /** The value `type.name` evaluates to: object, tuple (count) or object keyed by for_each key. */
  resourceValue(resourceAddress: string): Value {
    const cached = this.aggregates.get(resourceAddress);
    if (cached !== undefined) return cached;
    const e = this.expansions.get(resourceAddress) ?? { kind: 'single' };
    const m = this.instances.get(resourceAddress);
    let v: Value;
    if (e.kind === 'single') v = m?.get(undefined) ?? null;
    else if (e.kind === 'count') {
      const out: Value[] = new Array(e.count);
      for (let i = 0; i < e.count; i++) out[i] = m?.get(i) ?? null;
      v = out;
    } else {
      const out: ValueObject = {};
      for (const k of e.keys) out[k] = m?.get(k) ?? null;
      v = out;
    }
    this.aggregates.set(resourceAddress, v);
    return v;
  }

  localValue(name: string, range: SourceRange, module?: string): Value {
    const key = module ? `${module}|${name}` : name;
    const cached = this.localValues.get(key);
    if (cached !== undefined) return cached;
    const l = this.declarations(module, range).locals.get(name);
    if (!l)
      throw new ExpressionError(`Reference to undeclared local value "local.${name}"`, { detail: `No local value with this name is declared in ${module ? `module ${module}` : 'the stack'}.`, range });
    if (this.localsInProgress.has(key)) throw new ExpressionError(`Local value "local.${name}" refers to itself`, { range });
    this.localsInProgress.add(key);
    try {
      const v = evaluate(l.expr, this.moduleRoot(module));
      if (this.cacheable()) this.localValues.set(key, v);
      return v;
    } finally {
      this.localsInProgress.delete(key);
    }
  }

  /** The configuration a module instance was declared by (the stack's for the root). */
  private declarations(module: string | undefined, range: SourceRange): StackConfig {
    if (!module) return this.config;
    const inst = this.config.modules?.get(module);
    if (!inst) throw new ExpressionError(`Unknown module instance ${module}`, { range });
    return inst.call.module;
  }

  /** An input variable of a module instance: the call's argument, evaluated where the call is, or the default. */
  moduleVariable(path: string, name: string, range: SourceRange): Value {
    const key = `${path}|var.${name}`;
    const cached = this.moduleValues.get(key);
    if (cached !== undefined) return cached;
    const inst = this.config.modules?.get(path);
    const decl = inst?.call.module.variables.get(name);
    if (!inst || !decl) throw new ExpressionError(`Reference to undeclared input variable "var.${name}"`, { detail: `Module ${path} declares no variable "${name}".`, range });
    if (this.localsInProgress.has(key)) throw new ExpressionError(`Variable "var.${name}" of ${path} refers to itself`, { range });
    this.localsInProgress.add(key);
    try {
      const arg = inst.call.inputs.get(name);
      let v: Value = arg
        ? evaluate(arg, this.scope({ module: inst.parent, countIndex: inst.countIndex, eachKey: inst.eachKey, eachValue: inst.eachValue }))
        : decl.hasDefault
          ? jsonToValue(decl.default)
          : null;
      if (v === null && decl.hasDefault && !decl.nullable) v = jsonToValue(decl.default);
      if (v === null && !decl.nullable)
        throw new ExpressionError('Required variable not set', {
          detail: `The value given to ${path} for "${name}" is null, but the variable is declared with nullable = false and has no default.`,
          range: arg?.range ?? range,
        });
      if (decl.type && v !== null) {
        try {
          v = convert(v, decl.type);
        } catch (e) {
          throw new ExpressionError(`Invalid value for module argument "${name}"`, {
            detail: `The value given to ${path} for "${name}" is unsuitable: ${(e as Error).message}`,
            range: arg?.range ?? range,
          });
        }
      }
      if (decl.sensitive && !(v instanceof Sensitive)) v = new Sensitive(v);
      if (this.cacheable()) this.moduleValues.set(key, v);
      return v;
    } finally {
      this.localsInProgress.delete(key);
    }
  }

  /** An output of a module instance, evaluated in the module. */
  moduleOutput(path: string, name: string, range: SourceRange): Value {
    const key = `${path}|output.${name}`;
    const cached = this.moduleValues.get(key);
    if (cached !== undefined) return cached;
    const inst = this.config.modules?.get(path);
    const o = inst?.call.module.outputs.get(name);
    if (!inst || !o)
      throw new ExpressionError(`Unsupported attribute "${name}"`, { detail: `Module ${path} has no output "${name}".${suggestName(name, inst?.call.module.outputs.keys() ?? [])}`, range });
    if (this.localsInProgress.has(key)) throw new ExpressionError(`Output "${name}" of ${path} refers to itself`, { range });
    this.localsInProgress.add(key);
    try {
      let v = evaluate(o.expr, this.moduleRoot(path));
      if (o.sensitive && !(v instanceof Sensitive)) v = new Sensitive(v);
      if (this.cacheable()) this.moduleValues.set(key, v);
      return v;
    } finally {
      this.localsInProgress.delete(key);
    }
  }

  /** `module.NAME` from a module instance: an object of outputs, a tuple of them (count) or a map of them (for_each). */
  private moduleCallValue(parent: string, name: string, range: SourceRange): Value {
    const calls = this.declarations(parent, range).moduleCalls;
    const call = calls?.get(name);
    if (!call)
      throw new ExpressionError(`Reference to undeclared module "module.${name}"`, {
        detail: `No module call "${name}" is declared in ${parent ? `module ${parent}` : 'the stack'}.${suggestName(name, calls?.keys() ?? [])}`,
        range,
      });
    const outputsOf = (path: string): ValueObject => {
      const out: ValueObject = {};
      for (const o of call.module.outputs.keys()) out[o] = this.moduleOutput(path, o, range);
      return out;
    };
    const instances = [...(this.config.modules?.values() ?? [])].filter((m) => m.parent === parent && m.call === call);
    if (call.count) return instances.sort((a, b) => (a.countIndex ?? 0) - (b.countIndex ?? 0)).map((m) => outputsOf(m.path));
    if (call.forEach) return Object.fromEntries(instances.map((m) => [m.eachKey ?? '', outputsOf(m.path)]));
    return instances[0] ? outputsOf(instances[0].path) : null;
  }

  /** A scope for evaluating one instance's expressions (count.index, each.*, self). */
  scope(ctx: InstanceContext): Scope {
    const me = this;
    return {
      functionContext: this.functions,
      resolve(root: string, steps: readonly TraversalStep[], range: SourceRange) {
        return me.resolve(root, steps, range, ctx);
      },
    };
  }

  private resolve(root: string, steps: readonly TraversalStep[], range: SourceRange, ctx: InstanceContext): { value: Value; consumed: number } {
    const first = steps[0];
    const attr = first?.kind === 'attr' ? first.name : undefined;
    switch (root) {
      case 'var': {
        if (attr === undefined) throw new ExpressionError('Invalid reference: "var" must be followed by a variable name, e.g. var.region', { range });
        if (ctx.module) return { value: this.moduleVariable(ctx.module, attr, range), consumed: 1 };
        const v = this.variables.get(attr);
        if (v === undefined) {
          if (this.config.variables.has(attr)) throw new ExpressionError(`Variable "var.${attr}" has no value`, { range });
          throw new ExpressionError(`Reference to undeclared input variable "var.${attr}"`, { detail: 'Declare it in the stack (TerraformVariable) before using it.', range });
        }
        return { value: v, consumed: 1 };
      }
      case 'local':
        if (attr === undefined) throw new ExpressionError('Invalid reference: "local" must be followed by a name, e.g. local.tags', { range });
        return { value: this.localValue(attr, range, ctx.module), consumed: 1 };
      case 'module':
        if (attr === undefined) throw new ExpressionError('Invalid reference: "module" must be followed by a module name, e.g. module.network', { range });
        return { value: this.moduleCallValue(ctx.module ?? '', attr, range), consumed: 1 };
      case 'count':
        if (ctx.countIndex === undefined) throw new ExpressionError('Reference to "count" in a non-counted context', { detail: '"count.index" is only available in resources that set count.', range });
        if (attr !== 'index') throw new ExpressionError(`Invalid reference "count.${attr ?? ''}": only count.index exists`, { range });
        return { value: ctx.countIndex, consumed: 1 };
      case 'each':
        if (ctx.eachKey === undefined)
          throw new ExpressionError('Reference to "each" in a context without for_each', { detail: '"each.key" and "each.value" are only available in resources that set for_each.', range });
        if (attr === 'key') return { value: ctx.eachKey, consumed: 1 };
        if (attr === 'value') return { value: ctx.eachValue ?? null, consumed: 1 };
        throw new ExpressionError(`Invalid reference "each.${attr ?? ''}": only each.key and each.value exist`, { range });
      case 'self':
        if (ctx.self === undefined) throw new ExpressionError('"self" is only available in postconditions', { range });
        return { value: ctx.self, consumed: 0 };
      case 'path':
        // as in Terraform, path.module and path.root are relative to the stack's working directory,
        // which relative paths in functions and providers resolve against; state stays portable
        if (attr === 'module' && ctx.module) {
          const dir = this.config.modules?.get(ctx.module)?.call.module.dir;
          return { value: dir ? relative(this.config.dir, dir) || '.' : '.', consumed: 1 };
        }
        if (attr === 'module' || attr === 'root') return { value: '.', consumed: 1 };
        if (attr === 'cwd') return { value: this.config.dir, consumed: 1 };
        throw new ExpressionError(`Invalid reference "path.${attr ?? ''}": use path.module, path.root or path.cwd`, { range });
      case 'terraform':
        if (attr === 'workspace') return { value: this.workspace, consumed: 1 };
        throw new ExpressionError(`Invalid reference "terraform.${attr ?? ''}": only terraform.workspace exists`, { range });
      case 'data': {
        const second = steps[1];
        if (attr === undefined || second?.kind !== 'attr') throw new ExpressionError('Invalid data reference: expected data.TYPE.NAME', { range });
        return this.resourceRef({ mode: 'data', type: attr, name: second.name, module: ctx.module }, steps, 2, range);
      }
      default:
        if (attr === undefined) throw new ExpressionError(`Unknown reference "${root}"`, { detail: 'Expected var., local., data., a resource TYPE.NAME, count., each., path. or terraform.', range });
        return this.resourceRef({ mode: 'managed', type: root, name: attr, module: ctx.module }, steps, 1, range);
    }
  }

  private resourceRef(
    addr: { mode: 'managed' | 'data'; type: string; name: string; module?: string },
    steps: readonly TraversalStep[],
    consumed: number,
    range: SourceRange,
  ): { value: Value; consumed: number } {
    const address = formatResource(addr);
    const rc = this.config.resources.get(address);
    if (!rc)
      throw new ExpressionError(`Reference to undeclared resource "${formatResource({ ...addr, module: undefined })}"`, {
        detail: `No ${addr.mode === 'data' ? 'data source' : 'resource'} "${formatResource({ ...addr, module: undefined })}" is declared in ${addr.module ? `module ${addr.module}` : 'the stack'}.`,
        range,
      });
    if (this.resourcesUnavailable) throw new ExpressionError(this.resourcesUnavailable, { detail: `It refers to ${address}, whose attributes are only known while planning.`, range });
    // a static index right after the name reads one instance without building the whole tuple/object
    const next = steps[consumed];
    const e = this.expansions.get(address);
    if (next?.kind === 'index' && e && e.kind !== 'single') {
      const key = e.kind === 'count' ? Number(next.key) : String(next.key);
      const v = this.instances.get(address)?.get(key);
      if (v !== undefined) return { value: v, consumed: consumed + 1 };
    }
    return { value: this.resourceValue(address), consumed };
  }
}
