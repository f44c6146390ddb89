// Query-protocol parameters (ec2-rules §1.1): flat `Name.N.Sub` keys from the form body, read through typed helpers.
import { Ec2Error, invalidValue, missingParameter } from './errors';

export interface Filter {
  name: string;
  values: string[];
}

/**
 * Replace every list index by N, e.g. `Filter.2.Value.1` → `Filter.N.Value.N`, to match a declared shape.
 * Indexes are 1-based decimal (ec2-rules §1.1 rule 2): `Filter.0`, `Filter.01` or a 20-digit index keep their digits,
 * match no shape and so answer UnknownParameter instead of being silently dropped or misnumbered.
 */
export function paramShape(key: string): string {
  return key.replace(/\.[1-9]\d{0,5}(?=\.|$)/g, '.N');
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export class Params {
  readonly flat: Map<string, string>;

  constructor(flat: Map<string, string>) {
    this.flat = flat;
  }

  static fromBody(body: string): Params {
    const flat = new Map<string, string>();
    for (const [k, v] of new URLSearchParams(body)) flat.set(k, v);
    return new Params(flat);
  }

  /** Every key except Action/Version, for the request log. */
  record(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.flat) if (k !== 'Action' && k !== 'Version') out[k] = v;
    return out;
  }

  /** UnknownParameter for any key whose shape the operation's model does not have (ec2-rules §3 common rules). */
  checkKnown(allowed: ReadonlySet<string>): void {
    for (const key of this.flat.keys()) {
      if (key === 'Action' || key === 'Version') continue;
      if (!allowed.has(paramShape(key))) {
        throw new Ec2Error('UnknownParameter', `The parameter ${key} is not recognized`);
      }
    }
  }

  has(name: string): boolean {
    return this.flat.has(name);
  }

  str(name: string): string | undefined {
    return this.flat.get(name);
  }

  required(name: string): string {
    const v = this.flat.get(name);
    if (v === undefined || v === '') throw missingParameter(name);
    return v;
  }

  bool(name: string): boolean | undefined {
    const v = this.flat.get(name);
    if (v === undefined) return undefined;
    if (v === 'true') return true;
    if (v === 'false') return false;
    throw invalidValue(`Value (${v}) for parameter ${name} is invalid. Expected: 'true' or 'false'.`);
  }

  int(name: string): number | undefined {
    const v = this.flat.get(name);
    if (v === undefined) return undefined;
    // Integer members are 32-bit in the EC2 model: 1e+23 must not reach a device index (ec2-rules §1.1 rule 5).
    const n = /^-?\d+$/.test(v) ? Number(v) : NaN;
    if (!(n >= INT32_MIN && n <= INT32_MAX))
      throw invalidValue(`Value (${v}) for parameter ${name} is invalid. Expected an integer.`);
    return n;
  }

  /** Sorted distinct indexes N present under `prefix.N…`. */
  indexes(prefix: string): number[] {
    const seen = new Set<number>();
    const start = prefix + '.';
    for (const key of this.flat.keys()) {
      if (!key.startsWith(start)) continue;
      const digits = key.slice(start.length).split('.')[0] as string;
      // Same index syntax as paramShape, so `prefix.01` is never read as `prefix.1`.
      if (/^[1-9]\d{0,5}$/.test(digits)) seen.add(Number(digits));
    }
    return [...seen].sort((a, b) => a - b);
  }

  /** A flattened scalar list `prefix.1`, `prefix.2`, … in index order. */
  list(prefix: string): string[] {
    const out: string[] = [];
    for (const n of this.indexes(prefix)) {
      const v = this.flat.get(`${prefix}.${n}`);
      if (v !== undefined) out.push(v);
    }
    return out;
  }

  filters(): Filter[] {
    return this.indexes('Filter').map((n) => {
      const name = this.flat.get(`Filter.${n}.Name`);
      if (name === undefined) throw missingParameter(`Filter.${n}.Name`);
      return { name, values: this.list(`Filter.${n}.Value`) };
    });
  }

  /** `Tag.N.Key` / `Tag.N.Value` pairs under a prefix (CreateTags, TagSpecification.N.Tag). */
  tags(prefix: string): { key: string; value: string | undefined }[] {
    return this.indexes(prefix).map((n) => {
      const key = this.flat.get(`${prefix}.${n}.Key`);
      if (key === undefined) throw missingParameter(`${prefix}.${n}.Key`);
      return { key, value: this.flat.get(`${prefix}.${n}.Value`) };
    });
  }
}
