// Deterministic (seeded) generators for resource IDs, MAC addresses and request IDs' shapes (ec2-rules §2.1).

const HEX = '0123456789abcdef';

/** ID shape check: the current 17-hex form, with the legacy 8-hex form still accepted (ec2-rules §2.1). */
export function isWellFormedId(prefix: string, value: string): boolean {
  if (!value.startsWith(prefix + '-')) return false;
  const rest = value.slice(prefix.length + 1);
  if (rest.length !== 8 && rest.length !== 17) return false;
  for (let i = 0; i < rest.length; i++) if (!HEX.includes(rest[i] as string)) return false;
  return true;
}

/** mulberry32 over a string-hashed seed: same seed, same sequence, so a scenario reset gives the same IDs. */
export class IdGenerator {
  private state: number;

  constructor(seed: string) {
    let h = 2166136261;
    for (let i = 0; i < seed.length; i++) {
      h ^= seed.charCodeAt(i);
      h = Math.imul(h, 16777619);
    }
    this.state = h >>> 0;
  }

  next32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  private hex(count: number): string {
    let out = '';
    while (out.length < count) out += this.next32().toString(16).padStart(8, '0');
    return out.slice(0, count);
  }

  /** prefix-0 + 16 hex: 17 lowercase hex characters, leading 0 like most real IDs. */
  id(prefix: string): string {
    return `${prefix}-0${this.hex(16)}`;
  }

  /** Locally administered unicast MAC in lower-case colon form, e.g. 0e:3c:5a:11:22:33. */
  mac(): string {
    const h = this.hex(10);
    return `0e:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}:${h.slice(6, 8)}:${h.slice(8, 10)}`;
  }
}
