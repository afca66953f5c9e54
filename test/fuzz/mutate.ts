// Seeded mutations of valid Terraform JSON for the validate fuzz test: edits of the JSON text,
// of the tree (values of the wrong type, removed and added keys, deep nesting) and of the
// expressions inside strings (stray tokens, random calls of every built-in function).

import { functionNames } from '../../engine/lang/functions/index.ts';

/** A small, fast, seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export const SEED_CONFIG: { [k: string]: Json } = {
  variable: {
    name: { type: 'string', default: 'app' },
    n: { type: 'number', default: 2 },
    tags: { type: 'map(string)', default: { a: 'b', c: 'd' } },
    pw: { type: 'string', default: 's3cret', sensitive: true },
    obj: { type: 'object({x = number, y = optional(list(string), [])})', default: { x: 1 } },
  },
  locals: {
    list: '${[for i in range(var.n) : "${var.name}-${i}"]}',
    m: '${{for k, v in var.tags : upper(k) => v}}',
    j: '${jsonencode({a = 1, b = [true, null], c = var.obj})}',
    t: '%{ for x in local.list ~}${x},%{ endfor ~}',
    c: '${var.n > 1 ? "many" : "one"}',
    s: '${join("-", [for k in keys(local.m) : lower(k)])}',
    secret: '${upper(var.pw)}-${length(var.pw)}',
    r: '${regex("(\\\\w+)-(\\\\d+)", local.list[0])}',
    cidr: '${cidrsubnet("10.0.0.0/16", 8, var.n)}',
    splat: '${null_resource.a[*].id}',
  },
  resource: {
    random_pet: { p: { length: '${var.n}', prefix: '${var.name}' } },
    random_string: { s: { length: 12, special: false } },
    null_resource: { a: { count: '${var.n}', triggers: { name: '${local.list[count.index]}', pet: '${random_pet.p.id}' } } },
    terraform_data: {
      d: {
        for_each: '${var.tags}',
        input: { k: '${each.key}', v: '${each.value}', s: '${random_string.s.result}' },
        lifecycle: { create_before_destroy: true },
        depends_on: ['null_resource.a'],
      },
    },
  },
  output: {
    o: { value: '${local.m}' },
    s: { value: '${local.secret}', sensitive: true },
    t: { value: '${local.t}${local.c}${local.s}' },
  },
};

const TOKENS = [
  '${',
  '}',
  '%{',
  '~}',
  '${~',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '"',
  '\\',
  ',',
  ':',
  '.',
  '...',
  '*',
  '[*]',
  '?',
  '=>',
  '==',
  '=',
  '!',
  '-',
  '+',
  '/',
  '%',
  '&&',
  '||',
  '<',
  '>=',
  'for',
  'in',
  'if',
  'else',
  'endif',
  'endfor',
  'null',
  'true',
  '1',
  '-1',
  '0.5',
  '1e308',
  '4294967296',
  'var',
  'local',
  'each',
  'count',
  'self',
  'var.n',
  'local.list',
  'var.pw',
  'x',
  ' ',
  '\n',
  '$${',
  '%%{',
  '\u00e9',
  '\ud83d\ude00',
  'random_pet.p',
  'null_resource.a',
  'data',
  'module',
  'path.module',
  'terraform.workspace',
];

const ARGS = [
  '"a"',
  '""',
  '"a,b"',
  '1',
  '0',
  '-1',
  '1.5',
  '1e30',
  '4294967296',
  'true',
  'null',
  '[]',
  '{}',
  '[1, "a"]',
  '["b", "a", "b"]',
  '{a = 1}',
  '{a = "x", b = "y"}',
  '[[1], [2]]',
  'var.tags',
  'var.obj',
  'local.list',
  'var.pw',
  'var.n',
  'random_pet.p.id',
  'null_resource.a',
  'tolist([])',
  'toset([1, 1])',
  'tomap({})',
  '"/(a"',
  '"[a-z]+"',
  '"10.0.0.0/8"',
  '"::ffff:10.0.0.0/104"',
  '"2006-01-02T15:04:05Z"',
  '"%d %s %v"',
  '"\\u00e9\\u0301"',
  '"a.txt"',
  '"."',
  '"nonexist"',
  '"YQ=="',
  '"UTF-8"',
  '"1h"',
  '"straße"',
  '"**"',
  'sensitive("x")',
  '1e400',
];

/** Values of every type, including ones no attribute expects. */
function randomValue(r: () => number): Json {
  const pool: (() => Json)[] = [
    () => null,
    () => true,
    () => 0,
    () => -1,
    () => 1e308,
    () => 4294967296,
    () => 0.1,
    () => '',
    () => '${',
    () => '}',
    () => '${null}',
    () => '%{ if true }',
    () => [],
    () => ({}),
    () => [[]],
    () => ({ a: {} }),
    () => 'x'.repeat(2000),
    () => '${' + '('.repeat(300) + '1' + ')'.repeat(300) + '}',
    () => {
      let v: Json = 'deep';
      for (let i = 0; i < 300; i++) v = [v];
      return v;
    },
    () => '${' + Array(400).fill('1').join('+') + '}',
    () => `\${${call(r)}}`,
  ];
  return pool[Math.floor(r() * pool.length)]();
}

const FUNCTIONS = functionNames();

/** A call of a random built-in function with random arguments. */
function call(r: () => number): string {
  const fn = FUNCTIONS[Math.floor(r() * FUNCTIONS.length)];
  const n = Math.floor(r() * 4);
  const args: string[] = [];
  for (let i = 0; i < n; i++) args.push(r() < 0.15 ? call(r) : ARGS[Math.floor(r() * ARGS.length)]);
  return `${fn}(${args.join(', ')})`;
}

function mutateString(s: string, r: () => number): string {
  const at = Math.floor(r() * (s.length + 1));
  switch (Math.floor(r() * 5)) {
    case 0:
      return s.slice(0, at) + TOKENS[Math.floor(r() * TOKENS.length)] + s.slice(at);
    case 1:
      return s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 4));
    case 2:
      return s.slice(0, at) + s.slice(Math.floor(r() * s.length), at + Math.floor(r() * 8)) + s.slice(at);
    case 3:
      return `\${${call(r)}}`;
    default:
      return s.slice(0, at) + `\${${call(r)}}` + s.slice(at);
  }
}

/** Every path to a value inside the tree. */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k], [...at, k], out);
  return out;
}

const KEYS = [
  'count',
  'for_each',
  'depends_on',
  'lifecycle',
  'provider',
  'dynamic',
  'sensitive',
  'type',
  'default',
  'nullable',
  'validation',
  'precondition',
  'value',
  'description',
  'ignore_changes',
  'replace_triggered_by',
  'prevent_destroy',
  'x',
  '//',
  '${var.name}',
  '',
  'terraform',
  'module',
  'data',
  'moved',
  'import',
  'check',
  'removed',
];

/** One mutated configuration as JSON text. */
export function mutate(seedConfig: Json, r: () => number): string {
  const tree = structuredClone(seedConfig);
  const edits = r() < 0.7 ? 1 : 2 + Math.floor(r() * 2);
  for (let e = 0; e < edits; e++) {
    const all = paths(tree).filter((p) => p.length > 0);
    const p = all[Math.floor(r() * all.length)];
    const parent = p.slice(0, -1).reduce<Json>((v, k) => (v as Record<string, Json>)[k as string], tree) as Record<string | number, Json>;
    const key = p[p.length - 1];
    const cur = parent[key];
    const kind = r();
    if (typeof cur === 'string' && kind < 0.5) parent[key] = mutateString(cur, r);
    else if (kind < 0.75) parent[key] = randomValue(r);
    else if (kind < 0.85 && !Array.isArray(parent)) delete parent[key];
    else if (cur !== null && typeof cur === 'object' && !Array.isArray(cur)) cur[KEYS[Math.floor(r() * KEYS.length)]] = randomValue(r);
    else parent[key] = randomValue(r);
  }
  let text = JSON.stringify(tree);
  // now and then, break the JSON text itself
  if (r() < 0.05) text = mutateString(text, r);
  return text;
}
