// Network functions for IPv4 and IPv6 CIDR arithmetic: cidrsubnet, cidrsubnets, cidrhost,
// cidrnetmask. Addresses are BigInts of 32 or 128 bits.

import { int, param, str } from './define.ts';
import { FunctionArgumentError, type FunctionDef } from './function.ts';

interface Cidr {
  /** network address (host bits cleared) */
  addr: bigint;
  prefix: number;
  bits: 32 | 128;
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function parseIPv6(s: string): bigint | undefined {
  let text = s;
  // A trailing dotted IPv4 part (::ffff:1.2.3.4) is two 16-bit groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = parseIPv4(v4[1]);
    if (n === undefined) return undefined;
    text = text.slice(0, -v4[1].length) + `${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (h: string) => (h === '' ? [] : h.split(':'));
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  if (![...head, ...rest].every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const total = head.length + rest.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return undefined;
  const groups = [...head, ...Array<string>(8 - total).fill('0'), ...rest];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function parseCidr(s: string, argIndex: number): Cidr {
  const bad = (): never => {
    throw new FunctionArgumentError(argIndex, `invalid CIDR expression: invalid CIDR address: ${s}`);
  };
  const slash = s.indexOf('/');
  if (slash < 0) return bad();
  const ipText = s.slice(0, slash);
  const prefixText = s.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return bad();
  const prefix = Number(prefixText);
  const v4 = ipText.includes(':') ? undefined : parseIPv4(ipText);
  const v6 = v4 === undefined ? parseIPv6(ipText) : undefined;
  const bits = v4 !== undefined ? 32 : 128;
  const ip = v4 ?? v6;
  if (ip === undefined || prefix > bits) return bad();
  return { addr: ip & mask(prefix, bits), prefix, bits };
}

function mask(prefix: number, bits: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return all ^ ((1n << BigInt(bits - prefix)) - 1n);
}

function formatIP(n: bigint, bits: 32 | 128): string {
  if (bits === 32) return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 0xffn)).join('.');
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((n >> BigInt(i * 16)) & 0xffffn));
  // RFC 5952: the longest run (at least two) of zero groups becomes "::".
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [bestStart, bestLen] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

function subnet(base: Cidr, newbits: number, netnum: bigint): Cidr {
  const prefix = base.prefix + newbits;
  if (prefix > base.bits) throw new FunctionArgumentError(null, `insufficient address space to extend prefix of ${base.prefix} by ${newbits}`);
  if (netnum < 0n || netnum >= 1n << BigInt(newbits)) throw new FunctionArgumentError(null, `prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`);
  return { addr: base.addr | (netnum << BigInt(base.bits - prefix)), prefix, bits: base.bits };
}

const MAPPED_V4 = 0xffffn << 32n;

/**
 * Formats a network like Go's IPNet.String(), which Terraform uses: an IPv4-mapped IPv6
 * network (::ffff:a.b.c.d) whose prefix covers the ::ffff: part prints as IPv4.
 */
function fmtCidr(c: Cidr): string {
  if (c.bits === 128 && c.prefix >= 96 && c.addr >> 32n === MAPPED_V4 >> 32n) return `${formatIP(c.addr & 0xffffffffn, 32)}/${c.prefix - 96}`;
  return `${formatIP(c.addr, c.bits)}/${c.prefix}`;
}

export const networkFunctions: Record<string, FunctionDef> = {
  cidrsubnet: {
    params: [param('prefix', 'string'), param('newbits', 'number'), param('netnum', 'number')],
    returnType: 'string',
    impl: ([p, nb, nn]) => {
      const base = parseCidr(str(p, 0), 0);
      const newbits = int(nb, 1, 'newbits');
      if (newbits < 0) throw new FunctionArgumentError(1, 'newbits must not be negative');
      return fmtCidr(subnet(base, newbits, BigInt(int(nn, 2, 'netnum'))));
    },
  },
  cidrhost: {
    params: [param('prefix', 'string'), param('hostnum', 'number')],
    returnType: 'string',
    impl: ([p, h]) => {
      const base = parseCidr(str(p, 0), 0);
      const hostnum = BigInt(int(h, 1, 'hostnum'));
      const size = 1n << BigInt(base.bits - base.prefix);
      const offset = hostnum < 0n ? size + hostnum : hostnum;
      if (offset < 0n || offset >= size) throw new FunctionArgumentError(null, `prefix of ${base.prefix} does not accommodate a host numbered ${hostnum}`);
      return formatIP(base.addr + offset, base.bits);
    },
  },
  cidrnetmask: {
    params: [param('prefix', 'string')],
    returnType: 'string',
    impl: ([p]) => {
      const base = parseCidr(str(p, 0), 0);
      if (base.bits !== 32) throw new FunctionArgumentError(null, `IPv6 addresses cannot have a netmask: ${str(p, 0)}`);
      return formatIP(mask(base.prefix, 32), 32);
    },
  },
  cidrsubnets: {
    params: [param('prefix', 'string')],
    variadic: param('newbits', 'number'),
    returnType: { list: 'string' },
    impl: (args) => {
      const base = parseCidr(str(args[0], 0), 0);
      const width = 1n << BigInt(base.bits);
      const end = base.addr + (1n << BigInt(base.bits - base.prefix));
      // Each subnet starts right after the previous one, aligned up to its own size.
      let next = base.addr;
      return args.slice(1).map((nb, i) => {
        const newbits = int(nb, i + 1, 'newbits');
        const prefix = base.prefix + newbits;
        if (newbits < 1 || prefix > base.bits) throw new FunctionArgumentError(i + 1, `would extend prefix to ${prefix} bits, which is too long for an IPv${base.bits === 32 ? 4 : 6} address`);
        const size = 1n << BigInt(base.bits - prefix);
        const start = ((next + size - 1n) / size) * size;
        if (start + size > end || start >= width) {
          throw new FunctionArgumentError(i + 1, `not enough remaining address space for a subnet with a prefix of ${prefix} bits after ${i === 0 ? fmtCidr(base) : formatIP(next - 1n, base.bits)}`);
        }
        next = start + size;
        return fmtCidr({ addr: start, prefix, bits: base.bits });
      });
    },
  },
};
