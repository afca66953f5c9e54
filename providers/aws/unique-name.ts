// Generated names, after the Terraform AWS provider's id.PrefixedUniqueId:
// prefix + UTC timestamp (to 1/10000 s) + an 8-digit counter, so names sort by creation.

let counter = 0;

export function prefixedUniqueId(prefix: string): string {
  const now = new Date();
  const p2 = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getUTCFullYear()}${p2(now.getUTCMonth() + 1)}${p2(now.getUTCDate())}${p2(now.getUTCHours())}${p2(now.getUTCMinutes())}${p2(now.getUTCSeconds())}${String(now.getUTCMilliseconds()).padStart(3, '0')}0`;
  counter = (counter + 1) % 1e8;
  return `${prefix}${stamp}${String(counter).padStart(8, '0')}`;
}

/** name, else name_prefix + unique id, else "terraform-" + unique id. */
export function nameFromConfig(name: unknown, prefix: unknown, suffix = ''): string {
  if (typeof name === 'string' && name !== '') return name;
  return prefixedUniqueId(typeof prefix === 'string' && prefix !== '' ? prefix : 'terraform-') + suffix;
}
