// Resource addresses are values. One formatter and one parser; everything that names a
// resource (plan, state, CLI flags, errors) goes through them.

export type ResourceMode = 'managed' | 'data';
export type InstanceKey = string | number | undefined;

export interface ResourceAddr {
  readonly mode: ResourceMode;
  readonly type: string;
  readonly name: string;
}

export interface InstanceAddr extends ResourceAddr {
  /** count index (number), for_each key (string), or undefined for a single instance */
  readonly key?: InstanceKey;
}

export function formatResource(a: ResourceAddr): string {
  return a.mode === 'data' ? `data.${a.type}.${a.name}` : `${a.type}.${a.name}`;
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
  return { mode: a.mode, type: a.type, name: a.name };
}

export class AddressSyntaxError extends Error {}

/** Parses `type.name`, `type.name[0]`, `type.name["k"]`, `data.type.name[...]`. */
export function parseInstance(text: string): InstanceAddr {
  const m = /^(data\.)?([A-Za-z_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[(\d+|"(?:[^"\\]|\\.)*")\])?$/.exec(text.trim());
  if (!m) throw new AddressSyntaxError(`"${text}" is not a resource address (expected TYPE.NAME, TYPE.NAME[INDEX] or TYPE.NAME["KEY"])`);
  const [, data, type, name, rawKey] = m;
  let key: InstanceKey;
  if (rawKey !== undefined) key = rawKey.startsWith('"') ? (JSON.parse(rawKey) as string) : Number(rawKey);
  return { mode: data ? 'data' : 'managed', type, name, key };
}

/** True when `target` names the instance itself or the whole resource it belongs to. */
export function addrMatches(target: InstanceAddr, a: InstanceAddr): boolean {
  return target.mode === a.mode && target.type === a.type && target.name === a.name &&
    (target.key === undefined || target.key === a.key);
}
