// IPv6 text ↔ bigint and the /64 address pool of a dual-stack subnet (ec2-rules §2.7).

const GROUPS = 8;

/** RFC 4291 text (with or without `::`) → 128-bit number; null when it is not an IPv6 address. */
export function parseIpv6(text: string): bigint | null {
  if (!/^[0-9a-fA-F:]+$/.test(text) || text.includes(':::')) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const split = (s: string | undefined) => (s ? s.split(':') : []);
  const head = split(halves[0]);
  const tail = split(halves[1]);
  const missing = GROUPS - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...tail];
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  return n;
}

/** 128-bit number → RFC 5952 text: lower case, no leading zeros, the longest run of zero groups as `::`. */
export function formatIpv6(n: bigint): string {
  const groups: number[] = [];
  for (let i = GROUPS - 1; i >= 0; i--) groups.push(Number((n >> BigInt(i * 16)) & 0xffffn));
  let best = { at: -1, len: 0 };
  for (let i = 0; i < GROUPS;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < GROUPS && groups[j] === 0) j++;
    if (j - i > best.len && j - i > 1) best = { at: i, len: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.len).join(':')}`;
}

export interface Ipv6Cidr {
  base: bigint;
  prefix: number;
  text: string;
}

/** `2600:1f18:…::/64` → its network number and length; throws on host bits or a bad length (scenario input). */
export function parseIpv6Cidr(text: string): Ipv6Cidr {
  const [addr, bits] = text.split('/');
  const n = addr === undefined ? null : parseIpv6(addr);
  const prefix = Number(bits);
  if (n === null || !Number.isInteger(prefix) || prefix < 0 || prefix > 128) throw new Error(`bad IPv6 CIDR ${text}`);
  const hostBits = BigInt(128 - prefix);
  if ((n >> hostBits) << hostBits !== n) throw new Error(`IPv6 CIDR ${text} has host bits set`);
  return { base: n, prefix, text: `${formatIpv6(n)}/${prefix}` };
}

export function ipv6CidrContains(outer: Ipv6Cidr, inner: Ipv6Cidr): boolean {
  if (inner.prefix < outer.prefix) return false;
  const hostBits = BigInt(128 - outer.prefix);
  return inner.base >> hostBits === outer.base >> hostBits;
}

/**
 * The IPv6 addresses of one subnet's /64: who holds each, and deterministic picks (an interface id spread over
 * the 64 host bits by a fixed multiplier, so addresses look like EC2's random ones but repeat run to run).
 */
export class Ipv6Pool {
  readonly cidr: Ipv6Cidr;
  readonly associationId: string;
  private readonly held = new Map<bigint, string>();
  private counter: bigint;

  constructor(cidr: Ipv6Cidr, associationId: string) {
    this.cidr = cidr;
    this.associationId = associationId;
    // Seeded by the /64 itself, so two subnets' picks do not share interface ids.
    this.counter = (cidr.base >> 64n) & 0xffffn;
  }

  contains(ip: bigint): boolean {
    return ipv6CidrContains(this.cidr, { base: ip, prefix: 128, text: '' });
  }

  owner(ip: bigint): string | undefined {
    return this.held.get(ip);
  }

  hold(ip: bigint, eniId: string): void {
    this.held.set(ip, eniId);
  }

  release(ip: bigint): void {
    this.held.delete(ip);
  }

  pick(count: number): bigint[] {
    const out: bigint[] = [];
    const mask = (1n << 64n) - 1n;
    while (out.length < count) {
      this.counter += 1n;
      const host = (this.counter * 0x9e3779b97f4a7c15n) & mask;
      const ip = this.cidr.base | host;
      if (host > 3n && !this.held.has(ip)) out.push(ip);
    }
    return out;
  }
}
