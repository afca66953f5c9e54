// Loads one synthesized stack (Terraform JSON) into the typed model. Every problem is collected
// as a diagnostic naming the stack, the address and the JSON pointer; nothing is evaluated here.

import { formatResource } from '../addrs.ts';
import { type Diagnostic, type SourceRange, error, warning } from '../diagnostics.ts';
import { jsonToExpr } from '../lang/json-expr.ts';
import { parseExpression } from '../lang/parse.ts';
import { parseTypeExpr } from '../lang/type-expr.ts';
import { ExpressionError } from '../lang/expression-error.ts';
import type { Expr } from '../lang/ast.ts';
import type {
  BackendConfig,
  Condition,
  ImportConfig,
  Lifecycle,
  LocalConfig,
  OutputConfig,
  ProviderConfig,
  ProviderRef,
  CheckConfig,
  ModuleCallConfig,
  MovedConfig,
  RemovedConfig,
  RequiredProvider,
  ResourceConfig,
  StackConfig,
  VariableConfig,
} from './model.ts';
import { EMBEDDED_MODULE } from './embedded-module.ts';
import { dynamicBlocks } from './dynamic-blocks.ts';
import { parseEndpoint } from '../addrs.ts';
import { suggestName } from '../suggest.ts';
import { ConstraintError, parseConstraints } from '../version-constraints.ts';

export interface StackSource {
  readonly name: string;
  /** path of the cdk.tf.json, for messages */
  readonly file: string;
  /** directory that path.module and relative paths resolve against */
  readonly dir: string;
  readonly json: unknown;
  /** file, line and column of a JSON pointer when the stack was written in HCL */
  readonly locate?: (pointer: string) => { file: string; line: number; column: number } | undefined;
}

const TOP_LEVEL = new Set(['//', 'terraform', 'provider', 'resource', 'data', 'variable', 'locals', 'output', 'import', 'module', 'moved', 'check', 'removed']);
/** What Terraform accepts inside `terraform {}`. required_version is checked for syntax, not enforced: Ballast is not a Terraform release (docs/terraform-differences.md). */
const TERRAFORM_BLOCK = new Set(['//', 'required_version', 'required_providers', 'backend', 'cloud', 'experiments', 'provider_meta', 'language']);
const RESOURCE_META = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'connection', 'provisioner', '//']);
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'depends_on', 'providers', '//', EMBEDDED_MODULE]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ptr = (...parts: string[]) => '/' + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export function loadStackConfig(src: StackSource): { config: StackConfig; diagnostics: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const stack = src.name;
  const range = (pointer: string): SourceRange => {
    const at = src.locate?.(pointer);
    return at ? { file: at.file, pointer, line: at.line, column: at.column } : { file: src.file, pointer };
  };
  const fail = (summary: string, pointer: string, address?: string, detail?: string) => diags.push(error(summary, detail, { stack, address, range: range(pointer) }));

  const expr = (value: unknown, pointer: string, address?: string): Expr | undefined => {
    try {
      return jsonToExpr(value, range(pointer));
    } catch (e) {
      if (e instanceof ExpressionError) {
        diags.push(error(e.summary, e.detail, { stack, address, range: { ...range(pointer), ...e.range } }));
        return undefined;
      }
      throw e;
    }
  };

  const resources = new Map<string, ResourceConfig>();
  const variables = new Map<string, VariableConfig>();
  const locals = new Map<string, LocalConfig>();
  const outputs = new Map<string, OutputConfig>();
  const providers = new Map<string, ProviderConfig>();
  const requiredProviders = new Map<string, RequiredProvider>();
  const imports: ImportConfig[] = [];
  let backend: BackendConfig | undefined;

  const root = src.json;
  if (!isRecord(root)) {
    fail('The stack is not a Terraform JSON object', '');
    return { config: emptyConfig(src), diagnostics: diags };
  }
  for (const key of Object.keys(root)) {
    if (!TOP_LEVEL.has(key)) fail(`Unsupported top-level block "${key}"`, ptr(key), undefined, 'Terraform JSON allows terraform, provider, resource, data, variable, locals, output and import here.');
  }

  // terraform { required_providers, backend, required_version }
  const tf = root.terraform;
  if (tf !== undefined) {
    if (!isRecord(tf)) fail('"terraform" must be an object', ptr('terraform'));
    else {
      for (const key of Object.keys(tf)) {
        if (!TERRAFORM_BLOCK.has(key)) {
          fail(
            `Unsupported argument or block "${key}" in the terraform block`,
            ptr('terraform', key),
            undefined,
            `The terraform block takes ${[...TERRAFORM_BLOCK].filter((k) => k !== '//').join(', ')}.`,
          );
        }
      }
      const rv = tf.required_version;
      const rvProblem = rv === undefined ? undefined : typeof rv === 'string' ? constraintProblem(rv) : 'required_version must be a string of version constraints, e.g. ">= 1.5".';
      if (rvProblem) fail('Invalid required_version', ptr('terraform', 'required_version'), undefined, rvProblem);
      const rp = tf.required_providers;
      if (isRecord(rp)) {
        for (const [name, spec] of Object.entries(rp)) {
          if (typeof spec === 'string') requiredProviders.set(name, { source: `hashicorp/${name}`, version: spec });
          else if (isRecord(spec))
            requiredProviders.set(name, { source: typeof spec.source === 'string' ? spec.source : `hashicorp/${name}`, version: typeof spec.version === 'string' ? spec.version : undefined });
          else fail(`Invalid required_providers entry "${name}"`, ptr('terraform', 'required_providers', name));
        }
      }
      const be = tf.backend;
      if (isRecord(be)) {
        const types = Object.keys(be).filter((k) => k !== '//');
        if (types.length > 1) fail('Only one backend may be configured', ptr('terraform', 'backend'));
        else if (types.length === 1) backend = { type: types[0], config: isRecord(be[types[0]]) ? (be[types[0]] as Record<string, unknown>) : {} };
      }
    }
  }

  // provider { name: [ {...}, {alias: ...} ] } (cdktf emits arrays; a single object is accepted too)
  if (isRecord(root.provider)) {
    for (const [name, blocks] of Object.entries(root.provider)) {
      const list = Array.isArray(blocks) ? blocks : [blocks];
      list.forEach((b, i) => {
        const p = ptr('provider', name, String(i));
        if (!isRecord(b)) return fail(`Invalid provider block "${name}"`, p);
        const { alias, ...rest } = b;
        if (alias !== undefined && (typeof alias !== 'string' || !NAME.test(alias))) return fail(`Invalid provider alias in provider "${name}"`, p);
        const key = alias ? `${name}.${alias}` : name;
        if (providers.has(key)) return fail(`Duplicate provider configuration "${key}"`, p);
        delete (rest as Record<string, unknown>)['//'];
        const body = expr(rest, p, `provider.${key}`);
        if (body) providers.set(key, { name, alias: alias as string | undefined, body, range: range(p) });
      });
    }
  }

  // variable
  if (isRecord(root.variable)) {
    for (const [name, v] of Object.entries(root.variable)) {
      const p = ptr('variable', name);
      const address = `var.${name}`;
      if (!isRecord(v)) {
        fail('Invalid variable block', p, address);
        continue;
      }
      let type;
      if (v.type !== undefined && typeof v.type !== 'string') {
        fail(`Invalid type constraint for variable "${name}"`, ptr('variable', name, 'type'), address, `The type must be a string such as "list(string)", not ${jsonKind(v.type)}.`);
      } else if (v.type !== undefined) {
        try {
          type = parseTypeExpr(v.type);
        } catch (e) {
          fail(`Invalid type constraint for variable "${name}"`, ptr('variable', name, 'type'), address, (e as Error).message);
        }
      }
      variables.set(name, {
        name,
        type,
        default: v.default,
        hasDefault: 'default' in v,
        description: typeof v.description === 'string' ? v.description : undefined,
        sensitive: v.sensitive === true,
        nullable: v.nullable !== false,
        validations: conditions(v.validation, ptr('variable', name, 'validation'), address),
        range: range(p),
      });
    }
  }

  // locals (cdktf emits one object; Terraform JSON also allows an array of objects)
  const localBlocks = Array.isArray(root.locals) ? root.locals : root.locals === undefined ? [] : [root.locals];
  localBlocks.forEach((block, i) => {
    if (!isRecord(block)) return fail('Invalid locals block', ptr('locals', String(i)));
    for (const [name, value] of Object.entries(block)) {
      if (name === '//') continue;
      const p = Array.isArray(root.locals) ? ptr('locals', String(i), name) : ptr('locals', name);
      if (locals.has(name)) {
        fail(`Duplicate local value "${name}"`, p, `local.${name}`);
        continue;
      }
      const e = expr(value, p, `local.${name}`);
      if (e) locals.set(name, { name, expr: e, range: range(p) });
    }
  });

  // output
  if (isRecord(root.output)) {
    for (const [name, o] of Object.entries(root.output)) {
      const p = ptr('output', name);
      const address = `output.${name}`;
      if (!isRecord(o) || !('value' in o)) {
        fail(`Output "${name}" has no value`, p, address);
        continue;
      }
      const e = expr(o.value, ptr('output', name, 'value'), address);
      if (!e) continue;
      outputs.set(name, {
        name,
        expr: e,
        sensitive: o.sensitive === true,
        description: typeof o.description === 'string' ? o.description : undefined,
        dependsOn: dependsOn(o.depends_on, ptr('output', name, 'depends_on'), address),
        preconditions: conditions(o.precondition, ptr('output', name, 'precondition'), address),
        range: range(p),
      });
    }
  }

  // resource / data
  for (const mode of ['resource', 'data'] as const) {
    const section = root[mode];
    if (section === undefined) continue;
    if (!isRecord(section)) {
      fail(`"${mode}" must be an object`, ptr(mode));
      continue;
    }
    declareBlocks(mode === 'data' ? 'data' : 'managed', section, [mode]);
  }

  // module calls: the called module's configuration was read at synthesis (embedded-module.ts)
  const moduleCalls = new Map<string, ModuleCallConfig>();
  if (root.module !== undefined) {
    if (!isRecord(root.module)) fail('"module" must be an object', ptr('module'));
    else
      for (const [name, body] of Object.entries(root.module)) {
        if (name === '//') continue;
        const p = ptr('module', name);
        const address = `module.${name}`;
        if (!NAME.test(name)) {
          fail(`Invalid module name "${name}"`, p, address);
          continue;
        }
        if (!isRecord(body) || typeof body.source !== 'string') {
          fail(`Module "${name}" needs a "source"`, p, address);
          continue;
        }
        const embedded = body[EMBEDDED_MODULE];
        if (!isRecord(embedded) || typeof embedded.dir !== 'string') {
          fail(`Module "${name}" was not loaded`, p, address, `The source "${body.source}" was not read when the stack was synthesized.`);
          continue;
        }
        const child = loadStackConfig({ name: stack, file: typeof embedded.file === 'string' ? embedded.file : embedded.dir, dir: embedded.dir, json: embedded.json });
        diags.push(...child.diagnostics.map((d) => ({ ...d, where: { ...d.where, address: d.where?.address ? `${address}.${d.where.address}` : address } })));
        if (child.config.providers.size) {
          fail(
            `Module "${name}" configures providers`,
            p,
            address,
            `The module at ${body.source} declares provider configurations (${[...child.config.providers.keys()].join(', ')}). Ballast configures providers in the root module only: move them there and pass them with providers = { ... }.`,
          );
        }
        const inputs = new Map<string, Expr>();
        const inputRanges = new Map<string, SourceRange>();
        for (const [k, v] of Object.entries(body)) {
          if (MODULE_META.has(k)) continue;
          if (!child.config.variables.has(k)) {
            fail(
              `Unsupported argument "${k}" in module "${name}"`,
              `${p}/${k}`,
              address,
              `The module at ${body.source} declares no variable "${k}".${suggestName(k, [...child.config.variables.keys()])}`,
            );
            continue;
          }
          const e = expr(v, `${p}/${k}`, address);
          if (e) inputs.set(k, e);
          inputRanges.set(k, range(`${p}/${k}`));
        }
        for (const v of child.config.variables.values()) {
          if (!v.hasDefault && !inputs.has(v.name))
            fail(`Missing required argument "${v.name}" in module "${name}"`, p, address, `The module at ${body.source} requires variable "${v.name}", which has no default.`);
        }
        const providerMap = new Map<string, ProviderRef>();
        const pv = typeof body.providers === 'string' ? undefined : body.providers;
        if (isRecord(pv)) for (const [k, v] of Object.entries(pv)) providerMap.set(stripInterpolation(k), providerRef(String(v)));
        else if (body.providers !== undefined) fail('"providers" must be a map like { aws = aws.west }', `${p}/providers`, address);
        const count = body.count !== undefined ? expr(body.count, `${p}/count`, address) : undefined;
        const forEach = body.for_each !== undefined ? expr(body.for_each, `${p}/for_each`, address) : undefined;
        if (count && forEach) fail('"count" and "for_each" cannot both be set', p, address);
        moduleCalls.set(name, {
          name,
          source: body.source,
          count,
          forEach,
          providers: providerMap,
          inputs,
          inputRanges,
          module: child.config,
          range: range(p),
          dependsOn: dependsOn(body.depends_on, `${p}/depends_on`, address),
        });
      }
  }

  // moved and removed blocks (cdktf's moveTo/moveFromId write moved blocks)
  const moved: MovedConfig[] = [];
  const removed: RemovedConfig[] = [];
  const endpoint = (v: unknown, p: string, what: string): string | undefined => {
    const s = typeof v === 'string' ? stripInterpolation(v) : undefined;
    if (s !== undefined && isResourceOrModule(s)) return s;
    fail(`Invalid "${what}" address`, p, undefined, `Expected a resource, resource instance or module address like "aws_s3_bucket.a", "aws_s3_bucket.a[0]" or "module.net", got ${JSON.stringify(v)}.`);
    return undefined;
  };
  const blocks = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  blocks(root.moved).forEach((b, i) => {
    const p = ptr('moved', String(i));
    if (!isRecord(b)) return fail('A moved block needs "from" and "to"', p);
    const from = endpoint(b.from, `${p}/from`, 'from');
    const to = endpoint(b.to, `${p}/to`, 'to');
    if (from && to) moved.push({ from, to, range: range(p) });
  });
  blocks(root.removed).forEach((b, i) => {
    const p = ptr('removed', String(i));
    if (!isRecord(b)) return fail('A removed block needs "from"', p);
    const from = endpoint(b.from, `${p}/from`, 'from');
    const lc = Array.isArray(b.lifecycle) ? b.lifecycle[0] : b.lifecycle;
    const destroy = isRecord(lc) && lc.destroy === false ? false : true;
    if (from) removed.push({ from, destroy, range: range(p) });
  });

  // check blocks: assertions, and scoped data sources (declared in the module's namespace, as in Terraform)
  const checks: CheckConfig[] = [];
  if (isRecord(root.check)) {
    for (const [name, body] of Object.entries(root.check)) {
      if (name === '//') continue;
      const p = ptr('check', name);
      const b = Array.isArray(body) && body.length === 1 ? body[0] : body;
      if (!isRecord(b)) {
        fail(`Invalid check block "${name}"`, p, `check.${name}`);
        continue;
      }
      if (b.data !== undefined) scopedData(name, b.data, ['check', name, 'data']);
      checks.push({ name, asserts: conditions(b.assert, `${p}/assert`, `check.${name}`), range: range(p) });
    }
  } else if (root.check !== undefined) fail('"check" must be an object of named blocks', ptr('check'));

  // import blocks
  if (root.import !== undefined) {
    const list = Array.isArray(root.import) ? root.import : [root.import];
    list.forEach((b, i) => {
      const p = ptr('import', String(i));
      if (!isRecord(b) || typeof b.to !== 'string' || b.id === undefined) return fail('An import block needs "to" and "id"', p);
      const id = expr(b.id, ptr('import', String(i), 'id'));
      if (id) imports.push({ to: stripInterpolation(b.to), id, provider: typeof b.provider === 'string' ? providerRef(b.provider) : undefined, range: range(p) });
    });
  }

  return {
    config: { name: stack, dir: src.dir, file: src.file, resources, variables, locals, outputs, providers, requiredProviders, backend, imports, moduleCalls, moved, removed, checks },
    diagnostics: diags,
  };

  function scopedData(check: string, data: unknown, parts: string[]): void {
    const blocks = Array.isArray(data) ? data : [data];
    blocks.forEach((byType, i) => {
      const at = Array.isArray(data) ? [...parts, String(i)] : parts;
      if (!isRecord(byType)) return fail(`Invalid data block in check "${check}"`, ptr(...at), `check.${check}`);
      declareBlocks('data', byType, at, check);
    });
  }

  /**
   * The blocks of a `resource` or `data` section, or of a check's scoped `data`, by type and
   * name; `at` is the section's JSON pointer parts. A check's data source is named in the
   * module's namespace, so it must not repeat one declared there.
   */
  function declareBlocks(mode: 'managed' | 'data', section: Record<string, unknown>, at: string[], check?: string): void {
    const kind = mode === 'data' ? 'data' : 'resource';
    for (const [type, byName] of Object.entries(section)) {
      if (type === '//') continue;
      if (!NAME.test(type)) {
        fail(`Invalid resource type name "${type}"`, ptr(...at, type));
        continue;
      }
      if (!isRecord(byName)) {
        fail(`Invalid ${kind} block "${type}"${check ? ` in check "${check}"` : ''}`, ptr(...at, type));
        continue;
      }
      for (const [name, body] of Object.entries(byName)) {
        if (name === '//') continue;
        const p = ptr(...at, type, name);
        const address = formatResource({ mode, type, name });
        if (!NAME.test(name)) {
          fail(`Invalid resource name "${name}"`, p, address);
          continue;
        }
        if (check && resources.has(address)) {
          fail(`Duplicate data "${type}" configuration`, p, address, `A data source named "${name}" of type "${type}" is already declared in this module.`);
          continue;
        }
        const r = resource(mode, type, name, address, check && Array.isArray(body) && body.length === 1 ? body[0] : body, p);
        if (r) resources.set(address, check ? { ...r, check } : r);
      }
    }
  }

  function resource(mode: 'managed' | 'data', type: string, name: string, address: string, body: unknown, p: string): ResourceConfig | undefined {
    if (!isRecord(body)) {
      fail('A resource block must be an object', p, address);
      return undefined;
    }
    const args: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) if (!RESOURCE_META.has(k)) args[k] = v;
    if ('provisioner' in body || 'connection' in body) diags.push(warning('Provisioners are not supported by Ballast and are ignored', undefined, { stack, address, range: range(p) }));
    // dynamic blocks become for expressions next to the static arguments
    const dyn = dynamicBlocks(
      args,
      p,
      (j, at) => expr(j, at, address),
      (s, at, d) => fail(s, at, address, d),
    );
    const staticExpr = expr(dyn.rest, p, address);
    const bodyExpr = staticExpr && staticExpr.kind === 'object' && dyn.items.length ? { ...staticExpr, items: [...staticExpr.items, ...dyn.items] } : staticExpr;
    const count = body.count !== undefined ? expr(body.count, p + '/count', address) : undefined;
    const forEach = body.for_each !== undefined ? expr(body.for_each, p + '/for_each', address) : undefined;
    const argumentRanges = { ...(count ? { count: range(p + '/count') } : {}), ...(forEach ? { for_each: range(p + '/for_each') } : {}) };
    if (count && forEach) fail('"count" and "for_each" cannot both be set', p, address);
    const provider =
      body.provider !== undefined
        ? typeof body.provider === 'string'
          ? providerRef(body.provider)
          : (fail('"provider" must be a string like "aws.west"', p + '/provider', address), defaultProvider(type))
        : defaultProvider(type);
    if (!bodyExpr) return undefined;
    return {
      mode,
      type,
      name,
      address,
      provider,
      body: bodyExpr,
      count,
      forEach,
      argumentRanges,
      dependsOn: dependsOn(body.depends_on, p + '/depends_on', address),
      lifecycle: lifecycle(body.lifecycle, p + '/lifecycle', address),
      range: range(p),
    };
  }

  function lifecycle(v: unknown, p: string, address: string): Lifecycle {
    const l: Lifecycle = { createBeforeDestroy: false, preventDestroy: false, ignoreChanges: [], replaceTriggeredBy: [], preconditions: [], postconditions: [] };
    if (v === undefined) return l;
    if (!isRecord(v)) {
      fail('"lifecycle" must be an object', p, address);
      return l;
    }
    const bool = (k: string) => {
      const b = v[k];
      if (b === undefined) return false;
      if (typeof b !== 'boolean') {
        fail(`lifecycle.${k} must be true or false`, `${p}/${k}`, address);
        return false;
      }
      return b;
    };
    let ignore: readonly string[] | 'all' = [];
    const ic = v.ignore_changes;
    if (ic === 'all' || ic === '${all}' || (Array.isArray(ic) && ic.length === 1 && (ic[0] === 'all' || ic[0] === '${all}'))) ignore = 'all';
    else if (Array.isArray(ic)) {
      const names: string[] = [];
      ic.forEach((x, i) => {
        if (typeof x === 'string') names.push(stripInterpolation(x));
        else fail('Invalid lifecycle.ignore_changes entry', `${p}/ignore_changes/${i}`, address, `Each entry must be a string naming an attribute, not ${jsonKind(x)}.`);
      });
      ignore = names;
    } else if (ic !== undefined) fail('lifecycle.ignore_changes must be a list of attribute names or "all"', `${p}/ignore_changes`, address);
    const rtb: Expr[] = [];
    if (Array.isArray(v.replace_triggered_by)) {
      v.replace_triggered_by.forEach((x, i) => {
        if (typeof x !== 'string') {
          fail('Invalid replace_triggered_by reference', `${p}/replace_triggered_by/${i}`, address, `Each entry must be a string holding a reference, not ${jsonKind(x)}.`);
          return;
        }
        const src = stripInterpolation(x);
        try {
          rtb.push(parseExpression(src, range(`${p}/replace_triggered_by/${i}`)));
        } catch (e) {
          fail(`Invalid replace_triggered_by reference "${src}"`, `${p}/replace_triggered_by/${i}`, address, (e as Error).message);
        }
      });
    }
    return {
      createBeforeDestroy: bool('create_before_destroy'),
      preventDestroy: bool('prevent_destroy'),
      ignoreChanges: ignore,
      replaceTriggeredBy: rtb,
      preconditions: conditions(v.precondition, `${p}/precondition`, address),
      postconditions: conditions(v.postcondition, `${p}/postcondition`, address),
    };
  }

  function conditions(v: unknown, p: string, address: string): Condition[] {
    if (v === undefined) return [];
    const list = Array.isArray(v) ? v : [v];
    const out: Condition[] = [];
    list.forEach((c, i) => {
      if (!isRecord(c) || c.condition === undefined) return fail('A condition block needs "condition" and "error_message"', `${p}/${i}`, address);
      const cond = expr(c.condition, `${p}/${i}/condition`, address);
      const msg = expr(c.error_message ?? 'condition failed', `${p}/${i}/error_message`, address);
      if (cond && msg) out.push({ condition: cond, errorMessage: msg, range: range(`${p}/${i}`) });
    });
    return out;
  }

  function dependsOn(v: unknown, p: string, address: string): string[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      fail('depends_on must be a list of references', p, address);
      return [];
    }
    const out: string[] = [];
    v.forEach((x, i) => {
      if (typeof x !== 'string') {
        fail('Invalid depends_on reference', `${p}/${i}`, address, `Each entry must be a string naming a resource, like "aws_s3_bucket.site", not ${jsonKind(x)}.`);
        return;
      }
      const ref = stripInterpolation(x);
      if (!/^(data\.)?[A-Za-z_][A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*$/.test(ref)) {
        fail(`Invalid depends_on reference "${x}"`, `${p}/${i}`, address, 'Expected a resource address like "aws_s3_bucket.site", "data.aws_region.current" or "module.network".');
      } else out.push(ref);
    });
    return out;
  }
}

function isResourceOrModule(s: string): boolean {
  try {
    parseEndpoint(s);
    return true;
  } catch {
    return false;
  }
}

/** A JSON value's kind for messages ("an object", "a number"), never the value itself. */
function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'a bool' : typeof v;
}

function stripInterpolation(s: string): string {
  const m = /^\$\{(.*)\}$/s.exec(s.trim());
  return (m ? m[1] : s).trim();
}

function providerRef(s: string): ProviderRef {
  const [name, alias] = stripInterpolation(s).split('.');
  return alias ? { name, alias } : { name };
}

/** The implied provider of a resource type is the prefix before the first underscore. */
export function defaultProvider(type: string): ProviderRef {
  return { name: type.split('_')[0] };
}

function emptyConfig(src: StackSource): StackConfig {
  return {
    name: src.name,
    dir: src.dir,
    file: src.file,
    resources: new Map(),
    variables: new Map(),
    locals: new Map(),
    outputs: new Map(),
    providers: new Map(),
    requiredProviders: new Map(),
    imports: [],
  };
}

/** why a version constraint string cannot be read, or undefined when it can */
function constraintProblem(spec: string): string | undefined {
  try {
    parseConstraints(spec);
    return undefined;
  } catch (e) {
    if (e instanceof ConstraintError) return e.message;
    throw e;
  }
}
