// The `configuration` and `relevant_attributes` parts of the plan JSON, shaped like
// `terraform show -json`: per module, the resources, outputs, variables and module calls with
// each argument either a `constant_value` or the `references` it makes. Sensitive variable
// defaults and constants under a sensitive output are never written.

import type { Expr, TraversalStep } from '../../lang/ast.ts';
import { references, type Reference } from '../../lang/references.ts';
import type { ModuleCallConfig, ProviderRef, ResourceConfig, StackConfig } from '../../config/model.ts';
import type { Json } from './json-encoding.ts';

const BUILTIN_TERRAFORM = 'terraform.io/builtin/terraform';

/** `hashicorp/null` → `registry.terraform.io/hashicorp/null`; the local name `terraform` is the built-in provider. */
export function fullProviderName(config: StackConfig | undefined, localName: string): string {
  if (localName === 'terraform') return BUILTIN_TERRAFORM;
  const source = config?.requiredProviders.get(localName)?.source ?? `hashicorp/${localName}`;
  const parts = source.split('/');
  return parts.length === 3 ? source : `registry.terraform.io/${parts.length === 2 ? source : `hashicorp/${source}`}`;
}

/** A provider configuration key (`aws`, `aws.west`) of a plan change as Terraform's provider_name. */
export function providerNameOf(config: StackConfig | undefined, providerKey: string): string {
  const m = /^provider\["([^"]+)"\]/.exec(providerKey);
  if (m) return m[1]!;
  return fullProviderName(config, providerKey.split('.')[0]!);
}

function traversalText(root: string, steps: readonly TraversalStep[]): string {
  let s = root;
  for (const st of steps) s += st.kind === 'attr' ? `.${st.name}` : typeof st.key === 'number' ? `[${st.key}]` : `[${JSON.stringify(st.key)}]`;
  return s;
}

/** Terraform's reference strings: the referenced object with one attribute step, then the object itself. */
function referenceStrings(r: Reference): string[] {
  const { root, steps } = r;
  switch (root) {
    case 'var':
    case 'local':
    case 'count':
    case 'each':
    case 'path':
    case 'terraform':
    case 'self':
      return [traversalText(root, steps.slice(0, 1))];
    case 'module':
      return steps.length > 1 ? [traversalText(root, steps.slice(0, 2)), traversalText(root, steps.slice(0, 1))] : [traversalText(root, steps)];
    default: {
      // a resource: `type.name[key].attr`, `type.name[key]`, `type.name` (data: one step more)
      const head = root === 'data' ? 2 : 1;
      const base = steps.slice(0, head);
      const out: string[] = [];
      const keyed = steps[head]?.kind === 'index' ? steps.slice(0, head + 1) : base;
      const attr = steps[keyed.length];
      if (attr?.kind === 'attr') out.push(traversalText(root, [...keyed, attr]));
      if (keyed !== base) out.push(traversalText(root, keyed));
      out.push(traversalText(root, base));
      return out;
    }
  }
}

/** A constant expression's value, or undefined when it is not constant. */
function constantOf(e: Expr): Json | undefined {
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'parens':
    case 'template-wrap':
      return constantOf(e.inner);
    case 'tuple': {
      const items = e.items.map(constantOf);
      return items.every((x) => x !== undefined) ? (items as Json[]) : undefined;
    }
    case 'object': {
      const out: { [k: string]: Json } = {};
      for (const i of e.items) {
        const k = constantOf(i.key);
        const v = constantOf(i.value);
        if (typeof k !== 'string' || v === undefined) return undefined;
        out[k] = v;
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** `{constant_value}` for a constant, else `{references}` (Terraform writes `{}` for an expression without either). */
export function expressionJson(e: Expr, opts: { redact?: boolean } = {}): { [k: string]: Json } {
  const refs = references(e);
  if (refs.length === 0) {
    const c = constantOf(e);
    if (c !== undefined) return opts.redact ? {} : { constant_value: c };
    return {};
  }
  const strs: string[] = [];
  for (const r of refs) for (const s of referenceStrings(r)) if (!strs.includes(s)) strs.push(s);
  return { references: strs };
}

/** The arguments of a resource body, one entry per top-level argument. */
function bodyExpressions(body: Expr, sensitiveArgs: ReadonlySet<string>): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  const b = body.kind === 'parens' ? body.inner : body;
  if (b.kind !== 'object') return out;
  for (const i of b.items) {
    const k = constantOf(i.key);
    if (typeof k !== 'string') continue;
    out[k] = expressionJson(i.value, { redact: sensitiveArgs.has(k) });
  }
  return out;
}

/** A module's provider (by local name) → the root's provider configuration it uses (passed or inherited). */
type ProviderResolver = (p: ProviderRef) => ProviderRef;

const formatRef = (p: ProviderRef) => (p.alias ? `${p.name}.${p.alias}` : p.name);

export interface ConfigJsonOptions {
  /** argument names the provider schema calls sensitive, per resource type (constants there are withheld) */
  sensitiveArgs?: (type: string, mode: ResourceConfig['mode']) => ReadonlySet<string>;
}

function moduleJson(config: StackConfig, root: StackConfig, path: string, resolve: ProviderResolver, providers: { [k: string]: Json }, opts: ConfigJsonOptions): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  if (config.outputs.size) {
    out.outputs = Object.fromEntries(
      [...config.outputs.values()].map((o) => [
        o.name,
        {
          ...(o.sensitive ? { sensitive: true } : {}),
          expression: expressionJson(o.expr, { redact: o.sensitive }),
          ...(o.description ? { description: o.description } : {}),
          ...(o.dependsOn.length ? { depends_on: [...o.dependsOn] } : {}),
        },
      ]),
    );
  }
  const resources = [...config.resources.values()].filter((r) => !r.module).sort((a, b) => a.address.localeCompare(b.address));
  if (resources.length) {
    out.resources = resources.map((r) => {
      // as Terraform: the key of the root configuration the module's provider is passed or inherited from
      const used = resolve(r.provider);
      const key = formatRef(used);
      if (!(key in providers)) providers[key] = { name: used.name, full_name: fullProviderName(root, used.name), ...(used.alias ? { alias: used.alias } : {}) };
      const entry: { [k: string]: Json } = {
        address: r.address,
        mode: r.mode,
        type: r.type,
        name: r.name,
        provider_config_key: key,
        expressions: bodyExpressions(r.body, opts.sensitiveArgs?.(r.type, r.mode) ?? new Set()),
        schema_version: 0,
      };
      addMetaExpressions(entry, r.count, r.forEach);
      if (r.dependsOn.length) entry.depends_on = [...r.dependsOn];
      return entry;
    });
  }
  if (config.moduleCalls?.size) {
    out.module_calls = Object.fromEntries([...config.moduleCalls.values()].map((m) => [m.name, moduleCallJson(m, root, path, resolve, providers, opts)]));
  }
  if (config.variables.size) {
    out.variables = Object.fromEntries(
      [...config.variables.values()].map((v) => [
        v.name,
        {
          // a sensitive variable's default is a secret: never written
          ...(v.hasDefault && !v.sensitive ? { default: v.default as Json } : {}),
          ...(v.description ? { description: v.description } : {}),
          ...(v.sensitive ? { sensitive: true } : {}),
        },
      ]),
    );
  }
  return out;
}

function moduleCallJson(m: ModuleCallConfig, root: StackConfig, parent: string, resolveParent: ProviderResolver, providers: { [k: string]: Json }, opts: ConfigJsonOptions): { [k: string]: Json } {
  const path = parent ? `${parent}.module.${m.name}` : `module.${m.name}`;
  const sensitiveInputs = new Set([...m.module.variables.values()].filter((v) => v.sensitive).map((v) => v.name));
  // `providers = { aws = aws.west }` passes a configuration; a provider not passed is inherited by name
  const resolve: ProviderResolver = (p) => resolveParent(m.providers.get(formatRef(p)) ?? (p.alias ? p : { name: p.name }));
  const out: { [k: string]: Json } = {
    source: m.source,
    expressions: Object.fromEntries([...m.inputs].map(([k, e]) => [k, expressionJson(e, { redact: sensitiveInputs.has(k) })])),
  };
  addMetaExpressions(out, m.count, m.forEach);
  out.module = moduleJson(m.module, root, path, resolve, providers, opts);
  if (m.dependsOn.length) out.depends_on = [...m.dependsOn];
  return out;
}

/** count / for_each, left out when the expression is neither a constant nor a reference (as Terraform does). */
function addMetaExpressions(out: { [k: string]: Json }, count: Expr | undefined, forEach: Expr | undefined): void {
  const c = count && expressionJson(count);
  if (c && Object.keys(c).length) out.count_expression = c;
  const f = forEach && expressionJson(forEach);
  if (f && Object.keys(f).length) out.for_each_expression = f;
}

/** The `configuration` object of the plan JSON. */
export function configurationJson(config: StackConfig, opts: ConfigJsonOptions = {}): { [k: string]: Json } {
  const providers: { [k: string]: Json } = {};
  for (const p of config.providers.values()) {
    const key = p.alias ? `${p.name}.${p.alias}` : p.name;
    providers[key] = { name: p.name, full_name: fullProviderName(config, p.name), ...(p.alias ? { alias: p.alias } : {}) };
  }
  const rootModule = moduleJson(config, config, '', (p) => p, providers, opts);
  return { provider_config: providers, root_module: rootModule };
}

/** Resource attributes the configuration reads (`relevant_attributes`): what a change outside Ballast could matter to. */
export function relevantAttributesJson(config: StackConfig): { resource: string; attribute: Json[] }[] {
  const seen = new Map<string, { resource: string; attribute: Json[] }>();
  const visit = (e: Expr, modulePath: string) => {
    for (const r of references(e)) {
      if (['var', 'local', 'count', 'each', 'path', 'terraform', 'self', 'module'].includes(r.root)) continue;
      const head = r.root === 'data' ? 2 : 1;
      let i = head;
      if (r.steps[i]?.kind === 'index') i++;
      const attr = r.steps[i];
      if (attr?.kind !== 'attr') continue;
      const resource = `${modulePath ? `${modulePath}.` : ''}${traversalText(r.root, r.steps.slice(0, head))}`;
      const key = `${resource} ${attr.name}`;
      if (!seen.has(key)) seen.set(key, { resource, attribute: [attr.name] });
    }
  };
  const walk = (c: StackConfig, path: string) => {
    for (const r of c.resources.values()) {
      if (r.module) continue;
      visit(r.body, path);
      if (r.count) visit(r.count, path);
      if (r.forEach) visit(r.forEach, path);
    }
    for (const o of c.outputs.values()) visit(o.expr, path);
    for (const l of c.locals.values()) visit(l.expr, path);
    for (const m of c.moduleCalls?.values() ?? []) {
      for (const e of m.inputs.values()) visit(e, path);
      walk(m.module, path ? `${path}.module.${m.name}` : `module.${m.name}`);
    }
  };
  walk(config, '');
  return [...seen.values()].sort((a, b) => (a.resource + a.attribute[0]).localeCompare(b.resource + b.attribute[0]));
}
