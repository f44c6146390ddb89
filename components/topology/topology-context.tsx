'use client';
// Shares the snapshot's index and the current selection with every card without threading props through rows.
import { createContext, useContext } from 'react';
import type { Selection } from './model/selection';
import { sameSelection } from './model/selection';
import type { TopologyIndex } from './model/topology-index';

type TopologyContextValue = {
  index: TopologyIndex;
  select: (sel: Selection) => void;
  /** Opens a group path, scrolls to the resource, selects and highlights it. */
  reveal: (sel: Selection) => void;
};

export const TopologyContext = createContext<TopologyContextValue | null>(null);

/** The search box's text: view state, kept in the URL with the rest. */
export const SearchQueryContext = createContext<{ query: string; setQuery: (q: string) => void } | null>(null);
export const SelectionContext = createContext<Selection | null>(null);

export function useTopology(): TopologyContextValue {
  const ctx = useContext(TopologyContext);
  if (!ctx) throw new Error('useTopology must be used inside <TopologyContext>');
  return ctx;
}

export function useIsSelected(sel: Selection): boolean {
  return sameSelection(useContext(SelectionContext), sel);
}

export function useSelection(): Selection | null {
  return useContext(SelectionContext);
}

/** Replays the highlight animation on an element: a transient effect, so plain DOM rather than state. */
export function flashElement(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.classList.remove('animate-flash');
  void el.offsetWidth; // restart the animation
  el.classList.add('animate-flash');
  el.addEventListener('animationend', () => el.classList.remove('animate-flash'), { once: true });
}

/** Focuses the control that shows a resource: the element itself when it is a button, else its first button. */
export function focusDomId(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  const target = el.matches('button') ? el : el.querySelector<HTMLElement>('button');
  if (!target) return false;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  return document.activeElement === target;
}
