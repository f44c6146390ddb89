// One address ledger per subnet (ec2-rules §2.5, ec2-rules §9): reserved addresses, who holds each IP, true free count.
import { type Cidr, formatIpv4, parseIpv4 } from './ip';

export class AddressLedger {
  readonly cidr: Cidr;
  private readonly held = new Map<number, string>(); // ip → ENI id
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
}
