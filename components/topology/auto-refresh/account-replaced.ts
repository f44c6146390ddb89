// The console's own changes that its view did not show before the next read: a demo reset to a scenario (the next
// read differs in everything) and the applies made outside the canvas's optimistic path (a failover, its failback).
// None of it was done outside the console, so "Changed since …" starts over from that read instead of listing it.
// (A change made by someone else in the same moment is then not listed either; the canvas still shows it.)
let changes = 0;

/** Called once such a change is done (or was attempted: its steps may have run), before the view reads again. */
export function noteConsoleChange(): void {
  changes += 1;
}

/** How many so far: the changes panel compares it with the count it last saw. */
export const consoleChanges = (): number => changes;
