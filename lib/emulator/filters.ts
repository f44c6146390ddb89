// Describe filters (§1.6): `*`/`?` wildcards, OR within a filter, AND across filters, tag:<key>, tag-key.
import { invalidValue } from './errors';
import type { Tags } from './model';
import type { Filter } from './params';

export type FilterValue = string | number | boolean | null | undefined;
export type FilterTable<T> = Record<string, (item: T) => FilterValue | FilterValue[]>;

type Matcher = (text: string) => boolean;

function compile(values: string[]): Matcher {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const v of values) {
    if (v.includes('*') || v.includes('?')) {
      const source = v.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
      patterns.push(new RegExp(`^${source}$`, 's'));
    } else exact.add(v);
  }
  return (text) => exact.has(text) || patterns.some((p) => p.test(text));
}

function asTexts(v: FilterValue | FilterValue[]): string[] {
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const x of list) if (x !== null && x !== undefined) out.push(String(x));
  return out;
}

/** Keep the items that pass every filter; an unknown filter name fails the call (§1.6). */
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
    const accessor = table[f.name];
    if (!accessor) throw invalidValue(`The filter '${f.name}' is invalid`);
    return (item) => asTexts(accessor(item)).some(match);
  });
  const out: T[] = [];
  for (const item of items) if (tests.every((t) => t(item))) out.push(item);
  return out;
}
