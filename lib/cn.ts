// Joins class names, skipping falsy ones: the few lines we need instead of a clsx dependency.
export type ClassValue = string | false | null | undefined | 0;

export function cn(...classes: ClassValue[]): string {
  let out = '';
  for (const c of classes) {
    if (c) out = out ? `${out} ${c}` : c;
  }
  return out;
}
