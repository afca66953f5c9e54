// Generates providers/aws/binding-schemas.ts and providers/kubernetes/binding-schemas.ts from the
// @cdktf/provider-aws and @cdktf/provider-kubernetes bindings (`npm run generate`): attribute
// names, types, nesting, required-ness and computed-only attributes of the types the providers
// implement (`--check`: only compare). The bindings carry these in their generated code: each
// block's `...ToHclTerraform` lists its arguments with type and nesting, the TypeScript
// declarations mark which are optional, and getters without an argument are computed-only.
// Semantics (computed, forceNew, defaults, sensitive) are overlaid by the resource files.

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The AWS types the provider implements, in the order the file lists them. */
const AWS_TYPES = [
  'aws_s3_bucket',
  'aws_s3_bucket_versioning',
  'aws_s3_bucket_policy',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_lifecycle_configuration',
  'aws_s3_object',
  'aws_dynamodb_table',
  'aws_sqs_queue',
  'aws_sns_topic',
  'aws_sns_topic_subscription',
  'aws_iam_role',
  'aws_iam_policy',
  'aws_iam_role_policy_attachment',
  'aws_ssm_parameter',
  'data:aws_caller_identity',
  'data:aws_region',
  'data:aws_iam_policy_document',
  'data:aws_s3_bucket',
  'provider',
];

/** The Kubernetes typed resources and data sources (kubernetes_manifest has a hand-written schema). */
const KUBERNETES_TYPES = [
  'kubernetes_namespace_v1',
  'kubernetes_config_map_v1',
  'kubernetes_secret_v1',
  'kubernetes_service_account_v1',
  'kubernetes_service_v1',
  'kubernetes_deployment_v1',
  'kubernetes_stateful_set_v1',
  'kubernetes_daemon_set_v1',
  'kubernetes_job_v1',
  'kubernetes_cron_job_v1',
  'kubernetes_ingress_v1',
  'kubernetes_role_v1',
  'kubernetes_role_binding_v1',
  'kubernetes_cluster_role_v1',
  'kubernetes_cluster_role_binding_v1',
  'kubernetes_persistent_volume_claim_v1',
  'data:kubernetes_resource',
  'data:kubernetes_resources',
  'data:kubernetes_namespace_v1',
  'data:kubernetes_secret_v1',
];

type AttrType = string | { list: string } | { set: string } | { map: string };
interface Attr {
  name: string;
  type: AttrType;
  kind: 'required' | 'optional' | 'computed';
}
interface Block {
  name: string;
  nesting: 'list' | 'set' | 'single';
  maxItems?: number;
  minItems?: number;
  block: Schema;
}
interface Schema {
  attributes: Attr[];
  blocks: Block[];
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Every file below `dir` whose name ends with `suffix`, in a stable order. */
function filesBelow(dir: string, suffix: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? filesBelow(p, suffix) : f.endsWith(suffix) ? [p] : [];
    });
}

/** One binding module: its compiled JavaScript and its declarations (big ones split their structs over several files). */
class Binding {
  readonly js: string;
  readonly dts: string;
  constructor(libDir: string, dir: string) {
    this.js = filesBelow(join(libDir, dir), '.js')
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    this.dts = filesBelow(join(libDir, dir), '.d.ts')
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
  }

  /** The body of `function <fn>(struct) {...}` or of a class method, up to its closing brace at `indent`. */
  private bodyAfter(marker: string, indent: string): string {
    const at = this.js.indexOf(marker);
    if (at < 0) throw new Error(`binding has no ${marker}`);
    const end = this.js.indexOf(`\n${indent}}\n`, at);
    return this.js.slice(at, end);
  }

  /** Arguments listed by a `...ToHclTerraform` function or a resource's synthesizeHclAttributes. */
  private hclAttributes(body: string): { name: string; value: string; isBlock: boolean; type: string; storage: string }[] {
    const re = /\n\s+(\w+): \{\n\s+value: (.*),\n\s+isBlock: (true|false),\n\s+type: "(\w+)",\n\s+storageClassType: "(\w+)",\n\s+\}/g;
    return [...body.matchAll(re)].map((m) => ({ name: m[1], value: m[2], isBlock: m[3] === 'true', type: m[4], storage: m[5] }));
  }

  /** `readonly camel?: T;` members of an exported interface: camel name → optional. */
  private interfaceMembers(name: string): Map<string, boolean> {
    const at = this.dts.search(new RegExp(`export interface ${name} (extends [\\w.]+ )?\\{`));
    if (at < 0) throw new Error(`binding declares no interface ${name}`);
    const body = this.dts.slice(at, this.dts.indexOf('\n}\n', at));
    return new Map([...body.matchAll(/\n\s+readonly (\w+)(\?)?: /g)].map((m) => [m[1], m[2] === '?']));
  }

  /** Getters reading an attribute the configuration cannot set: name → type. */
  private getters(classBody: string): Map<string, AttrType> {
    const out = new Map<string, AttrType>();
    const re = /\n\s+get \w+\(\) \{\n\s+return (cdktf\.Fn\.tolist\()?this\.get(\w+)Attribute\('(\w+)'\)\)?;/g;
    for (const m of classBody.matchAll(re)) {
      const [, toList, getter, name] = m;
      const type: AttrType | undefined =
        getter === 'String'
          ? 'string'
          : getter === 'Number'
            ? 'number'
            : getter === 'Boolean'
              ? 'bool'
              : getter === 'List'
                ? toList
                  ? { set: 'string' }
                  : { list: 'string' }
                : getter === 'StringMap'
                  ? { map: 'string' }
                  : getter === 'NumberList'
                    ? { list: 'number' }
                    : getter === 'AnyMap'
                      ? 'dynamic'
                      : undefined;
      if (!type) throw new Error(`unknown attribute getter get${getter}Attribute for ${name}`);
      out.set(name, type);
    }
    return out;
  }

  private classBody(name: string): string {
    const at = this.js.indexOf(`\nclass ${name} extends`);
    if (at < 0) throw new Error(`binding has no class ${name}`);
    const end = this.js.indexOf('\n}\n', at);
    return this.js.slice(at, end);
  }

  /** The schema of the module's resource, data source or provider class. */
  topLevel(): Schema {
    const className = /\nclass (\w+) extends cdktf\.Terraform(?:Resource|DataSource|Provider) \{/.exec(this.js)?.[1];
    if (!className) throw new Error('binding has no resource, data source or provider class');
    return this.schema(this.bodyAfter('    synthesizeHclAttributes() {', '    '), `${className}Config`, this.classBody(className));
  }

  private schema(hclBody: string, interfaceName: string, classBody: string | null): Schema {
    const members = this.interfaceMembers(interfaceName);
    const attributes: Attr[] = [];
    const blocks: Block[] = [];
    const configured = new Set<string>();
    for (const a of this.hclAttributes(hclBody)) {
      configured.add(a.name);
      const camel = /(?:this\._|struct\.)(\w+)/.exec(a.value)?.[1];
      if (!camel || !members.has(camel)) throw new Error(`${interfaceName}: cannot find the argument behind ${a.name}`);
      const optional = members.get(camel)!;
      if (!a.isBlock) {
        attributes.push({ name: a.name, type: attrType(a.type, a.storage), kind: optional ? 'optional' : 'required' });
        continue;
      }
      const fn = /(\w+)ToHclTerraform/.exec(a.value)![1];
      const struct = fn[0].toUpperCase() + fn.slice(1);
      const inner = this.schema(this.bodyAfter(`\nfunction ${fn}ToHclTerraform(struct) {`, ''), struct, this.optionalClassBody(`${struct}OutputReference`));
      if (a.type === 'struct') {
        blocks.push({ name: a.name, nesting: 'single', block: inner });
        continue;
      }
      const single = !a.value.includes('listMapperHcl');
      blocks.push({
        name: a.name,
        nesting: a.type === 'set' ? 'set' : 'list',
        block: inner,
        ...(single ? { maxItems: 1 } : {}),
        ...(optional ? {} : { minItems: 1 }),
      });
    }
    if (classBody) {
      for (const [name, type] of this.getters(classBody)) {
        if (!configured.has(name)) attributes.push({ name, type, kind: 'computed' });
      }
    }
    return { attributes, blocks };
  }

  private optionalClassBody(name: string): string | null {
    return this.js.includes(`\nclass ${name} extends`) ? this.classBody(name) : null;
  }
}

function attrType(hclType: string, storage: string): AttrType {
  const element = storage.replace(/(List|Map)$/, '');
  const elem = element === 'boolean' ? 'bool' : element;
  // hashicorp/kubernetes' free-form objects (kubernetes_resource.object) are dynamic values
  if (elem === 'any') return 'dynamic';
  if (hclType === 'simple') return elem;
  if (hclType === 'list') return { list: elem };
  if (hclType === 'set') return { set: elem };
  if (hclType === 'map') return { map: elem };
  throw new Error(`unsupported argument type ${hclType}/${storage}`);
}

/**
 * The binding module of a type: lib/s3-bucket for aws_s3_bucket, lib/data-aws-region for
 * data:aws_region, lib/config-map-v1 for kubernetes_config_map_v1.
 */
function bindingDir(prefix: string, typeName: string): string {
  if (typeName === 'provider') return 'provider';
  const bare = typeName.replace(new RegExp(`^data:${prefix}_|^${prefix}_`), '').replace(/_/g, '-');
  return typeName.startsWith('data:') ? `data-${prefix}-${bare}` : bare;
}

function formatType(t: AttrType): string {
  if (typeof t === 'string') return `'${t}'`;
  const [k, v] = Object.entries(t)[0];
  return `{ ${k}: '${v}' }`;
}

function render(s: Schema, indent: string): string[] {
  const lines = [`${indent}attributes: {`];
  for (const a of s.attributes) lines.push(`${indent}  ${a.name}: { type: ${formatType(a.type)}, ${a.kind}: true },`);
  lines.push(`${indent}},`);
  if (s.blocks.length) {
    lines.push(`${indent}blocks: {`);
    for (const b of s.blocks) {
      const limits = `${b.maxItems !== undefined ? ` maxItems: ${b.maxItems},` : ''}${b.minItems !== undefined ? ` minItems: ${b.minItems},` : ''}`;
      lines.push(`${indent}  ${b.name}: { nesting: '${b.nesting}',${limits} block: {`);
      lines.push(...render(b.block, `${indent}    `));
      lines.push(`${indent}  } },`);
    }
    lines.push(`${indent}},`);
  }
  return lines;
}

interface Target {
  readonly pkg: string;
  readonly prefix: string;
  readonly types: readonly string[];
  readonly file: string;
  readonly note: string;
}

const targets: Target[] = [
  { pkg: '@cdktf/provider-aws', prefix: 'aws', types: AWS_TYPES, file: 'providers/aws/binding-schemas.ts', note: 'v21 bindings' },
  { pkg: '@cdktf/provider-kubernetes', prefix: 'kubernetes', types: KUBERNETES_TYPES, file: 'providers/kubernetes/binding-schemas.ts', note: 'v12 bindings' },
];

let stale = false;
for (const t of targets) {
  const libDir = dirname(require.resolve(t.pkg));
  const out = [
    `// GENERATED from the ${t.pkg} ${t.note} (attribute names, types, nesting,`,
    '// required-ness and computed-only attributes) by scripts/generate-binding-schemas.ts',
    '// (`npm run generate`); resource files overlay the semantics (computed, forceNew, defaults,',
    '// sensitive). Do not edit by hand.',
    '',
    "import type { BlockSchema } from '../provider.ts';",
    '',
    'export const bindingSchemas: { readonly [typeName: string]: BlockSchema } = {',
  ];
  for (const typeName of t.types) {
    out.push(`  '${typeName}': {`, ...render(new Binding(libDir, bindingDir(t.prefix, typeName)).topLevel(), '    '), '  },');
  }
  out.push('};', '');
  const target = join(root, t.file);
  if (process.argv.includes('--check')) {
    // `npm run check`: the committed file is what the installed bindings generate
    if (readFileSync(target, 'utf8') !== out.join('\n')) {
      console.error(`${target} is not what the installed ${t.pkg} bindings generate; run npm run generate`);
      stale = true;
    }
  } else {
    writeFileSync(target, out.join('\n'));
    console.log(`wrote ${target} (${t.types.length} types)`);
  }
}
if (stale) process.exit(1);
