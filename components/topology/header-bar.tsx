'use client';
// The top bar: product, region and mode, snapshot age and counts, refresh and search.
import { useEffect, useState, type ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { RefreshIcon } from '@/components/ui/icons';
import { formatElapsed, useElapsedSeconds } from './elapsed';
import { Spinner } from '@/components/ui/spinner';
import type { Snapshot } from '@/lib/topology';
import { endpointHost, endpointMode, formatAge, formatCount, formatUtc } from './model/format';
import { countPrivateIps } from './model/topology-index';
import { ScopePicker } from './scope-picker';
import { SearchBox } from './search-box';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

export function Brand() {
  return (
    <div className="flex items-center gap-2">
      <svg viewBox="0 0 32 32" className="size-6" aria-hidden>
        <rect width="32" height="32" rx="7" className="fill-accent" />
        <rect x="7" y="8" width="18" height="16" rx="3" fill="none" stroke="#fff" strokeWidth="2" />
        <circle cx="12" cy="16" r="2" fill="#fff" />
        <circle cx="20" cy="16" r="2" fill="#fff" />
      </svg>
      <h1 className="text-sm font-semibold tracking-tight">ENI Console</h1>
    </div>
  );
}

/** actions: extra buttons before Refresh (the Undo button); onCancelRefresh: stops a refresh under way; account: who is signed in, after it. */
type Props = {
  snapshot: Snapshot;
  refreshing: boolean;
  onRefresh: () => void;
  onCancelRefresh?: () => void;
  actions?: ReactNode;
  account?: ReactNode;
};

export function HeaderBar({ snapshot, refreshing, onRefresh, onCancelRefresh, actions, account }: Props) {
  const now = useNow(10_000);
  const elapsed = useElapsedSeconds(refreshing);
  const mode = endpointMode(snapshot.endpoint, snapshot.endpointServer);
  const ips = countPrivateIps(snapshot);
  const counts: [string, number][] = [
    ['VPCs', snapshot.vpcs.length],
    ['instances', snapshot.instances.length],
    ['ENIs', snapshot.enis.length],
    ['IPs', ips],
    ['EIPs', snapshot.eips.length],
  ];
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-line bg-surface px-4 py-2">
      <Brand />
      <div className="flex items-center gap-1.5">
        <ScopePicker region={snapshot.region} />
        {mode === 'emulator' ? (
          <Badge tone="warn" title={`Emulator at ${snapshot.endpoint}`}>
            Emulator
          </Badge>
        ) : mode === 'custom' ? (
          <Badge
            tone="warn"
            className="font-mono"
            title={`EC2-compatible endpoint ${snapshot.endpoint ?? ''}${snapshot.endpointServer ? ` (Server: ${snapshot.endpointServer})` : ''}`}
          >
            {endpointHost(snapshot.endpoint)}
          </Badge>
        ) : (
          <Badge tone="ok" title="Amazon EC2">
            AWS
          </Badge>
        )}
      </div>
      <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1 sm:px-4">
        <SearchBox />
      </div>
      <dl className="hidden items-center gap-3 text-xs text-muted xl:flex" aria-label="Counts">
        {counts.map(([label, n]) => (
          <div key={label} className="flex items-baseline gap-1">
            <dd className="font-mono font-medium text-fg">{formatCount(n)}</dd>
            <dt>{label}</dt>
          </div>
        ))}
      </dl>
      <div className="ml-auto flex items-center gap-2">
        <time
          dateTime={snapshot.fetchedAt}
          title={`Snapshot read ${formatUtc(snapshot.fetchedAt)}`}
          className="text-xs text-faint"
        >
          {formatAge(snapshot.fetchedAt, now)}
        </time>
        {actions}
        {refreshing && elapsed >= 1 ? (
          <span
            role="status"
            data-testid="refresh-elapsed"
            className="text-xs whitespace-nowrap text-muted tabular-nums"
          >
            Reading EC2… {formatElapsed(elapsed)}
          </span>
        ) : null}
        <Button size="sm" onClick={onRefresh} disabled={refreshing} aria-label="Refresh topology" data-testid="refresh">
          {refreshing ? <Spinner /> : <RefreshIcon />}
          Refresh
        </Button>
        {refreshing && onCancelRefresh ? (
          <Button size="sm" variant="secondary" onClick={onCancelRefresh} data-testid="cancel-refresh">
            Cancel
          </Button>
        ) : null}
        {account}
      </div>
    </header>
  );
}
