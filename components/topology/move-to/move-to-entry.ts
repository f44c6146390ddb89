// The way into Move to… from the one context menu of a resource (changes/change-menu.tsx): the picker registers
// here while it is mounted, and the menu asks whether the element it opened on can move and opens the picker.
type Entry = { canMove(domId: string): boolean; open(domId: string): void };

let entry: Entry | null = null;

/** Registers the picker; returns the unregister function. */
export function registerMoveTo(next: Entry): () => void {
  entry = next;
  return () => {
    if (entry === next) entry = null;
  };
}

/** Whether the element with this DOM id shows a secondary IP, ENI or Elastic IP that Move to… can take. */
export const canMoveTo = (domId: string): boolean => entry?.canMove(domId) ?? false;

/** Opens the picker on the element with this DOM id. */
export const openMoveTo = (domId: string): void => entry?.open(domId);
