'use client';
// Keeps the URL in step with the view: a selection is a history entry (back and forward walk through them),
// typing and filtering replace the current one. The History API calls are the ones Next's router integrates (it
// keeps its own state in the entries), so no request is made and back/forward restore without a reload.
import { useEffect, useState } from 'react';
import { decodeScope, withScope } from '@/lib/queries/scope';
import { decodeView, encodeView, type ViewState } from './model/view-url';

/** The view the page was opened with (a copied link). */
export function initialView(): ViewState {
  return decodeView(typeof window === 'undefined' ? '' : window.location.search);
}

export function useViewUrl(view: ViewState, onPop: (v: ViewState) => void): void {
  useEffect(() => {
    // The account and region stay in the URL whatever the view does (they are the page's, not the view's).
    const next = withScope(encodeView(view), decodeScope(window.location.search));
    const current = window.location.search.replace(/^\?/, '');
    if (next === current) return;
    const url = `${window.location.pathname}${next ? `?${next}` : ''}${window.location.hash}`;
    const selChanged = new URLSearchParams(current).get('sel') !== new URLSearchParams(next).get('sel');
    if (selChanged) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, [view]);

  useEffect(() => {
    const pop = () => onPop(decodeView(window.location.search));
    window.addEventListener('popstate', pop);
    return () => window.removeEventListener('popstate', pop);
  }, [onPop]);
}

/** A value that settles: the last one after `ms` without change (the URL need not follow every keystroke). */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}
