'use client';
// Keyboard shortcuts of the console, one window listener each, all with the same rule: a key typed into a field
// is text, not a shortcut. Used for "/" (search), Escape (clear the selection) and Ctrl/Cmd+Z (undo).
import { useEffect } from 'react';
import { useLatest } from './use-latest';

/** Whether a key event's target takes text (a field, a list box, editable content): shortcuts leave it alone. */
export function isTypingTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

export type Shortcut = {
  /** KeyboardEvent.key, compared without case ('z', '/', 'Escape'). */
  key: string;
  /** Ctrl (or ⌘ on a Mac) held, without Shift or Alt; otherwise none of Ctrl, ⌘, Alt may be held. */
  mod?: boolean;
};

function matches(e: KeyboardEvent, { key, mod = false }: Shortcut): boolean {
  if (e.key.toLowerCase() !== key.toLowerCase()) return false;
  if (mod) return (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey;
  return !e.ctrlKey && !e.metaKey && !e.altKey;
}

/**
 * Calls onKey for the shortcut, anywhere in the page but a text field, while `enabled`. onKey decides whether to
 * preventDefault (Escape must still reach an open dialog). onKey may change every render: the newest one runs.
 */
export function useShortcut(shortcut: Shortcut, onKey: (e: KeyboardEvent) => void, enabled = true): void {
  const latest = useLatest(onKey);
  const { key, mod } = shortcut;
  useEffect(() => {
    if (!enabled) return;
    const listener = (e: KeyboardEvent) => {
      if (matches(e, { key, mod }) && !isTypingTarget(e.target)) latest.current(e);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [key, mod, enabled, latest]);
}
