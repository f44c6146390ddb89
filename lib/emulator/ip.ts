// IPv4 text ↔ number and CIDR helpers for subnet ledgers and DNS names.

/**
 * Dotted-quad text → number. Canonical spelling only: a leading zero ("10.0.1.011") is refused, or the same
 * address could be held under two spellings and the string-keyed ENI/EIP maps would disagree with the ledger.
 */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const v = Number(part);
    if (v > 255) return null;
    n = n * 256 + v;
  }
  return n;
}

export function formatIpv4(n: number): string {
  return `${Math.floor(n / 16777216) % 256}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

export interface Cidr {
  base: number;
  prefix: number;
  size: number;
  text: string;
}

export function parseCidr(text: string): Cidr {
  const [addr, bits] = text.split('/');
  const ip = addr === undefined ? null : parseIpv4(addr);
  const prefix = Number(bits);
  if (ip === null || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) throw new Error(`bad CIDR ${text}`);
  const size = 2 ** (32 - prefix);
  const base = ip - (ip % size);
  if (base !== ip) throw new Error(`CIDR ${text} has host bits set`);
  return { base, prefix, size, text };
}

export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return inner.base >= outer.base && inner.base + inner.size <= outer.base + outer.size;
}

/** ip-10-0-1-25.ec2.internal in us-east-1, ip-….<region>.compute.internal elsewhere (ec2-rules §2.1). */
export function privateDnsName(ip: string, region: string): string {
  const host = `ip-${ip.replaceAll('.', '-')}`;
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
}

export function publicDnsName(ip: string, region: string): string {
  const host = `ec2-${ip.replaceAll('.', '-')}`;
  return region === 'us-east-1' ? `${host}.compute-1.amazonaws.com` : `${host}.${region}.compute.amazonaws.com`;
}
