// Resource addresses are values. One formatter and one parser; everything that names a
// resource (plan, state, CLI flags, errors) goes through them.

export type ResourceMode = 'managed' | 'data';
export type InstanceKey = string | number | undefined;

export interface ResourceAddr {
  readonly mode: ResourceMode;
  readonly type: string;
  readonly name: string;
  /** module instance path, e.g. `module.net["prod"].module.subnets`; absent (or '') in the root module */
  readonly module?: string;
}

export interface InstanceAddr extends ResourceAddr {
  /** count index (number), for_each key (string), or undefined for a single instance */
  readonly key?: InstanceKey;
}

export function formatResource(a: ResourceAddr): string {
  const local = a.mode === 'data' ? `data.${a.type}.${a.name}` : `${a.type}.${a.name}`;
  return a.module ? `${a.module}.${local}` : local;
}

export function formatKey(key: InstanceKey): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** `aws_s3_bucket.site["prod"]` — also the map key for an instance. */
export function formatInstance(a: InstanceAddr): string {
  return formatResource(a) + formatKey(a.key);
}

export function resourceOf(a: InstanceAddr): ResourceAddr {
  return a.module ? { mode: a.mode, type: a.type, name: a.name, module: a.module } : { mode: a.mode, type: a.type, name: a.name };
}

/** `module.a["k"].module.b` -> `module.a.module.b`: the module's place in the configuration, without instance keys. */
export function moduleCallPath(modulePath: string | undefined): string {
  return (modulePath ?? '').replace(/\[(?:\d+|"(?:[^"\\]|\\.)*")\]/g, '');
}

const KEY = String.raw`\[(\d+|"(?:[^"\\]|\\.)*")\]`;
const MODULE_STEP = new RegExp(String.raw`^module\.([A-Za-z_][A-Za-z0-9_-]*)(?:${KEY})?\.`);

/** Splits the leading `module.x[...].` steps off an address. */
export function splitModule(text: string): { module: string | undefined; rest: string } {
  let rest = text.trim();
  let module = '';
  for (let m = MODULE_STEP.exec(rest); m; m = MODULE_STEP.exec(rest)) {
    module += (module ? '.' : '') + m[0].slice(0, -1);
    rest = rest.slice(m[0].length);
  }
  return { module: module || undefined, rest };
}

export class AddressSyntaxError extends Error {}

/** Parses `type.name`, `type.name[0]`, `type.name["k"]`, `data.type.name[...]`. */
export function parseInstance(text: string): InstanceAddr {
  const { module, rest } = splitModule(text);
  const m = /^(data\.)?([A-Za-z_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[(\d+|"(?:[^"\\]|\\.)*")\])?$/.exec(rest);
  if (!m) throw new AddressSyntaxError(`"${text}" is not a resource address (expected TYPE.NAME, TYPE.NAME[INDEX] or TYPE.NAME["KEY"], optionally after module.NAME[KEY].)`);
  const [, data, type, name, rawKey] = m;
  let key: InstanceKey;
  if (rawKey !== undefined) key = rawKey.startsWith('"') ? (JSON.parse(rawKey) as string) : Number(rawKey);
  const a = { mode: data ? 'data' : 'managed', type, name, key } as const;
  return module ? { ...a, module } : a;
}

/** True when `target` names the instance itself or the whole resource it belongs to. */
export function addrMatches(target: InstanceAddr, a: InstanceAddr): boolean {
  return target.mode === a.mode && target.type === a.type && target.name === a.name && (target.module ?? '') === (a.module ?? '') && (target.key === undefined || target.key === a.key);
}

/** What a moved/removed block or a `state mv` names: a whole module instance (or call), a resource, or one instance. */
export type ObjectEndpoint = { readonly kind: 'module'; readonly module: string } | { readonly kind: 'resource' | 'instance'; readonly addr: InstanceAddr };

export function parseEndpoint(text: string): ObjectEndpoint {
  const whole = splitModule(`${text.trim()}.`);
  if (whole.rest === '' && whole.module) return { kind: 'module', module: whole.module };
  const addr = parseInstance(text);
  return { kind: /\]$/.test(text.trim()) ? 'instance' : 'resource', addr };
}

export function formatEndpoint(ep: ObjectEndpoint): string {
  return ep.kind === 'module' ? ep.module : ep.kind === 'resource' ? formatResource(ep.addr) : formatInstance(ep.addr);
}

/** What `--target` names: a resource, one instance, a module call (`module.a`, every instance) or one module instance. */
export function parseTarget(text: string): ObjectEndpoint {
  try {
    return parseEndpoint(text);
  } catch (e) {
    if (!(e instanceof AddressSyntaxError)) throw e;
    throw new AddressSyntaxError(
      `"${text}" is not a resource address or a module address (expected TYPE.NAME, TYPE.NAME[INDEX], TYPE.NAME["KEY"], module.NAME or module.NAME["KEY"], optionally after module.NAME[KEY].)`,
    );
  }
}

/** True when the endpoint holds some instance of the resource (a module endpoint: the resource is inside it). */
export function endpointHoldsResource(ep: ObjectEndpoint, r: ResourceAddr): boolean {
  if (ep.kind === 'module') return endpointHolds(ep, { ...r, key: undefined });
  return formatResource(ep.addr) === formatResource(r);
}

/** True when the endpoint names the instance, its resource, or a module instance holding it. */
export function endpointHolds(ep: ObjectEndpoint, a: InstanceAddr): boolean {
  if (ep.kind === 'module') {
    const m = a.module ?? '';
    return m === ep.module || m.startsWith(`${ep.module}.`) || (!/\]$/.test(ep.module) && m.startsWith(`${ep.module}[`));
  }
  const f = ep.addr;
  return f.mode === a.mode && f.type === a.type && f.name === a.name && (f.module ?? '') === (a.module ?? '') && (ep.kind === 'resource' || f.key === a.key);
}

/** Where an instance goes under a move from `from` to `to` (same kinds), or undefined when the move does not touch it. */
export function moveInstance(a: InstanceAddr, from: ObjectEndpoint, to: ObjectEndpoint): InstanceAddr | undefined {
  if (from.kind === 'module' && to.kind === 'module') {
    const m = a.module ?? '';
    const keyed = /\]$/.test(from.module);
    if (m === from.module || m.startsWith(`${from.module}.`) || (!keyed && m.startsWith(`${from.module}[`))) {
      // module.a -> module.b keeps the instance key; module.a[0] -> module.b["x"] replaces it
      return { ...a, module: to.module + m.slice(from.module.length) };
    }
    return undefined;
  }
  if (from.kind === 'module' || to.kind === 'module') return undefined;
  const f = from.addr;
  if (f.mode !== a.mode || f.type !== a.type || f.name !== a.name || (f.module ?? '') !== (a.module ?? '')) return undefined;
  const t = to.addr;
  const base = { mode: t.mode, type: t.type, name: t.name, ...(t.module ? { module: t.module } : {}) };
  if (from.kind === 'resource') return to.kind === 'resource' ? { ...base, key: a.key } : undefined;
  if (a.key !== f.key) return undefined;
  return { ...base, key: to.kind === 'instance' ? t.key : undefined };
}
