// One address ledger per subnet (ec2-rules §2.5, ec2-rules §9): reserved addresses, who holds each IP, true free count.
import { type Cidr, formatIpv4, parseIpv4 } from './ip';

export class AddressLedger {
  readonly cidr: Cidr;
  private readonly held = new Map<number, string>(); // ip → ENI id
  private readonly prefixes = new Map<number, string>(); // base of a delegated /28 → ENI id (ec2-rules §2.7)
  private cursor: number;

  constructor(cidr: Cidr) {
    this.cidr = cidr;
    this.cursor = cidr.base + 4;
  }

  /** First four (network, router, DNS, future) and the last (broadcast) address are AWS-reserved (ec2-rules §2.5). */
  usable(): number {
    return this.cidr.size - 5;
  }

  available(): number {
    return this.usable() - this.held.size;
  }

  heldCount(): number {
    return this.held.size;
  }

  contains(ip: string): boolean {
    const n = parseIpv4(ip);
    return n !== null && n >= this.cidr.base && n < this.cidr.base + this.cidr.size;
  }

  isReserved(ip: string): boolean {
    const n = parseIpv4(ip);
    if (n === null) return false;
    const offset = n - this.cidr.base;
    return offset < 4 || offset === this.cidr.size - 1;
  }

  owner(ip: string): string | undefined {
    const n = parseIpv4(ip);
    return n === null ? undefined : this.held.get(n);
  }

  hold(ip: string, eniId: string): void {
    const n = parseIpv4(ip);
    if (n === null) throw new Error(`bad IP ${ip}`);
    this.held.set(n, eniId);
  }

  release(ip: string): void {
    const n = parseIpv4(ip);
    if (n !== null) this.held.delete(n);
  }

  /** `count` free addresses, scanning on from where the last pick stopped (wrapping), or null if short. */
  pickFree(count: number): string[] | null {
    if (count > this.available()) return null;
    const out: string[] = [];
    const first = this.cidr.base + 4;
    const last = this.cidr.base + this.cidr.size - 2;
    const span = last - first + 1;
    let n = this.cursor;
    for (let scanned = 0; out.length < count && scanned < span; scanned++) {
      if (n > last) n = first;
      if (!this.held.has(n)) out.push(formatIpv4(n));
      n++;
    }
    this.cursor = n > last ? first : n;
    return out.length === count ? out : null;
  }

  /** The ENI a delegated /28 containing `ip` belongs to, if any. */
  prefixOwner(ip: string): string | undefined {
    const n = parseIpv4(ip);
    return n === null ? undefined : this.prefixes.get(n - (n % PREFIX_SIZE));
  }

  /** Why a /28 cannot be delegated here, or null when all 16 addresses are in the subnet, unreserved and free. */
  prefixProblem(base: number): string | null {
    const first = base - this.cidr.base;
    if (first < 0 || first + PREFIX_SIZE > this.cidr.size) return "is not within the subnet's address range";
    for (let n = base; n < base + PREFIX_SIZE; n++) {
      const offset = n - this.cidr.base;
      if (offset < 4 || offset === this.cidr.size - 1) return 'overlaps the addresses AWS reserves in the subnet';
      if (this.held.has(n)) return `overlaps ${formatIpv4(n)}, which is already in use`;
    }
    return null;
  }

  /** Delegates the /28 at `base`: its 16 addresses are held by the ENI and counted out of the free total. */
  holdPrefix(base: number, eniId: string): void {
    for (let n = base; n < base + PREFIX_SIZE; n++) this.held.set(n, eniId);
    this.prefixes.set(base, eniId);
  }

  releasePrefix(base: number): void {
    for (let n = base; n < base + PREFIX_SIZE; n++) this.held.delete(n);
    this.prefixes.delete(base);
  }

  /** `count` aligned /28 blocks with every address free, lowest first, or null when the subnet is too fragmented. */
  pickFreePrefixes(count: number): number[] | null {
    const out: number[] = [];
    for (let base = this.cidr.base; base < this.cidr.base + this.cidr.size && out.length < count; base += PREFIX_SIZE) {
      if (this.prefixProblem(base) === null) out.push(base);
    }
    return out.length === count ? out : null;
  }
}

/** An IPv4 prefix delegated to an ENI is always a /28: 16 addresses (ec2-rules §2.7). */
export const PREFIX_SIZE = 16;

/** `10.0.16.32/28` → its base address, or null when it is not an aligned /28. */
export function parsePrefix28(text: string): number | null {
  const [addr, bits] = text.split('/');
  const n = addr === undefined ? null : parseIpv4(addr);
  if (n === null || bits !== '28' || n % PREFIX_SIZE !== 0) return null;
  return n;
}

export const formatPrefix28 = (base: number): string => `${formatIpv4(base)}/28`;
