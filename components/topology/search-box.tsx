'use client';
// Search box: a combobox whose results reveal and select the resource. "/" focuses it.
import { useContext, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { cn } from '@/lib/cn';
import { Badge } from '@/components/ui/badge';
import { kindTone } from './model/selection';
import { Input } from '@/components/ui/input';
import { Kbd } from '@/components/ui/kbd';
import { SearchIcon } from '@/components/ui/icons';
import { search, searchIndexFor, type SearchHit, type SearchKind } from './model/search';
import { SearchQueryContext, useTopology } from './topology-context';
import { useShortcut } from './use-shortcut';

/** Short labels: a results list has less room than the details panel. */
const kindBadge: Record<SearchKind, string> = {
  ip: 'IP',
  eip: 'EIP',
  instance: 'Instance',
  eni: 'ENI',
  subnet: 'Subnet',
  vpc: 'VPC',
};

export function SearchBox() {
  const { index, reveal } = useTopology();
  const [localQuery, setLocalQuery] = useState('');
  const shared = useContext(SearchQueryContext);
  const query = shared?.query ?? localQuery;
  const setQuery = shared?.setQuery ?? setLocalQuery;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const deferred = useDeferredValue(query);
  const { hits, total } = useMemo(
    () => (deferred.trim() ? search(searchIndexFor(index), deferred) : { hits: [], total: 0 }),
    [index, deferred],
  );
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();

  useShortcut({ key: '/' }, (e) => {
    e.preventDefault();
    inputRef.current?.focus();
    inputRef.current?.select();
  });

  useEffect(() => setActive(0), [deferred]);

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    reveal(hit.selection);
  };

  const showList = open && query.trim().length > 0;
  return (
    <div className="relative w-full max-w-md">
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-faint" />
      <Input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label="Search by IP, id, MAC, DNS name, Name or tag, security group, type or state"
        aria-expanded={showList && hits.length > 0}
        aria-controls={showList && hits.length ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `${listId}-${active}` : undefined}
        data-testid="search-input"
        placeholder="Search IP, id, MAC, Name, tag, type, state…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            // Enter acts on the query as typed: the list may still show a deferred, earlier keystroke's results.
            const typed = e.currentTarget.value;
            if (typed.trim() === deferred.trim()) choose(hits[active]);
            else choose(search(searchIndexFor(index), typed).hits[0]);
          } else if (e.key === 'Escape') {
            if (showList) setOpen(false);
            else inputRef.current?.blur();
          }
        }}
        className="pr-9 pl-8"
      />
      {query ? null : <Kbd className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2">/</Kbd>}
      {showList ? (
        <div
          data-testid="search-results"
          className="absolute top-full right-0 left-0 z-30 mt-1 overflow-hidden rounded-lg border border-line bg-surface shadow-lg"
        >
          {hits.length === 0 ? (
            <p role="status" className="px-3 py-3 text-xs text-muted">
              No match for “{deferred.trim()}”. Search looks at IPs, ids, MACs, DNS names, Names and tags, security
              groups, instance types and states.
            </p>
          ) : (
            <ul id={listId} role="listbox" aria-label="Search results" className="max-h-96 overflow-y-auto py-1">
              {hits.map((hit, i) => {
                const label = kindBadge[hit.kind];
                const tone = kindTone[hit.kind];
                return (
                  <li
                    key={`${hit.kind}:${'id' in hit.selection ? hit.selection.id : `${hit.selection.eniId}/${hit.selection.address}`}`}
                    id={`${listId}-${i}`}
                    role="option"
                    aria-selected={i === active}
                    // mousedown, not click: the input's blur would close the list before a click lands
                    onMouseDown={(e) => {
                      e.preventDefault();
                      choose(hit);
                    }}
                    onMouseMove={() => setActive(i)}
                    className={cn(
                      'flex cursor-pointer items-center gap-2 px-3 py-1.5',
                      i === active && 'bg-accent-soft',
                    )}
                  >
                    <Badge tone={tone} className="w-16 justify-center">
                      {label}
                    </Badge>
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-mono text-xs text-fg">{hit.title}</span>
                      <span className="block truncate text-2xs text-muted">
                        {hit.matched ? <span className="font-medium text-fg">{hit.matched} · </span> : null}
                        {hit.context}
                      </span>
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          {total > hits.length ? (
            <p className="border-t border-line px-3 py-1.5 text-2xs text-faint">
              Showing {hits.length} of {total}. Type more to narrow.
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
