// IPv4 arithmetic for subnet checks: CIDR membership, AWS-reserved addresses, usable sizes.

/** Parses a dotted IPv4 address into an unsigned 32-bit number, or null when it is not one. */
export function ipToInt(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    n = n * 256 + octet;
  }
  return n;
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export interface Cidr {
  base: number;
  prefix: number;
  size: number;
}

export function parseCidr(cidr: string): Cidr | null {
  const [ip, bits, extra] = cidr.split('/');
  if (ip === undefined || bits === undefined || extra !== undefined || !/^\d{1,2}$/.test(bits)) return null;
  const addr = ipToInt(ip);
  const prefix = Number(bits);
  if (addr === null || prefix > 32) return null;
  const size = 2 ** (32 - prefix);
  return { base: addr - (addr % size), prefix, size };
}

export function cidrContains(cidr: string, ip: string): boolean {
  const c = parseCidr(cidr);
  const n = ipToInt(ip);
  return c !== null && n !== null && n >= c.base && n < c.base + c.size;
}

/** AWS reserves the first four and the last address of every subnet CIDR (ec2-rules §2.5). */
export function isReservedInSubnet(cidr: string, ip: string): boolean {
  const c = parseCidr(cidr);
  const n = ipToInt(ip);
  if (c === null || n === null) return false;
  const offset = n - c.base;
  return offset >= 0 && offset < c.size && (offset < 4 || offset === c.size - 1);
}

/** Usable addresses in a subnet: size − 5 reserved (ec2-rules §2.5); null when `cidr` is not an IPv4 CIDR. */
export function usableAddresses(cidr: string): number | null {
  const c = parseCidr(cidr);
  return c === null ? null : Math.max(0, c.size - 5);
}

/**
 * Orders dotted IPv4 addresses or CIDRs numerically (10.0.2.0 before 10.0.10.0; a shorter prefix first at the
 * same base). Text that is neither sorts after them, alphabetically.
 */
export function compareIp(a: string, b: string): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka === null || kb === null) return ka !== null ? -1 : kb !== null ? 1 : a.localeCompare(b);
  return ka[0] - kb[0] || ka[1] - kb[1];
}

function sortKey(text: string): [number, number] | null {
  const [ip, bits] = text.split('/');
  const n = ipToInt(ip ?? '');
  if (n === null) return null;
  if (bits === undefined) return [n, 32];
  const c = parseCidr(text);
  return c === null ? null : [n, c.prefix];
}
