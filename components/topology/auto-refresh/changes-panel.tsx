'use client';
// "Changed since …": each fresh read from EC2 is compared with the view it replaces; what differs was done
// outside this console (its own applies already show in the view before the read, so they never differ).
// The changed resources flash on the canvas and stay listed until dismissed (bottom left, narrow enough to stay
// clear of the toasts on the right, and under a walkthrough's panel, whose controls a presenter must reach).
import { useEffect, useRef, useState } from 'react';
import type { TopologyData } from '@/lib/queries/topology';
import { CloseIcon } from '@/components/ui/icons';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/lib/cn';
import { announce } from '../announcer';
import { diffSnapshots, type Change } from '../model/snapshot-diff';
import { consoleChanges } from './account-replaced';
import { plural } from '../model/format';
import { flashElement, useTopology } from '../topology-context';

/** Listed at most; the count says how many more. */
const SHOWN = 40;

type Batch = { since: string; changes: Change[] };

const time = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour12: false });

export function ChangesPanel({ data }: { data: TopologyData }) {
  const { reveal } = useTopology();
  const last = useRef<TopologyData | null>(null);
  const seenConsoleChanges = useRef(consoleChanges());
  const [batch, setBatch] = useState<Batch | null>(null);

  useEffect(() => {
    const before = last.current;
    last.current = data;
    // The console itself changed the account outside the canvas's own moves (a demo reset, a failover): start over.
    if (seenConsoleChanges.current !== consoleChanges()) {
      seenConsoleChanges.current = consoleChanges();
      setBatch(null);
      return;
    }
    // Same read (an optimistic or verified update of this console's own move), or the first one: nothing to say.
    if (!before || before.fetchedAt === data.fetchedAt) return;
    const changes = diffSnapshots(before, data);
    if (changes.length === 0) return;
    setBatch((b) => ({ since: b?.since ?? before.fetchedAt, changes: [...changes, ...(b?.changes ?? [])] }));
    announce(`${plural(changes.length, 'change')} made outside the console since ${time(before.fetchedAt)}.`);
    // After the view has rendered the new snapshot, flash what is on screen.
    requestAnimationFrame(() => {
      for (const c of changes.slice(0, 200)) if (c.domId) flashElement(c.domId);
    });
  }, [data]);

  if (!batch) return null;
  const { changes } = batch;
  return (
    <section
      aria-label="Changed outside the console"
      data-testid="changes-panel"
      className="fixed bottom-4 left-4 z-30 flex max-h-[45vh] w-[min(19rem,calc(100vw-2rem))] flex-col overflow-hidden rounded-lg border border-warn/40 bg-surface shadow-xl lg:left-[21rem] xl:left-[19rem]"
    >
      <header className="flex items-center gap-2 border-b border-line px-3 py-2">
        <Badge tone="warn">{changes.length}</Badge>
        <h2 className="min-w-0 flex-1 text-sm font-semibold">Changed since {time(batch.since)}</h2>
        <button
          type="button"
          aria-label="Dismiss the changes"
          onClick={() => setBatch(null)}
          className="flex size-7 items-center justify-center rounded-md text-faint hover:bg-subtle hover:text-fg"
        >
          <CloseIcon />
        </button>
      </header>
      <p className="px-3 pt-1.5 text-xs text-muted">Made outside this console (another user, a script, AWS itself).</p>
      <ul className="min-h-0 flex-1 overflow-y-auto py-1">
        {changes.slice(0, SHOWN).map((c) => (
          <li key={c.key} data-testid="change">
            <button
              type="button"
              disabled={!c.selection}
              onClick={() => c.selection && reveal(c.selection)}
              className={cn(
                'flex w-full gap-2 px-3 py-1 text-left text-xs',
                c.selection ? 'hover:bg-subtle' : 'cursor-default text-muted',
              )}
            >
              <span
                aria-hidden
                className={cn(
                  'mt-1 size-2 shrink-0 rounded-full',
                  c.kind === 'added' ? 'bg-ok' : c.kind === 'removed' ? 'bg-danger' : 'bg-warn',
                )}
              />
              <span>{c.text}</span>
            </button>
          </li>
        ))}
      </ul>
      {changes.length > SHOWN ? (
        <p className="border-t border-line px-3 py-1.5 text-xs text-muted">and {changes.length - SHOWN} more.</p>
      ) : null}
    </section>
  );
}
