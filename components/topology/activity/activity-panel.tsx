'use client';
// The Activity panel: the record, newest first, filtered by user, resource id, outcome, account and region, with an
// export.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { auditQueryOptions, auditSearch, type AuditFilters } from '@/lib/queries/audit';
import { AuditEntry } from './audit-entry';
import { ScopeFilters } from './scope-filters';

export function ActivityPanel() {
  const [user, setUser] = useState('');
  const [resource, setResource] = useState('');
  const [outcome, setOutcome] = useState('');
  const [account, setAccount] = useState('');
  const [region, setRegion] = useState('');
  const filters: AuditFilters = {
    user: useDeferredValue(user.trim()),
    resource: useDeferredValue(resource.trim()),
    outcome,
    account,
    region,
  };
  return (
    <div className="flex h-full flex-col" data-testid="activity-panel">
      <div className="flex flex-col gap-1.5 border-b border-line bg-surface p-3">
        <div className="flex gap-1.5">
          <Input
            aria-label="Filter by user"
            placeholder="User"
            value={user}
            onChange={(e) => setUser(e.target.value)}
            className="h-7 text-xs"
          />
          <select
            aria-label="Filter by outcome"
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
            className="h-7 rounded-md border border-line-strong bg-surface px-1.5 text-xs text-fg"
          >
            <option value="">any outcome</option>
            <option value="ok">ok</option>
            <option value="refused">refused</option>
            <option value="failed">failed</option>
            <option value="denied">denied</option>
          </select>
        </div>
        <Input
          aria-label="Filter by resource id"
          placeholder="Resource id or IP"
          value={resource}
          onChange={(e) => setResource(e.target.value)}
          className="h-7 font-mono text-xs"
        />
        <ScopeFilters account={account} region={region} onAccount={setAccount} onRegion={setRegion} />
        <a
          href={`/api/audit/export?${auditSearch(filters)}`}
          className="self-end text-2xs text-accent hover:underline"
          download
        >
          Export as JSON Lines
        </a>
      </div>
      <AuditList filters={filters} empty="Nothing on the record matches." />
    </div>
  );
}

export function AuditList({
  filters,
  empty,
  pageSize = 30,
}: {
  filters: AuditFilters;
  empty: string;
  pageSize?: number;
}) {
  const query = useInfiniteQuery({ ...auditQueryOptions(filters, pageSize), refetchInterval: 15_000 });
  const now = Date.now();
  if (query.isPending) {
    return (
      <p className="flex items-center gap-2 p-3 text-xs text-muted">
        <Spinner /> Reading the record…
      </p>
    );
  }
  if (query.isError) {
    return (
      <p role="alert" className="p-3 text-xs text-danger">
        The record could not be read: {query.error.message}
      </p>
    );
  }
  const entries = query.data.pages.flatMap((p) => p.entries);
  if (entries.length === 0) return <p className="p-3 text-xs text-muted">{empty}</p>;
  return (
    // Focusable, so a keyboard alone can scroll a long record (its entries hold no control of their own).
    <div
      className="min-h-0 flex-1 overflow-y-auto focus-visible:-outline-offset-2"
      tabIndex={0}
      role="region"
      aria-label="Activity record"
    >
      <ul aria-label="Activity">
        {entries.map((e) => (
          <AuditEntry key={e.id} entry={e} now={now} />
        ))}
      </ul>
      {query.hasNextPage ? (
        <div className="p-2">
          <Button
            size="sm"
            className="w-full justify-center"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
          >
            {query.isFetchingNextPage ? <Spinner /> : null}
            Older entries
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** A resource's history in its detail panel: the entries that name it. */
export function ResourceHistory({ resourceId }: { resourceId: string }) {
  return (
    <section aria-label="History" className="border-t border-line" data-testid="resource-history">
      <h3 className="px-4 pt-3 pb-1 text-2xs font-semibold tracking-wider text-faint uppercase">History</h3>
      <AuditList
        filters={{ resource: resourceId }}
        empty="No change to this resource is on the record."
        pageSize={10}
      />
    </section>
  );
}
