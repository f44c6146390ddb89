'use client';
// The console: loads the snapshot, holds view state (selection, collapse, reveal) and lays out the panes.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ComponentProps } from 'react';
import { topologyQueryKey, topologyQueryOptions, type TopologyData } from '@/lib/queries/topology';
import { buildRows, expandAllSubnets, expandPath, rowIndexFor, type Expansion } from './model/rows';
import { instanceMatches, isFiltering, matchingInstances, noFilters, subnetShown, type Filters } from './model/filters';
import type { ViewState } from './model/view-url';
import { FilterBar } from './filter-bar';
import { publicIpv4InView } from './model/public-ips';
import { searchIndexFor } from './model/search';
import { initialView, useSettled, useViewUrl } from './use-view-url';
import { announce } from './announcer';
import { followSelection, locate, type Selection } from './model/selection';
import { selectionDomId } from './dom-ids';
import { Announcer } from './announcer';
import { buildTopologyIndex } from './model/topology-index';
import { DetailPanel, DetailPlaceholder } from './detail-panel';
import { Brand, HeaderBar } from './header-bar';
import { DemoControls } from '../demo/demo-controls';
import { LoadError } from './load-error';
import { DragLayer } from './drag/drag-layer';
import type { DragKind } from './drag/targets';
import { ChangesHost } from './changes/changes-host';
import { MovesProvider } from './moves/moves-provider';
import { MoveTo } from './move-to/move-to';
import { AutoRefresh } from './auto-refresh/auto-refresh';
import { ChangesPanel } from './auto-refresh/changes-panel';
import { UndoButton } from './moves/undo-button';
import { PoolsRail } from './pools-rail';
import { SearchQueryContext, SelectionContext, TopologyContext, flashElement } from './topology-context';
import { TopologyList, type RevealRequest } from './topology-list';
import { TopologySkeleton } from './topology-skeleton';
import { RailTabs, type RailTab } from './rail-tabs';
import { ActivityPanel } from './activity/activity-panel';
import { useMediaQuery } from './use-media-query';
import { useShortcut } from './use-shortcut';
import { useCanChange } from '@/components/access/access-context';
import { AccountMenu, ReadOnlyNotice } from '@/components/access/account-menu';
import { UnfinishedOperations } from './unfinished-operations';

export function TopologyConsole() {
  const query = useQuery(topologyQueryOptions());
  const refetch = query.refetch;
  const onRefresh = useCallback(() => void refetch(), [refetch]);
  const queryClient = useQueryClient();
  // Aborts the fetch (the query consumes its signal) and with it the server's EC2 calls; the last snapshot stays.
  const onCancelRefresh = useCallback(
    () => void queryClient.cancelQueries({ queryKey: topologyQueryKey }),
    [queryClient],
  );
  // The server answered with the snapshot it kept (shown at once, with its age) while it reads a newer one: ask for
  // that one; it replaces the data in place, so scroll, selection, filters and an open plan stay.
  const revalidating = query.data?.revalidating === true;
  useEffect(() => {
    if (revalidating) void refetch();
  }, [revalidating, refetch]);

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

type ViewProps = {
  snapshot: TopologyData;
  refreshing: boolean;
  refreshError: unknown;
  onRefresh: () => void;
  onCancelRefresh: () => void;
};

function TopologyView({ snapshot, refreshing, refreshError, onRefresh, onCancelRefresh }: ViewProps) {
  const index = useMemo(() => buildTopologyIndex(snapshot), [snapshot]);
  // The view opens as the URL says (a copied link), then writes itself back to it.
  const [opened] = useState(initialView);
  const [expansion, setExpansion] = useState<Expansion>(opened.expansion);
  const [filters, setFilters] = useState<Filters>(opened.filters);
  const [query, setQuery] = useState(opened.query);
  const [chosen, setSelection] = useState<Selection | null>(opened.selection);
  const [compact, setCompact] = useState(opened.compact);
  const [openInstances, setOpenInstances] = useState<ReadonlySet<string>>(new Set());
  const onOpenInstance = useCallback((id: string, open: boolean) => {
    setOpenInstances((prev) => {
      const next = new Set(prev);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  // A moved private IP stays selected where it now is (see followSelection).
  const selection = useMemo(() => (chosen ? followSelection(index, chosen) : null), [index, chosen]);
  const [revealRequest, setRevealRequest] = useState<RevealRequest | null>(null);
  const nonce = useRef(0);
  const rows = useMemo(() => buildRows(index, expansion, filters, compact), [index, expansion, filters, compact]);
  const matching = useMemo(() => matchingInstances(index, filters), [index, filters]);
  const shown = matching?.size ?? snapshot.instances.length;
  const publicIps = useMemo(() => publicIpv4InView(index, matching), [index, matching]);

  const settledQuery = useSettled(query, 400);
  const view = useMemo<ViewState>(
    () => ({ filters, query: settledQuery, selection: chosen, expansion, compact }),
    [filters, settledQuery, chosen, expansion, compact],
  );
  const onPop = useCallback((v: ViewState) => {
    setFilters(v.filters);
    setQuery(v.query);
    setSelection(v.selection);
    setExpansion(v.expansion);
    setCompact(v.compact);
  }, []);
  useViewUrl(view, onPop);
  const searchQuery = useMemo(() => ({ query, setQuery }), [query]);
  // Build the search index while the browser is idle after a load, not on the first keystroke.
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return;
    const id = requestIdleCallback(() => searchIndexFor(index), { timeout: 5_000 });
    return () => cancelIdleCallback(id);
  }, [index]);

  // Below xl there is no room for three columns: details and pools share the side rail, as tabs.
  const wide = useMediaQuery('(min-width: 80rem)');
  const railVisible = useMediaQuery('(min-width: 64rem)');
  const [railTab, setRailTab] = useState<RailTab>('pools');
  // An ENI or an Elastic IP can be dropped on its pool: while one is carried, the narrow rail shows the pools.
  const onDragKind = useCallback((kind: DragKind | null) => {
    if (kind === 'eni' || kind === 'eip') setRailTab('pools');
  }, []);
  const select = useCallback(
    (sel: Selection | null) => {
      setSelection(sel);
      // On wide screens details have their own column: the Activity tab stays open while one selects.
      setRailTab((t) => (wide && t === 'activity' ? t : sel ? 'details' : 'pools'));
    },
    [wide],
  );

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
          document.getElementById(selectionDomId(sel))?.scrollIntoView({ block: 'center', behavior: 'smooth' });
          flashElement(selectionDomId(sel));
        });
        return;
      }
      // A resource the filters hide is shown anyway: the filters that hide it go, and the reader is told.
      const instance = loc.instanceId ? index.instanceById.get(loc.instanceId) : undefined;
      const hidden =
        isFiltering(filters) &&
        (instance
          ? !instanceMatches(index, instance, filters)
          : loc.subnetId
            ? !subnetShown(index, filters, loc.subnetId, 1)
            : false);
      const shownFilters = hidden ? noFilters : filters;
      if (hidden) {
        setFilters(noFilters);
        announce('Filters cleared to show the chosen resource.');
      }
      const next = expandPath(expansion, loc);
      setExpansion(next);
      // In the compact density, a resource inside an instance opens that instance's line into its card.
      if (loc.instanceId && sel.kind !== 'instance') onOpenInstance(loc.instanceId, true);
      const rowIndex = rowIndexFor(buildRows(index, next, shownFilters, compact), loc);
      setRevealRequest({ rowIndex, domId: selectionDomId(sel), nonce: ++nonce.current });
    },
    [index, expansion, filters, compact, onOpenInstance],
  );

  // A link that names a selection opens on it: scrolled to, highlighted and detailed.
  const revealedOnOpen = useRef(false);
  useEffect(() => {
    if (revealedOnOpen.current) return;
    revealedOnOpen.current = true;
    if (opened.selection) reveal(opened.selection);
  }, [opened, reveal]);

  // Escape clears the selection (not preventDefault: an open dialog still closes on it).
  useShortcut({ key: 'Escape' }, () => select(null), !!selection);

  const ctx = useMemo(() => ({ index, select, reveal }), [index, select, reveal]);
  const canChange = useCanChange();
  const railLabel = railTab === 'activity' ? 'Activity' : railTab === 'pools' || wide ? 'Pools' : 'Details';
  const details = (
    <div data-testid="detail-panel" className="h-full bg-surface">
      {selection ? <DetailPanel selection={selection} onClose={() => select(null)} /> : <DetailPlaceholder />}
    </div>
  );

  return (
    <TopologyContext value={ctx}>
      <SearchQueryContext value={searchQuery}>
        <SelectionContext value={selection}>
          <MovesAndDrag data={snapshot} index={index} railVisible={railVisible} onDragKind={onDragKind}>
            <div className="flex h-dvh flex-col">
              <HeaderBar
                snapshot={snapshot}
                refreshing={refreshing}
                onRefresh={onRefresh}
                onCancelRefresh={onCancelRefresh}
                actions={
                  <>
                    <AutoRefresh />
                    <DemoControls />
                    {canChange ? <UndoButton /> : null}
                  </>
                }
                account={<AccountMenu />}
              />
              <ReadOnlyNotice />
              <UnfinishedOperations />
              {refreshError ? (
                <div className="border-b border-line bg-surface px-4 py-2">
                  <LoadError error={refreshError} onRetry={onRefresh} retrying={refreshing} compact />
                </div>
              ) : null}
              <div className="flex min-h-0 flex-1">
                <aside
                  aria-label={railLabel}
                  className="hidden w-80 shrink-0 flex-col border-r border-line bg-canvas lg:flex xl:w-72"
                >
                  <RailTabs tab={railTab} onTab={setRailTab} hasSelection={!!selection} withDetails={!wide} />
                  <div className="min-h-0 flex-1 overflow-y-auto overflow-x-hidden">
                    {railTab === 'activity' ? <ActivityPanel /> : railTab === 'pools' || wide ? <PoolsRail /> : details}
                  </div>
                </aside>
                <main aria-label="Topology" data-testid="topology" className="flex min-w-0 flex-1 flex-col">
                  <FilterBar
                    filters={filters}
                    onChange={setFilters}
                    shown={shown}
                    total={snapshot.instances.length}
                    publicIps={publicIps}
                  />
                  <div className="min-h-0 flex-1">
                    <TopologyList
                      rows={rows}
                      onToggle={onToggle}
                      onExpandAll={onExpandAll}
                      reveal={revealRequest}
                      emptyMessage={isFiltering(filters) ? 'No instance matches the filters.' : undefined}
                      compact={compact}
                      onCompact={setCompact}
                      openInstances={openInstances}
                      onOpenInstance={onOpenInstance}
                    />
                  </div>
                </main>
                {wide ? (
                  <aside aria-label="Details" className="w-[22rem] shrink-0 border-l border-line bg-surface">
                    {details}
                  </aside>
                ) : null}
              </div>
              <Announcer />
              <ChangesHost data={snapshot} />
            </div>
            <MoveTo data={snapshot} index={index} />
            <ChangesPanel data={snapshot} />
          </MovesAndDrag>
        </SelectionContext>
      </SearchQueryContext>
    </TopologyContext>
  );
}

/** The moves (plan review, undo, toasts) around the drag layer, whose drops they review. */
function MovesAndDrag({ children, ...props }: ComponentProps<typeof DragLayer>) {
  return (
    <MovesProvider data={props.data} index={props.index}>
      <DragLayer {...props}>{children}</DragLayer>
    </MovesProvider>
  );
}
