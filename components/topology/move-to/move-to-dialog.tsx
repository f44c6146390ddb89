'use client';
// The Move to… picker: type a destination's name, id or IP, see each candidate's verdict (the same checker as a
// drag), choose one with Enter or a click and the plan dialog follows. Only the first rows are rendered and
// checked, so a 2,000-instance account answers as fast as a small one.
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { cn } from '@/lib/cn';
import { checkMove, type Plan, type Verdict } from '@/lib/topology';
import type { TopologyData } from '@/lib/queries/topology';
import { Badge } from '@/components/ui/badge';
import { Kbd } from '@/components/ui/kbd';
import { DialogCloseButton, ModalDialog } from '@/components/ui/modal-dialog';
import { announce } from '../announcer';
import { describeSource, reasonText } from '../drag/announce';
import type { DragSource } from '../drag/targets';
import type { TopologyIndex } from '../model/topology-index';
import { findCandidates, MOVE_TO_ROWS, type Candidate } from './candidates';

type Row = Candidate & { verdict: Verdict };

type Props = {
  data: TopologyData;
  index: TopologyIndex;
  source: DragSource;
  onChoose: (plan: Plan) => void;
  onClose: () => void;
};

export function MoveToDialog({ data, index, source, onChoose, onClose }: Props) {
  const listId = useId();
  const titleId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const what = describeSource(index, source);

  const rowsFor = (q: string): { rows: Row[]; total: number } => {
    const { candidates, total } = findCandidates(index, source, q, MOVE_TO_ROWS);
    const rows = candidates.map((c) => ({ ...c, verdict: checkMove(data, c.move, data.settings) }));
    // Within one rank of match, the allowed destinations first.
    rows.sort((a, b) => a.rank - b.rank || Number(b.verdict.ok) - Number(a.verdict.ok));
    return { rows, total };
  };
  // Typing stays responsive on a large account: the rows follow the query when the browser has time.
  const shownQuery = useDeferredValue(query);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- rowsFor reads only data, index and source
  const { rows, total } = useMemo(() => rowsFor(shownQuery), [data, index, source, shownQuery]);

  const choose = (row: Row | undefined) => {
    if (!row) {
      announce('No destination matches. Type a name, an id or an IP.');
      return;
    }
    if (row.verdict.ok) onChoose(row.verdict.plan);
    else announce(`${row.label} refuses: ${reasonText(row.verdict.reasons)}`);
  };

  const activeRow = rows[Math.min(active, rows.length - 1)];
  const optionId = (i: number) => `${listId}-o${i}`;

  return (
    <ModalDialog
      testId="move-to-dialog"
      labelledBy={titleId}
      onCancel={() => onClose()}
      initialFocus={(dialog) => dialog.querySelector<HTMLInputElement>('input')}
      className="mt-[12vh] max-h-[76vh] w-[min(40rem,calc(100vw-2rem))]"
    >
      <header className="flex items-start gap-3 border-b border-line px-4 pt-3 pb-2">
        <div className="min-w-0 flex-1">
          <h2 id={titleId} className="text-sm font-semibold">
            Move {what} to…
          </h2>
          <p className="text-xs text-muted">
            Type a destination&apos;s name, id or IP. <Kbd>↑</Kbd> <Kbd>↓</Kbd> to choose, <Kbd>Enter</Kbd> to review
            the plan.
          </p>
        </div>
        <DialogCloseButton onClick={onClose} />
      </header>
      <div className="border-b border-line px-4 py-2">
        <input
          type="text"
          role="combobox"
          aria-label="Destination"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeRow ? optionId(rows.indexOf(activeRow)) : undefined}
          data-testid="move-to-input"
          value={query}
          placeholder={source.kind === 'eni' ? 'instance name, id or IP' : 'instance name, ENI id or IP'}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const d = e.key === 'ArrowDown' ? 1 : -1;
              setActive((a) => Math.max(0, Math.min(rows.length - 1, Math.min(a, rows.length - 1) + d)));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              // Enter acts on the query as typed now, never on the rows of an earlier keystroke.
              const typed = e.currentTarget.value;
              choose(typed === shownQuery ? activeRow : rowsFor(typed).rows[0]);
            }
          }}
          className="h-9 w-full rounded-md border border-line-strong bg-surface px-2.5 font-mono text-sm text-fg placeholder:font-sans placeholder:text-faint focus:border-accent focus:outline-none"
        />
      </div>
      <ul id={listId} role="listbox" aria-label="Destinations" className="min-h-0 flex-1 overflow-y-auto py-1">
        {rows.map((row, i) => (
          <li
            key={row.key}
            id={optionId(i)}
            role="option"
            aria-selected={row === activeRow}
            aria-disabled={!row.verdict.ok}
            data-testid="move-to-option"
            data-verdict={row.verdict.ok ? 'allowed' : 'refused'}
            onMouseMove={() => setActive(i)}
            onClick={() => choose(row)}
            className={cn(
              'flex cursor-pointer flex-col gap-0.5 border-l-2 px-4 py-1.5',
              row === activeRow ? 'border-accent bg-accent-soft' : 'border-transparent',
            )}
          >
            <span className="flex items-center gap-2 text-sm">
              <span className="truncate font-medium">{row.label}</span>
              <Badge tone={row.verdict.ok ? 'ok' : 'danger'} className="ml-auto">
                {row.verdict.ok ? 'Allowed' : 'Refused'}
              </Badge>
            </span>
            <span className="truncate font-mono text-2xs text-muted">{row.detail}</span>
            <span className={cn('text-xs', row.verdict.ok ? 'text-muted' : 'text-danger')}>
              {row.verdict.ok ? row.verdict.plan.summary : reasonText(row.verdict.reasons)}
            </span>
          </li>
        ))}
      </ul>
      <p className="border-t border-line px-4 py-1.5 text-xs text-muted" aria-live="polite" data-testid="move-to-count">
        {total === 0
          ? 'No destination matches.'
          : total > rows.length
            ? `Showing ${rows.length} of ${total}. Type more to narrow.`
            : `${total} ${total === 1 ? 'destination' : 'destinations'}.`}
      </p>
    </ModalDialog>
  );
}
