'use client';
// One live region for what the console says outside a drag (dnd-kit announces the drag itself): a refusal to
// pick up a locked item, a search with no match. Plain DOM writes: an announcement is an effect, not state.
const ID = 'console-announcer';

export function Announcer() {
  return (
    <div id={ID} role="status" aria-live="assertive" aria-atomic="true" className="sr-only" data-testid="announcer" />
  );
}

/** Says `text` to screen readers; the same text twice in a row is read twice (the region is cleared first). */
export function announce(text: string): void {
  const el = document.getElementById(ID);
  if (!el) return;
  el.textContent = '';
  requestAnimationFrame(() => {
    el.textContent = text;
  });
}
