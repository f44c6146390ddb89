'use client';
// Building blocks of the detail panel: titled sections, attribute rows, ids that copy and link, tag tables.
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { CopyButton } from '@/components/ui/copy-button';
import type { Selection } from './model/selection';
import { useTopology } from './topology-context';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-b border-line px-4 py-3 last:border-b-0">
      <h3 className="mb-2 text-2xs font-semibold tracking-wider text-faint uppercase">{title}</h3>
      {children}
    </section>
  );
}

export function Fields({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-3 gap-y-1.5 text-xs">{children}</dl>;
}

export function Field({ label, children, mono = false }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className={cn('min-w-0 break-words text-fg', mono && 'font-mono')}>{children ?? <Empty />}</dd>
    </>
  );
}

export function Empty() {
  return <span className="text-faint">—</span>;
}

/** A raw id, copyable; when it names a resource in the snapshot it also links to it. */
export function Id({ value, to }: { value: string | null | undefined; to?: Selection }) {
  const { reveal } = useTopology();
  if (!value) return <Empty />;
  return (
    // Raw ids wrap rather than truncate: the panel is where the full value must be readable.
    <span className="inline-flex max-w-full items-start gap-0.5 align-top">
      {to ? (
        <button
          type="button"
          onClick={() => reveal(to)}
          className="rounded text-left font-mono break-all text-accent hover:underline"
        >
          {value}
        </button>
      ) : (
        <span className="font-mono break-all">{value}</span>
      )}
      <CopyButton value={value} />
    </span>
  );
}

export function Bool({ value, yes = 'yes', no = 'no' }: { value: boolean; yes?: string; no?: string }) {
  return <span className={value ? 'text-fg' : 'text-muted'}>{value ? yes : no}</span>;
}

/** "used / allowed" with a warning colour when full. */
export function Limit({ used, max, unit }: { used: number; max: number | null; unit: string }) {
  if (max === null)
    return (
      <span>
        {used} {unit} <span className="text-faint">(limit unknown)</span>
      </span>
    );
  return (
    <span className={cn('font-mono', used >= max && 'text-warn')}>
      {used} / {max} <span className="font-sans text-muted">{unit}</span>
    </span>
  );
}

export function Tags({ tags }: { tags: Record<string, string> }) {
  const entries = Object.entries(tags).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="text-xs text-faint">No tags.</p>;
  return (
    <table className="w-full table-fixed text-xs">
      <tbody>
        {entries.map(([k, v]) => (
          <tr key={k} className="border-t border-line first:border-t-0">
            <th scope="row" className="w-2/5 truncate py-1 pr-2 text-left font-mono font-normal text-muted">
              {k}
            </th>
            <td className="py-1 font-mono break-words">{v || <Empty />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
