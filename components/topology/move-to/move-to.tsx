'use client';
// Move to… for far targets: `m` on a focused or selected secondary IP, ENI or Elastic IP, or "Move to…" in its
// context menu (right click, Shift+F10, the Menu key), opens the picker; the chosen destination's plan opens in
// the same dialog as a drop. Dragging stays for what is on screen.
import { useMutationState } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLatest } from '../use-latest';
import { useShortcut } from '../use-shortcut';
import { applyMutationKey } from '@/lib/queries/moves';
import type { Move } from '@/lib/topology';
import type { TopologyData } from '@/lib/queries/topology';
import { useCanChange } from '@/components/access/access-context';
import { announce } from '../announcer';
import type { DragSource } from '../drag/targets';
import { dragSourceDomId } from '../dom-ids';
import type { Selection } from '../model/selection';
import type { TopologyIndex } from '../model/topology-index';
import { useMoves, useOpenPlanReview } from '../moves/moves-context';
import { focusDomId, useSelection, useTopology } from '../topology-context';
import { destinationsOf, sourceOfSelection } from './candidates';
import { MoveToDialog } from './move-to-dialog';
import { registerMoveTo } from './move-to-entry';

const movableId = /^(ip-\d{1,3}(\.\d{1,3}){3}|eni-[0-9a-f]+|eip-eipalloc-[0-9a-f]+)$/;

/** The nearest element at or above `el` that shows a movable resource (the ids the view, search and drags share). */
function movableElement(el: Element | null): Element | null {
  for (let n = el; n; n = n.parentElement) if (movableId.test(n.id)) return n;
  return null;
}

/** The resource an element of the view shows, if it is of a kind that moves (secondary IP, ENI, Elastic IP). */
export function selectionOfElement(index: TopologyIndex, el: Element | null): Selection | null {
  const node = movableElement(el);
  if (!node || !node.closest('main, aside')) return null;
  const id = node.id;
  if (id.startsWith('eip-')) return { kind: 'eip', id: id.slice(4) };
  if (id.startsWith('eni-')) return { kind: 'eni', id: id.slice(4) };
  const address = id.slice(3);
  // A private IP is unique within a VPC only: the ENI drawn around it says which one.
  const eniId = movableElement(node.parentElement)?.id.slice(4) ?? index.enisByPrivateIp.get(address)?.[0]?.id;
  return eniId ? { kind: 'ip', eniId, address } : null;
}

/** Where a move leaves what it moved: the view reveals it there once EC2 confirms (it may be 2,000 cards away). */
function movedSelection(move: Move): Selection {
  switch (move.kind) {
    case 'move-ip':
      return { kind: 'ip', eniId: move.toEni, address: move.ip };
    case 'move-eni':
    case 'detach-eni':
      return { kind: 'eni', id: move.eni };
    case 'move-eip':
    case 'disassociate-eip':
      return { kind: 'eip', id: move.allocationId };
    default:
      throw new Error(`Move to… never plans ${move.kind}`);
  }
}

/** After a Move to… is confirmed and applied, reveal the moved item at its new place, with the focus on it. */
function useRevealAfterApply(): (move: Move) => void {
  const { reveal } = useTopology();
  const [awaiting, setAwaiting] = useState<{ moves: string; since: number } | null>(null);
  const outcomes = useMutationState({
    filters: { mutationKey: applyMutationKey },
    select: (m) => ({
      status: m.state.status,
      submittedAt: m.state.submittedAt,
      moves: JSON.stringify((m.state.variables as { plans?: { move: Move }[] } | undefined)?.plans?.map((p) => p.move)),
      ok: (m.state.data as { ok?: boolean } | undefined)?.ok === true,
    }),
  });
  useEffect(() => {
    if (!awaiting) return;
    // Only an apply confirmed after the pick (an identical earlier one, undone since, is not this one).
    const done = outcomes.find(
      (o) =>
        o.moves === awaiting.moves &&
        o.submittedAt >= awaiting.since &&
        (o.status === 'success' || o.status === 'error'),
    );
    if (!done) return;
    setAwaiting(null);
    if (done.ok) reveal(movedSelection((JSON.parse(awaiting.moves) as Move[])[0]!));
  }, [awaiting, outcomes, reveal]);
  return useCallback((move: Move) => setAwaiting({ moves: JSON.stringify([move]), since: Date.now() }), []);
}

export function MoveTo({ data, index }: { data: TopologyData; index: TopologyIndex }) {
  const canChange = useCanChange();
  const selected = useSelection();
  const { busy } = useMoves();
  const openPlanReview = useOpenPlanReview();
  const revealAfterApply = useRevealAfterApply();
  const [source, setSource] = useState<DragSource | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const latest = useLatest({ index, selected, canChange, busy });

  const open = useCallback(
    (sel: Selection | null) => {
      const { index: ix, canChange: may, busy: applying } = latest.current;
      if (!may) return announce('Your role cannot change the account: Move to… is not available.');
      if (applying) return announce('A move is being applied: wait for it to finish.');
      if (!sel) return announce('Select or focus a secondary IP, an ENI or an Elastic IP first, then press M.');
      const r = sourceOfSelection(ix, sel);
      if (!r.ok) return announce(r.why);
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setSource(r.source);
    },
    [latest],
  );

  // The destinations of a large account take a moment to list: do it while idle, not on the first M.
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return;
    const id = requestIdleCallback(() => destinationsOf(index), { timeout: 5_000 });
    return () => cancelIdleCallback(id);
  }, [index]);

  // M opens the picker on the focused or selected item (not while a dialog is open, nor during a keyboard drag,
  // whose keys are its own).
  useShortcut({ key: 'm' }, (e) => {
    if (document.querySelector('dialog[open]') || document.querySelector('[aria-pressed="true"][aria-roledescription]'))
      return;
    const { index: ix, selected: sel } = latest.current;
    e.preventDefault();
    open(selectionOfElement(ix, document.activeElement) ?? sel);
  });

  // The resource's context menu (changes/change-menu.tsx) offers Move to… on what can move.
  useEffect(
    () =>
      registerMoveTo({
        canMove: (domId) => {
          const { index: ix, canChange: may } = latest.current;
          const sel = selectionOfElement(ix, document.getElementById(domId));
          return may && sel !== null && sourceOfSelection(ix, sel).ok;
        },
        open: (domId) => open(selectionOfElement(latest.current.index, document.getElementById(domId))),
      }),
    [latest, open],
  );

  const close = useCallback(() => {
    setSource(null);
    const back = returnTo.current;
    requestAnimationFrame(() => back?.isConnected && back.focus({ preventScroll: true }));
  }, []);

  return (
    <>
      {source ? (
        <MoveToDialog
          data={data}
          index={index}
          source={source}
          onClose={close}
          onChoose={(plan) => {
            const domId = dragSourceDomId(source);
            setSource(null);
            if (openPlanReview(plan, { returnFocus: domId })) revealAfterApply(plan.move);
            // If the plan is cancelled, focus goes back to the item (the plan dialog returns it there too).
            requestAnimationFrame(() => document.querySelector('dialog[open]') || focusDomId(domId));
          }}
        />
      ) : null}
    </>
  );
}
