// Describe filters (ec2-rules §1.6): `*`/`?` wildcards, OR within a filter, AND across filters, tag:<key>, tag-key.
import { invalidValue } from './errors';
import type { Tags } from './model';
import type { Filter } from './params';

export type FilterValue = string | number | boolean | null | undefined;
export type FilterTable<T> = Record<string, (item: T) => FilterValue | FilterValue[]>;

type Matcher = (text: string) => boolean;

type Token = string | '*any' | '?one'; // a literal character, `*` or `?`

/** `\*`, `\?` and `\\` are literals (EC2 filter docs); any other backslash is itself. */
function tokenize(value: string): Token[] {
  const chars = [...value];
  const out: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const next = chars[i + 1];
    if (c === '\\' && (next === '*' || next === '?' || next === '\\')) {
      out.push(next);
      i++;
    } else if (c === '*' || c === '?') {
      out.push(c === '*' ? '*any' : '?one');
    } else out.push(c);
  }
  return out;
}

/**
 * Glob match in O(pattern × text) with one backtrack point, never a backtracking RegExp: a value like
 * `*a*a*a*a*a*a*a*a*a*b` must not stall the single-threaded emulator (ec2-rules §1.6 wildcards).
 */
function globMatch(pattern: Token[], text: string): boolean {
  const t = [...text];
  let pi = 0;
  let ti = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    const tok = pattern[pi];
    if (tok === '*any') {
      star = pi++;
      mark = ti;
    } else if (tok !== undefined && (tok === '?one' || tok === t[ti])) {
      pi++;
      ti++;
    } else if (star !== -1) {
      pi = star + 1;
      ti = ++mark;
    } else return false;
  }
  while (pattern[pi] === '*any') pi++;
  return pi === pattern.length;
}

function compile(values: string[]): Matcher {
  const exact = new Set<string>();
  const patterns: Token[][] = [];
  for (const v of values) {
    const tokens = tokenize(v);
    if (tokens.some((t) => t === '*any' || t === '?one')) patterns.push(tokens);
    else exact.add(tokens.join(''));
  }
  return (text) => exact.has(text) || patterns.some((p) => globMatch(p, text));
}

function asTexts(v: FilterValue | FilterValue[]): string[] {
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const x of list) if (x !== null && x !== undefined) out.push(String(x));
  return out;
}

/** Keep the items that pass every filter; an unknown filter name fails the call (ec2-rules §1.6). */
export function applyFilters<T>(
  items: Iterable<T>,
  filters: Filter[],
  table: FilterTable<T>,
  tagsOf: (item: T) => Tags,
): T[] {
  const tests: ((item: T) => boolean)[] = filters.map((f) => {
    const match = compile(f.values);
    if (f.name.startsWith('tag:')) {
      const key = f.name.slice(4);
      return (item) => {
        const value = tagsOf(item).get(key);
        return value !== undefined && match(value);
      };
    }
    if (f.name === 'tag-key') return (item) => [...tagsOf(item).keys()].some(match);
    if (f.name === 'tag-value') return (item) => [...tagsOf(item).values()].some(match);
    // Own keys only, so `constructor` is an unknown filter rather than Object.prototype.constructor.
    const accessor = Object.hasOwn(table, f.name) ? table[f.name] : undefined;
    if (!accessor) throw invalidValue(`The filter '${f.name}' is invalid`);
    return (item) => asTexts(accessor(item)).some(match);
  });
  const out: T[] = [];
  for (const item of items) if (tests.every((t) => t(item))) out.push(item);
  return out;
}
