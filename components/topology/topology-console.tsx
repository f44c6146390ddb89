'use client';
// The console: loads the snapshot, holds view state (selection, collapse, reveal) and lays out the panes.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { topologyQueryKey, topologyQueryOptions, type TopologyData } from '@/lib/queries/topology';
import { buildRows, expandAllSubnets, expandPath, rowIndexFor, type Expansion } from './model/rows';
import { domIdOf, locate, type Selection } from './model/selection';
import { buildTopologyIndex } from './model/topology-index';
import { DetailPanel, DetailPlaceholder } from './detail-panel';
import { Brand, HeaderBar } from './header-bar';
import { LoadError } from './load-error';
import type { DragKind } from './drag/model';
import { MovesProvider } from './moves/moves-provider';
import { UndoButton } from './moves/undo-button';
import { PoolsRail } from './pools-rail';
import { SelectionContext, TopologyContext, flashElement } from './topology-context';
import { TopologyList, type RevealRequest } from './topology-list';
import { TopologySkeleton } from './topology-skeleton';
import { RailTabs, type RailTab } from './rail-tabs';
import { useMediaQuery } from './use-media-query';

export function TopologyConsole() {
  const query = useQuery(topologyQueryOptions());
  const refetch = query.refetch;
  const onRefresh = useCallback(() => void refetch(), [refetch]);
  const queryClient = useQueryClient();
  // Aborts the fetch (the query consumes its signal) and with it the server's EC2 calls; the last snapshot stays.
  const onCancelRefresh = useCallback(() => void queryClient.cancelQueries({ queryKey: topologyQueryKey }), [queryClient]);

  if (query.isPending) return <TopologySkeleton />;
  if (query.isError && !query.data) {
    return (
      <div className="flex h-dvh flex-col items-center justify-center gap-6 bg-canvas p-6">
        <Brand />
        <LoadError error={query.error} onRetry={onRefresh} retrying={query.isFetching} />
      </div>
    );
  }
  return (
    <TopologyView
      snapshot={query.data}
      refreshing={query.isFetching}
      refreshError={query.isError ? query.error : null}
      onRefresh={onRefresh}
      onCancelRefresh={onCancelRefresh}
    />
  );
}

type ViewProps = { snapshot: TopologyData; refreshing: boolean; refreshError: unknown; onRefresh: () => void; onCancelRefresh: () => void };

function TopologyView({ snapshot, refreshing, refreshError, onRefresh, onCancelRefresh }: ViewProps) {
  const index = useMemo(() => buildTopologyIndex(snapshot), [snapshot]);
  const [expansion, setExpansion] = useState<Expansion>({});
  const [selection, setSelection] = useState<Selection | null>(null);
  const [revealRequest, setRevealRequest] = useState<RevealRequest | null>(null);
  const nonce = useRef(0);
  const rows = useMemo(() => buildRows(index, expansion), [index, expansion]);

  // Below xl there is no room for three columns: details and pools share the side rail, as tabs.
  const wide = useMediaQuery('(min-width: 80rem)');
  const railVisible = useMediaQuery('(min-width: 64rem)');
  const [railTab, setRailTab] = useState<RailTab>('pools');
  // An ENI or an Elastic IP can be dropped on its pool: while one is carried, the narrow rail shows the pools.
  const onDragKind = useCallback((kind: DragKind | null) => {
    if (kind === 'eni' || kind === 'eip') setRailTab('pools');
  }, []);
  const select = useCallback((sel: Selection | null) => {
    setSelection(sel);
    setRailTab(sel ? 'details' : 'pools');
  }, []);

  const onExpandAll = useCallback((open: boolean) => setExpansion(expandAllSubnets(index, open)), [index]);
  const onToggle = useCallback((key: string, open: boolean) => setExpansion((e) => ({ ...e, [key]: open })), []);

  const reveal = useCallback(
    (sel: Selection) => {
      const loc = locate(index, sel);
      setSelection(sel);
      // On narrow screens a pool resource is shown where it lives (the Pools tab); anything else gets details.
      setRailTab(loc.pool ? 'pools' : 'details');
      if (loc.pool) {
        // Pools live in the side rail, outside the virtualized canvas: a plain scroll reaches them.
        requestAnimationFrame(() => {
          document.getElementById(domIdOf(sel))?.scrollIntoView({ block: 'center', behavior: 'smooth' });
          flashElement(domIdOf(sel));
        });
        return;
      }
      const next = expandPath(expansion, loc);
      setExpansion(next);
      const rowIndex = rowIndexFor(buildRows(index, next), loc);
      setRevealRequest({ rowIndex, domId: domIdOf(sel), nonce: ++nonce.current });
    },
    [index, expansion],
  );

  useEffect(() => {
    if (!selection) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target;
      const typing = t instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
      if (e.key === 'Escape' && !typing) select(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection, select]);

  const ctx = useMemo(() => ({ index, select, reveal }), [index, select, reveal]);
  const details = (
    <div data-testid="detail-panel" className="h-full bg-surface">
      {selection ? <DetailPanel selection={selection} onClose={() => select(null)} /> : <DetailPlaceholder />}
    </div>
  );

  return (
    <TopologyContext value={ctx}>
      <SelectionContext value={selection}>
        <MovesProvider data={snapshot} index={index} railVisible={railVisible} onDragKind={onDragKind}>
        <div className="flex h-dvh flex-col">
          <HeaderBar snapshot={snapshot} refreshing={refreshing} onRefresh={onRefresh} onCancelRefresh={onCancelRefresh} actions={<UndoButton />} />
          {refreshError ? (
            <div className="border-b border-line bg-surface px-4 py-2">
              <LoadError error={refreshError} onRetry={onRefresh} retrying={refreshing} compact />
            </div>
          ) : null}
          <div className="flex min-h-0 flex-1">
            <aside aria-label={wide || railTab === 'pools' ? 'Pools' : 'Details'} className="hidden w-80 shrink-0 flex-col border-r border-line bg-canvas lg:flex xl:w-72">
              {wide ? null : <RailTabs tab={railTab} onTab={setRailTab} hasSelection={!!selection} />}
              <div className="min-h-0 flex-1 overflow-y-auto">
                {wide || railTab === 'pools' ? <PoolsRail /> : details}
              </div>
            </aside>
            <main aria-label="Topology" data-testid="topology" className="min-w-0 flex-1">
              <TopologyList rows={rows} onToggle={onToggle} onExpandAll={onExpandAll} reveal={revealRequest} />
            </main>
            {wide ? (
              <aside aria-label="Details" className="w-[22rem] shrink-0 border-l border-line bg-surface">
                {details}
              </aside>
            ) : null}
          </div>
        </div>
        </MovesProvider>
      </SelectionContext>
    </TopologyContext>
  );
}
